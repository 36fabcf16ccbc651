import { describe, expect, it } from 'vitest';
import { duplicateFlags, identityKey, type PersonOnFile } from '../../src/domain/duplicates.ts';

const onFile = (overrides: Partial<PersonOnFile>): PersonOnFile => ({
  beneficiaryId: 2, requestId: 20, reference: 'MZL-2026-000020', fullName: 'أحمد عبد الله', birthDate: '1990-01-01', as: 'applicant', ...overrides,
});

describe('possible duplicates', () => {
  it('matches a name however it is spelt, with the same birth date', () => {
    const flags = duplicateFlags(1, [{ who: { kind: 'applicant' }, fullName: 'احمد عبدالله', birthDate: '1990-01-01' }], [onFile({})]);
    expect(flags).toHaveLength(1);
    expect(flags[0]?.matches[0]?.reference).toBe('MZL-2026-000020');
  });

  it('does not match another birth date, a missing one, or the beneficiary\'s own earlier requests', () => {
    expect(duplicateFlags(1, [{ who: { kind: 'applicant' }, fullName: 'أحمد عبد الله', birthDate: '1990-01-02' }], [onFile({})])).toEqual([]);
    expect(duplicateFlags(1, [{ who: { kind: 'applicant' }, fullName: 'أحمد عبد الله', birthDate: null }], [onFile({})])).toEqual([]);
    expect(duplicateFlags(2, [{ who: { kind: 'applicant' }, fullName: 'أحمد عبد الله', birthDate: '1990-01-01' }], [onFile({})])).toEqual([]);
  });

  it('flags a household member found as another family\'s member or applicant', () => {
    const member = { who: { kind: 'household' as const, memberId: 5 }, fullName: 'فاطمه علي', birthDate: '2012-03-01' as const };
    const flags = duplicateFlags(1, [member], [onFile({ fullName: 'فاطمة علي', birthDate: '2012-03-01', as: 'household' }), onFile({ fullName: 'فاطمة عليّ', birthDate: '2012-03-01', requestId: 30 })]);
    expect(flags[0]?.matches.map((match) => match.requestId)).toEqual([20, 30]);
  });

  it('has no key without a name or a birth date', () => {
    expect(identityKey('', '1990-01-01')).toBeNull();
    expect(identityKey('ـــ', '1990-01-01')).toBeNull();
    expect(identityKey('أحمد', null)).toBeNull();
    expect(identityKey('أحمد', '1990-01-01')).toEqual({ nameKey: 'احمد', birthDate: '1990-01-01' });
  });
});
