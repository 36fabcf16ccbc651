import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { beneficiaryStatusView, type RequestStatus } from '../../../src/domain/requestStatus.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';
import { raisedRequest, withPrisma } from './fixtures.ts';

let testApp: TestApp;
let chair: { kind: 'staff'; id: number; label: string; roles: StaffRole[]; ip: null };

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  const staff = await createStaff(testApp, ['committee_chair']);
  chair = { kind: 'staff', id: staff.id, label: 'رئيس اللجنة', roles: ['committee_chair'], ip: null };
});
afterAll(() => testApp.close());

async function beneficiaryView(requestId: number) {
  return withPrisma(testApp, async (prisma) => {
    const request = await prisma.supportRequest.findUniqueOrThrow({ where: { id: requestId } });
    return beneficiaryStatusView(request.status as RequestStatus, { decisionReleased: request.decisionReleasedAt !== null });
  });
}

const accept = { outcome: 'accept', approvedSupportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, note: null } as const;

describe('the two-week floor', () => {
  it('keeps an early decision from the beneficiary, then releases it once, when the window opens', async () => {
    const { requestId, beneficiaryId } = await raisedRequest(testApp, { submittedAt: testApp.clock.now() });
    testApp.clock.advanceDays(3);

    const outcome = await testApp.services.committee.recordDecision(chair, requestId, accept);
    expect(outcome).toEqual({ released: false });
    expect(await beneficiaryView(requestId)).toBe('with_committee');
    const visible = await testApp.data.repositories.audit.forRequest(requestId, true);
    expect(visible.map((entry) => entry.action)).not.toContain('decision.released');
    expect(await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId)).toHaveLength(0);

    testApp.clock.advanceDays(10); // day 13: still closed
    expect(await testApp.services.decisionRelease.releaseDue()).toEqual({ released: 0 });
    expect(await beneficiaryView(requestId)).toBe('with_committee');

    testApp.clock.advanceDays(1); // day 14: the window opens
    const [first, second] = await Promise.all([testApp.services.decisionRelease.releaseDue(), testApp.services.decisionRelease.releaseDue()]);
    expect(first.released + second.released).toBe(1);
    expect(await testApp.services.decisionRelease.releaseDue()).toEqual({ released: 0 });

    expect(await beneficiaryView(requestId)).toBe('accepted');
    const messages = await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId);
    expect(messages.map((message) => `${message.template}/${message.channel}`).sort()).toEqual([
      'decisionReleasedAccepted/email',
      'decisionReleasedAccepted/sms',
    ]);
    const released = await testApp.data.repositories.audit.forRequest(requestId, true);
    expect(released.filter((entry) => entry.action === 'decision.released')).toHaveLength(1);
    expect(messages.find((message) => message.channel === 'sms')?.body).toContain('بقبول طلبك');
  });

  it('releases at once when the chair decides after the window opened', async () => {
    const submittedAt = new Date(testApp.clock.now().getTime() - 20 * 86_400_000);
    const { requestId, beneficiaryId } = await raisedRequest(testApp, { submittedAt });
    const outcome = await testApp.services.committee.recordDecision(chair, requestId, {
      outcome: 'reject',
      rejectionReason: 'income_above_threshold',
      note: null,
    });
    expect(outcome).toEqual({ released: true });
    expect(await beneficiaryView(requestId)).toBe('rejected');
    const messages = await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId);
    expect(messages.map((message) => message.template)).toEqual(['decisionReleasedRejected', 'decisionReleasedRejected']);
    expect(await testApp.services.decisionRelease.releaseDue()).toEqual({ released: 0 });
  });

  it('returns a request for more information immediately, before the window opens', async () => {
    const { requestId, beneficiaryId } = await raisedRequest(testApp, { submittedAt: testApp.clock.now(), email: null });
    const outcome = await testApp.services.committee.recordDecision(chair, requestId, { outcome: 'more_info', note: 'صورة عقد الإيجار المحدّث' });
    expect(outcome).toEqual({ released: true });
    expect(await beneficiaryView(requestId)).toBe('needs_info');
    const messages = await testApp.data.repositories.notifications.forBeneficiary(beneficiaryId);
    expect(messages.map((message) => `${message.template}/${message.channel}`)).toEqual(['decisionReleasedMoreInfo/sms']);
    const infoRequests = await withPrisma(testApp, (prisma) => prisma.infoRequest.findMany({ where: { requestId } }));
    expect(JSON.parse(infoRequests[0]!.items)).toEqual(['صورة عقد الإيجار المحدّث']);
    const visible = await testApp.data.repositories.audit.forRequest(requestId, true);
    expect(visible.map((entry) => entry.action)).toEqual(['request.returned_for_info']);
  });

  it('refuses a decision from a committee member and on a request no longer with the committee', async () => {
    const { requestId } = await raisedRequest(testApp);
    const member = { ...chair, roles: ['committee_member'] as StaffRole[] };
    await expect(testApp.services.committee.recordDecision(member, requestId, accept)).rejects.toMatchObject({ status: 422, code: 'transition.roleNotAllowed' });
    await expect(testApp.services.committee.recordDecision(chair, requestId, accept)).resolves.toEqual({ released: false });
    await expect(testApp.services.committee.recordDecision(chair, requestId, accept)).rejects.toMatchObject({
      status: 422,
      code: 'transition.notAllowedFromStatus',
    });
    await expect(testApp.services.committee.recordDecision(chair, 999_999, accept)).rejects.toMatchObject({ status: 404 });
  });
});

describe('what the beneficiary sees in their account', () => {
  it('shows "under study" for an early decision and the decision after the window opens', async () => {
    const password = 'a long beneficiary password';
    const { requestId, nationalId } = await raisedRequest(testApp, { submittedAt: testApp.clock.now(), beneficiaryPassword: password });
    const agent = request.agent(testApp.app);
    const login = await agent.get('/account/login');
    const signedIn = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId, password });
    expect(signedIn.status).toBe(303);
    const statusRow = async () => {
      const page = await agent.get(`/account/requests/${requestId}`);
      expect(page.status).toBe(200);
      return /data-qa="request-status">[\s\S]*?<dd class="summary-list-value">([^<]*)</.exec(page.text)?.[1]?.trim();
    };
    const underStudy = await statusRow();

    testApp.clock.advanceDays(2);
    await testApp.services.committee.recordDecision(chair, requestId, accept);
    expect(await statusRow()).toBe(underStudy);
    expect((await agent.get(`/account/requests/${requestId}`)).text).not.toContain('account:timeline.decision.released');

    testApp.clock.advanceDays(12);
    await testApp.services.decisionRelease.releaseDue();
    const afterRelease = await statusRow();
    expect(afterRelease).toBeTruthy();
    expect(afterRelease).not.toBe(underStudy);
  });
});
