import type { Request, Response } from 'express';
import type { FullRequest } from '../../data/requestRepository.ts';
import { shownParts, todayIso } from '../../domain/dates.ts';
import { backPathOf, progressOf, stepSchemaContext, type JourneyPage, type StepSchemaContext } from '../../domain/journeySteps.ts';
import { isEditableByBeneficiary, type RequestStatus } from '../../domain/requestStatus.ts';
import type { Services } from '../../services/index.ts';
import { beneficiaryContext } from '../../middleware/requireBeneficiary.ts';
import { formState, type FieldError } from '../forms.ts';

export function returnToOf(req: Request): 'check' | null {
  return req.query.returnTo === 'check' ? 'check' : null;
}

/** The form action keeps the "came from check your answers" marker. */
export function actionFor(req: Request, path: string): string {
  return returnToOf(req) ? `${path}?returnTo=check` : path;
}

/** The open request the applicant may still change (a draft, or one returned for more information). */
export async function editableRequest(services: Services, req: Request, res: Response): Promise<FullRequest | null> {
  const context = beneficiaryContext(req, res);
  const open = await services.applications.findOpenForBeneficiary(context.id);
  if (!open || (open.status !== 'draft' && open.status !== 'needs_info')) {
    res.redirect(303, '/apply/resume');
    return null;
  }
  return open;
}

/** What the step schemas need to know about this request (its applicant's ID, when it was sent). */
export function schemaContextFor(services: Services, request: FullRequest | null): StepSchemaContext {
  return stepSchemaContext({
    today: todayIso(services.clock.now(), services.config.timeZone),
    stillToBeSent: !request || isEditableByBeneficiary(request.status as RequestStatus),
    submittedOn: request?.submittedAt ? todayIso(request.submittedAt, services.config.timeZone) : null,
    nationalId: request?.beneficiary.nationalId ?? null,
    serviceCities: services.config.serviceCities,
    supportTypes: services.config.supportTypes,
  });
}

export function progressText(req: Request, id: JourneyPage): string | null {
  const progress = progressOf(id);
  if (!progress) return null;
  return req.t('apply:progress', { current: req.format.count(progress.current), total: req.format.count(progress.total) });
}

export function renderStep(
  req: Request,
  res: Response,
  id: JourneyPage,
  locals: { request?: FullRequest; values?: Record<string, unknown>; errors?: FieldError[]; status?: number; [key: string]: unknown },
) {
  const { values = {}, errors = [], status = errors.length > 0 ? 400 : 200, ...rest } = locals;
  res.status(status).render(`pages/apply/${id}`, {
    pageTitleKey: `apply:${id}.title`,
    backLink: backPathOf(id, { returnTo: returnToOf(req) }),
    progress: progressText(req, id),
    action: actionFor(req, `/apply/${id}`),
    form: formState(values, errors),
    ...rest,
  });
}

/** A stored date comes back in the calendar and the very numbers the person typed; else in Gregorian. */
export function dateValues(iso: string | null | undefined, entered?: string | null) {
  if (!iso) return {};
  const { calendar, parts } = shownParts(iso, entered);
  return { day: String(parts.day), month: String(parts.month), year: String(parts.year), calendar };
}

/** What the applicant typed, echoed back on an error: plain fields and the date groups. */
export function typedValues(body: unknown, fields: readonly string[], dates: readonly string[] = []): Record<string, unknown> {
  const source = (body ?? {}) as Record<string, unknown>;
  const text = (value: unknown) => (typeof value === 'string' ? value.slice(0, 5000) : '');
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field] = text(source[field]);
  for (const date of dates) {
    values[date] = { day: text(source[`${date}-day`]), month: text(source[`${date}-month`]), year: text(source[`${date}-year`]), calendar: text(source[`${date}-calendar`]) };
  }
  return values;
}

export function valuesOf(request: FullRequest, fields: readonly string[]): Record<string, unknown> {
  const row = request as unknown as Record<string, unknown>;
  const values: Record<string, unknown> = {};
  for (const field of fields) values[field] = row[field] == null ? '' : String(row[field]);
  return values;
}
