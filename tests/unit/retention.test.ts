import { describe, expect, it } from 'vitest';
import {
  DEFAULT_RETENTION,
  parseRetentionOverrides,
  periodParts,
  RETENTION_CATEGORIES,
  retentionCutOff,
  retentionPolicy,
} from '../../src/domain/retention.ts';

describe('retention table', () => {
  it('has exactly one rule per category', () => {
    expect(DEFAULT_RETENTION.map((rule) => rule.category)).toEqual([...RETENTION_CATEGORIES]);
  });

  it('takes overrides from configuration and keeps the rest', () => {
    const policy = retentionPolicy(parseRetentionOverrides(' abandoned_drafts = 30 ,sessions=2'));
    expect(policy.find((rule) => rule.category === 'abandoned_drafts')?.days).toBe(30);
    expect(policy.find((rule) => rule.category === 'sessions')?.days).toBe(2);
    expect(policy.find((rule) => rule.category === 'audit_entries')?.days).toBe(3650);
  });

  it('refuses unknown categories and impossible periods rather than guess', () => {
    expect(() => parseRetentionOverrides('drafts=30')).toThrow(/unknown/);
    expect(() => parseRetentionOverrides('sessions=0')).toThrow(/between/);
    expect(() => parseRetentionOverrides('sessions=1.5')).toThrow(/between/);
    expect(parseRetentionOverrides('')).toEqual({});
  });

  it('counts the period back from now', () => {
    const now = new Date('2030-01-31T00:00:00Z');
    expect(retentionCutOff({ category: 'sessions', days: 30, action: 'delete' }, now).toISOString()).toBe('2030-01-01T00:00:00.000Z');
  });

  it('reads periods in years, months or days', () => {
    expect(periodParts(3650)).toEqual({ unit: 'years', count: 10 });
    expect(periodParts(90)).toEqual({ unit: 'months', count: 3 });
    expect(periodParts(45)).toEqual({ unit: 'days', count: 45 });
  });
});
