import type { Request } from 'express';
import type { ActingContext } from '../services/actor.ts';

/** The acting staff member for service calls; routes using it sit behind requireRole. */
export function staffContext(req: Request): ActingContext & { kind: 'staff' } {
  const staff = req.staff;
  if (!staff) throw Object.assign(new Error('no staff member on a staff route'), { status: 403 });
  return { kind: 'staff', id: staff.id, label: staff.fullName, roles: staff.roles, ip: req.ip ?? null };
}

export function parseId(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}
