import express, { type Request, type Response } from 'express';
import { z } from 'zod';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import { maskMobile } from '../../domain/mobile.ts';
import type { Services } from '../../services/index.ts';
import { formState, keepTyped, parseForm, type FieldError } from '../forms.ts';

const emailSchema = z.object({
  email: z.unknown().transform((input, ctx) => {
    const value = typeof input === 'string' ? input.trim() : '';
    if (value === '') return null;
    if (value.length > 254 || !z.email().safeParse(value).success) {
      ctx.addIssue({ code: 'custom', message: 'profile:errors.emailInvalid' });
      return z.NEVER;
    }
    return value.toLowerCase();
  }),
});

/** The beneficiary's profile: mobile (its own pages), e-mail, message preferences and other sessions. */
export function accountProfileRoutes(services: Services) {
  const router = express.Router();

  const render = async (req: Request, res: Response, status = 200, values: Record<string, unknown> | null = null, errors: FieldError[] = []) => {
    const beneficiary = res.locals.beneficiary as { id: number; nationalId: string; mobile: string | null; email: string | null; nafathVerifiedAt: Date | null; passwordHash: string | null };
    const consent = await services.myData.consentState(beneficiary.id);
    res.status(status).render('pages/account/profile', {
      pageTitleKey: 'profile:title',
      nationalId: beneficiary.nationalId,
      mobile: beneficiary.mobile ? maskMobile(beneficiary.mobile) : null,
      optionalMessages: consent.optional_messages,
      signsInWith: beneficiary.passwordHash ? (beneficiary.nafathVerifiedAt ? 'both' : 'password') : 'nafath',
      form: formState(values ?? { email: beneficiary.email ?? '' }, errors),
    });
  };

  router.get('/account/profile', requireBeneficiary, (req, res) => render(req, res));

  router.post('/account/profile/email', requireBeneficiary, async (req, res) => {
    const form = parseForm(emailSchema, req.body);
    if (!form.ok) return render(req, res, 400, keepTyped(req.body, ['email']), form.errors);
    await services.profile.changeEmail(beneficiaryContext(req, res), form.data.email);
    req.session.flashMessage = { key: form.data.email ? 'profile:email.saved' : 'profile:email.removed' };
    res.redirect(303, '/account/profile');
  });

  router.post('/account/profile/sessions', requireBeneficiary, async (req, res) => {
    const ended = await services.profile.signOutOtherSessions(beneficiaryContext(req, res), req.sessionID);
    req.session.flashMessage = ended === 0 ? { key: 'profile:sessions.none' } : { key: 'profile:sessions.ended', params: { n: ended } };
    res.redirect(303, '/account/profile');
  });

  return router;
}
