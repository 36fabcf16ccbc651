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
