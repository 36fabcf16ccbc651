import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { uniqueNationalId, validNationalId } from '../apply/fixtures.ts';
import { registerAndVerify, latestCode } from './support.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('beneficiary accounts', () => {
  it('shows a summary of the privacy notice before the form, with the full text one tap away', async () => {
    const page = await request(testApp.app).get('/account/register');
    expect(page.status).toBe(200);
    const summary = page.text.indexOf('data-qa="privacy-summary"');
    const full = page.text.indexOf('data-qa="privacy-full"');
    expect(summary).toBeGreaterThan(0);
    expect(full).toBeGreaterThan(summary);
    expect(page.text.indexOf('data-qa="privacy-notice"')).toBeGreaterThan(full);
    expect(full).toBeLessThan(page.text.indexOf('name="nationalId"'));
  });

  it('rejects bad registrations on the same page, keeping typed values', async () => {
    const agent = request.agent(testApp.app);
    const page = await agent.get('/account/register');
    const bad = validNationalId('112345678').slice(0, 9) + String((Number(validNationalId('112345678')[9]) + 1) % 10);
    const response = await agent.post('/account/register').type('form').send({
      _csrf: csrfFrom(page.text),
      nationalId: bad,
      mobile: '<script>alert(1)</script>',
      password: 'short',
      passwordConfirm: 'other',
    });
    expect(response.status).toBe(400);
    expect(response.text).toContain('<title>خطأ:');
    for (const field of ['nationalId', 'mobile', 'password', 'passwordConfirm', 'privacyConsent']) expect(response.text).toContain(`href="#${field}"`);
    expect(response.text).toContain(`value="${bad}"`);
    expect(response.text).not.toContain('<script>alert(1)</script>');
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('registers with Arabic-Indic digits, verifies the mobile by code from the outbox, and signs in', async () => {
    const nationalId = uniqueNationalId();
    const arabicDigits = nationalId.replace(/\d/g, (d) => String.fromCharCode(0x0660 + Number(d)));
    const agent = await registerAndVerify(testApp, { nationalId: arabicDigits, mobile: '٠٥٥ ١٢٣ ٤٥٦٧' });
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(record?.mobile).toBe('+966551234567');
    expect(record?.mobileVerifiedAt).not.toBeNull();
    expect(record?.privacyConsentAt).not.toBeNull();
    expect(record?.passwordHash).toMatch(/^\$argon2id\$/);
    const requests = await agent.get('/account/requests');
    expect(requests.status).toBe(200);
    expect(requests.text).toContain('data-qa="account-logout"');
    // The start and privacy pages know the beneficiary too, so they can sign out from there.
    for (const path of ['/', '/privacy']) expect((await agent.get(path)).text).toContain('data-qa="account-logout"');

    const logoutPage = await agent.get('/account/requests');
    expect((await agent.post('/account/logout').type('form').send({ _csrf: csrfFrom(logoutPage.text) })).status).toBe(303);
    expect((await agent.get('/account/requests')).headers.location).toBe('/account/login');

    const again = request.agent(testApp.app);
    const login = await again.get('/account/login');
    const signedIn = await again.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId, password: 'a good password' });
    expect(signedIn.status).toBe(303);
    expect(signedIn.headers.location).toBe('/account/requests');
  });

  it('limits code attempts to five and expires codes after ten minutes', async () => {
    const nationalId = uniqueNationalId();
    const agent = request.agent(testApp.app);
    const page = await agent.get('/account/register');
    await agent.post('/account/register').type('form').send({ _csrf: csrfFrom(page.text), nationalId, mobile: '0501112233', password: 'a good password', passwordConfirm: 'a good password', privacyConsent: 'yes' });
    const code = await latestCode(testApp, '+966501112233');
    const wrong = code === '000000' ? '111111' : '000000';
    let last = '';
    for (let i = 0; i < 5; i++) {
      const verify = await agent.get('/account/verify');
      last = (await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(verify.text), code: wrong })).text;
    }
    expect(last).toContain('الرمز غير صحيح أو انتهت صلاحيته');
    const verify = await agent.get('/account/verify');
    const blocked = await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(verify.text), code });
    expect(blocked.status).toBe(400);

    testApp.clock.set(new Date(testApp.clock.now().getTime() + 61_000));
    await agent.post('/account/verify/resend').type('form').send({ _csrf: csrfFrom(verify.text) });
    const fresh = await latestCode(testApp, '+966501112233');
    testApp.clock.set(new Date(testApp.clock.now().getTime() + 11 * 60_000));
    const page2 = await agent.get('/account/verify');
    const expired = await agent.post('/account/verify').type('form').send({ _csrf: csrfFrom(page2.text), code: fresh });
    expect(expired.status).toBe(400);
    expect(expired.text).toContain('الرمز غير صحيح أو انتهت صلاحيته');
  });

  it('locks the account after five wrong passwords', async () => {
    const nationalId = uniqueNationalId();
    await registerAndVerify(testApp, { nationalId });
    const agent = request.agent(testApp.app);
    let response = await agent.get('/account/login');
    for (let i = 0; i < 5; i++) {
      const page = await agent.get('/account/login');
      response = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(page.text), nationalId, password: 'wrong password' });
    }
    expect(response.status).toBe(401);
    const page = await agent.get('/account/login');
    const correct = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(page.text), nationalId, password: 'a good password' });
    expect(correct.status).toBe(401);
    // Locked answers like wrong: the message names both, so it is true either way.
    expect(correct.text).toContain('موقوف مؤقتًا مدة 15 دقيقة');
  });

  it('keeps the password hash out of what pages see of the signed-in beneficiary', async () => {
    const nationalId = uniqueNationalId();
    await registerAndVerify(testApp, { nationalId });
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    const signedIn = await testApp.services.beneficiaryAccounts.current(record!.id);
    expect(signedIn).toMatchObject({ id: record!.id, nationalId });
    expect(signedIn).not.toHaveProperty('passwordHash');
  });

  it('counts every one of several wrong passwords sent at once', async () => {
    const nationalId = uniqueNationalId();
    await registerAndVerify(testApp, { nationalId });
    const results = await Promise.all(
      Array.from({ length: 5 }, () => testApp.services.beneficiaryAccounts.signIn(nationalId, 'wrong password', null)),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect((await testApp.services.beneficiaryAccounts.signIn(nationalId, 'a good password', null)).ok).toBe(false);
  });
});
