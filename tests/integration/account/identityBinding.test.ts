import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { latestCode } from './support.ts';

let testApp: TestApp;
let officer: Awaited<ReturnType<typeof agentWithRole>>['agent'];
beforeAll(async () => {
  testApp = await createTestApp();
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
});
afterAll(() => testApp.close());

let counter = 0;
const nextMobile = () => `0541${String(Date.now() % 1e2).padStart(2, '0')}${String((counter += 1)).padStart(4, '0')}`;
const e164 = (local: string) => `+966${local.slice(1)}`;
const later = (ms: number) => testApp.clock.set(new Date(testApp.clock.now().getTime() + ms));

/** A walk-in as the reception desk records one: a record with a mobile and an open request, no account. */
async function walkIn(options: { mobile?: string | null } = {}) {
  const nationalId = uniqueNationalId();
  const mobile = options.mobile === undefined ? nextMobile() : options.mobile;
  const opened = await submitForm(officer, '/staff/walk-in', { nationalId, mobile: mobile ?? '', channel: 'interview' });
  expect(opened.status).toBe(303);
  const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
  return { nationalId, mobile: mobile ? e164(mobile) : null, record: record!, requestPath: opened.headers.location!.replace(/\/details$/, '') };
}

async function register(fields: { nationalId: string; mobile: string; activationCode?: string; password?: string }, agent = request.agent(testApp.app)) {
  const page = await agent.get('/account/register');
  const password = fields.password ?? 'a good password';
  const response = await agent.post('/account/register').type('form').send({
    _csrf: csrfFrom(page.text),
    nationalId: fields.nationalId,
    mobile: fields.mobile,
    password,
    passwordConfirm: password,
    privacyConsent: 'yes',
    ...(fields.activationCode ? { activationCode: fields.activationCode } : {}),
  });
  return { agent, response };
}

async function enterCode(agent: ReturnType<typeof request.agent>, code: string) {
  const page = await agent.get('/account/verify');
  return agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(page.text), code });
}

async function signIn(nationalId: string, password: string) {
  const agent = request.agent(testApp.app);
  const page = await agent.get('/account/login');
  const response = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(page.text), nationalId, password });
  return { agent, response };
}

const messagesTo = async (mobile: string, template?: string) =>
  (await testApp.data.repositories.notifications.list({ recipient: mobile, ...(template ? { template } : {}) }, 1, 50)).messages;

describe('a walk-in’s record is bound to an account only with proof', () => {
  it('does not give a walk-in’s file to someone who knows the ID and types another mobile', async () => {
    const person = await walkIn();
    const stranger = nextMobile();
    const { agent, response } = await register({ nationalId: person.nationalId, mobile: stranger });
    expect(response.status).toBe(303);
    expect(await messagesTo(e164(stranger))).toHaveLength(0);
    // The page shows only the last two digits of the number on file.
    const verify = await agent.get('/account/verify');
    expect(verify.text).toContain(`05X XXX XX${person.mobile!.slice(-2)}`);
    expect(verify.text).not.toContain(person.mobile!.slice(4));
    // Guessing does not help, and the record keeps its mobile and gains no password.
    expect((await enterCode(agent, '123456')).status).toBe(400);
    const record = await testApp.data.repositories.beneficiaries.findById(person.record.id);
    expect(record?.mobile).toBe(person.mobile);
    expect(record?.passwordHash).toBeNull();
    expect((await agent.get('/account/requests')).headers.location).toBe('/account/login');
    expect((await signIn(person.nationalId, 'a good password')).response.status).toBe(401);
  });

  it('sends the code to the mobile on file, and binds the account once that code is entered', async () => {
    const person = await walkIn();
    const { agent } = await register({ nationalId: person.nationalId, mobile: nextMobile() });
    const code = await latestCode(testApp, person.mobile!);
    const verified = await enterCode(agent, code);
    expect(verified.status).toBe(303);
    const record = await testApp.data.repositories.beneficiaries.findById(person.record.id);
    expect(record?.mobile).toBe(person.mobile);
    expect(record?.mobileVerifiedAt).not.toBeNull();
    expect((await agent.get('/account/requests')).status).toBe(200);
    const audit = await testApp.data.repositories.audit.search({ action: 'beneficiary.registered' }, 1, 50);
    const entry = audit.entries.find((e) => e.entityId === String(person.record.id));
    expect(entry?.details).toMatchObject({ method: 'recorded_mobile', mobileReplaced: false });
  });

  it('lets an unverified registration lapse after 24 hours, discarding its password and mobile, so the ID is free again', async () => {
    const nationalId = uniqueNationalId();
    const squatter = nextMobile();
    const owner = nextMobile();
    await register({ nationalId, mobile: squatter, password: 'squatter password' });
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.passwordHash).toBeNull();
    expect(record?.mobile).toBeNull();

    // Within the day the ID is held: the owner's attempt sends nothing.
    await register({ nationalId, mobile: owner });
    expect(await messagesTo(e164(owner))).toHaveLength(0);

    later(24 * 3_600_000);
    const swept = await testApp.services.beneficiaryAccounts.sweepLapsed();
    expect(swept.registrations).toBeGreaterThanOrEqual(1);
    expect(await testApp.data.repositories.beneficiaries.pendingRegistration(record!.id)).toBeNull();

    const { agent } = await register({ nationalId, mobile: owner, password: 'owner password' });
    expect((await enterCode(agent, await latestCode(testApp, e164(owner)))).status).toBe(303);
    expect((await signIn(nationalId, 'owner password')).response.status).toBe(303);
    expect((await signIn(nationalId, 'squatter password')).response.status).toBe(401);
  });

  it('does not let a registration started before the walk-in was recorded take the walk-in’s file', async () => {
    const nationalId = uniqueNationalId();
    const squatter = nextMobile();
    const { agent } = await register({ nationalId, mobile: squatter });
    const code = await latestCode(testApp, e164(squatter));
    // The real person comes to the desk the same day.
    const desk = nextMobile();
    expect((await submitForm(officer, '/staff/walk-in', { nationalId, mobile: desk, channel: 'interview' })).status).toBe(303);
    expect((await enterCode(agent, code)).status).toBe(400);
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.mobile).toBe(e164(desk));
    expect(record?.passwordHash).toBeNull();
  });

  it('refuses a code entered after the registration lapsed', async () => {
    const nationalId = uniqueNationalId();
    const mobile = nextMobile();
    const { agent } = await register({ nationalId, mobile });
    const code = await latestCode(testApp, e164(mobile));
    later(24 * 3_600_000);
    expect((await enterCode(agent, code)).status).toBe(400);
    expect((await testApp.data.repositories.beneficiaries.findByNationalId(nationalId))?.passwordHash).toBeNull();
  });
});

