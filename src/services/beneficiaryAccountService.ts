import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataAccess } from '../data/index.ts';
import type { Clock } from './clock.ts';
import type { NotificationService } from './notificationService.ts';
import type { PasswordHasher } from './passwordHasher.ts';

export const MAX_FAILED_BENEFICIARY_LOGINS = 5;
export const BENEFICIARY_LOCKOUT_MINUTES = 15;
export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
export const MOBILE_VERIFICATION = 'mobile_verification';
export const PASSWORD_RESET = 'password_reset';

// Unknown IDs still pay for one hash so response time does not reveal which accounts exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$m/t4tdFebTu7cKwG/9tafA$8+zqUJRdNqBFbbMTjgLBYhnbPpzqtnSXcSu/Eo4rFQA';

/** Salted with the owner's id so one table of the million codes does not fit every row. */
function hashCode(beneficiaryId: number, code: string): string {
  return createHash('sha256').update(`${beneficiaryId}:${code}`).digest('hex');
}

export type RegisterResult = { ok: true; beneficiaryId: number } | { ok: false; field: string; code: string };
export type SignInResult =
  | { ok: true; beneficiaryId: number; mobileVerified: boolean }
  | { ok: false; code: 'account:errors.loginInvalid' | 'account:errors.loginLocked' };
export type VerifyResult = { ok: true } | { ok: false; code: string };

