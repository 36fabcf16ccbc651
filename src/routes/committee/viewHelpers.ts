import type { Request } from 'express';
import { isValidIso } from '../../domain/dates.ts';
import { dualDate } from '../apply/dualDate.ts';

/** Dates as the committee reads them: Hijri and Gregorian, with month names in the page's language. */
export function dualDateFormatter(req: Request) {
  return (value: Date | string | null | undefined): string => {
    if (!value) return '';
    if (typeof value === 'string' && !isValidIso(value)) return value;
    return dualDate(req, value);
  };
}

export function dateTime(value: Date): string {
  return value.toISOString().replace('T', ' ').slice(0, 16);
}
