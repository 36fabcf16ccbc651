import { describe, expect, it } from 'vitest';
import {
  addDays,
  addYears,
  daysBetween,
  dualDateParts,
  formatDualDate,
  fromHijri,
  GREGORIAN_MONTH_KEYS,
  hijriDaysInMonth,
  HIJRI_MONTH_KEYS,
  isBefore,
  isoToParts,
  isValidIso,
  parseDateParts,
  toHijri,
  todayIso,
  localDateTime,
  wallClockIn,
} from '../../src/domain/dates.ts';

const KNOWN_CONVERSIONS = [
  { hijri: { year: 1447, month: 9, day: 1 }, iso: '2026-02-18' },
  { hijri: { year: 1447, month: 1, day: 1 }, iso: '2025-06-26' },
  { hijri: { year: 1447, month: 9, day: 15 }, iso: '2026-03-04' },
  { hijri: { year: 1445, month: 9, day: 1 }, iso: '2024-03-11' },
];

describe('Hijri conversion (Umm al-Qura)', () => {
  it.each(KNOWN_CONVERSIONS)('$iso ⇄ $hijri.day/$hijri.month/$hijri.year', ({ hijri, iso }) => {
    expect(toHijri(iso)).toEqual(hijri);
    expect(fromHijri(hijri.year, hijri.month, hijri.day)).toBe(iso);
  });

  it('round-trips every day for two years', () => {
    for (let iso = '2025-01-01'; iso < '2027-01-01'; iso = addDays(iso, 1)) {
      const { year, month, day } = toHijri(iso);
      expect(fromHijri(year, month, day)).toBe(iso);
    }
  });

  it('knows month lengths: Sha‘ban 1447 has 29 days, Ramadan 1445 has 30', () => {
    expect(hijriDaysInMonth(1447, 8)).toBe(29);
    expect(addDays(fromHijri(1447, 8, 29), 1)).toBe(fromHijri(1447, 9, 1));
    expect(hijriDaysInMonth(1445, 9)).toBe(30);
    expect(() => fromHijri(1447, 8, 30)).toThrow(RangeError);
  });

  it('throws RangeError outside the supported range', () => {
    expect(() => toHijri('1900-01-01')).toThrow(RangeError);
    expect(() => fromHijri(1342, 1, 1)).toThrow(RangeError);
    expect(() => toHijri('2026-02-30')).toThrow(RangeError);
  });

  it('dualDateParts gives both calendars, and no Hijri before the Umm al-Qura table', () => {
    expect(dualDateParts('2026-03-04')).toEqual({
      hijri: { year: 1447, month: 9, day: 15 },
      gregorian: { year: 2026, month: 3, day: 4 },
    });
    expect(dualDateParts('1910-05-01')).toEqual({
      hijri: null,
      gregorian: { year: 1910, month: 5, day: 1 },
    });
  });
});

