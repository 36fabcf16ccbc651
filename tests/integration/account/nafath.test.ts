import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { startFakeNafath, type FakeNafath } from '../../support/fakeNafath.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { latestCode, registerAndVerify } from './support.ts';

let fake: FakeNafath;
let testApp: TestApp;
beforeAll(async () => {
  fake = await startFakeNafath();
  testApp = await createTestApp({ env: fake.env });
});
afterAll(async () => {
  await testApp.close();
  await fake.close();
});

let counter = 0;
const nextMobile = () => `0547${String(Date.now() % 1e2).padStart(2, '0')}${String((counter += 1)).padStart(4, '0')}`;
const e164 = (local: string) => `+966${local.slice(1)}`;

/** Starts a Nafath sign-in in a new browser and returns it on the waiting page. */
async function startNafath(nationalId: string, agent = request.agent(testApp.app)) {
  const started = await submitForm(agent, '/account/nafath', { nationalId });
  expect(started.status).toBe(303);
  expect(started.headers.location).toBe('/account/nafath/wait');
  return { agent, transaction: fake.latest() };
}

const auditOf = async (beneficiaryId: number) =>
  (await testApp.data.repositories.audit.search({ entityType: 'beneficiary', entityId: String(beneficiaryId) }, 1, 50)).entries;

