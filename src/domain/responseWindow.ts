/** Policy: a decision is not communicated before this many days have passed since submission. */
export const MIN_RESPONSE_WINDOW_DAYS = 14;

const DAY_MS = 86_400_000;

export function responseWindowOpensAt(submittedAt: Date, days: number): Date {
  if (!Number.isInteger(days) || days < MIN_RESPONSE_WINDOW_DAYS) {
    throw new RangeError(
      `Response window must be a whole number of days ≥ ${MIN_RESPONSE_WINDOW_DAYS}`,
    );
  }
  return new Date(submittedAt.getTime() + days * DAY_MS);
}

export function isResponseWindowOpen(opensAt: Date, now: Date): boolean {
  return now.getTime() >= opensAt.getTime();
}

export function isDecisionReleasable(
  {
    decidedAt,
    releasedAt,
    windowOpensAt,
  }: { decidedAt: Date | null; releasedAt: Date | null; windowOpensAt: Date },
  now: Date,
): boolean {
  return decidedAt !== null && releasedAt === null && isResponseWindowOpen(windowOpensAt, now);
}

/** Completed 24-hour periods; never negative even if clocks disagree. */
export function daysWaiting(submittedAt: Date, now: Date): number {
  return Math.max(0, Math.floor((now.getTime() - submittedAt.getTime()) / DAY_MS));
}

export function isOverdue(
  { submittedAt, decided }: { submittedAt: Date; decided: boolean },
  now: Date,
  overdueDays: number,
): boolean {
  return !decided && now.getTime() - submittedAt.getTime() >= overdueDays * DAY_MS;
}