describe('activation codes from a relations officer', () => {
  async function issue(requestPath: string, delivery: 'show' | 'sms') {
    const page = await officer.get(requestPath);
    expect(page.text).toContain('data-qa="activation-form"');
    const form = page.text.slice(page.text.indexOf('data-qa="activation-form"') - 200);
    const action = /action="(\/staff\/beneficiaries\/\d+\/activation-code)"/.exec(form)![1]!;
    const requestId = /name="requestId" value="(\d+)"/.exec(form)![1]!;
    return officer.post(action).type('form').send({ _csrf: csrfFrom(page.text), delivery, requestId });
  }

  it('binds a walk-in without a mobile on file to the mobile they type, once, hashed, audited, for seven days', async () => {
    const person = await walkIn({ mobile: null });
    const mobile = nextMobile();
    // Without the code nothing is sent to anyone.
    await register({ nationalId: person.nationalId, mobile });
    expect(await messagesTo(e164(mobile))).toHaveLength(0);

    const shown = await issue(person.requestPath, 'show');
    expect(shown.status).toBe(200);
    expect(shown.headers['cache-control']).toContain('no-store');
    const code = /data-qa="activation-code">(\d{8})</.exec(shown.text)![1]!;
    const stored = await testApp.data.repositories.beneficiaries.latestOneTimeCode(person.record.id, 'activation');
    expect(stored?.codeHash).not.toContain(code);
    expect(stored?.expiresAt.getTime()).toBe(testApp.clock.now().getTime() + 7 * 86_400_000);
    const audit = await testApp.data.repositories.audit.search({ action: 'beneficiary.activation_code_issued' }, 1, 10);
    expect(audit.entries.some((e) => e.entityId === String(person.record.id) && !JSON.stringify(e.details).includes(code))).toBe(true);

    const wrong = await register({ nationalId: person.nationalId, mobile, activationCode: code === '00000000' ? '11111111' : '00000000' });
    expect(wrong.response.status).toBe(400);
    expect(wrong.response.text).toContain('رمز التفعيل غير صحيح أو انتهت صلاحيته');

    later(61_000);
    const { agent, response } = await register({ nationalId: person.nationalId, mobile, activationCode: code });
    expect(response.status).toBe(303);
    expect((await enterCode(agent, await latestCode(testApp, e164(mobile)))).status).toBe(303);
    const record = await testApp.data.repositories.beneficiaries.findById(person.record.id);
    expect(record?.mobile).toBe(e164(mobile));
    expect((await agent.get('/account/requests')).status).toBe(200);

    // Used once: the same code does not bind again, and the file now says there is an account.
    const again = await register({ nationalId: person.nationalId, mobile: nextMobile(), activationCode: code });
    expect(again.response.status).toBe(303);
    expect((await officer.get(person.requestPath)).text).not.toContain('data-qa="activation-form"');
  });

  it('sends the code to the recorded mobile when asked, and lets it lapse after seven days', async () => {
    const person = await walkIn();
    const sent = await issue(person.requestPath, 'sms');
    expect(sent.status).toBe(303);
    const [message] = await messagesTo(person.mobile!, 'activationCode');
    const code = /\d{8}/.exec(message!.body)![0];
    later(7 * 86_400_000);
    const late = await register({ nationalId: person.nationalId, mobile: nextMobile(), activationCode: code });
    expect(late.response.status).toBe(400);
    expect(late.response.text).toContain('data-qa="register-form"');
  });

  it('is offered on the beneficiary page too, and to relations officers only', async () => {
    const person = await walkIn();
    expect((await officer.get(`/staff/beneficiaries/${person.record.id}`)).text).toContain('data-qa="activation-form"');
    const { agent: manager } = await agentWithRole(testApp, ['manager']);
    const page = await manager.get(person.requestPath);
    expect(page.text).not.toContain('data-qa="activation-form"');
    const refused = await manager.post(`/staff/beneficiaries/${person.record.id}/activation-code`).type('form').send({ _csrf: csrfFrom(page.text), delivery: 'show' });
    expect(refused.status).toBe(403);
  });
});

