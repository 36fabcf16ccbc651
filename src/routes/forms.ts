export { parseForm, type FieldError, type FormResult } from '../domain/formValidation.ts';
import type { FieldError } from '../domain/formValidation.ts';
import { InvalidInputError, TransitionRefusedError, VersionConflictError } from '../services/errors.ts';

/** Only the fields a form shows are echoed back; passwords never are. */
export function keepTyped(body: unknown, fields: string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  const kept: Record<string, string> = {};
  for (const field of fields) {
    const value = source[field];
    if (typeof value === 'string') kept[field] = value.slice(0, 5000);
  }
  return kept;
}

export function formState(values: Record<string, unknown> = {}, errors: FieldError[] = []) {
  return { values, errors };
}

/**
 * A use case's expected refusal, as a page shows it: someone else saved first (409), or the rules
 * refused (422, with the blockers when there are several). Anything else, a missing record included,
 * is rethrown for the error handler.
 */
export type Refusal =
  | { kind: 'conflict'; status: 409 }
  | { kind: 'refused'; status: 422; code: string; blockers: { code: string; item?: string }[] }
  | { kind: 'invalid'; status: 400; errors: FieldError[] };

export function refusalOf(error: unknown): Refusal {
  if (error instanceof VersionConflictError) return { kind: 'conflict', status: 409 };
  if (error instanceof InvalidInputError) return { kind: 'invalid', status: 400, errors: [...error.errors] };
  if (error instanceof TransitionRefusedError) {
    const blockers = Array.isArray(error.details.blockers) ? (error.details.blockers as { code: string; item?: string }[]) : [];
    return { kind: 'refused', status: 422, code: error.code, blockers };
  }
  throw error;
}

/** A refusal in the error summary of a form page; a conflict says so only when the page passes its own words. */
export function refusalErrors(refusal: Refusal, field = 'form', conflictCode?: string): FieldError[] {
  if (refusal.kind === 'conflict') return conflictCode ? [{ field, code: conflictCode }] : [];
  if (refusal.kind === 'invalid') return refusal.errors;
  return [{ field, code: refusal.code }];
}
