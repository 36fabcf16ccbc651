import { describe, expect, it } from 'vitest';
import { carriesCode, SMS_CODES_PER_DAY, SMS_CODES_PER_HOUR, smsAllowance } from '../../src/domain/smsThrottle.ts';

const now = new Date('2026-03-01T08:00:00Z');
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000);

describe('smsAllowance', () => {
  it('allows the first code', () => {
    expect(smsAllowance([], now)).toEqual({ ok: true });
  });

  it('waits a minute after the last code', () => {
    expect(smsAllowance([ago(30)], now)).toEqual({ ok: false, reason: 'cooldown', retryAt: new Date(now.getTime() + 30_000) });
    expect(smsAllowance([ago(60)], now)).toEqual({ ok: true });
  });

  it(`caps codes at ${SMS_CODES_PER_HOUR} an hour`, () => {
    const sent = Array.from({ length: SMS_CODES_PER_HOUR }, (_, i) => ago(120 + i * 300));
    const refused = smsAllowance(sent, now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toBe('hourly');
    expect(smsAllowance(sent.slice(1), now)).toEqual({ ok: true });
  });

  it(`caps codes at ${SMS_CODES_PER_DAY} a day`, () => {
    const sent = Array.from({ length: SMS_CODES_PER_DAY }, (_, i) => ago(3_700 + i * 3_700));
    const refused = smsAllowance(sent, now);
    expect(refused.ok).toBe(false);
    if (!refused.ok) expect(refused.reason).toBe('daily');
    expect(smsAllowance(sent.map((at) => new Date(at.getTime() - 86_400_000)), now)).toEqual({ ok: true });
  });

  it('knows which messages carry a code', () => {
    expect(carriesCode('mobileVerification')).toBe(true);
    expect(carriesCode('activationCode')).toBe(true);
    expect(carriesCode('requestSubmitted')).toBe(false);
  });
});
