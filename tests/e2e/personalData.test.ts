import fs from 'node:fs/promises';
import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, desktopPage, expectNoAxeViolations, phonePage, useAppAndBrowser } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { fullHistory, PASSWORD } from '../integration/privacy/fixtures.ts';

describe('a beneficiary takes their data away and asks for a correction; an officer answers', () => {
  const e2e = useAppAndBrowser({ now: new Date('2026-03-01T08:00:00Z') });

  it('downloads the data, asks for a correction on a phone, and reads the officer\'s answer', async () => {
    const { testApp } = e2e.running;
    const person = await fullHistory(testApp, 'ريما', { mobile: '+966502223344' });

    const phone = await phonePage(e2e.browser);
    const consoleErrors = collectConsoleErrors(phone);
    await phone.goto(e2e.running.baseUrl + '/account/login');
    await phone.fill('[data-qa="nationalId"]', person.nationalId);
    await phone.fill('[data-qa="password"]', PASSWORD);
    await phone.locator('form button[type="submit"]').last().click();
    await phone.goto(e2e.running.baseUrl + '/account/my-data');
    await expect(phone.locator('[data-qa="my-data-requests"]').textContent()).resolves.toContain('ريما الابنة');
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(phone);

    const [download] = await Promise.all([phone.waitForEvent('download'), phone.click('[data-qa="download-my-data"]')]);
    const json = JSON.parse(await fs.readFile((await download.path())!, 'utf8')) as { account: { nationalId: string }; requests: unknown[] };
    expect(json.account.nationalId).toBe(person.nationalId);
    expect(json.requests).toHaveLength(1);

    await phone.click('[data-qa="print-my-data"]');
    await phone.waitForURL(/\/account\/my-data\/print$/);
    await expectNoAxeViolations(phone);
    await phone.goBack();

    await phone.click('[data-qa="ask-correction"]');
    await phone.waitForURL(/\/account\/data-requests\/new\?kind=correction$/);
    await expectNoAxeViolations(phone);
    await phone.click('[data-qa="send-data-request"]');
    expect(await phone.title()).toMatch(/^خطأ:/);
    await expectNoAxeViolations(phone);
    await phone.fill('[data-qa="details"]', 'اسم ابنتي مكتوب «ريما الابنة»، والصحيح «جود»');
    await phone.click('[data-qa="send-data-request"]');
    await phone.waitForURL(/\/account\/data-requests\/\d+$/);
    const reference = (await phone.locator('[data-qa="data-request-reference"]').textContent())?.trim();
    expect(reference).toMatch(/^DR-2026-\d{6}$/);
    await expectNoAxeViolations(phone);

    const officer = await createStaff(testApp, ['relations_officer']);
    const desk = await desktopPage(e2e.browser);
    const deskErrors = collectConsoleErrors(desk);
    await desk.goto(e2e.running.baseUrl + '/staff/login');
    await desk.fill('[data-qa="email"]', officer.email);
    await desk.fill('[data-qa="password"]', officer.password);
    await desk.click('[data-qa="staff-login-submit"]');
    await desk.waitForURL((url) => !url.pathname.endsWith('/login'));
    await desk.goto(e2e.running.baseUrl + '/staff/data-requests');
    await expectNoAxeViolations(desk);
    await desk.click(`text=${reference!}`);
    await desk.waitForURL(/\/staff\/data-requests\/\d+$/);
    await expectNoAxeViolations(desk);
    await desk.check('[data-qa="outcome-answer"]');
    await desk.fill('[data-qa="text"]', 'صُحّح اسم ابنتك إلى «جود»');
    await desk.click('[data-qa="save-answer"]');
    await expect(desk.locator('[data-qa="flash"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(desk);

    await phone.reload();
    await expect(phone.locator('[data-qa="data-request-answer"]').textContent()).resolves.toContain('صُحّح اسم ابنتك إلى «جود»');
    await expectNoAxeViolations(phone);
    expect(consoleErrors).toEqual([]);
    expect(deskErrors).toEqual([]);
  });

  it('shows the privacy notice and the admin pages for personal data without accessibility faults', async () => {
    const { testApp } = e2e.running;
    const page = await phonePage(e2e.browser);
    await page.goto(e2e.running.baseUrl + '/privacy');
    await expect(page.locator('[data-qa="retention-table"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);

    const admin = await createStaff(testApp, ['admin', 'manager']);
    const desk = await desktopPage(e2e.browser);
    const consoleErrors = collectConsoleErrors(desk);
    await desk.goto(e2e.running.baseUrl + '/staff/login');
    await desk.fill('[data-qa="email"]', admin.email);
    await desk.fill('[data-qa="password"]', admin.password);
    await desk.click('[data-qa="staff-login-submit"]');
    await desk.waitForURL((url) => !url.pathname.endsWith('/login'));
    for (const path of ['/admin/processing', '/admin/breaches', '/admin/indicators']) {
      await desk.goto(e2e.running.baseUrl + path);
      await expectNoAxeViolations(desk);
    }
    // The manager's read of a file, then the search that finds it: the table, and the refused date.
    const salma = await fullHistory(testApp, 'سلمى', { mobile: '+966507776655' });
    await desk.goto(e2e.running.baseUrl + `/staff/beneficiaries/${salma.beneficiaryId}`);
    await desk.goto(e2e.running.baseUrl + '/admin/access-log');
    await desk.fill('[data-qa="nationalId"]', salma.nationalId);
    await desk.click('[data-qa="access-log-filters"] button[type="submit"]');
    await expect(desk.locator('[data-qa="access-log-row"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(desk);
    await desk.fill('[data-qa="from"]', '2026-03-02');
    await desk.fill('[data-qa="to"]', '2026-03-01');
    await desk.click('[data-qa="access-log-filters"] button[type="submit"]');
    await expect(desk.locator('#from-error').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(desk);
    await desk.goto(e2e.running.baseUrl + '/admin/breaches');
    await desk.fill('[data-qa="title"]', 'كشف أُرسل إلى بريد خاطئ');
    await desk.fill('[data-qa="description"]', 'أُرسل كشف فيه أسماء إلى بريد خاطئ');
    await desk.fill('[data-qa="discoveredAt"]', '2026-03-01T09:00');
    await desk.click('[data-qa="record-breach"]');
    await desk.waitForURL(/\/admin\/breaches\/\d+$/);
    await expect(desk.locator('[data-qa="breach-clock"]').textContent()).resolves.toContain('للإبلاغ');
    await expectNoAxeViolations(desk);
    expect(consoleErrors).toEqual([]);
  });
});
