import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, signInStaff, submitForm, type TestApp } from '../../support/testApp.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { uniqueNationalId } from '../apply/fixtures.ts';
import { latestCode, registerAndVerify } from '../account/support.ts';

/** Ending other sessions: a second browser signed in before the change is signed out at its next request. */
describe('sessions end when a password changes or staff are deactivated', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  /** Session rows that still belong to an account, read from the stored session data itself. */
  async function storedSessionsOf(owner: { staffId?: number; beneficiaryId?: number }): Promise<number> {
    const rows = await withPrisma(testApp, (prisma) => prisma.session.findMany({ select: { data: true } }));
    return rows.filter((row) => {
      const data = JSON.parse(row.data) as { staffId?: number; beneficiaryId?: number };
      return owner.staffId !== undefined ? data.staffId === owner.staffId : data.beneficiaryId === owner.beneficiaryId;
    }).length;
  }

  async function expectSignedOutOfStaff(agent: ReturnType<typeof request.agent>) {
    const response = await agent.get('/staff');
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/staff\/login/);
  }

  it('a self-service change ends every other session and keeps the one that changed it', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const acting = await signInStaff(testApp, officer);
    const other = await signInStaff(testApp, officer);
    const third = await signInStaff(testApp, officer);
    const colleague = await signInStaff(testApp, await createStaff(testApp, ['relations_officer']));
    expect((await other.get('/staff')).status).toBe(200);

    const changed = await submitForm(acting, '/staff/password', {
      currentPassword: officer.password,
      newPassword: 'a new long password',
      newPasswordConfirm: 'a new long password',
    });
    expect(changed.status).toBe(303);

    await expectSignedOutOfStaff(other);
    await expectSignedOutOfStaff(third);
    expect((await acting.get('/staff')).status).toBe(200);
    expect((await colleague.get('/staff')).status).toBe(200);
    expect(await storedSessionsOf({ staffId: officer.id })).toBe(1);
  });

  it('an admin resetting a password ends every session of that member', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const first = await signInStaff(testApp, officer);
    const second = await signInStaff(testApp, officer);
    const admin = await signInStaff(testApp, await createStaff(testApp, ['admin']));
    const saved = await submitForm(
      admin,
      `/admin/staff/${officer.id}/edit`,
      { fullName: 'موظف', email: officer.email, roles: ['relations_officer'], active: 'true', password: 'reset by the admin 1' },
      `/admin/staff/${officer.id}`,
    );
    expect(saved.status).toBe(303);

    await expectSignedOutOfStaff(first);
    await expectSignedOutOfStaff(second);
    expect(await storedSessionsOf({ staffId: officer.id })).toBe(0);
    expect((await admin.get('/admin/staff')).status).toBe(200);
  });

  it('an admin editing a member without resetting the password leaves their sessions alone', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const session = await signInStaff(testApp, officer);
    const admin = await signInStaff(testApp, await createStaff(testApp, ['admin']));
    const saved = await submitForm(
      admin,
      `/admin/staff/${officer.id}/edit`,
      { fullName: 'اسم جديد', email: officer.email, roles: ['relations_officer'], active: 'true', password: '' },
      `/admin/staff/${officer.id}`,
    );
    expect(saved.status).toBe(303);
    expect((await session.get('/staff')).status).toBe(200);
  });

  it('deactivation destroys every session of the member, not only refuses them', async () => {
    const officer = await createStaff(testApp, ['relations_officer']);
    const first = await signInStaff(testApp, officer);
    const second = await signInStaff(testApp, officer);
    expect(await storedSessionsOf({ staffId: officer.id })).toBe(2);
    const admin = await signInStaff(testApp, await createStaff(testApp, ['admin']));
    const saved = await submitForm(
      admin,
      `/admin/staff/${officer.id}/edit`,
      { fullName: 'موظف', email: officer.email, roles: ['relations_officer'], active: 'false', password: '' },
      `/admin/staff/${officer.id}`,
    );
    expect(saved.status).toBe(303);

    expect(await storedSessionsOf({ staffId: officer.id })).toBe(0);
    await expectSignedOutOfStaff(first);
    await expectSignedOutOfStaff(second);
  });

  it('a request still running in an ended session does not bring it back when it saves', async () => {
    const store = testApp.data.sessionStore;
    const cookie = { originalMaxAge: 60_000, expires: new Date(Date.now() + 60_000) };
    const save = (sid: string, data: object) => new Promise<void>((resolve, reject) => store.set(sid, data as never, (error) => (error ? reject(error) : resolve())));
    const load = (sid: string) => new Promise<unknown>((resolve, reject) => store.get(sid, (error, found) => (error ? reject(error) : resolve(found))));
    await save('in-flight-session', { cookie, staffId: 424242 });
    expect(await load('in-flight-session')).toBeTruthy();

    expect(await store.destroyAllOf({ staffId: 424242 })).toBe(1);
    // The request that loaded the session before it was ended now saves a flash message.
    await save('in-flight-session', { cookie, staffId: 424242, flashMessage: { key: 'x' } });
    expect(await load('in-flight-session')).toBeNull();
    expect(await storedSessionsOf({ staffId: 424242 })).toBe(0);

    // A brand-new session is still written.
    await save('new-session', { cookie, staffId: 424242 });
    expect(await load('new-session')).toBeTruthy();
  });

  it('a beneficiary password reset ends the sessions already signed in', async () => {
    const nationalId = uniqueNationalId();
    const mobile = `0532${String(Date.now() % 1e2).padStart(2, '0')}0001`;
    const signedIn = await registerAndVerify(testApp, { nationalId, mobile });
    expect((await signedIn.get('/account/requests')).status).toBe(200);
    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);

    // Past the one-minute wait between codes to the same mobile.
    testApp.clock.set(new Date(testApp.clock.now().getTime() + 61_000));
    const resetting = request.agent(testApp.app);
    const asked = await submitForm(resetting, '/account/reset', { nationalId, mobile });
    expect(asked.status).toBe(303);
    const code = await latestCode(testApp, record!.mobile!, 'passwordReset');
    const page = await resetting.get('/account/reset/code');
    const saved = await resetting
      .post('/account/reset/code')
      .type('form')
      .send({ _csrf: csrfFrom(page.text), code, password: 'a brand new password', passwordConfirm: 'a brand new password' });
    expect(saved.status).toBe(303);

    const after = await signedIn.get('/account/requests');
    expect(after.status).toBe(303);
    expect(after.headers.location).toBe('/account/login');
    expect(await storedSessionsOf({ beneficiaryId: record!.id })).toBe(0);
  });
});
