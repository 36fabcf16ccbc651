import type { NextFunction, Request, Response } from 'express';
import { hasAnyRole, type StaffRole } from '../domain/roles.ts';
import type { Services } from '../services/index.ts';

export class ForbiddenError extends Error {
  readonly status = 403;
}

/** Loads the signed-in staff member on every request, so a deactivation or role change applies at once. */
export function loadStaff(services: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const staffId = req.session?.staffId;
    if (staffId) {
      const staff = await services.staffAuth.currentStaff(staffId);
      if (staff) {
        req.staff = staff;
        res.locals.staff = staff;
      } else {
        delete req.session.staffId;
      }
    }
    next();
  };
}

export function redirectToStaffSignIn(req: Request, res: Response) {
  res.redirect(303, `/staff/login?returnTo=${encodeURIComponent(req.originalUrl)}`);
}

export function requireRole(...roles: StaffRole[]) {
  return (req: Request, res: Response, next: NextFunction) => {
    if (!req.staff) return redirectToStaffSignIn(req, res);
    if (roles.length > 0 && !hasAnyRole(req.staff.roles, roles)) return next(new ForbiddenError());
    next();
  };
}
