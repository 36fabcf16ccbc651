import type { Request } from 'express';
import { formatDualDate, todayIso, type IsoDate } from '../../domain/dates.ts';

/** "١٥ رمضان ١٤٤٧ هـ — 4 مارس 2026 م" in the page's language; instants are read as Riyadh calendar days. */
export function dualDate(req: Request, value: Date | IsoDate | null | undefined): string {
  if (!value) return '';
  const iso = value instanceof Date ? todayIso(value) : value;
  const monthNames = {
    hijri: req.t('domain:months.hijri', { returnObjects: true }) as unknown as string[],
    gregorian: req.t('domain:months.gregorian', { returnObjects: true }) as unknown as string[],
  };
  return formatDualDate(iso, req.language === 'en' ? 'en' : 'ar', monthNames);
}