describe('changing the mobile', () => {
  async function account() {
    const nationalId = uniqueNationalId();
    const mobile = nextMobile();
    const { agent } = await register({ nationalId, mobile });
    expect((await enterCode(agent, await latestCode(testApp, e164(mobile)))).status).toBe(303);
    later(61_000);
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    return { agent, nationalId, mobile: e164(mobile), id: record!.id };
  }

  it('needs a code from the old number and one from the new', async () => {
    const person = await account();
    const next = nextMobile();
    const started = await submitForm(person.agent, '/account/mobile', { mobile: next });
    expect(started.status).toBe(303);
    const oldCode = await latestCode(testApp, person.mobile, 'mobileChange');
    const newCode = await latestCode(testApp, e164(next), 'mobileChange');

    const onlyNew = await submitForm(person.agent, '/account/mobile/confirm', { oldCode: oldCode === '000000' ? '111111' : '000000', newCode });
    expect(onlyNew.status).toBe(400);
    const swapped = await submitForm(person.agent, '/account/mobile/confirm', { oldCode: newCode, newCode: oldCode });
    expect(swapped.status).toBe(400);
    expect((await testApp.data.repositories.beneficiaries.findById(person.id))?.mobile).toBe(person.mobile);

    const both = await submitForm(person.agent, '/account/mobile/confirm', { oldCode, newCode });
    expect(both.status).toBe(303);
    expect((await testApp.data.repositories.beneficiaries.findById(person.id))?.mobile).toBe(e164(next));
    expect(await messagesTo(person.mobile, 'mobileChanged')).toHaveLength(1);
    const audit = await testApp.data.repositories.audit.search({ action: 'beneficiary.mobile_changed' }, 1, 10);
    expect(audit.entries.some((e) => e.entityId === String(person.id) && JSON.stringify(e.details).includes('both_numbers_verified'))).toBe(true);
  });

  it('lets a relations officer change it, audited under their name, telling the old number', async () => {
    const person = await walkIn();
    const next = nextMobile();
    const unchecked = await submitForm(officer, `/staff/beneficiaries/${person.record.id}/mobile`, { mobile: next });
    expect(unchecked.status).toBe(400);
    const changed = await submitForm(officer, `/staff/beneficiaries/${person.record.id}/mobile`, { mobile: next, identityChecked: 'yes' });
    expect(changed.status).toBe(303);
    expect((await testApp.data.repositories.beneficiaries.findById(person.record.id))?.mobile).toBe(e164(next));
    expect(await messagesTo(person.mobile!, 'mobileChanged')).toHaveLength(1);
    const audit = await testApp.data.repositories.audit.search({ action: 'beneficiary.mobile_changed' }, 1, 10);
    const entry = audit.entries.find((e) => e.entityId === String(person.record.id));
    expect(entry?.actorType).toBe('staff');
    expect(entry?.details).toMatchObject({ method: 'officer' });
  });
});
