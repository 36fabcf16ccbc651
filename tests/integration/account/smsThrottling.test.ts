import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { SMS_CODES_PER_DAY, SMS_CODES_PER_HOUR } from '../../../src/domain/smsThrottle.ts';
import { latestCode } from './support.ts';
import { dataAccess } from '../../../src/data/index.ts';
import { services as createServices } from '../../../src/services/index.ts';
import { createI18n } from '../../../src/i18n.ts';
import { createLogger } from '../../../src/logger.ts';
import { createApp } from '../../../src/app.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

let counter = 0;
const nextMobile = () => `0561${String(Date.now() % 1e2).padStart(2, '0')}${String((counter += 1)).padStart(4, '0')}`;
const e164 = (local: string) => `+966${local.slice(1)}`;
const later = (app: TestApp, ms: number) => app.clock.set(new Date(app.clock.now().getTime() + ms));

async function register(app: TestApp, nationalId: string, mobile: string, agent = request.agent(app.app)) {
  const page = await agent.get('/account/register');
  const response = await agent.post('/account/register').type('form').send({ _csrf: csrfFrom(page.text), nationalId, mobile, password: 'a good password', passwordConfirm: 'a good password', privacyConsent: 'yes' });
  expect(response.status).toBe(303);
  return agent;
}

async function resend(agent: ReturnType<typeof request.agent>) {
  const page = await agent.get('/account/verify');
  return agent.post('/account/verify/resend').type('form').send({ _csrf: csrfFrom(page.text) });
}

const codesTo = async (app: TestApp, mobile: string) =>
  (await app.data.repositories.notifications.list({ recipient: mobile, template: 'mobileVerification' }, 1, 100)).total;

describe('SMS codes are throttled', () => {
  it('makes a resend wait a minute, answering 429 with the page', async () => {
    const mobile = nextMobile();
    const agent = await register(testApp, uniqueNationalId(), mobile);
    const early = await resend(agent);
    expect(early.status).toBe(429);
    expect(early.text).toContain('data-qa="verify-form"');
    expect(early.text).toContain('انتظر دقيقة');
    expect(await codesTo(testApp, e164(mobile))).toBe(1);
    later(testApp, 60_000);
    expect((await resend(agent)).status).toBe(303);
    expect(await codesTo(testApp, e164(mobile))).toBe(2);
  });

  it(`caps codes to an account at ${SMS_CODES_PER_HOUR} an hour and ${SMS_CODES_PER_DAY} a day`, async () => {
    const mobile = nextMobile();
    const agent = await register(testApp, uniqueNationalId(), mobile);
    for (let sent = 1; sent < SMS_CODES_PER_HOUR; sent += 1) {
      later(testApp, 61_000);
      expect((await resend(agent)).status).toBe(303);
    }
    later(testApp, 61_000);
    const hourly = await resend(agent);
    expect(hourly.status).toBe(429);
    expect(hourly.text).toContain('خلال الساعة الماضية');
    expect(await codesTo(testApp, e164(mobile))).toBe(SMS_CODES_PER_HOUR);

    later(testApp, 3_600_000);
    for (let sent = SMS_CODES_PER_HOUR; sent < SMS_CODES_PER_DAY; sent += 1) {
      later(testApp, 61_000);
      expect((await resend(agent)).status).toBe(303);
    }
    later(testApp, 3_600_000);
    const daily = await resend(agent);
    expect(daily.status).toBe(429);
    expect(daily.text).toContain('غدًا');
    expect(await codesTo(testApp, e164(mobile))).toBe(SMS_CODES_PER_DAY);
  });

  it('caps codes to one mobile across accounts', async () => {
    const mobile = nextMobile();
    for (let i = 0; i < SMS_CODES_PER_HOUR + 2; i += 1) {
      await register(testApp, uniqueNationalId(), mobile);
      later(testApp, 61_000);
    }
    expect(await codesTo(testApp, e164(mobile))).toBe(SMS_CODES_PER_HOUR);
  });

  it('caps code requests per IP address, counted in the database so a second server sees them', async () => {
    const strict = await createTestApp({ env: { SMS_CODES_PER_IP_HOUR: '2' } });
    // A second portal process on the same database, as behind a load balancer.
    const data = await dataAccess({ databaseUrl: strict.config.databaseUrl, pruneSessions: false, now: () => strict.clock.now() });
    const i18n = await createI18n();
    const second = createApp(
      createServices(data, strict.config, { translate: i18n.getFixedT('ar'), clock: strict.clock, transport: { send: async () => {} } }),
      { i18n, logger: createLogger('silent') },
    );
    try {
      const mobiles = [nextMobile(), nextMobile(), nextMobile()];
      await register(strict, uniqueNationalId(), mobiles[0]!);
      await register(strict, uniqueNationalId(), mobiles[1]!, request.agent(second));
      await register(strict, uniqueNationalId(), mobiles[2]!);
      expect(await codesTo(strict, e164(mobiles[0]!))).toBe(1);
      expect(await codesTo(strict, e164(mobiles[1]!))).toBe(1);
      expect(await codesTo(strict, e164(mobiles[2]!))).toBe(0);
    } finally {
      await data.close();
      await strict.close();
    }
  });
});

describe('the code-entry limiter', () => {
  it('answers 429 with the verify page, not a 500', async () => {
    const limited = await createTestApp({ env: { LOGIN_RATE_LIMIT: '2' } });
    try {
      const mobile = nextMobile();
      const agent = await register(limited, uniqueNationalId(), mobile);
      let last = null as Awaited<ReturnType<typeof agent.post>> | null;
      for (let i = 0; i < 3; i += 1) {
        const page = await agent.get('/account/verify');
        last = await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(page.text), code: '000000' });
      }
      expect(last?.status).toBe(429);
      expect(last?.text).toContain('data-qa="verify-form"');
      expect(last?.text).toContain('محاولات كثيرة');
      expect(last?.text).toContain('05X XXX XX');
    } finally {
      await limited.close();
    }
  });
});

describe('the outbox', () => {
  it('does not keep a verification code readable once it is delivered', async () => {
    const mobile = nextMobile();
    await register(testApp, uniqueNationalId(), mobile);
    const code = await latestCode(testApp, e164(mobile));
    await testApp.services.notifications.deliverDue(500);
    expect(testApp.sentMessages.some((message) => message.body.includes(code))).toBe(true);
    const { messages } = await testApp.data.repositories.notifications.list({ recipient: e164(mobile) }, 1, 10);
    expect(messages[0]?.status).toBe('sent');
    expect(messages[0]?.body).not.toContain(code);
    expect(messages[0]?.body).not.toMatch(/\d{6}/);
  });
});
