import type { Request, Response } from 'express';
import { dualDateFormatter } from '../committee/viewHelpers.ts';
import { TransitionRefusedError, VersionConflictError } from '../../services/errors.ts';
import type { FieldError } from '../forms.ts';
import { parseId } from '../context.ts';

export const CONFLICT_MESSAGE_KEY = 'staff:conflict.message';

/** The version the form was opened with; anything unreadable counts as stale. */
export function postedVersion(req: Request): number {
  const version = Number(req.body?.version);
  return Number.isSafeInteger(version) && version > 0 ? version : 0;
}

export function requestIdFrom(req: Request): number {
  const id = parseId(req.params.id);
  if (id === null) throw Object.assign(new Error('bad id'), { status: 404 });
  return id;
}

/** The dual (Hijri/Gregorian) date, and the time in the association's zone, for timelines and records. */
export function viewFormatters(req: Request) {
  return { dualDate: dualDateFormatter(req), dateTime: req.format.dateTime };
}

export type CaseworkFailure =
  | { kind: 'conflict' }
  | { kind: 'refused'; code: string; blockers: { code: string; item?: string }[] };

/** Turns the use cases' expected refusals into something a page can show; anything else is rethrown. */
export function caseworkFailure(error: unknown): CaseworkFailure {
  if (error instanceof VersionConflictError) return { kind: 'conflict' };
  if (error instanceof TransitionRefusedError) {
    const blockers = Array.isArray(error.details.blockers) ? (error.details.blockers as { code: string; item?: string }[]) : [];
    return { kind: 'refused', code: error.code, blockers };
  }
  throw error;
}

/** A refusal shown in the error summary of a form page. */
export function refusalErrors(failure: CaseworkFailure): FieldError[] {
  if (failure.kind === 'conflict') return [];
  return [{ field: 'form', code: failure.code }];
}

export function statusFor(failure: CaseworkFailure): number {
  return failure.kind === 'conflict' ? 409 : 422;
}

export function redirectWithFlash(req: Request, res: Response, path: string, key: string, params?: Record<string, string | number>) {
  req.session.flashMessage = { key, ...(params ? { params } : {}) };
  res.redirect(303, path);
}
