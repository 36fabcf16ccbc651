import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  bankAccountSchema,
  housingSchema,
  incomeSchema,
  isIdValidOn,
  makeContactSchema,
  makeEligibilitySchema,
  makeHouseholdMemberSchema,
  makePersonalDetailsSchema,
  makeSupportSchema,
  parseForm,
} from '../../src/domain/requestForm.ts';

const CITIES = ['jeddah', 'makkah'];
const today = '2026-03-04';

const errorsOf = (result: ReturnType<typeof parseForm>) => (result.ok ? [] : result.errors);

describe('parseForm', () => {
  it('reports a non-object body as a form error instead of throwing', () => {
    for (const body of [null, 'x', 42, ['a']]) {
      expect(parseForm(incomeSchema, body)).toEqual({
        ok: false,
        errors: [{ field: 'form', code: 'form.invalid' }],
      });
    }
  });

  it('reads a request without a body as an empty form', () => {
    expect(parseForm(incomeSchema, undefined)).toEqual(parseForm(incomeSchema, {}));
  });

  it('drops fields the step does not know about', () => {
    const result = parseForm(makeEligibilitySchema(CITIES), {
      livesInServiceArea: 'yes',
      city: 'jeddah',
      isAdmin: 'true',
    });
    expect(result).toEqual({ ok: true, data: { livesInServiceArea: true, city: 'jeddah' } });
  });
});

describe('eligibility', () => {
  const schema = makeEligibilitySchema(CITIES);

  it('normalizes the answer to a boolean', () => {
    expect(parseForm(schema, { livesInServiceArea: 'no', city: 'makkah' })).toEqual({
      ok: true,
      data: { livesInServiceArea: false, city: 'makkah' },
    });
  });

  it('requires an answer and a served city', () => {
    expect(errorsOf(parseForm(schema, {}))).toEqual([
      { field: 'livesInServiceArea', code: 'eligibility.required' },
      { field: 'city', code: 'city.required' },
    ]);
    expect(errorsOf(parseForm(schema, { livesInServiceArea: 'maybe', city: 'riyadh' }))).toEqual([
      { field: 'livesInServiceArea', code: 'eligibility.required' },
      { field: 'city', code: 'city.notServed' },
    ]);
  });
});

