import { describe, expect, it } from 'vitest';
import { requestDataSnapshot, type RequestDataSnapshot } from '../../src/domain/declaration.ts';
import { isLineCurrent, splitByCurrency, verificationFingerprint } from '../../src/domain/verification.ts';

const base: RequestDataSnapshot = requestDataSnapshot({
  nationalId: '1000000001',
  answers: { fullName: 'فاطمة محمد', incomeSalary: 3000, housingType: 'rented', monthlyRent: 1500, iban: null },
  household: [],
  documents: [],
});

describe('verification lines follow the data they cover', () => {
  it('keeps a line current while its own data is unchanged, whatever else changes', () => {
    const line = { item: 'income', dataFingerprint: verificationFingerprint('income', base) };
    expect(isLineCurrent(line, { ...base, monthlyRent: 1800, fullName: 'فاطمة محمد العتيبي' })).toBe(true);
    expect(isLineCurrent(line, { ...base, incomeSalary: 4000 })).toBe(false);
  });

  it('counts a household member as household and income data', () => {
    const withMember = { ...base, household: [{ fullName: 'سارة', relation: 'daughter', birthDate: '2010-01-01', monthlyIncome: 500 }] };
    expect(isLineCurrent({ item: 'income', dataFingerprint: verificationFingerprint('income', base) }, withMember)).toBe(false);
    expect(isLineCurrent({ item: 'household', dataFingerprint: verificationFingerprint('household', base) }, withMember)).toBe(false);
    expect(isLineCurrent({ item: 'housing', dataFingerprint: verificationFingerprint('housing', base) }, withMember)).toBe(true);
  });

  it('takes lines recorded before fingerprints as they are, and splits the rest', () => {
    const lines = [
      { item: 'identity', dataFingerprint: null },
      { item: 'housing', dataFingerprint: verificationFingerprint('housing', base) },
    ];
    const { current, stale } = splitByCurrency(lines, { ...base, housingType: 'owned', monthlyRent: null });
    expect(current.map((line) => line.item)).toEqual(['identity']);
    expect(stale.map((line) => line.item)).toEqual(['housing']);
  });
});
