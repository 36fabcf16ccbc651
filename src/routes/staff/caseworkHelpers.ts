import { NotFoundError } from '../../services/errors.ts';
import type { Request, Response } from 'express';
import { dualDateFormatter } from '../committee/viewHelpers.ts';
import { parseId } from '../context.ts';

export const CONFLICT_MESSAGE_KEY = 'staff:conflict.message';

/** The version the form was opened with; anything unreadable counts as stale. */
export function postedVersion(req: Request): number {
  const version = Number(req.body?.version);
  return Number.isSafeInteger(version) && version > 0 ? version : 0;
}

export function requestIdFrom(req: Request): number {
  const id = parseId(req.params.id);
  if (id === null) throw new NotFoundError();
  return id;
}

/** The dual (Hijri/Gregorian) date, and the time in the association's zone, for timelines and records. */
export function viewFormatters(req: Request) {
  return { dualDate: dualDateFormatter(req), dateTime: req.format.dateTime };
}

export function redirectWithFlash(req: Request, res: Response, path: string, key: string, params?: Record<string, string | number>) {
  req.session.flashMessage = { key, ...(params ? { params } : {}) };
  res.redirect(303, path);
}
