import { NotFoundError } from '../../services/errors.ts';
import express, { type Request, type Response } from 'express';
import { requireRole } from '../../middleware/requireRole.ts';
import { requireCaseRead } from '../../middleware/requireCaseRead.ts';
import { shownParts, todayIso } from '../../domain/dates.ts';
import { dateFieldsOf, inputNames, JOURNEY_STEPS, plainFieldsOf, stepsInStaffGroup, type JourneyStepDefinition, type StepId } from '../../domain/journeySteps.ts';
import { HOUSING_TYPES, MARITAL_STATUSES, NATIONALITIES, RELATIONS, makeHouseholdMemberSchema, parseForm } from '../../domain/requestForm.ts';
import type { Services } from '../../services/index.ts';
import { schemaContextFor } from '../apply/applyHelpers.ts';
import { parseId, staffContext } from '../context.ts';
import { formState, refusalErrors, refusalOf, type FieldError } from '../forms.ts';
import { postedVersion, redirectWithFlash, requestIdFrom, viewFormatters } from './caseworkHelpers.ts';
import { uploadedFile } from '../uploads.ts';
import { declarationTextKey } from '../../domain/declaration.ts';

// Which steps each staff page groups, and the inputs it posts, come from the journey's step registry.
const DETAILS_STEPS = stepsInStaffGroup('details');
const INCOME_STEPS = stepsInStaffGroup('income');
const DATE_FIELDS = JOURNEY_STEPS.flatMap((step) => dateFieldsOf(step));
const STORED_FIELDS = JOURNEY_STEPS.flatMap((step) => plainFieldsOf(step));
const inputsOf = (steps: readonly JourneyStepDefinition[]) => [...new Set(steps.flatMap((step) => inputNames(step)))];
const DETAILS_FIELDS = inputsOf(DETAILS_STEPS);
const INCOME_FIELDS = inputsOf(INCOME_STEPS);
const AMOUNT_FIELDS = INCOME_STEPS.flatMap((step) => step.fields.filter((field) => field.kind === 'amount').map((field) => field.name));
const MEMBER_FIELDS = ['fullName', 'relation', 'nationalId', 'monthlyIncome', 'birthDate-day', 'birthDate-month', 'birthDate-year', 'birthDate-calendar'];

function typedValues(body: unknown, fields: string[]): Record<string, string> {
  const source = (body ?? {}) as Record<string, unknown>;
  return Object.fromEntries(fields.filter((field) => typeof source[field] === 'string').map((field) => [field, String(source[field]).slice(0, 5000)]));
}

/** The stored answers as the inputs show them; dates go back into their three boxes. */
function storedValues(request: Record<string, unknown>, fields: string[]): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const field of fields) {
    const value = request[field];
    if (value !== null && value !== undefined) values[field] = typeof value === 'boolean' ? (value ? 'yes' : 'no') : String(value);
  }
  for (const field of DATE_FIELDS) {
    const iso = request[field];
    if (typeof iso === 'string') {
      const entered = request[`${field}Entered`];
      const { calendar, parts } = shownParts(iso, typeof entered === 'string' ? entered : null);
      Object.assign(values, { [`${field}-day`]: String(parts.day), [`${field}-month`]: String(parts.month), [`${field}-year`]: String(parts.year), [`${field}-calendar`]: calendar });
    }
  }
  return values;
}

/**
 * Staff screens for a walk-in's application: several questions a page, but the same schemas and
 * the same saveStep as the online journey, so the data and its validation cannot drift apart.
 */
