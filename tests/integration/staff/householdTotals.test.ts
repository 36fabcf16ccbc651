import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';

let testApp: TestApp;

beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const rowText = (html: string, qa: string) => {
  const row = new RegExp(`data-qa="${qa}"[\\s\\S]*?</div>`).exec(html)?.[0] ?? '';
  return row.replace(/<[^>]+>/g, ' ').replace(/\s+/g, ' ').trim();
};

describe('household totals', () => {
  it('shows the officer and the committee the household’s income with the members’ and the income per person', async () => {
    const { requestId } = await raisedRequest(testApp);
    // The fixture's applicant earns 3,000 a month and lists one daughter; the daughter now earns 1,000.
    await withPrisma(testApp, (prisma) => prisma.householdMember.updateMany({ where: { requestId }, data: { monthlyIncome: 1000 } }));
    const officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
    const chair = (await agentWithRole(testApp, ['committee_chair'])).agent;
    for (const html of [(await officer.get(`/staff/requests/${requestId}`)).text, (await chair.get(`/committee/requests/${requestId}`)).text]) {
      expect(rowText(html, 'household-income')).toMatch(/4,000|٤٬?٠٠٠/);
      expect(rowText(html, 'income-per-person')).toMatch(/فردان/);
      expect(rowText(html, 'income-per-person')).toMatch(/2,000|٢٬?٠٠٠/);
    }
  });
});
