/**
 * The order of the online application as data. Each numbered step saves to the draft;
 * "check" is the last numbered page; the declaration is an interruption page after it.
 */
export const NUMBERED_STEPS = ['eligibility', 'personal', 'contact', 'household', 'income', 'housing', 'support', 'documents', 'check'] as const;
export type JourneyStepId = (typeof NUMBERED_STEPS)[number] | 'not-eligible' | 'declaration';

export interface JourneyAnswers {
  livesInServiceArea?: boolean | null;
  /** Set when the page was reached from a "Change" link on the check-your-answers page. */
  returnTo?: string | null;
}

export interface Step {
  id: JourneyStepId;
  path: string;
  next(answers: JourneyAnswers): JourneyStepId;
}

const back = (answers: JourneyAnswers, then: JourneyStepId): JourneyStepId => (answers.returnTo === 'check' ? 'check' : then);

export const JOURNEY: readonly Step[] = [
  { id: 'eligibility', path: '/apply/eligibility', next: (answers) => (answers.livesInServiceArea === false ? 'not-eligible' : back(answers, 'personal')) },
  { id: 'personal', path: '/apply/personal', next: (answers) => back(answers, 'contact') },
  { id: 'contact', path: '/apply/contact', next: (answers) => back(answers, 'household') },
  { id: 'household', path: '/apply/household', next: (answers) => back(answers, 'income') },
  { id: 'income', path: '/apply/income', next: (answers) => back(answers, 'housing') },
  { id: 'housing', path: '/apply/housing', next: (answers) => back(answers, 'support') },
  { id: 'support', path: '/apply/support', next: (answers) => back(answers, 'documents') },
  { id: 'documents', path: '/apply/documents', next: (answers) => back(answers, 'check') },
  { id: 'check', path: '/apply/check', next: () => 'declaration' },
  { id: 'declaration', path: '/apply/declaration', next: () => 'declaration' },
  { id: 'not-eligible', path: '/apply/not-eligible', next: () => 'not-eligible' },
];

export function stepById(id: JourneyStepId): Step {
  const step = JOURNEY.find((candidate) => candidate.id === id);
  if (!step) throw new Error(`unknown step ${id}`);
  return step;
}

export function pathOf(id: JourneyStepId): string {
  return stepById(id).path;
}

export function nextPath(id: JourneyStepId, answers: JourneyAnswers): string {
  return pathOf(stepById(id).next(answers));
}

/** "Step 3 of 9": numbered pages only. */
export function progressOf(id: JourneyStepId): { current: number; total: number } | null {
  const index = (NUMBERED_STEPS as readonly string[]).indexOf(id);
  return index < 0 ? null : { current: index + 1, total: NUMBERED_STEPS.length };
}

/** The previous page in the plain order; from a "Change" link it is the check page. */
export function backPathOf(id: JourneyStepId, answers: JourneyAnswers = {}): string {
  if (answers.returnTo === 'check' && id !== 'check') return pathOf('check');
  if (id === 'declaration') return pathOf('check');
  const index = (NUMBERED_STEPS as readonly string[]).indexOf(id);
  return index <= 0 ? '/apply' : pathOf(NUMBERED_STEPS[index - 1] as JourneyStepId);
}

/** Where a returning applicant continues: the first step not yet saved, else the check page. */
export function resumePath(completed: ReadonlySet<string>): string {
  const first = NUMBERED_STEPS.find((id) => id !== 'check' && !completed.has(id));
  return pathOf(first ?? 'check');
}
