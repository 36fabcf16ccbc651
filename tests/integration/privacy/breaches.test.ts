import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, submitForm, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T09:00:00Z') });
});
afterAll(async () => {
  await testApp.close();
});

describe('the breach register', () => {
  it('records an incident with its 72-hour clock, adds the affected by search, sends notices once, and audits each step', async () => {
    const affected = await raisedRequest(testApp, { fullName: 'وداد ناصر الحربي', mobile: '+966503330001' });
    await raisedRequest(testApp, { fullName: 'سعاد ناصر القرني', mobile: '+966503330002' });
    const { agent } = await agentWithRole(testApp, ['admin']);

    const bad = await submitForm(agent, '/admin/breaches', { title: 'تسريب', description: '', discoveredAt: '2026-03-02T10:00' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('صف الحادثة');
    expect(bad.text).toContain('value="تسريب"');
    const future = await submitForm(agent, '/admin/breaches', { title: 'تسريب', description: 'وصف', discoveredAt: '2026-03-05T10:00' });
    expect(future.text).toContain('لا يمكن أن يكون وقت العلم بالحادثة في المستقبل');

    // 09:00 Riyadh is 06:00 UTC: three hours before the clock's "now".
    const recorded = await submitForm(agent, '/admin/breaches', { title: 'إرسال كشف بالخطأ', description: 'أُرسل كشف فيه أسماء إلى بريد خاطئ', discoveredAt: '2026-03-01T09:00' });
    expect(recorded.status).toBe(303);
    const path = recorded.headers.location!;
    let page = await agent.get(path);
    expect(page.text).toContain('بقيت 69 ساعة للإبلاغ');
    expect(page.text).toContain('2026-03-04 09:00');

    page = await agent.get(`${path}?q=${encodeURIComponent('وداد')}`);
    expect(page.text).toContain('وداد ناصر الحربي');
    expect(page.text).not.toContain('سعاد ناصر القرني');
    await submitForm(agent, `${path}?q=${encodeURIComponent('وداد')}`, { beneficiaryId: String(affected.beneficiaryId) }, `${path}/affected`);
    await submitForm(agent, path, { beneficiaryId: String(affected.beneficiaryId) }, `${path}/affected`);

    testApp.clock.advanceDays(3);
    page = await agent.get(path);
    expect(page.text).toContain('تجاوز الموعد بـ3 ساعات');
    expect((await submitForm(agent, path, {}, `${path}/notices`)).status).toBe(303);
    await submitForm(agent, path, {}, `${path}/notices`);
    await submitForm(agent, path, {}, `${path}/authority-notified`);
    page = await agent.get(path);
    expect(page.text).toContain('أُبلغت الجهة بعد الموعد');

    const notices = await withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { template: 'breachNotice' } }));
    expect(notices.map((notice) => notice.recipient)).toEqual(['+966503330001']);
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { entityType: 'breach' }, orderBy: { id: 'asc' } }));
    expect(audit.map((entry) => entry.action)).toEqual(['breach.recorded', 'breach.affected_added', 'breach.notices_queued', 'breach.notices_queued', 'breach.authority_notified']);
  });

  it('is for admins only', async () => {
    const { agent } = await agentWithRole(testApp, ['manager']);
    expect((await agent.get('/admin/breaches')).status).toBe(403);
  });
});
