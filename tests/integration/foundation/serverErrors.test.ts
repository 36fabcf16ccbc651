import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { breakDatabase, createStaff, createTestApp, csrfFrom } from '../../support/testApp.ts';

const SECRET = 'a-production-secret-of-at-least-32-characters';

/** Carries cookies by hand: production cookies are Secure and the test speaks plain HTTP behind a "proxy". */
function cookieJar() {
  const cookies = new Map<string, string>();
  return {
    store(setCookie: string[] | string | undefined) {
      for (const line of [setCookie ?? []].flat()) {
        const [pair] = line.split(';');
        const [name, ...value] = (pair ?? '').split('=');
        if (name) cookies.set(name, value.join('='));
      }
    },
    header: () => [...cookies].map(([name, value]) => `${name}=${value}`).join('; '),
  };
}

describe('500 page', () => {
  it('shows the Arabic problem page without a stack trace in production', async () => {
    const testApp = await createTestApp({ env: { NODE_ENV: 'production', SESSION_SECRET: SECRET, TRUST_PROXY: 'true' } });
    const admin = await createStaff(testApp, ['admin']);
    const jar = cookieJar();
    const loginPage = await request(testApp.app).get('/staff/login').set('X-Forwarded-Proto', 'https');
    jar.store(loginPage.headers['set-cookie']);
    expect(loginPage.headers['set-cookie']?.[0]).toMatch(/Secure/);
    const login = await request(testApp.app)
      .post('/staff/login')
      .set('X-Forwarded-Proto', 'https')
      .set('Cookie', jar.header())
      .type('form')
      .send({ _csrf: csrfFrom(loginPage.text), email: admin.email, password: admin.password });
    expect(login.status).toBe(303);
    jar.store(login.headers['set-cookie']);

    await breakDatabase(testApp);
    const response = await request(testApp.app).get('/admin/staff').set('X-Forwarded-Proto', 'https').set('Cookie', jar.header());
    expect(response.status).toBe(500);
    expect(response.text).toContain('عذرًا، حدثت مشكلة في الخدمة');
    expect(response.text).not.toContain('class="stack"');
    expect(response.text).not.toMatch(/at .*\.ts:\d+/);
  });

  it('shows the stack trace to developers outside production', async () => {
    const testApp = await createTestApp();
    const admin = await createStaff(testApp, ['admin']);
    const agent = request.agent(testApp.app);
    const page = await agent.get('/staff/login');
    await agent.post('/staff/login').type('form').send({ _csrf: csrfFrom(page.text), email: admin.email, password: admin.password });
    await breakDatabase(testApp);
    const response = await agent.get('/admin/staff');
    expect(response.status).toBe(500);
    expect(response.text).toContain('class="stack"');
  });
});