export function walkInFormRoutes(services: Services) {
  const router = express.Router();
  const officer = requireRole('relations_officer');
  const readFile = requireCaseRead(services, 'request_file');
  const { reception, applications, config, clock } = services;

  async function render(req: Request, res: Response, view: string, titleKey: string, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) {
    const file = await reception.requestFile(requestIdFrom(req), staffContext(req));
    const stored = storedValues(file.request as unknown as Record<string, unknown>, STORED_FIELDS);
    res.status(status).render(view, {
      pageTitleKey: titleKey,
      backLink: `/staff/requests/${file.request.id}`,
      file,
      conflict,
      options: { nationalities: NATIONALITIES, maritalStatuses: MARITAL_STATUSES, relations: RELATIONS, housingTypes: HOUSING_TYPES },
      serviceCities: config.serviceCities,
      amountFields: AMOUNT_FIELDS,
      supportTypes: config.supportTypes,
      form: formState({ ...stored, ...values }, errors),
      ...viewFormatters(req),
    });
  }

  /** Each step's own schema over the one posted page; steps that only record a list (documents) pass as answered. */
  async function parseSteps(req: Request, steps: readonly JourneyStepDefinition[]) {
    const request = await applications.get(requestIdFrom(req), staffContext(req));
    const context = schemaContextFor(services, request);
    return steps.map((step) => [step.id as StepId, step.schema ? parseForm(step.schema(context), req.body) : { ok: true as const, data: {} }] as const);
  }

  /** Saves the steps in order, each with the version the previous one produced. */
  async function saveSteps(req: Request, steps: [StepId, Record<string, unknown>][]) {
    let version = postedVersion(req);
    for (const [step, data] of steps) version = await applications.saveStep(requestIdFrom(req), step, data, version, staffContext(req));
  }

  async function attempt(req: Request, res: Response, retry: (status: number, errors: FieldError[], conflict: boolean) => Promise<void>, work: () => Promise<void>) {
    try {
      await work();
      return true;
    } catch (error) {
      const refusal = refusalOf(error);
      await retry(refusal.status, refusalErrors(refusal), refusal.kind === 'conflict');
      return false;
    }
  }

  // Personal details, contact, housing and the support asked for, on one page.
  const details = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) =>
    render(req, res, 'pages/staff/walkInDetails', 'staff:details.title', status, values, errors, conflict);
  router.get('/staff/requests/:id/details', readFile, (req, res) => details(req, res, 200, {}, []));
  router.post('/staff/requests/:id/details', officer, readFile, async (req, res) => {
    const typed = typedValues(req.body, DETAILS_FIELDS);
    const parts = await parseSteps(req, DETAILS_STEPS);
    const errors = parts.flatMap(([, result]) => (result.ok ? [] : result.errors));
    const unique = errors.filter((error, index) => errors.findIndex((other) => other.field === error.field) === index);
    if (unique.length > 0) return details(req, res, 400, typed, unique);
    const steps = parts.map(([step, result]) => [step, result.ok ? (result.data as Record<string, unknown>) : {}] as [StepId, Record<string, unknown>]);
    const saved = await attempt(req, res, (status, errs, conflict) => details(req, res, status, typed, errs, conflict), () => saveSteps(req, steps));
    if (saved) res.redirect(303, `/staff/requests/${requestIdFrom(req)}/household`);
  });

  // Household: add and remove members, then confirm the list.
  const household = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) =>
    render(req, res, 'pages/staff/walkInHousehold', 'staff:household.title', status, values, errors, conflict);
  router.get('/staff/requests/:id/household', readFile, (req, res) => household(req, res, 200, {}, []));
  router.post('/staff/requests/:id/household', officer, readFile, async (req, res) => {
    const id = requestIdFrom(req);
    const typed = typedValues(req.body, MEMBER_FIELDS);
    if (req.body?.intent === 'done') {
      const saved = await attempt(req, res, (status, errs, conflict) => household(req, res, status, {}, errs, conflict), () => saveSteps(req, [['household', {}]]));
      if (saved) res.redirect(303, `/staff/requests/${id}/income`);
      return;
    }
    const result = parseForm(makeHouseholdMemberSchema({ today: todayIso(clock.now(), config.timeZone) }), req.body);
    if (!result.ok) return household(req, res, 400, typed, result.errors);
    const saved = await attempt(req, res, (status, errs, conflict) => household(req, res, status, typed, errs, conflict), async () => {
      await applications.addHouseholdMember(id, result.data, postedVersion(req), staffContext(req));
    });
    if (saved) redirectWithFlash(req, res, `/staff/requests/${id}/household`, 'staff:flash.memberAdded');
  });
  router.post('/staff/requests/:id/household/:memberId/remove', officer, readFile, async (req, res) => {
    const id = requestIdFrom(req);
    const memberId = parseId(req.params.memberId);
    if (memberId === null) throw new NotFoundError();
    const saved = await attempt(req, res, (status, errs, conflict) => household(req, res, status, {}, errs, conflict), () =>
      applications.removeHouseholdMember(id, memberId, postedVersion(req), staffContext(req)),
    );
    if (saved) redirectWithFlash(req, res, `/staff/requests/${id}/household`, 'staff:flash.memberRemoved');
  });

  // Income and obligations; the paper documents are checked on the verification checklist.
  const income = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) =>
    render(req, res, 'pages/staff/walkInIncome', 'staff:income.title', status, values, errors, conflict);
  router.get('/staff/requests/:id/income', readFile, (req, res) => income(req, res, 200, {}, []));
  router.post('/staff/requests/:id/income', officer, readFile, async (req, res) => {
    const typed = typedValues(req.body, INCOME_FIELDS);
    const parts = await parseSteps(req, INCOME_STEPS);
    const errors = parts.flatMap(([, result]) => (result.ok ? [] : result.errors));
    if (errors.length > 0) return income(req, res, 400, typed, errors);
    const steps = parts.map(([step, result]) => [step, result.ok ? (result.data as Record<string, unknown>) : {}] as [StepId, Record<string, unknown>]);
    const saved = await attempt(req, res, (status, errs, conflict) => income(req, res, status, typed, errs, conflict), () => saveSteps(req, steps));
    if (saved) res.redirect(303, `/staff/requests/${requestIdFrom(req)}/sign`);
  });

  // Signing in person, witnessed by the officer; the scan of the paper form is optional.
  const sign = (req: Request, res: Response, status: number, values: Record<string, unknown>, errors: FieldError[], conflict = false) => {
    // The officer reads out the same versioned words the online applicant signs.
    res.locals.declarationTextKey = declarationTextKey();
    return render(req, res, 'pages/staff/sign', 'staff:sign.title', status, values, errors, conflict);
  };
  router.get('/staff/requests/:id/sign', readFile, (req, res) => sign(req, res, 200, {}, []));
  router.post('/staff/requests/:id/sign', officer, readFile, async (req, res) => {
    const id = requestIdFrom(req);
    const typed = typedValues(req.body, ['signatureName', 'signedBeforeMe']);
    const context = staffContext(req);
    const received = uploadedFile(req, 'scan');
    if (!received.ok) {
      const code = received.problem === 'tooLarge' ? 'apply:errors.documentTooLarge' : 'apply:errors.documentUpload';
      return sign(req, res, 400, typed, [{ field: 'scan', code }]);
    }
    const scan = received.file;
    // Refused before the scan is stored, so a refused attempt leaves no document behind.
    let precheck: Awaited<ReturnType<typeof reception.inPersonSignatureRefusal>> | null = null;
    const checked = await attempt(req, res, (status, errs, conflict) => sign(req, res, status, typed, errs, conflict), async () => {
      precheck = await reception.inPersonSignatureRefusal(id, { signatureName: typed.signatureName, signedBeforeMe: typed.signedBeforeMe }, context);
    });
    if (!checked || !precheck) return;
    const refusal = precheck as Awaited<ReturnType<typeof reception.inPersonSignatureRefusal>>;
    if (!refusal.ok) return sign(req, res, 400, typed, refusal.errors);
    let scanDocumentId: number | null = null;
    type SignOutcome = Awaited<ReturnType<typeof reception.signInPerson>> | { ok: false; errors: FieldError[] };
    let outcome: SignOutcome | null = null;
    const done = await attempt(req, res, (status, errs, conflict) => sign(req, res, status, typed, errs, conflict), async () => {
      // The scan is stored first so the signature covers it, as it covers every other document.
      if (scan && scan.buffer.length > 0) {
        const stored = await services.documents.upload(id, { ...scan, kind: 'other' }, context);
        if (!stored.ok) {
          outcome = { ok: false, errors: [{ field: 'scan', code: stored.code, params: stored.params }] };
          return;
        }
        scanDocumentId = stored.documentId;
      }
      const version = scanDocumentId === null ? postedVersion(req) : (await applications.get(id, context)).version;
      try {
        outcome = await reception.signInPerson(id, { signatureName: typed.signatureName, signedBeforeMe: typed.signedBeforeMe, scanDocumentId }, version, context);
      } finally {
        if (scanDocumentId !== null && !(outcome as SignOutcome | null)?.ok) await services.documents.remove(id, scanDocumentId, context);
      }
    });
    if (!done || !outcome) return;
    const result = outcome as SignOutcome;
    if (!result.ok) return sign(req, res, 400, typed, result.errors);
    redirectWithFlash(req, res, `/staff/requests/${id}`, 'staff:flash.signed');
  });

  return router;
}
