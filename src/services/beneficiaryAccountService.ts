import { createHash, randomInt, timingSafeEqual } from 'node:crypto';
import type { DataAccess, Repositories } from '../data/index.ts';
import {
  ACTIVATION_CODE_LENGTH,
  activationCodeExpiresAt,
  registrationExpiresAt,
  registrationLapsed,
  registrationPath,
  mobileChangeAllowed,
  holdsAccount,
  nafathSignInPath,
} from '../domain/accountBinding.ts';
import { maskMobile } from '../domain/mobile.ts';
import { SMS_CODE_REQUESTS_PER_IP_HOUR, smsAllowance, THROTTLED_TEMPLATES, type SmsAllowance } from '../domain/smsThrottle.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';
import type { PasswordHasher } from './passwordHasher.ts';
import { lockedUntilAfter } from '../domain/signInLockout.ts';

export const CODE_TTL_MINUTES = 10;
export const MAX_CODE_ATTEMPTS = 5;
export const MOBILE_VERIFICATION = 'mobile_verification';
export const PASSWORD_RESET = 'password_reset';
export const ACTIVATION = 'activation';
export const MOBILE_CHANGE_OLD = 'mobile_change_old';
export const MOBILE_CHANGE_NEW = 'mobile_change_new';
/** Every failed code gets this one answer: the page does not tell a wrong code from an expired or used-up one. */
export const CODE_REFUSED = 'account:errors.codeInvalid';

// Unknown IDs still pay for one hash so response time does not reveal which accounts exist.
const DUMMY_HASH = '$argon2id$v=19$m=19456,p=1,t=2$m/t4tdFebTu7cKwG/9tafA$8+zqUJRdNqBFbbMTjgLBYhnbPpzqtnSXcSu/Eo4rFQA';

/**
 * Salted with the owner's id (and, for a new mobile, the number) so one table of the million codes
 * does not fit every row, and a code sent to one number does not confirm another.
 */
