import { describe, expect, it } from 'vitest';
import { isValidNationalId, parseNationalId } from '../../src/domain/nationalId.ts';

/**
 * Independent reference: Luhn over the 10 digits read right to left, where every second digit
 * from the right (positions 2, 4, … i.e. indexes 8, 6, 4, 2, 0) is doubled.
 */
function checkDigitFor(firstNine: string): string {
  for (let candidate = 0; candidate <= 9; candidate++) {
    const digits = `${firstNine}${candidate}`.split('').reverse().map(Number);
    const sum = digits.reduce(
      (acc, d, i) => acc + (i % 2 === 1 ? ((d * 2) % 10) + Math.floor((d * 2) / 10) : d),
      0,
    );
    if (sum % 10 === 0) return String(candidate);
  }
  throw new Error('unreachable');
}

const withCheckDigit = (firstNine: string) => `${firstNine}${checkDigitFor(firstNine)}`;

describe('parseNationalId', () => {
  it('accepts the known sample 1000000008 as a citizen ID', () => {
    expect(parseNationalId('1000000008')).toEqual({
      ok: true,
      value: '1000000008',
      kind: 'citizen',
    });
  });

  it('accepts generated citizen and resident IDs', () => {
    for (const firstNine of [
      '101234567',
      '112233445',
      '198765432',
      '200000000',
      '234567891',
      '298989898',
    ]) {
      const id = withCheckDigit(firstNine);
      const result = parseNationalId(id);
      expect(result, id).toEqual({
        ok: true,
        value: id,
        kind: id.startsWith('1') ? 'citizen' : 'resident',
      });
    }
  });

  it('rejects every wrong check digit', () => {
    const valid = withCheckDigit('105555555');
    for (let d = 0; d <= 9; d++) {
      const id = `${valid.slice(0, 9)}${d}`;
      if (id === valid) continue;
      expect(parseNationalId(id)).toEqual({ ok: false, code: 'nationalId.checksum' });
    }
  });

  it('detects a single changed digit and adjacent transposition', () => {
    const valid = withCheckDigit('112345678');
    const changed = `${valid.slice(0, 3)}${(Number(valid[3]) + 1) % 10}${valid.slice(4)}`;
    expect(parseNationalId(changed)).toMatchObject({ ok: false, code: 'nationalId.checksum' });
    expect(withCheckDigit('100000001')).toBe('1000000016');
    expect(parseNationalId('1000000016')).toMatchObject({ ok: true });
    expect(parseNationalId('1000000061')).toMatchObject({ ok: false, code: 'nationalId.checksum' });
  });

  it('normalizes Arabic-Indic digits, spaces and dashes', () => {
    expect(parseNationalId('١٠٠٠٠٠٠٠٠٨')).toMatchObject({ ok: true, value: '1000000008' });
    expect(parseNationalId(' 1000-000 008 ')).toMatchObject({ ok: true, value: '1000000008' });
  });

  it.each([undefined, null, '', '   ', 1000000008])('reports %j as required', (raw) => {
    expect(parseNationalId(raw)).toEqual({ ok: false, code: 'nationalId.required' });
  });

  it.each(['100000000', '10000000080', '10000000O8', 'abcdefghij', '1000000008<'])(
    'reports %j as a format error',
    (raw) => {
      expect(parseNationalId(raw)).toEqual({ ok: false, code: 'nationalId.format' });
    },
  );

  it('requires the prefix 1 or 2 even when the checksum holds', () => {
    for (const first of ['0', '3', '9']) {
      expect(parseNationalId(withCheckDigit(`${first}12345678`))).toEqual({
        ok: false,
        code: 'nationalId.prefix',
      });
    }
  });

  it('isValidNationalId mirrors parseNationalId', () => {
    expect(isValidNationalId('1000000008')).toBe(true);
    expect(isValidNationalId('1000000009')).toBe(false);
  });
});
