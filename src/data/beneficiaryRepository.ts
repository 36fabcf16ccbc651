import type { Prisma } from '../generated/prisma/client.ts';
import type { Db } from './prismaClient.ts';
import { nameKeyOf } from './nameSearch.ts';
import { MODEL_COLUMN_TYPES } from './columnTypes.ts';
import type { SqlReader } from './sqlReader.ts';

export function beneficiaryRepository(db: Db, sql: SqlReader) {
  return {
    // Through the driver: every signed-in beneficiary request loads the account (sqlReader.ts).
    findById: async (id: number) =>
      (
        await sql.all<Prisma.TypeMap['model']['Beneficiary']['payload']['scalars']>(
          'SELECT * FROM "Beneficiary" WHERE "id" = ?',
          [id],
          MODEL_COLUMN_TYPES.Beneficiary,
        )
      )[0] ?? null,
    findByNationalId: (nationalId: string) => db.beneficiary.findUnique({ where: { nationalId } }),
    /** Walk-ins are created by staff without a password; an online account may later claim the same record. */
    create: (input: { nationalId: string; mobile?: string | null; fullName?: string | null; passwordHash?: string | null; privacyConsentAt?: Date | null; privacyNoticeVersion?: string | null }) =>
      db.beneficiary.create({ data: { ...input, nameKey: nameKeyOf(input.fullName) } }),
    update: (
      id: number,
      data: Partial<{
        mobile: string | null;
        mobileVerifiedAt: Date | null;
        passwordHash: string | null;
        privacyConsentAt: Date | null;
        privacyNoticeVersion: string | null;
        fullName: string | null;
        failedLoginCount: number;
        lockedUntil: Date | null;
        nafathVerifiedAt: Date | null;
        email: string | null;
      }>,
    ) => db.beneficiary.update({ where: { id }, data: data.fullName !== undefined ? { ...data, nameKey: nameKeyOf(data.fullName) } : data }),
    /** One more wrong password, counted in the database so attempts at the same moment all count; the new count. */
    countFailedLogin: async (id: number) =>
      (await db.beneficiary.update({ where: { id }, data: { failedLoginCount: { increment: 1 } }, select: { failedLoginCount: true } })).failedLoginCount,
    lockOut: (id: number, lockedUntil: Date) => db.beneficiary.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil } }),
    recordSuccessfulLogin: (id: number) => db.beneficiary.update({ where: { id }, data: { failedLoginCount: 0, lockedUntil: null } }),

    createOneTimeCode: async (input: { beneficiaryId: number; purpose: string; codeHash: string; expiresAt: Date; createdAt?: Date }) => {
      // Only the newest code is usable: issuing one retires the earlier ones.
      await db.oneTimeCode.updateMany({
        where: { beneficiaryId: input.beneficiaryId, purpose: input.purpose, consumedAt: null },
        data: { consumedAt: new Date(0) },
      });
      return db.oneTimeCode.create({ data: input });
    },
    latestOneTimeCode: (beneficiaryId: number, purpose: string) =>
      db.oneTimeCode.findFirst({ where: { beneficiaryId, purpose, consumedAt: null }, orderBy: { id: 'desc' } }),
    recordCodeAttempt: (id: number) => db.oneTimeCode.update({ where: { id }, data: { attempts: { increment: 1 } } }),
    consumeCode: (id: number, at: Date) => db.oneTimeCode.update({ where: { id }, data: { consumedAt: at } }),
    /** Retires every open code of a purpose, so none of them works any more. */
    retireCodes: (beneficiaryId: number, purpose: string) =>
      db.oneTimeCode.updateMany({ where: { beneficiaryId, purpose, consumedAt: null }, data: { consumedAt: new Date(0) } }),

    /** Whether the association already knows this person (requests or a file number): such a record never goes to a stranger. */
    hasFile: async (beneficiaryId: number) => {
      const record = await db.beneficiary.findUnique({ where: { id: beneficiaryId }, select: { fileNumber: true, _count: { select: { requests: true } } } });
      return Boolean(record && (record.fileNumber || record._count.requests > 0));
    },

    pendingRegistration: (beneficiaryId: number) => db.pendingRegistration.findUnique({ where: { beneficiaryId } }),
    /** One attempt per record: a new one replaces the earlier one with its password and mobile. */
    savePendingRegistration: (input: { beneficiaryId: number; method: string; mobile: string; passwordHash: string | null; privacyNoticeVersion: string; createdAt: Date; expiresAt: Date }) =>
      db.pendingRegistration.upsert({ where: { beneficiaryId: input.beneficiaryId }, create: input, update: input }),
    deletePendingRegistration: (beneficiaryId: number) => db.pendingRegistration.deleteMany({ where: { beneficiaryId } }),
    deleteLapsedRegistrations: async (now: Date) => (await db.pendingRegistration.deleteMany({ where: { expiresAt: { lte: now } } })).count,
  };
}
export type BeneficiaryRepository = ReturnType<typeof beneficiaryRepository>;
