/**
 * Rules for the de-identified export: what may leave the portal for reporting. Ages go in bands,
 * and no name, ID, mobile, e-mail, address below the city, bank account or free text is included.
 */
export const AGE_BANDS = ['under_18', '18_29', '30_44', '45_59', '60_plus', 'unknown'] as const;
export type AgeBand = (typeof AGE_BANDS)[number];

/** Age in whole years on `on` (ISO days), from an ISO birth date; null when the date is unusable. */
export function ageOn(birthDate: string | null, on: Date): number | null {
  if (!birthDate || !/^\d{4}-\d{2}-\d{2}$/.test(birthDate)) return null;
  const [year, month, day] = birthDate.split('-').map(Number) as [number, number, number];
  let age = on.getUTCFullYear() - year;
  if (on.getUTCMonth() + 1 < month || (on.getUTCMonth() + 1 === month && on.getUTCDate() < day)) age -= 1;
  return age >= 0 && age < 130 ? age : null;
}

export function ageBand(birthDate: string | null, on: Date): AgeBand {
  const age = ageOn(birthDate, on);
  if (age == null) return 'unknown';
  if (age < 18) return 'under_18';
  if (age < 30) return '18_29';
  if (age < 45) return '30_44';
  if (age < 60) return '45_59';
  return '60_plus';
}

/** The columns of the de-identified export, and nothing else. */
export const DEIDENTIFIED_COLUMNS = [
  'row',
  'ageBand',
  'city',
  'supportType',
  'status',
  'channel',
  'householdSize',
  'monthlyIncome',
  'monthlyRent',
  'submittedOn',
  'decidedOn',
  'outcome',
  'amountApproved',
  'amountDelivered',
] as const;
