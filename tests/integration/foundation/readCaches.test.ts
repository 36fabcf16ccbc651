import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentWithRole,
  createStaff,
  createTestApp,
  csrfFrom,
  submitForm,
  type TestApp,
} from '../../support/testApp.ts';
import { loadConfig } from '../../../src/config.ts';

// Sessions and staff members are served from an in-process cache (READ_CACHE_SECONDS); these
// pin that every change made through the app still applies on the very next request.
describe('cached reads stay truthful', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('applies a role change on the next request of a signed-in member', async () => {
    const { agent: admin } = await agentWithRole(testApp, ['admin']);
    const { agent: officer, staff } = await agentWithRole(testApp, ['relations_officer']);
    expect((await officer.get('/staff')).status).toBe(200);
    expect((await officer.get('/committee')).status).toBe(403);

    const changed = await submitForm(
      admin,
      `/admin/staff/${staff.id}/edit`,
      {
        fullName: 'موظف نُقل إلى اللجنة',
        email: staff.email,
        roles: ['committee_member'],
        active: 'true',
      },
      `/admin/staff/${staff.id}`,
    );
    expect(changed.status).toBe(303);
    expect((await officer.get('/staff')).status).toBe(403);
    expect((await officer.get('/committee')).status).toBe(200);
  });

  it('refuses a session cookie replayed after sign-out', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const loginPage = await request(testApp.app).get('/staff/login');
    const anonymous = [loginPage.headers['set-cookie'] ?? []]
      .flat()
      .map((line) => line.split(';')[0])
      .join('; ');
    const login = await request(testApp.app)
      .post('/staff/login')
      .set('Cookie', anonymous)
      .type('form')
      .send({ _csrf: csrfFrom(loginPage.text), email: officer.email, password: officer.password });
    expect(login.status).toBe(303);
    const signedIn = [login.headers['set-cookie'] ?? []]
      .flat()
      .map((line) => line.split(';')[0])
      .join('; ');
    const home = await request(testApp.app).get('/staff').set('Cookie', signedIn);
    expect(home.status).toBe(200);

    const logout = await request(testApp.app)
      .post('/staff/logout')
      .set('Cookie', signedIn)
      .type('form')
      .send({ _csrf: csrfFrom(home.text) });
    expect(logout.status).toBe(303);
    const replayed = await request(testApp.app).get('/staff').set('Cookie', signedIn);
    expect(replayed.status).toBe(303);
    expect(replayed.headers.location).toMatch(/^\/staff\/login/);
  });

  it('takes READ_CACHE_SECONDS from 0 (no caching) to 60', () => {
    expect(loadConfig({ READ_CACHE_SECONDS: '0' }).readCacheTtlMs).toBe(0);
    expect(loadConfig({}).readCacheTtlMs).toBe(5000);
    expect(() => loadConfig({ READ_CACHE_SECONDS: '61' })).toThrow();
    expect(() => loadConfig({ READ_CACHE_SECONDS: '-1' })).toThrow();
  });
});
