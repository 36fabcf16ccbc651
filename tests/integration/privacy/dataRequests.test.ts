import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { fullHistory, signInBeneficiary } from './fixtures.ts';
import { withPrisma } from '../committee/fixtures.ts';

let testApp: TestApp;
let officer: Awaited<ReturnType<typeof agentWithRole>>['agent'];

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
});

afterAll(async () => {
  await testApp.close();
});

async function ask(agent: Awaited<ReturnType<typeof signInBeneficiary>>, kind: string, details: string) {
  const response = await submitForm(agent, `/account/data-requests/new?kind=${kind}`, { kind, details }, '/account/data-requests');
  expect(response.status).toBe(303);
  return Number(response.headers.location!.split('/').pop());
}

async function staffAnswer(id: number, outcome: string, text: string) {
  return submitForm(officer, `/staff/data-requests/${id}`, { outcome, text }, `/staff/data-requests/${id}/answer`);
}

const outbox = (template: string) => withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { template }, orderBy: { id: 'asc' } }));

describe('requests about personal data', () => {
  it('keeps the typed values and shows translated errors on a bad request', async () => {
    const person = await fullHistory(testApp, 'أمل', { mobile: '+966501000001' });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const page = await agent.get('/account/data-requests/new?kind=correction');
    expect(page.text).toMatch(/value="correction" checked/);
    const response = await agent.post('/account/data-requests').type('form').send({ _csrf: csrfFrom(page.text), kind: 'correction', details: '   ' });
    expect(response.status).toBe(400);
    expect(response.text).toContain('اكتب تفاصيل طلبك');
    expect(response.text).toMatch(/value="correction" checked/);
  });

  it('answers on time: a reference, a 30-day deadline on the queue, the answer shown to the person', async () => {
    const person = await fullHistory(testApp, 'نورة', { mobile: '+966501000002' });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const id = await ask(agent, 'correction', 'اسم ابنتي مكتوب خطأ، والصحيح ريم');
    const mine = await agent.get(`/account/data-requests/${id}`);
    expect(mine.text).toMatch(/data-qa="data-request-reference">DR-2026-\d{6}</);
    expect(mine.text).toContain('قيد الدراسة');
    expect((await outbox('dataRequestReceived')).at(-1)?.recipient).toBe('+966501000002');

    const queue = await officer.get('/staff/data-requests');
    expect(queue.status).toBe(200);
    expect(queue.text).toContain('بقي 30 يوم');
    expect(queue.text).not.toContain('>متأخر<');

    testApp.clock.advanceDays(10);
    expect((await staffAnswer(id, 'answer', 'صُحّح اسم ابنتك إلى ريم')).status).toBe(303);
    const answered = await agent.get(`/account/data-requests/${id}`);
    expect(answered.text).toContain('أُجيب عنه');
    expect(answered.text).toContain('صُحّح اسم ابنتك إلى ريم');
    expect((await outbox('dataRequestAnswered')).length).toBe(1);
    const second = await staffAnswer(id, 'refuse', 'مرة ثانية');
    expect(second.status).toBe(303);
    expect((await officer.get(`/staff/data-requests/${id}`)).text).toContain('أُجيب عن هذا الطلب من قبل');
    const record = await withPrisma(testApp, (prisma) => prisma.dataRequest.findUniqueOrThrow({ where: { id } }));
    expect(record.status).toBe('answered');
  });

  it('extends once with a notice, then shows the request overdue after the new deadline', async () => {
    const person = await fullHistory(testApp, 'سلمى', { mobile: '+966501000003' });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const id = await ask(agent, 'completion', 'أضيفوا دخل زوجي من التقاعد');
    testApp.clock.advanceDays(25);
    expect((await staffAnswer(id, 'extend', 'ننتظر خطاب جهة التقاعد')).status).toBe(303);
    const notice = (await outbox('dataRequestExtended')).at(-1);
    expect(notice?.recipient).toBe('+966501000003');
    expect(notice?.body).toContain('ننتظر خطاب جهة التقاعد');

    const again = await staffAnswer(id, 'extend', 'مرة أخرى');
    expect(again.status).toBe(409);
    expect(again.text).toContain('لا يجوز تمديدها مرة أخرى');

    const mine = await agent.get(`/account/data-requests/${id}`);
    expect(mine.text).toContain('ننتظر خطاب جهة التقاعد');
    expect(mine.text).toContain('مُدِّدت المهلة');

    testApp.clock.advanceDays(36); // day 61: past the extended deadline
    const queue = await officer.get('/staff/data-requests');
    const row = queue.text.split('data-qa="data-request-row"').find((part) => part.includes(`/staff/data-requests/${id}"`));
    expect(row).toContain('متأخر');
  });

  it('cannot extend once the first deadline has passed', async () => {
    const person = await fullHistory(testApp, 'رهف', { mobile: '+966501000004' });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const id = await ask(agent, 'correction', 'تاريخ ميلادي خطأ');
    testApp.clock.advanceDays(31);
    const late = await staffAnswer(id, 'extend', 'تأخرنا');
    expect(late.status).toBe(409);
    expect(late.text).toContain('انتهت المهلة الأولى');
  });

  it('refuses destruction while records of support paid must be kept, and shows the reason to the person', async () => {
    const person = await fullHistory(testApp, 'دانة', { mobile: '+966501000005' });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const id = await ask(agent, 'destruction', 'أتلفوا كل بياناتي');
    const file = await officer.get(`/staff/data-requests/${id}`);
    expect(file.text).toContain('data-qa="destruction-blocker"');
    expect(file.text).not.toContain('value="answer"');
    const forced = await staffAnswer(id, 'answer', 'أُتلفت');
    expect(forced.status).toBe(409);
    expect(forced.text).toContain('لا يجوز إتلاف هذه البيانات');
    expect((await withPrisma(testApp, (prisma) => prisma.beneficiary.findUniqueOrThrow({ where: { id: person.beneficiaryId } }))).fullName).toBe('دانة عبدالله الشمري');

    expect((await staffAnswer(id, 'refuse', 'فيها سجلات دعم صُرف لك يلزمنا النظام بالاحتفاظ بها عشر سنوات')).status).toBe(303);
    const mine = await agent.get(`/account/data-requests/${id}`);
    expect(mine.text).toContain('اعتُذر عن تنفيذه');
    expect(mine.text).toContain('سبب الاعتذار');
    expect(mine.text).toContain('يلزمنا النظام بالاحتفاظ بها عشر سنوات');
    expect((await outbox('dataRequestRefused')).at(-1)?.recipient).toBe('+966501000005');
  });

  it('carries out destruction when nothing requires keeping the data, files included', async () => {
    const person = await fullHistory(testApp, 'لمى', { mobile: '+966501000006', status: 'rejected' });
    await withPrisma(testApp, async (prisma) => {
      await prisma.serviceDelivery.deleteMany({ where: { beneficiaryId: person.beneficiaryId } });
    });
    const agent = await signInBeneficiary(testApp, person.nationalId);
    const id = await ask(agent, 'destruction', 'لم أعد أحتاج إلى الخدمة');
    expect((await staffAnswer(id, 'answer', 'أُتلفت بياناتك')).status).toBe(303);
    await withPrisma(testApp, async (prisma) => {
      const beneficiary = await prisma.beneficiary.findUniqueOrThrow({ where: { id: person.beneficiaryId } });
      expect(beneficiary).toMatchObject({ fullName: null, mobile: null, passwordHash: null, nationalId: `ANON-${person.beneficiaryId}` });
      const request = await prisma.supportRequest.findUniqueOrThrow({ where: { id: person.requestId }, include: { documents: true, householdMembers: true } });
      expect(request).toMatchObject({ fullName: null, email: null, status: 'rejected', city: 'الرياض' });
      expect(request.documents).toHaveLength(0);
      expect(request.householdMembers).toHaveLength(0);
    });
    expect(fs.existsSync(path.join(testApp.config.uploadDir, person.storageKey.slice(0, 2), person.storageKey))).toBe(false);
    // The person is signed out: the account no longer exists to sign in to.
    expect((await agent.get('/account/my-data')).status).toBe(303);
  });

  it('lets an officer record an in-person request, and keeps other roles out', async () => {
    const person = await fullHistory(testApp, 'غادة', { mobile: '+966501000007' });
    const unknown = await submitForm(officer, '/staff/data-requests/new', { nationalId: '1000000000', channel: 'oral', kind: 'correction', details: 'x' }, '/staff/data-requests');
    expect(unknown.status).toBe(400);
    expect(unknown.text).toContain('لا يوجد مستفيد مسجل بهذا الرقم');
    expect(unknown.text).toContain('value="1000000000"');
    const recorded = await submitForm(officer, '/staff/data-requests/new', { nationalId: person.nationalId, channel: 'in_person', kind: 'correction', details: 'رقم جوالي تغيّر' }, '/staff/data-requests');
    expect(recorded.status).toBe(303);
    const stored = await withPrisma(testApp, (prisma) => prisma.dataRequest.findFirstOrThrow({ where: { beneficiaryId: person.beneficiaryId } }));
    expect(stored).toMatchObject({ channel: 'in_person', recordedByStaffId: expect.any(Number) as number });

    const { agent: committee } = await agentWithRole(testApp, ['committee_member']);
    expect((await committee.get('/staff/data-requests')).status).toBe(403);
    expect((await committee.get(`/staff/data-requests/${stored.id}`)).status).toBe(403);
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { entityType: 'data_request', entityId: String(stored.id) } }));
    expect(audit.map((entry) => entry.action)).toEqual(['data_request.received']);
  });
});
