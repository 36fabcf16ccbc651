import { describe, expect, it } from 'vitest';
import {
  daysWaiting,
  isDecisionReleasable,
  isOverdue,
  isResponseWindowOpen,
  MIN_RESPONSE_WINDOW_DAYS,
  responseWindowOpensAt,
} from '../../src/domain/responseWindow.ts';

const submittedAt = new Date('2026-02-18T09:30:00+03:00');
const day13 = new Date('2026-03-03T09:30:00+03:00');
const day14 = new Date('2026-03-04T09:30:00+03:00');
const day15 = new Date('2026-03-05T09:30:00+03:00');
const justBeforeDay14 = new Date(day14.getTime() - 1);

describe('response window', () => {
  const opensAt = responseWindowOpensAt(submittedAt, MIN_RESPONSE_WINDOW_DAYS);

  it('opens exactly 14 days after submission', () => {
    expect(MIN_RESPONSE_WINDOW_DAYS).toBe(14);
    expect(opensAt.toISOString()).toBe(day14.toISOString());
  });

  it('is closed on day 13 and a millisecond before day 14, open on days 14 and 15', () => {
    expect(isResponseWindowOpen(opensAt, day13)).toBe(false);
    expect(isResponseWindowOpen(opensAt, justBeforeDay14)).toBe(false);
    expect(isResponseWindowOpen(opensAt, day14)).toBe(true);
    expect(isResponseWindowOpen(opensAt, day15)).toBe(true);
  });

  it('allows longer windows but never shorter or fractional ones', () => {
    expect(responseWindowOpensAt(submittedAt, 21).toISOString()).toBe('2026-03-11T06:30:00.000Z');
    expect(() => responseWindowOpensAt(submittedAt, 13)).toThrow(RangeError);
    expect(() => responseWindowOpensAt(submittedAt, 14.5)).toThrow(RangeError);
    expect(() => responseWindowOpensAt(submittedAt, Number.NaN)).toThrow(RangeError);
  });

  it('does not mutate the submission date', () => {
    const copy = new Date(submittedAt);
    responseWindowOpensAt(copy, 14);
    expect(copy.getTime()).toBe(submittedAt.getTime());
  });
});

describe('isDecisionReleasable', () => {
  const windowOpensAt = responseWindowOpensAt(submittedAt, 14);
  const decidedAt = new Date('2026-03-01T12:00:00+03:00');

  it('waits for the window even when the committee decided early', () => {
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt }, day13)).toBe(false);
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt }, day14)).toBe(true);
    expect(isDecisionReleasable({ decidedAt, releasedAt: null, windowOpensAt }, day15)).toBe(true);
  });

  it('needs a decision and is not repeatable', () => {
    expect(isDecisionReleasable({ decidedAt: null, releasedAt: null, windowOpensAt }, day15)).toBe(
      false,
    );
    expect(isDecisionReleasable({ decidedAt, releasedAt: day14, windowOpensAt }, day15)).toBe(
      false,
    );
  });
});

describe('waiting and overdue', () => {
  it('counts whole days waited', () => {
    expect(daysWaiting(submittedAt, submittedAt)).toBe(0);
    expect(daysWaiting(submittedAt, day13)).toBe(13);
    expect(daysWaiting(submittedAt, justBeforeDay14)).toBe(13);
    expect(daysWaiting(submittedAt, day14)).toBe(14);
    expect(daysWaiting(submittedAt, day15)).toBe(15);
    expect(daysWaiting(day15, submittedAt)).toBe(0);
  });

  it('flags undecided requests from the overdue threshold on', () => {
    expect(isOverdue({ submittedAt, decided: false }, day13, 14)).toBe(false);
    expect(isOverdue({ submittedAt, decided: false }, justBeforeDay14, 14)).toBe(false);
    expect(isOverdue({ submittedAt, decided: false }, day14, 14)).toBe(true);
    expect(isOverdue({ submittedAt, decided: false }, day15, 14)).toBe(true);
  });

  it('never flags decided requests', () => {
    expect(isOverdue({ submittedAt, decided: true }, day15, 14)).toBe(false);
  });
});