function hashCode(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${code}`).digest('hex');
}

const randomDigits = (length: number) => Array.from({ length }, () => String(randomInt(0, 10))).join('');

/**
 * `pendingBeneficiaryId` is null when nothing may be bound (the ID has an account, or its file needs an
 * activation code): the page still says a code was sent to `codeSentTo`, so it does not tell which.
 */
export type RegisterResult =
  | { ok: true; pendingBeneficiaryId: number | null; codeSentTo: string }
  | { ok: false; field: string; code: string };
export type SignInResult = { ok: true; beneficiaryId: number } | { ok: false; code: 'account:errors.loginInvalid' };
export type VerifyResult = { ok: true } | { ok: false; code: string };
export type SendResult = SmsAllowance;

export function beneficiaryAccountService(
  data: DataAccess,
  hasher: PasswordHasher,
  clock: Clock,
  notifications: NotificationService,
  limits: { codesPerIpHour: number } = { codesPerIpHour: SMS_CODE_REQUESTS_PER_IP_HOUR },
) {
  const { beneficiaries, audit } = data.repositories;
  const actor = (id: number, nationalId: string, ip: string | null) =>
    ({ actorType: 'beneficiary' as const, actorId: id, actorLabel: nationalId, ip, entityType: 'beneficiary', entityId: id });

  /** The SMS limits, counted from the outbox (shared by every server): per account and per mobile. */
  async function allowance(repositories: Repositories, beneficiaryId: number, mobile: string, now: Date): Promise<SmsAllowance> {
    const since = new Date(now.getTime() - 86_400_000);
    const byAccount = smsAllowance(await repositories.notifications.queuedTimes({ beneficiaryId }, THROTTLED_TEMPLATES, since), now);
    if (!byAccount.ok) return byAccount;
    return smsAllowance(await repositories.notifications.queuedTimes({ recipient: mobile }, THROTTLED_TEMPLATES, since), now);
  }

  /** Code requests per IP address per hour, across accounts, in the database. */
  async function ipAllowance(ip: string | null, now: Date): Promise<SmsAllowance> {
    if (!ip) return { ok: true };
    const { hits, resetAt } = await data.repositories.rateLimits.hit(`sms-ip:${ip}`, 3_600_000, now);
    return hits > limits.codesPerIpHour ? { ok: false, reason: 'hourly', retryAt: resetAt } : { ok: true };
  }

  /**
   * A six-digit code by SMS to `mobile`, within the limits; a new code retires the earlier ones of
   * its purpose. The code is never stored readable: only its hash, and the outbox blanks it once sent.
   */
  async function sendCode(
    target: { beneficiaryId: number; mobile: string; purpose: string; template: string; salt?: string },
    ip: string | null,
  ): Promise<SendResult> {
    const now = clock.now();
    const byIp = await ipAllowance(ip, now);
    if (!byIp.ok) return byIp;
    return data.transaction(async (repositories) => {
      const allowed = await allowance(repositories, target.beneficiaryId, target.mobile, now);
      if (!allowed.ok) return allowed;
      const code = randomDigits(6);
      await repositories.beneficiaries.createOneTimeCode({
        beneficiaryId: target.beneficiaryId,
        purpose: target.purpose,
        codeHash: hashCode(target.salt ?? String(target.beneficiaryId), code),
        expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
        createdAt: now,
      });
      await notifications.enqueue(repositories, { template: target.template, params: { code }, beneficiaryId: target.beneficiaryId, mobile: target.mobile });
      return { ok: true };
    });
  }

  /** Checks a code against the newest one issued for `purpose`; a wrong code uses up an attempt. */
  async function checkCode(
    beneficiaryId: number,
    purpose: string,
    code: string,
    now: Date,
    salt = String(beneficiaryId),
  ): Promise<{ ok: true; codeId: number } | { ok: false; code: string }> {
    const stored = await beneficiaries.latestOneTimeCode(beneficiaryId, purpose);
    if (!stored || stored.expiresAt <= now || stored.attempts >= MAX_CODE_ATTEMPTS) return { ok: false, code: CODE_REFUSED };
    const expected = Buffer.from(stored.codeHash, 'hex');
    const given = Buffer.from(hashCode(salt, code), 'hex');
    if (expected.length !== given.length || !timingSafeEqual(expected, given)) {
      await beneficiaries.recordCodeAttempt(stored.id);
      return { ok: false, code: CODE_REFUSED };
    }
    return { ok: true, codeId: stored.id };
  }

  /** Only an account that has a password and a verified mobile can reset by SMS. */
  const canResetPassword = (record: { passwordHash: string | null; mobileVerifiedAt: Date | null; mobile: string | null } | null) =>
    Boolean(record?.passwordHash && record.mobileVerifiedAt && record.mobile);

  /** A live registration for this record, or null; a lapsed one is discarded on sight. */
  async function liveRegistration(beneficiaryId: number, now: Date) {
    const pending = await beneficiaries.pendingRegistration(beneficiaryId);
    if (pending && registrationLapsed(pending, now)) {
      await beneficiaries.deletePendingRegistration(beneficiaryId);
      return null;
    }
    return pending;
  }

  return {
    /**
     * Starts a registration. Nothing is bound to the record until the code is entered, and a record
     * the association knows is never given to a stranger by its ID alone: the code goes to the mobile
     * on file, or the person brings an activation code from a relations officer.
     */
    async register(
      input: { nationalId: string; mobile: string; password: string; privacyNoticeVersion: string; activationCode?: string | null },
      ip: string | null,
    ): Promise<RegisterResult> {
      // Hashed on every path so the time taken does not tell them apart.
      const passwordHash = await hasher.hash(input.password);
      const now = clock.now();
      const existing = await beneficiaries.findByNationalId(input.nationalId);
      const pending = existing ? await beneficiaries.pendingRegistration(existing.id) : null;
      const path = registrationPath({
        record: existing
          ? { hasAccount: Boolean(existing.passwordHash || existing.nafathVerifiedAt), recordedMobile: existing.mobile, hasFile: await beneficiaries.hasFile(existing.id) }
          : null,
        pending,
        typedMobile: input.mobile,
        activationCodeGiven: Boolean(input.activationCode),
        now,
      });

      if (path.kind !== 'bind') {
        const recordedMobile = existing?.mobile ?? null;
        if (existing) {
          await audit.append({ ...actor(existing.id, existing.nationalId, ip), action: 'beneficiary.registration_refused', details: { reason: path.kind } });
        }
        if (path.kind === 'account_exists' && existing && recordedMobile) {
          // The owner hears of it; the screen says only that a code was sent.
          await data.transaction(async (repositories) => {
            if ((await allowance(repositories, existing.id, recordedMobile, now)).ok)
              await notifications.enqueue(repositories, { template: 'registrationAttempted', beneficiaryId: existing.id, mobile: recordedMobile });
          });
        }
        const shown = path.kind === 'account_exists' && recordedMobile ? recordedMobile : input.mobile;
        return { ok: true, pendingBeneficiaryId: null, codeSentTo: maskMobile(shown) };
      }

      if (path.method === 'activation_code') {
        const checked = existing ? await checkCode(existing.id, ACTIVATION, input.activationCode ?? '', now) : null;
        if (!existing || !checked?.ok) return { ok: false, field: 'activationCode', code: 'account:errors.activationCodeInvalid' };
        await beneficiaries.consumeCode(checked.codeId, now);
      }

      const codeTo = path.codeTo === 'recorded' && existing?.mobile ? existing.mobile : input.mobile;
      const record = await data.transaction(async (repositories) => {
        const target = existing ?? (await repositories.beneficiaries.create({ nationalId: input.nationalId }));
        await repositories.beneficiaries.savePendingRegistration({
          beneficiaryId: target.id,
          method: path.method,
          mobile: codeTo,
          passwordHash,
          privacyNoticeVersion: input.privacyNoticeVersion,
          createdAt: now,
          expiresAt: registrationExpiresAt(now),
        });
        await repositories.audit.append({
          ...actor(target.id, target.nationalId, ip),
          action: 'beneficiary.registration_started',
          details: { method: path.method, existingRecord: Boolean(existing) },
        });
        return target;
      });
      await sendCode({ beneficiaryId: record.id, mobile: codeTo, purpose: MOBILE_VERIFICATION, template: 'mobileVerification' }, ip);
      return { ok: true, pendingBeneficiaryId: record.id, codeSentTo: maskMobile(codeTo) };
    },

    /** A new code for a live registration, within the SMS limits. */
    async resendRegistrationCode(beneficiaryId: number, ip: string | null): Promise<SendResult> {
      const pending = await liveRegistration(beneficiaryId, clock.now());
      if (!pending) return { ok: true };
      return sendCode({ beneficiaryId, mobile: pending.mobile, purpose: MOBILE_VERIFICATION, template: 'mobileVerification' }, ip);
    },

    /** The right code completes the registration: only now do the password and the mobile belong to the record. */
    async verifyMobile(beneficiaryId: number, code: string, ip: string | null): Promise<VerifyResult> {
      const now = clock.now();
      const pending = await liveRegistration(beneficiaryId, now);
      if (!pending) return { ok: false, code: CODE_REFUSED };
      const checked = await checkCode(beneficiaryId, MOBILE_VERIFICATION, code, now);
      if (!checked.ok) return checked;
      return data.transaction(async (repositories): Promise<VerifyResult> => {
        const record = await repositories.beneficiaries.findById(beneficiaryId);
        // The record may have changed since the code went out: only the recorded number counts, and a
        // record the desk has since opened a file on (a walk-in) is no longer a stranger's to take.
        if (!record) return { ok: false, code: CODE_REFUSED };
        const stale =
          holdsAccount(record) ||
          (pending.method !== 'nafath' && record.passwordHash) ||
          (pending.method === 'recorded_mobile' && record.mobile !== pending.mobile) ||
          (pending.method === 'new_mobile' && (record.mobile || (await repositories.beneficiaries.hasFile(record.id))));
        if (stale) return { ok: false, code: CODE_REFUSED };
        await repositories.beneficiaries.consumeCode(checked.codeId, now);
        await repositories.beneficiaries.update(beneficiaryId, {
          passwordHash: pending.passwordHash,
          mobile: pending.mobile,
          mobileVerifiedAt: now,
          privacyConsentAt: pending.createdAt,
          privacyNoticeVersion: pending.privacyNoticeVersion,
          ...(pending.method === 'nafath' ? { nafathVerifiedAt: now } : {}),
          failedLoginCount: 0,
          lockedUntil: null,
        });
        await repositories.beneficiaries.deletePendingRegistration(beneficiaryId);
        const mobileReplaced = Boolean(record.mobile && record.mobile !== pending.mobile);
        await repositories.audit.append({
          ...actor(record.id, record.nationalId, ip),
          action: 'beneficiary.registered',
          details: { method: pending.method, mobileReplaced },
        });
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_verified' });
        return { ok: true };
      });
    },

    /** Removes lapsed registrations with their password and mobile (also done on sight), and spent attempt counters. */
    async sweepLapsed(): Promise<{ registrations: number; counters: number }> {
      const now = clock.now();
      return { registrations: await beneficiaries.deleteLapsedRegistrations(now), counters: await data.repositories.rateLimits.pruneLapsed(now) };
    },

    /**
     * Sends a reset code when the national ID and mobile match an account. The caller shows the
     * same answer either way, so the page does not tell who has an account.
     */
    async requestPasswordReset(nationalId: string, mobile: string, ip: string | null): Promise<void> {
      const record = await beneficiaries.findByNationalId(nationalId);
      if (!record?.mobile || !canResetPassword(record) || record.mobile !== mobile) return;
      const sent = await sendCode({ beneficiaryId: record.id, mobile: record.mobile, purpose: PASSWORD_RESET, template: 'passwordReset' }, ip);
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.password_reset_requested', details: sent.ok ? {} : { throttled: sent.reason } });
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

    /** Locked, unknown and wrong-password attempts get one answer and pay for one hash each. */
    async signIn(nationalId: string, password: string, ip: string | null): Promise<SignInResult> {
      const now = clock.now();
      const record = await beneficiaries.findByNationalId(nationalId);
      if (!record?.passwordHash || !record.mobileVerifiedAt) {
        await hasher.verify(DUMMY_HASH, password);
        return { ok: false, code: 'account:errors.loginInvalid' };
      }
      if (record.lockedUntil && record.lockedUntil > now) {
        await hasher.verify(DUMMY_HASH, password);
        await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.sign_in_failed', details: { reason: 'locked' } });
        return { ok: false, code: 'account:errors.loginInvalid' };
      }
      if (!(await hasher.verify(record.passwordHash, password))) {
        await data.transaction(async (repositories) => {
          const failures = await repositories.beneficiaries.countFailedLogin(record.id);
          const lockedUntil = lockedUntilAfter(failures, now);
          if (lockedUntil) await repositories.beneficiaries.lockOut(record.id, lockedUntil);
          await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: lockedUntil ? 'beneficiary.locked_out' : 'beneficiary.sign_in_failed', details: { failures } });
        });
        return { ok: false, code: 'account:errors.loginInvalid' };
      }
      await beneficiaries.recordSuccessfulLogin(record.id);
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.signed_in' });
      return { ok: true, beneficiaryId: record.id };
    },

    async signedOut(beneficiaryId: number, ip: string | null) {
      const record = await beneficiaries.findById(beneficiaryId);
      if (record) await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.signed_out' });
    },

    /** The beneficiary's record as a relations officer sees it (the mobile-change page). */
    record: (beneficiaryId: number) => beneficiaries.findById(beneficiaryId),

    /** Only accounts with a verified mobile count as signed in. */
    async current(beneficiaryId: number) {
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record || !holdsAccount(record)) return null;
      // What pages see of the signed-in beneficiary: never the password hash.
      const { passwordHash: _passwordHash, ...signedIn } = record;
      return signedIn;
    },

    /**
     * A relations officer, having seen the person, issues a one-time code that binds an account to
     * their record: shown once on screen or sent to the recorded mobile, kept only as a hash.
     */
    async issueActivationCode(
      context: ActingContext,
      beneficiaryId: number,
      delivery: 'show' | 'sms',
    ): Promise<{ ok: true; code: string | null; expiresAt: Date } | { ok: false; code: string }> {
      const now = clock.now();
      return data.transaction(async (repositories) => {
        const record = await repositories.beneficiaries.findById(beneficiaryId);
        if (!record) throw new NotFoundError();
        if (record.passwordHash || record.nafathVerifiedAt) return { ok: false, code: 'staff:activation.hasAccount' };
        if (delivery === 'sms' && !record.mobile) return { ok: false, code: 'staff:activation.noMobile' };
        const code = randomDigits(ACTIVATION_CODE_LENGTH);
        const expiresAt = activationCodeExpiresAt(now);
        await repositories.beneficiaries.createOneTimeCode({ beneficiaryId, purpose: ACTIVATION, codeHash: hashCode(String(beneficiaryId), code), expiresAt, createdAt: now });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'beneficiary.activation_code_issued',
          entityType: 'beneficiary',
          entityId: beneficiaryId,
          details: { delivery, expiresAt: expiresAt.toISOString() },
        });
        if (delivery === 'sms' && record.mobile)
          await notifications.enqueue(repositories, { template: 'activationCode', params: { code }, beneficiaryId, mobile: record.mobile });
        return { ok: true, code: delivery === 'show' ? code : null, expiresAt };
      });
    },

    /**
     * After Nafath proved the ID: the record to sign in, or the one to claim or create, whose mobile then
     * answers a code (the existing verify page completes it). The caller has consumed the Nafath result.
     */
    async nafathProven(nationalId: string, ip: string | null): Promise<{ kind: 'sign_in'; beneficiaryId: number } | { kind: 'needs_mobile'; beneficiaryId: number; recordedMobile: string | null }> {
      const existing = await beneficiaries.findByNationalId(nationalId);
      const path = nafathSignInPath(existing ? { hasAccount: holdsAccount(existing), recordedMobile: existing.mobile } : null);
      if (path.kind === 'sign_in' && existing) {
        await beneficiaries.recordSuccessfulLogin(existing.id);
        await audit.append({ ...actor(existing.id, existing.nationalId, ip), action: 'beneficiary.signed_in', details: { method: 'nafath' } });
        return { kind: 'sign_in', beneficiaryId: existing.id };
      }
      const record = existing ?? (await beneficiaries.create({ nationalId }));
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.nafath_verified', details: { existingRecord: Boolean(existing) } });
      return { kind: 'needs_mobile', beneficiaryId: record.id, recordedMobile: existing?.mobile ?? null };
    },

    /** The mobile a Nafath-proven registration will use gets a code; no password is kept. */
    async startNafathRegistration(beneficiaryId: number, input: { mobile: string; privacyNoticeVersion: string }, ip: string | null): Promise<SendResult> {
      const now = clock.now();
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record || holdsAccount(record)) throw new NotFoundError();
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.savePendingRegistration({
          beneficiaryId,
          method: 'nafath',
          mobile: input.mobile,
          passwordHash: null,
          privacyNoticeVersion: input.privacyNoticeVersion,
          createdAt: now,
          expiresAt: registrationExpiresAt(now),
        });
        await repositories.audit.append({
          ...actor(record.id, record.nationalId, ip),
          action: 'beneficiary.registration_started',
          details: { method: 'nafath', existingRecord: true, mobileReplaced: Boolean(record.mobile && record.mobile !== input.mobile) },
        });
      });
      return sendCode({ beneficiaryId, mobile: input.mobile, purpose: MOBILE_VERIFICATION, template: 'mobileVerification' }, ip);
    },

    /** A mobile change where Nafath stood in for the old number: one code, to the new number. */
    async startMobileChangeByNafath(beneficiaryId: number, newMobile: string, ip: string | null): Promise<{ ok: true } | { ok: false; code: string; retryAt?: Date }> {
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record) throw new NotFoundError();
      if (record.mobile === newMobile) return { ok: false, code: 'account:errors.mobileUnchanged' };
      const sent = await sendCode({ beneficiaryId, mobile: newMobile, purpose: MOBILE_CHANGE_NEW, template: 'mobileChange', salt: `${beneficiaryId}:${newMobile}` }, ip);
      if (!sent.ok) return { ok: false, code: `account:errors.sms.${sent.reason}`, retryAt: sent.retryAt };
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_change_requested', details: { method: 'nafath' } });
      return { ok: true };
    },

    async confirmMobileChangeByNafath(beneficiaryId: number, newMobile: string, newCode: string, ip: string | null): Promise<VerifyResult> {
      const now = clock.now();
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record) throw new NotFoundError();
      const fromNew = await checkCode(beneficiaryId, MOBILE_CHANGE_NEW, newCode, now, `${beneficiaryId}:${newMobile}`);
      if (!fromNew.ok || !mobileChangeAllowed({ oldMobileVerified: false, nafathVerified: true, newMobileVerified: fromNew.ok })) return { ok: false, code: CODE_REFUSED };
      const oldMobile = record.mobile;
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.consumeCode(fromNew.codeId, now);
        await repositories.beneficiaries.update(beneficiaryId, { mobile: newMobile, mobileVerifiedAt: now, nafathVerifiedAt: now });
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_changed', details: { method: 'nafath', from: oldMobile ? maskMobile(oldMobile) : null, to: maskMobile(newMobile) } });
        if (oldMobile) await notifications.enqueue(repositories, { template: 'mobileChanged', params: { mobile: maskMobile(newMobile) }, beneficiaryId, mobile: oldMobile });
      });
      return { ok: true };
    },

    /** First step of a mobile change: a code to the recorded number and another to the new one. */
    async startMobileChange(beneficiaryId: number, newMobile: string, ip: string | null): Promise<{ ok: true } | { ok: false; code: string; retryAt?: Date }> {
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record?.mobile || !record.mobileVerifiedAt) throw new NotFoundError();
      if (record.mobile === newMobile) return { ok: false, code: 'account:errors.mobileUnchanged' };
      const now = clock.now();
      const limits = await data.transaction(async (repositories) => {
        const toOld = await allowance(repositories, beneficiaryId, record.mobile ?? '', now);
        return toOld.ok ? allowance(repositories, beneficiaryId, newMobile, now) : toOld;
      });
      if (!limits.ok) return { ok: false, code: `account:errors.sms.${limits.reason}`, retryAt: limits.retryAt };
      const toOld = await sendCode({ beneficiaryId, mobile: record.mobile, purpose: MOBILE_CHANGE_OLD, template: 'mobileChange' }, ip);
      if (!toOld.ok) return { ok: false, code: `account:errors.sms.${toOld.reason}`, retryAt: toOld.retryAt };
      // The cooldown would refuse the second code a moment after the first; both belong to one request.
      const code = randomDigits(6);
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.createOneTimeCode({
          beneficiaryId,
          purpose: MOBILE_CHANGE_NEW,
          codeHash: hashCode(`${beneficiaryId}:${newMobile}`, code),
          expiresAt: new Date(now.getTime() + CODE_TTL_MINUTES * 60_000),
          createdAt: now,
        });
        await notifications.enqueue(repositories, { template: 'mobileChange', params: { code }, beneficiaryId, mobile: newMobile });
      });
      await audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_change_requested' });
      return { ok: true };
    },

    /** Both codes right: the new number replaces the old one, and the old one is told. */
    async confirmMobileChange(beneficiaryId: number, newMobile: string, codes: { oldCode: string; newCode: string }, ip: string | null): Promise<VerifyResult> {
      const now = clock.now();
      const record = await beneficiaries.findById(beneficiaryId);
      if (!record?.mobile) throw new NotFoundError();
      const fromOld = await checkCode(beneficiaryId, MOBILE_CHANGE_OLD, codes.oldCode, now);
      const fromNew = await checkCode(beneficiaryId, MOBILE_CHANGE_NEW, codes.newCode, now, `${beneficiaryId}:${newMobile}`);
      if (!fromOld.ok || !fromNew.ok || !mobileChangeAllowed({ oldMobileVerified: fromOld.ok, newMobileVerified: fromNew.ok }))
        return { ok: false, code: CODE_REFUSED };
      const oldMobile = record.mobile;
      await data.transaction(async (repositories) => {
        await repositories.beneficiaries.consumeCode(fromOld.codeId, now);
        await repositories.beneficiaries.consumeCode(fromNew.codeId, now);
        await repositories.beneficiaries.update(beneficiaryId, { mobile: newMobile, mobileVerifiedAt: now });
        await repositories.audit.append({ ...actor(record.id, record.nationalId, ip), action: 'beneficiary.mobile_changed', details: { method: 'both_numbers_verified', from: maskMobile(oldMobile), to: maskMobile(newMobile) } });
        await notifications.enqueue(repositories, { template: 'mobileChanged', params: { mobile: maskMobile(newMobile) }, beneficiaryId, mobile: oldMobile });
      });
      return { ok: true };
    },

    /**
     * A relations officer replaces the recorded mobile after checking the person in person; audited,
     * and the old number is told. An account's verification moves to the new number only through its codes.
     */
    async changeMobileByOfficer(context: ActingContext, beneficiaryId: number, newMobile: string): Promise<void> {
      await data.transaction(async (repositories) => {
        const record = await repositories.beneficiaries.findById(beneficiaryId);
        if (!record) throw new NotFoundError();
        await repositories.beneficiaries.update(beneficiaryId, { mobile: newMobile });
        await repositories.beneficiaries.deletePendingRegistration(beneficiaryId);
        await repositories.audit.append({
          ...auditActor(context),
          action: 'beneficiary.mobile_changed',
          entityType: 'beneficiary',
          entityId: beneficiaryId,
          details: { method: 'officer', from: record.mobile ? maskMobile(record.mobile) : null, to: maskMobile(newMobile) },
        });
        if (record.mobile)
          await notifications.enqueue(repositories, { template: 'mobileChanged', params: { mobile: maskMobile(newMobile) }, beneficiaryId, mobile: record.mobile });
      });
    },
  };
}
export type BeneficiaryAccountService = ReturnType<typeof beneficiaryAccountService>;
