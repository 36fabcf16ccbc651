import { gregorianDaysInMonth, isBefore, isoToDateParts, partsToIso, type IsoDate } from './dates.ts';

/**
 * What the committee approved. The amount and quantity are totals for the whole approval
 * (4500 riyals over 3 months is delivered as, say, three payments of 1500), and the approval runs
 * for `durationMonths` from the day it was decided.
 */
export interface ServiceApproval {
  supportType: string | null;
  amount: number | null;
  quantity: number | null;
  durationMonths: number | null;
  startsOn: IsoDate;
}

export interface ServiceDeliveryFacts {
  serviceType: string;
  amount: number | null;
  quantity: number | null;
  deliveredOn: IsoDate;
}

export const SERVICE_EXCEEDANCES = ['type', 'amount', 'quantity', 'duration'] as const;
export type ServiceExceedance = (typeof SERVICE_EXCEEDANCES)[number];

export const SERVICE_REASON_MAX_LENGTH = 1000;

export type ServiceDeliveryCheck = {
  errors: { field: string; code: string }[];
  exceedances: ServiceExceedance[];
};

/** Same day-of-month N months later; the 31st falls back to the month's last day. */
export function addMonths(iso: IsoDate, months: number): IsoDate {
  const { year, month, day } = isoToDateParts(iso);
  const index = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(index / 12);
  const targetMonth = (index % 12) + 1;
  return partsToIso({ year: targetYear, month: targetMonth, day: Math.min(day, gregorianDaysInMonth(targetYear, targetMonth)) });
}

/** The first day the approval no longer covers; null when it has no duration. */
export function approvalEndsOn(approval: ServiceApproval): IsoDate | null {
  return approval.durationMonths ? addMonths(approval.startsOn, approval.durationMonths) : null;
}

/** Where a delivery goes beyond the approval, given the services already delivered under it (cancelled ones left out). */
export function serviceExceedances(approval: ServiceApproval, delivered: readonly { amount: number | null; quantity: number | null }[], service: ServiceDeliveryFacts): ServiceExceedance[] {
  const exceedances: ServiceExceedance[] = [];
  if (approval.supportType !== null && service.serviceType !== approval.supportType) exceedances.push('type');
  const total = (pick: (row: { amount: number | null; quantity: number | null }) => number | null) =>
    delivered.reduce((sum, row) => sum + (pick(row) ?? 0), 0) + (pick(service) ?? 0);
  if (service.amount !== null && total((row) => row.amount) > (approval.amount ?? 0)) exceedances.push('amount');
  if (service.quantity !== null && total((row) => row.quantity) > (approval.quantity ?? 0)) exceedances.push('quantity');
  const endsOn = approvalEndsOn(approval);
  if (isBefore(service.deliveredOn, approval.startsOn) || (endsOn !== null && !isBefore(service.deliveredOn, endsOn))) exceedances.push('duration');
  return exceedances;
}

/**
 * The one rule for recording or correcting a delivery: never in the future, and anything beyond
 * the approval only with a written reason (the reason is kept with the service and in the audit).
 */
export function checkServiceDelivery(input: {
  approval: ServiceApproval;
  delivered: readonly { amount: number | null; quantity: number | null }[];
  service: ServiceDeliveryFacts;
  exceedReason: string | null;
  today: IsoDate;
}): ServiceDeliveryCheck {
  const errors: ServiceDeliveryCheck['errors'] = [];
  if (isBefore(input.today, input.service.deliveredOn)) errors.push({ field: 'deliveredOn-day', code: 'committee:errors.deliveredInFuture' });
  const exceedances = serviceExceedances(input.approval, input.delivered, input.service);
  const reason = input.exceedReason?.trim() ?? '';
  if (exceedances.length > 0 && reason === '') errors.push({ field: 'exceedReason', code: 'committee:errors.exceedReasonRequired' });
  if ([...reason].length > SERVICE_REASON_MAX_LENGTH) errors.push({ field: 'exceedReason', code: 'committee:errors.noteTooLong' });
  return { errors, exceedances };
}

/** Correcting or cancelling a recorded service always says why. */
export function changeReasonErrors(reason: string | null): { field: string; code: string }[] {
  const text = reason?.trim() ?? '';
  if (text === '') return [{ field: 'reason', code: 'committee:errors.changeReasonRequired' }];
  if ([...text].length > SERVICE_REASON_MAX_LENGTH) return [{ field: 'reason', code: 'committee:errors.noteTooLong' }];
  return [];
}
