import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { collectConsoleErrors, desktopPage, expectNoAxeViolations, horizontalOverflow, phonePage, useAppAndBrowser } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { nextNationalId, submittedRequest, VALID_IBAN, versionOf } from '../integration/staff/intakeFixtures.ts';
import type { ActingContext } from '../../src/services/actor.ts';

const APPLICANT = 'نورة عبدالله القحطاني';

describe('staff intake in a browser', () => {
  const e2e = useAppAndBrowser();

  /** Each page is checked with axe before the click that leaves it. */
  async function clickThrough(page: Page, selector: string) {
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForNavigation(), page.click(selector)]);
  }

  async function signIn(page: Page, credentials: { email: string; password: string }, landing: RegExp) {
    await page.goto(`${e2e.running.baseUrl}/staff/login`);
    await page.fill('[data-qa="email"]', credentials.email);
    await page.fill('[data-qa="password"]', credentials.password);
    await Promise.all([page.waitForURL(landing), page.click('[data-qa="staff-login-submit"]')]);
  }

  async function fillDate(page: Page, name: string, day: string, month: string, year: string) {
    await page.check(`[data-qa="${name}-calendar-gregorian"]`);
    await page.fill(`[data-qa="${name}-day"]`, day);
    await page.fill(`[data-qa="${name}-month"]`, month);
    await page.fill(`[data-qa="${name}-year"]`, year);
  }

  async function recordLine(page: Page, item: string, outcome: 'verified' | 'mismatch' | 'not_applicable', note = '', iban?: string) {
    await clickThrough(page, `[data-qa="record-${item}"]`);
    if (iban !== undefined) await page.fill('[data-qa="iban"]', iban);
    await page.check(`[data-qa="outcome-${outcome}"]`);
    await page.fill('[data-qa="note"]', note);
    await clickThrough(page, '[data-qa="verification-submit"]');
    expect(page.url()).toMatch(/\/staff\/requests\/\d+#verification$/);
  }

  async function signInPerson(page: Page) {
    await clickThrough(page, '[data-qa="sign-in-person"]');
    await page.fill('[data-qa="signatureName"]', APPLICANT);
    await page.check('[data-qa="signedBeforeMe-yes"]');
    await clickThrough(page, '[data-qa="sign-submit"]');
    expect(await page.textContent('[data-qa="declaration-status"]')).toContain('ساري');
  }

  it('records a walk-in, verifies, refers to research, signs in person and raises it to the committee', async () => {
    const officerAccount = await createStaff(e2e.running.testApp, ['relations_officer'], { fullName: 'خالد الشهري' });
    const researcherAccount = await createStaff(e2e.running.testApp, ['social_researcher'], { fullName: 'منى الدوسري' });
    const nationalId = nextNationalId();
    const base = e2e.running.baseUrl;

    const officer = await desktopPage(e2e.browser);
    const officerErrors = collectConsoleErrors(officer);
    await signIn(officer, officerAccount, /\/staff$/);

    // Reception: the person is not known yet, so the officer opens a walk-in.
    await officer.fill('[data-qa="q"]', nationalId);
    await clickThrough(officer, '[data-qa="reception-search-submit"]');
    await expect(officer.locator('[data-qa="no-results"]').isVisible()).resolves.toBe(true);
    await clickThrough(officer, '[data-qa="new-walk-in"]');

    await officer.fill('[data-qa="nationalId"]', nationalId);
    await officer.fill('[data-qa="mobile"]', '0551234567');
    expect(await officer.isChecked('[data-qa="channel-interview"]')).toBe(true);
    await clickThrough(officer, '[data-qa="walk-in-submit"]');
    expect(officer.url()).toMatch(/\/staff\/requests\/\d+\/details$/);
    const requestId = Number(/\/staff\/requests\/(\d+)/.exec(officer.url())?.[1]);

    // Details: an empty save shows the error summary first.
    await clickThrough(officer, '[data-qa="details-submit"]');
    await expect(officer.locator('[data-qa="error-summary"]').isVisible()).resolves.toBe(true);
    expect(await officer.title()).toMatch(/^خطأ:/);
    await officer.fill('[data-qa="fullName"]', APPLICANT);
    await fillDate(officer, 'birthDate', '12', '4', '1982');
    await officer.check('[data-qa="nationality-saudi"]');
    await officer.check('[data-qa="maritalStatus-widowed"]');
    await fillDate(officer, 'idExpiryDate', '1', '1', '2031');
    await officer.check('[data-qa="livesInServiceArea-yes"]');
    await officer.selectOption('[data-qa="city"]', 'الرياض');
    await officer.fill('[data-qa="district"]', 'النسيم');
    await officer.check('[data-qa="housingType-rented"]');
    await officer.fill('[data-qa="monthlyRent"]', '١٥٠٠');
    await officer.check('[data-qa="supportType-rent"]');
    await officer.fill('[data-qa="needDescription"]', 'تأخرت في سداد الإيجار ثلاثة أشهر بعد وفاة زوجي.');
    await clickThrough(officer, '[data-qa="details-submit"]');
    expect(officer.url()).toMatch(/\/household$/);

    // Household: one daughter, then confirm the list.
    await officer.fill('[data-qa="fullName"]', 'سارة محمد القحطاني');
    await officer.selectOption('[data-qa="relation"]', 'daughter');
    await fillDate(officer, 'birthDate', '1', '3', '2012');
    await clickThrough(officer, '[data-qa="member-submit"]');
    expect(await officer.textContent('[data-qa="household-members"]')).toContain('سارة محمد القحطاني');
    await clickThrough(officer, '[data-qa="household-done"]');
    expect(officer.url()).toMatch(/\/income$/);

    await officer.fill('[data-qa="incomeSocialSecurity"]', '٢٥٠٠');
    await clickThrough(officer, '[data-qa="income-submit"]');
    expect(officer.url()).toMatch(/\/sign$/);

    // The applicant signs before the officer.
    await officer.fill('[data-qa="signatureName"]', APPLICANT);
    await officer.check('[data-qa="signedBeforeMe-yes"]');
    await clickThrough(officer, '[data-qa="sign-submit"]');
    expect(officer.url()).toMatch(new RegExp(`/staff/requests/${requestId}$`));
    expect(await officer.textContent('[data-qa="declaration-status"]')).toContain('ساري');

    await clickThrough(officer, '[data-qa="action-submit"]');
    const reference = (await officer.textContent('[data-qa="request-reference"]'))?.trim() ?? '';
    expect(reference).toMatch(/^MZL-2026-\d{6}$/);
    await clickThrough(officer, '[data-qa="action-start-verification"]');
    await expect(officer.locator('[data-qa="record-identity"]').isVisible()).resolves.toBe(true);

    // A mismatch first: the raise guard names the line that is not settled.
    for (const item of ['identity', 'household', 'housing', 'documents']) await recordLine(officer, item, 'verified');
    await recordLine(officer, 'income', 'mismatch', 'الضمان الاجتماعي في الإشعار أعلى مما ذُكر');
    await recordLine(officer, 'bank_account', 'verified', '', VALID_IBAN.replace(/(.{4})/g, '$1 ').trim());
    expect(await officer.textContent('[data-qa="request-iban"]')).toContain('SA03 8000');
    expect(await officer.textContent('[data-qa="line-income"]')).toContain('الضمان الاجتماعي في الإشعار أعلى مما ذُكر');
    await clickThrough(officer, '[data-qa="action-complete-verification"]');
    await expect(officer.locator('[data-qa="refusal"]').isVisible()).resolves.toBe(true);
    const refusal = await officer.locator('[data-qa="refusal"] [data-qa="blockers"]');
    await expect(refusal.locator('[data-qa="blocker-raise.verificationIncomplete"]').textContent()).resolves.toContain('الدخل');
    // The IBAN confirmed on the bank line changed the data, so the signature no longer covers it.
    await expect(refusal.locator('[data-qa="blocker-raise.declarationMissingOrStale"]').count()).resolves.toBe(1);
    await expectNoAxeViolations(officer);
    await recordLine(officer, 'income', 'verified', 'صُحّح المبلغ بعد مراجعة الإشعار');

    // Referral to social research with a question.
    await clickThrough(officer, '[data-qa="action-refer"]');
    await officer.check('[data-qa="reason-needs_study"]');
    await officer.fill('[data-qa="question"]', 'هل تسكن الأسرة فعلًا في حي النسيم، وما حال المسكن؟');
    await clickThrough(officer, '[data-qa="referral-submit"]');
    expect(await officer.textContent('[data-qa="request-status"]')).toContain('محال');
    await expect(officer.locator('[data-qa="referral"]').textContent()).resolves.toContain('حي النسيم');

    // The researcher, in another browser context, answers and closes the referral.
    const researcher = await desktopPage(e2e.browser);
    const researcherErrors = collectConsoleErrors(researcher);
    await signIn(researcher, researcherAccount, /\/research$/);
    const row = researcher.locator('[data-qa="queue-row"]', { hasText: reference });
    await expect(row.count()).resolves.toBe(1);
    await expectNoAxeViolations(researcher);
    await Promise.all([researcher.waitForNavigation(), row.locator('[data-qa="open-referral"]').click()]);
    expect(await researcher.textContent('[data-qa="referral-question"]')).toContain('حي النسيم');
    await clickThrough(researcher, '[data-qa="answer-close"]');
    await expect(researcher.locator('[data-qa="error-summary"]').isVisible()).resolves.toBe(true);
    await researcher.fill('[data-qa="answer"]', 'زرت الأسرة وتأكدت من السكن في الحي، والمسكن شقة مستأجرة بحالة متوسطة.');
    await fillDate(researcher, 'visitDate', '28', '2', '2026');
    await researcher.fill('[data-qa="findings"]', 'أم أرملة وابنة في المدرسة، والإيجار متأخر.');
    await researcher.fill('[data-qa="recommendation"]', 'يوصى بدعم الإيجار.');
    await clickThrough(researcher, '[data-qa="answer-close"]');
    expect(researcher.url()).toMatch(/\/research$/);
    await expect(researcher.locator('[data-qa="queue-row"]', { hasText: reference }).count()).resolves.toBe(0);
    await expectNoAxeViolations(researcher);
    expect(researcherErrors).toEqual([]);

    // Back to the officer: the answer is on the file, the applicant signs again, then raise.
    await officer.goto(`${base}/staff/requests/${requestId}`);
    await expect(officer.locator('[data-qa="referral"]').textContent()).resolves.toContain('زرت الأسرة');
    await signInPerson(officer);
    await clickThrough(officer, '[data-qa="action-complete-verification"]');
    await expect(officer.locator('[data-qa="raise-blockers"]').count()).resolves.toBe(0);
    await clickThrough(officer, '[data-qa="action-raise"]');
    expect(await officer.textContent('[data-qa="request-status"]')).toContain('لدى لجنة البحث');
    await expectNoAxeViolations(officer);

    const raised = await e2e.running.testApp.data.repositories.requests.findById(requestId);
    expect(raised).toMatchObject({ status: 'with_committee', channel: 'interview', iban: VALID_IBAN });
    expect(raised?.raisedByStaffId).toBe(officerAccount.id);
    expect(officerErrors).toEqual([]);
  }, 180_000);

  /** Screenshots go to SCREENSHOT_DIR when set, for a person to look at; the test itself checks the overflow. */
  async function checkLayout(page: Page, name: string) {
    await expectNoAxeViolations(page);
    const width = page.viewportSize()?.width ?? 0;
    const directory = process.env.SCREENSHOT_DIR;
    if (directory) {
      // In screen-high slices, so a long page can be read at full size.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      for (let top = 0, slice = 1; top < height; top += 900, slice++) {
        await page.screenshot({ path: `${directory}/staff-${name}-${width}-${slice}.png`, fullPage: true, clip: { x: 0, y: top, width, height: Math.min(900, height - top) } });
      }
    }
    expect(await horizontalOverflow(page), `${name} at ${width}px scrolls sideways`).toBeLessThanOrEqual(0);
  }

  /** How many lines a short text is laid out on: a squeezed table column breaks even a single word. */
  function lineCount(page: Page, selector: string): Promise<number> {
    return page.$eval(selector, (element) => {
      const range = document.createRange();
      range.selectNodeContents(element.firstChild ?? element);
      return new Set(Array.from(range.getClientRects(), (rect) => Math.round(rect.top))).size;
    });
  }

  it('keeps the busiest staff pages inside the screen at 1280 and 360 wide', async () => {
    const { testApp } = e2e.running;
    const officerAccount = await createStaff(testApp, ['relations_officer'], { fullName: 'عبدالرحمن بن سليمان الغامدي' });
    const researcherAccount = await createStaff(testApp, ['social_researcher']);
    const officerContext: ActingContext = { kind: 'staff', id: officerAccount.id, label: 'عبدالرحمن بن سليمان الغامدي', roles: ['relations_officer'], ip: null };
    for (let i = 0; i < 3; i++) await submittedRequest(testApp);
    const { id } = await submittedRequest(testApp);
    await testApp.services.verification.startVerification(id, await versionOf(testApp, id), officerContext);
    const longNote = 'المبلغ المذكور في تعريف الراتب الصادر من جهة العمل يختلف عن المبلغ المصرح به في الطلب، ويلزم إحضار كشف حساب لآخر ثلاثة أشهر';
    await testApp.services.verification.recordLine(id, { item: 'income', outcome: 'mismatch', note: longNote, iban: '' }, await versionOf(testApp, id), officerContext);
    await testApp.services.verification.recordLine(id, { item: 'bank_account', outcome: 'verified', note: '', iban: VALID_IBAN }, await versionOf(testApp, id), officerContext);
    // A second request sits with the researcher, so the first keeps its checklist links.
    const referred = await submittedRequest(testApp);
    await testApp.services.referrals.refer(referred.id, { reason: 'procedures_unclear', question: longNote }, await versionOf(testApp, referred.id), officerContext);

    for (const open of [desktopPage, phonePage]) {
      const officer = await open(e2e.browser);
      const researcher = await open(e2e.browser);
      const errors = [...collectConsoleErrors(officer), ...collectConsoleErrors(researcher)];
      await signIn(officer, officerAccount, /\/staff$/);
      await checkLayout(officer, 'reception');
      expect(await lineCount(officer, '[data-qa="awaiting-row"] a')).toBe(1);
      await officer.goto(`${e2e.running.baseUrl}/staff/requests/${id}`);
      await checkLayout(officer, 'request');
      expect(await lineCount(officer, '[data-qa="line-documents"] td')).toBe(1);
      await officer.goto(`${e2e.running.baseUrl}/staff/requests/${id}/details`);
      await checkLayout(officer, 'details');
      await signIn(researcher, researcherAccount, /\/research$/);
      await checkLayout(researcher, 'research-queue');
      await Promise.all([researcher.waitForNavigation(), researcher.click('[data-qa="open-referral"]')]);
      await checkLayout(researcher, 'research-referral');
      expect(errors).toEqual([]);
    }
  }, 120_000);
});
