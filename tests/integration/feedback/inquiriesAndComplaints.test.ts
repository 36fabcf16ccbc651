import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { withPrisma } from '../committee/fixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
let testApp: TestApp;
let officer: Agent;
let manager: Agent;
let managerId: number;

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
  const signedIn = await agentWithRole(testApp, ['manager']);
  manager = signedIn.agent;
  managerId = signedIn.staff.id;
});
afterAll(() => testApp.close());

describe('an inquiry from someone not on file', () => {
  it('is logged by an officer with the name and phone optional, keeping typed values on an error', async () => {
    expect((await officer.get('/staff/inquiries/new')).status).toBe(200);
    const missing = await submitForm(officer, '/staff/inquiries/new', { channel: 'phone', subject: '', answer: 'أُبلغ بالشروط', callerName: 'سعاد' }, '/staff/inquiries');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('href="#subject"');
    expect(missing.text).toContain('value="سعاد"');
    const logged = await submitForm(officer, '/staff/inquiries/new', { channel: 'phone', subject: 'شروط التقديم', answer: 'أُبلغ بالشروط ورابط التقديم', callerName: '', callerPhone: '' }, '/staff/inquiries');
    expect(logged.status).toBe(303);
    const named = await submitForm(officer, '/staff/inquiries/new', { channel: 'interview', subject: 'موعد الدوام', answer: 'من الأحد إلى الخميس', callerName: 'سعاد', callerPhone: '0551112222' }, '/staff/inquiries');
    expect(named.status).toBe(303);
    const rows = await withPrisma(testApp, (prisma) => prisma.inquiry.findMany({ where: { beneficiaryId: null }, orderBy: { id: 'asc' } }));
    expect(rows.map((row) => [row.subject, row.callerName, row.callerPhone])).toEqual([['شروط التقديم', null, null], ['موعد الدوام', 'سعاد', '+966551112222']]);
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { action: 'inquiry.recorded', entityId: String(rows[0]!.id) } }));
    expect(audit).toHaveLength(1);
  });
});

describe('suggestions and complaints', () => {
  it('a visitor sends a complaint from a phone; it gets a reference, an owner, a deadline and a reply', async () => {
    const visitor = request.agent(testApp.app);
    const form = await visitor.get('/feedback');
    expect(form.status).toBe(200);
    const empty = await visitor.post('/feedback').type('form').send({ _csrf: csrfFrom(form.text), kind: 'complaint', message: '', name: 'نورة' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#message"');
    expect(empty.text).toContain('value="نورة"');
    const sent = await visitor.post('/feedback').type('form').send({ _csrf: csrfFrom(form.text), kind: 'complaint', message: 'انتظرت طويلًا عند الاستقبال ولم يرد أحد على الهاتف', name: 'نورة', mobile: '0553334444' });
    expect(sent.status).toBe(303);
    const confirmation = await visitor.get(String(sent.headers.location));
    const stored = await withPrisma(testApp, (prisma) => prisma.suggestionOrComplaint.findFirstOrThrow({ where: { name: 'نورة' } }));
    expect(stored.reference).toMatch(/^MZL-C-\d{6}$/);
    expect(confirmation.text).toContain(stored.reference);
    expect(stored).toMatchObject({ kind: 'complaint', status: 'open', ownerStaffId: managerId, mobile: '+966553334444', beneficiaryId: null });
    expect(stored.respondBy.toISOString().slice(0, 10)).toBe('2026-03-08');

    const list = await officer.get('/staff/feedback');
    expect(list.status).toBe(200);
    expect(list.text).toContain(stored.reference);
    const page = `/staff/feedback/${stored.id}`;
    expect((await submitForm(officer, page, { reply: '' }, `${page}/reply`)).status).toBe(400);
    expect((await submitForm(officer, page, { reply: 'نعتذر، وقد نبّهنا فريق الاستقبال ورتبنا الرد على الهاتف' }, `${page}/reply`)).status).toBe(303);
    const answered = await withPrisma(testApp, (prisma) => prisma.suggestionOrComplaint.findUniqueOrThrow({ where: { id: stored.id } }));
    expect(answered).toMatchObject({ status: 'answered', reply: 'نعتذر، وقد نبّهنا فريق الاستقبال ورتبنا الرد على الهاتف' });
    const messages = await withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { template: 'feedbackAnswered' } }));
    expect(messages.map((message) => message.recipient)).toEqual(['+966553334444']);
    expect(messages[0]?.body).toContain(stored.reference);
  });

  it('counts inquiries per channel and complaints by status on the indicators page', async () => {
    const visitor = request.agent(testApp.app);
    await submitForm(visitor, '/feedback', { kind: 'complaint', message: 'لم يصلني رد على طلبي منذ شهر' });
    await submitForm(visitor, '/feedback', { kind: 'suggestion', message: 'أقترح فتح الاستقبال مساء يوم الخميس' });
    const page = (await manager.get('/admin/indicators')).text;
    expect(page).toMatch(/data-qa="inquiries-phone"[\s\S]*?<td[^>]*>\s*1\s*</);
    expect(page).toMatch(/data-qa="inquiries-interview"[\s\S]*?<td[^>]*>\s*1\s*</);
    expect(page).toMatch(/data-qa="complaints-open"[\s\S]*?<td[^>]*>\s*1\s*</);
    expect(page).toMatch(/data-qa="complaints-answered"[\s\S]*?<td[^>]*>\s*1\s*</);
  });
});
