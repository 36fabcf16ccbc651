import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, csrfFrom, createTestApp, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from './fixtures.ts';

let testApp: TestApp;
const DAY = 86_400_000;
const start = new Date('2026-03-01T08:00:00Z');
const referencesByAge: string[] = [];

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
let member: Agent;
let chair: Agent;
let officer: Agent;

beforeAll(async () => {
  testApp = await createTestApp({ now: start });
  // 32 requests submitted one day apart, created newest first so insertion order is not the answer.
  const created: { reference: string; age: number }[] = [];
  for (let age = 31; age >= 0; age -= 1) {
    const { reference } = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - age * DAY),
      city: age % 2 === 0 ? 'الرياض' : 'الخرج',
      supportType: age % 4 === 0 ? 'food' : 'rent',
      fullName: `مقدم الطلب ${age}`,
    });
    created.push({ reference, age });
  }
  referencesByAge.push(...created.sort((a, b) => b.age - a.age).map((item) => item.reference));
  ({ agent: member } = await agentWithRole(testApp, ['committee_member']));
  ({ agent: chair } = await agentWithRole(testApp, ['committee_chair']));
  ({ agent: officer } = await agentWithRole(testApp, ['relations_officer']));
});
afterAll(() => testApp.close());

function rowReferences(html: string): string[] {
  return [...html.matchAll(/data-qa="queue-row" data-reference="([^"]+)"/g)].map((match) => match[1]!);
}

describe('committee queue', () => {
  it('lists requests with the committee by the date their window opens, 25 a page', async () => {
    const first = await member.get('/committee');
    expect(first.status).toBe(200);
    const page1 = rowReferences(first.text);
    expect(page1).toHaveLength(25);
    expect(page1[0]).toBe(referencesByAge[0]);
    expect(first.text).toContain('data-qa="pagination-next"');
    const second = await member.get('/committee?page=2');
    const page2 = rowReferences(second.text);
    expect(page2).toHaveLength(7);
    expect([...page1, ...page2]).toEqual(referencesByAge);
  });

  it('filters by city, support type and overdue', async () => {
    const riyadh = rowReferences((await member.get('/committee?city=' + encodeURIComponent('الرياض'))).text);
    expect(riyadh).toHaveLength(16);
    const food = rowReferences((await member.get('/committee?supportType=food')).text);
    expect(food).toHaveLength(8);
    const overdue = await member.get('/committee?overdue=yes');
    // Submitted 30 or more days before "now": the two oldest.
    expect(rowReferences(overdue.text)).toEqual(referencesByAge.slice(0, 2));
    expect(overdue.text).toContain('tag-red');
    const combined = rowReferences((await member.get('/committee?supportType=food&city=' + encodeURIComponent('الخرج'))).text);
    expect(combined).toHaveLength(0);
  });

  it('is for committee members, the chair and managers only', async () => {
    expect((await officer.get('/committee')).status).toBe(403);
    expect((await chair.get('/committee')).status).toBe(200);
  });
});

