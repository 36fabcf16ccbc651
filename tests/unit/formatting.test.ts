import { describe, expect, it } from 'vitest';
import { enteredDateText, shownParts, startOfDayIn } from '../../src/domain/dates.ts';
import { createFormatter, isKnownTimeZone, type FormatLanguage } from '../../src/domain/formatting.ts';
import { loadConfig } from '../../src/config.ts';
import arDomain from '../../locales/ar/domain.json' with { type: 'json' };
import enDomain from '../../locales/en/domain.json' with { type: 'json' };

const formatter = (language: FormatLanguage, timeZone = 'Asia/Riyadh') => {
  const words = language === 'ar' ? arDomain : enDomain;
  return createFormatter({ language, timeZone, monthNames: words.months, units: words.units });
};

describe('one formatter per language', () => {
  const ar = formatter('ar');
  const en = formatter('en');

  it('writes Arabic pages in Western digits, with the riyal as a word', () => {
    expect(ar.count(7500)).toBe('7,500');
    expect(ar.amount(7500)).toBe('7,500 ريال');
    expect(en.amount(7500)).toBe('SAR 7,500');
    expect(ar.amount(null)).toBe('');
    expect(ar.decimal(4, 1)).toBe('4.0');
    expect(ar.count(1234567)).not.toMatch(/[\u0660-\u0669]/u);
  });

  it('names file sizes in words of the page language', () => {
    expect(ar.fileSize(2.5 * 1024 * 1024)).toBe('2.5 ميغابايت');
    expect(ar.fileSize(5 * 1024 * 1024)).toBe('5 ميغابايت');
    expect(ar.fileSize(120 * 1024 - 10)).toBe('120 كيلوبايت');
    expect(ar.fileSize(900)).toBe('900 بايت');
    expect(en.fileSize(2048)).toBe('2 KB');
  });

  it('shows both calendars in the same digits', () => {
    expect(ar.date('2026-03-04')).toBe('15 رمضان 1447 هـ — 4 مارس 2026 م');
    expect(en.date('2026-03-04')).toBe('15 Ramadan 1447 AH — 4 March 2026');
  });

  it('reads instants in the association time zone', () => {
    // 22:30 UTC on 3 March is 01:30 on 4 March in Riyadh.
    const lateEvening = new Date('2026-03-03T22:30:00Z');
    expect(ar.dayOf(lateEvening)).toBe('2026-03-04');
    expect(ar.time(lateEvening)).toBe('01:30');
    expect(ar.dateTime(lateEvening)).toBe('15 رمضان 1447 هـ — 4 مارس 2026 م 01:30');
    const london = formatter('en', 'Europe/London');
    expect(london.time(lateEvening)).toBe('22:30');
    expect(london.dayOf(lateEvening)).toBe('2026-03-03');
  });

  it('finds where a calendar day starts in the zone', () => {
    expect(startOfDayIn('2026-03-04', 'Asia/Riyadh').toISOString()).toBe('2026-03-03T21:00:00.000Z');
    expect(startOfDayIn('2026-07-01', 'Europe/London').toISOString()).toBe('2026-06-30T23:00:00.000Z');
    expect(startOfDayIn('2026-01-01', 'UTC').toISOString()).toBe('2026-01-01T00:00:00.000Z');
  });

  it('refuses an unknown TIME_ZONE at start-up', () => {
    expect(isKnownTimeZone('Asia/Riyadh')).toBe(true);
    expect(isKnownTimeZone('Asia/Ryadh')).toBe(false);
    expect(loadConfig({ NODE_ENV: 'test' }).timeZone).toBe('Asia/Riyadh');
    expect(() => loadConfig({ NODE_ENV: 'test', TIME_ZONE: 'Mars/Olympus' })).toThrow(/TIME_ZONE/);
  });
});

describe('the date a person typed', () => {
  const ar = formatter('ar');
  it('is kept with its calendar and shown back as typed', () => {
    const entered = enteredDateText({ day: '١٠', month: '٦', year: '1405', calendar: 'hijri' });
    expect(entered).toBe('hijri 1405-06-10');
    expect(shownParts('1985-03-01', entered)).toEqual({ calendar: 'hijri', parts: { year: 1405, month: 6, day: 10 } });
    expect(ar.enteredDate('1985-03-01', entered)).toBe('10 جمادى الآخرة 1405 هـ — 1 مارس 1985 م');
    expect(enteredDateText({ day: '31', month: '2', year: '1990', calendar: 'gregorian' })).toBeNull();
  });

  it('falls back to the stored day when nothing, or another day, was typed', () => {
    expect(shownParts('1985-03-01', null)).toEqual({ calendar: 'gregorian', parts: { year: 1985, month: 3, day: 1 } });
    expect(shownParts('1985-03-01', 'gregorian 1985-03-02').parts.day).toBe(1);
    expect(shownParts('1985-03-01', 'nonsense')).toEqual({ calendar: 'gregorian', parts: { year: 1985, month: 3, day: 1 } });
    expect(ar.enteredDate('1985-03-01', null)).toBe(ar.date('1985-03-01'));
  });
});
