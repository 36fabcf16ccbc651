import { describe, expect, it } from 'vitest';
import { hashRequestData, requestDataSnapshot } from '../../src/domain/declaration.ts';
import {
  JOURNEY_STEPS,
  NUMBERED_PAGES,
  SIGNED_FIELD_NAMES,
  completedStepsAfter,
  inputNames,
  missingRequiredSteps,
  nextPage,
  ownedColumns,
  stepById,
  stepSchemaContext,
  stepsInStaffGroup,
  taskListOf,
  journeyWith,
  progressOf,
  type JourneyStepDefinition,
} from '../../src/domain/journeySteps.ts';
import { parseForm } from '../../src/domain/requestForm.ts';

const context = stepSchemaContext({
  today: '2026-03-01',
  stillToBeSent: true,
  submittedOn: null,
  nationalId: '1000000008',
  serviceCities: ['الرياض'],
  supportTypes: ['rent'],
});

describe('the journey step registry', () => {
  it('lists the steps in the order the applicant meets them, then check your answers', () => {
    expect(JOURNEY_STEPS.map((step) => step.id)).toEqual(['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'bank', 'documents']);
    expect(NUMBERED_PAGES.at(-1)).toBe('check');
  });

  it('derives next(answers) from the order, the way out and the return to check', () => {
    expect(nextPage('support', {})).toBe('bank');
    expect(nextPage('bank', {})).toBe('documents');
    expect(nextPage('bank', { returnTo: 'check' })).toBe('check');
    expect(nextPage('eligibility', { livesInServiceArea: false, returnTo: 'check' })).toBe('not-eligible');
    expect(nextPage('check', {})).toBe('declaration');
  });

  it('gives every step a staff form group, a check-answers section and unique ids', () => {
    const groups = ['details', 'household', 'income'] as const;
    expect(groups.flatMap((group) => stepsInStaffGroup(group).map((step) => step.id)).sort()).toEqual(JOURNEY_STEPS.map((step) => step.id).sort());
    expect(stepsInStaffGroup('details').map((step) => step.id)).toEqual(['eligibility', 'personal', 'contact', 'housing', 'support']);
    expect(stepsInStaffGroup('income').map((step) => step.id)).toEqual(['income', 'bank', 'documents']);
    for (const step of JOURNEY_STEPS as readonly JourneyStepDefinition[]) {
      expect(step.checkRows.length, step.id).toBeGreaterThan(0);
      expect(step.fields.length > 0 || step.collection !== undefined, step.id).toBe(true);
    }
    expect(new Set(JOURNEY_STEPS.map((step) => step.id)).size).toBe(JOURNEY_STEPS.length);
  });

  it('derives the columns a save writes and the inputs a page posts (a date is four inputs and keeps what was typed)', () => {
    expect(ownedColumns(stepById('personal'))).toEqual(['fullName', 'birthDate', 'birthDateEntered', 'nationality', 'maritalStatus', 'idExpiryDate', 'idExpiryDateEntered']);
    expect(inputNames(stepById('personal'))).toContain('idExpiryDate-calendar');
    expect(ownedColumns(stepById('income'))).toEqual(['incomeSalary', 'incomeSocialSecurity', 'incomePension', 'incomeOther', 'obligationLoans', 'obligationOther']);
    expect(ownedColumns(stepById('household'))).toEqual([]);
  });

  it('waits for every required step before submission, not for the optional bank step', () => {
    const allButBank = new Set(['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'documents']);
    expect(missingRequiredSteps(allButBank)).toEqual([]);
    expect(missingRequiredSteps(new Set(['eligibility']))).toEqual(['personal', 'contact', 'household', 'income', 'housing', 'support', 'documents']);
    expect(completedStepsAfter(new Set(['support', 'eligibility']), 'bank')).toBe('eligibility,support,bank');
  });

  it('signs exactly the answers the declaration has always covered, each once', () => {
    // Changing this list changes every stored declaration's hash: existing signatures would all read as stale.
    expect([...SIGNED_FIELD_NAMES].sort()).toEqual(
      ['livesInServiceArea', 'city', 'fullName', 'birthDate', 'nationality', 'maritalStatus', 'idExpiryDate', 'district', 'email',
        'incomeSalary', 'incomeSocialSecurity', 'incomePension', 'incomeOther', 'obligationLoans', 'obligationOther',
        'housingType', 'monthlyRent', 'supportType', 'needDescription', 'iban'].sort(),
    );
  });

  it('puts a field added to a step into the signed snapshot', () => {
    const programStep: JourneyStepDefinition = {
      id: 'program-orphans',
      fields: [{ name: 'guardianName', kind: 'text' }],
      checkHeadingKey: 'apply:check.program',
      checkRows: [{ labelKey: 'apply:program.guardianName', field: 'guardianName', value: 'text', qa: 'check-guardianName' }],
      staffGroup: 'details',
      requiredToSubmit: true,
    };
    const steps = [...JOURNEY_STEPS, programStep];
    const input = { nationalId: '1000000008', answers: { fullName: 'فاطمة', guardianName: 'خالد' }, household: [], documents: [] };
    const snapshot = requestDataSnapshot(input, steps) as Record<string, unknown>;
    expect(snapshot.guardianName).toBe('خالد');
    expect(snapshot.iban).toBeNull();
    const changed = requestDataSnapshot({ ...input, answers: { ...input.answers, guardianName: 'سعد' } }, steps);
    expect(hashRequestData(changed)).not.toBe(hashRequestData(requestDataSnapshot(input, steps)));
    // Without the program's step, its answer is not part of what is signed.
    expect(requestDataSnapshot(input)).not.toHaveProperty('guardianName');
  });

  it('plugs a support program\'s own step into the order, the progress, the required steps and the hub', () => {
    const programStep: JourneyStepDefinition = {
      id: 'program-orphans',
      fields: [{ name: 'guardianName', kind: 'text' }],
      checkHeadingKey: 'apply:check.program',
      checkRows: [{ labelKey: 'apply:program.guardianName', field: 'guardianName', value: 'text', qa: 'check-guardianName' }],
      staffGroup: 'details',
      requiredToSubmit: true,
      startsAfter: ['support'],
    };
    const steps = journeyWith([programStep]);
    expect(steps.map((step) => step.id).slice(-3)).toEqual(['bank', 'program-orphans', 'documents']);
    expect(nextPage('bank', {}, steps)).toBe('program-orphans');
    expect(progressOf('check', steps)).toEqual({ current: 11, total: 11 });
    expect(missingRequiredSteps(new Set(['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'documents']), steps)).toEqual(['program-orphans']);
    const hub = taskListOf({ stepsCompleted: 'eligibility', householdCount: 0, documentCount: 0, answers: {} }, steps);
    expect(hub.sections.find((section) => section.id === 'program-orphans')?.status).toBe('cannotStartYet');
  });

  it('validates each step with its own schema, the personal step against the ID and the sending date', () => {
    const personal = (nationality: string, expiry: string[]) => ({
      fullName: 'فاطمة علي الزهراني', nationality, maritalStatus: 'single',
      'birthDate-day': '1', 'birthDate-month': '1', 'birthDate-year': '1990', 'birthDate-calendar': 'gregorian',
      'idExpiryDate-day': expiry[0], 'idExpiryDate-month': expiry[1], 'idExpiryDate-year': expiry[2], 'idExpiryDate-calendar': 'gregorian',
    });
    const schema = stepById('personal').schema(context);
    expect(parseForm(schema, personal('saudi', ['1', '3', '2026'])).ok).toBe(true);
    const errors = parseForm(schema, personal('non_saudi', ['28', '2', '2026']));
    expect(errors).toEqual({
      ok: false,
      errors: [
        { field: 'nationality', code: 'nationality.idMismatch' },
        { field: 'idExpiryDate-day', code: 'idExpiryDate.expired' },
      ],
    });
    // Once sent, the ID is judged on the submission date, so an officer's later correction is not refused.
    const sent = stepSchemaContext({ ...context, stillToBeSent: false, submittedOn: '2026-02-20' });
    expect(parseForm(stepById('personal').schema(sent), personal('saudi', ['28', '2', '2026'])).ok).toBe(true);
    expect(parseForm(stepById('bank').schema(), { iban: '' })).toEqual({ ok: true, data: { iban: null } });
    expect(parseForm(stepById('bank').schema(), { iban: 'SA0380000000608010167518' })).toEqual({ ok: false, errors: [{ field: 'iban', code: 'iban.checksum' }] });
  });
});

describe('the application hub task list', () => {
  const draft = (stepsCompleted: string, answers: Record<string, unknown> = {}, counts = { householdCount: 0, documentCount: 0 }) =>
    taskListOf({ stepsCompleted, answers, ...counts });

  it('has one section a step after the eligibility check, all not started but documents at first', () => {
    const tasks = draft('eligibility', { livesInServiceArea: true, city: 'الرياض' });
    expect(tasks.sections.map((section) => section.id)).toEqual(['personal', 'contact', 'household', 'income', 'housing', 'support', 'bank', 'documents']);
    expect(tasks.sections.map((section) => section.status)).toEqual(['notStarted', 'notStarted', 'notStarted', 'notStarted', 'notStarted', 'notStarted', 'notStarted', 'cannotStartYet']);
    expect(tasks.completedCount).toBe(0);
    expect(tasks.canCheckAndSend).toBe(false);
  });

  it('marks saved sections completed and sections holding unsaved answers in progress', () => {
    const tasks = draft('eligibility,personal,support', { city: 'الرياض', district: 'النسيم' }, { householdCount: 1, documentCount: 0 });
    const status = Object.fromEntries(tasks.sections.map((section) => [section.id, section.status]));
    expect(status).toMatchObject({ personal: 'completed', contact: 'inProgress', household: 'inProgress', support: 'completed', documents: 'notStarted' });
    expect(tasks.completedCount).toBe(2);
  });

  it('opens check and send once every required section is completed, the optional bank step aside', () => {
    expect(draft('eligibility,personal,contact,household,income,housing,support,documents').canCheckAndSend).toBe(true);
    expect(draft('eligibility,personal,contact,household,income,housing,support,documents').completedCount).toBe(7);
  });
});