describe('personal details', () => {
  const schema = makePersonalDetailsSchema({ today });
  const valid = {
    fullName: '  فاطمة   أحمد الزهراني ',
    'birthDate-day': '١٢',
    'birthDate-month': '٤',
    'birthDate-year': '١٩٨٥',
    'birthDate-calendar': 'gregorian',
    nationality: 'saudi',
    maritalStatus: 'widowed',
    'idExpiryDate-day': '1',
    'idExpiryDate-month': '1',
    'idExpiryDate-year': '1450',
    'idExpiryDate-calendar': 'hijri',
  };

  it('accepts Arabic-Indic digits and Hijri dates and outputs normalized values', () => {
    const result = parseForm(schema, valid);
    expect(result).toEqual({
      ok: true,
      data: {
        fullName: 'فاطمة أحمد الزهراني',
        birthDate: '1985-04-12',
        nationality: 'saudi',
        maritalStatus: 'widowed',
        idExpiryDate: '2028-05-25',
        birthDateEntered: 'gregorian 1985-04-12',
        idExpiryDateEntered: 'hijri 1450-01-01',
      },
    });
  });

  it('accepts an already expired ID while drafting', () => {
    expect(parseForm(schema, { ...valid, 'idExpiryDate-year': '1440' }).ok).toBe(true);
  });

  it('reports every field of an empty form, in form order, dates on their first input', () => {
    expect(errorsOf(parseForm(schema, {}))).toEqual([
      { field: 'fullName', code: 'fullName.required' },
      { field: 'birthDate-day', code: 'birthDate.required' },
      { field: 'nationality', code: 'nationality.required' },
      { field: 'maritalStatus', code: 'maritalStatus.required' },
      { field: 'idExpiryDate-day', code: 'idExpiryDate.required' },
    ]);
  });

  it('points date errors at the offending input', () => {
    const check = (overrides: Record<string, string | undefined>) =>
      errorsOf(parseForm(schema, { ...valid, ...overrides }));
    expect(check({ 'birthDate-month': '' })).toEqual([
      { field: 'birthDate-month', code: 'birthDate.incomplete' },
    ]);
    expect(check({ 'birthDate-year': 'abcd' })).toEqual([
      { field: 'birthDate-year', code: 'birthDate.invalid' },
    ]);
    expect(check({ 'birthDate-day': '31', 'birthDate-month': '2' })).toEqual([
      { field: 'birthDate-day', code: 'birthDate.invalid' },
    ]);
    expect(check({ 'birthDate-calendar': undefined })).toEqual([
      { field: 'birthDate-calendar', code: 'birthDate.calendar' },
    ]);
    expect(check({ 'idExpiryDate-year': '1501' })).toEqual([
      { field: 'idExpiryDate-year', code: 'idExpiryDate.outOfRange' },
    ]);
  });

  it('rejects a birth date in the future but accepts today', () => {
    const born = (d: string, m: string, y: string) =>
      errorsOf(
        parseForm(schema, {
          ...valid,
          'birthDate-day': d,
          'birthDate-month': m,
          'birthDate-year': y,
        }),
      );
    expect(born('5', '3', '2026')).toEqual([{ field: 'birthDate-day', code: 'birthDate.future' }]);
    expect(born('4', '3', '2026')).toEqual([]);
  });

  it('rejects people older than 120', () => {
    const born = (d: string, y: string) =>
      errorsOf(
        parseForm(schema, {
          ...valid,
          'birthDate-day': d,
          'birthDate-month': '3',
          'birthDate-year': y,
        }),
      );
    expect(born('4', '1906')).toEqual([]);
    expect(born('3', '1906')).toEqual([{ field: 'birthDate-year', code: 'birthDate.tooOld' }]);
  });

  it.each([
    ['a', 'fullName.tooShort'],
    ['عليي', 'fullName.tooShort'],
    ['محمد 2 علي', 'fullName.invalid'],
    ['محمد ٢ علي', 'fullName.invalid'],
    ['<script>alert(1)</script>', 'fullName.invalid'],
    ["Robert'); DROP TABLE students;--", 'fullName.invalid'],
    ['ع'.repeat(101), 'fullName.tooLong'],
    ['   ', 'fullName.required'],
  ])('rejects full name %j with %s', (fullName, code) => {
    expect(errorsOf(parseForm(schema, { ...valid, fullName }))).toEqual([
      { field: 'fullName', code },
    ]);
  });

  it.each([
    'Sarah O’Brien',
    "Sarah O'Brien-Smith",
    'عبدالرحمن بن محمد آل سعود',
    'مُحَمَّد عَلِي',
    'ع'.repeat(100),
  ])('accepts full name %j', (fullName) => {
    expect(parseForm(schema, { ...valid, fullName }).ok).toBe(true);
  });

  it('strips invisible direction marks from names', () => {
    const result = parseForm(schema, { ...valid, fullName: '\u200fفاطمة\u202b أحمد' });
    expect(result.ok && result.data.fullName).toBe('فاطمة أحمد');
  });

  it('rejects values outside the option lists', () => {
    expect(
      errorsOf(
        parseForm(schema, { ...valid, nationality: 'martian', maritalStatus: 'complicated' }),
      ),
    ).toEqual([
      { field: 'nationality', code: 'nationality.required' },
      { field: 'maritalStatus', code: 'maritalStatus.required' },
    ]);
  });

  it('treats array-valued fields (repeated form keys) as missing', () => {
    expect(errorsOf(parseForm(schema, { ...valid, fullName: ['a', 'b'] }))).toEqual([
      { field: 'fullName', code: 'fullName.required' },
    ]);
  });
});

describe('isIdValidOn', () => {
  it('is valid through the expiry day itself', () => {
    expect(isIdValidOn('2026-03-04', '2026-03-04')).toBe(true);
    expect(isIdValidOn('2026-03-05', '2026-03-04')).toBe(true);
    expect(isIdValidOn('2026-03-03', '2026-03-04')).toBe(false);
  });
});

