import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { StaffRole } from '../../../src/domain/roles.ts';
import { agentWithRole, createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';

describe('CSRF protection', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('refuses a sign-in without a token with the 403 page', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = request.agent(testApp.app);
    await agent.get('/staff/login');
    const response = await agent.post('/staff/login').type('form').send({ email: officer.email, password: officer.password });
    expect(response.status).toBe(403);
    expect(response.text).toContain('<html lang="ar" dir="rtl">');
  });

  it('refuses a wrong token, and a token from another session', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const wrong = await agent.post('/admin/staff').type('form').send({ _csrf: 'forged', fullName: 'x', email: 'x@example.org', roles: 'admin', password: 'long enough password' });
    expect(wrong.status).toBe(403);

    const { agent: other } = await agentWithRole(testApp, ['admin']);
    const foreignToken = csrfFrom((await other.get('/admin/staff/new')).text);
    const foreign = await agent.post('/admin/staff').type('form').send({ _csrf: foreignToken, fullName: 'x', email: 'y@example.org', roles: 'admin', password: 'long enough password' });
    expect(foreign.status).toBe(403);
    expect(await testApp.data.repositories.staff.findByEmail('y@example.org')).toBeNull();
  });

  it('refuses a sign-out without a token', async () => {
    const { agent } = await agentWithRole(testApp, ['relations_officer']);
    expect((await agent.post('/staff/logout')).status).toBe(403);
    expect((await agent.get('/staff')).status).toBe(200);
  });
});

describe('roles', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const pages: { path: string; allowed: StaffRole[] }[] = [
    { path: '/staff', allowed: ['relations_officer', 'manager'] },
    { path: '/research', allowed: ['social_researcher'] },
    { path: '/committee', allowed: ['committee_member', 'committee_chair', 'manager'] },
    { path: '/admin/staff', allowed: ['admin'] },
    { path: '/admin/audit', allowed: ['admin', 'manager'] },
  ];
  const roles: StaffRole[] = ['admin', 'relations_officer', 'social_researcher', 'committee_member', 'committee_chair', 'manager'];

  it.each(roles)('lets %s reach exactly its own pages and shows the 403 page elsewhere', async (role) => {
    const { agent } = await agentWithRole(testApp, [role]);
    for (const page of pages) {
      const response = await agent.get(page.path);
      if (page.allowed.includes(role)) {
        expect(response.status, `${role} on ${page.path}`).toBe(200);
      } else {
        expect(response.status, `${role} on ${page.path}`).toBe(403);
        expect(response.text).toContain('لا تملك صلاحية الوصول إلى هذه الصفحة');
      }
    }
  });

  it('sends a visitor without a session to the sign-in page', async () => {
    for (const page of pages) {
      const response = await request(testApp.app).get(page.path);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe(`/staff/login?returnTo=${encodeURIComponent(page.path)}`);
    }
  });

  it('applies a role change at once, without signing in again', async () => {
    const { agent, staff } = await agentWithRole(testApp, ['admin', 'relations_officer']);
    expect((await agent.get('/admin/staff')).status).toBe(200);
    await testApp.data.repositories.staff.update(staff.id, { roles: 'relations_officer' });
    expect((await agent.get('/admin/staff')).status).toBe(403);
    await testApp.data.repositories.staff.update(staff.id, { active: false });
    expect((await agent.get('/staff')).status).toBe(303);
  });
});
