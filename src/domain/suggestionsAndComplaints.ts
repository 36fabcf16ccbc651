export const FEEDBACK_KINDS = ['suggestion', 'complaint'] as const;
export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export const FEEDBACK_STATUSES = ['open', 'answered'] as const;
export type FeedbackStatus = (typeof FEEDBACK_STATUSES)[number];

/** Days within which the association answers: a complaint within a week, a suggestion within two. */
export const RESPONSE_DAYS: Readonly<Record<FeedbackKind, number>> = { complaint: 7, suggestion: 14 };

export const FEEDBACK_MESSAGE_MAX_LENGTH = 2000;
export const FEEDBACK_NAME_MAX_LENGTH = 120;

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value);
}

export function respondBy(kind: FeedbackKind, receivedAt: Date): Date {
  return new Date(receivedAt.getTime() + RESPONSE_DAYS[kind] * 86_400_000);
}

export function isOverdue(item: { status: string; respondBy: Date }, now: Date): boolean {
  return item.status === 'open' && item.respondBy.getTime() < now.getTime();
}

/** `MZL-C-000012` for a complaint, `MZL-S-000012` for a suggestion: the id, so it needs no counter. */
export function feedbackReference(prefix: string, kind: FeedbackKind, id: number): string {
  return `${prefix}-${kind === 'complaint' ? 'C' : 'S'}-${String(id).padStart(6, '0')}`;
}

/** The owner is the manager with the fewest open items (the lowest id on a tie); null when there is no manager. */
export function chooseOwner(managers: readonly { id: number; openCount: number }[]): number | null {
  const sorted = [...managers].sort((a, b) => a.openCount - b.openCount || a.id - b.id);
  return sorted[0]?.id ?? null;
}
