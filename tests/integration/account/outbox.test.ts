import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
  for (let i = 0; i < 55; i++) {
    await testApp.data.repositories.notifications.enqueue({ channel: 'sms', recipient: `+9665000000${String(i).padStart(2, '0')}`, template: 'mobileVerification', body: 'رمز' });
  }
  await testApp.data.repositories.notifications.enqueue({ channel: 'email', recipient: 'failed@example.org', template: 'requestSubmitted', body: 'x' });
  const { messages } = await testApp.data.repositories.notifications.list({ recipient: 'failed@example.org' }, 1, 1);
  await testApp.data.repositories.notifications.markFailedAttempt(messages[0]?.id ?? 0, 'SMTP refused', null);
});
afterAll(() => testApp.close());

describe('/admin/outbox', () => {
  it('is for admins only', async () => {
    expect((await request(testApp.app).get('/admin/outbox')).status).toBe(303);
    const { agent } = await agentWithRole(testApp, ['relations_officer']);
    expect((await agent.get('/admin/outbox')).status).toBe(403);
  });

  it('lists messages with status and attempts, paginated and filtered by status', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const first = await agent.get('/admin/outbox');
    expect(first.status).toBe(200);
    expect(first.text.match(/data-qa="outbox-row"/g)).toHaveLength(50);
    expect(first.text).toContain('href="/admin/outbox?page=2"');
    const second = await agent.get('/admin/outbox?page=2');
    expect(second.text.match(/data-qa="outbox-row"/g)).toHaveLength(6);
    const failed = await agent.get('/admin/outbox?status=failed');
    expect(failed.text.match(/data-qa="outbox-row"/g)).toHaveLength(1);
    expect(failed.text).toContain('failed@example.org');
    expect(failed.text).toContain('SMTP refused');
    expect(failed.text).toContain('تعذّر الإرسال');
    expect((await agent.get('/admin/outbox?status=bogus')).status).toBe(200);
  });
});
