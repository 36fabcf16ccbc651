import type { StaffRole } from '../domain/roles.ts';

/** Who is acting, and from where: every service call that changes data takes one. */
export type ActingContext =
  | { kind: 'staff'; id: number; label: string; roles: StaffRole[]; ip: string | null }
  | { kind: 'beneficiary'; id: number; label: string; ip: string | null; userAgent?: string | null }
  | { kind: 'system'; ip: null };

export const systemActor: ActingContext = { kind: 'system', ip: null };

export function auditActor(context: ActingContext) {
  if (context.kind === 'system') return { actorType: 'system' as const, actorId: null, actorLabel: 'system', ip: null };
  return { actorType: context.kind, actorId: context.id, actorLabel: context.label, ip: context.ip };
}
