import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { formatMobileForDisplay, parseSaudiMobile } from '../../domain/mobile.ts';
import type { Services } from '../../services/index.ts';
import { parseId, staffContext } from '../context.ts';
import { formState, keepTyped, type FieldError } from '../forms.ts';
import { redirectWithFlash, viewFormatters } from './caseworkHelpers.ts';

/**
 * What a relations officer does, having seen the person, so they can use their online account:
 * a one-time activation code, or a new recorded mobile. Both are audited.
 */
export function accountAccessRoutes(services: Services) {
  const router = express.Router();
  const officer = requireRole('relations_officer');
  // The mobile and activation pages show the beneficiary's file, and so do their refused forms.
  const readBeneficiary = requireCaseRead(services, 'beneficiary_file');
  const accounts = services.beneficiaryAccounts;

  const backTo = (req: Request, id: number) => {
    const requestId = parseId(req.body?.requestId);
    return requestId ? `/staff/requests/${requestId}` : `/staff/beneficiaries/${id}`;
  };

  // The code page names the person and the refusal shows their file again: a read of the beneficiary's file.
  router.post('/staff/beneficiaries/:id/activation-code', officer, readBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const delivery = req.body?.delivery === 'sms' ? 'sms' : 'show';
    const result = await accounts.issueActivationCode(staffContext(req), id, delivery);
    const back = backTo(req, id);
    if (!result.ok) return redirectWithFlash(req, res, back, result.code);
    if (!result.code) return redirectWithFlash(req, res, back, 'staff:activation.sent');
    // Shown once: never stored readable, never cached by the browser.
    res.set('Cache-Control', 'no-store');
    res.render('pages/staff/activationCode', {
      pageTitleKey: 'staff:activation.title',
      backLink: back,
      code: result.code,
      expiresAt: result.expiresAt,
      ...viewFormatters(req),
    });
  });

  async function renderMobile(req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[]) {
    const id = parseId(req.params.id);
    const record = id === null ? null : await accounts.record(id);
    if (!record) throw new NotFoundError();
    res.status(status).render('pages/staff/beneficiaryMobile', {
      pageTitleKey: 'staff:mobileChange.title',
      backLink: `/staff/beneficiaries/${record.id}`,
      beneficiary: record,
      formatMobile: formatMobileForDisplay,
      form: formState(values, errors),
    });
  }

  router.get('/staff/beneficiaries/:id/mobile', officer, readBeneficiary, (req, res) => renderMobile(req, res, 200, {}, []));

  router.post('/staff/beneficiaries/:id/mobile', officer, readBeneficiary, async (req, res) => {
    const id = parseId(req.params.id);
    if (id === null) throw new NotFoundError();
    const typed = keepTyped(req.body, ['mobile', 'identityChecked']);
    const errors: FieldError[] = [];
    const mobile = parseSaudiMobile(typed.mobile);
    if (!mobile.ok) errors.push({ field: 'mobile', code: mobile.code });
    if (typed.identityChecked !== 'yes') errors.push({ field: 'identityChecked', code: 'staff:mobileChange.identityRequired' });
    if (!mobile.ok || errors.length > 0) return renderMobile(req, res, 400, typed, errors);
    await accounts.changeMobileByOfficer(staffContext(req), id, mobile.e164);
    redirectWithFlash(req, res, `/staff/beneficiaries/${id}`, 'staff:mobileChange.done');
  });

  return router;
}