describe('parseDateParts', () => {
  const g = (day?: string, month?: string, year?: string) => ({
    day,
    month,
    year,
    calendar: 'gregorian',
  });
  const h = (day?: string, month?: string, year?: string) => ({
    day,
    month,
    year,
    calendar: 'hijri',
  });

  it('converts Hijri and Gregorian inputs to ISO', () => {
    expect(parseDateParts(h('15', '9', '1447'))).toEqual({ ok: true, iso: '2026-03-04' });
    expect(parseDateParts(g('4', '3', '2026'))).toEqual({ ok: true, iso: '2026-03-04' });
    expect(parseDateParts(g('04', '03', '2026'))).toEqual({ ok: true, iso: '2026-03-04' });
  });

  it('accepts Arabic-Indic digits and stray spaces', () => {
    expect(parseDateParts(h('١٥', '٩', '١٤٤٧'))).toEqual({ ok: true, iso: '2026-03-04' });
    expect(
      parseDateParts({ day: ' ۴ ', month: '۳', year: '۲۰۲۶', calendar: ' gregorian ' }),
    ).toEqual({
      ok: true,
      iso: '2026-03-04',
    });
  });

  it('requires something and reports the first missing part', () => {
    expect(parseDateParts({})).toEqual({ ok: false, code: 'date.required', part: 'day' });
    expect(parseDateParts(g(' ', '', undefined))).toMatchObject({ code: 'date.required' });
    expect(parseDateParts(g('1', '', '2020'))).toEqual({
      ok: false,
      code: 'date.incomplete',
      part: 'month',
    });
    expect(parseDateParts(g('', '2', ''))).toEqual({
      ok: false,
      code: 'date.incomplete',
      part: 'day',
    });
    expect(parseDateParts(g('1', '2', ''))).toEqual({
      ok: false,
      code: 'date.incomplete',
      part: 'year',
    });
  });

  it.each([undefined, '', 'julian', 'HIJRI'])('rejects calendar %j', (calendar) => {
    expect(parseDateParts({ day: '1', month: '1', year: '2020', calendar })).toEqual({
      ok: false,
      code: 'date.calendar',
      part: 'calendar',
    });
  });

  it.each([
    [g('30', '2', '2024'), 'day'],
    [g('29', '2', '2023'), 'day'],
    [g('31', '4', '2024'), 'day'],
    [g('0', '1', '2024'), 'day'],
    [g('32', '1', '2024'), 'day'],
    [g('1', '13', '2024'), 'month'],
    [g('1', '0', '2024'), 'month'],
    [g('1', '1', '24'), 'year'],
    [g('1', '1', '20245'), 'year'],
    [g('1.5', '1', '2024'), 'day'],
    [g('x', '1', '2024'), 'day'],
    [g('1', '<b>', '2024'), 'month'],
    [h('30', '8', '1447'), 'day'],
    [h('31', '9', '1445'), 'day'],
  ] as const)('rejects %j as not a real date, pointing at %s', (parts, part) => {
    expect(parseDateParts(parts)).toEqual({ ok: false, code: 'date.invalid', part });
  });

  it('accepts leap days and 30-day Hijri months', () => {
    expect(parseDateParts(g('29', '2', '2024'))).toEqual({ ok: true, iso: '2024-02-29' });
    expect(parseDateParts(h('30', '9', '1445'))).toMatchObject({ ok: true });
  });

  it.each([
    g('31', '12', '1899'),
    g('1', '1', '2077'),
    h('1', '1', '1342'),
    h('1', '1', '1501'),
    h('1', '3', '1500'),
  ])('rejects %j as out of range', (parts) => {
    expect(parseDateParts(parts)).toEqual({ ok: false, code: 'date.outOfRange', part: 'year' });
  });

  it('accepts the edges of the range', () => {
    expect(parseDateParts(g('1', '1', '1900'))).toEqual({ ok: true, iso: '1900-01-01' });
    expect(parseDateParts(g('31', '12', '2076'))).toEqual({ ok: true, iso: '2076-12-31' });
    expect(parseDateParts(h('1', '1', '1343'))).toEqual({ ok: true, iso: '1924-08-01' });
    // From 1420 AH the computed (KACST/ICU) table applies: 1 Muharram 1500 is 28 November 2076 there.
    expect(parseDateParts(h('1', '1', '1500'))).toEqual({ ok: true, iso: '2076-11-28' });
  });

  it('never throws on hostile input', () => {
    const hostile = ["'; DROP TABLE x;--", '<script>', '9'.repeat(10_000), '\u0000'];
    for (const value of hostile) {
      expect(parseDateParts({ day: value, month: value, year: value, calendar: 'hijri' }).ok).toBe(
        false,
      );
    }
  });
});

describe('isoToParts', () => {
  it('pre-fills inputs in either calendar', () => {
    expect(isoToParts('2026-03-04', 'hijri')).toEqual({ day: '15', month: '9', year: '1447' });
    expect(isoToParts('2026-03-04', 'gregorian')).toEqual({ day: '4', month: '3', year: '2026' });
  });

  it('round-trips through parseDateParts', () => {
    for (const calendar of ['hijri', 'gregorian'] as const) {
      expect(parseDateParts({ ...isoToParts('1990-07-15', calendar), calendar })).toEqual({
        ok: true,
        iso: '1990-07-15',
      });
    }
  });
});

