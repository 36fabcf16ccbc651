import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';
import { completedDraft, createBeneficiary } from '../apply/fixtures.ts';

let testApp: TestApp;
beforeAll(async () => {
  // Drafts are stamped by the database with the real time, so the test clock starts there too.
  testApp = await createTestApp({ now: new Date() });
});
afterAll(() => testApp.close());

let counter = 0;
async function applicantWithDraft(consent: boolean) {
  const mobile = `+9665${String(Date.now() % 1e4).padStart(4, '0')}${String((counter += 1)).padStart(4, '0')}`;
  const { record, context } = await createBeneficiary(testApp, { mobile });
  await testApp.data.repositories.beneficiaries.update(record.id, { mobileVerifiedAt: testApp.clock.now() });
  if (consent) await testApp.services.myData.recordConsent({ ...context, kind: 'beneficiary' }, 'optional_messages', true);
  const draftId = await completedDraft(testApp, context, record.id);
  return { mobile, draftId };
}

const remindersTo = async (mobile: string) =>
  (await testApp.data.repositories.notifications.list({ recipient: mobile }, 1, 50)).messages.filter((message) => message.template.startsWith('draft')).map((message) => message.template);

describe('reminders about an unfinished draft', () => {
  it('sends one reminder after the idle days and one before removal, each once, and only with consent', async () => {
    const agreed = await applicantWithDraft(true);
    const declined = await applicantWithDraft(false);

    testApp.clock.advanceDays(3);
    await testApp.services.draftReminders.sendDue();
    expect(await remindersTo(agreed.mobile)).toEqual([]);

    testApp.clock.advanceDays(5);
    await testApp.services.draftReminders.sendDue();
    await testApp.services.draftReminders.sendDue();
    expect(await remindersTo(agreed.mobile)).toEqual(['draftReminder']);

    testApp.clock.advanceDays(77); // 85 days untouched: the retention rules remove it at 90
    await testApp.services.draftReminders.sendDue();
    await testApp.services.draftReminders.sendDue();
    expect((await remindersTo(agreed.mobile)).sort()).toEqual(['draftReminder', 'draftRemovalWarning']);
    const warning = (await testApp.data.repositories.notifications.list({ recipient: agreed.mobile, template: 'draftRemovalWarning' }, 1, 1)).messages[0];
    expect(warning?.body).toMatch(/هـ/);

    expect(await remindersTo(declined.mobile)).toEqual([]);
  });
});
