import { gregorianToHijri, hijriToGregorian } from '@tabby_ai/hijri-converter';
import { normalizeNumberInput } from './digits.ts';

export type Calendar = 'hijri' | 'gregorian';
/** 'YYYY-MM-DD', a calendar day with no time zone. */
export type IsoDate = string;
export type DateParts = { year: number; month: number; day: number };

export const CALENDARS = ['hijri', 'gregorian'] as const satisfies readonly Calendar[];

export const DATE_ERROR_CODES = [
  'date.required',
  'date.incomplete',
  'date.calendar',
  'date.invalid',
  'date.outOfRange',
] as const;
export type DateErrorCode = (typeof DATE_ERROR_CODES)[number];
export type DatePartName = 'day' | 'month' | 'year';
/** `part` names the input to focus: the missing/malformed one, `year` for range errors, else `day`. */
export type DatePartsResult =
  { ok: true; iso: IsoDate } | { ok: false; code: DateErrorCode; part: DatePartName | 'calendar' };

/** Portal-wide bounds: older dates are not meaningful here, later ones exceed the Umm al-Qura table. */
export const MIN_GREGORIAN_ISO: IsoDate = '1900-01-01';
export const MAX_GREGORIAN_ISO: IsoDate = '2076-12-31';
const HIJRI_MIN_YEAR = 1343;
const HIJRI_MAX_YEAR = 1500;

export const HIJRI_MONTH_KEYS = monthKeys('hijri');
export const GREGORIAN_MONTH_KEYS = monthKeys('gregorian');

