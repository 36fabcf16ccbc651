import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, signInStaff, submitForm, type TestApp } from '../../support/testApp.ts';

describe('admin: staff accounts and audit log', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('creates a staff member with roles, hashed with argon2id, and audits it', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const response = await submitForm(agent, '/admin/staff/new', { fullName: 'نورة القحطاني', email: 'Noura@Example.org', roles: ['relations_officer', 'social_researcher'], password: 'a strong first password' }, '/admin/staff');
    expect(response.status).toBe(303);
    const created = await testApp.data.repositories.staff.findByEmail('noura@example.org');
    expect(created?.roles).toBe('relations_officer,social_researcher');
    expect(created?.passwordHash).toMatch(/^\$argon2id\$/);
    const list = await agent.get('/admin/staff');
    expect(list.text).toContain('نورة القحطاني');
    expect(list.text).toContain('أُنشئ حساب نورة القحطاني');

    const { entries } = await testApp.data.repositories.audit.search({ action: 'staff.created', entityId: String(created?.id) }, 1, 10);
    expect(entries).toHaveLength(1);
    expect(entries[0]?.details).toMatchObject({ roles: ['relations_officer', 'social_researcher'] });
    expect(entries[0]?.ip).toBeTruthy();

    await signInStaff(testApp, { email: 'noura@example.org', password: 'a strong first password' });
  });

  it('keeps what was typed and explains each error on the same page', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const response = await submitForm(agent, '/admin/staff/new', { fullName: '<script>alert(1)</script>', email: 'not-an-email', password: 'short' }, '/admin/staff');
    expect(response.status).toBe(400);
    expect(response.text).toContain('أدخل بريدًا إلكترونيًا صحيحًا');
    expect(response.text).toContain('اختر دورًا واحدًا على الأقل');
    expect(response.text).toContain('يجب ألا تقل كلمة المرور عن 12 حرفًا');
    expect(response.text).toContain('value="not-an-email"');
    expect(response.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(response.text).not.toContain('<script>alert(1)</script>');
    expect(response.text).not.toContain('value="short"');
  });

  it('refuses a duplicate e-mail', async () => {
    const { agent, staff } = await agentWithRole(testApp, ['admin']);
    const response = await submitForm(agent, '/admin/staff/new', { fullName: 'مكرر', email: staff.email, roles: 'manager', password: 'a strong first password' }, '/admin/staff');
    expect(response.status).toBe(400);
    expect(response.text).toContain('هذا البريد الإلكتروني مستخدم لحساب آخر');
  });

  it('edits, changes roles and deactivates, with audit entries for each', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const { staff: member, agent: memberAgent } = await agentWithRole(testApp, ['relations_officer']);
    // Loaded once, so the member is in the app's read cache when the admin deactivates them.
    expect((await memberAgent.get('/staff')).status).toBe(200);
    const response = await submitForm(agent, `/admin/staff/${member.id}/edit`, { fullName: 'اسم جديد', email: member.email, roles: ['committee_member'], active: 'false' }, `/admin/staff/${member.id}`);
    expect(response.status).toBe(303);
    const updated = await testApp.data.repositories.staff.findById(member.id);
    expect(updated).toMatchObject({ fullName: 'اسم جديد', roles: 'committee_member', active: false });
    const { entries } = await testApp.data.repositories.audit.search({ entityType: 'staff', entityId: String(member.id) }, 1, 20);
    const actions = entries.map((entry) => entry.action);
    expect(actions).toEqual(expect.arrayContaining(['staff.updated', 'staff.roles_changed', 'staff.deactivated']));
    expect(entries.find((entry) => entry.action === 'staff.roles_changed')?.details).toEqual({ from: ['relations_officer'], to: ['committee_member'] });
    // The deactivated member's open session stops working.
    expect((await memberAgent.get('/staff')).status).toBe(303);
  });

  it('does not let an admin remove their own admin role', async () => {
    const { agent, staff } = await agentWithRole(testApp, ['admin']);
    const response = await submitForm(agent, `/admin/staff/${staff.id}/edit`, { fullName: 'أنا', email: staff.email, roles: 'manager', active: 'true' }, `/admin/staff/${staff.id}`);
    expect(response.status).toBe(400);
    expect(response.text).toContain('لا يمكنك إيقاف حسابك');
  });

  it('answers 404 for a staff member that does not exist', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    expect((await agent.get('/admin/staff/999999/edit')).status).toBe(404);
    expect((await agent.get('/admin/staff/abc/edit')).status).toBe(404);
  });

  it('filters the audit log', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const all = await agent.get('/admin/audit');
    expect(all.status).toBe(200);
    expect(all.text).toContain('staff.signed_in');
    const filtered = await agent.get('/admin/audit?action=staff.created');
    const rows = filtered.text.match(/data-qa="audit-row"/g) ?? [];
    expect(rows.length).toBeGreaterThan(0);
    expect(filtered.text).not.toContain('<code>staff.signed_in</code>');
    const future = await agent.get('/admin/audit?from=2099-01-01');
    expect(future.text).toContain('لا توجد قيود تطابق البحث');
    expect((await agent.get('/admin/audit?page=abc')).status).toBe(200);
    // A date that is not one is said so beside the filter (see hostileRequests.test.ts).
    expect((await agent.get('/admin/audit?page=abc&from=not-a-date')).status).toBe(400);
  });

  it('creates the first admin once, with a generated one-time password', async () => {
    const fresh = await createTestApp();
    const first = await fresh.services.staffAdmin.ensureBootstrapAdmin({});
    expect(first?.generatedPassword).toMatch(/^[\w-]{16}$/);
    await signInStaff(fresh, { email: first!.email, password: first!.generatedPassword! });
    expect(await fresh.services.staffAdmin.ensureBootstrapAdmin({})).toBeNull();
    const fromEnvironment = await createTestApp();
    const created = await fromEnvironment.services.staffAdmin.ensureBootstrapAdmin({ email: 'boss@example.org', password: 'chosen password 123' });
    expect(created).toEqual({ email: 'boss@example.org', generatedPassword: undefined });
    await fresh.close();
    await fromEnvironment.close();
    void csrfFrom;
  });
});
