import { friendlyFormatIBAN, isValidIBAN } from 'ibantools';
import { normalizeNumberInput } from './digits.ts';

export const IBAN_ERROR_CODES = [
  'iban.required',
  'iban.country',
  'iban.length',
  'iban.checksum',
] as const;
export type IbanErrorCode = (typeof IBAN_ERROR_CODES)[number];
export type IbanResult = { ok: true; value: string } | { ok: false; code: IbanErrorCode };

const SAUDI_IBAN_LENGTH = 24;

export function parseSaudiIban(raw: unknown): IbanResult {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, code: 'iban.required' };
  const compact = normalizeNumberInput(raw).toUpperCase();
  // Forms print the "SA" prefix next to the input, so people often type only the 22 digits.
  const value = /^\d{22}$/.test(compact) ? `SA${compact}` : compact;
  if (!value.startsWith('SA')) return { ok: false, code: 'iban.country' };
  if (value.length !== SAUDI_IBAN_LENGTH) return { ok: false, code: 'iban.length' };
  if (!isValidIBAN(value)) return { ok: false, code: 'iban.checksum' };
  return { ok: true, value };
}

export function formatIbanForDisplay(iban: string): string {
  return friendlyFormatIBAN(iban) ?? iban;
}
