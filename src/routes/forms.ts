export { parseForm, type FieldError, type FormResult } from '../domain/formValidation.ts';
import type { FieldError } from '../domain/formValidation.ts';

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