export function beneficiaryAccountService(data: DataAccess, hasher: PasswordHasher, clock: Clock, notifications: NotificationService) {
  const { beneficiaries, audit } = data.repositories;
  const actor = (id: number, nationalId: string, ip: string | null) =>
    ({ actorType: 'beneficiary' as const, actorId: id, actorLabel: nationalId, ip, entityType: 'beneficiary', entityId: id });

  /** A six-digit code by SMS to the account's mobile; a new code retires the earlier ones. */
  async function issueCode(beneficiaryId: number, purpose = MOBILE_VERIFICATION, template = 'mobileVerification'): Promise<void> {
    await data.transaction(async (repositories) => {
      const beneficiary = await repositories.beneficiaries.findById(beneficiaryId);
      if (!beneficiary?.mobile) return;
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      await repositories.beneficiaries.createOneTimeCode({
        beneficiaryId,
        purpose,
        codeHash: hashCode(beneficiaryId, code),
        expiresAt: new Date(clock.now().getTime() + CODE_TTL_MINUTES * 60_000),
      });
      await notifications.enqueue(repositories, { template, params: { code }, beneficiaryId, mobile: beneficiary.mobile });
    });
  }

  /** Checks a code against the newest one issued for `purpose`; a wrong code uses up an attempt. */
  async function checkCode(
    beneficiaryId: number,
    purpose: string,
    code: string,
    now: Date,
  ): Promise<{ ok: true; codeId: number } | { ok: false; code: string }> {
    const stored = await beneficiaries.latestOneTimeCode(beneficiaryId, purpose);
    if (!stored || stored.expiresAt <= now) return { ok: false, code: 'account:errors.codeExpired' };
    if (stored.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, code: 'account:errors.codeTooManyAttempts' };
    const expected = Buffer.from(stored.codeHash, 'hex');
    const given = Buffer.from(hashCode(beneficiaryId, code), 'hex');
    if (!timingSafeEqual(expected, given)) {
      await beneficiaries.recordCodeAttempt(stored.id);
      return { ok: false, code: stored.attempts + 1 >= MAX_CODE_ATTEMPTS ? 'account:errors.codeTooManyAttempts' : 'account:errors.codeInvalid' };
    }
    return { ok: true, codeId: stored.id };
  }

  /** Only an account that has a password and a verified mobile can reset by SMS. */
  const canResetPassword = (record: { passwordHash: string | null; mobileVerifiedAt: Date | null; mobile: string | null } | null) =>
    Boolean(record?.passwordHash && record.mobileVerifiedAt && record.mobile);

  return {
    issueCode,

    /** A walk-in already known by national ID (no password yet) claims their record; an existing account is refused. */
    async register(input: { nationalId: string; mobile: string; password: string; privacyNoticeVersion: string }, ip: string | null): Promise<RegisterResult> {
      const passwordHash = await hasher.hash(input.password);
      const now = clock.now();
      const result = await data.transaction(async (repositories): Promise<RegisterResult> => {
        const existing = await repositories.beneficiaries.findByNationalId(input.nationalId);
        if (existing?.passwordHash) return { ok: false, field: 'nationalId', code: 'account:errors.nationalIdTaken' };
        const fields = { mobile: input.mobile, mobileVerifiedAt: null, passwordHash, privacyConsentAt: now, privacyNoticeVersion: input.privacyNoticeVersion };
        const record = existing
          ? await repositories.beneficiaries.update(existing.id, fields)
          : await repositories.beneficiaries.create({ nationalId: input.nationalId, ...fields });
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.registered', details: { claimedExisting: Boolean(existing) } });
        return { ok: true, beneficiaryId: record.id };
      });
      if (result.ok) await issueCode(result.beneficiaryId);
      return result;
    },

    async verifyMobile(beneficiaryId: number, code: string, ip: string | null): Promise<VerifyResult> {
      const now = clock.now();
      const checked = await checkCode(beneficiaryId, MOBILE_VERIFICATION, code, now);
      if (!checked.ok) return checked;
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.consumeCode(checked.codeId, now);
        const record = await repositories.beneficiaries.update(beneficiaryId, { mobileVerifiedAt: now });
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_verified' });
      });
      return { ok: true };
    },

    /**
     * Sends a reset code when the national ID and mobile match an account. The caller shows the
     * same answer either way, so the page does not tell who has an account.
     */
    async requestPasswordReset(nationalId: string, mobile: string, ip: string | null): Promise<void> {
      const record = await beneficiaries.findByNationalId(nationalId);
      if (!record || !canResetPassword(record) || record.mobile !== mobile) return;
      await issueCode(record.id, PASSWORD_RESET, 'passwordReset');
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.password_reset_requested' });
    },

    /** A correct code sets the new password, lifts a lockout, ends the account's sessions and tells the owner by SMS. */
    async resetPassword(nationalId: string, code: string, password: string, ip: string | null): Promise<VerifyResult> {
      const now = clock.now();
      const record = await beneficiaries.findByNationalId(nationalId);
      if (!record || !canResetPassword(record)) return { ok: false, code: 'account:errors.codeInvalid' };
      const checked = await checkCode(record.id, PASSWORD_RESET, code, now);
      if (!checked.ok) return checked;
      const passwordHash = await hasher.hash(password);
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.consumeCode(checked.codeId, now);
        await repositories.beneficiaries.update(record.id, { passwordHash });
        await repositories.beneficiaries.recordSuccessfulLogin(record.id);
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.password_reset' });
        await notifications.enqueue(repositories, { template: 'passwordChanged', params: {}, beneficiaryId: record.id, mobile: record.mobile });
      });
      // Whoever knew the old password is signed out too.
      await data.sessionStore.destroyAllOf({ beneficiaryId: record.id });
      return { ok: true };
    },

    async signIn(nationalId: string, password: string, ip: string | null): Promise<SignInResult> {
      const now = clock.now();
      const record = await beneficiaries.findByNationalId(nationalId);
      if (!record?.passwordHash) {
        await hasher.verify(DUMMY_HASH, password);
        return { ok: false, code: 'account:errors.loginInvalid' };
      }
      if (record.lockedUntil && record.lockedUntil > now) {
        await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.sign_in_failed', details: { reason: 'locked' } });
        return { ok: false, code: 'account:errors.loginLocked' };
      }
      if (!(await hasher.verify(record.passwordHash, password))) {
        const failures = record.failedLoginCount + 1;
        const locks = failures >= MAX_FAILED_BENEFICIARY_LOGINS;
        await beneficiaries.recordFailedLogin(record.id, locks ? 0 : failures, locks ? new Date(now.getTime() + BENEFICIARY_LOCKOUT_MINUTES * 60_000) : null);
        await audit.append({ ...actor(record.id, record.nationalId, ip), action: locks ? 'beneficiary.locked_out' : 'beneficiary.sign_in_failed', details: { failures } });
        return { ok: false, code: locks ? 'account:errors.loginLocked' : 'account:errors.loginInvalid' };
      }
      await beneficiaries.recordSuccessfulLogin(record.id);
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.signed_in' });
      return { ok: true, beneficiaryId: record.id, mobileVerified: record.mobileVerifiedAt !== null };
    },

    async signedOut(beneficiaryId: number, ip: string | null) {
      const record = await beneficiaries.findById(beneficiaryId);
      if (record) await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.signed_out' });
    },

    /** Only accounts with a verified mobile count as signed in. */
    async current(beneficiaryId: number) {
      const record = await beneficiaries.findById(beneficiaryId);
      return record && record.passwordHash && record.mobileVerifiedAt ? record : null;
    },

    pendingMobile: async (beneficiaryId: number) => (await beneficiaries.findById(beneficiaryId))?.mobile ?? null,
  };
}
export type BeneficiaryAccountService = ReturnType<typeof beneficiaryAccountService>;
