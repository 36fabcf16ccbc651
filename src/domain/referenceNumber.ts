import { foldDigits } from './digits.ts';

export type Reference = { prefix: string; year: number; seq: number };

const MAX_SEQ = 999_999;

export function isValidReferencePrefix(prefix: unknown): prefix is string {
  return typeof prefix === 'string' && /^[A-Z]{2,6}$/.test(prefix);
}

export function formatReference(prefix: string, year: number, seq: number): string {
  if (!isValidReferencePrefix(prefix)) throw new RangeError(`Invalid reference prefix: ${prefix}`);
  if (!Number.isInteger(year) || year < 1000 || year > 9999)
    throw new RangeError(`Invalid reference year: ${year}`);
  if (!Number.isInteger(seq) || seq < 1 || seq > MAX_SEQ)
    throw new RangeError(`Invalid reference sequence: ${seq}`);
  return `${prefix}-${year}-${String(seq).padStart(6, '0')}`;
}

/**
 * Accepts what people read back over the phone or paste from SMS: any case, Arabic-Indic
 * digits, stray spaces, any dash. Without separators the sequence must be all six digits,
 * otherwise the year/sequence boundary would be ambiguous.
 */
export function parseReference(s: string): Reference | null {
  const compact = foldDigits(s)
    .replace(/[\s\p{Cf}]/gu, '')
    .replace(/[\u2010-\u2015\u2212_]/gu, '-')
    .toUpperCase();
  const match =
    /^([A-Z]{2,6})-(\d{4})-(\d{1,6})$/.exec(compact) ??
    /^([A-Z]{2,6})-?(\d{4})-?(\d{6})$/.exec(compact);
  if (!match) return null;
  const [, prefix = '', year = '', seq = ''] = match;
  const seqNumber = Number(seq);
  return seqNumber < 1 ? null : { prefix, year: Number(year), seq: seqNumber };
}
