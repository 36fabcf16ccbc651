import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

const DAY_MS = 86_400_000;
let testApp: TestApp;
let officer: Agent;
let manager: Agent;
let staffId: number;

beforeAll(async () => {
  testApp = await createTestApp({ env: { INFO_REQUEST_DEADLINE_DAYS: '10', REFERRAL_DEADLINE_DAYS: '7', DEADLINE_REMINDER_DAYS: '2' } });
  const signedIn = await agentWithRole(testApp, ['relations_officer']);
  officer = signedIn.agent;
  staffId = signedIn.staff.id;
  manager = (await agentWithRole(testApp, ['manager'])).agent;
});
afterAll(() => testApp.close());

const daysAgo = (days: number) => new Date(testApp.clock.now().getTime() - days * DAY_MS);

/** The rows of one queue on the staff home, as text per row. */
function queueRows(html: string, queue: string): string[] {
  const section = new RegExp(`data-qa="queue-${queue}"[\\s\\S]*?</section>`).exec(html)?.[0] ?? '';
  return [...section.matchAll(/<tr[^>]*data-qa="queue-row"[\s\S]*?<\/tr>/g)].map((match) => match[0]);
}

describe('work queues on the staff home', () => {
  it('lists every stage with its count, age and a link to the request', async () => {
    const submitted = await raisedRequest(testApp, { status: 'submitted', submittedAt: daysAgo(3), fullName: 'منى سعد الحربي' });
    const needsInfo = await raisedRequest(testApp, { status: 'needs_info', submittedAt: daysAgo(20) });
    const referred = await raisedRequest(testApp, { status: 'referred', submittedAt: daysAgo(20) });
    const accepted = await raisedRequest(testApp, { status: 'accepted', submittedAt: daysAgo(30) });
    const acceptedHeld = await raisedRequest(testApp, { status: 'accepted', submittedAt: daysAgo(2) });
    const registered = await raisedRequest(testApp, { status: 'registered', submittedAt: daysAgo(40) });
    await withPrisma(testApp, async (prisma) => {
      await prisma.infoRequest.create({ data: { requestId: needsInfo.requestId, items: '["كشف حساب"]', requestedById: staffId, requestedByRole: 'relations_officer', requestedAt: daysAgo(12) } });
      await prisma.referral.create({ data: { requestId: referred.requestId, reason: 'needs_study', question: 'زيارة منزلية', referredById: staffId, referredAt: daysAgo(4) } });
      await prisma.supportRequest.update({ where: { id: accepted.requestId }, data: { decisionReleasedAt: daysAgo(5) } });
      await prisma.beneficiary.update({ where: { id: registered.beneficiaryId }, data: { registeredAt: daysAgo(6), fileNumber: 'F-000001' } });
    });

    const home = await officer.get('/staff');
    expect(home.status).toBe(200);
    const verification = queueRows(home.text, 'awaiting_verification');
    expect(verification).toHaveLength(1);
    expect(verification[0]).toContain(`/staff/requests/${submitted.requestId}`);
    expect(verification[0]).toContain('منى سعد الحربي');
    expect(verification[0]).toContain('3 أيام');

    const info = queueRows(home.text, 'returned_for_info');
    expect(info).toHaveLength(1);
    expect(info[0]).toContain(`/staff/requests/${needsInfo.requestId}`);
    expect(info[0]).toContain('12 يومًا');
    expect(info[0]).toContain('تجاوز المهلة');

    const referrals = queueRows(home.text, 'open_referrals');
    expect(referrals).toHaveLength(1);
    expect(referrals[0]).toContain(`/staff/requests/${referred.requestId}`);
    expect(referrals[0]).toContain('4 أيام');
    expect(referrals[0]).toContain('ضمن المهلة');

    const registration = queueRows(home.text, 'awaiting_registration');
    // A held acceptance cannot be registered yet, so it waits in no officer's queue.
    expect(registration).toHaveLength(1);
    expect(registration[0]).toContain(`/staff/requests/${accepted.requestId}`);
    expect(home.text).not.toContain(`/staff/requests/${acceptedHeld.requestId}"`);

    const due = queueRows(home.text, 'due_service');
    expect(due).toHaveLength(1);
    expect(due[0]).toContain(`/staff/requests/${registered.requestId}`);
    expect(due[0]).toContain('6 أيام');

    // The counts are shown with each queue, and the manager sees the same home.
    expect(home.text).toMatch(/data-qa="queue-awaiting_verification"[\s\S]*?data-qa="queue-count">\(طلب واحد\)/);
    expect((await manager.get('/staff')).text).toContain('data-qa="queue-due_service"');
  });

  it('takes a request out of "due a service" once served, and back when a monthly approval is due again', async () => {
    const registered = await raisedRequest(testApp, { status: 'registered', submittedAt: daysAgo(90) });
    await withPrisma(testApp, async (prisma) => {
      await prisma.beneficiary.update({ where: { id: registered.beneficiaryId }, data: { registeredAt: daysAgo(50), fileNumber: 'F-000002' } });
      await prisma.decision.create({ data: { requestId: registered.requestId, outcome: 'accept', approvedSupportType: 'rent', amount: 1500, durationMonths: 6, decidedById: staffId, decidedAt: daysAgo(60), releasedAt: daysAgo(55) } });
      await prisma.serviceDelivery.create({
        data: { requestId: registered.requestId, beneficiaryId: registered.beneficiaryId, serviceType: 'rent', amount: 1500, deliveredOn: daysAgo(10).toISOString().slice(0, 10), deliveredById: staffId },
      });
    });
    const link = `/staff/requests/${registered.requestId}"`;
    expect(queueRows((await officer.get('/staff')).text, 'due_service').join('')).not.toContain(link);
    testApp.clock.advanceDays(25);
    expect(queueRows((await officer.get('/staff')).text, 'due_service').join('')).toContain(link);
    testApp.clock.advanceDays(-25);
  });
});

