import type { z } from 'zod';

export interface FieldError {
  field: string;
  code: string;
  params?: Record<string, string | number>;
}

export type FormResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Zod issues carry translation codes as their message; the first issue per field wins. */
export function validateForm<S extends z.ZodType>(schema: S, body: unknown): FormResult<z.output<S>> {
  const result = schema.safeParse(body ?? {});
  if (result.success) return { ok: true, data: result.data };
  const errors: FieldError[] = [];
  for (const issue of result.error.issues) {
    const field = String(issue.path[0] ?? 'form');
    if (errors.some((error) => error.field === field)) continue;
    errors.push({ field, code: issue.message });
  }
  return { ok: false, errors };
}

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
