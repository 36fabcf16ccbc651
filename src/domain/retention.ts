/**
 * The one retention table: every category of personal data we keep, how long, and what happens at
 * the end. The daily job, the privacy notice and the record of processing all read it, so they
 * never disagree.
 */
export const RETENTION_CATEGORIES = [
  'abandoned_drafts',
  'unverified_accounts',
  'documents_after_decision',
  'rejected_withdrawn_requests',
  'accepted_beneficiary_files',
  'message_bodies',
  'sessions',
  'access_logs',
  'audit_entries',
] as const;
export type RetentionCategory = (typeof RETENTION_CATEGORIES)[number];

export type RetentionAction = 'delete' | 'anonymise';

export interface RetentionRule {
  category: RetentionCategory;
  days: number;
  action: RetentionAction;
}

const DAY_MS = 86_400_000;

/** Defaults; each period can be overridden by configuration (RETENTION_DAYS). */
export const DEFAULT_RETENTION: readonly RetentionRule[] = [
  { category: 'abandoned_drafts', days: 90, action: 'delete' },
  { category: 'unverified_accounts', days: 30, action: 'delete' },
  { category: 'documents_after_decision', days: 365, action: 'delete' },
  { category: 'rejected_withdrawn_requests', days: 730, action: 'anonymise' },
  // Records of support paid are kept for ten years, then only the figures stay.
  { category: 'accepted_beneficiary_files', days: 3650, action: 'anonymise' },
  { category: 'message_bodies', days: 90, action: 'anonymise' },
  { category: 'sessions', days: 1, action: 'delete' },
  { category: 'access_logs', days: 730, action: 'delete' },
  { category: 'audit_entries', days: 3650, action: 'delete' },
];

const MIN_DAYS = 1;
const MAX_DAYS = 36_500;

export function isRetentionCategory(value: string): value is RetentionCategory {
  return (RETENTION_CATEGORIES as readonly string[]).includes(value);
}

/**
 * Reads overrides written as `category=days,category=days`. Unknown categories and periods out of
 * range throw: a typo must not silently keep (or destroy) data for the wrong time.
 */
export function parseRetentionOverrides(text: string): Partial<Record<RetentionCategory, number>> {
  const overrides: Partial<Record<RetentionCategory, number>> = {};
  for (const pair of text.split(',').map((part) => part.trim()).filter(Boolean)) {
    const [name = '', value = ''] = pair.split('=').map((part) => part.trim());
    if (!isRetentionCategory(name)) throw new RangeError(`unknown retention category: ${name}`);
    const days = Number(value);
    if (!Number.isInteger(days) || days < MIN_DAYS || days > MAX_DAYS) {
      throw new RangeError(`retention for ${name} must be a whole number of days between ${MIN_DAYS} and ${MAX_DAYS}`);
    }
    overrides[name] = days;
  }
  return overrides;
}

export function retentionPolicy(overrides: Partial<Record<RetentionCategory, number>> = {}): RetentionRule[] {
  return DEFAULT_RETENTION.map((rule) => ({ ...rule, days: overrides[rule.category] ?? rule.days }));
}

/** Records whose retention started before this instant have reached the end of their period. */
export function retentionCutOff(rule: RetentionRule, now: Date): Date {
  return new Date(now.getTime() - rule.days * DAY_MS);
}

/** How a period reads on the notice: whole years when it is a multiple of 365 days, else months or days. */
export function periodParts(days: number): { unit: 'years' | 'months' | 'days'; count: number } {
  if (days >= 365 && days % 365 === 0) return { unit: 'years', count: days / 365 };
  if (days >= 30 && days % 30 === 0) return { unit: 'months', count: days / 30 };
  return { unit: 'days', count: days };
}

export const retentionCategoryLabelKey = (category: RetentionCategory) => `privacy:retention.categories.${category}.name`;
export const retentionStartKey = (category: RetentionCategory) => `privacy:retention.categories.${category}.from`;
