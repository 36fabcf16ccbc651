import { describe, expect, it } from 'vitest';
import { chooseOwner, feedbackReference, isOverdue, respondBy } from '../../src/domain/suggestionsAndComplaints.ts';

describe('suggestions and complaints', () => {
  it('gives a complaint a week and a suggestion two weeks', () => {
    const received = new Date('2026-03-01T08:00:00Z');
    expect(respondBy('complaint', received).toISOString()).toBe('2026-03-08T08:00:00.000Z');
    expect(respondBy('suggestion', received).toISOString()).toBe('2026-03-15T08:00:00.000Z');
    expect(isOverdue({ status: 'open', respondBy: received }, new Date('2026-03-02T00:00:00Z'))).toBe(true);
    expect(isOverdue({ status: 'answered', respondBy: received }, new Date('2026-03-02T00:00:00Z'))).toBe(false);
  });

  it('names the reference after the kind and the owner after the lightest load', () => {
    expect(feedbackReference('MZL', 'complaint', 12)).toBe('MZL-C-000012');
    expect(chooseOwner([{ id: 3, openCount: 2 }, { id: 5, openCount: 1 }, { id: 4, openCount: 1 }])).toBe(4);
    expect(chooseOwner([])).toBeNull();
  });
});
