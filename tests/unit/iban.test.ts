import { describe, expect, it } from 'vitest';
import { formatIbanForDisplay, parseSaudiIban } from '../../src/domain/iban.ts';

const VALID = 'SA0380000000608010167519';

/** Independent mod-97 check (ISO 13616) to confirm the sample is genuinely valid. */
function mod97(iban: string): number {
  const rearranged = `${iban.slice(4)}${iban.slice(0, 4)}`;
  const numeric = rearranged.replace(/[A-Z]/g, (ch) => String(ch.charCodeAt(0) - 55));
  return numeric.split('').reduce((rest, digit) => (rest * 10 + Number(digit)) % 97, 0);
}

describe('parseSaudiIban', () => {
  it('uses a sample that passes an independent mod-97 check', () => {
    expect(mod97(VALID)).toBe(1);
  });

  it.each([
    VALID,
    'sa03 8000 0000 6080 1016 7519',
    ' SA03-8000-0000-6080-1016-7519 ',
    'SA٠٣٨٠٠٠٠٠٠٠٦٠٨٠١٠١٦٧٥١٩',
    '0380000000608010167519',
  ])('accepts %j', (raw) => {
    expect(parseSaudiIban(raw)).toEqual({ ok: true, value: VALID });
  });

  it.each([undefined, null, '', '   '])('reports %j as required', (raw) => {
    expect(parseSaudiIban(raw)).toEqual({ ok: false, code: 'iban.required' });
  });

  it('rejects other countries', () => {
    expect(parseSaudiIban('AE070331234567890123456')).toEqual({ ok: false, code: 'iban.country' });
    expect(parseSaudiIban('GB29NWBK60161331926819')).toEqual({ ok: false, code: 'iban.country' });
  });

  it.each([VALID.slice(0, 23), `${VALID}0`, 'SA03'])('rejects length of %j', (raw) => {
    expect(parseSaudiIban(raw)).toEqual({ ok: false, code: 'iban.length' });
  });

  it('rejects every single-digit corruption and a transposition', () => {
    for (let i = 4; i < VALID.length; i++) {
      const corrupted = `${VALID.slice(0, i)}${(Number(VALID[i]) + 1) % 10}${VALID.slice(i + 1)}`;
      expect(parseSaudiIban(corrupted), corrupted).toEqual({ ok: false, code: 'iban.checksum' });
    }
    expect(parseSaudiIban('SA3080000000608010167519')).toEqual({
      ok: false,
      code: 'iban.checksum',
    });
  });

  it('treats stray symbols as an invalid IBAN rather than crashing', () => {
    expect(parseSaudiIban('SA03800000006080101675#9')).toEqual({
      ok: false,
      code: 'iban.checksum',
    });
  });
});

describe('formatIbanForDisplay', () => {
  it('groups in fours', () => {
    expect(formatIbanForDisplay(VALID)).toBe('SA03 8000 0000 6080 1016 7519');
  });
});
