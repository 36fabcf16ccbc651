import type { z } from 'zod';
import type { IsoDate } from './dates.ts';
import {
  HOUSING_TYPES,
  MARITAL_STATUSES,
  NATIONALITIES,
  bankDetailsSchema,
  housingSchema,
  incomeSchema,
  makeContactSchema,
  makeEligibilitySchema,
  makePersonalDetailsSchema,
  makeSupportSchema,
} from './requestForm.ts';

/*
 * The beneficiary journey as data, after nfdiv-frontend's Step[]: each step says once which URL segment it
 * has, which answers it owns, how they are validated, how they read on "check your answers" and which staff
 * form groups it. Page order, progress, back links, resuming, the columns a save may write, the walk-in
 * forms and the signed snapshot are all derived from JOURNEY_STEPS, so a step (or a support program's extra
 * step) is added in one place.
 */

/** What a step's schema may depend on besides the posted form. */
export interface StepSchemaContext {
  today: IsoDate;
  /** The date the ID must still be valid on: the submission date, or today while drafting. */
  idValidOn: IsoDate;
  /** The applicant's own ID, whose first digit tells citizen from resident. */
  nationalId: string | null;
  serviceCities: readonly string[];
  supportTypes: readonly string[];
}

/** How an answer is typed: a date is four inputs (NAME-day, -month, -year, -calendar) and keeps what was typed. */
export type FieldKind = 'text' | 'choice' | 'yesNo' | 'date' | 'amount';

export interface StepField {
  readonly name: string;
  readonly kind: FieldKind;
  /** Fields shown under one sub-heading of their page (the income page's "income" and "obligations"). */
  readonly group?: string;
}

/** How a check-your-answers row shows its value; option rows name the label prefix of the value. */
export type CheckRowValue = 'text' | 'enteredDate' | 'amount' | 'iban' | 'household' | 'documents' | { readonly optionLabelPrefix: string };

export interface CheckRow {
  readonly labelKey: string;
  /** The answer shown; collection rows (household, documents) ignore it. */
  readonly field: string;
  readonly value: CheckRowValue;
  readonly qa: string;
  /** A row shown only for some answers (rent, for tenants). */
  readonly shownWhen?: (answers: Readonly<Record<string, unknown>>) => boolean;
}

/** The staff screens for a walk-in group several steps a page. */
export type StaffFormGroup = 'details' | 'household' | 'income';

export interface JourneyStepDefinition {
  /** The URL segment (/apply/<id>) and the id recorded in stepsCompleted. */
  readonly id: string;
  /** The answers the step owns and saves; a date also owns `<name>Entered`. Every one is signed. */
  readonly fields: readonly StepField[];
  /** Steps whose page edits a list rather than fields; saving them only records they were answered. */
  readonly collection?: 'household' | 'documents';
  readonly schema?: (context: StepSchemaContext) => z.ZodType;
  readonly options?: (context: StepSchemaContext) => Readonly<Record<string, readonly string[]>>;
  readonly checkHeadingKey: string;
  readonly checkRows: readonly CheckRow[];
  readonly staffGroup: StaffFormGroup;
  /** A step every answer of which is optional may be left unvisited; submission does not wait for it. */
  readonly requiredToSubmit: boolean;
  /** Sections that must be completed before this one can start (the task list shows "cannot start yet"). */
  readonly startsAfter?: readonly string[];
}

const rented = (answers: Readonly<Record<string, unknown>>) => answers.housingType === 'rented';

