import { normalizeNumberInput } from './digits.ts';

export const NATIONAL_ID_ERROR_CODES = [
  'nationalId.required',
  'nationalId.format',
  'nationalId.prefix',
  'nationalId.checksum',
] as const;
export type NationalIdErrorCode = (typeof NATIONAL_ID_ERROR_CODES)[number];
export type NationalIdKind = 'citizen' | 'resident';
export type NationalIdResult =
  { ok: true; value: string; kind: NationalIdKind } | { ok: false; code: NationalIdErrorCode };

/** Luhn variant used by the Saudi national ID / Iqama: even positions are doubled. */
export function nationalIdChecksumHolds(tenDigits: string): boolean {
  let total = 0;
  for (let i = 0; i < tenDigits.length; i++) {
    const digit = Number(tenDigits[i]);
    if (i % 2 === 0) {
      const doubled = digit * 2;
      total += doubled > 9 ? doubled - 9 : doubled;
    } else {
      total += digit;
    }
  }
  return total % 10 === 0;
}

export function parseNationalId(raw: unknown): NationalIdResult {
  if (typeof raw !== 'string' || raw.trim() === '')
    return { ok: false, code: 'nationalId.required' };
  const value = normalizeNumberInput(raw);
  if (!/^\d{10}$/.test(value)) return { ok: false, code: 'nationalId.format' };
  const kind: NationalIdKind | undefined =
    value[0] === '1' ? 'citizen' : value[0] === '2' ? 'resident' : undefined;
  if (!kind) return { ok: false, code: 'nationalId.prefix' };
  if (!nationalIdChecksumHolds(value)) return { ok: false, code: 'nationalId.checksum' };
  return { ok: true, value, kind };
}

export function isValidNationalId(s: string): boolean {
  return parseNationalId(s).ok;
}

/** The first digit tells a Saudi national ID (1) from a resident's Iqama (2); the nationality must agree. */
export function nationalityAgreesWithId(nationality: 'saudi' | 'non_saudi', nationalId: string): boolean {
  const first = nationalId.trim()[0];
  return nationality === 'saudi' ? first === '1' : first === '2';
}
