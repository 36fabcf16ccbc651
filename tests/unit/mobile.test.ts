import { describe, expect, it } from 'vitest';
import { formatMobileForDisplay, maskMobile, parseSaudiMobile } from '../../src/domain/mobile.ts';

describe('parseSaudiMobile', () => {
  it.each([
    '0501234567',
    '501234567',
    '+966501234567',
    '966501234567',
    '00966501234567',
    '+966 0501234567',
    '٠٥٠١٢٣٤٥٦٧',
    '۰۵۰۱۲۳۴۵۶۷',
    '050-123-4567',
    ' 050 123 4567 ',
    '+966 (50) 123 4567',
    '\u200e+966\u00a050\u2009123\u20134567',
  ])('accepts %j', (raw) => {
    expect(parseSaudiMobile(raw)).toEqual({ ok: true, e164: '+966501234567' });
  });

  it.each([undefined, null, '', '  ', 501234567])('reports %j as required', (raw) => {
    expect(parseSaudiMobile(raw)).toEqual({ ok: false, code: 'mobile.required' });
  });

  it.each([
    '0401234567',
    '050123456',
    '05012345678',
    '+971501234567',
    '0112345678',
    '+9660112345678',
    'O501234567',
    '05O1234567',
    '+96605012345678',
  ])('rejects %j', (raw) => {
    expect(parseSaudiMobile(raw)).toEqual({ ok: false, code: 'mobile.invalid' });
  });
});

describe('mobile display', () => {
  it('formats E.164 as the local grouping', () => {
    expect(formatMobileForDisplay('+966551234567')).toBe('055 123 4567');
  });

  it('masks all but the operator prefix and the last two digits', () => {
    expect(maskMobile('+966551234567')).toBe('05X XXX XX67');
    expect(maskMobile('+966559876501')).toBe('05X XXX XX01');
  });

  it('returns anything that is not a Saudi mobile unchanged', () => {
    expect(formatMobileForDisplay('+971501234567')).toBe('+971501234567');
    expect(maskMobile('garbage')).toBe('garbage');
  });
});