describe('contact', () => {
  const schema = makeContactSchema(CITIES);

  it('accepts and normalizes', () => {
    expect(
      parseForm(schema, { city: 'jeddah', district: ' الصفا ', email: ' Fatima@Example.COM ' }),
    ).toEqual({
      ok: true,
      data: { city: 'jeddah', district: 'الصفا', email: 'fatima@example.com' },
    });
    expect(parseForm(schema, { city: 'jeddah', district: 'الصفا', email: '' })).toEqual({
      ok: true,
      data: { city: 'jeddah', district: 'الصفا', email: null },
    });
  });

  it('rejects bad values', () => {
    expect(
      errorsOf(
        parseForm(schema, { city: 'dammam', district: 'ح'.repeat(81), email: 'not-an-email' }),
      ),
    ).toEqual([
      { field: 'city', code: 'city.notServed' },
      { field: 'district', code: 'district.tooLong' },
      { field: 'email', code: 'email.invalid' },
    ]);
    expect(
      errorsOf(parseForm(schema, { city: 'jeddah', email: `${'a'.repeat(250)}@x.sa` })),
    ).toEqual([
      { field: 'district', code: 'district.required' },
      { field: 'email', code: 'email.tooLong' },
    ]);
  });
});

describe('household member', () => {
  const schema = makeHouseholdMemberSchema({ today });
  const valid = {
    fullName: 'سارة محمد',
    relation: 'daughter',
    'birthDate-day': '1',
    'birthDate-month': '9',
    'birthDate-year': '1447',
    'birthDate-calendar': 'hijri',
    nationalId: '',
    monthlyIncome: '',
  };

  it('accepts a member without ID or income', () => {
    expect(parseForm(schema, valid)).toEqual({
      ok: true,
      data: {
        fullName: 'سارة محمد',
        relation: 'daughter',
        birthDate: '2026-02-18',
        // Kept as typed beside the ISO date, as the applicant's own dates are.
        birthDateEntered: 'hijri 1447-09-01',
        nationalId: null,
        monthlyIncome: null,
      },
    });
  });

  it('validates the optional ID and income when given', () => {
    const result = parseForm(schema, {
      ...valid,
      nationalId: '١٠٠٠٠٠٠٠٠٨',
      monthlyIncome: '١٬٢٠٠',
    });
    expect(result.ok && result.data).toMatchObject({
      nationalId: '1000000008',
      monthlyIncome: 1200,
    });
    expect(
      errorsOf(parseForm(schema, { ...valid, nationalId: '1000000009', monthlyIncome: '-3' })),
    ).toEqual([
      { field: 'nationalId', code: 'nationalId.checksum' },
      { field: 'monthlyIncome', code: 'amount.invalid' },
    ]);
  });

  it('rejects an unknown relation and a future birth date', () => {
    expect(
      errorsOf(
        parseForm(schema, {
          ...valid,
          relation: 'cousin',
          'birthDate-day': '2',
          'birthDate-month': '10',
        }),
      ),
    ).toEqual([
      { field: 'relation', code: 'relation.required' },
      { field: 'birthDate-day', code: 'birthDate.future' },
    ]);
  });
});

describe('income', () => {
  it('turns empty amounts into null and parses the rest', () => {
    expect(
      parseForm(incomeSchema, {
        incomeSalary: '',
        incomeSocialSecurity: '٢٤٠٠',
        incomePension: '1,200',
        obligationLoans: '0',
      }),
    ).toEqual({
      ok: true,
      data: {
        incomeSalary: null,
        incomeSocialSecurity: 2400,
        incomePension: 1200,
        incomeOther: null,
        obligationLoans: 0,
        obligationOther: null,
      },
    });
  });

  it('reports each bad amount on its field', () => {
    expect(
      errorsOf(
        parseForm(incomeSchema, {
          incomeSalary: '1000001',
          incomeOther: '12.5',
          obligationOther: 'كثير',
        }),
      ),
    ).toEqual([
      { field: 'incomeSalary', code: 'amount.tooLarge' },
      { field: 'incomeOther', code: 'amount.invalid' },
      { field: 'obligationOther', code: 'amount.invalid' },
    ]);
  });
});

