import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { submittedRequest, versionOf } from './intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;
let officerContext: { kind: 'staff'; id: number; label: string; roles: ['relations_officer']; ip: null };

beforeAll(async () => {
  testApp = await createTestApp({ env: { ORG_PHONE: '0112345678' } });
  const signedIn = await agentWithRole(testApp, ['relations_officer']);
  officer = signedIn.agent;
  officerContext = { kind: 'staff', id: signedIn.staff.id, label: 'موظف', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

const messagesTo = (beneficiaryId: number, template: string) =>
  withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { beneficiaryId, template }, select: { channel: true, body: true } }));

describe('messages to a walk-in without an online account', () => {
  it('give the reference and the association’s phone instead of pointing to an account', async () => {
    const { id, beneficiary } = await submittedRequest(testApp);
    const request = await testApp.data.repositories.requests.findById(id);
    const [submitted] = await messagesTo(beneficiary.id, 'requestSubmitted');
    expect(submitted!.body).toContain(request!.reference!);
    expect(submitted!.body).toContain('0112345678');
    expect(submitted!.body).not.toContain('حسابك');

    await testApp.services.verification.requestInfo(id, 'كشف حساب بنكي حديث', await versionOf(testApp, id), officerContext);
    const [needsInfo] = await messagesTo(beneficiary.id, 'requestNeedsInfo');
    expect(needsInfo!.body).toContain('0112345678');
    expect(needsInfo!.body).not.toContain('حسابك');
  });

  it('keep pointing an account holder to their account', async () => {
    const { id, beneficiary } = await submittedRequest(testApp);
    await withPrisma(testApp, (prisma) => prisma.beneficiary.update({ where: { id: beneficiary.id }, data: { passwordHash: 'an account' } }));
    await testApp.services.verification.requestInfo(id, 'كشف حساب بنكي حديث', await versionOf(testApp, id), officerContext);
    const [needsInfo] = await messagesTo(beneficiary.id, 'requestNeedsInfo');
    expect(needsInfo!.body).toContain('حسابك');
  });
});

describe('inviting a walk-in to open an account', () => {
  it('issues the activation code behind the case-read gate, written to the access log', async () => {
    const { beneficiary } = await submittedRequest(testApp);
    const page = await officer.get(`/staff/beneficiaries/${beneficiary.id}`);
    expect(page.text).toContain('data-qa="activation-form"');
    const before = (await testApp.data.repositories.accessLog.forBeneficiary(beneficiary.id)).length;
    const issued = await officer.post(`/staff/beneficiaries/${beneficiary.id}/activation-code`).type('form').send({ _csrf: csrfFrom(page.text), delivery: 'show' });
    expect(issued.status).toBe(200);
    const after = await testApp.data.repositories.accessLog.forBeneficiary(beneficiary.id);
    expect(after.length).toBe(before + 1);
    expect(after[0]).toMatchObject({ resource: 'beneficiary_file' });
    const missing = await officer.post('/staff/beneficiaries/999999/activation-code').type('form').send({ _csrf: csrfFrom(page.text), delivery: 'show' });
    expect(missing.status).toBe(404);
  });
});

describe('the decision told to a walk-in', () => {
  it('tell a rejected walk-in how to learn the details, by phone with the reference', async () => {
    const chair = await agentWithRole(testApp, ['committee_chair']);
    const chairContext = { kind: 'staff' as const, id: chair.staff.id, label: 'رئيس اللجنة', roles: ['committee_chair' as const], ip: null };
    const submitted = await submittedRequest(testApp);
    // Straight to the committee: the officers' steps are not what this test is about.
    const request = await withPrisma(testApp, (prisma) =>
      prisma.supportRequest.update({ where: { id: submitted.id }, data: { status: 'with_committee', raisedAt: testApp.clock.now(), email: 'walkin@example.org' } }),
    );
    const walkIn = { requestId: request.id, beneficiaryId: submitted.beneficiary.id, reference: request.reference! };
    await testApp.services.committee.recordDecision(chairContext, walkIn.requestId, { outcome: 'reject', rejectionReason: 'income_above_threshold', note: null });
    testApp.clock.advanceDays(15);
    await testApp.services.decisionRelease.releaseDue();
    testApp.clock.advanceDays(-15);
    const messages = await messagesTo(walkIn.beneficiaryId, 'decisionReleasedRejected');
    expect(messages.map((message) => message.channel).sort()).toEqual(['email', 'sms']);
    for (const message of messages) {
      expect(message.body).toContain(walkIn.reference);
      expect(message.body).toContain('0112345678');
      expect(message.body).not.toContain('حسابك');
    }
  });
});
