import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, signInStaff, type TestApp } from '../../support/testApp.ts';
import { withPrisma } from '../committee/fixtures.ts';

function sessionIdFrom(setCookie: string[] | string | undefined): string | undefined {
  const line = [setCookie ?? []].flat().find((cookie) => cookie.startsWith('tayseer.sid='));
  return line?.split(';')[0];
}

async function attemptLogin(agent: ReturnType<typeof request.agent>, email: string, password: string) {
  const page = await agent.get('/staff/login');
  return agent.post('/staff/login').type('form').send({ _csrf: csrfFrom(page.text), email, password });
}

describe('staff sign-in', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('signs in with the right password, rotating the session id, and lands on the role home page', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = request.agent(testApp.app);
    const page = await agent.get('/staff/login');
    const before = sessionIdFrom(page.headers['set-cookie']);
    expect(before).toBeDefined();
    const response = await agent.post('/staff/login').type('form').send({ _csrf: csrfFrom(page.text), email: officer.email, password: officer.password });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff');
    const after = sessionIdFrom(response.headers['set-cookie']);
    expect(after).toBeDefined();
    expect(after).not.toBe(before);
    const cookie = [response.headers['set-cookie'] ?? []].flat().join(';');
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);
    expect((await agent.get('/staff')).status).toBe(200);
  });

  it('stores the session in the database, not in memory', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    await signInStaff(testApp, officer);
    const { count } = await testApp.data.repositories.audit.search({ action: 'staff.signed_in' }, 1, 1).then((r) => ({ count: r.total }));
    expect(count).toBeGreaterThan(0);
    const rows = await withPrisma(testApp, (prisma) => prisma.session.findMany({ select: { data: true } }));
    expect(rows.some((row) => JSON.parse(row.data).staffId === officer.id)).toBe(true);
  });

  it('refuses a wrong password with a translated error on the same page, keeping the e-mail', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const response = await attemptLogin(request.agent(testApp.app), officer.email, 'not the password');
    expect(response.status).toBe(401);
    expect(response.text).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة');
    expect(response.text).toContain(`value="${officer.email}"`);
    expect(response.text).toMatch(/<title>خطأ:/);
    expect(response.text).toContain('href="#email"');
    expect(response.text).not.toContain('not the password');
  });

  it('asks for both fields when they are empty', async () => {
    const response = await attemptLogin(request.agent(testApp.app), '', '');
    expect(response.status).toBe(400);
    expect(response.text).toContain('أدخل البريد الإلكتروني');
    expect(response.text).toContain('أدخل كلمة المرور');
  });

  it('gives an unknown account the same answer as a wrong password', async () => {
    const response = await attemptLogin(request.agent(testApp.app), 'nobody@example.org', 'whatever password');
    expect(response.status).toBe(401);
    expect(response.text).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة');
  });

  it('locks the account for 15 minutes after 5 failed attempts', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = request.agent(testApp.app);
    for (let attempt = 1; attempt <= 4; attempt += 1) {
      expect((await attemptLogin(agent, officer.email, 'wrong')).text).toContain('غير صحيحة');
    }
    expect((await attemptLogin(agent, officer.email, 'wrong')).text).toContain('موقوف مؤقتًا مدة 15 دقيقة');
    // Even the right password is refused while locked, with the answer a wrong password gets.
    const locked = await attemptLogin(agent, officer.email, officer.password);
    expect(locked.status).toBe(401);
    expect(locked.text).toContain('البريد الإلكتروني أو كلمة المرور غير صحيحة، أو أن الحساب موقوف مؤقتًا');

    testApp.clock.set(new Date(testApp.clock.now().getTime() + 16 * 60_000));
    expect((await attemptLogin(agent, officer.email, officer.password)).status).toBe(303);
    const audit = await testApp.data.repositories.audit.search({ action: 'staff.locked_out' }, 1, 10);
    expect(audit.entries.some((entry) => entry.actorId === officer.id)).toBe(true);
  });

  it('counts every one of several wrong passwords sent at once', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const results = await Promise.all(
      Array.from({ length: 5 }, () => testApp.services.staffAuth.signIn(officer.email, 'wrong', null)),
    );
    expect(results.every((result) => !result.ok)).toBe(true);
    expect((await testApp.services.staffAuth.signIn(officer.email, officer.password, null)).ok).toBe(false);
    const audit = await testApp.data.repositories.audit.search({ action: 'staff.locked_out' }, 1, 50);
    expect(audit.entries.filter((entry) => entry.actorId === officer.id)).toHaveLength(1);
  });

  it('refuses a deactivated account', async () => {
    const former = await createStaff(testApp, ['relations_officer'], { active: false });
    expect((await attemptLogin(request.agent(testApp.app), former.email, former.password)).status).toBe(401);
  });

  it('signs out, ending the session', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = await signInStaff(testApp, officer);
    const page = await agent.get('/staff');
    const response = await agent.post('/staff/logout').type('form').send({ _csrf: csrfFrom(page.text) });
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/staff/login');
    const after = await agent.get('/staff');
    expect(after.status).toBe(303);
    expect(after.headers.location).toMatch(/^\/staff\/login/);
  });

  it('returns to the page that asked for sign-in, but never to another site', async () => {
    const admin = await createStaff(testApp, ['admin']);
    const agent = request.agent(testApp.app);
    const redirect = await agent.get('/admin/audit');
    expect(redirect.headers.location).toBe('/staff/login?returnTo=%2Fadmin%2Faudit');
    const page = await agent.get(redirect.headers.location as string);
    const response = await agent.post('/staff/login').type('form').send({ _csrf: csrfFrom(page.text), email: admin.email, password: admin.password, returnTo: '/admin/audit' });
    expect(response.headers.location).toBe('/admin/audit');

    const other = request.agent(testApp.app);
    const otherPage = await other.get('/staff/login');
    const offsite = await other.post('/staff/login').type('form').send({ _csrf: csrfFrom(otherPage.text), email: admin.email, password: admin.password, returnTo: '//evil.example/' });
    expect(offsite.headers.location).toBe('/admin/staff');
  });

  it('records sign-in successes and failures in the audit log with the IP', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    await attemptLogin(request.agent(testApp.app), officer.email, 'wrong');
    await signInStaff(testApp, officer);
    const { entries } = await testApp.data.repositories.audit.search({ actorLabel: officer.email }, 1, 10);
    const actions = entries.map((entry) => entry.action);
    expect(actions).toContain('staff.sign_in_failed');
    expect(actions).toContain('staff.signed_in');
    expect(entries.every((entry) => entry.ip)).toBe(true);
  });
});

describe('login rate limit', () => {
  it('refuses more sign-in attempts than the limit from one address', async () => {
    const testApp = await createTestApp({ env: { LOGIN_RATE_LIMIT: '3' } });
    const agent = request.agent(testApp.app);
    for (let attempt = 0; attempt < 3; attempt += 1) {
      expect((await attemptLogin(agent, 'someone@example.org', 'x')).status).toBe(401);
    }
    const limited = await attemptLogin(agent, 'someone@example.org', 'x');
    expect(limited.status).toBe(429);
    expect(limited.text).toContain('محاولات كثيرة');
    await testApp.close();
  });
});
