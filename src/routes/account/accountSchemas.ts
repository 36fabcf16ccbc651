import { z } from 'zod';
import { parseNationalId } from '../../domain/nationalId.ts';
import { parseSaudiMobile } from '../../domain/mobile.ts';
import { normalizeNumberInput } from '../../domain/digits.ts';
import { ACTIVATION_CODE_LENGTH } from '../../domain/accountBinding.ts';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 200;

const fail = (ctx: z.RefinementCtx, code: string, path: string[] = []) => {
  ctx.addIssue({ code: 'custom', message: code, path });
  return z.NEVER;
};

const nationalId = z.unknown().transform((input, ctx) => {
  const result = parseNationalId(input);
  return result.ok ? result.value : fail(ctx, result.code);
});

const mobile = z.unknown().transform((input, ctx) => {
  const result = parseSaudiMobile(input);
  return result.ok ? result.e164 : fail(ctx, result.code);
});

const newPassword = z.unknown().transform((input, ctx) => {
  const value = typeof input === 'string' ? input : '';
  if (value === '') return fail(ctx, 'account:errors.passwordRequired');
  if (value.length < PASSWORD_MIN_LENGTH) return fail(ctx, 'account:errors.passwordTooShort');
  if (value.length > PASSWORD_MAX_LENGTH) return fail(ctx, 'account:errors.passwordTooLong');
  return value;
});

const oneTimeCode = z.unknown().transform((input, ctx) => {
  const value = typeof input === 'string' ? normalizeNumberInput(input) : '';
  if (value === '') return fail(ctx, 'account:errors.codeRequired');
  return /^\d{6}$/.test(value) ? value : fail(ctx, 'account:errors.codeFormat');
});

/** Optional: given by a relations officer in person; forgiving of spaces and Arabic-Indic digits. */
const activationCode = z.unknown().optional().transform((input, ctx) => {
  const value = typeof input === 'string' ? normalizeNumberInput(input) : '';
  if (value === '') return null;
  return new RegExp(`^\\d{${ACTIVATION_CODE_LENGTH}}$`).test(value) ? value : fail(ctx, 'account:errors.activationCodeFormat');
});

export const registerSchema = z
  .object({
    nationalId,
    mobile,
    password: newPassword,
    passwordConfirm: z.unknown(),
    activationCode,
    privacyConsent: z.unknown().transform((input, ctx) => (input === 'yes' ? true : fail(ctx, 'account:errors.privacyConsentRequired'))),
  });

/** Checked apart from the schema so the mismatch is reported together with every other error. */
export function passwordConfirmError(body: unknown): { field: string; code: string } | null {
  const { password, passwordConfirm } = (body ?? {}) as Record<string, unknown>;
  return typeof password === 'string' && password !== '' && passwordConfirm !== password
    ? { field: 'passwordConfirm', code: 'account:errors.passwordMismatch' }
    : null;
}

export const loginSchema = z.object({
  nationalId,
  password: z.unknown().transform((input, ctx) =>
    typeof input === 'string' && input !== '' && input.length <= PASSWORD_MAX_LENGTH ? input : fail(ctx, 'account:errors.passwordRequired'),
  ),
});

export const verifySchema = z.object({ code: oneTimeCode });

export const passwordResetRequestSchema = z.object({ nationalId, mobile });

export const passwordResetSchema = z.object({ code: oneTimeCode, password: newPassword, passwordConfirm: z.unknown() });

export const mobileChangeSchema = z.object({ mobile });

export const mobileChangeConfirmSchema = z.object({ oldCode: oneTimeCode, newCode: oneTimeCode });

export const nafathStartSchema = z.object({ nationalId });

/** After Nafath proved the ID: the mobile to verify, and the privacy notice agreed to. */
export const nafathMobileSchema = z.object({
  mobile,
  privacyConsent: z.unknown().transform((input, ctx) => (input === 'yes' ? true : fail(ctx, 'account:errors.privacyConsentRequired'))),
});

export const newCodeSchema = z.object({ newCode: oneTimeCode });
