import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { checkLayout, collectConsoleErrors, expectNoAxeViolations, launchBrowser, phonePage, startApp, type RunningApp } from './support/browser.ts';
import { startFakeNafath, type FakeNafath } from '../support/fakeNafath.ts';
import { latestCode } from '../integration/account/support.ts';
import { completedDraft, uniqueNationalId } from '../integration/apply/fixtures.ts';
import { dualDateParts } from '../../src/domain/dates.ts';

/**
 * The PDF's text by poppler's pdftotext and its page count by pdfinfo (.ci/run installs poppler-utils);
 * on a machine without them, only the page count, from the PDF's page objects.
 */
function pdfFacts(file: string): { text: string | null; pages: number } {
  try {
    const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    return { text, pages: Number(/Pages:\s+(\d+)/.exec(info)?.[1]) };
  } catch {
    const raw = fs.readFileSync(file, 'latin1');
    return { text: null, pages: (raw.match(/\/Type\s*\/Page[^s]/g) ?? []).length };
  }
}

describe('Nafath sign-in and the receipt, on a phone', () => {
  let fake: FakeNafath;
  let running: RunningApp;
  let browser: Browser;

  beforeAll(async () => {
    fake = await startFakeNafath();
    running = await startApp({ env: fake.env, now: new Date('2026-03-01T08:00:00Z') });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await running?.close();
    await fake?.close();
  });

  it('signs in through Nafath with the fake provider, then prints the receipt to an A4 PDF with the reference and both dates', async () => {
    const { testApp } = running;
    const nationalId = uniqueNationalId();
    const phone = await phonePage(browser);
    const consoleErrors = collectConsoleErrors(phone);

    await phone.goto(running.baseUrl + '/account/login');
    await phone.click('[data-qa="nafath-sign-in"]');
    await phone.waitForURL(/\/account\/nafath$/);
    await expectNoAxeViolations(phone);
    await phone.fill('[data-qa="nationalId"]', nationalId);
    await phone.click('[data-qa="nafath-start-submit"]');
    await phone.waitForURL(/\/account\/nafath\/wait$/);
    await expect(phone.locator('[data-qa="nafath-number"]').textContent()).resolves.toContain(fake.latest().random);
    await checkLayout(phone, 'nafath-wait');
    await expectNoAxeViolations(phone);

    fake.complete();
    // The page's script notices by itself; nobody presses the button.
    await phone.waitForURL(/\/account\/nafath\/mobile$/, { timeout: 15_000 });
    await expectNoAxeViolations(phone);
    await phone.fill('[data-qa="mobile"]', '0551230099');
    await phone.check('[data-qa="privacyConsent-yes"]');
    await phone.click('[data-qa="nafath-mobile-submit"]');
    await phone.waitForURL(/\/account\/verify$/);
    await phone.fill('[data-qa="code"]', await latestCode(testApp, '+966551230099'));
    await phone.click('[data-qa="verify-submit"]');
    await phone.waitForURL(/\/account\/requests$/);
    await expect(phone.locator('[data-qa="session-length"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(phone);

    const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    const context = { kind: 'beneficiary' as const, id: record!.id, label: nationalId, ip: null, userAgent: null };
    const id = await completedDraft(testApp, context, record!.id);
    const signed = await testApp.services.applications.signAndSend(id, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
    expect(signed.ok).toBe(true);
    const sent = await testApp.data.repositories.requests.findById(id);

    await phone.goto(`${running.baseUrl}/apply/confirmation/${id}`);
    await phone.click('[data-qa="receipt-link"]');
    await phone.waitForURL(/\/receipt$/);
    await checkLayout(phone, 'receipt');
    await expectNoAxeViolations(phone);
    await expect(phone.locator('[data-qa="receipt-print"]').isVisible()).resolves.toBe(true);

    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-receipt-')), 'receipt.pdf');
    await phone.emulateMedia({ media: 'print' });
    await phone.pdf({ path: file, format: 'A4', printBackground: true });
    const { text, pages } = pdfFacts(file);
    expect(pages).toBeGreaterThanOrEqual(1);
    expect(pages).toBeLessThanOrEqual(2);
    if (text !== null) {
      const earliest = dualDateParts(sent!.responseWindowOpensAt!.toISOString().slice(0, 10) as never);
      expect(text).toContain(sent!.reference!);
      expect(text).toContain(String(earliest.hijri!.year));
      expect(text).toContain(String(earliest.gregorian.year));
      expect(text).toMatch(/هـ/);
    }

    // The timeout warning, on the page's own clock (no waiting): it opens two minutes before the idle end.
    await phone.emulateMedia({ media: 'screen' });
    await phone.clock.install();
    await phone.reload();
    await expect(phone.locator('[data-qa="session-timeout"]').isVisible()).resolves.toBe(false);
    await phone.clock.fastForward(118 * 60_000 + 1_000);
    await expect(phone.locator('[data-qa="session-timeout"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(phone);
    const extended = phone.waitForResponse((response) => response.url().endsWith('/session/extend'));
    await phone.click('[data-qa="session-extend"]');
    expect((await extended).status()).toBe(200);
    await expect(phone.locator('[data-qa="session-timeout"]').isVisible()).resolves.toBe(false);
    expect(consoleErrors).toEqual([]);
  }, 120_000);
});
