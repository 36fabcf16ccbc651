import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import type { ActingContext } from '../../../src/services/actor.ts';
import { APPLICANT_NAME, submittedRequest, versionOf } from '../staff/intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;
let officerContext: ActingContext;

beforeAll(async () => {
  testApp = await createTestApp();
  const signedIn = await agentWithRole(testApp, ['relations_officer']);
  officer = signedIn.agent;
  officerContext = { kind: 'staff', id: signedIn.staff.id, label: 'officer', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

async function recordLine(requestId: number, item: string, fields: Record<string, string>) {
  const page = `/staff/requests/${requestId}/verification/${item}`;
  const html = (await officer.get(page)).text;
  const response = await officer.post(page).type('form').send({ _csrf: csrfFrom(html), version: String(await versionOf(testApp, requestId)), ...fields });
  expect(response.status, item).toBe(303);
}

/** The outcome cell of one line on the staff file (tags stripped). */
async function lineCell(requestId: number, item: string) {
  const html = (await officer.get(`/staff/requests/${requestId}`)).text;
  const row = new RegExp(`<tr[^>]*data-qa="line-${item}"[\\s\\S]*?</tr>`).exec(html)?.[0] ?? '';
  return row;
}

const MISMATCH_NOTE = 'الراتب في التعريف 4000 لا 3000';

describe('verification lines follow the data', () => {
  it('returns a line to "to verify" when the applicant changes the data it covers, and keeps other lines', async () => {
    const { id, context } = await submittedRequest(testApp);
    await testApp.services.verification.startVerification(id, await versionOf(testApp, id), officerContext);
    await recordLine(id, 'identity', { outcome: 'verified' });
    await recordLine(id, 'income', { outcome: 'mismatch', note: MISMATCH_NOTE });
    expect(await lineCell(id, 'income')).toContain(MISMATCH_NOTE);

    await testApp.services.verification.requestInfo(id, 'تعريف بالراتب', await versionOf(testApp, id), officerContext);
    await testApp.services.applications.saveStep(id, 'income', { incomeSalary: 4000, incomeSocialSecurity: null, incomePension: null, incomeOther: null, obligationLoans: 500, obligationOther: null }, undefined, context);
    await testApp.services.applications.sign(id, { declarationAccepted: 'on', signatureName: APPLICANT_NAME, channel: 'website', ip: null, userAgent: null }, context);
    await testApp.services.applications.resubmit(id, context);
    await testApp.services.verification.startVerification(id, await versionOf(testApp, id), officerContext);

    const income = await lineCell(id, 'income');
    expect(income).toContain('لم يُتحقق بعد');
    expect(income).not.toContain(MISMATCH_NOTE);
    expect(await lineCell(id, 'identity')).toContain('مطابق');
    const blockers = await testApp.services.verification.blockers(id);
    const unverified = blockers.filter((blocker) => blocker.code === 'raise.verificationIncomplete').map((blocker) => blocker.item);
    expect(unverified).toContain('income');
    expect(unverified).not.toContain('identity');
  });

  it('keeps an old mismatch note as history, not as the note of the line now verified', async () => {
    const { id } = await submittedRequest(testApp);
    await testApp.services.verification.startVerification(id, await versionOf(testApp, id), officerContext);
    await recordLine(id, 'housing', { outcome: 'mismatch', note: MISMATCH_NOTE });
    const form = (await officer.get(`/staff/requests/${id}/verification/housing`)).text;
    const textarea = /<textarea[^>]*name="note"[^>]*>([\s\S]*?)<\/textarea>/.exec(form)?.[1] ?? '';
    expect(textarea.trim()).toBe('');
    expect(form).toContain('data-qa="line-history"');
    expect(form).toContain(MISMATCH_NOTE);

    // The form submitted as a browser would, with nothing typed in the note.
    await recordLine(id, 'housing', { outcome: 'verified', note: '' });
    const housing = await lineCell(id, 'housing');
    expect(housing).toContain('مطابق');
    expect(housing).not.toContain(MISMATCH_NOTE);
    const history = (await officer.get(`/staff/requests/${id}/verification/housing`)).text;
    expect(/data-qa="line-history"[\s\S]*<\/(ol|ul|table)>/.exec(history)?.[0]).toContain(MISMATCH_NOTE);
  });
});
