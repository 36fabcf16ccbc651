import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkLayout, collectConsoleErrors, expectNoAxeViolations, launchBrowser, startApp, type RunningApp } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { raisedRequest, withPrisma } from '../integration/committee/fixtures.ts';

const DAY_MS = 86_400_000;

describe('the staff home’s work queues in a browser', () => {
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    running = await startApp();
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
  });

  it('shows every queue with its count and ages at 1280x800, passes axe, and each row opens its request', async () => {
    const { testApp } = running;
    const daysAgo = (days: number) => new Date(testApp.clock.now().getTime() - days * DAY_MS);
    const officer = await createStaff(testApp, ['relations_officer'], { fullName: 'خالد بن سعد الدوسري' });
    const submitted = await raisedRequest(testApp, { status: 'submitted', submittedAt: daysAgo(3), fullName: 'منى سعد الحربي' });
    const needsInfo = await raisedRequest(testApp, { status: 'needs_info', submittedAt: daysAgo(20) });
    const referred = await raisedRequest(testApp, { status: 'referred', submittedAt: daysAgo(20) });
    const accepted = await raisedRequest(testApp, { status: 'accepted', submittedAt: daysAgo(30) });
    const registered = await raisedRequest(testApp, { status: 'registered', submittedAt: daysAgo(40) });
    await withPrisma(testApp, async (prisma) => {
      await prisma.infoRequest.create({ data: { requestId: needsInfo.requestId, items: '["كشف حساب"]', requestedById: officer.id, requestedByRole: 'relations_officer', requestedAt: daysAgo(16) } });
      await prisma.referral.create({ data: { requestId: referred.requestId, reason: 'needs_study', question: 'زيارة منزلية', referredById: officer.id, referredAt: daysAgo(4) } });
      await prisma.supportRequest.update({ where: { id: accepted.requestId }, data: { decisionReleasedAt: daysAgo(5) } });
      await prisma.beneficiary.update({ where: { id: registered.beneficiaryId }, data: { registeredAt: daysAgo(6), fileNumber: 'F-000001' } });
    });

    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const page = await context.newPage();
    const errors = collectConsoleErrors(page);
    await page.goto(running.baseUrl + '/staff/login');
    await page.fill('[data-qa="email"]', officer.email);
    await page.fill('[data-qa="password"]', officer.password);
    await Promise.all([page.waitForNavigation(), page.click('[data-qa="staff-login-submit"]')]);
    await page.goto(running.baseUrl + '/staff');

    for (const queue of ['awaiting_verification', 'returned_for_info', 'open_referrals', 'awaiting_registration', 'due_service']) {
      const section = page.locator(`[data-qa="queue-${queue}"]`);
      await expect(section.isVisible()).resolves.toBe(true);
      expect(await section.locator('[data-qa="queue-count"]').textContent()).toContain('طلب واحد');
      expect(await section.locator('[data-qa="queue-row"]').count()).toBe(1);
    }
    expect(await page.locator('[data-qa="queue-returned_for_info"] [data-qa="queue-row"]').textContent()).toContain('تجاوز المهلة');
    await expectNoAxeViolations(page);
    await checkLayout(page, 'staff-home-queues-1280');

    await Promise.all([page.waitForNavigation(), page.click(`[data-qa="queue-awaiting_verification"] a[href="/staff/requests/${submitted.requestId}"]`)]);
    expect(new URL(page.url()).pathname).toBe(`/staff/requests/${submitted.requestId}`);
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