describe('housing', () => {
  it('requires rent only from tenants', () => {
    expect(parseForm(housingSchema, { housingType: 'rented', monthlyRent: '١٥٠٠' })).toEqual({
      ok: true,
      data: { housingType: 'rented', monthlyRent: 1500 },
    });
    expect(errorsOf(parseForm(housingSchema, { housingType: 'rented', monthlyRent: ' ' }))).toEqual(
      [{ field: 'monthlyRent', code: 'monthlyRent.required' }],
    );
    expect(
      errorsOf(parseForm(housingSchema, { housingType: 'rented', monthlyRent: 'abc' })),
    ).toEqual([{ field: 'monthlyRent', code: 'amount.invalid' }]);
  });

  it('drops a leftover rent for other housing types', () => {
    expect(parseForm(housingSchema, { housingType: 'owned', monthlyRent: 'abc' })).toEqual({
      ok: true,
      data: { housingType: 'owned', monthlyRent: null },
    });
  });

  it('requires a known housing type', () => {
    expect(errorsOf(parseForm(housingSchema, { housingType: 'tent' }))).toEqual([
      { field: 'housingType', code: 'housingType.required' },
    ]);
  });
});

describe('support', () => {
  const schema = makeSupportSchema(['food_basket', 'rent']);

  it('accepts a description and normalizes line endings', () => {
    expect(
      parseForm(schema, {
        supportType: 'rent',
        needDescription: ' تأخرت في سداد الإيجار\r\nلمدة شهرين ',
      }),
    ).toEqual({
      ok: true,
      data: { supportType: 'rent', needDescription: 'تأخرت في سداد الإيجار\nلمدة شهرين' },
    });
  });

  it('keeps markup as plain text rather than failing', () => {
    const text = "<script>alert('x')</script> OR 1=1;--";
    const result = parseForm(schema, { supportType: 'rent', needDescription: text });
    expect(result.ok && result.data.needDescription).toBe(text);
  });

  it.each([
    [undefined, 'needDescription.required'],
    ['قصير', 'needDescription.tooShort'],
    ['ن'.repeat(2001), 'needDescription.tooLong'],
  ])('rejects description %j', (needDescription, code) => {
    expect(errorsOf(parseForm(schema, { supportType: 'rent', needDescription }))).toEqual([
      { field: 'needDescription', code },
    ]);
  });

  it('accepts exactly the limits', () => {
    expect(parseForm(schema, { supportType: 'rent', needDescription: 'ن'.repeat(10) }).ok).toBe(
      true,
    );
    expect(parseForm(schema, { supportType: 'rent', needDescription: 'ن'.repeat(2000) }).ok).toBe(
      true,
    );
  });

  it('requires a configured support type', () => {
    expect(
      errorsOf(parseForm(schema, { supportType: 'car', needDescription: 'ن'.repeat(20) })),
    ).toEqual([{ field: 'supportType', code: 'supportType.required' }]);
  });
});

describe('bank account', () => {
  it('normalizes a valid IBAN and reports invalid ones', () => {
    expect(parseForm(bankAccountSchema, { iban: 'sa03 8000 0000 6080 1016 7519' })).toEqual({
      ok: true,
      data: { iban: 'SA0380000000608010167519' },
    });
    expect(errorsOf(parseForm(bankAccountSchema, { iban: 'SA0380000000608010167518' }))).toEqual([
      { field: 'iban', code: 'iban.checksum' },
    ]);
  });
});

describe('output types', () => {
  it('are already normalized', () => {
    const personal = parseForm(makePersonalDetailsSchema({ today }), {});
    if (personal.ok) {
      expectTypeOf(personal.data).toEqualTypeOf<{
        fullName: string;
        birthDate: string;
        nationality: 'saudi' | 'non_saudi';
        maritalStatus: 'single' | 'married' | 'divorced' | 'widowed';
        idExpiryDate: string;
        birthDateEntered: string | null;
        idExpiryDateEntered: string | null;
      }>();
    }
    const housing = parseForm(housingSchema, {});
    if (housing.ok) {
      expectTypeOf(housing.data).toEqualTypeOf<{
        housingType: 'owned' | 'rented' | 'family' | 'other';
        monthlyRent: number | null;
      }>();
    }
    expect(personal.ok || housing.ok).toBe(false);
  });
});
