import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createStaff, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';

type StaffContext = { kind: 'staff'; id: number; label: string; roles: StaffRole[]; ip: null };
const PASSWORD = 'a good password';
const DAY = 24 * 60 * 60 * 1000;
let testApp: TestApp;
let chair: StaffContext;
let officer: StaffContext;

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  chair = { kind: 'staff', id: (await createStaff(testApp, ['committee_chair'])).id, label: 'رئيس اللجنة', roles: ['committee_chair'], ip: null };
  officer = { kind: 'staff', id: (await createStaff(testApp, ['relations_officer'])).id, label: 'موظف', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

/** An applicant signed in, whose request the committee accepted (held until the window opens). */
async function acceptedApplicant(options: { consents?: boolean } = {}) {
  const fixture = await raisedRequest(testApp, { beneficiaryPassword: PASSWORD, submittedAt: new Date(testApp.clock.now().getTime() - 15 * DAY) });
  const agent = request.agent(testApp.app);
  const login = await agent.get('/account/login');
  expect((await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId: fixture.nationalId, password: PASSWORD })).status).toBe(303);
  if (options.consents) {
    await testApp.services.myData.recordConsent({ kind: 'beneficiary', id: fixture.beneficiaryId, label: 'مستفيد', ip: null }, 'optional_messages', true);
  }
  await testApp.services.committee.recordDecision(chair, fixture.requestId, { outcome: 'accept', approvedSupportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, note: null });
  return { ...fixture, agent };
}

const invitations = (beneficiaryId: number) =>
  withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { beneficiaryId, template: 'ratingInvitation', channel: 'sms' } }));

async function rateLinkShown(agent: ReturnType<typeof request.agent>, requestId: number) {
  return (await agent.get(`/account/requests/${requestId}`)).text.includes('data-qa="rate-link"');
}

describe('anonymous ratings', () => {
  it('leave no audit entry, timeline line or time that ties them to the person or request', async () => {
    const applicant = await acceptedApplicant();
    await testApp.services.decisionRelease.releaseDue();
    const before = await withPrisma(testApp, (prisma) => prisma.auditEntry.count());
    testApp.clock.set(new Date('2026-03-17T13:47:11Z'));
    const rated = await submitForm(applicant.agent, `/account/requests/${applicant.requestId}/rate`, { score: '4', easeScore: '5', comment: 'تعامل لطيف', anonymous: 'yes' });
    expect(rated.status).toBe(303);

    expect(await withPrisma(testApp, (prisma) => prisma.auditEntry.count())).toBe(before);
    const rating = await withPrisma(testApp, (prisma) => prisma.serviceRating.findFirstOrThrow({ where: { comment: 'تعامل لطيف' } }));
    expect(rating).toMatchObject({ beneficiaryId: null, requestId: null });
    // Only the month is kept: the period the managers' figures are counted by.
    expect(rating.createdAt.toISOString()).toBe('2026-03-01T00:00:00.000Z');
    const stored = await withPrisma(testApp, (prisma) => prisma.supportRequest.findUniqueOrThrow({ where: { id: applicant.requestId } }));
    expect(stored.ratedAt).toBeNull();
    const page = (await applicant.agent.get(`/account/requests/${applicant.requestId}`)).text;
    expect(page).not.toContain('قيّمت');
    expect(await rateLinkShown(applicant.agent, applicant.requestId)).toBe(false);
  });

  it('are offered after the decision and again after each service, with one invitation message each when the person agreed to messages', async () => {
    testApp.clock.set(new Date('2026-03-01T08:00:00Z'));
    const applicant = await acceptedApplicant({ consents: true });
    const silent = await acceptedApplicant();
    await testApp.services.decisionRelease.releaseDue();
    await testApp.services.decisionRelease.releaseDue();
    expect(await invitations(applicant.beneficiaryId)).toHaveLength(1);
    expect(await invitations(silent.beneficiaryId)).toHaveLength(0);
    expect(await rateLinkShown(silent.agent, silent.requestId)).toBe(true);

    expect((await submitForm(applicant.agent, `/account/requests/${applicant.requestId}/rate`, { score: '5', easeScore: '5', anonymous: 'yes' })).status).toBe(303);
    expect(await rateLinkShown(applicant.agent, applicant.requestId)).toBe(false);

    await testApp.services.registration.completeItems(officer, applicant.requestId, testApp.config.registrationItems);
    await testApp.services.registration.register(officer, applicant.requestId);
    const today = testApp.clock.now().toISOString().slice(0, 10);
    expect((await testApp.services.serviceDelivery.record(officer, applicant.requestId, { serviceType: 'rent', amount: 1500, quantity: null, deliveredOn: today, note: null })).id).toBeGreaterThan(0);
    expect(await invitations(applicant.beneficiaryId)).toHaveLength(2);
    expect(await rateLinkShown(applicant.agent, applicant.requestId)).toBe(true);
    expect((await submitForm(applicant.agent, `/account/requests/${applicant.requestId}/rate`, { score: '3', easeScore: '4' })).status).toBe(303);
    expect(await rateLinkShown(applicant.agent, applicant.requestId)).toBe(false);
    const named = await withPrisma(testApp, (prisma) => prisma.serviceRating.findFirstOrThrow({ where: { requestId: applicant.requestId } }));
    expect(named).toMatchObject({ context: 'service', anonymous: false });
  });

  it('show managers comments only once at least five ratings exist for the period', async () => {
    testApp.clock.set(new Date('2026-04-02T08:00:00Z'));
    const { agent: manager } = await agentWithRole(testApp, ['manager']);
    const comments = ['الموظفون متعاونون', 'الرد تأخر', 'الخطوات واضحة', 'المكان بعيد', 'شكرًا لكم'];
    for (const [index, comment] of comments.entries()) {
      const applicant = await acceptedApplicant();
      await testApp.services.decisionRelease.releaseDue();
      expect((await submitForm(applicant.agent, `/account/requests/${applicant.requestId}/rate`, { score: String(index + 1), easeScore: '3', comment, anonymous: 'yes' })).status).toBe(303);
      const page = (await manager.get('/admin/satisfaction?period=2026-04')).text;
      if (index < 4) {
        expect(page).not.toContain(comment);
        expect(page).toContain('data-qa="comments-withheld"');
      } else {
        for (const shown of comments) expect(page).toContain(shown);
      }
    }
  });
});
