/**
 * Who may bind an online account to a national ID, and for how long an unproven attempt holds.
 * An ID alone proves nothing: the code goes to the mobile already on file, or the person brings a
 * one-time activation code a relations officer gave them in person.
 */

export const REGISTRATION_TTL_HOURS = 24;
export const ACTIVATION_CODE_TTL_DAYS = 7;
export const ACTIVATION_CODE_LENGTH = 8;

/** How the registrant proves the ID is theirs. */
export type BindingMethod = 'new_mobile' | 'recorded_mobile' | 'activation_code' | 'nafath';

/**
 * `account_exists` and `needs_activation_code` are answered on screen exactly like a code that was
 * sent, so the page does not tell who has an account or a file.
 */
export type RegistrationPath =
  | { kind: 'bind'; method: BindingMethod; codeTo: 'typed' | 'recorded' }
  | { kind: 'account_exists' }
  | { kind: 'needs_activation_code' }
  | { kind: 'held' };

export interface RecordFacts {
  hasAccount: boolean;
  recordedMobile: string | null;
  /** Requests, a file number: the association knows this person, so their record may not go to a stranger. */
  hasFile: boolean;
}

export interface PendingFacts {
  mobile: string;
  expiresAt: Date;
}

export const registrationExpiresAt = (startedAt: Date): Date => new Date(startedAt.getTime() + REGISTRATION_TTL_HOURS * 3_600_000);
export const activationCodeExpiresAt = (issuedAt: Date): Date => new Date(issuedAt.getTime() + ACTIVATION_CODE_TTL_DAYS * 86_400_000);

/** A lapsed registration holds nothing: its password and mobile are discarded. */
export const registrationLapsed = (pending: PendingFacts, now: Date): boolean => pending.expiresAt <= now;

export function registrationPath(input: {
  record: RecordFacts | null;
  pending: PendingFacts | null;
  typedMobile: string;
  activationCodeGiven: boolean;
  now: Date;
}): RegistrationPath {
  const { record, pending, typedMobile, now } = input;
  if (record?.hasAccount) return { kind: 'account_exists' };
  // The officer vouched for the person in person, so the mobile they type is the one to verify.
  if (input.activationCodeGiven) return { kind: 'bind', method: 'activation_code', codeTo: 'typed' };
  if (record?.recordedMobile) return { kind: 'bind', method: 'recorded_mobile', codeTo: 'recorded' };
  if (record?.hasFile) return { kind: 'needs_activation_code' };
  // Someone else's live attempt on an ID without a file keeps it for its day; the same mobile may retry.
  if (pending && !registrationLapsed(pending, now) && pending.mobile !== typedMobile) return { kind: 'held' };
  return { kind: 'bind', method: 'new_mobile', codeTo: 'typed' };
}

/**
 * Online, a new mobile replaces the recorded one only when both numbers answered their codes (or Nafath
 * stood in for the old one): the old one proves it is the owner asking, the new one that the owner holds it. (A relations officer who has
 * seen the person may change it instead, audited.)
 */
export function mobileChangeAllowed(proof: { oldMobileVerified: boolean; newMobileVerified: boolean; nafathVerified?: boolean }): boolean {
  // Nafath proves the owner is asking as well as the old number would (and the old phone may be lost).
  return (proof.oldMobileVerified || Boolean(proof.nafathVerified)) && proof.newMobileVerified;
}

/**
 * What a national ID proven through Nafath allows. Nafath settles who owns the ID better than any code, so
 * a record the desk opened (a walk-in, with or without a file) may be claimed without an activation code;
 * the mobile it will use still answers a code, since Nafath does not vouch for a phone number.
 */
export type NafathSignInPath =
  | { kind: 'sign_in' }
  | { kind: 'claim'; recordedMobile: string | null }
  | { kind: 'create' };

export function nafathSignInPath(record: { hasAccount: boolean; recordedMobile: string | null } | null): NafathSignInPath {
  if (!record) return { kind: 'create' };
  if (record.hasAccount) return { kind: 'sign_in' };
  return { kind: 'claim', recordedMobile: record.recordedMobile };
}

/** An account is held when it can sign in: a password or a Nafath proof, and a verified mobile. */
export const holdsAccount = (record: { passwordHash: string | null; nafathVerifiedAt: Date | null; mobileVerifiedAt: Date | null }): boolean =>
  Boolean((record.passwordHash || record.nafathVerifiedAt) && record.mobileVerifiedAt);
