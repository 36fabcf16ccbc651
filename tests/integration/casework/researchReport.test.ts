import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import type { ActingContext } from '../../../src/services/actor.ts';
import { submittedRequest, versionOf } from '../staff/intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let researcher: Agent;
let officerContext: ActingContext;

beforeAll(async () => {
  testApp = await createTestApp();
  researcher = (await agentWithRole(testApp, ['social_researcher'])).agent;
  const officer = await agentWithRole(testApp, ['relations_officer']);
  officerContext = { kind: 'staff', id: officer.staff.id, label: 'officer', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

async function openReferral() {
  const { id } = await submittedRequest(testApp);
  await testApp.services.verification.startVerification(id, await versionOf(testApp, id), officerContext);
  await testApp.services.referrals.refer(id, { reason: 'needs_study', question: 'هل الأسرة تسكن في الحي المذكور؟' }, await versionOf(testApp, id), officerContext);
  const referralId = (await testApp.data.repositories.casework.referralsForRequest(id))[0]!.id;
  return { requestId: id, page: `/research/referrals/${referralId}` };
}

async function saveReport(requestId: number, page: string, fields: Record<string, string>) {
  const html = (await researcher.get(page)).text;
  return researcher.post(page).type('form').send({ _csrf: csrfFrom(html), version: String(await versionOf(testApp, requestId)), answer: 'زرت الأسرة', ...fields });
}

function visitDate(day: string, month: string, year: string) {
  return { 'visitDate-day': day, 'visitDate-month': month, 'visitDate-year': year, 'visitDate-calendar': 'gregorian' };
}

describe("the researcher's report", () => {
  it('keeps the visit date after "save without closing"', async () => {
    const { requestId, page } = await openReferral();
    expect((await saveReport(requestId, page, visitDate('27', '2', '2026'))).status).toBe(303);
    const shown = (await researcher.get(page)).text;
    expect(shown).toMatch(/name="visitDate-day"[^>]*value="27"/);
    expect(shown).toMatch(/name="visitDate-month"[^>]*value="2"/);
    expect(shown).toMatch(/name="visitDate-year"[^>]*value="2026"/);
    // Saving again without touching the date keeps it.
    expect((await saveReport(requestId, page, { ...visitDate('27', '2', '2026'), findings: 'السكن مستأجر' })).status).toBe(303);
    expect((await testApp.data.repositories.casework.referralsForRequest(requestId))[0]).toMatchObject({ visitDate: '2026-02-27', findings: 'السكن مستأجر' });
  });

  it('refuses a visit date in the future, keeping what was typed', async () => {
    const { requestId, page } = await openReferral();
    const refused = await saveReport(requestId, page, visitDate('2', '3', '2026'));
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('تاريخ الزيارة لا يكون بعد اليوم');
    expect(refused.text).toMatch(/name="visitDate-day"[^>]*value="2"/);
    expect((await testApp.data.repositories.casework.referralsForRequest(requestId))[0]?.visitDate).toBeNull();
    expect((await saveReport(requestId, page, visitDate('1', '3', '2026'))).status).toBe(303);
  });
});
