import type { z } from 'zod';

/**
 * The one way a form is validated, by every page: a zod schema whose messages are translation codes
 * (`errors` namespace, or namespaced like `committee:errors.x`); each language maps codes to text.
 */
export interface FieldError {
  /** The HTML input name: the issue path joined with "-" ("birthDate-day"), or "form" for the whole form. */
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** An issue without a code of its own (zod's built-in checks where the schema set no message). */
export const UNREADABLE_FORM_CODE = 'form.invalid';

/** Every problem at once, one per input, in the order the schema lists its fields (the order of the page). */
export function parseForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  // A request without a body is an empty form. A schema-level message wins over this per-parse
  // one, so only unlabelled issues fall back to it.
  const result = schema.safeParse(body === undefined ? {} : body, { error: () => UNREADABLE_FORM_CODE });
  if (result.success) return { ok: true, data: result.data };
  return { ok: false, errors: fieldErrorsOf(result.error.issues) };
}

export function fieldErrorsOf(issues: readonly z.core.$ZodIssue[]): FieldError[] {
  const errors: FieldError[] = [];
  for (const issue of issues) {
    const field = issue.path.length > 0 ? issue.path.map(String).join('-') : 'form';
    if (errors.some((error) => error.field === field)) continue;
    errors.push({ field, code: issue.message });
  }
  return errors;
}

/** A refusal of the whole form (not one field), for the error summary. */
export function formError(code: string, params?: Record<string, string | number>): FieldError {
  return { field: 'form', code, ...(params ? { params } : {}) };
}
