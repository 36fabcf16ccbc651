import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { collectConsoleErrors, expectNoAxeViolations, horizontalOverflow, launchBrowser, phonePage, startApp, type RunningApp } from './support/browser.ts';

describe('a complaint from a phone', () => {
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

  async function send(page: Page) {
    await Promise.all([page.waitForNavigation(), page.click('[data-qa="suggestion-submit"]')]);
  }

  it('is sent by a visitor at 360 px, with errors on the page and a reference at the end', async () => {
    const page = await phonePage(browser);
    const consoleErrors = collectConsoleErrors(page);
    await page.goto(`${running.baseUrl}/feedback`);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.fill('[data-qa="name"]', 'نورة');
    await send(page);
    await expect(page.locator('[data-qa="error-summary"]').isVisible()).resolves.toBe(true);
    expect(await page.inputValue('[data-qa="name"]')).toBe('نورة');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.check('[data-qa="kind-complaint"]');
    await page.fill('[data-qa="message"]', 'انتظرت طويلًا عند الاستقبال');
    await page.fill('[data-qa="mobile"]', '٠٥٥٣٣٣٤٤٤٤');
    await send(page);
    const reference = (await page.textContent('[data-qa="suggestion-reference"]'))?.trim() ?? '';
    expect(reference).toMatch(/^MZL-C-\d{6}$/);
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);
    expect(consoleErrors).toEqual([]);
  });
});
