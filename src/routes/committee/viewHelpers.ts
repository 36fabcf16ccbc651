import type { Request } from 'express';
import { formatDualDate, GREGORIAN_MONTH_KEYS, HIJRI_MONTH_KEYS, todayIso, isValidIso } from '../../domain/dates.ts';

/** Dates as the committee reads them: Hijri and Gregorian, with month names in the page's language. */
export function dualDateFormatter(req: Request) {
  const lng = req.language === 'en' ? 'en' : 'ar';
  const monthNames = {
    hijri: HIJRI_MONTH_KEYS.map((key) => req.t(`domain:${key}`)),
    gregorian: GREGORIAN_MONTH_KEYS.map((key) => req.t(`domain:${key}`)),
  };
  return (value: Date | string | null | undefined): string => {
    if (!value) return '';
    const iso = value instanceof Date ? todayIso(value) : value;
    return isValidIso(iso) ? formatDualDate(iso, lng, monthNames) : String(value);
  };
}

export function dateTime(value: Date): string {
  return value.toISOString().replace('T', ' ').slice(0, 16);
}
