import { describe, expect, it } from 'vitest';
import { lockedUntilAfter, MAX_FAILED_SIGN_INS, SIGN_IN_LOCKOUT_MINUTES } from '../../src/domain/signInLockout.ts';

describe('sign-in lock-out', () => {
  const now = new Date('2026-03-01T08:00:00Z');
  it('leaves the account open below the limit and locks it for the lock-out period at the limit', () => {
    expect(lockedUntilAfter(MAX_FAILED_SIGN_INS - 1, now)).toBeNull();
    expect(lockedUntilAfter(MAX_FAILED_SIGN_INS, now)).toEqual(new Date(now.getTime() + SIGN_IN_LOCKOUT_MINUTES * 60_000));
  });
});
