import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { passwordHasher } from '../../../src/services/passwordHasher.ts';
import { submittedRequest, versionOf } from '../staff/intakeFixtures.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const PASSWORD = 'a good password';

/** A submitted request whose applicant has an online account, signed in. */
async function applicantWithRequest() {
  const { id, beneficiary } = await submittedRequest(testApp);
  await testApp.data.repositories.beneficiaries.update(beneficiary.id, {
    passwordHash: await passwordHasher.hash(PASSWORD),
    mobileVerifiedAt: new Date(),
  });
  const agent = request.agent(testApp.app);
  const login = await agent.get('/account/login');
  const signedIn = await agent
    .post('/account/login')
    .type('form')
    .send({ _csrf: csrfFrom(login.text), nationalId: beneficiary.nationalId, password: PASSWORD });
  expect(signedIn.status).toBe(303);
  return { agent, requestId: id, beneficiaryId: beneficiary.id };
}

async function withdrawAs(
  agent: ReturnType<typeof request.agent>,
  requestId: number,
  fields: Record<string, string> = {},
) {
  const page = await agent.get(`/account/requests/${requestId}/withdraw`);
  const version = /name="version" value="(\d+)"/.exec(page.text)?.[1] ?? '0';
  return agent
    .post(`/account/requests/${requestId}/withdraw`)
    .type('form')
    .send({ _csrf: csrfFrom(page.text), version, ...fields });
}

describe('withdrawing a request', () => {
  it('lets the applicant withdraw a request under review, tells them, and lets them apply again', async () => {
    const { agent, requestId, beneficiaryId } = await applicantWithRequest();
    expect((await agent.get(`/account/requests/${requestId}`)).text).toContain(
      `href="/account/requests/${requestId}/withdraw"`,
    );
    const response = await withdrawAs(agent, requestId, { reason: 'وجدت عملًا' });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe(`/account/requests/${requestId}`);

    const page = await agent.get(`/account/requests/${requestId}`);
    expect(page.text).toContain('سُحب طلبك.');
    expect(page.text).toMatch(/data-qa="request-status"[\s\S]*?سُحب الطلب/);
    expect(page.text).not.toContain('data-qa="withdraw-link"');
    const stored = await testApp.data.repositories.requests.findById(requestId);
    expect(stored?.status).toBe('withdrawn');
    expect(stored?.closedAt).not.toBeNull();
    const { messages } = await testApp.data.repositories.notifications.list(
      { template: 'requestWithdrawn' },
      1,
      50,
    );
    expect(messages.filter((message) => message.beneficiaryId === beneficiaryId)).toHaveLength(1);
    const { entries } = await testApp.data.repositories.audit.search(
      { action: 'request.withdrawn', entityId: String(requestId) },
      1,
      5,
    );
    expect(entries[0]?.details).toMatchObject({
      reason: 'وجدت عملًا',
      from: 'submitted',
      to: 'withdrawn',
    });

    const context = { kind: 'beneficiary' as const, id: beneficiaryId, label: 'x', ip: null };
    const next = await testApp.services.applications.startOrResumeDraft(
      beneficiaryId,
      'website',
      context,
    );
    expect(next.request.id).not.toBe(requestId);
  });

  it("answers 404 for someone else's request", async () => {
    const { requestId } = await applicantWithRequest();
    const { agent: other } = await applicantWithRequest();
    expect((await other.get(`/account/requests/${requestId}/withdraw`)).status).toBe(404);
    const page = await other.get('/account/requests');
    const post = await other
      .post(`/account/requests/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: '1' });
    expect(post.status).toBe(404);
    expect(await testApp.data.repositories.requests.findById(requestId)).toMatchObject({
      status: 'submitted',
    });
  });

  it('is no longer offered once the request is with the committee', async () => {
    const { agent, requestId } = await applicantWithRequest();
    const page = await agent.get(`/account/requests/${requestId}/withdraw`);
    await testApp.data.repositories.requests.setStatus(
      requestId,
      await versionOf(testApp, requestId),
      'with_committee',
    );
    expect((await agent.get(`/account/requests/${requestId}`)).text).not.toContain(
      'data-qa="withdraw-link"',
    );
    expect((await agent.get(`/account/requests/${requestId}/withdraw`)).headers.location).toBe(
      `/account/requests/${requestId}`,
    );
    const late = await agent
      .post(`/account/requests/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), version: String(await versionOf(testApp, requestId)) });
    expect(late.status).toBe(303);
    expect(await testApp.data.repositories.requests.findById(requestId)).toMatchObject({
      status: 'with_committee',
    });
  });

  it('lets a relations officer withdraw on the applicant’s behalf, with a reason, but not a manager', async () => {
    const { id: requestId } = await submittedRequest(testApp);
    const { agent: manager } = await agentWithRole(testApp, ['manager']);
    expect((await manager.get(`/staff/requests/${requestId}`)).text).not.toContain(
      'data-qa="action-withdraw"',
    );
    const { agent: officer } = await agentWithRole(testApp, ['relations_officer']);
    expect((await officer.get(`/staff/requests/${requestId}`)).text).toContain(
      'data-qa="action-withdraw"',
    );

    const form = await officer.get(`/staff/requests/${requestId}/withdraw`);
    const token = csrfFrom(form.text);
    const version = String(await versionOf(testApp, requestId));
    const empty = await officer
      .post(`/staff/requests/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: token, version, reason: '  ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('اكتب سبب سحب الطلب');
    const stale = await officer
      .post(`/staff/requests/${requestId}/withdraw`)
      .type('form')
      .send({
        _csrf: token,
        version: String(Number(version) - 1),
        reason: 'طلب المستفيد ذلك هاتفيًا',
      });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain('طلب المستفيد ذلك هاتفيًا');
    const done = await officer
      .post(`/staff/requests/${requestId}/withdraw`)
      .type('form')
      .send({ _csrf: token, version, reason: 'طلب المستفيد ذلك هاتفيًا' });
    expect(done.status).toBe(303);
    expect(await testApp.data.repositories.requests.findById(requestId)).toMatchObject({
      status: 'withdrawn',
    });
    expect((await officer.get(`/staff/requests/${requestId}`)).text).toContain('سُحب الطلب');
  });
});
