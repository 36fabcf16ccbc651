import express, { type Request, type Response } from 'express';
import { todayIso } from '../../domain/dates.ts';
import { RELATIONS, makeHouseholdMemberSchema, parseForm } from '../../domain/requestForm.ts';
import { beneficiaryContext, requireBeneficiary } from '../../middleware/requireBeneficiary.ts';
import type { Services } from '../../services/index.ts';
import { parseId } from '../context.ts';
import { formState } from '../forms.ts';
import { dateValues, editableRequest, renderStep, returnToOf, typedValues } from './applyHelpers.ts';
import { nextPath } from '../../domain/journeySteps.ts';
import { notFoundHandler } from '../../middleware/errorHandler.ts';

const MEMBER_FIELDS = ['fullName', 'relation', 'nationalId', 'monthlyIncome'] as const;

export function applyHouseholdRoutes(services: Services) {
  const router = express.Router();
  const schema = () => makeHouseholdMemberSchema({ today: todayIso(services.clock.now(), services.config.timeZone) });
  const suffix = (req: Request) => (returnToOf(req) ? '?returnTo=check' : '');

  router.get('/apply/household', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    renderStep(req, res, 'household', { request, members: request.householdMembers, suffix: suffix(req) });
  });

  // "Continue" records that the household was answered, even when the applicant lives alone.
  router.post('/apply/household', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    await services.applications.saveStep(request.id, 'household', {}, undefined, beneficiaryContext(req, res));
    res.redirect(303, nextPath('household', { returnTo: returnToOf(req) }));
  });

  const renderMember = (req: Request, res: Response, memberId: number | null, values: Record<string, unknown>, errors: { field: string; code: string }[] = []) =>
    res.status(errors.length ? 400 : 200).render('pages/apply/household-member', {
      pageTitleKey: memberId ? 'apply:household-member.changeTitle' : 'apply:household-member.title',
      backLink: `/apply/household${suffix(req)}`,
      action: `${memberId ? `/apply/household/${memberId}/change` : '/apply/household/add'}${suffix(req)}`,
      relations: RELATIONS,
      form: formState(values, errors),
    });

  router.get('/apply/household/add', requireBeneficiary, async (req, res) => {
    if (!(await editableRequest(services, req, res))) return;
    renderMember(req, res, null, {});
  });

  router.post('/apply/household/add', requireBeneficiary, async (req, res) => {
    const request = await editableRequest(services, req, res);
    if (!request) return;
    const form = parseForm(schema(), req.body);
    if (!form.ok) return renderMember(req, res, null, typedValues(req.body, MEMBER_FIELDS, ['birthDate']), form.errors);
    await services.applications.addHouseholdMember(request.id, form.data, undefined, beneficiaryContext(req, res));
    res.redirect(303, `/apply/household${suffix(req)}`);
  });

  const memberOf = async (req: Request, res: Response) => {
    const request = await editableRequest(services, req, res);
    if (!request) return null;
    const member = request.householdMembers.find((candidate) => candidate.id === parseId(req.params.memberId));
    if (!member) {
      notFoundHandler(req, res);
      return null;
    }
    return { request, member };
  };

  router.get('/apply/household/:memberId/change', requireBeneficiary, async (req, res) => {
    const found = await memberOf(req, res);
    if (!found) return;
    const { member } = found;
    renderMember(req, res, member.id, {
      fullName: member.fullName,
      relation: member.relation,
      nationalId: member.nationalId ?? '',
      monthlyIncome: member.monthlyIncome == null ? '' : String(member.monthlyIncome),
      birthDate: dateValues(member.birthDate, member.birthDateEntered),
    });
  });

  router.post('/apply/household/:memberId/change', requireBeneficiary, async (req, res) => {
    const found = await memberOf(req, res);
    if (!found) return;
    const form = parseForm(schema(), req.body);
    if (!form.ok) return renderMember(req, res, found.member.id, typedValues(req.body, MEMBER_FIELDS, ['birthDate']), form.errors);
    await services.applications.updateHouseholdMember(found.request.id, found.member.id, form.data, undefined, beneficiaryContext(req, res));
    res.redirect(303, `/apply/household${suffix(req)}`);
  });

  router.post('/apply/household/:memberId/remove', requireBeneficiary, async (req, res) => {
    const found = await memberOf(req, res);
    if (!found) return;
    await services.applications.removeHouseholdMember(found.request.id, found.member.id, undefined, beneficiaryContext(req, res));
    req.session.flashMessage = { key: 'apply:household.removed', params: { name: found.member.fullName } };
    res.redirect(303, `/apply/household${suffix(req)}`);
  });

  return router;
}
