import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { CHANNELS, channelLabelKey } from '../../src/domain/channels.ts';
import {
  DATE_ERROR_CODES,
  GREGORIAN_MONTH_KEYS,
  HIJRI_MONTH_KEYS,
} from '../../src/domain/dates.ts';
import { DECLARATION_ERROR_CODES, DECLARATION_TEXT_VERSION, declarationTextKey } from '../../src/domain/declaration.ts';
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


/** The real locales the app loads, flattened to "namespace:dotted.key". */
type Language = 'ar' | 'en';
const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));
const SRC_DIR = fileURLToPath(new URL('../../src/', import.meta.url));

function flatten(value: unknown, prefix: string, out: Map<string, string>) {
  if (typeof value === 'string') out.set(prefix, value);
  else if (Array.isArray(value)) value.forEach((item, index) => flatten(item, `${prefix}.${index}`, out));
  else if (value && typeof value === 'object') {
    for (const [key, inner] of Object.entries(value)) flatten(inner, prefix.endsWith(':') ? prefix + key : `${prefix}.${key}`, out);
  }
}

function load(language: Language): Map<string, string> {
  const out = new Map<string, string>();
  for (const file of readdirSync(path.join(LOCALES_DIR, language)).filter((name) => name.endsWith('.json'))) {
    flatten(JSON.parse(readFileSync(path.join(LOCALES_DIR, language, file), 'utf8')), `${file.slice(0, -5)}:`, out);
  }
  return out;
}

const locales: Record<Language, Map<string, string>> = { ar: load('ar'), en: load('en') };
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;
/** A key as looked up: a plural family ("days_few", "days_other") answers to "days". */
const has = (language: Language, key: string) =>
  locales[language].has(key) ||
  [...locales[language].keys()].some((k) => k.replace(PLURAL_SUFFIX, '') === key || k.startsWith(`${key}.`));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'generated' ? [] : sourceFiles(full);
    return entry.name.endsWith('.ts') ? [full] : [];
  });
}
const source = sourceFiles(SRC_DIR).map((file) => readFileSync(file, 'utf8')).join('\n');

/** Every audit action the code writes: `action: '…'`, `auditAction: '…'`, and the names passed to helpers. */
const AUDIT_ACTION =
  /'((?:beneficiary|staff|request|decision|inquiry|question|recommendation|reference_document|referral|registration|service|consent|data_request|export|retention|access_log|breach)\.[a-z_]+)'/g;
