import { describe, expect, it } from 'vitest';
import { median, percentOf, percentile, wholeDaysBetween } from '../../src/domain/statistics.ts';

describe('service indicator statistics', () => {
  it('takes the nearest-rank percentile of unsorted values', () => {
    const days = [30, 14, 21, 15, 60, 16, 17, 18, 19, 20];
    expect(median(days)).toBe(18);
    expect(percentile(days, 0.9)).toBe(30);
    expect(percentile(days, 1)).toBe(60);
    expect(percentile([7], 0.5)).toBe(7);
  });

  it('reports nothing rather than zero when there are no values', () => {
    expect(median([])).toBeNull();
    expect(percentile([Number.NaN], 0.9)).toBeNull();
  });

  it('refuses a fraction outside (0, 1]', () => {
    expect(() => percentile([1, 2], 0)).toThrow(RangeError);
    expect(() => percentile([1, 2], 1.5)).toThrow(RangeError);
  });

  it('counts whole days, rounding down', () => {
    const submitted = new Date('2026-03-01T08:00:00Z');
    expect(wholeDaysBetween(submitted, new Date('2026-03-15T07:59:59Z'))).toBe(13);
    expect(wholeDaysBetween(submitted, new Date('2026-03-15T08:00:00Z'))).toBe(14);
  });

  it('gives shares as whole percentages', () => {
    expect(percentOf(1, 3)).toBe(33);
    expect(percentOf(2, 3)).toBe(67);
    expect(percentOf(0, 0)).toBe(0);
  });
});
