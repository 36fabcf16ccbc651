import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';

describe('language, layout and error pages', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('serves Arabic, right to left, by default — whatever the browser asks for', async () => {
    const response = await request(testApp.app).get('/').set('Accept-Language', 'en-US,en;q=0.9');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="ar" dir="rtl">');
    expect(response.text).toContain('جمعية منازل');
    expect(response.text).toContain('href="#main-content"');
    expect(response.text).toMatch(/<main id="main-content"/);
    expect(response.text).toContain('href="/?lng=en"');
  });

  it('explains who can apply, what to prepare and the two-week minimum on the home page', async () => {
    const response = await request(testApp.app).get('/');
    expect(response.text).toContain('من يحق له التقديم');
    expect(response.text).toContain('الرياض');
    expect(response.text).toContain('ما الذي تحتاج إلى تجهيزه');
    expect(response.text).toContain('بعد أسبوعين على الأقل');
  });

  it('switches to English with ?lng=en and remembers the choice', async () => {
    const agent = request.agent(testApp.app);
    const switched = await agent.get('/?lng=en');
    expect(switched.text).toContain('<html lang="en" dir="ltr">');
    expect(switched.text).toContain('Apply for support');
    const cookie = switched.headers['set-cookie']?.[0] ?? '';
    expect(cookie).toMatch(/^lng=en/);
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const next = await agent.get('/staff/login');
    expect(next.text).toContain('<html lang="en" dir="ltr">');
    expect(next.text).toContain('href="/staff/login?lng=ar"');

    const back = await agent.get('/?lng=ar');
    expect(back.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('ignores an unsupported language', async () => {
    const response = await request(testApp.app).get('/?lng=fr');
    expect(response.text).toContain('<html lang="ar" dir="rtl">');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('answers an unknown page with the Arabic 404 page', async () => {
    const response = await request(testApp.app).get('/no-such-page');
    expect(response.status).toBe(404);
    expect(response.text).toContain('الصفحة غير موجودة');
    expect(response.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('sends security headers with a CSP that allows no inline script', async () => {
    const response = await request(testApp.app).get('/');
    const csp = response.headers['content-security-policy'];
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['x-powered-by']).toBeUndefined();
    expect(response.text).not.toMatch(/<script>(?!<\/script>)/);
  });

  it('does not create a session for a visitor who only reads pages', async () => {
    const response = await request(testApp.app).get('/');
    expect(response.headers['set-cookie']).toBeUndefined();
  });

  it('shows the privacy notice', async () => {
    const response = await request(testApp.app).get('/privacy');
    expect(response.status).toBe(200);
    expect(response.text).toContain('data-qa="privacy-notice"');
  });
});
