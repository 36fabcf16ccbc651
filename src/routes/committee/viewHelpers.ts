import type { Request } from 'express';

/** Dates as the committee reads them: Hijri and Gregorian, with month names in the page's language. */
export function dualDateFormatter(req: Request) {
  return (value: Date | string | null | undefined): string => req.format.date(value);
}
