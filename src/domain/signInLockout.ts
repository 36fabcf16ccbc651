/** Wrong passwords an account (staff or beneficiary) may take before it is locked, and for how long. */
export const MAX_FAILED_SIGN_INS = 5;
export const SIGN_IN_LOCKOUT_MINUTES = 15;

/** The failure just counted (the n-th in a row) locks the account until this time, or not at all. */
export function lockedUntilAfter(failures: number, now: Date): Date | null {
  return failures >= MAX_FAILED_SIGN_INS ? new Date(now.getTime() + SIGN_IN_LOCKOUT_MINUTES * 60_000) : null;
}
