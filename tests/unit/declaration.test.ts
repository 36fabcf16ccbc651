import { describe, expect, it } from 'vitest';
import {
  canonicalRequestData,
  DECLARATION_TEXT_VERSION,
  declarationTextKey,
  hashRequestData,
  isDeclarationValid,
  normalizeNameForSignature,
  signatureMatchesName,
  validateSignature,
  type RequestDataSnapshot,
} from '../../src/domain/declaration.ts';

const base: RequestDataSnapshot = {
  nationalId: '1000000008',
  livesInServiceArea: true,
  fullName: 'فاطمة أحمد الزهراني',
  birthDate: '1985-04-12',
  nationality: 'saudi',
  maritalStatus: 'widowed',
  idExpiryDate: '2029-01-01',
  city: 'jeddah',
  district: 'الصفا',
  email: null,
  incomeSalary: null,
  incomeSocialSecurity: 2400,
  incomePension: null,
  incomeOther: 0,
  obligationLoans: 800,
  obligationOther: null,
  housingType: 'rented',
  monthlyRent: 1500,
  supportType: 'food_basket',
  needDescription: 'أحتاج إلى سلة غذائية شهرية',
  iban: 'SA0380000000608010167519',
  household: [
    {
      fullName: 'سارة',
      relation: 'daughter',
      birthDate: '2010-01-01',
      nationalId: '1000000016',
      monthlyIncome: null,
    },
    {
      fullName: 'محمد',
      relation: 'son',
      birthDate: '2012-05-05',
      nationalId: null,
      monthlyIncome: null,
    },
  ],
  documents: [
    { sha256: 'b'.repeat(64), kind: 'lease' },
    { sha256: 'a'.repeat(64), kind: 'national_id' },
  ],
};

describe('canonicalRequestData', () => {
  it('is valid JSON with sorted keys', () => {
    const parsed = JSON.parse(canonicalRequestData(base)) as Record<string, unknown>;
    expect(Object.keys(parsed)).toEqual(Object.keys(parsed).sort());
    expect(parsed.monthlyRent).toBe(1500);
  });

  it('ignores key order, whitespace, Unicode composition and collection order', () => {
    const reordered = Object.fromEntries(Object.entries(base).reverse()) as RequestDataSnapshot;
    const noisy: RequestDataSnapshot = {
      ...reordered,
      fullName: '  فاطمة أحمد الزهراني \n',
      district: 'الصفا'.normalize('NFD'),
      household: [...base.household]
        .reverse()
        .map((m) => Object.fromEntries(Object.entries(m).reverse()) as typeof m),
      documents: [...base.documents].reverse(),
    };
    expect(canonicalRequestData(noisy)).toBe(canonicalRequestData(base));
    expect(hashRequestData(noisy)).toBe(hashRequestData(base));
  });

  // The type demands every field; at run time a snapshot from before a field existed still hashes the same.
  it('treats undefined and absent fields like null', () => {
    const { email: _email, ...rest } = base;
    const withoutEmail = rest as unknown as RequestDataSnapshot;
    expect(hashRequestData(withoutEmail)).toBe(hashRequestData(base));
    expect(hashRequestData({ ...base, email: undefined } as unknown as RequestDataSnapshot)).toBe(hashRequestData(base));
    expect(JSON.parse(canonicalRequestData(withoutEmail))).toHaveProperty('email', null);
  });

  it('rejects non-finite numbers instead of hashing them as null', () => {
    expect(() => canonicalRequestData({ ...base, monthlyRent: Number.NaN })).toThrow(RangeError);
  });
});

