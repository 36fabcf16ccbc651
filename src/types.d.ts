import type { TFunction } from 'i18next';
import type { Formatter } from './domain/formatting.ts';
import type { Language } from './i18n.ts';
import type { SignedInStaff } from './services/staffAuthService.ts';

declare module 'express-session' {
  interface SessionData {
    staffId?: number;
    beneficiaryId?: number;
    /** Post/redirect/get: what the user typed and what was wrong, shown once on the next GET. */
    flashForm?: { path: string; values: Record<string, unknown>; errors: { field: string; code: string }[] };
    flashMessage?: { key: string; params?: Record<string, string | number> };
    /** The registration waiting for its code; null when nothing may be bound (the page looks the same). */
    pendingMobileVerification?: number | null;
    /** The masked number the registration code went to, for the verify page. */
    registrationCodeSentTo?: string;
    /** The new mobile (E.164) a signed-in beneficiary asked to change to, between the two pages. */
    pendingMobileChange?: string;
    /** The national ID a password reset was asked for, between the two reset pages. */
    passwordResetFor?: string;
    beneficiaryReturnTo?: string;
    /** The Nafath request this browser is waiting on (src/routes/account/nafathController.ts). */
    nafathTransId?: string;
    /** The record Nafath proved this browser's user holds, until its mobile is verified. */
    nafathProven?: { beneficiaryId: number; at: number };
    /** Nafath stood in for the old number in a mobile change; then the new number, between its two pages. */
    nafathMobileChange?: { beneficiaryId: number; at: number; newMobile?: string };
    applyEligibility?: { livesInServiceArea: boolean; city: string };
  }
}

declare global {
  namespace Express {
    interface Request {
      language: Language;
      t: TFunction;
      /** Dates, times, counts, amounts and sizes in the page's language and the association's time zone. */
      format: Formatter;
      staff?: SignedInStaff;
      /** Set by parseMultipart when a multipart body broke one of its limits (the token was still read). */
      uploadError?: import('multer').MulterError;
    }
  }
}

export {};
