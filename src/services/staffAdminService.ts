import crypto from 'node:crypto';
import type { DataAccess } from '../data/index.ts';
import { serializeRoles, parseRoles, type StaffRole } from '../domain/roles.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { PasswordHasher } from './passwordHasher.ts';
import { toSignedInStaff } from './staffAuthService.ts';

export interface NewStaff {
  email: string;
  fullName: string;
  roles: StaffRole[];
  password: string;
}

export interface StaffChanges {
  email: string;
  fullName: string;
  roles: StaffRole[];
  active: boolean;
  password?: string;
}

export type StaffSaveResult = { ok: true; id: number } | { ok: false; field: string; code: string };

export function generateOneTimePassword(): string {
  return crypto.randomBytes(12).toString('base64url');
}

export function staffAdminService(data: DataAccess, hasher: PasswordHasher) {
  const { staff } = data.repositories;

  return {
    list: async () => (await staff.list()).map((record) => ({ ...toSignedInStaff(record), active: record.active, lastLoginAt: record.lastLoginAt })),

    get: async (id: number) => {
      const record = await staff.findById(id);
      return record ? { ...toSignedInStaff(record), active: record.active } : null;
    },

    async create(input: NewStaff, context: ActingContext): Promise<StaffSaveResult> {
      if (await staff.findByEmail(input.email)) return { ok: false, field: 'email', code: 'email.taken' };
      const passwordHash = await hasher.hash(input.password);
      return data.transaction(async ({ staff: tx, audit }) => {
        const created = await tx.create({ email: input.email, fullName: input.fullName, passwordHash, roles: serializeRoles(input.roles) });
        await audit.append({
          ...auditActor(context),
          action: 'staff.created',
          entityType: 'staff',
          entityId: created.id,
          details: { email: created.email, roles: input.roles },
        });
        return { ok: true as const, id: created.id };
      });
    },

    async update(id: number, changes: StaffChanges, context: ActingContext): Promise<StaffSaveResult> {
      const existing = await staff.findById(id);
      if (!existing) return { ok: false, field: 'email', code: 'staff.notFound' };
      const sameEmailOwner = await staff.findByEmail(changes.email);
      if (sameEmailOwner && sameEmailOwner.id !== id) return { ok: false, field: 'email', code: 'email.taken' };
      // An admin who removes their own admin role or deactivates themselves could lock everyone out.
      if (context.kind === 'staff' && context.id === id && (!changes.active || !changes.roles.includes('admin'))) {
        return { ok: false, field: 'roles', code: 'staff.cannotDemoteSelf' };
      }
      const passwordHash = changes.password ? await hasher.hash(changes.password) : undefined;
      const saved = await data.transaction(async ({ staff: tx, audit }) => {
        const roles = serializeRoles(changes.roles);
        await tx.update(id, {
          email: changes.email,
          fullName: changes.fullName,
          roles,
          active: changes.active,
          ...(passwordHash ? { passwordHash } : {}),
        });
        const before = parseRoles(existing.roles);
        const actor = auditActor(context);
        await audit.append({
          ...actor,
          action: 'staff.updated',
          entityType: 'staff',
          entityId: id,
          details: {
            email: changes.email !== existing.email ? { from: existing.email, to: changes.email } : undefined,
            fullName: changes.fullName !== existing.fullName ? { from: existing.fullName, to: changes.fullName } : undefined,
            passwordReset: passwordHash ? true : undefined,
          },
        });
        if (roles !== existing.roles) {
          await audit.append({ ...actor, action: 'staff.roles_changed', entityType: 'staff', entityId: id, details: { from: before, to: changes.roles } });
        }
        if (changes.active !== existing.active) {
          await audit.append({ ...actor, action: changes.active ? 'staff.reactivated' : 'staff.deactivated', entityType: 'staff', entityId: id });
        }
        return { ok: true as const, id };
      });
      // A reset password or a deactivation signs the member out everywhere, at once.
      if (passwordHash || (existing.active && !changes.active)) await data.sessionStore.destroyAllOf({ staffId: id });
      return saved;
    },

    /** First start: create the admin from the environment, or with a one-time password printed once. */
    async ensureBootstrapAdmin(bootstrap: { email?: string; password?: string }): Promise<{ email: string; generatedPassword?: string } | null> {
      if ((await staff.count()) > 0) return null;
      const email = bootstrap.email ?? 'admin@tayseer.local';
      const generatedPassword = bootstrap.password ? undefined : generateOneTimePassword();
      const passwordHash = await hasher.hash(bootstrap.password ?? (generatedPassword as string));
      await data.transaction(async ({ staff: tx, audit }) => {
        const created = await tx.create({ email, fullName: 'مدير النظام', passwordHash, roles: 'admin' });
        await audit.append({ actorType: 'system', actorLabel: 'system', action: 'staff.created', entityType: 'staff', entityId: created.id, details: { email, roles: ['admin'], bootstrap: true } });
      });
      return { email, generatedPassword };
    },
  };
}
export type StaffAdminService = ReturnType<typeof staffAdminService>;
