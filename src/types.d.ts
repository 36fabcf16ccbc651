import type { TFunction } from 'i18next';
import type { Language } from './i18n.ts';
import type { SignedInStaff } from './services/staffAuthService.ts';

declare module 'express-session' {
  interface SessionData {
    staffId?: number;
    beneficiaryId?: number;
    /** Post/redirect/get: what the user typed and what was wrong, shown once on the next GET. */
    flashForm?: { path: string; values: Record<string, unknown>; errors: { field: string; code: string }[] };
    flashMessage?: { key: string; params?: Record<string, string | number> };
    pendingMobileVerification?: number;
    /** The national ID a password reset was asked for, between the two reset pages. */
    passwordResetFor?: string;
    beneficiaryReturnTo?: string;
    applyEligibility?: { livesInServiceArea: boolean; city: string };
  }
}

declare global {
  namespace Express {
    interface Request {
      language: Language;
      t: TFunction;
      staff?: SignedInStaff;
      /** Set by parseMultipart when a multipart body broke one of its limits (the token was still read). */
      uploadError?: import('multer').MulterError;
    }
  }
}

export {};
