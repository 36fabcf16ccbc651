import { hashRequestData, requestDataSnapshot, type RequestDataSnapshot } from './declaration.ts';
import { SIGNED_FIELD_NAMES } from './journeySteps.ts';

export const VERIFICATION_ITEMS = [
  'identity',
  'household',
  'income',
  'housing',
  'bank_account',
  'documents',
] as const;
export type VerificationItem = (typeof VERIFICATION_ITEMS)[number];

export const VERIFICATION_OUTCOMES = ['verified', 'mismatch', 'not_applicable'] as const;
export type VerificationOutcome = (typeof VERIFICATION_OUTCOMES)[number];

export const VERIFICATION_NOTE_MAX_LENGTH = 1000;

export const VERIFICATION_ERROR_CODES = [
  'verification.item',
  'verification.outcome',
  'verification.noteRequired',
  'verification.noteTooLong',
] as const;
export type VerificationErrorCode = (typeof VERIFICATION_ERROR_CODES)[number];

export function isVerificationItem(value: unknown): value is VerificationItem {
  return typeof value === 'string' && (VERIFICATION_ITEMS as readonly string[]).includes(value);
}

export function isVerificationOutcome(value: unknown): value is VerificationOutcome {
  return typeof value === 'string' && (VERIFICATION_OUTCOMES as readonly string[]).includes(value);
}

/** A mismatch must say what did not match, or the committee cannot weigh it. */
export function validateVerificationLine({
  item,
  outcome,
  note,
}: {
  item: unknown;
  outcome: unknown;
  note?: unknown;
}): VerificationErrorCode[] {
  const errors: VerificationErrorCode[] = [];
  if (!isVerificationItem(item)) errors.push('verification.item');
  if (!isVerificationOutcome(outcome)) errors.push('verification.outcome');
  const noteText = typeof note === 'string' ? note.trim() : '';
  if (outcome === 'mismatch' && noteText === '') errors.push('verification.noteRequired');
  if ([...noteText].length > VERIFICATION_NOTE_MAX_LENGTH) errors.push('verification.noteTooLong');
  return errors;
}

/**
 * Lines are in the order they were recorded; a later line for an item supersedes earlier ones,
 * so a mismatch later corrected to "verified" no longer counts as missing.
 */
export function missingVerificationItems<T extends string>(
  requiredItems: readonly T[],
  lines: readonly { item: string; outcome: string }[],
): T[] {
  const latestOutcome = new Map(lines.map((line) => [line.item, line.outcome]));
  return [...new Set(requiredItems)].filter((item) => {
    const outcome = latestOutcome.get(item);
    return outcome !== 'verified' && outcome !== 'not_applicable';
  });
}

export function verificationItemLabelKey(item: VerificationItem): string {
  return `verification.items.${item}`;
}

export function verificationOutcomeLabelKey(outcome: VerificationOutcome): string {
  return `verification.outcomes.${outcome}`;
}

/** The parts of the applicant's data each line vouches for; a change to any of them undoes the check. */
export const VERIFICATION_COVERAGE: Readonly<Record<VerificationItem, readonly (keyof RequestDataSnapshot)[]>> = {
  identity: ['nationalId', 'fullName', 'birthDate', 'nationality', 'idExpiryDate'],
  household: ['maritalStatus', 'household'],
  // Household members' own incomes count towards the household's income.
  income: ['incomeSalary', 'incomeSocialSecurity', 'incomePension', 'incomeOther', 'obligationLoans', 'obligationOther', 'household'],
  housing: ['livesInServiceArea', 'city', 'district', 'housingType', 'monthlyRent'],
  bank_account: ['iban'],
  documents: ['documents'],
};

/** A digest of only the data one line covers, stored with the line when it is recorded. */
export function verificationFingerprint(item: VerificationItem, snapshot: RequestDataSnapshot): string {
  const covered = new Set<string>(VERIFICATION_COVERAGE[item]);
  const answers = Object.fromEntries(SIGNED_FIELD_NAMES.map((field) => [field, covered.has(field) ? snapshot[field] : null]));
  return hashRequestData(
    requestDataSnapshot({
      nationalId: covered.has('nationalId') ? snapshot.nationalId : '',
      answers,
      household: covered.has('household') ? snapshot.household : [],
      documents: covered.has('documents') ? snapshot.documents : [],
    }),
  );
}

/**
 * A line still stands while the data it covers is what the officer checked. Lines recorded before
 * fingerprints existed (null) are taken as they were recorded.
 */
export function isLineCurrent(line: { item: string; dataFingerprint?: string | null }, snapshot: RequestDataSnapshot): boolean {
  if (line.dataFingerprint == null || !isVerificationItem(line.item)) return true;
  return line.dataFingerprint === verificationFingerprint(line.item, snapshot);
}

/** Current lines count; stale ones are shown as "to verify" with when they were last checked. */
export function splitByCurrency<T extends { item: string; dataFingerprint?: string | null }>(lines: readonly T[], snapshot: RequestDataSnapshot): { current: T[]; stale: T[] } {
  const current: T[] = [];
  const stale: T[] = [];
  for (const line of lines) (isLineCurrent(line, snapshot) ? current : stale).push(line);
  return { current, stale };
}
