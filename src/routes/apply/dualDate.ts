import type { Request } from 'express';
import { formatDualDate, todayIso, type IsoDate, type MonthNames } from '../../domain/dates.ts';

// Month names never change while the process runs: read them from the locales once per language.
const monthNamesByLanguage = new Map<string, MonthNames>();

function monthNamesFor(req: Request): MonthNames {
  let names = monthNamesByLanguage.get(req.language);
  if (!names) {
    names = {
      hijri: req.t('domain:months.hijri', { returnObjects: true }) as unknown as string[],
      gregorian: req.t('domain:months.gregorian', { returnObjects: true }) as unknown as string[],
    };
    monthNamesByLanguage.set(req.language, names);
  }
  return names;
}

// Lists show the same few hundred days over and over; the Hijri conversion is worth remembering.
const formattedDays = new Map<string, string>();
const MAX_FORMATTED_DAYS = 5_000;

/** "١٥ رمضان ١٤٤٧ هـ — 4 مارس 2026 م" in the page's language; instants are read as Riyadh calendar days. */
export function dualDate(req: Request, value: Date | IsoDate | null | undefined): string {
  if (!value) return '';
  const iso = value instanceof Date ? todayIso(value) : value;
  const language = req.language === 'en' ? 'en' : 'ar';
  const key = `${language}${iso}`;
  let text = formattedDays.get(key);
  if (text === undefined) {
    text = formatDualDate(iso, language, monthNamesFor(req));
    if (formattedDays.size >= MAX_FORMATTED_DAYS) formattedDays.clear();
    formattedDays.set(key, text);
  }
  return text;
}
