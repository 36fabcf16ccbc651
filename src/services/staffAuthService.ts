import type { DataAccess } from '../data/index.ts';
import type { StaffRecord } from '../data/staffRepository.ts';
import { parseRoles, type StaffRole } from '../domain/roles.ts';
import type { Clock } from './clock.ts';
import type { PasswordHasher } from './passwordHasher.ts';
import { lockedUntilAfter } from '../domain/signInLockout.ts';

export interface SignedInStaff {
  id: number;
  email: string;
  fullName: string;
  roles: StaffRole[];
}

export type StaffSignInResult =
  | { ok: true; staff: SignedInStaff }
  | { ok: false; code: 'login.invalid' };

export function toSignedInStaff(record: StaffRecord): SignedInStaff {
  return { id: record.id, email: record.email, fullName: record.fullName, roles: parseRoles(record.roles) };
}

// Unknown e-mails still pay for one hash so response time does not reveal which accounts exist.
const DUMMY_HASH =
  '$argon2id$v=19$m=19456,p=1,t=2$m/t4tdFebTu7cKwG/9tafA$8+zqUJRdNqBFbbMTjgLBYhnbPpzqtnSXcSu/Eo4rFQA';

export function staffAuthService(data: DataAccess, hasher: PasswordHasher, clock: Clock) {
  const { staff, audit } = data.repositories;

  return {
    async signIn(email: string, password: string, ip: string | null): Promise<StaffSignInResult> {
      const now = clock.now();
      const record = await staff.findByEmail(email.trim());
      if (!record || !record.active) {
        await hasher.verify(DUMMY_HASH, password);
        await audit.append({
          actorType: 'staff',
          actorLabel: email.trim().slice(0, 254),
          action: 'staff.sign_in_failed',
          entityType: 'staff',
          entityId: record?.id ?? null,
          details: { reason: record ? 'inactive' : 'unknown_account' },
          ip,
        });
        return { ok: false, code: 'login.invalid' };
      }
      // A locked account answers like a wrong password, after as long, so the page does not tell them apart.
      if (record.lockedUntil && record.lockedUntil > now) {
        await hasher.verify(DUMMY_HASH, password);
        await audit.append({
          actorType: 'staff',
          actorId: record.id,
          actorLabel: record.email,
          action: 'staff.sign_in_failed',
          entityType: 'staff',
          entityId: record.id,
          details: { reason: 'locked' },
          ip,
        });
        return { ok: false, code: 'login.invalid' };
      }
      if (!(await hasher.verify(record.passwordHash, password))) {
        await data.transaction(async (repositories) => {
          const failures = await repositories.staff.countFailedLogin(record.id);
          const lockedUntil = lockedUntilAfter(failures, now);
          if (lockedUntil) await repositories.staff.lockOut(record.id, lockedUntil);
          await repositories.audit.append({
            actorType: 'staff',
            actorId: record.id,
            actorLabel: record.email,
            action: lockedUntil ? 'staff.locked_out' : 'staff.sign_in_failed',
            entityType: 'staff',
            entityId: record.id,
            details: { reason: 'wrong_password', failures },
            ip,
          });
        });
        return { ok: false, code: 'login.invalid' };
      }
      await staff.recordSuccessfulLogin(record.id, now);
      await audit.append({
        actorType: 'staff',
        actorId: record.id,
        actorLabel: record.email,
        action: 'staff.signed_in',
        entityType: 'staff',
        entityId: record.id,
        ip,
      });
      return { ok: true, staff: toSignedInStaff(record) };
    },

    async signedOut(staffId: number, label: string, ip: string | null) {
      await audit.append({
        actorType: 'staff',
        actorId: staffId,
        actorLabel: label,
        action: 'staff.signed_out',
        entityType: 'staff',
        entityId: staffId,
        ip,
      });
    },

    /**
     * A signed-in member changes their own password, proving they know the current one. Every
     * other session of theirs ends: a stolen session does not outlive the change.
     */
    async changePassword(
      staffId: number,
      currentPassword: string,
      newPassword: string,
      ip: string | null,
      currentSessionId: string,
    ): Promise<{ ok: true } | { ok: false; field: string; code: string }> {
      const record = await staff.findById(staffId);
      if (!record || !record.active || !(await hasher.verify(record.passwordHash, currentPassword))) {
        await audit.append({
          actorType: 'staff',
          actorId: staffId,
          actorLabel: record?.email ?? null,
          action: 'staff.password_change_failed',
          entityType: 'staff',
          entityId: staffId,
          ip,
        });
        return { ok: false, field: 'currentPassword', code: 'password.currentWrong' };
      }
      // The current password was just verified, so comparing the two typed values is enough.
      if (newPassword === currentPassword) return { ok: false, field: 'newPassword', code: 'password.sameAsCurrent' };
      const passwordHash = await hasher.hash(newPassword);
      await data.transaction(async (repositories) => {
        await repositories.staff.update(staffId, { passwordHash });
        await repositories.audit.append({
          actorType: 'staff',
          actorId: staffId,
          actorLabel: record.email,
          action: 'staff.password_changed',
          entityType: 'staff',
          entityId: staffId,
          ip,
        });
      });
      await data.sessionStore.destroyAllOf({ staffId }, { keepSid: currentSessionId });
      return { ok: true };
    },

    /** The session keeps only the id: roles and active status are re-read on every request. */
    async currentStaff(staffId: number): Promise<SignedInStaff | null> {
      const record = await staff.findById(staffId);
      return record && record.active ? toSignedInStaff(record) : null;
    },
  };
}
export type StaffAuthService = ReturnType<typeof staffAuthService>;
