import { describe, expect, it } from 'vitest';
import { authorityClock, authorityDeadline } from '../../src/domain/breach.ts';

describe('the 72-hour clock', () => {
  const discoveredAt = new Date('2026-03-01T06:00:00Z');
  it('runs for 72 hours from discovery', () => {
    expect(authorityDeadline(discoveredAt).toISOString()).toBe('2026-03-04T06:00:00.000Z');
    expect(authorityClock({ discoveredAt, authorityNotifiedAt: null }, new Date('2026-03-01T08:30:00Z'))).toEqual({ state: 'running', hoursLeft: 69 });
    expect(authorityClock({ discoveredAt, authorityNotifiedAt: null }, new Date('2026-03-04T07:10:00Z'))).toEqual({ state: 'late', hoursLate: 2 });
  });
  it('says whether the authority was told in time', () => {
    expect(authorityClock({ discoveredAt, authorityNotifiedAt: new Date('2026-03-04T06:00:00Z') }, new Date('2026-04-01'))).toEqual({ state: 'notified', onTime: true });
    expect(authorityClock({ discoveredAt, authorityNotifiedAt: new Date('2026-03-04T06:01:00Z') }, new Date('2026-04-01'))).toEqual({ state: 'notified', onTime: false });
  });
});
