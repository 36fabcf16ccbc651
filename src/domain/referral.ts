/** Why an officer refers a case to the social research officer (the policy's two grounds). */
export const REFERRAL_REASONS = ['procedures_unclear', 'needs_study'] as const;
export type ReferralReason = (typeof REFERRAL_REASONS)[number];
export const REFERRAL_TEXT_MAX_LENGTH = 2000;

export function isReferralReason(value: unknown): value is ReferralReason {
  return (REFERRAL_REASONS as readonly unknown[]).includes(value);
}
