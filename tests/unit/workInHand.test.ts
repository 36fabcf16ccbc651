import { describe, expect, it } from 'vitest';
import { REQUEST_STATUSES } from '../../src/domain/requestStatus.ts';
import { ANSWERED_STATUSES, OPEN_WORK_STATUSES, heldAnswersOutsideOpenWork, isWorkInHand } from '../../src/domain/workInHand.ts';

describe('work in hand', () => {
  it('counts a held rejection, and nothing the applicant has been told is finished', () => {
    expect(isWorkInHand('rejected', { decisionReleased: false })).toBe(true);
    expect(isWorkInHand('rejected', { decisionReleased: true })).toBe(false);
    expect(isWorkInHand('accepted', { decisionReleased: true })).toBe(true);
    expect(isWorkInHand('draft', { decisionReleased: false })).toBe(false);
    expect(isWorkInHand('withdrawn', { decisionReleased: false })).toBe(false);
  });

  it('includes every held answer exactly once', () => {
    // Whatever "awaiting release" counts is work in hand.
    for (const status of ANSWERED_STATUSES) expect(isWorkInHand(status, { decisionReleased: false })).toBe(true);
    const held = [{ status: 'accepted', count: 2 }, { status: 'rejected', count: 3 }];
    // Accepted requests are open and already have their own row; only the rejections are added.
    expect(OPEN_WORK_STATUSES).toContain('accepted');
    expect(heldAnswersOutsideOpenWork(held)).toBe(3);
    for (const status of REQUEST_STATUSES) {
      expect(OPEN_WORK_STATUSES.includes(status)).toBe(isWorkInHand(status, { decisionReleased: true }));
    }
  });
});
