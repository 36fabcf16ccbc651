import { z } from 'zod';
import { addYears, CALENDARS, enteredDateText, isBefore, parseDateParts, type IsoDate } from './dates.ts';
import { AMOUNT_ERROR_CODES, parseWholeAmount } from './digits.ts';
import { IBAN_ERROR_CODES, parseSaudiIban } from './iban.ts';
import { NATIONAL_ID_ERROR_CODES, nationalityAgreesWithId, parseNationalId } from './nationalId.ts';

/*
 * Form conventions shared by the online journey and the staff screens:
 * - field names are camelCase and arrive as raw strings (or undefined) from HTML forms;
 * - a date is four inputs NAME-day, NAME-month, NAME-year and NAME-calendar (hijri|gregorian);
 * - every error is a translation code, never text.
 */

export const NAMES_MIN_LENGTH = 5;
export const NAMES_MAX_LENGTH = 100;
export const DISTRICT_MAX_LENGTH = 80;
export const EMAIL_MAX_LENGTH = 254;
export const NEED_DESCRIPTION_MIN_LENGTH = 10;
export const NEED_DESCRIPTION_MAX_LENGTH = 2000;
export const MAX_MONTHLY_AMOUNT = 1_000_000;
export const MAX_AGE_YEARS = 120;

export const NATIONALITIES = ['saudi', 'non_saudi'] as const;
export const MARITAL_STATUSES = ['single', 'married', 'divorced', 'widowed'] as const;
export const RELATIONS = [
  'spouse',
  'son',
  'daughter',
  'father',
  'mother',
  'brother',
  'sister',
  'other',
] as const;
export const HOUSING_TYPES = ['owned', 'rented', 'family', 'other'] as const;
export const YES_NO = ['yes', 'no'] as const;

export const ID_EXPIRED_CODE = 'idExpiryDate.expired';
export const NATIONALITY_ID_MISMATCH_CODE = 'nationality.idMismatch';

const DATE_SUFFIXES = ['required', 'incomplete', 'calendar', 'invalid', 'outOfRange'] as const;
const dateCodes = (field: string) => DATE_SUFFIXES.map((suffix) => `${field}.${suffix}`);

export const REQUEST_FORM_ERROR_CODES: readonly string[] = [
  'form.invalid',
  'eligibility.required',
  'city.required',
  'city.notServed',
  'fullName.required',
  'fullName.tooShort',
  'fullName.tooLong',
  'fullName.invalid',
  ...dateCodes('birthDate'),
  'birthDate.future',
  'birthDate.tooOld',
  'nationality.required',
  NATIONALITY_ID_MISMATCH_CODE,
  'maritalStatus.required',
  ...dateCodes('idExpiryDate'),
  ID_EXPIRED_CODE,
  'district.required',
  'district.tooLong',
  'email.invalid',
  'email.tooLong',
  'relation.required',
  ...NATIONAL_ID_ERROR_CODES,
  ...AMOUNT_ERROR_CODES,
  'housingType.required',
  'monthlyRent.required',
  'supportType.required',
  'needDescription.required',
  'needDescription.tooShort',
  'needDescription.tooLong',
  ...IBAN_ERROR_CODES,
];

/** Choice lists the views render as radios/selects, each labelled by `options.<field>.<value>`. */
export const FORM_OPTIONS = {
  nationality: NATIONALITIES,
  maritalStatus: MARITAL_STATUSES,
  relation: RELATIONS,
  housingType: HOUSING_TYPES,
  livesInServiceArea: YES_NO,
  calendar: CALENDARS,
} as const;
export type FormOptionField = keyof typeof FORM_OPTIONS;

export function optionLabelKey<F extends FormOptionField>(
  field: F,
  value: (typeof FORM_OPTIONS)[F][number],
): string {
  return `options.${field}.${value}`;
}

type Ctx = z.RefinementCtx;

/** Any posted value, including an absent key: each field decides what "missing" means. */
const formValue = () => z.unknown().optional();

function fail(ctx: Ctx, code: string, path: string[] = []): never {
  ctx.addIssue({ code: 'custom', message: code, path });
  return z.NEVER;
}

/** Bidi controls are invisible, never part of a name, and can disguise text in staff screens. */
const BIDI_CONTROLS = /[\u200e\u200f\u061c\u202a-\u202e\u2066-\u2069]/gu;

function cleanLine(input: unknown): string {
  return typeof input === 'string'
    ? input.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\s+/gu, ' ').trim()
    : '';
}

function cleanParagraphs(input: unknown): string {
  return typeof input === 'string'
    ? input.normalize('NFC').replace(BIDI_CONTROLS, '').replace(/\r\n?/g, '\n').trim()
    : '';
}

const length = (s: string) => [...s].length;