describe('formatDualDate', () => {
  const arNames = {
    hijri: [
      'محرم',
      'صفر',
      'ربيع الأول',
      'ربيع الآخر',
      'جمادى الأولى',
      'جمادى الآخرة',
      'رجب',
      'شعبان',
      'رمضان',
      'شوال',
      'ذو القعدة',
      'ذو الحجة',
    ],
    gregorian: [
      'يناير',
      'فبراير',
      'مارس',
      'أبريل',
      'مايو',
      'يونيو',
      'يوليو',
      'أغسطس',
      'سبتمبر',
      'أكتوبر',
      'نوفمبر',
      'ديسمبر',
    ],
  };
  const enNames = {
    hijri: [
      'Muharram',
      'Safar',
      'Rabi I',
      'Rabi II',
      'Jumada I',
      'Jumada II',
      'Rajab',
      'Shaban',
      'Ramadan',
      'Shawwal',
      'Dhu al-Qadah',
      'Dhu al-Hijjah',
    ],
    gregorian: [
      'January',
      'February',
      'March',
      'April',
      'May',
      'June',
      'July',
      'August',
      'September',
      'October',
      'November',
      'December',
    ],
  };

  it('formats Arabic with Western digits in both calendars', () => {
    expect(formatDualDate('2026-03-04', 'ar', arNames)).toBe('15 رمضان 1447 هـ — 4 مارس 2026 م');
  });

  it('formats English', () => {
    expect(formatDualDate('2026-03-04', 'en', enNames)).toBe('15 Ramadan 1447 AH — 4 March 2026');
    expect(formatDualDate('2025-06-26', 'en', enNames)).toBe('1 Muharram 1447 AH — 26 June 2025');
  });

  it('accepts custom suffixes and falls back to Gregorian only when there is no Hijri date', () => {
    expect(
      formatDualDate('2026-03-04', 'ar', arNames, { hijri: 'هجري', gregorian: 'ميلادي' }),
    ).toBe('15 رمضان 1447 هجري — 4 مارس 2026 ميلادي');
    expect(formatDualDate('1910-05-01', 'en', enNames)).toBe('1 May 1910');
  });

  it('exports translation keys for all twelve months of each calendar', () => {
    expect(HIJRI_MONTH_KEYS).toHaveLength(12);
    expect(HIJRI_MONTH_KEYS[8]).toBe('months.hijri.9');
    expect(GREGORIAN_MONTH_KEYS[11]).toBe('months.gregorian.12');
  });
});

describe('day arithmetic', () => {
  it('adds days across month, year and leap boundaries', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2023-02-28', 1)).toBe('2023-03-01');
    expect(addDays('2025-12-31', 1)).toBe('2026-01-01');
    expect(addDays('2026-03-04', -14)).toBe('2026-02-18');
  });

  it('adds years, clamping 29 February', () => {
    expect(addYears('2024-02-29', 1)).toBe('2025-02-28');
    expect(addYears('2026-03-04', -120)).toBe('1906-03-04');
  });

  it('counts days between dates', () => {
    expect(daysBetween('2026-02-18', '2026-03-04')).toBe(14);
    expect(daysBetween('2026-03-04', '2026-02-18')).toBe(-14);
  });

  it('compares ISO dates and refuses malformed ones', () => {
    expect(isBefore('2026-03-03', '2026-03-04')).toBe(true);
    expect(isBefore('2026-03-04', '2026-03-04')).toBe(false);
    expect(() => isBefore('2026-3-4', '2026-03-04')).toThrow(RangeError);
  });

  it('validates ISO strings', () => {
    expect(isValidIso('2024-02-29')).toBe(true);
    expect(isValidIso('2023-02-29')).toBe(false);
    expect(isValidIso('2024-2-9')).toBe(false);
    expect(isValidIso(20240229)).toBe(false);
  });
});

describe('todayIso', () => {
  it('uses the Riyadh calendar day (UTC+3)', () => {
    expect(todayIso(new Date('2026-03-04T20:59:59Z'), 'Asia/Riyadh')).toBe('2026-03-04');
    expect(todayIso(new Date('2026-03-04T21:00:00Z'), 'Asia/Riyadh')).toBe('2026-03-05');
    expect(todayIso(new Date('2026-03-04T21:00:00Z'), 'UTC')).toBe('2026-03-04');
  });
});

describe('wall-clock times in the association\'s zone', () => {
  it('reads a typed local time as the instant it is there, and writes an instant back the same way', () => {
    expect(wallClockIn('2026-03-01', 9 * 60, 'Asia/Riyadh').toISOString()).toBe('2026-03-01T06:00:00.000Z');
    expect(wallClockIn('2026-07-01', 9 * 60, 'Europe/London').toISOString()).toBe('2026-07-01T08:00:00.000Z');
    expect(localDateTime(new Date('2026-03-01T22:30:00Z'), 'Asia/Riyadh')).toBe('2026-03-02 01:30');
    expect(localDateTime(new Date('2026-03-01T22:30:00Z'), 'UTC')).toBe('2026-03-01 22:30');
  });
});