export const JOURNEY_STEPS = [
  {
    id: 'eligibility',
    fields: [
      { name: 'livesInServiceArea', kind: 'yesNo' },
      { name: 'city', kind: 'choice' },
    ],
    schema: (context) => makeEligibilitySchema(context.serviceCities),
    options: (context) => ({ city: context.serviceCities }),
    checkHeadingKey: 'apply:check.eligibility',
    checkRows: [{ labelKey: 'apply:eligibility.city', field: 'city', value: 'text', qa: 'check-eligibility' }],
    staffGroup: 'details',
    requiredToSubmit: true,
  },
  {
    id: 'personal',
    fields: [
      { name: 'fullName', kind: 'text' },
      { name: 'birthDate', kind: 'date' },
      { name: 'nationality', kind: 'choice' },
      { name: 'maritalStatus', kind: 'choice' },
      { name: 'idExpiryDate', kind: 'date' },
    ],
    schema: (context) => makePersonalDetailsSchema(context),
    options: () => ({ nationality: NATIONALITIES, maritalStatus: MARITAL_STATUSES }),
    checkHeadingKey: 'apply:check.personal',
    checkRows: [
      { labelKey: 'apply:personal.fullName', field: 'fullName', value: 'text', qa: 'check-fullName' },
      { labelKey: 'apply:personal.birthDate', field: 'birthDate', value: 'enteredDate', qa: 'check-birthDate' },
      { labelKey: 'apply:personal.nationality', field: 'nationality', value: { optionLabelPrefix: 'domain:options.nationality.' }, qa: 'check-nationality' },
      { labelKey: 'apply:personal.maritalStatus', field: 'maritalStatus', value: { optionLabelPrefix: 'domain:options.maritalStatus.' }, qa: 'check-maritalStatus' },
      { labelKey: 'apply:personal.idExpiryDate', field: 'idExpiryDate', value: 'enteredDate', qa: 'check-idExpiryDate' },
    ],
    staffGroup: 'details',
    requiredToSubmit: true,
  },
  {
    id: 'contact',
    fields: [
      { name: 'city', kind: 'choice' },
      { name: 'district', kind: 'text' },
      { name: 'email', kind: 'text' },
    ],
    schema: (context) => makeContactSchema(context.serviceCities),
    options: (context) => ({ city: context.serviceCities }),
    checkHeadingKey: 'apply:check.contact',
    checkRows: [
      { labelKey: 'apply:contact.city', field: 'city', value: 'text', qa: 'check-city' },
      { labelKey: 'apply:contact.district', field: 'district', value: 'text', qa: 'check-district' },
      { labelKey: 'apply:contact.email', field: 'email', value: 'text', qa: 'check-email' },
    ],
    staffGroup: 'details',
    requiredToSubmit: true,
  },
  {
    id: 'household',
    fields: [],
    collection: 'household',
    checkHeadingKey: 'apply:check.household',
    checkRows: [{ labelKey: 'apply:household.members', field: 'household', value: 'household', qa: 'check-household' }],
    staffGroup: 'household',
    requiredToSubmit: true,
  },
  {
    id: 'income',
    fields: [
      { name: 'incomeSalary', kind: 'amount', group: 'income' },
      { name: 'incomeSocialSecurity', kind: 'amount', group: 'income' },
      { name: 'incomePension', kind: 'amount', group: 'income' },
      { name: 'incomeOther', kind: 'amount', group: 'income' },
      { name: 'obligationLoans', kind: 'amount', group: 'obligations' },
      { name: 'obligationOther', kind: 'amount', group: 'obligations' },
    ],
    schema: () => incomeSchema,
    checkHeadingKey: 'apply:check.income',
    checkRows: [
      { labelKey: 'apply:income.incomeSalary', field: 'incomeSalary', value: 'amount', qa: 'check-incomeSalary' },
      { labelKey: 'apply:income.incomeSocialSecurity', field: 'incomeSocialSecurity', value: 'amount', qa: 'check-incomeSocialSecurity' },
      { labelKey: 'apply:income.incomePension', field: 'incomePension', value: 'amount', qa: 'check-incomePension' },
      { labelKey: 'apply:income.incomeOther', field: 'incomeOther', value: 'amount', qa: 'check-incomeOther' },
      { labelKey: 'apply:income.obligationLoans', field: 'obligationLoans', value: 'amount', qa: 'check-obligationLoans' },
      { labelKey: 'apply:income.obligationOther', field: 'obligationOther', value: 'amount', qa: 'check-obligationOther' },
    ],
    staffGroup: 'income',
    requiredToSubmit: true,
  },
  {
    id: 'housing',
    fields: [
      { name: 'housingType', kind: 'choice' },
      { name: 'monthlyRent', kind: 'amount' },
    ],
    schema: () => housingSchema,
    options: () => ({ housingType: HOUSING_TYPES }),
    checkHeadingKey: 'apply:check.housing',
    checkRows: [
      { labelKey: 'apply:housing.housingType', field: 'housingType', value: { optionLabelPrefix: 'domain:options.housingType.' }, qa: 'check-housingType' },
      { labelKey: 'apply:housing.monthlyRent', field: 'monthlyRent', value: 'amount', qa: 'check-monthlyRent', shownWhen: rented },
    ],
    staffGroup: 'details',
    requiredToSubmit: true,
  },
  {
    id: 'support',
    fields: [
      { name: 'supportType', kind: 'choice' },
      { name: 'needDescription', kind: 'text' },
    ],
    schema: (context) => makeSupportSchema(context.supportTypes),
    options: (context) => ({ supportType: context.supportTypes }),
    checkHeadingKey: 'apply:check.support',
    checkRows: [
      { labelKey: 'apply:support.supportType', field: 'supportType', value: { optionLabelPrefix: 'domain:supportTypes.' }, qa: 'check-supportType' },
      { labelKey: 'apply:support.needDescriptionLabel', field: 'needDescription', value: 'text', qa: 'check-needDescription' },
    ],
    staffGroup: 'details',
    requiredToSubmit: true,
  },
  {
    // The applicant's own account, so the IBAN the association pays into is part of what they sign.
    id: 'bank',
    fields: [{ name: 'iban', kind: 'text' }],
    schema: () => bankDetailsSchema,
    checkHeadingKey: 'apply:check.bank',
    checkRows: [{ labelKey: 'apply:bank.iban', field: 'iban', value: 'iban', qa: 'check-iban' }],
    staffGroup: 'income',
    requiredToSubmit: false,
  },
  {
    id: 'documents',
    fields: [],
    collection: 'documents',
    // Which documents help depends on the support asked for.
    startsAfter: ['support'],
    checkHeadingKey: 'apply:check.documents',
    checkRows: [{ labelKey: 'apply:documents.attached', field: 'documents', value: 'documents', qa: 'check-documents' }],
    staffGroup: 'income',
    requiredToSubmit: true,
  },
] as const satisfies readonly JourneyStepDefinition[];

