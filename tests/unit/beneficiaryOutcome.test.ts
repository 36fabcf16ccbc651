import { describe, expect, it } from 'vitest';
import { mayReapply, reapplyAllowedFrom, showsEarliestResponse } from '../../src/domain/beneficiaryOutcome.ts';

const told = new Date('2026-03-15T08:00:00Z');

describe('applying again after a rejection', () => {
  it('opens the stated number of days after the applicant was told', () => {
    expect(reapplyAllowedFrom(told, 90).toISOString()).toBe('2026-06-13T08:00:00.000Z');
    expect(mayReapply(told, 90, new Date('2026-06-13T07:59:59Z'))).toBe(false);
    expect(mayReapply(told, 90, new Date('2026-06-13T08:00:00Z'))).toBe(true);
    expect(mayReapply(told, 0, told)).toBe(true);
  });

  it('refuses a waiting period that is not a whole number of days', () => {
    expect(() => reapplyAllowedFrom(told, -1)).toThrow(RangeError);
    expect(() => reapplyAllowedFrom(told, 1.5)).toThrow(RangeError);
  });
});

describe('the earliest response date', () => {
  const opensAt = new Date('2026-03-15T08:00:00Z');
  const before = new Date('2026-03-10T08:00:00Z');

  it('is shown only while the request is being studied and the date is still ahead', () => {
    expect(showsEarliestResponse('submitted', opensAt, before)).toBe(true);
    expect(showsEarliestResponse('with_committee', opensAt, before)).toBe(true);
    expect(showsEarliestResponse('with_committee', opensAt, opensAt)).toBe(false);
    for (const status of ['accepted', 'rejected', 'registered', 'withdrawn', 'closed', 'needs_info', 'draft'] as const) {
      expect(showsEarliestResponse(status, opensAt, before)).toBe(false);
    }
    expect(showsEarliestResponse('submitted', null, before)).toBe(false);
  });
});
