const ARABIC_INDIC_ZERO = 0x0660;
const EXTENDED_ARABIC_INDIC_ZERO = 0x06f0;

/** Whitespace of every kind, Unicode format characters (LRM/RLM/ALM, zero-width) and tatweel. */
const INVISIBLE_OR_SPACING = /[\s\p{Cf}\u0640]/gu;
/** Hyphen-minus, hyphen, non-breaking hyphen, figure dash, en dash, em dash, minus sign. */
const DASH = /[-\u2010\u2011\u2012\u2013\u2014\u2212]/u;
const DASHES = new RegExp(DASH.source, 'gu');

export function foldDigits(s: string): string {
  return s.replace(/[\u0660-\u0669\u06f0-\u06f9]/gu, (ch) => {
    const code = ch.charCodeAt(0);
    const zero =
      code >= EXTENDED_ARABIC_INDIC_ZERO ? EXTENDED_ARABIC_INDIC_ZERO : ARABIC_INDIC_ZERO;
    return String(code - zero);
  });
}

/** Canonical form for anything typed as a number: IDs, phones, date parts, amounts. */
export function normalizeNumberInput(s: string): string {
  return foldDigits(s.trim()).replace(INVISIBLE_OR_SPACING, '').replace(DASHES, '');
}

export function toArabicIndicDigits(s: string | number): string {
  return String(s).replace(/[0-9]/g, (d) => String.fromCharCode(ARABIC_INDIC_ZERO + Number(d)));
}

export const AMOUNT_ERROR_CODES = ['amount.required', 'amount.invalid', 'amount.tooLarge'] as const;
export type AmountErrorCode = (typeof AMOUNT_ERROR_CODES)[number];
export type AmountResult = { ok: true; value: number } | { ok: false; code: AmountErrorCode };

const GROUPED_OR_PLAIN_WHOLE = /^(\d{1,3}(,\d{3})+|\d+)([.]0{1,2})?$/;

/**
 * Whole riyals only. A zero fraction ("1,500.00", as copied from bank statements) is
 * tolerated; any real halalas are rejected rather than silently rounded.
 */
export function parseWholeAmount(raw: unknown, { max }: { max: number }): AmountResult {
  if (raw === undefined || raw === null) return { ok: false, code: 'amount.required' };
  if (typeof raw !== 'string') return { ok: false, code: 'amount.invalid' };
  const folded = foldDigits(raw.trim());
  if (folded === '') return { ok: false, code: 'amount.required' };
  // Dashes are stripped by normalizeNumberInput, so a minus sign must be caught first.
  if (DASH.test(folded)) return { ok: false, code: 'amount.invalid' };
  const compact = normalizeNumberInput(folded)
    .replace(/[\u066c\u060c]/gu, ',')
    .replace(/\u066b/gu, '.');
  if (!GROUPED_OR_PLAIN_WHOLE.test(compact)) return { ok: false, code: 'amount.invalid' };
  const digits = compact
    .replace(/[.]0+$/, '')
    .replace(/,/g, '')
    .replace(/^0+(?=\d)/, '');
  if (digits.length > 15) return { ok: false, code: 'amount.tooLarge' };
  const value = Number(digits);
  return value > max ? { ok: false, code: 'amount.tooLarge' } : { ok: true, value };
}