export type StepId = (typeof JOURNEY_STEPS)[number]['id'];
export type JourneyStep = (typeof JOURNEY_STEPS)[number];
/** Every answer a step owns: the names the signed snapshot must carry. */
export type SignedFieldName = JourneyStep['fields'][number]['name'];

/** Pages of the journey that are not steps: the summary, the declaration, and the way out. */
export type JourneyPage = StepId | 'check' | 'declaration' | 'not-eligible';

export interface JourneyAnswers {
  livesInServiceArea?: boolean | null;
  /** Set when the page was reached from a "Change" link on the check-your-answers page. */
  returnTo?: string | null;
}

export const STEP_IDS: readonly StepId[] = JOURNEY_STEPS.map((step) => step.id);

/** Numbered pages, for "step 3 of 10": the steps, then check your answers. */
export const NUMBERED_PAGES: readonly JourneyPage[] = [...STEP_IDS, 'check'];

export function isStepId(id: string): id is StepId {
  return (STEP_IDS as readonly string[]).includes(id);
}

/** The step's own definition, its schema's output type included. */
export function stepById<Id extends StepId>(id: Id): Extract<JourneyStep, { id: Id }> {
  const step = JOURNEY_STEPS.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step as Extract<JourneyStep, { id: Id }>;
}

export function pathOf(page: JourneyPage): string {
  return `/apply/${page}`;
}

/**
 * The journey with a support program's own steps (its questions, its documents) placed before `before`:
 * every function below takes the composed list, so the program's answers are saved, checked, listed on the
 * hub and signed like any other (issue 16 plugs in here, as data).
 */
export function journeyWith(extraSteps: readonly JourneyStepDefinition[], before: string = 'documents'): JourneyStepDefinition[] {
  const steps: JourneyStepDefinition[] = [...JOURNEY_STEPS];
  const at = steps.findIndex((step) => step.id === before);
  steps.splice(at < 0 ? steps.length : at, 0, ...extraSteps);
  return steps;
}

const numberedPagesOf = (steps: readonly JourneyStepDefinition[]): readonly string[] =>
  steps === JOURNEY_STEPS ? NUMBERED_PAGES : [...steps.map((step) => step.id), 'check'];

/** The page after `page`: the following numbered page, check your answers after a change, or the way out. */
export function nextPage(page: JourneyPage, answers: JourneyAnswers, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): JourneyPage {
  if (page === 'eligibility' && answers.livesInServiceArea === false) return 'not-eligible';
  if (page === 'check' || page === 'declaration') return 'declaration';
  if (page === 'not-eligible') return 'not-eligible';
  if (answers.returnTo === 'check') return 'check';
  const pages = numberedPagesOf(steps);
  return (pages[pages.indexOf(page) + 1] ?? 'check') as JourneyPage;
}

