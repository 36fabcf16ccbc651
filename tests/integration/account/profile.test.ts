import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { registerAndVerify } from './support.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

async function signIn(nationalId: string) {
  const agent = request.agent(testApp.app);
  const page = await agent.get('/account/login');
  const response = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(page.text), nationalId, password: 'a good password' });
  expect(response.status).toBe(303);
  return agent;
}

describe('the beneficiary’s profile', () => {
  it('shows the ID, the masked mobile with its change link, and the message preferences', async () => {
    const agent = await registerAndVerify(testApp);
    const page = await agent.get('/account/profile');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-qa="profile-national-id"');
    expect(page.text).toMatch(/data-qa="profile-mobile"[\s\S]*?<bdi dir="ltr">05X XXX XX\d\d<\/bdi>/);
    expect(page.text).toContain('href="/account/mobile"');
    expect(page.text).toContain('href="/account/my-data/consent"');
    expect(page.text).toContain('href="/account/profile" aria-current="page"');
  });

  it('saves, refuses with the typed value kept, and removes the e-mail, audited', async () => {
    const nationalId = uniqueNationalId();
    const agent = await registerAndVerify(testApp, { nationalId });
    const bad = await submitForm(agent, '/account/profile', { email: 'not-an-email' }, '/account/profile/email');
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('<title>خطأ:');
    expect(bad.text).toContain('value="not-an-email"');

    expect((await submitForm(agent, '/account/profile', { email: ' Someone@Example.org ' }, '/account/profile/email')).status).toBe(303);
    let record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.email).toBe('someone@example.org');
    expect((await agent.get('/account/profile')).text).toContain('value="someone@example.org"');

    await submitForm(agent, '/account/profile', { email: '' }, '/account/profile/email');
    record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.email).toBeNull();
    const { entries } = await testApp.data.repositories.audit.search({ entityType: 'beneficiary', entityId: String(record!.id), action: 'beneficiary.email' }, 1, 10);
    expect(entries.map((entry) => entry.action).sort()).toEqual(['beneficiary.email_changed', 'beneficiary.email_removed']);
  });

  it('signs out of every other session and keeps this one', async () => {
    const nationalId = uniqueNationalId();
    const here = await registerAndVerify(testApp, { nationalId });
    const phone = await signIn(nationalId);
    const laptop = await signIn(nationalId);
    expect((await phone.get('/account/requests')).status).toBe(200);

    const done = await submitForm(here, '/account/profile', {}, '/account/profile/sessions');
    expect(done.status).toBe(303);
    expect((await here.get('/account/profile')).text).toContain('(عددها: 2)');
    expect((await here.get('/account/requests')).status).toBe(200);
    expect((await phone.get('/account/requests')).headers.location).toBe('/account/login');
    expect((await laptop.get('/account/requests')).headers.location).toBe('/account/login');
  });
});
