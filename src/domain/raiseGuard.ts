import type { IsoDate } from './dates.ts';
import { isIdValidOn } from './requestForm.ts';
import { missingVerificationItems } from './verification.ts';

export const RAISE_BLOCKER_CODES = [
  'raise.verificationIncomplete',
  'raise.declarationMissingOrStale',
  'raise.referralOpen',
  'raise.idExpired',
] as const;
export type RaiseBlockerCode = (typeof RAISE_BLOCKER_CODES)[number];
/** `item` is set only for verificationIncomplete; the UI interpolates its label into the message. */
export type RaiseBlocker = { code: RaiseBlockerCode; item?: string };

export type RaiseGuardInput = {
  requiredItems: readonly string[];
  verificationLines: readonly { item: string; outcome: string }[];
  declarationValid: boolean;
  openReferralCount: number;
  idExpiryDate: IsoDate;
  submittedAt: IsoDate;
};

/** Everything that must hold before a case goes to the committee; empty means it may be raised. */
export function raiseBlockers(input: RaiseGuardInput): RaiseBlocker[] {
  const blockers: RaiseBlocker[] = missingVerificationItems(
    input.requiredItems,
    input.verificationLines,
  ).map((item) => ({ code: 'raise.verificationIncomplete', item }));
  if (!input.declarationValid) blockers.push({ code: 'raise.declarationMissingOrStale' });
  if (input.openReferralCount > 0) blockers.push({ code: 'raise.referralOpen' });
  if (!isIdValidOn(input.idExpiryDate, input.submittedAt)) blockers.push({ code: 'raise.idExpired' });
  return blockers;
}