export function nextPath(page: JourneyPage, answers: JourneyAnswers, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string {
  return pathOf(nextPage(page, answers, steps));
}

/** "Step 3 of 10": numbered pages only. */
export function progressOf(page: JourneyPage, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): { current: number; total: number } | null {
  const pages = numberedPagesOf(steps);
  const index = pages.indexOf(page);
  return index < 0 ? null : { current: index + 1, total: pages.length };
}

/** The previous page in the plain order; from a "Change" link it is the check page. */
export function backPathOf(page: JourneyPage, answers: JourneyAnswers = {}, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string {
  if (answers.returnTo === 'check' && page !== 'check') return pathOf('check');
  if (page === 'declaration') return pathOf('check');
  const pages = numberedPagesOf(steps);
  const index = pages.indexOf(page);
  const previous = index > 0 ? pages[index - 1] : undefined;
  return previous ? pathOf(previous as JourneyPage) : '/apply';
}

/** Where a returning applicant continues: the first step not yet saved, else the check page. */
export function resumePath(completed: ReadonlySet<string>, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string {
  return pathOf((steps.find((step) => !completed.has(step.id))?.id ?? 'check') as JourneyPage);
}

/** Steps that must be saved before the request can be submitted, in journey order. */
export function missingRequiredSteps(completed: ReadonlySet<string>, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string[] {
  return steps.filter((step) => step.requiredToSubmit && !completed.has(step.id)).map((step) => step.id);
}

/** The stored stepsCompleted list, in journey order, after saving `saved`. */
export function completedStepsAfter(completed: ReadonlySet<string>, saved: string, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string {
  return steps.map((step) => step.id).filter((id) => id === saved || completed.has(id)).join(',');
}

export function stepsCompletedOf(request: { stepsCompleted: string }): Set<string> {
  return new Set(request.stepsCompleted.split(',').filter(Boolean));
}

/** The columns a step's save may write: its fields, and for each date the calendar and numbers as typed. */
export function ownedColumns(step: JourneyStepDefinition): string[] {
  return step.fields.flatMap((field) => (field.kind === 'date' ? [field.name, `${field.name}Entered`] : [field.name]));
}

/** The form inputs a step's page posts: a date is four inputs. */
export function inputNames(step: JourneyStepDefinition): string[] {
  return step.fields.flatMap((field) =>
    field.kind === 'date' ? ['day', 'month', 'year', 'calendar'].map((part) => `${field.name}-${part}`) : [field.name],
  );
}

export function dateFieldsOf(step: JourneyStepDefinition): string[] {
  return step.fields.filter((field) => field.kind === 'date').map((field) => field.name);
}

export function plainFieldsOf(step: JourneyStepDefinition): string[] {
  return step.fields.filter((field) => field.kind !== 'date').map((field) => field.name);
}

export function stepsInStaffGroup(group: StaffFormGroup, steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): JourneyStepDefinition[] {
  return steps.filter((step) => step.staffGroup === group);
}

/** Each answer once, in journey order (the city is asked at eligibility and confirmed with the address). */
export function signedFieldNames(steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS): string[] {
  return [...new Set(steps.flatMap((step) => step.fields.map((field) => field.name)))];
}

export const SIGNED_FIELD_NAMES = signedFieldNames() as readonly SignedFieldName[];

/**
 * The schema context for one request: while the applicant can still (re)submit, the ID must be valid
 * today, the day it will be sent; once it has been sent, on the submission date.
 */
export function stepSchemaContext(input: {
  today: IsoDate;
  stillToBeSent: boolean;
  submittedOn: IsoDate | null;
  nationalId: string | null;
  serviceCities: readonly string[];
  supportTypes: readonly string[];
}): StepSchemaContext {
  const { stillToBeSent, submittedOn, ...rest } = input;
  return { ...rest, idValidOn: stillToBeSent || !submittedOn ? input.today : submittedOn };
}

export type SectionStatus = 'notStarted' | 'inProgress' | 'completed' | 'cannotStartYet';

export interface TaskListSection {
  id: string;
  status: SectionStatus;
}

export interface TaskList {
  sections: TaskListSection[];
  completedCount: number;
  /** "Check your answers and send" opens once every section submission waits for is completed. */
  canCheckAndSend: boolean;
}

/**
 * The application hub's task list: one section a step after the eligibility check (answered before
 * signing in). A section is completed once the applicant has saved it; in progress when it holds
 * something of its own (a household member, a document, a field no earlier step also asks) not yet saved.
 */
export function taskListOf(
  request: { stepsCompleted: string; householdCount: number; documentCount: number; answers: Readonly<Record<string, unknown>> },
  steps: readonly JourneyStepDefinition[] = JOURNEY_STEPS,
): TaskList {
  const completed = stepsCompletedOf(request);
  const askedEarlier = new Set<string>();
  const sections: TaskListSection[] = [];
  for (const step of steps) {
    const ownFields = step.fields.map((field) => field.name).filter((name) => !askedEarlier.has(name));
    for (const field of step.fields) askedEarlier.add(field.name);
    if (step.id === 'eligibility') continue;
    const started =
      (step.collection === 'household' && request.householdCount > 0) ||
      (step.collection === 'documents' && request.documentCount > 0) ||
      ownFields.some((name) => request.answers[name] != null && request.answers[name] !== '');
    const blocked = (step.startsAfter ?? []).some((id) => !completed.has(id));
    const status: SectionStatus = completed.has(step.id) ? 'completed' : blocked ? 'cannotStartYet' : started ? 'inProgress' : 'notStarted';
    sections.push({ id: step.id, status });
  }
  return {
    sections,
    completedCount: sections.filter((section) => section.status === 'completed').length,
    canCheckAndSend: steps.every((step) => !step.requiredToSubmit || completed.has(step.id)),
  };
}
