import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { latestCode, registerAndVerify } from './support.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

let mobileCounter = 0;
function nextMobile(): string {
  mobileCounter += 1;
  return `0531${String(Date.now() % 1e2).padStart(2, '0')}${String(mobileCounter).padStart(4, '0')}`;
}

async function askForReset(
  agent: ReturnType<typeof request.agent>,
  fields: { nationalId: string; mobile: string },
) {
  const page = await agent.get('/account/reset');
  return agent
    .post('/account/reset')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

async function submitCode(
  agent: ReturnType<typeof request.agent>,
  fields: { code: string; password: string; passwordConfirm: string },
) {
  const page = await agent.get('/account/reset/code');
  return agent
    .post('/account/reset/code')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), ...fields });
}

async function signIn(nationalId: string, password: string) {
  const agent = request.agent(testApp.app);
  const page = await agent.get('/account/login');
  return agent
    .post('/account/login')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), nationalId, password });
}

async function account() {
  const nationalId = uniqueNationalId();
  const mobile = nextMobile();
  await registerAndVerify(testApp, { nationalId, mobile });
  // Past the one-minute wait between codes that follows the registration code.
  testApp.clock.set(new Date(testApp.clock.now().getTime() + 61_000));
  const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
  return { nationalId, mobile, e164: record!.mobile! };
}

describe('beneficiary password reset', () => {
  it('links to the reset from the sign-in page', async () => {
    const page = await request(testApp.app).get('/account/login');
    expect(page.text).toContain('href="/account/reset"');
    expect(page.text).toContain('نسيت كلمة المرور؟');
  });

  it('sets a new password with the code sent to the registered mobile, and tells the owner', async () => {
    const { nationalId, mobile, e164 } = await account();
    const agent = request.agent(testApp.app);
    const asked = await askForReset(agent, { nationalId, mobile });
    expect(asked.status).toBe(303);
    expect(asked.headers.location).toBe('/account/reset/code');
    const code = await latestCode(testApp, e164, 'passwordReset');

    const saved = await submitCode(agent, {
      code,
      password: 'a brand new password',
      passwordConfirm: 'a brand new password',
    });
    expect(saved.status).toBe(303);
    expect(saved.headers.location).toBe('/account/login');
    expect((await agent.get('/account/login')).text).toContain('حُفظت كلمة المرور الجديدة');

    expect((await signIn(nationalId, 'a good password')).status).toBe(401);
    expect((await signIn(nationalId, 'a brand new password')).status).toBe(303);
    const { messages } = await testApp.data.repositories.notifications.list(
      { template: 'passwordChanged', recipient: e164 },
      1,
      5,
    );
    expect(messages).toHaveLength(1);
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    const { entries } = await testApp.data.repositories.audit.search(
      { entityType: 'beneficiary', entityId: String(record!.id) },
      1,
      50,
    );
    expect(entries.map((entry) => entry.action)).toEqual(
      expect.arrayContaining([
        'beneficiary.password_reset_requested',
        'beneficiary.password_reset',
      ]),
    );

    // The reset is over: the code page sends back to the start, and the used code is no good.
    const codePage = await agent.get('/account/reset/code');
    expect(codePage.status).toBe(303);
    expect(codePage.headers.location).toBe('/account/reset');
    await askForReset(agent, { nationalId, mobile });
    const reused = await submitCode(agent, {
      code,
      password: 'yet another password',
      passwordConfirm: 'yet another password',
    });
    expect(reused.status).toBe(400);
    expect((await signIn(nationalId, 'a brand new password')).status).toBe(303);
  });

  it('answers the same whether or not the details match an account, and sends nothing when they do not', async () => {
    const { nationalId, e164 } = await account();
    const wrongMobile = await askForReset(request.agent(testApp.app), {
      nationalId,
      mobile: nextMobile(),
    });
    const unknown = await askForReset(request.agent(testApp.app), {
      nationalId: uniqueNationalId(),
      mobile: nextMobile(),
    });
    for (const response of [wrongMobile, unknown]) {
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/account/reset/code');
    }
    const { messages } = await testApp.data.repositories.notifications.list(
      { template: 'passwordReset', recipient: e164 },
      1,
      5,
    );
    expect(messages).toHaveLength(0);
  });

  it('refuses a wrong code, then every code after five wrong tries, keeping the old password', async () => {
    const { nationalId, mobile, e164 } = await account();
    const agent = request.agent(testApp.app);
    await askForReset(agent, { nationalId, mobile });
    const code = await latestCode(testApp, e164, 'passwordReset');
    const wrong = code === '000000' ? '000001' : '000000';
    const first = await submitCode(agent, {
      code: wrong,
      password: 'a brand new password',
      passwordConfirm: 'a brand new password',
    });
    expect(first.status).toBe(400);
    expect(first.text).toContain('الرمز غير صحيح أو انتهت صلاحيته');
    for (let attempt = 2; attempt <= 5; attempt += 1) {
      await submitCode(agent, {
        code: wrong,
        password: 'a brand new password',
        passwordConfirm: 'a brand new password',
      });
    }
    const right = await submitCode(agent, {
      code,
      password: 'a brand new password',
      passwordConfirm: 'a brand new password',
    });
    expect(right.status).toBe(400);
    // The same answer as a wrong or expired code: the page does not tell them apart.
    expect(right.text).toContain('الرمز غير صحيح أو انتهت صلاحيته');
    expect((await signIn(nationalId, 'a good password')).status).toBe(303);
  });

  it('explains bad input on the same page and keeps what was typed', async () => {
    const agent = request.agent(testApp.app);
    const bad = await askForReset(agent, { nationalId: '123', mobile: '<b>x</b>' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#nationalId"');
    expect(bad.text).toContain('href="#mobile"');
    expect(bad.text).toContain('value="123"');
    expect(bad.text).toContain('&lt;b&gt;x&lt;/b&gt;');

    const { nationalId, mobile } = await account();
    await askForReset(agent, { nationalId, mobile });
    const mismatched = await submitCode(agent, {
      code: '12',
      password: 'short',
      passwordConfirm: 'other',
    });
    expect(mismatched.status).toBe(400);
    for (const field of ['code', 'password', 'passwordConfirm'])
      expect(mismatched.text).toContain(`href="#${field}"`);
    expect(mismatched.text).not.toContain('value="short"');
  });

  it('sends the code page back to the start when no reset was asked for', async () => {
    const response = await request(testApp.app).get('/account/reset/code');
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/account/reset');
  });
});
