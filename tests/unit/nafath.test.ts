import { describe, expect, it } from 'vitest';
import { nafathRequestExpiresAt, nafathRequestState, resultProves } from '../../src/domain/nafath.ts';
import { holdsAccount, mobileChangeAllowed, nafathSignInPath } from '../../src/domain/accountBinding.ts';

const start = new Date('2026-03-01T08:00:00Z');

describe('Nafath requests', () => {
  it('waits until the request’s life is over, then counts as timed out', () => {
    const request = { status: 'waiting' as const, expiresAt: nafathRequestExpiresAt(start), consumedAt: null };
    expect(nafathRequestState(request, new Date(start.getTime() + 60_000))).toBe('waiting');
    expect(nafathRequestState(request, new Date(start.getTime() + 4 * 60_000))).toBe('timed_out');
  });

  it('keeps an outcome, and a used request stays used', () => {
    const later = new Date(start.getTime() + 3_600_000);
    expect(nafathRequestState({ status: 'rejected', expiresAt: start, consumedAt: null }, later)).toBe('rejected');
    expect(nafathRequestState({ status: 'completed', expiresAt: start, consumedAt: start }, later)).toBe('used');
  });

  it('believes a result only for its own transaction, ID and a COMPLETED status', () => {
    const request = { transId: 't1', nationalId: '1012345678' };
    expect(resultProves({ transId: 't1', nationalId: '1012345678', status: 'COMPLETED' }, request)).toBe(true);
    expect(resultProves({ transId: 't2', nationalId: '1012345678', status: 'COMPLETED' }, request)).toBe(false);
    expect(resultProves({ transId: 't1', nationalId: '1098765432', status: 'COMPLETED' }, request)).toBe(false);
    expect(resultProves({ transId: 't1', nationalId: '1012345678', status: 'REJECTED' }, request)).toBe(false);
  });
});

describe('what a Nafath-proven ID allows', () => {
  it('signs in an account, lets a walk-in’s record be claimed, and creates an unknown one', () => {
    expect(nafathSignInPath({ hasAccount: true, recordedMobile: '+966551234567' })).toEqual({ kind: 'sign_in' });
    expect(nafathSignInPath({ hasAccount: false, recordedMobile: '+966551234567' })).toEqual({ kind: 'claim', recordedMobile: '+966551234567' });
    expect(nafathSignInPath(null)).toEqual({ kind: 'create' });
  });

  it('counts an account held through Nafath without a password, but never without a verified mobile', () => {
    const at = new Date();
    expect(holdsAccount({ passwordHash: null, nafathVerifiedAt: at, mobileVerifiedAt: at })).toBe(true);
    expect(holdsAccount({ passwordHash: null, nafathVerifiedAt: at, mobileVerifiedAt: null })).toBe(false);
    expect(holdsAccount({ passwordHash: null, nafathVerifiedAt: null, mobileVerifiedAt: at })).toBe(false);
  });

  it('lets Nafath stand in for the old number in a mobile change, never for the new one', () => {
    expect(mobileChangeAllowed({ oldMobileVerified: false, nafathVerified: true, newMobileVerified: true })).toBe(true);
    expect(mobileChangeAllowed({ oldMobileVerified: false, nafathVerified: true, newMobileVerified: false })).toBe(false);
    expect(mobileChangeAllowed({ oldMobileVerified: false, newMobileVerified: true })).toBe(false);
  });
});
