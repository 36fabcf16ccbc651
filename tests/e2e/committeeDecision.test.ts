import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkLayout, collectConsoleErrors, desktopPage, expectNoAxeViolations, phonePage, useAppAndBrowser } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { raisedRequest } from '../integration/committee/fixtures.ts';

describe('the committee decides; the beneficiary hears only after two weeks', () => {
  const e2e = useAppAndBrowser({ now: new Date('2026-03-01T08:00:00Z') });

  async function staffSignIn(page: Page, credentials: { email: string; password: string }) {
    await page.goto(e2e.running.baseUrl + '/staff/login');
    await page.fill('[data-qa="email"]', credentials.email);
    await page.fill('[data-qa="password"]', credentials.password);
    await page.click('[data-qa="staff-login-submit"]');
  }

  it('the chair accepts a raised request; the applicant sees "under study" until the window opens', async () => {
    const { testApp } = e2e.running;
    const password = 'a long beneficiary password';
    const { requestId, reference, nationalId } = await raisedRequest(testApp, { submittedAt: testApp.clock.now(), beneficiaryPassword: password });
    const chair = await createStaff(testApp, ['committee_chair']);

    const staffPage = await desktopPage(e2e.browser);
    const consoleErrors = collectConsoleErrors(staffPage);
    await staffSignIn(staffPage, chair);
    await staffPage.goto(e2e.running.baseUrl + '/committee');
    await expect(staffPage.locator(`[data-reference="${reference}"]`).isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(staffPage);
    await staffPage.setViewportSize({ width: 1280, height: 800 });
    await checkLayout(staffPage, 'desktop-committee-queue');

    await staffPage.click(`[data-reference="${reference}"] a`);
    await staffPage.waitForURL(new RegExp(`/committee/requests/${requestId}$`));
    await expectNoAxeViolations(staffPage);

    // An incomplete acceptance: the error summary, focused, with the typed amount kept.
    await staffPage.check('[data-qa="outcome-accept"]');
    await staffPage.fill('[data-qa="amount"]', '4500');
    await staffPage.click('[data-qa="record-decision"]');
    expect(await staffPage.title()).toMatch(/^خطأ:/);
    expect(await staffPage.inputValue('[data-qa="amount"]')).toBe('4500');
    await expectNoAxeViolations(staffPage);

    await staffPage.check('[data-qa="outcome-accept"]');
    await staffPage.fill('[data-qa="durationMonths"]', '3');
    await staffPage.click('[data-qa="record-decision"]');
    await expect(staffPage.locator('[data-qa="flash"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(staffPage);
    expect(consoleErrors).toEqual([]);

    const applicant = await phonePage(e2e.browser);
    await applicant.goto(e2e.running.baseUrl + '/account/login');
    await applicant.fill('[data-qa="nationalId"]', nationalId);
    await applicant.fill('[data-qa="password"]', password);
    await applicant.locator('form button[type="submit"]').last().click();
    await applicant.goto(`${e2e.running.baseUrl}/account/requests/${requestId}`);
    const before = (await applicant.locator('[data-qa="request-status"] .summary-list-value').textContent())?.trim();

    testApp.clock.advanceDays(14);
    await testApp.services.decisionRelease.releaseDue();
    await applicant.reload();
    const after = (await applicant.locator('[data-qa="request-status"] .summary-list-value').textContent())?.trim();
    expect(after).toBeTruthy();
    expect(after).not.toBe(before);
  });
});
