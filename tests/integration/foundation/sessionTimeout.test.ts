import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from '../account/support.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ env: { SESSION_MAX_AGE_MINUTES: '30' } });
});
afterAll(() => testApp.close());

describe('the session timeout warning', () => {
  it('tells a signed-in beneficiary and a staff member how long a session lasts, and carries the warning', async () => {
    const beneficiary = await registerAndVerify(testApp);
    const page = await beneficiary.get('/account/requests');
    expect(page.text).toContain('data-qa="session-length"');
    expect(page.text).toContain('30 دقيقة');
    expect(page.text).toContain('data-timeout-seconds="1800"');
    expect(page.text).toContain('<script src="/public/js/sessionTimeout.js" defer></script>');

    const { agent: staff } = await agentWithRole(testApp, ['relations_officer']);
    const staffPage = await staff.get('/staff');
    expect(staffPage.text).toContain('data-qa="session-length"');
    expect(staffPage.text).toContain('data-expired-href="/staff/login"');
  });

  it('says nothing to a visitor who is not signed in', async () => {
    expect((await request(testApp.app).get('/')).text).not.toContain('data-qa="session-length"');
  });

  it('extends the session from the warning with JavaScript (CSRF header) and without (the form returns to the page)', async () => {
    const beneficiary = await registerAndVerify(testApp);
    const page = await beneficiary.get('/account/requests');
    const token = csrfFrom(page.text);
    const byScript = await beneficiary.post('/session/extend').set('x-csrf-token', token).set('accept', 'application/json');
    expect(byScript.status).toBe(200);
    expect(byScript.body).toEqual({ extended: true });
    expect(byScript.headers['set-cookie']?.[0]).toMatch(/tayseer\.sid=/);

    const byForm = await beneficiary.post('/session/extend').type('form').send({ _csrf: token, returnTo: '/account/requests' });
    expect(byForm.status).toBe(303);
    expect(byForm.headers.location).toBe('/account/requests');

    expect((await beneficiary.post('/session/extend').set('accept', 'application/json')).status).toBe(403);
  });
});
