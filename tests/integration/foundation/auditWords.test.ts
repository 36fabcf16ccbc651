import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, signInStaff, type TestApp } from '../../support/testApp.ts';

describe('the audit log in words', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    // 22:30 UTC is already the next day in Riyadh.
    testApp = await createTestApp({ now: new Date('2026-03-03T22:30:00Z') });
  });
  afterAll(() => testApp.close());

  it('names actions, records and the server itself in Arabic, at Riyadh time', async () => {
    const admin = await createStaff(testApp, ['admin']);
    const agent = await signInStaff(testApp, admin);
    const page = await agent.get('/admin/audit');
    expect(page.status).toBe(200);
    expect(page.text).toContain('سجّل الموظف الدخول');
    expect(page.text).not.toMatch(/>\s*staff\.signed_in\s*</);
    expect(page.text).not.toContain('(UTC)');
    expect(page.text).toContain('4 مارس 2026 م 01:30');
    expect(page.text).toContain('هذا الجهاز');
    expect(page.text).not.toMatch(/>\s*(::1|::ffff:127\.0\.0\.1|127\.0\.0\.1)\s*</);
  });

  it('filters by calendar days in the association time zone', async () => {
    const admin = await createStaff(testApp, ['admin']);
    const agent = await signInStaff(testApp, admin);
    const sameDay = await agent.get('/admin/audit?from=2026-03-04&to=2026-03-04');
    const rows = (html: string) => html.split('data-qa="audit-row"').length - 1;
    expect(rows(sameDay.text)).toBeGreaterThan(0);
    const dayBefore = await agent.get('/admin/audit?from=2026-03-03&to=2026-03-03');
    expect(rows(dayBefore.text)).toBe(0);
    // An impossible day is refused with its message (issue 9), never read as some other day.
    const nonsense = await agent.get('/admin/audit?from=2026-13-45');
    expect(nonsense.status).toBe(400);
  });
});
