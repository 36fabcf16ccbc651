import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { checkLayout, collectConsoleErrors, expectNoAxeViolations, horizontalOverflow, phonePage, useAppAndBrowser } from './support/browser.ts';
import { validNationalId } from '../integration/apply/fixtures.ts';
import { latestCode } from '../integration/account/support.ts';

describe('beneficiary journey in a browser', () => {
  const e2e = useAppAndBrowser();
  let pdfPath: string;

  beforeAll(async () => {
    pdfPath = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-e2e-')), 'proof.pdf');
    fs.writeFileSync(pdfPath, '%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
  });

  /** Every page of the journey is checked with axe before moving on. */
  async function continueFrom(page: Page, selector = '[data-qa="continue"]') {
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  }

  async function fillDate(page: Page, name: string, day: string, month: string, year: string, calendar: 'hijri' | 'gregorian') {
    await page.check(`[data-qa="${name}-calendar-${calendar}"]`);
    await page.fill(`[data-qa="${name}-day"]`, day);
    await page.fill(`[data-qa="${name}-month"]`, month);
    await page.fill(`[data-qa="${name}-year"]`, year);
  }

  it('registers, verifies the mobile, applies, signs, submits and follows the request at 360x740', async () => {
    const page = await phonePage(e2e.browser);
    const consoleErrors = collectConsoleErrors(page);
    const base = e2e.running.baseUrl;

    await page.goto(`${base}/`);
    await checkLayout(page, 'phone-home');
    await page.goto(`${base}/apply`);
    await continueFrom(page, '[data-qa="start-button"]');
    expect(await page.textContent('[data-qa="progress"]')).toContain('1 من 10');
    await checkLayout(page, 'phone-journey-step');
    await page.check('[data-qa="livesInServiceArea-yes"]');
    await page.selectOption('[data-qa="city"]', 'الرياض');
    await continueFrom(page);

    await continueFrom(page, '[data-qa="apply-register"]');
    // The privacy notice is a summary with the full text one tap away, so the first field is near the top.
    const firstFieldTop = await page.evaluate(() => document.querySelector('[data-qa="nationalId"]')?.getBoundingClientRect().top ?? Infinity);
    expect(firstFieldTop).toBeLessThan(1000);
    await checkLayout(page, 'phone-register');
    await page.fill('[data-qa="nationalId"]', validNationalId('109876543'));
    await page.fill('[data-qa="mobile"]', '0551234567');
    await page.fill('[data-qa="password"]', 'a good password');
    await page.fill('[data-qa="passwordConfirm"]', 'a good password');
    await page.check('[data-qa="privacyConsent-yes"]');
    await continueFrom(page, '[data-qa="register-submit"]');

    await page.fill('[data-qa="code"]', await latestCode(e2e.running.testApp, '+966551234567'));
    await continueFrom(page, '[data-qa="verify-submit"]');
    expect(page.url()).toContain('/apply/personal');

    await page.fill('[data-qa="fullName"]', 'فاطمة علي الزهراني');
    await fillDate(page, 'birthDate', '١٢', '٤', '١٩٨٥', 'gregorian');
    await page.check('[data-qa="nationality-saudi"]');
    await page.check('[data-qa="maritalStatus-widowed"]');
    await fillDate(page, 'idExpiryDate', '1', '1', '1452', 'hijri');
    await continueFrom(page);

    await page.fill('[data-qa="district"]', 'النسيم');
    await continueFrom(page);

    await continueFrom(page, '[data-qa="add-member"]');
    await page.fill('[data-qa="fullName"]', 'سارة محمد الزهراني');
    await page.selectOption('[data-qa="relation"]', 'daughter');
    await fillDate(page, 'birthDate', '1', '3', '2012', 'gregorian');
    await continueFrom(page, '[data-qa="save-member"]');
    expect(await page.textContent('[data-qa="household-list"]')).toContain('سارة محمد الزهراني');
    // "حذف" asks first: the question and its button open in place, and nothing is removed until confirmed.
    expect(await page.isVisible('[data-qa="remove-member"]')).toBe(false);
    await page.click('[data-qa="remove-member-open"]');
    expect(await page.isVisible('[data-qa="remove-member"]')).toBe(true);
    expect(await page.textContent('[data-qa="remove-member-details"]')).toContain('حذف سارة محمد الزهراني من أفراد الأسرة؟');
    await checkLayout(page, 'phone-household');
    await continueFrom(page);

    await page.fill('[data-qa="incomeSocialSecurity"]', '٢٥٠٠');
    await continueFrom(page);
    await page.check('[data-qa="housingType-rented"]');
    await page.fill('[data-qa="monthlyRent"]', '1500');
    await continueFrom(page);
    await page.check('[data-qa="supportType-rent"]');
    await page.fill('[data-qa="needDescription"]', 'تأخرت في سداد الإيجار ثلاثة أشهر.');
    await continueFrom(page);

    expect(page.url()).toContain('/apply/bank');
    await page.fill('[data-qa="iban"]', 'SA03 8000 0000 6080 1016 7519');
    await checkLayout(page, 'phone-bank');
    await continueFrom(page);

    // The hub: the application as a task list, one section left; its link leads back into the journey.
    await page.goto(`${base}/apply`);
    expect(await page.textContent('[data-qa="hub-progress"]')).toContain('أكملت 7 من 8 أقسام');
    expect(await page.getAttribute('[data-qa="task-documents"]', 'data-status')).toBe('notStarted');
    await checkLayout(page, 'phone-hub');
    await continueFrom(page, '[data-qa="task-documents"] a');
    expect(page.url()).toContain('/apply/documents');

    await page.selectOption('[data-qa="documentKind"]', 'income_proof');
    await page.setInputFiles('[data-qa="document"]', pdfPath);
    await continueFrom(page, '[data-qa="upload"]');
    expect(await page.textContent('[data-qa="documents-list"]')).toContain('proof.pdf');
    await continueFrom(page);

    expect(page.url()).toContain('/apply/check');
    expect(await page.textContent('[data-qa="check-iban"]')).toContain('SA03 8000 0000 6080 1016 7519');
    await checkLayout(page, 'phone-check');
    await continueFrom(page);
    await page.check('[data-qa="declarationAccepted-yes"]');
    await page.fill('[data-qa="signatureName"]', 'فاطمة علي الزهراني');
    await continueFrom(page, '[data-qa="submit-request"]');

    expect(page.url()).toMatch(/\/apply\/confirmation\/\d+$/);
    const reference = (await page.textContent('[data-qa="reference"]'))?.trim() ?? '';
    expect(reference).toMatch(/^MZL-2026-\d{6}$/);
    await checkLayout(page, 'phone-confirmation');
    expect(await page.textContent('[data-qa="earliest-response"]')).toContain('15 مارس 2026 م');
    await continueFrom(page, '[data-qa="follow-request"]');
    expect(await page.textContent('[data-qa="timeline"]')).toContain('أُرسل الطلب');
    await checkLayout(page, 'phone-request');
    // Withdrawal is offered and asks for confirmation; the applicant changes their mind.
    await continueFrom(page, '[data-qa="withdraw-link"]');
    expect(page.url()).toMatch(/\/withdraw$/);
    await expectNoAxeViolations(page);
    await continueFrom(page, '[data-qa="withdraw-cancel"]');
    expect(await page.textContent('[data-qa="request-status"]')).toContain('استُلم');
    await page.goto(`${base}/account/requests`);
    expect(await page.textContent('[data-qa="request-reference"]')).toBe(reference);
    await expectNoAxeViolations(page);

    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
