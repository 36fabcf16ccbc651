import { describe, expect, it } from 'vitest';
import { backPathOf, nextPath, progressOf, resumePath } from '../../src/domain/journeySteps.ts';

describe('apply journey order', () => {
  it('walks the steps in order', () => {
    expect(nextPath('eligibility', { livesInServiceArea: true })).toBe('/apply/personal');
    expect(nextPath('personal', {})).toBe('/apply/contact');
    expect(nextPath('documents', {})).toBe('/apply/check');
    expect(nextPath('check', {})).toBe('/apply/declaration');
  });

  it('sends people outside the service area to the not-eligible page', () => {
    expect(nextPath('eligibility', { livesInServiceArea: false })).toBe('/apply/not-eligible');
    expect(nextPath('eligibility', { livesInServiceArea: false, returnTo: 'check' })).toBe('/apply/not-eligible');
  });

  it('returns to check your answers after a change', () => {
    expect(nextPath('income', { returnTo: 'check' })).toBe('/apply/check');
    expect(backPathOf('income', { returnTo: 'check' })).toBe('/apply/check');
    expect(backPathOf('income')).toBe('/apply/household');
    expect(backPathOf('eligibility')).toBe('/apply');
    expect(backPathOf('declaration')).toBe('/apply/check');
  });

  it('numbers the pages for the progress text', () => {
    expect(progressOf('eligibility')).toEqual({ current: 1, total: 10 });
    expect(progressOf('contact')).toEqual({ current: 3, total: 10 });
    expect(progressOf('check')).toEqual({ current: 10, total: 10 });
    expect(progressOf('declaration')).toBeNull();
  });

  it('resumes at the first unanswered step', () => {
    expect(resumePath(new Set())).toBe('/apply/eligibility');
    expect(resumePath(new Set(['eligibility', 'personal']))).toBe('/apply/contact');
    expect(resumePath(new Set(['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'documents']))).toBe('/apply/bank');
    expect(resumePath(new Set(['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'bank', 'documents']))).toBe('/apply/check');
  });
});