describe('hashRequestData', () => {
  const original = hashRequestData(base);

  it('is a sha256 hex digest', () => {
    expect(original).toMatch(/^[0-9a-f]{64}$/);
  });

  const changes: [string, Partial<RequestDataSnapshot>][] = [
    ['nationalId', { nationalId: '2000000000' }],
    ['livesInServiceArea', { livesInServiceArea: false }],
    ['fullName', { fullName: 'فاطمة أحمد الزهراني ب' }],
    ['birthDate', { birthDate: '1985-04-13' }],
    ['nationality', { nationality: 'non_saudi' }],
    ['maritalStatus', { maritalStatus: 'married' }],
    ['idExpiryDate', { idExpiryDate: '2029-01-02' }],
    ['city', { city: 'makkah' }],
    ['district', { district: 'الروضة' }],
    ['email', { email: 'a@example.com' }],
    ['incomeSalary', { incomeSalary: 0 }],
    ['incomeSocialSecurity', { incomeSocialSecurity: 2401 }],
    ['incomePension', { incomePension: 1 }],
    ['incomeOther', { incomeOther: null }],
    ['obligationLoans', { obligationLoans: 801 }],
    ['obligationOther', { obligationOther: 5 }],
    ['housingType', { housingType: 'owned' }],
    ['monthlyRent', { monthlyRent: 1501 }],
    ['supportType', { supportType: 'rent' }],
    ['needDescription', { needDescription: 'أحتاج إلى سلة غذائية' }],
    ['iban', { iban: 'SA0380000000608010167518' }],
    [
      'household member added',
      {
        household: [
          ...base.household,
          { fullName: 'علي', relation: 'son', birthDate: '2015-01-01' },
        ],
      },
    ],
    [
      'household member income',
      { household: [{ ...base.household[0]!, monthlyIncome: 100 }, base.household[1]!] },
    ],
    ['document removed', { documents: [base.documents[0]!] }],
    [
      'document replaced',
      { documents: [{ sha256: 'c'.repeat(64), kind: 'lease' }, base.documents[1]!] },
    ],
  ];

  it.each(changes)('changes when %s changes', (_name, change) => {
    expect(hashRequestData({ ...base, ...change })).not.toBe(original);
  });

  it('distinguishes 0 from null', () => {
    expect(hashRequestData({ ...base, incomeSalary: 0 })).not.toBe(
      hashRequestData({ ...base, incomeSalary: null }),
    );
  });
});

describe('declaration validity', () => {
  it('is valid only for the data that was declared', () => {
    const declared = { dataHash: hashRequestData(base) };
    expect(isDeclarationValid(declared, hashRequestData(base))).toBe(true);
    expect(isDeclarationValid(declared, hashRequestData({ ...base, monthlyRent: 1600 }))).toBe(
      false,
    );
    expect(isDeclarationValid(null, hashRequestData(base))).toBe(false);
  });

  it('has a text version', () => {
    expect(DECLARATION_TEXT_VERSION).toBe('v2');
  });
});

describe('signature', () => {
  it('normalizes names for comparison', () => {
    expect(normalizeNameForSignature(' مُحَمَّد  عبدالله ')).toBe('محمدعبدالله');
    expect(normalizeNameForSignature('محـــمد')).toBe('محمد');
    expect(normalizeNameForSignature('Sara  AL-Qahtani')).toBe('saraal-qahtani');
    expect(normalizeNameForSignature('هٰذا')).toBe('هذا');
  });

  it('matches despite spacing, diacritics, tatweel, case and common hamza/taa marbuta variants', () => {
    expect(signatureMatchesName('فاطمه احمد الزهراني', 'فاطمة أحمد الزهراني')).toBe(true);
    expect(signatureMatchesName('فَاطِمَة أَحْمَد الزَّهْرَانِي', 'فاطمة أحمد الزهراني')).toBe(true);
    expect(signatureMatchesName('مصطفى', 'مصطفي')).toBe(true);
    expect(signatureMatchesName('sara ali', 'Sara Ali')).toBe(true);
  });

  it('does not match a different name or an empty one', () => {
    expect(signatureMatchesName('فاطمة أحمد', 'فاطمة أحمد الزهراني')).toBe(false);
    expect(signatureMatchesName('', '')).toBe(false);
    expect(signatureMatchesName('   ', 'a')).toBe(false);
  });

  it('validates the declaration step', () => {
    const fullName = 'فاطمة أحمد الزهراني';
    expect(
      validateSignature({
        declarationAccepted: 'on',
        signatureName: 'فاطمة احمد الزهراني',
        fullName,
      }),
    ).toEqual([]);
    expect(
      validateSignature({ declarationAccepted: true, signatureName: fullName, fullName }),
    ).toEqual([]);
    expect(
      validateSignature({ declarationAccepted: undefined, signatureName: '', fullName }),
    ).toEqual([
      { field: 'declarationAccepted', code: 'declaration.notAccepted' },
      { field: 'signatureName', code: 'signature.required' },
    ]);
    expect(
      validateSignature({ declarationAccepted: 'off', signatureName: 'سارة', fullName }),
    ).toEqual([
      { field: 'declarationAccepted', code: 'declaration.notAccepted' },
      { field: 'signatureName', code: 'signature.mismatch' },
    ]);
    expect(
      validateSignature({ declarationAccepted: 'on', signatureName: ['x'], fullName }),
    ).toEqual([{ field: 'signatureName', code: 'signature.required' }]);
  });
});

describe('declaration text', () => {
  it('names the words of each version', () => {
    expect(declarationTextKey()).toBe(`apply:declaration.${DECLARATION_TEXT_VERSION}.text`);
    expect(declarationTextKey('v1')).toBe('apply:declaration.v1.text');
  });
});
