import { describe, expect, it } from 'vitest';
import {
  formatReference,
  isValidReferencePrefix,
  parseReference,
} from '../../src/domain/referenceNumber.ts';
import { formatFileNumber, missingRegistrationItems } from '../../src/domain/registration.ts';

describe('formatReference / parseReference', () => {
  it('formats with a six-digit sequence', () => {
    expect(formatReference('TAY', 2026, 123)).toBe('TAY-2026-000123');
    expect(formatReference('REQ', 1447, 999_999)).toBe('REQ-1447-999999');
  });

  it('refuses values that could not be parsed back', () => {
    expect(() => formatReference('T', 2026, 1)).toThrow(RangeError);
    expect(() => formatReference('tay', 2026, 1)).toThrow(RangeError);
    expect(() => formatReference('TAY', 26, 1)).toThrow(RangeError);
    expect(() => formatReference('TAY', 2026, 0)).toThrow(RangeError);
    expect(() => formatReference('TAY', 2026, 1_000_000)).toThrow(RangeError);
    expect(() => formatReference('TAY', 2026, 1.5)).toThrow(RangeError);
  });

  it.each([
    'TAY-2026-000123',
    'tay-2026-000123',
    ' TAY - 2026 - 123 ',
    'TAY–٢٠٢٦—٠٠٠١٢٣',
    'TAY2026000123',
    'tay 2026 000123',
    '\u200fTAY-2026-000123',
  ])('parses %j', (raw) => {
    expect(parseReference(raw)).toEqual({ prefix: 'TAY', year: 2026, seq: 123 });
  });

  it.each([
    '',
    'TAY',
    'TAY-2026',
    'TAY-26-000123',
    'TAY-2026-0000123',
    'T-2026-000123',
    'TAY2026123',
    'TAY-2026-000000',
    'ت-2026-1',
    "TAY-2026-1' OR 1=1",
  ])('rejects %j', (raw) => {
    expect(parseReference(raw)).toBeNull();
  });

  it('round-trips', () => {
    for (const [prefix, year, seq] of [
      ['AB', 2026, 1],
      ['ABCDEF', 1447, 654_321],
    ] as const) {
      expect(parseReference(formatReference(prefix, year, seq))).toEqual({ prefix, year, seq });
    }
  });

  it('validates prefixes: 2–6 uppercase Latin letters', () => {
    expect(isValidReferencePrefix('AB')).toBe(true);
    expect(isValidReferencePrefix('ABCDEF')).toBe(true);
    expect(isValidReferencePrefix('ABCDEFG')).toBe(false);
    expect(isValidReferencePrefix('A')).toBe(false);
    expect(isValidReferencePrefix('Ab')).toBe(false);
    expect(isValidReferencePrefix('A1')).toBe(false);
    expect(isValidReferencePrefix(undefined)).toBe(false);
  });
});

describe('registration', () => {
  it('lists required items not yet done, in order, once', () => {
    expect(
      missingRegistrationItems(
        ['contract', 'photo', 'bank_letter', 'photo'],
        ['photo', 'unrelated'],
      ),
    ).toEqual(['contract', 'bank_letter']);
    expect(missingRegistrationItems(['contract'], ['contract'])).toEqual([]);
  });

  it('formats file numbers', () => {
    expect(formatFileNumber('F', 123)).toBe('F-000123');
    expect(formatFileNumber('BEN', 1_234_567)).toBe('BEN-1234567');
    expect(() => formatFileNumber('f', 1)).toThrow(RangeError);
    expect(() => formatFileNumber('F', 0)).toThrow(RangeError);
  });
});
