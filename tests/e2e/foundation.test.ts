import { describe, expect, it } from 'vitest';
import { collectConsoleErrors, desktopPage, expectNoAxeViolations, horizontalOverflow, phonePage, useAppAndBrowser } from './support/browser.ts';
import { createStaff } from '../support/testApp.ts';
import { passwordHasher } from '../../src/services/passwordHasher.ts';
import { uniqueNationalId } from '../integration/apply/fixtures.ts';

describe('foundation in a browser', () => {
  const e2e = useAppAndBrowser();

  it('shows the home page in Arabic on a phone, then switches to English', async () => {
    const page = await phonePage(e2e.browser);
    const consoleErrors = collectConsoleErrors(page);
    await page.goto(e2e.running.baseUrl + '/');
    expect(await page.getAttribute('html', 'lang')).toBe('ar');
    expect(await page.getAttribute('html', 'dir')).toBe('rtl');
    await expect(page.locator('h1').textContent()).resolves.toContain('اطلب الدعم');
    expect(await horizontalOverflow(page)).toBeLessThanOrEqual(0);
    await expectNoAxeViolations(page);

    await page.click('[data-qa="language-switch"]');
    await page.waitForURL(/lng=en/);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.getAttribute('html', 'dir')).toBe('ltr');
    await expectNoAxeViolations(page);

    // The choice is remembered on the next page.
    await page.goto(e2e.running.baseUrl + '/staff/login');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(consoleErrors).toEqual([]);
  });

  it('lets an admin sign in and create a staff member', async () => {
    const admin = await createStaff(e2e.running.testApp, ['admin'], { email: 'admin-e2e@example.org' });
    const page = await desktopPage(e2e.browser);
    const consoleErrors = collectConsoleErrors(page);
    await page.goto(e2e.running.baseUrl + '/staff/login');
    await expectNoAxeViolations(page);

    // A wrong password shows the error summary, focused, with the e-mail kept.
    await page.fill('[data-qa="email"]', admin.email);
    await page.fill('[data-qa="password"]', 'wrong password');
    await page.click('[data-qa="staff-login-submit"]');
    await expect(page.locator('[data-qa="error-summary"]').isVisible()).resolves.toBe(true);
    expect(await page.title()).toMatch(/^خطأ:/);
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-qa'))).toBe(
      'error-summary',
    );
    expect(await page.inputValue('[data-qa="email"]')).toBe(admin.email);
    await expectNoAxeViolations(page);

    await page.fill('[data-qa="password"]', admin.password);
    await page.click('[data-qa="staff-login-submit"]');
    await page.waitForURL(/\/admin\/staff$/);
    await expectNoAxeViolations(page);

    await page.click('[data-qa="new-staff"]');
    await page.click('[data-qa="save-staff"]');
    await expect(page.locator('[data-qa="error-summary"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);

    await page.fill('[data-qa="fullName"]', 'سارة العتيبي');
    await page.fill('[data-qa="email"]', 'sara@example.org');
    await page.check('[data-qa="roles-relations_officer"]');
    await page.fill('[data-qa="password"]', 'a long enough password');
    await page.click('[data-qa="save-staff"]');
    await page.waitForURL(/\/admin\/staff$/);
    await expect(page.locator('[data-qa="flash"]').textContent()).resolves.toContain(
      'سارة العتيبي',
    );
    await expect(page.locator('[data-qa="staff-table"]').textContent()).resolves.toContain(
      'sara@example.org',
    );
    await expectNoAxeViolations(page);

    await page.goto(e2e.running.baseUrl + '/admin/audit');
    await expect(page.locator('[data-qa="audit-table"]').textContent()).resolves.toContain(
      'أُنشئ حساب موظف',
    );
    await expectNoAxeViolations(page);

    // The admin keeps the policy's guides current; the page and its upload forms pass axe.
    await page.goto(e2e.running.baseUrl + '/staff/tools');
    await page.setInputFiles('[data-qa="file-bylaws"]', {
      name: 'اللائحة.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n'),
    });
    await page.click('[data-qa="upload-bylaws-submit"]');
    await page.waitForURL(/\/staff\/tools$/);
    await expect(page.locator('[data-qa="open-bylaws"]').isVisible()).resolves.toBe(true);
    await expectNoAxeViolations(page);
    await page.goto(e2e.running.baseUrl + '/admin/indicators');
    await expectNoAxeViolations(page);
    expect(consoleErrors).toEqual([]);
  });

  it('lets a beneficiary reset a forgotten password on a phone', async () => {
    const { beneficiaries, notifications } = e2e.running.testApp.data.repositories;
    const nationalId = uniqueNationalId();
    const record = await beneficiaries.create({
      nationalId,
      mobile: '+966550001122',
      passwordHash: await passwordHasher.hash('a forgotten password'),
    });
    await beneficiaries.update(record.id, { mobileVerifiedAt: new Date() });

    const page = await phonePage(e2e.browser);
    const consoleErrors = collectConsoleErrors(page);
    await page.goto(e2e.running.baseUrl + '/account/login');
    await page.click('[data-qa="forgot-password"]');
    await page.waitForURL(/\/account\/reset$/);
    await expectNoAxeViolations(page);
    await page.fill('[data-qa="nationalId"]', nationalId);
    await page.fill('[data-qa="mobile"]', '0550001122');
    await page.click('[data-qa="reset-request-submit"]');
    await page.waitForURL(/\/account\/reset\/code$/);
    await expectNoAxeViolations(page);

    const { messages } = await notifications.list(
      { template: 'passwordReset', recipient: '+966550001122' },
      1,
      1,
    );
    const code = /\d{6}/.exec(messages[0]?.body ?? '')?.[0] ?? '';
    await page.fill('[data-qa="code"]', code);
    await page.fill('[data-qa="password"]', 'a remembered password');
    await page.fill('[data-qa="passwordConfirm"]', 'a remembered password');
    await page.click('[data-qa="reset-code-submit"]');
    await page.waitForURL(/\/account\/login$/);
    await expect(page.locator('[data-qa="flash"]').textContent()).resolves.toContain(
      'حُفظت كلمة المرور الجديدة',
    );
    await expectNoAxeViolations(page);

    await page.fill('[data-qa="nationalId"]', nationalId);
    await page.fill('[data-qa="password"]', 'a remembered password');
    await page.click('[data-qa="login-submit"]');
    await page.waitForURL(/\/account\/requests$/);
    expect(consoleErrors).toEqual([]);
  });
});
