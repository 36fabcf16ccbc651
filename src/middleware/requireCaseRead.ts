import type { NextFunction, Request, Response } from 'express';
import type { CaseResource } from '../domain/caseAccess.ts';
import type { Services } from '../services/index.ts';
import type { CaseReadTarget } from '../services/caseAccessService.ts';
import { NotFoundError } from '../services/errors.ts';
import { ForbiddenError, redirectToStaffSignIn } from './requireRole.ts';

function positiveId(value: unknown): number | null {
  const id = Number(value);
  return Number.isSafeInteger(id) && id > 0 ? id : null;
}

function targetOf(resource: CaseResource, params: Request['params']): CaseReadTarget | null {
  const id = positiveId(params.id);
  if (id === null) return null;
  if (resource === 'beneficiary_file') return { resource, beneficiaryId: id };
  if (resource === 'research_file') return { resource, referralId: id };
  if (resource !== 'document') return { resource, requestId: id };
  const documentId = positiveId(params.documentId);
  return documentId === null ? null : { resource, requestId: id, documentId };
}

/**
 * The one gate for staff reads of a beneficiary's file or a case (`:id`, and `:documentId` for a document): signed in, a
 * role that reads this resource at the request's current stage (domain/caseAccess.ts), and the
 * read written to the access log before the page is served.
 */
export function requireCaseRead(services: Services, resource: CaseResource) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const staff = req.staff;
    if (!staff) return redirectToStaffSignIn(req, res);
    const target = targetOf(resource, req.params);
    if (!target) throw new NotFoundError();
    const read = await services.caseAccess.openForReading(
      { kind: 'staff', id: staff.id, label: staff.fullName, roles: staff.roles, ip: req.ip ?? null },
      target,
    );
    if (!read.ok) return read.status === 403 ? next(new ForbiddenError()) : next(new NotFoundError());
    res.locals.caseRead = read;
    next();
  };
}
