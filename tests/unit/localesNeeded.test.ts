import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CHANNELS, channelLabelKey } from '../../src/domain/channels.ts';
import {
  DATE_ERROR_CODES,
  GREGORIAN_MONTH_KEYS,
  HIJRI_MONTH_KEYS,
} from '../../src/domain/dates.ts';
import { DECLARATION_ERROR_CODES } from '../../src/domain/declaration.ts';
import { AMOUNT_ERROR_CODES } from '../../src/domain/digits.ts';
import { IBAN_ERROR_CODES } from '../../src/domain/iban.ts';
import { MOBILE_ERROR_CODES } from '../../src/domain/mobile.ts';
import { NATIONAL_ID_ERROR_CODES } from '../../src/domain/nationalId.ts';
import { RAISE_BLOCKER_CODES } from '../../src/domain/raiseGuard.ts';
import {
  FORM_OPTIONS,
  optionLabelKey,
  REQUEST_FORM_ERROR_CODES,
  type FormOptionField,
} from '../../src/domain/requestForm.ts';
import {
  actionLabelKey,
  beneficiaryStatusLabelKey,
  REQUEST_ACTIONS,
  REQUEST_STATUSES,
  staffStatusLabelKey,
  TRANSITION_ERROR_CODES,
} from '../../src/domain/requestStatus.ts';
import { roleLabelKey, STAFF_ROLES } from '../../src/domain/roles.ts';
import {
  VERIFICATION_ERROR_CODES,
  VERIFICATION_ITEMS,
  VERIFICATION_OUTCOMES,
  verificationItemLabelKey,
  verificationOutcomeLabelKey,
} from '../../src/domain/verification.ts';

type Translations = Record<string, { ar: string; en: string }>;
const locales = JSON.parse(
  readFileSync(new URL('../../src/domain/locales-needed.json', import.meta.url), 'utf8'),
) as { errors: Translations; labels: Translations };

const errorCodes = new Set<string>([
  ...AMOUNT_ERROR_CODES,
  ...NATIONAL_ID_ERROR_CODES,
  ...MOBILE_ERROR_CODES,
  ...DATE_ERROR_CODES,
  ...IBAN_ERROR_CODES,
  ...TRANSITION_ERROR_CODES,
  ...DECLARATION_ERROR_CODES,
  ...VERIFICATION_ERROR_CODES,
  ...RAISE_BLOCKER_CODES,
  ...REQUEST_FORM_ERROR_CODES,
]);

const labelKeys = new Set<string>([
  ...HIJRI_MONTH_KEYS,
  ...GREGORIAN_MONTH_KEYS,
  ...STAFF_ROLES.map(roleLabelKey),
  ...CHANNELS.map(channelLabelKey),
  ...REQUEST_STATUSES.map(staffStatusLabelKey),
  ...REQUEST_STATUSES.map(beneficiaryStatusLabelKey),
  ...REQUEST_ACTIONS.map(actionLabelKey),
  ...VERIFICATION_ITEMS.map(verificationItemLabelKey),
  ...VERIFICATION_OUTCOMES.map(verificationOutcomeLabelKey),
  ...(Object.keys(FORM_OPTIONS) as FormOptionField[]).flatMap((field) =>
    FORM_OPTIONS[field].map((value) => optionLabelKey(field, value as never)),
  ),
]);

const ARABIC_LETTER = /[\u0621-\u064a]/u;
const placeholders = (s: string) => [...s.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort();

describe('locales-needed.json', () => {
  it('translates exactly the error codes the domain can produce', () => {
    expect(Object.keys(locales.errors).sort()).toEqual([...errorCodes].sort());
  });

  it('translates exactly the label keys the domain introduces', () => {
    expect(Object.keys(locales.labels).sort()).toEqual([...labelKeys].sort());
  });

  it.each([...Object.entries(locales.errors), ...Object.entries(locales.labels)])(
    '%s has Arabic and English',
    (_key, t) => {
      expect(t.ar.trim()).not.toBe('');
      expect(t.en.trim()).not.toBe('');
      expect(t.ar).toMatch(ARABIC_LETTER);
      expect(t.en).not.toMatch(ARABIC_LETTER);
      expect(placeholders(t.ar)).toEqual(placeholders(t.en));
    },
  );

  it('uses the wording agreed for key messages', () => {
    expect(locales.errors['nationalId.checksum']?.ar).toBe(
      'رقم الهوية غير صحيح، تحقق من الأرقام وأعد إدخاله',
    );
    expect(locales.labels['status.beneficiary.with_committee']?.ar).toBe(
      'قيد الدراسة لدى لجنة البحث',
    );
    expect(locales.labels['status.beneficiary.needs_info']?.ar).toBe('مطلوب منك استكمال معلومات');
    expect(locales.labels['months.hijri.9']?.ar).toBe('رمضان');
    expect(locales.labels['channels.branch_representative']?.ar).toBe('مناديب المكاتب الفرعية');
  });
});
