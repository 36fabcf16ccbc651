import type { IsoDate } from '../domain/dates.ts';
import type { PersonOnFile } from '../domain/duplicates.ts';
import type { Db } from './prismaClient.ts';

type IdentityKey = { nameKey: string; birthDate: IsoDate };

/** A flag lists a few files to look at; more than this many matches says the same. */
const MATCHES_PER_KIND = 20;

/** People on file by name key and birth date, as applicants and as household members, of other beneficiaries. */
export function duplicateRepository(db: Db) {
  return {
    async peopleOnFile(keys: readonly IdentityKey[], exceptBeneficiaryId: number): Promise<PersonOnFile[]> {
      if (keys.length === 0) return [];
      const matching = keys.map((key) => ({ nameKey: key.nameKey, birthDate: key.birthDate }));
      const [applicants, members] = await Promise.all([
        db.supportRequest.findMany({
          where: { OR: matching, beneficiaryId: { not: exceptBeneficiaryId } },
          select: { id: true, beneficiaryId: true, reference: true, fullName: true, birthDate: true },
          orderBy: { id: 'desc' },
          take: MATCHES_PER_KIND,
        }),
        db.householdMember.findMany({
          where: { OR: matching, request: { beneficiaryId: { not: exceptBeneficiaryId } } },
          select: { fullName: true, birthDate: true, request: { select: { id: true, beneficiaryId: true, reference: true } } },
          orderBy: { id: 'desc' },
          take: MATCHES_PER_KIND,
        }),
      ]);
      return [
        ...applicants.map((row) => ({ beneficiaryId: row.beneficiaryId, requestId: row.id, reference: row.reference, fullName: row.fullName ?? '', birthDate: (row.birthDate ?? '') as IsoDate, as: 'applicant' as const })),
        ...members.map((row) => ({ beneficiaryId: row.request.beneficiaryId, requestId: row.request.id, reference: row.request.reference, fullName: row.fullName, birthDate: row.birthDate as IsoDate, as: 'household' as const })),
      ];
    },
  };
}
