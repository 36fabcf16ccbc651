import { normalizeNumberInput } from './digits.ts';

export const MOBILE_ERROR_CODES = ['mobile.required', 'mobile.invalid'] as const;
export type MobileErrorCode = (typeof MOBILE_ERROR_CODES)[number];
export type MobileResult = { ok: true; e164: string } | { ok: false; code: MobileErrorCode };

const SAUDI_E164 = /^\+9665\d{8}$/;
const INTERNATIONAL_PREFIX = /^(\+|00)?966/;

export function parseSaudiMobile(raw: unknown): MobileResult {
  if (typeof raw !== 'string' || raw.trim() === '') return { ok: false, code: 'mobile.required' };
  const compact = normalizeNumberInput(raw).replace(/[().]/g, '');
  // "+966 05…" is a common mix of the international and trunk prefixes; accept it.
  const national = compact.replace(INTERNATIONAL_PREFIX, '').replace(/^0(?=5)/, '');
  if (!/^5\d{8}$/.test(national)) return { ok: false, code: 'mobile.invalid' };
  return { ok: true, e164: `+966${national}` };
}

/** Display helpers return the input unchanged when it is not a Saudi mobile, so a page never breaks. */
export function formatMobileForDisplay(e164: string): string {
  if (!SAUDI_E164.test(e164)) return e164;
  const local = `0${e164.slice(4)}`;
  return `${local.slice(0, 3)} ${local.slice(3, 6)} ${local.slice(6)}`;
}

export function maskMobile(e164: string): string {
  if (!SAUDI_E164.test(e164)) return e164;
  return `05X XXX XX${e164.slice(-2)}`;
}
