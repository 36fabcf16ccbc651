import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp({ env: { RETENTION_DAYS: 'message_bodies=45' } });
});
afterAll(async () => {
  await testApp.close();
});

describe('the record of processing', () => {
  it('lists each category with its purpose, readers and the configured retention', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const page = await agent.get('/admin/processing');
    expect(page.status).toBe(200);
    expect(page.text).toContain('data-qa="processing-financial"');
    expect(page.text).toContain('تقدير الحاجة وصرف الدعم إلى الحساب البنكي');
    expect(page.text).toContain('SupportRequest.iban');
    expect(page.text).toContain('نصوص الرسائل المرسلة: 45 يومًا');
    expect(page.text).toContain('مدير النظام');
  });

  it('is for admins and managers only', async () => {
    const { agent } = await agentWithRole(testApp, ['relations_officer']);
    expect((await agent.get('/admin/processing')).status).toBe(403);
  });
});
