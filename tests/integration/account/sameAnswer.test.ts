import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { latestCode, registerAndVerify } from './support.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

let counter = 0;
const nextMobile = () => `0571${String(Date.now() % 1e2).padStart(2, '0')}${String((counter += 1)).padStart(4, '0')}`;
const later = (ms: number) => testApp.clock.set(new Date(testApp.clock.now().getTime() + ms));

/** The page as a person sees it, without the CSRF token and what they typed themselves. */
function normalized(text: string, typed: string[] = []): string {
  let out = text.replace(/name="_csrf" value="[^"]+"/g, 'name="_csrf" value=""').replace(/<meta name="csrf-token" content="[^"]+"/g, '');
  for (const value of typed) out = out.split(value).join('TYPED');
  return out;
}

async function post(agent: ReturnType<typeof request.agent>, path: string, fields: Record<string, string>, pagePath = path) {
  const page = await agent.get(pagePath);
  return agent.post(path).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

describe('beneficiary sign-in gives one answer for every account state', () => {
  it('answers unknown, wrong-password, locked and unverified IDs alike', async () => {
    const existing = uniqueNationalId();
    await registerAndVerify(testApp, { nationalId: existing });
    const locked = uniqueNationalId();
    await registerAndVerify(testApp, { nationalId: locked });
    for (let i = 0; i < 5; i += 1) await post(request.agent(testApp.app), '/account/login', { nationalId: locked, password: 'wrong password' });
    const unverified = uniqueNationalId();
    await post(request.agent(testApp.app), '/account/register', { nationalId: unverified, mobile: nextMobile(), password: 'a good password', passwordConfirm: 'a good password', privacyConsent: 'yes' });

    const answers = await Promise.all(
      [
        [uniqueNationalId(), 'a good password'],
        [existing, 'wrong password'],
        [locked, 'a good password'],
        [unverified, 'a good password'],
      ].map(async ([nationalId, password]) => {
        const response = await post(request.agent(testApp.app), '/account/login', { nationalId: nationalId!, password: password! });
        return { status: response.status, body: normalized(response.text, [nationalId!]) };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(401);
  });
});

describe('staff sign-in gives one answer for every account state', () => {
  it('answers unknown, wrong-password, locked and deactivated accounts alike', async () => {
    const active = await createStaff(testApp, ['relations_officer']);
    const locked = await createStaff(testApp, ['relations_officer']);
    for (let i = 0; i < 5; i += 1) await post(request.agent(testApp.app), '/staff/login', { email: locked.email, password: 'wrong' });
    const former = await createStaff(testApp, ['relations_officer'], { active: false });
    const answers = await Promise.all(
      [
        ['nobody@example.org', 'whatever password'],
        [active.email, 'wrong'],
        [locked.email, locked.password],
        [former.email, former.password],
      ].map(async ([email, password]) => {
        const response = await post(request.agent(testApp.app), '/staff/login', { email: email!, password: password! });
        return { status: response.status, body: normalized(response.text, [email!]) };
      }),
    );
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(401);
  });
});

describe('the reset page does not tell an expired code from a wrong one', () => {
  async function resetAgent() {
    const nationalId = uniqueNationalId();
    const mobile = nextMobile();
    await registerAndVerify(testApp, { nationalId, mobile });
    later(61_000);
    const agent = request.agent(testApp.app);
    await post(agent, '/account/reset', { nationalId, mobile });
    return { agent, code: await latestCode(testApp, `+966${mobile.slice(1)}`, 'passwordReset') };
  }
  const submit = (agent: ReturnType<typeof request.agent>, code: string) =>
    post(agent, '/account/reset/code', { code, password: 'a brand new password', passwordConfirm: 'a brand new password' });

  it('answers a wrong code, an expired code, a used-up code and an unknown account alike', async () => {
    const wrong = await resetAgent();
    const wrongAnswer = await submit(wrong.agent, wrong.code === '000000' ? '111111' : '000000');

    const expired = await resetAgent();
    later(11 * 60_000);
    const expiredAnswer = await submit(expired.agent, expired.code);

    const usedUp = await resetAgent();
    for (let i = 0; i < 5; i += 1) await submit(usedUp.agent, usedUp.code === '000000' ? '111111' : '000000');
    const usedUpAnswer = await submit(usedUp.agent, usedUp.code);

    const stranger = request.agent(testApp.app);
    await post(stranger, '/account/reset', { nationalId: uniqueNationalId(), mobile: nextMobile() });
    const strangerAnswer = await submit(stranger, '123456');

    const answers = [wrongAnswer, expiredAnswer, usedUpAnswer, strangerAnswer].map((r) => ({ status: r.status, body: normalized(r.text) }));
    for (const answer of answers) expect(answer).toEqual(answers[0]);
    expect(answers[0]!.status).toBe(400);
    expect(answers[0]!.body).toContain('الرمز غير صحيح أو انتهت صلاحيته');
  });
});

describe('registering an ID that already has an account', () => {
  it('looks like any registration on screen, and tells the owner by SMS instead', async () => {
    const nationalId = uniqueNationalId();
    const mobile = nextMobile();
    // Both numbers end in the same two digits, so the masked numbers shown are the same too.
    const fresh = `${nextMobile().slice(0, 8)}${mobile.slice(-2)}`;
    await registerAndVerify(testApp, { nationalId, mobile });
    later(61_000);
    const recorded = `+966${mobile.slice(1)}`;

    const attempt = request.agent(testApp.app);
    const taken = await post(attempt, '/account/register', { nationalId, mobile: fresh, password: 'another password', passwordConfirm: 'another password', privacyConsent: 'yes' });
    const newcomer = request.agent(testApp.app);
    const freshId = uniqueNationalId();
    const free = await post(newcomer, '/account/register', { nationalId: freshId, mobile: fresh, password: 'another password', passwordConfirm: 'another password', privacyConsent: 'yes' });
    expect(taken.status).toBe(free.status);
    expect(taken.headers.location).toBe(free.headers.location);
    const takenPage = await attempt.get('/account/verify');
    const freePage = await newcomer.get('/account/verify');
    expect(normalized(takenPage.text)).toBe(normalized(freePage.text));
    expect(takenPage.text).not.toContain('يوجد حساب');

    const { messages } = await testApp.data.repositories.notifications.list({ recipient: recorded, template: 'registrationAttempted' }, 1, 5);
    expect(messages).toHaveLength(1);
    expect(messages[0]?.body).toContain('سجّل الدخول أو أعد تعيين كلمة المرور');
    // The account is untouched: the old password still works, the new one does not.
    expect((await post(request.agent(testApp.app), '/account/login', { nationalId, password: 'a good password' })).status).toBe(303);
    expect((await post(request.agent(testApp.app), '/account/login', { nationalId, password: 'another password' })).status).toBe(401);
  });
});
