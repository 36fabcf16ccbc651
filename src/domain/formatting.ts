import { formatDualDate, isValidIso, shownParts, todayIso, type IsoDate, type MonthNames } from './dates.ts';

/**
 * One formatter for every number, date and time a person reads. The Arabic interface writes
 * Western digits (0–9), as Absher, Najiz and the ministries' portals do: national IDs, mobiles,
 * IBANs and reference numbers are printed and typed that way on every Saudi document, so a page
 * that mixed them with Arabic-Indic digits in dates and counts read as two systems. Typed input
 * still accepts both (see digits.ts).
 */
export type FormatLanguage = 'ar' | 'en';

/** Templates with `{n}` for the formatted number, in the page's language. */
export interface UnitWords {
  amount: string;
  byte: string;
  kilobyte: string;
  megabyte: string;
}

export interface FormatterOptions {
  language: FormatLanguage;
  timeZone: string;
  monthNames: MonthNames;
  units: UnitWords;
}

export interface Formatter {
  readonly language: FormatLanguage;
  readonly timeZone: string;
  /** The calendar day an instant falls on in the association's time zone. */
  dayOf(value: Date): IsoDate;
  /** "15 رمضان 1447 هـ — 4 مارس 2026 م"; an instant is read in the association's time zone. */
  date(value: Date | IsoDate | null | undefined): string;
  /** A stored date shown with the person's own Hijri entry when they typed one. */
  enteredDate(iso: IsoDate | null | undefined, entered: string | null | undefined): string;
  /** "14:05" in the association's time zone. */
  time(value: Date): string;
  /** The dual date followed by the time; empty for nothing. */
  dateTime(value: Date | null | undefined): string;
  /** A whole or fractional count with grouping: "7,500". */
  count(value: number, fractionDigits?: number): string;
  /** A figure with exactly this many decimals, as averages are shown: "4.0". */
  decimal(value: number, fractionDigits: number): string;
  /** "7,500 ريال"; empty for nothing. */
  amount(value: number | null | undefined): string;
  /** "2.5 ميغابايت", "120 كيلوبايت". */
  fileSize(bytes: number): string;
}

const KILOBYTE = 1024;
const MEGABYTE = 1024 * 1024;

/** Whether Intl knows the zone: a misspelt TIME_ZONE must stop the start-up, not every page. */
export function isKnownTimeZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return true;
  } catch {
    return false;
  }
}

function numberLocale(language: FormatLanguage): string {
  // Arabic text with Western digits: the Arabic locale keeps the Arabic decimal and group signs
  // out, so "1,234.5" reads the same on both interfaces.
  return language === 'ar' ? 'ar-SA-u-nu-latn' : 'en-GB';
}

const fill = (template: string, n: string) => template.replace('{n}', n);

export function createFormatter(options: FormatterOptions): Formatter {
  const { language, timeZone, monthNames, units } = options;
  const locale = numberLocale(language);
  const numberFormats = new Map<string, Intl.NumberFormat>();
  const numberFormat = (maximumFractionDigits: number, minimumFractionDigits = 0) => {
    const key = `${minimumFractionDigits}-${maximumFractionDigits}`;
    let format = numberFormats.get(key);
    if (!format) {
      format = new Intl.NumberFormat(locale, { maximumFractionDigits, minimumFractionDigits, useGrouping: true });
      numberFormats.set(key, format);
    }
    return format;
  };
  // Western digits and a 24-hour clock in both languages: "ص/م" beside a 24-hour time says it twice.
  const timeFormat = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });
  // Lists show the same few hundred days over and over; the Hijri conversion is worth remembering.
  const formattedDays = new Map<IsoDate, string>();

  const dayOf = (value: Date) => todayIso(value, timeZone);
  const date = (value: Date | IsoDate | null | undefined) => {
    if (!value) return '';
    if (typeof value === 'string' && !isValidIso(value)) return value;
    const iso = value instanceof Date ? dayOf(value) : value;
    let text = formattedDays.get(iso);
    if (text === undefined) {
      text = formatDualDate(iso, language, monthNames);
      if (formattedDays.size >= 5_000) formattedDays.clear();
      formattedDays.set(iso, text);
    }
    return text;
  };
  const time = (value: Date) => timeFormat.format(value);
  const count = (value: number, fractionDigits = 0) => numberFormat(fractionDigits).format(value);
  return {
    language,
    timeZone,
    dayOf,
    date,
    time,
    enteredDate: (iso, entered) => {
      if (!iso || !isValidIso(iso)) return date(iso);
      const shown = shownParts(iso, entered);
      return shown.calendar === 'hijri' ? formatDualDate(iso, language, monthNames, undefined, shown.parts) : date(iso);
    },
    dateTime: (value) => (value ? `${date(value)} ${time(value)}` : ''),
    count,
    decimal: (value, fractionDigits) => numberFormat(fractionDigits, fractionDigits).format(value),
    amount: (value) => (value === null || value === undefined ? '' : fill(units.amount, count(value))),
    fileSize: (bytes) => {
      if (bytes >= MEGABYTE) return fill(units.megabyte, count(bytes / MEGABYTE, 1));
      if (bytes >= KILOBYTE) return fill(units.kilobyte, count(Math.ceil(bytes / KILOBYTE)));
      return fill(units.byte, count(bytes));
    },
  };
}

/** The server's own address ("::1", "127.0.0.1"): shown as words, since a code there explains nothing. */
export function isLoopbackAddress(ip: string | null | undefined): boolean {
  if (!ip) return false;
  const address = ip.startsWith('::ffff:') ? ip.slice('::ffff:'.length) : ip;
  return address === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(address);
}
