import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';

describe('public page cache (production)', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: 'a-production-secret-of-at-least-32-characters', TRUST_PROXY: 'true' } });
  });
  afterAll(() => testApp.close());

  it('serves the same start page to anonymous visitors, per language, with the security headers', async () => {
    const first = await request(testApp.app).get('/');
    const second = await request(testApp.app).get('/');
    expect(second.status).toBe(200);
    expect(second.text).toBe(first.text);
    expect(second.headers['content-security-policy']).toContain("script-src 'self'");
    expect(second.headers['set-cookie']).toBeUndefined();

    const english = await request(testApp.app).get('/').set('Cookie', 'lng=en');
    expect(english.text).toContain('<html lang="en" dir="ltr">');
    const arabicAgain = await request(testApp.app).get('/');
    expect(arabicAgain.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('never serves the cached page to someone signed in', async () => {
    await request(testApp.app).get('/');
    const staff = await createStaff(testApp, ['admin']);
    const agent = request.agent(testApp.app);
    const page = await agent.get('/staff/login').set('X-Forwarded-Proto', 'https');
    const cookie = [page.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]).join('; ');
    const login = await request(testApp.app)
      .post('/staff/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', cookie)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), email: staff.email, password: staff.password });
    const sessionCookie = [login.headers['set-cookie'] ?? []].flat().map((line) => line.split(';')[0]).join('; ');
    const home = await request(testApp.app).get('/').set('X-Forwarded-Proto', 'https').set('Cookie', sessionCookie);
    expect(home.text).toContain('data-qa="staff-logout"');
  });
});