describe('deadlines where the work is done', () => {
  it('tags a referral past its deadline in the researcher’s queue, and open requests for information on the staff file', async () => {
    const late = await raisedRequest(testApp, { status: 'referred', fullName: 'هند علي القحطاني' });
    const returned = await raisedRequest(testApp, { status: 'needs_info' });
    await withPrisma(testApp, async (prisma) => {
      await prisma.referral.create({ data: { requestId: late.requestId, reason: 'needs_study', question: 'زيارة منزلية', referredById: staffId, referredAt: daysAgo(8) } });
      await prisma.infoRequest.create({ data: { requestId: returned.requestId, items: '["كشف حساب"]', requestedById: staffId, requestedByRole: 'relations_officer', requestedAt: daysAgo(11) } });
    });
    const researcher = (await agentWithRole(testApp, ['social_researcher'])).agent;
    const queue = (await researcher.get('/research')).text;
    const row = [...queue.matchAll(/<tr[^>]*data-qa="queue-row"[\s\S]*?<\/tr>/g)].map((match) => match[0]).find((text) => text.includes('هند علي القحطاني'));
    expect(row).toContain('تجاوز المهلة');
    const file = (await officer.get(`/staff/requests/${returned.requestId}`)).text;
    expect(/data-qa="info-request"[\s\S]*?<\/div>/.exec(file)?.[0]).toContain('تجاوز المهلة');
  });
});

describe('the reception list', () => {
  it('shows how long each request has waited', async () => {
    const { requestId } = await raisedRequest(testApp, { status: 'submitted', submittedAt: daysAgo(5) });
    const home = await officer.get('/staff');
    const row = [...home.text.matchAll(/<tr[^>]*data-qa="awaiting-row"[\s\S]*?<\/tr>/g)].map((match) => match[0]).find((text) => text.includes(`/staff/requests/${requestId}"`));
    expect(row).toContain('5 أيام');
  });
});

describe('the staff file at the later stages', () => {
  it('offers registration to an officer once the acceptance is released, and service delivery once registered', async () => {
    const accepted = await raisedRequest(testApp, { status: 'accepted' });
    await withPrisma(testApp, (prisma) => prisma.supportRequest.update({ where: { id: accepted.requestId }, data: { decisionReleasedAt: testApp.clock.now() } }));
    const file = await officer.get(`/staff/requests/${accepted.requestId}`);
    expect(file.text).toContain(`href="/staff/requests/${accepted.requestId}/registration"`);
    // The manager may not register, so the file offers no registration to them.
    const managerFile = await manager.get(`/staff/requests/${accepted.requestId}`);
    expect(managerFile.text).not.toContain(`/staff/requests/${accepted.requestId}/registration"`);

    const registered = await raisedRequest(testApp, { status: 'registered' });
    for (const agent of [officer, manager]) {
      expect((await agent.get(`/staff/requests/${registered.requestId}`)).text).toContain(`href="/staff/requests/${registered.requestId}/services"`);
    }
  });
});

describe('the reminder before the information deadline', () => {
  it('sends one reminder inside the window, only with consent to messages, never after the deadline', async () => {
    const withConsent = await raisedRequest(testApp, { status: 'needs_info', mobile: '+966501110001' });
    const withoutConsent = await raisedRequest(testApp, { status: 'needs_info', mobile: '+966501110002' });
    const late = await raisedRequest(testApp, { status: 'needs_info', mobile: '+966501110003' });
    await withPrisma(testApp, async (prisma) => {
      const now = testApp.clock.now();
      await prisma.consentRecord.create({ data: { beneficiaryId: withConsent.beneficiaryId, purpose: 'optional_messages', granted: true, at: daysAgo(30), channel: 'website' } });
      await prisma.consentRecord.create({ data: { beneficiaryId: late.beneficiaryId, purpose: 'optional_messages', granted: true, at: daysAgo(30), channel: 'website' } });
      for (const request of [withConsent, withoutConsent]) {
        await prisma.infoRequest.create({ data: { requestId: request.requestId, items: '["كشف حساب"]', requestedById: staffId, requestedByRole: 'relations_officer', requestedAt: now } });
      }
      await prisma.infoRequest.create({ data: { requestId: late.requestId, items: '["كشف حساب"]', requestedById: staffId, requestedByRole: 'relations_officer', requestedAt: daysAgo(11) } });
    });
    const reminders = () =>
      withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { template: 'infoRequestDeadlineReminder', channel: 'sms' }, select: { recipient: true, body: true } }));

    // Day 0: ten days to go, outside the two-day window.
    await testApp.services.deadlineReminders.sendDue();
    expect(await reminders()).toHaveLength(0);

    testApp.clock.advanceDays(8.5);
    await testApp.services.deadlineReminders.sendDue();
    await testApp.services.deadlineReminders.sendDue();
    testApp.clock.advanceDays(1);
    await testApp.services.deadlineReminders.sendDue();
    const sent = await reminders();
    expect(sent.map((message) => message.recipient)).toEqual(['+966501110001']);
    expect(sent[0]!.body).toContain(withConsent.reference);
    testApp.clock.advanceDays(-9.5);
  });

  it('is a message listed as optional, so consent rules apply to it', async () => {
    const { isOptionalMessage } = await import('../../../src/domain/consent.ts');
    expect(isOptionalMessage('infoRequestDeadlineReminder')).toBe(true);
  });
});
