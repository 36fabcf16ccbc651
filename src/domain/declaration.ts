import { createHash } from 'node:crypto';
import type { IsoDate } from './dates.ts';
import { JOURNEY_STEPS, SIGNED_FIELD_NAMES, signedFieldNames, type JourneyStepDefinition, type SignedFieldName } from './journeySteps.ts';

/**
 * Bump when the declaration wording changes so stored declarations record what was agreed to; every
 * version's text stays in the locales. v2 is first person without gendered words (v1 was masculine).
 */
export const DECLARATION_TEXT_VERSION = 'v2';

/** Where the words of a declaration version live (apply namespace), for the applicant and the officer alike. */
export function declarationTextKey(version: string = DECLARATION_TEXT_VERSION): string {
  return `apply:declaration.${version}.text`;
}

export type HouseholdMemberSnapshot = {
  fullName: string;
  relation: string;
  birthDate: IsoDate | null;
  nationalId?: string | null;
  monthlyIncome?: number | null;
};

export type DocumentSnapshot = { sha256: string; kind: string };

export type SignedAnswer = string | number | boolean | null;

/**
 * Everything the applicant declares to be true; any change to it invalidates the declaration.
 * The answers are the journey steps' fields, every one required, so a field added to a step cannot
 * be left out of what is signed.
 */
export type RequestDataSnapshot = {
  nationalId: string;
  household: readonly HouseholdMemberSnapshot[];
  documents: readonly DocumentSnapshot[];
} & { [Field in SignedFieldName]: SignedAnswer };

/** The snapshot of a request's answers; `steps` is the journey, or the journey with a program's extra steps. */
export function requestDataSnapshot(
  input: {
    nationalId: string;
    answers: Readonly<Record<string, unknown>>;
    household: readonly HouseholdMemberSnapshot[];
    documents: readonly DocumentSnapshot[];
  },
  steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS,
): RequestDataSnapshot {
  const answers: Record<string, SignedAnswer> = {};
  for (const field of signedFieldNames(steps)) answers[field] = (input.answers[field] ?? null) as SignedAnswer;
  return {
    ...(answers as { [Field in SignedFieldName]: SignedAnswer }),
    nationalId: input.nationalId,
    household: input.household,
    documents: input.documents,
  };
}

/** Listed so that an absent field and an explicit null hash identically. */
const SNAPSHOT_FIELDS = ['nationalId', ...SIGNED_FIELD_NAMES, 'household', 'documents'] as const;

/** Collections whose order carries no meaning, so reordering them must not change the hash. */
const UNORDERED_COLLECTIONS = new Set(['household', 'documents']);

type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

function canonicalize(value: unknown, key = ''): Canonical {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.normalize('NFC').trim();
  if (typeof value === 'boolean') return value;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new RangeError(`Non-finite number in request data: ${key}`);
    return value;
  }
  if (Array.isArray(value)) {
    const items = value.map((item) => canonicalize(item));
    if (!UNORDERED_COLLECTIONS.has(key)) return items;
    return items
      .map((item) => [JSON.stringify(item), item] as const)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, item]) => item);
  }
  if (typeof value === 'object') {
    const entries = Object.keys(value)
      .sort()
      .map((k) => [k, canonicalize((value as Record<string, unknown>)[k], k)] as const);
    return Object.fromEntries(entries);
  }
  throw new TypeError(`Unsupported value in request data: ${key}`);
}

export function canonicalRequestData(data: RequestDataSnapshot): string {
  const withAllFields: Record<string, unknown> = { ...data };
  for (const field of SNAPSHOT_FIELDS) withAllFields[field] ??= null;
  return JSON.stringify(canonicalize(withAllFields));
}

export function hashRequestData(data: RequestDataSnapshot): string {
  return createHash('sha256').update(canonicalRequestData(data), 'utf8').digest('hex');
}

const IGNORED_IN_SIGNATURE = /[\s\p{Cf}\u0640]|[\u064b-\u065f\u0670\u06d6-\u06ed]/gu;

/**
 * Besides the required removals, hamza-on-alef, alef maqsura and taa marbuta are folded:
 * people routinely type "احمد" for "أحمد" or "فاطمه" for "فاطمة", and that is still their name.
 */
export function normalizeNameForSignature(s: string): string {
  return s
    .normalize('NFC')
    .replace(IGNORED_IN_SIGNATURE, '')
    .replace(/[\u0622\u0623\u0625\u0671]/gu, '\u0627')
    .replace(/\u0649/gu, '\u064a')
    .replace(/\u0629/gu, '\u0647')
    .toLowerCase();
}

export function signatureMatchesName(typed: string, fullName: string): boolean {
  const signature = normalizeNameForSignature(typed);
  return signature !== '' && signature === normalizeNameForSignature(fullName);
}

export function isDeclarationValid(
  latest: { dataHash: string } | null,
  currentHash: string,
): boolean {
  return latest !== null && latest.dataHash === currentHash;
}

export const DECLARATION_ERROR_CODES = [
  'declaration.notAccepted',
  'signature.required',
  'signature.mismatch',
] as const;
export type DeclarationErrorCode = (typeof DECLARATION_ERROR_CODES)[number];
export type DeclarationError = {
  field: 'declarationAccepted' | 'signatureName';
  code: DeclarationErrorCode;
};

/** Checkbox posts arrive as strings ("on", "true", "yes"); only those or `true` count as consent. */
function isAffirmative(value: unknown): boolean {
  return (
    value === true ||
    (typeof value === 'string' && ['on', 'true', 'yes'].includes(value.trim().toLowerCase()))
  );
}

export function validateSignature({
  declarationAccepted,
  signatureName,
  fullName,
}: {
  declarationAccepted: unknown;
  signatureName: unknown;
  fullName: string;
}): DeclarationError[] {
  const errors: DeclarationError[] = [];
  if (!isAffirmative(declarationAccepted))
    errors.push({ field: 'declarationAccepted', code: 'declaration.notAccepted' });
  if (typeof signatureName !== 'string' || normalizeNameForSignature(signatureName) === '') {
    errors.push({ field: 'signatureName', code: 'signature.required' });
  } else if (!signatureMatchesName(signatureName, fullName)) {
    errors.push({ field: 'signatureName', code: 'signature.mismatch' });
  }
  return errors;
}