/** Letters of any script (Arabic included) with their marks, spaces, hyphens and apostrophes. */
const PERSON_NAME = /^[\p{L}\p{M}' \-\u2019]+$/u;

const personName = formValue().transform((input, ctx) => {
  const value = cleanLine(input);
  if (value === '') return fail(ctx, 'fullName.required');
  if (length(value) > NAMES_MAX_LENGTH) return fail(ctx, 'fullName.tooLong');
  if (!PERSON_NAME.test(value)) return fail(ctx, 'fullName.invalid');
  if (length(value) < NAMES_MIN_LENGTH) return fail(ctx, 'fullName.tooShort');
  return value;
});

function choice<const T extends string>(field: string, options: readonly T[]) {
  return formValue().transform((input, ctx): T => {
    const value = cleanLine(input);
    return (options as readonly string[]).includes(value)
      ? (value as T)
      : fail(ctx, `${field}.required`);
  });
}

function city(serviceCities: readonly string[]) {
  return formValue().transform((input, ctx) => {
    const value = cleanLine(input);
    if (value === '') return fail(ctx, 'city.required');
    return serviceCities.includes(value) ? value : fail(ctx, 'city.notServed');
  });
}

function optionalAmount(max = MAX_MONTHLY_AMOUNT) {
  return formValue().transform((input, ctx): number | null => {
    if (input === undefined || (typeof input === 'string' && input.trim() === '')) return null;
    const result = parseWholeAmount(input, { max });
    return result.ok ? result.value : fail(ctx, result.code);
  });
}

/** The typed calendar and numbers, kept so the person's own date is shown back. */
const enteredDate = formValue().transform((input): string | null =>
  typeof input === 'object' && input !== null ? enteredDateText(input as Record<string, unknown>) : null,
);

type DateRules = { today?: IsoDate; notFuture?: boolean; maxAgeYears?: number };

/**
 * Error paths name the input to focus: the missing or malformed part when there is one,
 * otherwise the first input (NAME-day), so the error-summary link lands on the date's first box.
 */
function dateField(field: string, rules: DateRules = {}) {
  return formValue().transform((input, ctx): IsoDate => {
    const parts = (typeof input === 'object' && input !== null ? input : {}) as Record<
      string,
      unknown
    >;
    const result = parseDateParts(parts);
    if (!result.ok) {
      return fail(ctx, `${field}.${result.code.slice('date.'.length)}`, [result.part]);
    }
    const { today } = rules;
    if (today && rules.notFuture && isBefore(today, result.iso)) {
      return fail(ctx, `${field}.future`, ['day']);
    }
    if (today && rules.maxAgeYears && isBefore(result.iso, addYears(today, -rules.maxAgeYears))) {
      return fail(ctx, `${field}.tooOld`, ['year']);
    }
    return result.iso;
  });
}

/** Regroups NAME-day/-month/-year/-calendar into one value per date so each date validates as a unit. */
function withDateGroups<T extends z.ZodType>(dateFields: readonly string[], schema: T) {
  return z.preprocess((body) => {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return body;
    const raw = body as Record<string, unknown>;
    const grouped: Record<string, unknown> = { ...raw };
    for (const field of dateFields) {
      grouped[field] = {
        day: raw[`${field}-day`],
        month: raw[`${field}-month`],
        year: raw[`${field}-year`],
        calendar: raw[`${field}-calendar`],
      };
      grouped[`${field}Entered`] = grouped[field];
    }
    return grouped;
  }, schema);
}

export function makeEligibilitySchema(serviceCities: readonly string[]) {
  return z.object({
    livesInServiceArea: formValue().transform((input, ctx) => {
      const answer = cleanLine(input);
      return answer === 'yes' ? true : answer === 'no' ? false : fail(ctx, 'eligibility.required');
    }),
    city: city(serviceCities),
  });
}

/**
 * `idValidOn` is the day the ID must still be valid on (today while drafting, the submission date
 * for a submitted request); `nationalId`, when known, must agree with the nationality chosen.
 */
export function makePersonalDetailsSchema({ today, idValidOn, nationalId }: { today: IsoDate; idValidOn?: IsoDate; nationalId?: string | null }) {
  return withDateGroups(
    ['birthDate', 'idExpiryDate'],
    z.object({
      fullName: personName,
      birthDate: dateField('birthDate', { today, notFuture: true, maxAgeYears: MAX_AGE_YEARS }),
      nationality: choice('nationality', NATIONALITIES).transform((nationality, ctx) =>
        nationalId && !nationalityAgreesWithId(nationality, nationalId) ? fail(ctx, NATIONALITY_ID_MISMATCH_CODE) : nationality,
      ),
      maritalStatus: choice('maritalStatus', MARITAL_STATUSES),
      idExpiryDate: dateField('idExpiryDate').transform((expiry, ctx) =>
        idValidOn && !isIdValidOn(expiry, idValidOn) ? fail(ctx, ID_EXPIRED_CODE, ['day']) : expiry,
      ),
      birthDateEntered: enteredDate,
      idExpiryDateEntered: enteredDate,
    }),
  );
}

/** The one ID-validity rule: an ID is still valid on the day it expires. */
export function isIdValidOn(idExpiryIso: IsoDate, submissionIso: IsoDate): boolean {
  return !isBefore(idExpiryIso, submissionIso);
}

const emailFormat = z.email();

export function makeContactSchema(serviceCities: readonly string[]) {
  return z.object({
    city: city(serviceCities),
    district: formValue().transform((input, ctx) => {
      const value = cleanLine(input);
      if (value === '') return fail(ctx, 'district.required');
      return length(value) > DISTRICT_MAX_LENGTH ? fail(ctx, 'district.tooLong') : value;
    }),
    email: formValue().transform((input, ctx): string | null => {
      const value = cleanLine(input).toLowerCase();
      if (value === '') return null;
      if (length(value) > EMAIL_MAX_LENGTH) return fail(ctx, 'email.tooLong');
      return emailFormat.safeParse(value).success ? value : fail(ctx, 'email.invalid');
    }),
  });
}

export function makeHouseholdMemberSchema({ today }: { today: IsoDate }) {
  return withDateGroups(
    ['birthDate'],
    z.object({
      fullName: personName,
      relation: choice('relation', RELATIONS),
      birthDate: dateField('birthDate', { today, notFuture: true, maxAgeYears: MAX_AGE_YEARS }),
      birthDateEntered: enteredDate,
      nationalId: formValue().transform((input, ctx): string | null => {
        if (cleanLine(input) === '') return null;
        const result = parseNationalId(input);
        return result.ok ? result.value : fail(ctx, result.code);
      }),
      monthlyIncome: optionalAmount(),
    }),
  );
}

export const incomeSchema = z.object({
  incomeSalary: optionalAmount(),
  incomeSocialSecurity: optionalAmount(),
  incomePension: optionalAmount(),
  incomeOther: optionalAmount(),
  obligationLoans: optionalAmount(),
  obligationOther: optionalAmount(),
});

export type HousingDetails = {
  housingType: (typeof HOUSING_TYPES)[number];
  monthlyRent: number | null;
};

/** Rent is asked only of tenants; a value left in the hidden input for other housing types is dropped. */
export const housingSchema = z
  .object({ housingType: choice('housingType', HOUSING_TYPES), monthlyRent: formValue() })
  .transform(({ housingType, monthlyRent }, ctx): HousingDetails => {
    if (housingType !== 'rented') return { housingType, monthlyRent: null };
    const rent = parseWholeAmount(monthlyRent, { max: MAX_MONTHLY_AMOUNT });
    if (rent.ok) return { housingType, monthlyRent: rent.value };
    return fail(ctx, rent.code === 'amount.required' ? 'monthlyRent.required' : rent.code, [
      'monthlyRent',
    ]);
  });

export function makeSupportSchema(supportTypes: readonly string[]) {
  return z.object({
    supportType: choice('supportType', supportTypes),
    needDescription: formValue().transform((input, ctx) => {
      const value = cleanParagraphs(input);
      if (value === '') return fail(ctx, 'needDescription.required');
      if (length(value) > NEED_DESCRIPTION_MAX_LENGTH) return fail(ctx, 'needDescription.tooLong');
      return length(value) < NEED_DESCRIPTION_MIN_LENGTH
        ? fail(ctx, 'needDescription.tooShort')
        : value;
    }),
  });
}

export const bankAccountSchema = z.object({
  iban: formValue().transform((input, ctx) => {
    const result = parseSaudiIban(input);
    return result.ok ? result.value : fail(ctx, result.code);
  }),
});

/** The journey's own bank step: the IBAN is optional, but one that is given must be a valid Saudi IBAN. */
export const bankDetailsSchema = z.object({
  iban: formValue().transform((input, ctx): string | null => {
    if (cleanLine(input) === '') return null;
    const result = parseSaudiIban(input);
    return result.ok ? result.value : fail(ctx, result.code);
  }),
});

export type Eligibility = z.output<ReturnType<typeof makeEligibilitySchema>>;
export type PersonalDetails = z.output<ReturnType<typeof makePersonalDetailsSchema>>;
export type ContactDetails = z.output<ReturnType<typeof makeContactSchema>>;
export type HouseholdMember = z.output<ReturnType<typeof makeHouseholdMemberSchema>>;
export type IncomeDetails = z.output<typeof incomeSchema>;
export type SupportDetails = z.output<ReturnType<typeof makeSupportSchema>>;

// The one validation path lives in formValidation.ts; the journey's pages import it from here too.
export { parseForm, type FieldError, type FormResult } from './formValidation.ts';
