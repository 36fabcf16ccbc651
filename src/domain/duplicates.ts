import type { IsoDate } from './dates.ts';
import { nameKey } from './nameKey.ts';

/**
 * Possible duplicates: the same person already on file under another beneficiary. Two people are
 * taken to be the same when their names fold to the same key (src/domain/nameKey.ts) and they were
 * born on the same day; a match is a flag for the officer to look at, never a refusal.
 */
export interface PersonToCheck {
  /** Who on this request: the applicant, or a household member by id. */
  who: { kind: 'applicant' } | { kind: 'household'; memberId: number };
  fullName: string | null;
  birthDate: IsoDate | null;
}

export interface PersonOnFile {
  beneficiaryId: number;
  requestId: number;
  reference: string | null;
  fullName: string;
  birthDate: IsoDate;
  /** How they appear on that request. */
  as: 'applicant' | 'household';
}

export interface DuplicateFlag {
  person: PersonToCheck;
  matches: PersonOnFile[];
}

/** What a person is looked up by; null when the name or the birth date is missing. */
export function identityKey(fullName: string | null | undefined, birthDate: IsoDate | null | undefined): { nameKey: string; birthDate: IsoDate } | null {
  if (!fullName || !birthDate) return null;
  const key = nameKey(fullName);
  return key === '' ? null : { nameKey: key, birthDate };
}

/**
 * The people of a request (of `beneficiaryId`) who match someone on file for another beneficiary.
 * The beneficiary's own earlier requests are not duplicates: the same family applying again.
 */
export function duplicateFlags(beneficiaryId: number, people: readonly PersonToCheck[], onFile: readonly PersonOnFile[]): DuplicateFlag[] {
  const flags: DuplicateFlag[] = [];
  for (const person of people) {
    const key = identityKey(person.fullName, person.birthDate);
    if (!key) continue;
    const matches = onFile.filter((other) => {
      if (other.beneficiaryId === beneficiaryId) return false;
      const otherKey = identityKey(other.fullName, other.birthDate);
      return otherKey !== null && otherKey.nameKey === key.nameKey && otherKey.birthDate === key.birthDate;
    });
    if (matches.length > 0) flags.push({ person, matches });
  }
  return flags;
}