describe('Nafath sign-in', () => {
  it('is offered on the sign-in page when configured, and hidden when not', async () => {
    expect((await request(testApp.app).get('/account/login')).text).toContain('href="/account/nafath"');
    const plain = await createTestApp();
    try {
      expect((await request(plain.app).get('/account/login')).text).not.toContain('/account/nafath');
      expect((await request(plain.app).get('/account/nafath')).status).toBe(404);
    } finally {
      await plain.close();
    }
  });

  it('shows the random number, waits with a check-again button (and a script’s JSON poll), and signs in an existing account once the signed result verifies', async () => {
    const nationalId = uniqueNationalId();
    const account = await registerAndVerify(testApp, { nationalId });
    await account.get('/account/requests');
    const { agent, transaction } = await startNafath(nationalId);
    expect(fake.calls.find((call) => call.path === '/api/v1/mfa/request' && (call.body as { nationalId: string }).nationalId === nationalId)?.appId).toBe('tayseer-test');

    const waiting = await agent.get('/account/nafath/wait');
    expect(waiting.status).toBe(200);
    expect(waiting.text).toContain(`<bdi dir="ltr">${transaction.random}</bdi>`);
    expect(waiting.text).toContain('<form method="get" action="/account/nafath/wait"');
    expect(waiting.text).toContain('data-qa="nafath-check"');
    expect((await agent.get('/account/nafath/status')).body).toEqual({ waiting: true });

    fake.complete();
    expect((await agent.get('/account/nafath/status')).body).toEqual({ waiting: false });
    const done = await agent.get('/account/nafath/wait');
    expect(done.status).toBe(303);
    expect(done.headers.location).toBe('/account/requests');
    expect((await agent.get('/account/requests')).text).toContain('data-qa="account-logout"');
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect((await auditOf(record!.id)).some((entry) => entry.action === 'beneficiary.signed_in' && JSON.stringify(entry.details).includes('nafath'))).toBe(true);
  });

  it('lets a Nafath-proven ID claim a walk-in’s record and replace its mobile, verified by a code, without a password', async () => {
    const { agent: officer } = await agentWithRole(testApp, ['relations_officer']);
    const nationalId = uniqueNationalId();
    const deskMobile = nextMobile();
    expect((await submitForm(officer, '/staff/walk-in', { nationalId, mobile: deskMobile, channel: 'interview' })).status).toBe(303);
    const walkIn = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);

    const { agent } = await startNafath(nationalId);
    fake.complete();
    const proven = await agent.get('/account/nafath/wait');
    expect(proven.headers.location).toBe('/account/nafath/mobile');
    const mobilePage = await agent.get('/account/nafath/mobile');
    expect(mobilePage.text).toContain('data-qa="nafath-recorded-mobile"');

    const refused = await agent.post('/account/nafath/mobile').type('form').send({ _csrf: csrfFrom(mobilePage.text), mobile: 'abc' });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('href="#privacyConsent"');
    expect(refused.text).toContain('value="abc"');

    const newMobile = nextMobile();
    const sent = await agent.post('/account/nafath/mobile').type('form').send({ _csrf: csrfFrom(mobilePage.text), mobile: newMobile, privacyConsent: 'yes' });
    expect(sent.headers.location).toBe('/account/verify');
    const verifyPage = await agent.get('/account/verify');
    const verified = await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(verifyPage.text), code: await latestCode(testApp, e164(newMobile)) });
    expect(verified.status).toBe(303);

    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.id).toBe(walkIn?.id);
    expect(record?.mobile).toBe(e164(newMobile));
    expect(record?.passwordHash).toBeNull();
    expect(record?.nafathVerifiedAt).not.toBeNull();
    expect((await agent.get('/account/requests')).status).toBe(200);
    const registered = (await auditOf(record!.id)).find((entry) => entry.action === 'beneficiary.registered');
    expect(JSON.stringify(registered?.details)).toContain('"method":"nafath"');
    expect(JSON.stringify(registered?.details)).toContain('"mobileReplaced":true');
  });

  it('creates a new record for an ID the association has never seen', async () => {
    const nationalId = uniqueNationalId();
    const { agent } = await startNafath(nationalId);
    fake.complete();
    expect((await agent.get('/account/nafath/wait')).headers.location).toBe('/account/nafath/mobile');
    expect(await testApp.data.repositories.beneficiaries.findByNationalId(nationalId)).not.toBeNull();
  });

  it('gives clear pages for a rejected and an expired request, and signs no one in', async () => {
    const nationalId = uniqueNationalId();
    const rejected = await startNafath(nationalId);
    fake.reject();
    const rejectedPage = await rejected.agent.get('/account/nafath/wait');
    expect(rejectedPage.status).toBe(200);
    expect(rejectedPage.text).toContain('data-state="rejected"');
    expect(rejectedPage.text).toContain('رُفض طلب التحقق في نفاذ');

    const expired = await startNafath(nationalId);
    fake.expire();
    expect((await expired.agent.get('/account/nafath/wait')).text).toContain('data-state="expired"');
    expect((await expired.agent.get('/account/requests')).headers.location).toBe('/account/login');
  });

  it('times out a request Nafath never answers, by the injected clock', async () => {
    const { agent } = await startNafath(uniqueNationalId());
    testApp.clock.set(new Date(testApp.clock.now().getTime() + 4 * 60_000));
    const page = await agent.get('/account/nafath/wait');
    expect(page.text).toContain('data-state="timed_out"');
  });

  it('refuses a result signed with a key Nafath does not publish, and an expired token', async () => {
    for (const token of ['wrong_key', 'expired'] as const) {
      const { agent } = await startNafath(uniqueNationalId());
      fake.complete({ token });
      const page = await agent.get('/account/nafath/wait');
      expect(page.status, token).toBe(200);
      expect(page.text).toContain('data-qa="nafath-number"');
      expect((await agent.get('/account/requests')).headers.location).toBe('/account/login');
    }
  });

  it('accepts the callback only with a verified token, once, and refuses a replayed transaction', async () => {
    const nationalId = uniqueNationalId();
    const { agent, transaction } = await startNafath(nationalId);
    fake.complete({ token: 'none' }); // the status call says COMPLETED but carries no signed result
    expect((await agent.get('/account/nafath/wait')).text).toContain('data-qa="nafath-number"');

    const forged = await request(testApp.app).post('/account/nafath/callback').send({ token: await fake.callbackToken({ how: 'wrong_key' }) });
    expect(forged.status).toBe(400);
    const stale = await request(testApp.app).post('/account/nafath/callback').send({ token: await fake.callbackToken({ how: 'expired' }) });
    expect(stale.status).toBe(400);
    const token = await fake.callbackToken({ transId: transaction.transId });
    expect((await request(testApp.app).post('/account/nafath/callback').send({ token })).status).toBe(200);
    expect((await request(testApp.app).post('/account/nafath/callback').send({ token })).status).toBe(400);

    expect((await agent.get('/account/nafath/wait')).headers.location).toBe('/account/nafath/mobile');

    // The transaction is spent: using it again (another server, a replayed page) is refused.
    expect((await testApp.data.repositories.nafath.findByTransId(transaction.transId))?.consumedAt).not.toBeNull();
    expect(await testApp.services.nafath.consume(transaction.transId)).toEqual({ ok: false, state: 'used' });
  });

  it('says so on the same page, with the ID kept, when Nafath does not answer', async () => {
    const offline = await createTestApp({ env: { ...fake.env, NAFATH_BASE_URL: 'http://127.0.0.1:9' } });
    try {
      const agent = request.agent(offline.app);
      const nationalId = uniqueNationalId();
      const page = await submitForm(agent, '/account/nafath', { nationalId });
      expect(page.status).toBe(503);
      expect(page.text).toContain('لا يستجيب نفاذ الآن');
      expect(page.text).toContain(`value="${nationalId}"`);
    } finally {
      await offline.close();
    }
  });

  it('lets a signed-in beneficiary change the mobile with Nafath in place of the old number', async () => {
    const nationalId = uniqueNationalId();
    const agent = await registerAndVerify(testApp, { nationalId });
    testApp.clock.set(new Date(testApp.clock.now().getTime() + 2 * 60_000)); // past the one-a-minute SMS limit
    const started = await submitForm(agent, '/account/mobile', {}, '/account/mobile/nafath');
    expect(started.headers.location).toBe('/account/nafath/wait');
    fake.complete();
    expect((await agent.get('/account/nafath/wait')).headers.location).toBe('/account/mobile/nafath/new');
    const newMobile = nextMobile();
    expect((await submitForm(agent, '/account/mobile/nafath/new', { mobile: newMobile })).headers.location).toBe('/account/mobile/nafath/confirm');
    const wrong = await submitForm(agent, '/account/mobile/nafath/confirm', { newCode: '000000' });
    expect(wrong.status).toBe(400);
    const done = await submitForm(agent, '/account/mobile/nafath/confirm', { newCode: await latestCode(testApp, e164(newMobile), 'mobileChange') });
    expect(done.status).toBe(303);
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.mobile).toBe(e164(newMobile));
    const changed = (await auditOf(record!.id)).find((entry) => entry.action === 'beneficiary.mobile_changed');
    expect(JSON.stringify(changed?.details)).toContain('"method":"nafath"');
  });
});