describe('the file, recommendations and decisions over HTTP', () => {
  it('shows the whole file on one page', async () => {
    const { requestId, reference } = await raisedRequest(testApp, { fullName: 'نورة عبدالله القحطاني' });
    const page = await member.get(`/committee/requests/${requestId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain(reference);
    expect(page.text).toContain('نورة عبدالله القحطاني');
    expect(page.text).toContain('ريم العتيبي');
    // Submitted 1 March 2026 = 11 Ramadan 1447: both calendars, with month names.
    expect(page.text).toContain('رمضان');
    expect(page.text).toContain('مارس\u00a02026');
    expect(page.text).toContain('data-qa="recommendation-form"');
    expect(page.text).not.toContain('data-qa="decision-form"');
    expect((await member.get('/committee/requests/999999')).status).toBe(404);
  });

  it('lets members and the chair recommend, once each and updatable; officers may not', async () => {
    const { requestId } = await raisedRequest(testApp);
    const path = `/committee/requests/${requestId}`;
    const token = csrfFrom((await member.get(path)).text);
    const saved = await member.post(`${path}/recommendation`).type('form').send({ _csrf: token, recommendation: 'accept', note: 'الحاجة ثابتة' });
    expect(saved.status).toBe(303);
    const updated = await member.post(`${path}/recommendation`).type('form').send({ _csrf: token, recommendation: 'reject', note: 'الدخل كافٍ' });
    expect(updated.status).toBe(303);
    const chairToken = csrfFrom((await chair.get(path)).text);
    expect((await chair.post(`${path}/recommendation`).type('form').send({ _csrf: chairToken, recommendation: 'accept', note: 'موافق' })).status).toBe(303);
    const rows = await withPrisma(testApp, (prisma) => prisma.recommendation.findMany({ where: { requestId }, orderBy: { id: 'asc' } }));
    expect(rows.map((row) => row.recommendation)).toEqual(['reject', 'accept']);

    const invalid = await member.post(`${path}/recommendation`).type('form').send({ _csrf: token, recommendation: 'maybe', note: '<script>x</script>' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('اختر توصيتك');
    expect(invalid.text).toContain('&lt;script&gt;x&lt;/script&gt;');

    const officerToken = csrfFrom((await officer.get('/committee')).text);
    expect((await officer.post(`${path}/recommendation`).type('form').send({ _csrf: officerToken, recommendation: 'accept', note: 'x' })).status).toBe(403);
  });

  it('lets only the chair decide, validates the decision and keeps the typed values', async () => {
    const { requestId } = await raisedRequest(testApp);
    const path = `/committee/requests/${requestId}`;
    const memberToken = csrfFrom((await member.get(path)).text);
    expect((await member.post(`${path}/decision`).type('form').send({ _csrf: memberToken, outcome: 'reject', rejectionReason: 'other', decisionNote: 'x' })).status).toBe(403);

    const page = await chair.get(path);
    expect(page.text).toContain('data-qa="decision-form"');
    expect(page.text).toContain('data-qa="floor-notice"');
    const token = csrfFrom(page.text);
    const bad = await chair.post(`${path}/decision`).type('form').send({ _csrf: token, outcome: 'accept', approvedSupportType: 'rent', amount: '١٢٫٥', durationMonths: '' });
    expect(bad.status).toBe(400);
    expect(bad.text).toMatch(/<title>خطأ:/);
    expect(bad.text).toContain('value="١٢٫٥"');
    expect(bad.text).toContain('href="#durationMonths"');

    const otherWithoutNote = await chair.post(`${path}/decision`).type('form').send({ _csrf: token, outcome: 'reject', rejectionReason: 'other' });
    expect(otherWithoutNote.status).toBe(400);

    const ok = await chair.post(`${path}/decision`).type('form').send({ _csrf: token, outcome: 'accept', approvedSupportType: 'rent', amount: '٤٥٠٠', durationMonths: '3' });
    expect(ok.status).toBe(303);
    const decision = await withPrisma(testApp, (prisma) => prisma.decision.findFirstOrThrow({ where: { requestId } }));
    expect(decision).toMatchObject({ outcome: 'accept', amount: 4500, durationMonths: 3, releasedAt: null });
    const after = await chair.get(path);
    expect(after.text).toContain('data-qa="flash"');
    expect(after.text).not.toContain('data-qa="decision-form"');

    const again = await chair.post(`${path}/decision`).type('form').send({ _csrf: token, outcome: 'reject', rejectionReason: 'income_above_threshold' });
    expect(again.status).toBe(422);
    expect(again.text).toContain('href="#outcome"');
  });

  it('shows decided requests awaiting release in their own view', async () => {
    const page = await member.get('/committee?view=awaiting_release');
    expect(page.status).toBe(200);
    expect(rowReferences(page.text).length).toBeGreaterThanOrEqual(1);
  });
});

describe('registration and service delivery', () => {
  it('registers an accepted, released request with a file number and records services', async () => {
    const submittedAt = new Date(testApp.clock.now().getTime() - 15 * DAY);
    const { requestId, beneficiaryId } = await raisedRequest(testApp, { submittedAt });
    const chairPage = await chair.get(`/committee/requests/${requestId}`);
    await chair.post(`/committee/requests/${requestId}/decision`).type('form').send({
      _csrf: csrfFrom(chairPage.text), outcome: 'accept', approvedSupportType: 'food', quantity: '2', durationMonths: '6',
    });

    const registrationPath = `/staff/requests/${requestId}/registration`;
    expect((await member.get(registrationPath)).status).toBe(403);
    const registrationPage = await officer.get(registrationPath);
    expect(registrationPage.status).toBe(200);
    const token = csrfFrom(registrationPage.text);
    expect((await officer.post(`${registrationPath}/register`).type('form').send({ _csrf: token })).status).toBe(422);
    expect((await officer.post(registrationPath).type('form').send({ _csrf: token, items: ['bank_account_confirmed'] })).status).toBe(303);
    expect((await officer.post(`${registrationPath}/register`).type('form').send({ _csrf: token })).status).toBe(422);
    expect((await officer.post(registrationPath).type('form').send({ _csrf: token, items: 'commitment_signed' })).status).toBe(303);
    const registered = await officer.post(`${registrationPath}/register`).type('form').send({ _csrf: token });
    expect(registered.status).toBe(303);
    expect(registered.headers.location).toBe(`/staff/requests/${requestId}/services`);

    const state = await withPrisma(testApp, (prisma) =>
      prisma.supportRequest.findUniqueOrThrow({ where: { id: requestId }, include: { beneficiary: true, registrationItems: true } }),
    );
    expect(state.status).toBe('registered');
    expect(state.beneficiary.fileNumber).toMatch(/^MZL-\d{6}$/);
    expect(state.beneficiary.registeredAt).not.toBeNull();
    expect(state.registrationItems).toHaveLength(2);
    const templates = (await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId)).map((message) => message.template);
    expect(templates.filter((template) => template === 'registrationComplete')).toHaveLength(2);

    const servicesPath = `/staff/requests/${requestId}/services`;
    const servicesPage = await officer.get(servicesPath);
    const serviceToken = csrfFrom(servicesPage.text);
    const missingDate = await officer.post(servicesPath).type('form').send({ _csrf: serviceToken, serviceType: 'food', quantity: '1' });
    expect(missingDate.status).toBe(400);
    expect(missingDate.text).toContain('href="#deliveredOn-day"');
    const recorded = await officer.post(servicesPath).type('form').send({
      _csrf: serviceToken, serviceType: 'food', quantity: '1', note: 'سلة رمضان',
      'deliveredOn-day': '1', 'deliveredOn-month': '3', 'deliveredOn-year': '2026', 'deliveredOn-calendar': 'gregorian',
    });
    expect(recorded.status).toBe(303);
    const listed = await testApp.services.serviceDelivery.listForBeneficiary(beneficiaryId);
    expect(listed).toEqual([expect.objectContaining({ serviceType: 'food', quantity: 1, amount: null, deliveredOn: '2026-03-01' })]);
    expect(listed[0]).not.toHaveProperty('note');
    const visible = await testApp.data.repositories.audit.forRequest(requestId, true);
    expect(visible.map((entry) => entry.action)).toEqual(expect.arrayContaining(['decision.released', 'request.registered', 'service.delivered']));
    expect((await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId)).some((message) => message.template === 'serviceDelivered')).toBe(true);
  });

  it('refuses services for a request that is not registered', async () => {
    const { requestId } = await raisedRequest(testApp);
    const page = await officer.get(`/staff/requests/${requestId}/services`);
    expect(page.text).toContain('data-qa="services-unavailable"');
    const response = await officer.post(`/staff/requests/${requestId}/services`).type('form').send({
      _csrf: csrfFrom(page.text), serviceType: 'food', quantity: '1',
      'deliveredOn-day': '10', 'deliveredOn-month': '3', 'deliveredOn-year': '2026', 'deliveredOn-calendar': 'gregorian',
    });
    expect(response.status).toBe(422);
  });
});
