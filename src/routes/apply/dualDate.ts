import type { Request } from 'express';
import type { IsoDate } from '../../domain/dates.ts';

/** "15 رمضان 1447 هـ — 4 مارس 2026 م" in the page's language; instants are read in the association's time zone. */
export function dualDate(req: Request, value: Date | IsoDate | null | undefined): string {
  return req.format.date(value);
}
