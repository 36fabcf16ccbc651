import { describe, expect, it } from 'vitest';
import {
  activationCodeExpiresAt,
  mobileChangeAllowed,
  registrationExpiresAt,
  registrationLapsed,
  registrationPath,
} from '../../src/domain/accountBinding.ts';

const now = new Date('2026-03-01T08:00:00Z');
const typedMobile = '+966500000001';
const recordedMobile = '+966500000099';
const walkIn = { hasAccount: false, recordedMobile, hasFile: true };

describe('registrationPath', () => {
  it('binds an unknown ID to the mobile typed', () => {
    expect(registrationPath({ record: null, pending: null, typedMobile, activationCodeGiven: false, now })).toEqual({ kind: 'bind', method: 'new_mobile', codeTo: 'typed' });
  });

  it('sends the code for a known record to the mobile on file, never the one typed', () => {
    expect(registrationPath({ record: walkIn, pending: null, typedMobile, activationCodeGiven: false, now })).toEqual({ kind: 'bind', method: 'recorded_mobile', codeTo: 'recorded' });
  });

  it('asks for an activation code when the file has no mobile', () => {
    expect(registrationPath({ record: { ...walkIn, recordedMobile: null }, pending: null, typedMobile, activationCodeGiven: false, now })).toEqual({ kind: 'needs_activation_code' });
  });

  it('lets an activation code bind the mobile typed, since an officer saw the person', () => {
    expect(registrationPath({ record: walkIn, pending: null, typedMobile, activationCodeGiven: true, now })).toEqual({ kind: 'bind', method: 'activation_code', codeTo: 'typed' });
  });

  it('never binds an ID that already has an account, activation code or not', () => {
    for (const activationCodeGiven of [false, true])
      expect(registrationPath({ record: { ...walkIn, hasAccount: true }, pending: null, typedMobile, activationCodeGiven, now })).toEqual({ kind: 'account_exists' });
  });

  it('holds an ID without a file for a live attempt from another mobile, and frees it once the attempt lapses', () => {
    const bare = { hasAccount: false, recordedMobile: null, hasFile: false };
    const pending = { mobile: '+966500000002', expiresAt: registrationExpiresAt(now) };
    expect(registrationPath({ record: bare, pending, typedMobile, activationCodeGiven: false, now })).toEqual({ kind: 'held' });
    expect(registrationPath({ record: bare, pending, typedMobile: pending.mobile, activationCodeGiven: false, now }).kind).toBe('bind');
    const later = new Date(now.getTime() + 24 * 3_600_000);
    expect(registrationPath({ record: bare, pending, typedMobile, activationCodeGiven: false, now: later })).toEqual({ kind: 'bind', method: 'new_mobile', codeTo: 'typed' });
  });
});

describe('lifetimes', () => {
  it('lapses an unverified registration after 24 hours', () => {
    const pending = { mobile: typedMobile, expiresAt: registrationExpiresAt(now) };
    expect(registrationLapsed(pending, new Date(now.getTime() + 24 * 3_600_000 - 1))).toBe(false);
    expect(registrationLapsed(pending, new Date(now.getTime() + 24 * 3_600_000))).toBe(true);
  });

  it('gives an activation code seven days', () => {
    expect(activationCodeExpiresAt(now).getTime() - now.getTime()).toBe(7 * 86_400_000);
  });
});

describe('mobileChangeAllowed', () => {
  it('needs both the old and the new number verified', () => {
    expect(mobileChangeAllowed({ oldMobileVerified: true, newMobileVerified: true })).toBe(true);
    expect(mobileChangeAllowed({ oldMobileVerified: true, newMobileVerified: false })).toBe(false);
    expect(mobileChangeAllowed({ oldMobileVerified: false, newMobileVerified: true })).toBe(false);
  });
});
