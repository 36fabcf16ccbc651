import request from 'supertest';
import type { TestApp } from '../../support/testApp.ts';
import { csrfFrom } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';

/** Reads the newest code of a template from the outbox table, as the browser test does. */
export async function latestCode(testApp: TestApp, mobile: string, template = 'mobileVerification'): Promise<string> {
  const { messages } = await testApp.data.repositories.notifications.list({ template, recipient: mobile }, 1, 1);
  const match = /\d{6}/.exec(messages[0]?.body ?? '');
  if (!match) throw new Error(`no verification code for ${mobile}`);
  return match[0];
}

let mobileCounter = 0;
export async function registerAndVerify(testApp: TestApp, options: { nationalId?: string; mobile?: string; agent?: ReturnType<typeof request.agent> } = {}) {
  mobileCounter += 1;
  const agent = options.agent ?? request.agent(testApp.app);
  const nationalId = options.nationalId ?? uniqueNationalId();
  const mobile = options.mobile ?? `05${String(Date.now() % 1e4).padStart(4, '0')}${String(mobileCounter).padStart(4, '0')}`;
  const page = await agent.get('/account/register');
  const registered = await agent.post('/account/register').type('form').send({ _csrf: csrfFrom(page.text), nationalId, mobile, password: 'a good password', passwordConfirm: 'a good password', privacyConsent: 'yes' });
  if (registered.status !== 303) throw new Error(`registration failed: ${registered.status}`);
  const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId.replace(/[\u0660-\u0669]/g, (d) => String(d.charCodeAt(0) - 0x0660)));
  const code = await latestCode(testApp, record?.mobile ?? '');
  const verifyPage = await agent.get('/account/verify');
  const verified = await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(verifyPage.text), code });
  if (verified.status !== 303) throw new Error(`verification failed: ${verified.status}`);
  return agent;
}
