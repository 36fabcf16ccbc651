import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
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
    expect(page.text).toContain('4\u00a0مارس\u00a02026\u00a0م 09:00');

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
    expect(audit.map((entry) => entry.action)).toEqual(['breach.recorded', 'breach.searched', 'breach.searched', 'breach.affected_added', 'breach.notices_queued', 'breach.notices_queued', 'breach.authority_notified']);
  });

  it('leaves a trace of each search by kind and count, never the text typed', async () => {
    await raisedRequest(testApp, { fullName: 'نورة سالم العتيبي', mobile: '+966503330003' });
    const { agent } = await agentWithRole(testApp, ['admin']);
    const recorded = await submitForm(agent, '/admin/breaches', { title: 'فقد جهاز', description: 'فُقد جهاز محمول', discoveredAt: '2026-03-01T09:00' });
    const path = recorded.headers.location!;
    const incidentId = path.split('/').pop();
    await agent.get(`${path}?q=${encodeURIComponent('نورة سالم')}`);
    await agent.get(`${path}?q=${encodeURIComponent('503330003')}`);
    const searches = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { action: 'breach.searched', entityId: incidentId }, orderBy: { id: 'asc' } }));
    expect(searches.map((entry) => JSON.parse(String(entry.details)))).toEqual([
      { queryKind: 'name', count: 1 },
      { queryKind: 'mobile', count: 1 },
    ]);
    for (const entry of searches) {
      expect(String(entry.details)).not.toContain('نورة');
      expect(String(entry.details)).not.toContain('503330003');
    }
  });

  it('answers a request to add an affected person without a body with not found, not a crash', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const recorded = await submitForm(agent, '/admin/breaches', { title: 'فقد ملف', description: 'فُقد ملف ورقي', discoveredAt: '2026-03-01T09:00' });
    const path = recorded.headers.location!;
    const token = csrfFrom((await agent.get(path)).text);
    expect((await agent.post(`${path}/affected`).set('x-csrf-token', token)).status).toBe(404);
  });

  it('is for admins only', async () => {
    const { agent } = await agentWithRole(testApp, ['manager']);
    expect((await agent.get('/admin/breaches')).status).toBe(403);
  });
});
