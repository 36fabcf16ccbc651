import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';
import { raisedRequest } from '../committee/fixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
type StaffContext = { kind: 'staff'; id: number; label: string; roles: StaffRole[]; ip: null };

const DAY = 24 * 60 * 60 * 1000;
let testApp: TestApp;
let officer: Agent;
let chair: StaffContext;
let officerContext: StaffContext;

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  const signedIn = await agentWithRole(testApp, ['relations_officer']);
  officer = signedIn.agent;
  officerContext = { kind: 'staff', id: signedIn.staff.id, label: 'موظف العلاقات', roles: ['relations_officer'], ip: null };
  const chairRow = await createStaff(testApp, ['committee_chair']);
  chair = { kind: 'staff', id: chairRow.id, label: 'رئيس اللجنة', roles: ['committee_chair'], ip: null };
});
afterAll(() => testApp.close());

/** Accepted for rent, 4500 riyals over 3 months from today, released and registered. */
async function registeredForRent() {
  const { requestId, beneficiaryId } = await raisedRequest(testApp, { submittedAt: new Date(testApp.clock.now().getTime() - 15 * DAY) });
  await testApp.services.committee.recordDecision(chair, requestId, { outcome: 'accept', approvedSupportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, note: null });
  await testApp.services.decisionRelease.releaseDue();
  await testApp.services.registration.completeItems(officerContext, requestId, testApp.config.registrationItems);
  await testApp.services.registration.register(officerContext, requestId);
  return { requestId, beneficiaryId, path: `/staff/requests/${requestId}/services` };
}

function on(iso: string) {
  const [year, month, day] = iso.split('-').map(Number);
  return { 'deliveredOn-day': String(day), 'deliveredOn-month': String(month), 'deliveredOn-year': String(year), 'deliveredOn-calendar': 'gregorian' };
}

async function postForm(agent: Agent, page: string, action: string, fields: Record<string, string>) {
  const html = (await agent.get(page)).text;
  return agent.post(action).type('form').send({ _csrf: csrfFrom(html), ...fields });
}

async function auditActions(requestId: number) {
  return (await testApp.data.repositories.audit.forRequest(requestId, false)).map((entry) => entry.action);
}

describe('recording a service', () => {
  it('refuses a delivery dated after today, keeping what was typed', async () => {
    const { path } = await registeredForRent();
    const refused = await postForm(officer, path, path, { serviceType: 'rent', amount: '1500', ...on('2026-03-02') });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#deliveredOn-day"');
    expect(refused.text).toMatch(/name="deliveredOn-day"[^>]*value="2"/);
  });

  it('asks a reason for a delivery beyond the approval (type, amount, duration) and keeps it', async () => {
    const { requestId, path } = await registeredForRent();
    expect((await postForm(officer, path, path, { serviceType: 'rent', amount: '3000', ...on('2026-03-01') })).status).toBe(303);
    const tooMuch = await postForm(officer, path, path, { serviceType: 'rent', amount: '2000', ...on('2026-03-01') });
    expect(tooMuch.status).toBe(400);
    expect(tooMuch.text).toContain('href="#exceedReason"');
    const otherType = await postForm(officer, path, path, { serviceType: 'food', quantity: '1', ...on('2026-03-01') });
    expect(otherType.status).toBe(400);
    expect(otherType.text).toContain('href="#exceedReason"');
    const withReason = await postForm(officer, path, path, { serviceType: 'rent', amount: '2000', exceedReason: 'قرار المدير بزيادة الدعم لظرف طارئ', ...on('2026-03-01') });
    expect(withReason.status).toBe(303);
    const services = await testApp.data.repositories.committee.file(requestId);
    expect(services?.services.find((service) => service.amount === 2000)).toMatchObject({ exceedReason: 'قرار المدير بزيادة الدعم لظرف طارئ' });
    const entry = (await testApp.data.repositories.audit.forRequest(requestId, false)).filter((row) => row.action === 'service.delivered').pop();
    expect(entry?.details).toMatchObject({ exceedances: ['amount'] });
  });

  it('corrects and cancels a recorded service with a reason, audited, and the beneficiary no longer sees a cancelled one', async () => {
    const { requestId, beneficiaryId, path } = await registeredForRent();
    expect((await postForm(officer, path, path, { serviceType: 'rent', amount: '1500', ...on('2026-03-01') })).status).toBe(303);
    const serviceId = (await testApp.data.repositories.committee.file(requestId))!.services[0]!.id;
    const servicePage = `${path}/${serviceId}`;
    expect((await officer.get(servicePage)).status).toBe(200);

    const noReason = await postForm(officer, servicePage, `${servicePage}/correct`, { serviceType: 'rent', amount: '1400', ...on('2026-03-01'), reason: '' });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain('href="#reason"');
    expect(noReason.text).toContain('value="1400"');
    const corrected = await postForm(officer, servicePage, `${servicePage}/correct`, { serviceType: 'rent', amount: '1400', ...on('2026-03-01'), reason: 'أُدخل المبلغ خطأ' });
    expect(corrected.status).toBe(303);
    expect((await testApp.services.serviceDelivery.listForBeneficiary(beneficiaryId))[0]).toMatchObject({ amount: 1400 });

    expect((await postForm(officer, servicePage, `${servicePage}/cancel`, { cancelReason: '' })).status).toBe(400);
    expect((await postForm(officer, servicePage, `${servicePage}/cancel`, { cancelReason: 'سُجّلت الخدمة مرتين' })).status).toBe(303);
    expect(await testApp.services.serviceDelivery.listForBeneficiary(beneficiaryId)).toEqual([]);
    expect((await postForm(officer, servicePage, `${servicePage}/correct`, { serviceType: 'rent', amount: '1500', ...on('2026-03-01'), reason: 'مرة أخرى' })).status).toBe(422);

    const entries = (await testApp.data.repositories.audit.forRequest(requestId, false)).filter((entry) => entry.action.startsWith('service.'));
    expect(entries.map((entry) => entry.action)).toEqual(['service.delivered', 'service.corrected', 'service.cancelled']);
    expect(entries[1]?.details).toMatchObject({ reason: 'أُدخل المبلغ خطأ', before: { amount: 1500 }, after: { amount: 1400 } });
    expect(entries[2]?.details).toMatchObject({ reason: 'سُجّلت الخدمة مرتين' });
    const list = (await officer.get(path)).text;
    expect(list).toContain('data-qa="service-cancelled"');
    expect(await auditActions(requestId)).toContain('service.cancelled');
  });
});