function monthKeys(calendar: Calendar): readonly string[] {
  return Array.from({ length: 12 }, (_, i) => `months.${calendar}.${i + 1}`);
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

export function partsToIso({ year, month, day }: DateParts): IsoDate {
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

export function isoToDateParts(iso: IsoDate): DateParts {
  if (!isValidIso(iso)) throw new RangeError(`Not an ISO calendar date: ${iso}`);
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

const isLeapYear = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;

export function gregorianDaysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

export function isValidIso(iso: unknown): iso is IsoDate {
  if (typeof iso !== 'string') return false;
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return false;
  const [year, month, day] = match.slice(1).map(Number) as [number, number, number];
  return month >= 1 && month <= 12 && day >= 1 && day <= gregorianDaysInMonth(year, month);
}

/*
 * Which Umm al-Qura table. Two exist and disagree on thousands of days:
 * - the calendar as it was published at the time (the data behind the hijri-converter family,
 *   checked against Umm al-Qura newspaper mastheads). Documents issued before 1420 AH carry
 *   these dates, so birth dates on old papers must follow it;
 * - the table computed by KACST's rule (the new moon sets after the sun at Mecca), which the
 *   Umm al-Qura calendar follows from 1 Muharram 1420 AH (17 April 1999) and which ICU (`Intl`,
 *   calendar "islamic-umalqura") ships; ID expiry dates decades ahead can only come from it.
 * The two agree on every day from 17 April 1999 to 10 August 2029, so the switch at the year the
 * rule was adopted is seamless: before 1420 AH the published table, from 1420 AH the computed one,
 * both ways, for every display.
 */
export const COMPUTED_TABLE_FROM_HIJRI_YEAR = 1420;
export const COMPUTED_TABLE_FROM_ISO: IsoDate = '1999-04-17';

const intlUmmAlQura = new Intl.DateTimeFormat('en-u-ca-islamic-umalqura-nu-latn', {
  timeZone: 'UTC',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function computedToHijri(iso: IsoDate): DateParts {
  const parts = intlUmmAlQura.formatToParts(utcMidnight(iso));
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value);
  return { year: get('year'), month: get('month'), day: get('day') };
}

/** First Gregorian day and length of each computed-table month, built once on first use. */
let computedMonths: Map<string, { start: IsoDate; length: number }> | undefined;
const LAST_COMPUTED_ISO: IsoDate = '2077-12-31';

function computedMonthTable(): Map<string, { start: IsoDate; length: number }> {
  if (computedMonths) return computedMonths;
  const table = new Map<string, { start: IsoDate; length: number }>();
  for (let iso = COMPUTED_TABLE_FROM_ISO; iso <= LAST_COMPUTED_ISO; iso = addDays(iso, 1)) {
    const { year, month, day } = computedToHijri(iso);
    const key = `${year}-${month}`;
    if (day === 1) table.set(key, { start: iso, length: 1 });
    else {
      const entry = table.get(key);
      if (entry) entry.length = day;
    }
  }
  computedMonths = table;
  return table;
}

function computedFromHijri({ year, month, day }: DateParts): IsoDate {
  const entry = computedMonthTable().get(`${year}-${month}`);
  if (!entry || day > entry.length) throw new RangeError(`Not a Umm al-Qura date: ${year}-${month}-${day}`);
  return addDays(entry.start, day - 1);
}

function chosenToHijri(iso: IsoDate): DateParts {
  return iso >= COMPUTED_TABLE_FROM_ISO ? computedToHijri(iso) : gregorianToHijri(isoToDateParts(iso));
}

function chosenFromHijri(parts: DateParts): IsoDate {
  if (parts.year >= COMPUTED_TABLE_FROM_HIJRI_YEAR) return computedFromHijri(parts);
  if (parts.day <= 30) return partsToIso(hijriToGregorian(parts));
  // The published table has a few 31-day months (1345 AH) that the converter reads but will not
  // take as input: the day after the 30th, if the table itself names it so.
  const next = addDays(partsToIso(hijriToGregorian({ ...parts, day: 30 })), parts.day - 30);
  const back = gregorianToHijri(isoToDateParts(next));
  if (back.year !== parts.year || back.month !== parts.month || back.day !== parts.day) {
    throw new RangeError(`Not a Umm al-Qura date: ${parts.year}-${parts.month}-${parts.day}`);
  }
  return next;
}

function hijriInConverterRange({ year, month, day }: DateParts): boolean {
  return (
    year >= HIJRI_MIN_YEAR &&
    year <= HIJRI_MAX_YEAR &&
    month >= 1 &&
    month <= 12 &&
    day >= 1 &&
    day <= 31
  );
}

/** Umm al-Qura months have 29 or 30 days (a few early published months 28 or 31); the chosen table decides. */
export function hijriDaysInMonth(year: number, month: number): number {
  if (!hijriInConverterRange({ year, month, day: 1 })) {
    throw new RangeError(`Hijri month outside the supported range: ${year}-${month}`);
  }
  // The published table has a few months of 28 or 31 days (1343–1345 AH).
  for (const day of [31, 30, 29] as const) {
    try {
      chosenFromHijri({ year, month, day });
      return day;
    } catch {
      // the month is shorter
    }
  }
  return 28;
}

export function toHijri(iso: IsoDate): DateParts {
  try {
    isoToDateParts(iso);
    return chosenToHijri(iso);
  } catch (error) {
    throw new RangeError(`No Umm al-Qura date for ${iso}`, { cause: error });
  }
}

export function fromHijri(year: number, month: number, day: number): IsoDate {
  if (!hijriInConverterRange({ year, month, day }) || day > hijriDaysInMonth(year, month)) {
    throw new RangeError(`Not a Umm al-Qura date: ${year}-${month}-${day}`);
  }
  return chosenFromHijri({ year, month, day });
}

/** Hijri is null for the few accepted Gregorian dates (1900 – Jul 1924) before the Umm al-Qura table. */
export function dualDateParts(iso: IsoDate): { hijri: DateParts | null; gregorian: DateParts } {
  const gregorian = isoToDateParts(iso);
  let hijri: DateParts | null = null;
  try {
    hijri = chosenToHijri(iso);
  } catch {
    hijri = null;
  }
  return { hijri, gregorian };
}

type RawDateParts = { day?: unknown; month?: unknown; year?: unknown; calendar?: unknown };

const PART_NAMES: readonly DatePartName[] = ['day', 'month', 'year'];

export function parseDateParts(raw: RawDateParts): DatePartsResult {
  const text = {
    day: typeof raw.day === 'string' ? normalizeNumberInput(raw.day) : '',
    month: typeof raw.month === 'string' ? normalizeNumberInput(raw.month) : '',
    year: typeof raw.year === 'string' ? normalizeNumberInput(raw.year) : '',
  };
  const missing = PART_NAMES.filter((name) => text[name] === '');
  if (missing.length === PART_NAMES.length)
    return { ok: false, code: 'date.required', part: 'day' };
  if (missing[0]) return { ok: false, code: 'date.incomplete', part: missing[0] };
  const calendar = typeof raw.calendar === 'string' ? raw.calendar.trim() : '';
  if (calendar !== 'hijri' && calendar !== 'gregorian') {
    return { ok: false, code: 'date.calendar', part: 'calendar' };
  }

  const malformed = PART_NAMES.find(
    (name) => !(name === 'year' ? /^\d{4}$/ : /^\d{1,2}$/).test(text[name]),
  );
  if (malformed) return { ok: false, code: 'date.invalid', part: malformed };
  const parts = { day: Number(text.day), month: Number(text.month), year: Number(text.year) };
  if (parts.month < 1 || parts.month > 12)
    return { ok: false, code: 'date.invalid', part: 'month' };
  const longestMonth = 31;
  if (parts.day < 1 || parts.day > longestMonth) {
    return { ok: false, code: 'date.invalid', part: 'day' };
  }
  return calendar === 'gregorian' ? checkGregorian(parts) : checkHijri(parts);
}

function checkGregorian(parts: DateParts): DatePartsResult {
  if (parts.day > gregorianDaysInMonth(parts.year, parts.month)) {
    return { ok: false, code: 'date.invalid', part: 'day' };
  }
  return withinPortalRange(partsToIso(parts));
}

function checkHijri(parts: DateParts): DatePartsResult {
  if (parts.year < HIJRI_MIN_YEAR || parts.year > HIJRI_MAX_YEAR) {
    return { ok: false, code: 'date.outOfRange', part: 'year' };
  }
  if (parts.day > hijriDaysInMonth(parts.year, parts.month)) {
    return { ok: false, code: 'date.invalid', part: 'day' };
  }
  return withinPortalRange(chosenFromHijri(parts));
}

function withinPortalRange(iso: IsoDate): DatePartsResult {
  return iso < MIN_GREGORIAN_ISO || iso > MAX_GREGORIAN_ISO
    ? { ok: false, code: 'date.outOfRange', part: 'year' }
    : { ok: true, iso };
}

/** Strings for pre-filling the three inputs; no zero padding, matching what people type. */
export function isoToParts(
  iso: IsoDate,
  calendar: Calendar,
): { day: string; month: string; year: string } {
  const { year, month, day } = calendar === 'hijri' ? toHijri(iso) : isoToDateParts(iso);
  return { day: String(day), month: String(month), year: String(year) };
}

export type MonthNames = { hijri: readonly string[]; gregorian: readonly string[] };
export type CalendarSuffixes = { hijri: string; gregorian: string };

const DEFAULT_SUFFIXES: Record<'ar' | 'en', CalendarSuffixes> = {
  ar: { hijri: 'هـ', gregorian: 'م' },
  en: { hijri: 'AH', gregorian: '' },
};

/** Joins the words of one formatted date. */
export const NO_BREAK_SPACE = '\u00a0';

export function formatDualDate(
  iso: IsoDate,
  lng: 'ar' | 'en',
  monthNames: MonthNames,
  suffixes: CalendarSuffixes = DEFAULT_SUFFIXES[lng],
  typedHijri?: DateParts,
): string {
  const { hijri: converted, gregorian } = dualDateParts(iso);
  const hijri = typedHijri ?? converted;
  // No-break spaces inside each date, so "1 مارس 2026 م" never breaks across lines (in a table cell, a
  // timeline or a sentence); the two calendars may still go to separate lines at the dash.
  const join = (...words: (string | number)[]) =>
    words.filter((w) => w !== '').map((w) => String(w).replace(/ /g, NO_BREAK_SPACE)).join(NO_BREAK_SPACE);
  const gregorianText = join(
    gregorian.day,
    monthName(monthNames.gregorian, gregorian.month),
    gregorian.year,
    suffixes.gregorian,
  );
  if (!hijri) return gregorianText;
  const hijriText = join(
    hijri.day,
    monthName(monthNames.hijri, hijri.month),
    hijri.year,
    suffixes.hijri,
  );
  // One numeral system on a page: both dates in Western digits (see formatting.ts).
  return `${hijriText} — ${gregorianText}`;
}

function monthName(names: readonly string[], month: number): string {
  const name = names[month - 1];
  if (name === undefined) throw new RangeError(`Missing month name ${month}`);
  return name;
}

const DAY_MS = 86_400_000;

/** Date.UTC maps years 0–99 to 19xx, so the year is set explicitly. */
function utcMidnight(iso: IsoDate): Date {
  const { year, month, day } = isoToDateParts(iso);
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date;
}

export function addDays(iso: IsoDate, days: number): IsoDate {
  const shifted = new Date(utcMidnight(iso).getTime() + days * DAY_MS);
  return partsToIso({
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  });
}

/** Same day-of-month N years later; 29 Feb falls back to 28 Feb in non-leap years. */
export function addYears(iso: IsoDate, years: number): IsoDate {
  const { year, month, day } = isoToDateParts(iso);
  const targetYear = year + years;
  return partsToIso({
    year: targetYear,
    month,
    day: Math.min(day, gregorianDaysInMonth(targetYear, month)),
  });
}

export function daysBetween(fromIso: IsoDate, toIso: IsoDate): number {
  return Math.round((utcMidnight(toIso).getTime() - utcMidnight(fromIso).getTime()) / DAY_MS);
}

/** Validates both sides so a malformed string can never compare as "earlier". */
export function isBefore(isoA: IsoDate, isoB: IsoDate): boolean {
  isoToDateParts(isoA);
  isoToDateParts(isoB);
  return isoA < isoB;
}

/** The calendar day an instant falls on in Saudi Arabia (UTC+3, no DST) or another zone. */
// Building an Intl.DateTimeFormat costs far more than using one: keep one per time zone.
const calendarDayFormatters = new Map<string, Intl.DateTimeFormat>();

const RIYADH_OFFSET_MS = 3 * 60 * 60 * 1000;
const RIYADH_FIXED_OFFSET_SINCE = Date.UTC(1950, 0, 1);

/** The calendar day of an instant in a named zone: always the association's TIME_ZONE, passed explicitly. */
export function todayIso(now: Date, timeZone: string): IsoDate {
  // Saudi Arabia keeps UTC+3 all year (no daylight saving since 1947): no time-zone lookup needed.
  if (timeZone === 'Asia/Riyadh' && now.getTime() >= RIYADH_FIXED_OFFSET_SINCE) {
    return new Date(now.getTime() + RIYADH_OFFSET_MS).toISOString().slice(0, 10);
  }
  let formatter = calendarDayFormatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
    });
    calendarDayFormatters.set(timeZone, formatter);
  }
  const parts = formatter.formatToParts(now);
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The instant a calendar day begins in a time zone (the day's midnight there, not in UTC). */
export function startOfDayIn(iso: IsoDate, timeZone: string): Date {
  return wallClockIn(iso, 0, timeZone);
}

/** An instant as the association's clock on the wall shows it, minutes included: "2026-03-01 11:00". */
export function localDateTime(instant: Date, timeZone: string): string {
  return new Date(instant.getTime() + offsetMs(instant, timeZone)).toISOString().slice(0, 16).replace('T', ' ');
}

/** The instant a wall-clock time (minutes after midnight) of a day is in a time zone. */
export function wallClockIn(iso: IsoDate, minutesAfterMidnight: number, timeZone: string): Date {
  const wallClockUtc = utcMidnight(iso).getTime() + minutesAfterMidnight * 60_000;
  // The wall-clock time read as UTC, shifted back by the zone's offset; two passes settle a DST edge.
  let instant = wallClockUtc;
  for (let pass = 0; pass < 2; pass++) instant = wallClockUtc - offsetMs(new Date(instant), timeZone);
  return new Date(instant);
}

function offsetMs(instant: Date, timeZone: string): number {
  const local = todayIso(instant, timeZone);
  const parts = new Intl.DateTimeFormat('en-GB', { timeZone, hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23' })
    .formatToParts(instant);
  const get = (type: Intl.DateTimeFormatPartTypes) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const wallClock = utcMidnight(local).getTime() + ((get('hour') * 60 + get('minute')) * 60 + get('second')) * 1000;
  return wallClock - Math.floor(instant.getTime() / 1000) * 1000;
}

/** What a person typed, kept beside the ISO date: "hijri 1405-06-10", "gregorian 1985-03-01". */
export type EnteredDate = { calendar: Calendar; parts: DateParts };

/** The typed date as stored, or null when the parts do not make a valid date. */
export function enteredDateText(raw: RawDateParts): string | null {
  if (!parseDateParts(raw).ok) return null;
  const calendar = String(raw.calendar).trim();
  const part = (value: unknown) => Number(normalizeNumberInput(String(value)));
  return `${calendar} ${partsToIso({ year: part(raw.year), month: part(raw.month), day: part(raw.day) })}`;
}

export function readEnteredDate(text: string | null | undefined): EnteredDate | null {
  const match = /^(hijri|gregorian) (\d{4})-(\d{2})-(\d{2})$/.exec(text ?? '');
  if (!match) return null;
  const [year, month, day] = match.slice(2).map(Number) as [number, number, number];
  return { calendar: match[1] as Calendar, parts: { year, month, day } };
}

/**
 * The parts to show for a stored date: the person's own when they typed this very date,
 * otherwise the ISO date in the given calendar.
 */
export function shownParts(iso: IsoDate, entered: string | null | undefined): { calendar: Calendar; parts: DateParts } {
  const typed = readEnteredDate(entered);
  // A Hijri entry is shown as typed whatever table converts it; a Gregorian one must be this day.
  if (typed && (typed.calendar === 'hijri' || partsToIso(typed.parts) === iso)) return typed;
  return { calendar: 'gregorian', parts: isoToDateParts(iso) };
}