const auditActions = new Set([...source.matchAll(AUDIT_ACTION)].map((m) => m[1] as string));
// Actions built from a name: the breach register's steps (`breach.${step}`) and the copies of "my data".
const breachSource = readFileSync(path.join(SRC_DIR, 'services', 'breachService.ts'), 'utf8');
for (const m of breachSource.matchAll(/audit\(repositories, context, '([a-z_]+)'/g)) auditActions.add(`breach.${m[1]}`);
for (const purpose of ['download', 'print']) auditActions.add(`my_data.${purpose}`);
for (const code of TRANSITION_ERROR_CODES) auditActions.delete(code);
auditActions.delete('request.incomplete');

/** Every notification template the code sends, literal or chosen from a pair. */
const TEMPLATE = /template: '(\w+)'|'(decisionReleased(?:Accepted|Rejected|MoreInfo))'/g;
const templates = new Set([...source.matchAll(TEMPLATE)].map((m) => (m[1] ?? m[2]) as string));
templates.delete('template');

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
const placeholders = (s: string) => [...s.matchAll(/\{\{\s*(\w+)/g)].map((m) => m[1]).sort();
const wanted = [
  ...[...errorCodes].map((code) => `errors:${code}`),
  ...[...labelKeys].map((key) => `domain:${key}`),
  ...[...auditActions].map((action) => `domain:auditActions.${action}`),
  ...[...templates].flatMap((name) => [`outbox:templates.${name}`, `notifications:${name}`]),
  // Signed declarations keep their version, so every version's words stay readable.
  ...Array.from({ length: Number(DECLARATION_TEXT_VERSION.slice(1)) }, (_, i) => declarationTextKey(`v${i + 1}`)),
];

describe('the locales the app loads', () => {
  it('finds the codes in the source', () => {
    // A guard on the collectors themselves: if a pattern stops matching, the checks below would pass on nothing.
    expect(auditActions.size).toBeGreaterThan(40);
    expect(auditActions).toContain('decision.recorded');
    expect(templates).toContain('decisionReleasedAccepted');
    expect(templates).toContain('requestSubmitted');
  });

  it.each(['ar', 'en'] as const)('labels every audit action, template, status, error and option in %s', (language) => {
    expect(wanted.filter((key) => !has(language, key))).toEqual([]);
  });

  it('labels every template the outbox can hold', () => {
    const sent = [...locales.ar.keys()].filter((key) => /^notifications:\w+\.(sms|subject|body|text)$/.test(key)).map((key) => key.split(':')[1]?.split('.')[0]);
    for (const name of new Set(sent)) {
      expect(has('ar', `outbox:templates.${name}`), name).toBe(true);
      expect(has('en', `outbox:templates.${name}`), name).toBe(true);
    }
  });

  it('has the same keys in Arabic and English, with the same placeholders', () => {
    const family = (key: string) => key.replace(PLURAL_SUFFIX, '');
    const arKeys = new Set([...locales.ar.keys()].map(family));
    const enKeys = new Set([...locales.en.keys()].map(family));
    expect([...arKeys].filter((key) => !enKeys.has(key))).toEqual([]);
    expect([...enKeys].filter((key) => !arKeys.has(key))).toEqual([]);
    for (const [key, ar] of locales.ar) {
      const en = locales.en.get(key);
      if (en === undefined) continue;
      // Arabic's singular and dual forms name the number in words ("شهر واحد"، "شهران"), so a plural form may drop {{count}}.
      const plural = PLURAL_SUFFIX.test(key);
      const named = (text: string) => placeholders(text).filter((name) => !(plural && name === 'count'));
      expect(named(ar), key).toEqual(named(en));
    }
  });

  it.each(['ar', 'en'] as const)('names the twelve months of both calendars in %s', (language) => {
    for (const keys of [HIJRI_MONTH_KEYS, GREGORIAN_MONTH_KEYS]) {
      expect(keys).toHaveLength(12);
      // Month names are read as one array: "months.hijri.9" is its ninth entry.
      const calendar = keys[0]?.split('.')[1];
      const names = Array.from({ length: 12 }, (_, i) => locales[language].get(`domain:months.${calendar}.${i}`) ?? '');
      expect(names.filter((name) => name.trim() === '')).toEqual([]);
    }
  });

  it.each(wanted)('%s reads as Arabic in Arabic and not in English', (key) => {
    const lookup = (language: Language) =>
      [...locales[language]].filter(([k]) => k === key || k.replace(PLURAL_SUFFIX, '') === key || k.startsWith(`${key}.`)).map(([, text]) => text).join(' ');
    expect(lookup('ar')).toMatch(ARABIC_LETTER);
    expect(lookup('en')).not.toMatch(ARABIC_LETTER);
    expect(lookup('en').trim()).not.toBe('');
  });

  it('uses the wording agreed for key messages', () => {
    expect(locales.ar.get('errors:nationalId.checksum')).toBe('رقم الهوية غير صحيح، تحقق من الأرقام وأعد إدخاله');
    expect(locales.ar.get('domain:status.beneficiary.with_committee')).toBe('قيد الدراسة لدى لجنة البحث');
    expect(locales.ar.get('domain:status.beneficiary.needs_info')).toBe('مطلوب منك استكمال معلومات');
    expect(locales.ar.get('domain:months.hijri.8')).toBe('رمضان');
    expect(locales.ar.get('domain:channels.branch_representative')).toBe('مناديب المكاتب الفرعية');
  });
});
