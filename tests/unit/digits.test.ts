import { describe, expect, it } from 'vitest';
import {
  foldDigits,
  normalizeNumberInput,
  parseWholeAmount,
  toArabicIndicDigits,
} from '../../src/domain/digits.ts';

describe('foldDigits', () => {
  it('folds Arabic-Indic and Extended Arabic-Indic digits to ASCII', () => {
    expect(foldDigits('٠١٢٣٤٥٦٧٨٩')).toBe('0123456789');
    expect(foldDigits('۰۱۲۳۴۵۶۷۸۹')).toBe('0123456789');
  });

  it('leaves other characters alone', () => {
    expect(foldDigits('رقم ٤٢ - abc 7')).toBe('رقم 42 - abc 7');
  });
});

describe('normalizeNumberInput', () => {
  it('removes every kind of space, dash, tatweel and invisible direction mark', () => {
    const raw = ' ٠٥٠\u00a0١٢٣\u2009٤\u202f5‐6–7—8\u22129-0\u0640\u200e ';
    expect(normalizeNumberInput(raw)).toBe('0501234567890');
  });

  it('keeps plus signs and letters for the callers to judge', () => {
    expect(normalizeNumberInput('+966 SA')).toBe('+966SA');
  });
});

describe('toArabicIndicDigits', () => {
  it('converts ASCII digits for display and is the inverse of foldDigits', () => {
    expect(toArabicIndicDigits('15 رمضان 1447')).toBe('١٥ رمضان ١٤٤٧');
    expect(toArabicIndicDigits(2026)).toBe('٢٠٢٦');
    expect(foldDigits(toArabicIndicDigits('0123456789'))).toBe('0123456789');
  });
});

describe('parseWholeAmount', () => {
  const max = 1_000_000;

  it.each([
    ['1500', 1500],
    ['1,500', 1500],
    ['١٥٠٠', 1500],
    ['١٬٥٠٠', 1500],
    [' 1 500 ', 1500],
    ['0', 0],
    ['0750', 750],
    ['1,000,000', 1_000_000],
    ['1500.00', 1500],
    ['١٥٠٠٫٠', 1500],
  ])('accepts %j as %d', (raw, value) => {
    expect(parseWholeAmount(raw, { max })).toEqual({ ok: true, value });
  });

  it.each([undefined, null, '', '   '])('reports %j as required', (raw) => {
    expect(parseWholeAmount(raw, { max })).toEqual({ ok: false, code: 'amount.required' });
  });

  it.each([
    '-5',
    '−5',
    '5-',
    '12.5',
    '12.05',
    '1,50',
    '12,3456',
    'abc',
    '1e3',
    '0x10',
    '+5',
    '١٢ ريال',
    ['5'],
    5,
  ])('rejects %j as invalid', (raw) => {
    expect(parseWholeAmount(raw, { max })).toEqual({ ok: false, code: 'amount.invalid' });
  });

  it('rejects amounts above the maximum, including absurdly long ones', () => {
    expect(parseWholeAmount('1000001', { max })).toEqual({ ok: false, code: 'amount.tooLarge' });
    expect(parseWholeAmount('9'.repeat(400), { max })).toEqual({
      ok: false,
      code: 'amount.tooLarge',
    });
    expect(parseWholeAmount('500', { max: 499 })).toEqual({ ok: false, code: 'amount.tooLarge' });
  });
});
