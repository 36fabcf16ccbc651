import type { NextFunction, Request, Response } from 'express';
import type { Services } from '../services/index.ts';
import type { ActingContext } from '../services/actor.ts';

/**
 * Mounted once in app.ts for every page: re-reads the account on each request, so a lock or deletion
 * applies at once, and sets the layout's sign-out button (the start and privacy pages too).
 */
export function loadBeneficiary(services: Services) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const id = req.session?.beneficiaryId;
    if (id) {
      const beneficiary = await services.beneficiaryAccounts.current(id);
      if (beneficiary) res.locals.beneficiary = beneficiary;
      else delete req.session.beneficiaryId;
    }
    next();
  };
}

export function requireBeneficiary(req: Request, res: Response, next: NextFunction) {
  if (!res.locals.beneficiary) {
    req.session.beneficiaryReturnTo = req.method === 'GET' ? req.originalUrl : undefined;
    return res.redirect(303, '/account/login');
  }
  next();
}

export function beneficiaryContext(req: Request, res: Response): ActingContext & { kind: 'beneficiary' } {
  const beneficiary = res.locals.beneficiary as { id: number; nationalId: string } | undefined;
  if (!beneficiary) throw Object.assign(new Error('no beneficiary on a beneficiary route'), { status: 403 });
  return { kind: 'beneficiary', id: beneficiary.id, label: beneficiary.nationalId, ip: req.ip ?? null, userAgent: req.get('user-agent') ?? null };
}
