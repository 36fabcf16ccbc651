/** PDPL implementing regulation: the authority is told of a personal-data incident within 72 hours of learning of it. */
export const NOTIFY_AUTHORITY_WITHIN_HOURS = 72;
const HOUR_MS = 3_600_000;

export function authorityDeadline(discoveredAt: Date): Date {
  return new Date(discoveredAt.getTime() + NOTIFY_AUTHORITY_WITHIN_HOURS * HOUR_MS);
}

export type AuthorityClock =
  | { state: 'notified'; onTime: boolean }
  | { state: 'running'; hoursLeft: number }
  | { state: 'late'; hoursLate: number };

export function authorityClock(incident: { discoveredAt: Date; authorityNotifiedAt: Date | null }, now: Date): AuthorityClock {
  const deadline = authorityDeadline(incident.discoveredAt);
  if (incident.authorityNotifiedAt) return { state: 'notified', onTime: incident.authorityNotifiedAt.getTime() <= deadline.getTime() };
  const left = deadline.getTime() - now.getTime();
  return left >= 0 ? { state: 'running', hoursLeft: Math.floor(left / HOUR_MS) } : { state: 'late', hoursLate: Math.ceil(-left / HOUR_MS) };
}
