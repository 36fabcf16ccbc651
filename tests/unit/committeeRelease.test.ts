import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { fixedClock } from '../../src/services/clock.ts';
import { isDecisionReleasable, isOverdue, responseWindowOpensAt } from '../../src/domain/responseWindow.ts';

const submittedAt = new Date('2026-03-01T08:00:00Z');

describe('decision release rule with an injected clock', () => {
  const windowOpensAt = responseWindowOpensAt(submittedAt, 14);
  const decidedAt = new Date('2026-03-04T10:00:00Z');

  it.each([
    [13, false],
    [14, true],
    [15, true],
  ])('on day %i after submission a decision taken on day 3 is releasable: %s', (day, expected) => {
    const clock = fixedClock(submittedAt);
    clock.advanceDays(day);
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt }, clock.now())).toBe(expected);
  });

  it('never releases twice or before a decision exists', () => {
    const clock = fixedClock(submittedAt);
    clock.advanceDays(20);
    expect(isDecisionReleasable({ decidedAt, releasedAt: new Date('2026-03-15T08:00:00Z'), windowOpensAt }, clock.now())).toBe(false);
    expect(isDecisionReleasable({ decidedAt: null, releasedAt: null, windowOpensAt }, clock.now())).toBe(false);
  });

  it('honours a longer configured window', () => {
    const clock = fixedClock(submittedAt);
    clock.advanceDays(20);
    const longWindow = responseWindowOpensAt(submittedAt, 21);
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt: longWindow }, clock.now())).toBe(false);
    clock.advanceDays(1);
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt: longWindow }, clock.now())).toBe(true);
  });
});

describe('overdue requests', () => {
  it('is overdue once the configured number of days has passed without a decision', () => {
    const clock = fixedClock(submittedAt);
    clock.advanceDays(29);
    expect(isOverdue({ submittedAt, decided: false }, clock.now(), 30)).toBe(false);
    clock.advanceDays(1);
    expect(isOverdue({ submittedAt, decided: false }, clock.now(), 30)).toBe(true);
    expect(isOverdue({ submittedAt, decided: true }, clock.now(), 30)).toBe(false);
  });

  it('uses OVERDUE_AFTER_DAYS from the configuration, 30 by default', () => {
    expect(loadConfig({}).overdueAfterDays).toBe(30);
    expect(loadConfig({ OVERDUE_AFTER_DAYS: '10' }).overdueAfterDays).toBe(10);
  });
});

describe('response window configuration', () => {
  it('refuses fewer than 14 days', () => {
    expect(() => loadConfig({ RESPONSE_WINDOW_DAYS: '13' })).toThrow(/RESPONSE_WINDOW_DAYS/);
    expect(loadConfig({ RESPONSE_WINDOW_DAYS: '14' }).responseWindowDays).toBe(14);
    expect(loadConfig({ RESPONSE_WINDOW_DAYS: '21' }).responseWindowDays).toBe(21);
  });
});
