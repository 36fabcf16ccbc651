import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsoleErrors, desktopPage, expectNoAxeViolations, horizontalOverflow, phonePage, useAppAndBrowser } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { raisedRequest, withPrisma } from '../integration/committee/fixtures.ts';
import { submittedRequest } from '../integration/staff/intakeFixtures.ts';

interface TableRegion {
  qa: string | null;
  role: string | null;
  tabIndex: number;
  name: string;
}

/** Each table wrapper on the page, with the name its aria-labelledby gives it. */
function tableRegions(page: Page): Promise<TableRegion[]> {
  return page.$$eval('.table-wrapper', (wrappers) =>
    wrappers.map((wrapper) => ({
      qa: wrapper.querySelector('table')?.getAttribute('data-qa') ?? null,
      role: wrapper.getAttribute('role'),
      tabIndex: (wrapper as HTMLElement).tabIndex,
      name: (wrapper.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
        .trim(),
    })),
  );
}

/** Presses Tab until the table with this data-qa has focus; false if it never gets it. */
async function tabTo(page: Page, qa: string): Promise<boolean> {
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  for (let presses = 0; presses < 120; presses++) {
    await page.keyboard.press('Tab');
    const focused = await page.evaluate(() => {
      const element = document.activeElement;
      return element?.classList.contains('table-wrapper') ? element.querySelector('table')?.getAttribute('data-qa') : null;
    });
    if (focused === qa) return true;
  }
  return false;
}

describe('staff tables in a browser', () => {
  const e2e = useAppAndBrowser();

  it('names every scrolling table, lets the keyboard reach and scroll it, and passes axe at 1280 and 360 wide', async () => {
    const { testApp } = e2e.running;
    const staff = await createStaff(testApp, ['admin', 'manager'], { fullName: 'نورة بنت عبدالله القحطاني' });
    await submittedRequest(testApp);
    await raisedRequest(testApp);
    const registered = await raisedRequest(testApp, { status: 'registered' });
    await withPrisma(testApp, async (prisma) => {
      await prisma.serviceDelivery.create({
        data: { requestId: registered.requestId, beneficiaryId: registered.beneficiaryId, serviceType: 'food', quantity: 2, deliveredOn: '2026-02-20', deliveredById: staff.id, note: 'سلة غذائية' },
      });
      await prisma.notification.create({
        data: { channel: 'sms', recipient: '+966501234567', beneficiaryId: registered.beneficiaryId, template: 'serviceDelivered', body: 'تم تسليم الخدمة', status: 'failed', attempts: 3, lastError: 'مزود الرسائل لا يجيب' },
      });
      await prisma.beneficiaryQuestion.create({
        data: { beneficiaryId: registered.beneficiaryId, requestId: registered.requestId, question: 'متى يصدر الرد على طلبي؟', askedAt: testApp.clock.now() },
      });
      await prisma.serviceRating.create({ data: { score: 4, easeScore: 5, anonymous: true, context: 'service', comment: 'خدمة سريعة', createdAt: testApp.clock.now() } });
    });

    const pages: { path: string; tables: string[] }[] = [
      { path: '/staff', tables: ['queue-table-awaiting_verification', 'awaiting-list'] },
      { path: '/committee', tables: ['queue-table'] },
      { path: `/committee/requests/${registered.requestId}`, tables: ['household-table', 'verification-table'] },
      { path: `/staff/requests/${registered.requestId}/services`, tables: ['services-table'] },
      { path: '/staff/questions', tables: ['questions-table'] },
      { path: '/admin/audit', tables: ['audit-table'] },
      { path: '/admin/outbox', tables: ['outbox-table'] },
      { path: '/admin/staff', tables: ['staff-table'] },
      { path: '/admin/satisfaction', tables: ['distribution', 'by-context'] },
      { path: '/admin/indicators', tables: ['backlog', 'by-channel', 'inquiries-by-channel', 'complaints-by-status'] },
    ];

    for (const open of [desktopPage, phonePage]) {
      const page = await open(e2e.browser);
      const errors = collectConsoleErrors(page);
      await page.goto(e2e.running.baseUrl + '/staff/login');
      await page.fill('[data-qa="email"]', staff.email);
      await page.fill('[data-qa="password"]', staff.password);
      await Promise.all([page.waitForNavigation(), page.click('[data-qa="staff-login-submit"]')]);

      for (const { path, tables } of pages) {
        await page.goto(e2e.running.baseUrl + path);
        const width = page.viewportSize()?.width;
        await expectNoAxeViolations(page);
        expect(await horizontalOverflow(page), `${path} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);

        const regions = await tableRegions(page);
        expect(regions.map((region) => region.qa), path).toEqual(tables);
        for (const region of regions) {
          expect(region, `${path} ${region.qa}`).toMatchObject({ role: 'region', tabIndex: 0 });
          expect(region.name, `${path} ${region.qa} has a name`).not.toBe('');
        }
        for (const qa of tables) expect(await tabTo(page, qa), `${path}: Tab reaches ${qa}`).toBe(true);
      }

      // On a phone the audit table is wider than the screen: the arrow keys scroll it.
      if (open === phonePage) {
        await page.goto(e2e.running.baseUrl + '/admin/audit');
        const wrapper = page.locator('.table-wrapper');
        const overflows = await wrapper.evaluate((element) => element.scrollWidth > element.clientWidth);
        expect(overflows, 'the audit table scrolls inside its wrapper at 360px').toBe(true);
        expect(await tabTo(page, 'audit-table')).toBe(true);
        // In right-to-left the table starts at its right edge; the hidden columns are to the left.
        for (let presses = 0; presses < 5; presses++) await page.keyboard.press('ArrowLeft');
        await page.waitForFunction(() => (document.querySelector('.table-wrapper')?.scrollLeft ?? 0) < 0);
      }
      expect(errors).toEqual([]);
    }
  }, 180_000);
});
