import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  createStaff,
  createTestApp,
  csrfFrom,
  signInStaff,
  type TestApp,
} from '../../support/testApp.ts';

describe('staff change their own password', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  async function changeAs(agent: ReturnType<typeof request.agent>, fields: Record<string, string>) {
    const page = await agent.get('/staff/password');
    return agent
      .post('/staff/password')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), ...fields });
  }

  async function signInStatus(email: string, password: string) {
    const agent = request.agent(testApp.app);
    const page = await agent.get('/staff/login');
    return (
      await agent
        .post('/staff/login')
        .type('form')
        .send({ _csrf: csrfFrom(page.text), email, password })
    ).status;
  }

  it('offers the change from every staff page and saves a new password', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = await signInStaff(testApp, officer);
    expect((await agent.get('/staff')).text).toContain('href="/staff/password"');
    const changed = await changeAs(agent, {
      currentPassword: officer.password,
      newPassword: 'a new long password',
      newPasswordConfirm: 'a new long password',
    });
    expect(changed.status).toBe(303);
    expect(changed.headers.location).toBe('/staff');
    expect((await agent.get('/staff')).text).toContain('غُيّرت كلمة المرور.');
    expect(await signInStatus(officer.email, officer.password)).toBe(401);
    expect(await signInStatus(officer.email, 'a new long password')).toBe(303);
    const { entries } = await testApp.data.repositories.audit.search(
      { action: 'staff.password_changed', entityId: String(officer.id) },
      1,
      5,
    );
    expect(entries).toHaveLength(1);
  });

  it('refuses a wrong current password, a short or unconfirmed new one, and the same one again', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const agent = await signInStaff(testApp, officer);
    const wrong = await changeAs(agent, {
      currentPassword: 'not my password',
      newPassword: 'a new long password',
      newPasswordConfirm: 'a new long password',
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('كلمة المرور الحالية غير صحيحة');
    const weak = await changeAs(agent, {
      currentPassword: officer.password,
      newPassword: 'short',
      newPasswordConfirm: 'other',
    });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain('href="#newPassword"');
    expect(weak.text).not.toContain('value="short"');
    const mismatch = await changeAs(agent, {
      currentPassword: officer.password,
      newPassword: 'a new long password',
      newPasswordConfirm: 'a different password',
    });
    expect(mismatch.text).toContain('href="#newPasswordConfirm"');
    const same = await changeAs(agent, {
      currentPassword: officer.password,
      newPassword: officer.password,
      newPasswordConfirm: officer.password,
    });
    expect(same.status).toBe(400);
    expect(same.text).toContain('اختر كلمة مرور تختلف عن الحالية');
    expect(await signInStatus(officer.email, officer.password)).toBe(303);
  });

  it('is for signed-in staff only', async () => {
    const response = await request(testApp.app).get('/staff/password');
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/staff\/login/);
  });
});
