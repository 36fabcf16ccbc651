import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { raisedRequest } from './fixtures.ts';

const DAY = 86_400_000;
const start = new Date('2026-03-01T08:00:00Z');

function figure(html: string, qa: string): string {
  const row = new RegExp(`data-qa="${qa}"[^>]*>([\\s\\S]*?)</(?:div|tr)>`).exec(html)?.[1] ?? '';
  return row
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

describe('service indicators', () => {
  let testApp: TestApp;
  type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
  let manager: Agent;

  beforeAll(async () => {
    testApp = await createTestApp({ now: start });
    // Three requests with the committee: two past the two weeks (20 and 40 days old), one inside them.
    const twentyDaysOld = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 20 * DAY),
    });
    const fortyDaysOld = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 40 * DAY),
    });
    const threeDaysOld = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 3 * DAY),
    });
    await raisedRequest(testApp, { submittedAt: new Date(start.getTime() - 35 * DAY) });
    const { agent: chair } = await agentWithRole(testApp, ['committee_chair']);
    const decide = async (requestId: number, fields: Record<string, string>) => {
      const page = await chair.get(`/committee/requests/${requestId}`);
      const response = await chair
        .post(`/committee/requests/${requestId}/decision`)
        .type('form')
        .send({ _csrf: csrfFrom(page.text), ...fields });
      expect(response.status).toBe(303);
    };
    await decide(twentyDaysOld.requestId, {
      outcome: 'accept',
      approvedSupportType: 'rent',
      amount: '1500',
      durationMonths: '3',
    });
    await decide(fortyDaysOld.requestId, {
      outcome: 'reject',
      rejectionReason: 'income_above_threshold',
    });
    await decide(threeDaysOld.requestId, {
      outcome: 'reject',
      rejectionReason: 'income_above_threshold',
    });
    ({ agent: manager } = await agentWithRole(testApp, ['manager']));
  });
  afterAll(() => testApp.close());

  it('is for managers and admins only', async () => {
    const { agent: member } = await agentWithRole(testApp, ['committee_member']);
    expect((await member.get('/admin/indicators')).status).toBe(403);
    const { agent: admin } = await agentWithRole(testApp, ['admin']);
    expect((await admin.get('/admin/indicators')).status).toBe(200);
    const page = await manager.get('/admin/staff');
    expect(page.status).toBe(403);
    expect((await manager.get('/committee')).text).toContain('href="/admin/indicators"');
  });

  it('shows the work in hand, the answers given and how long they took', async () => {
    const page = await manager.get('/admin/indicators');
    expect(page.status).toBe(200);
    const html = page.text;
    // One left with the committee (35 days old, so overdue); one decided early and not yet told.
    expect(figure(html, 'backlog-with_committee')).toContain('1');
    expect(figure(html, 'overdue')).toMatch(/ 1$/);
    expect(figure(html, 'awaiting-release')).toMatch(/ 1$/);
    // The rejection not yet told is still work in hand: the backlog counts everything "awaiting release" counts.
    expect(figure(html, 'backlog-rejected_awaiting_release')).toMatch(/ 1$/);
    expect(figure(html, 'backlog-accepted')).toMatch(/ 1$/);
    expect(figure(html, 'backlog-total')).toMatch(/ 3$/);
    // Told: the 20- and 40-day-old requests, answered on the day of the decision.
    expect(figure(html, 'answers-total')).toMatch(/ 2$/);
    expect(figure(html, 'answers-accepted')).toContain('1 (50٪)');
    expect(figure(html, 'median-days')).toContain('20 يومًا');
    expect(figure(html, 'p90-days')).toContain('40 يومًا');
    expect(figure(html, 'submitted')).toMatch(/ 4$/);
    expect(html).not.toContain('مقدم الطلب');
  });

  it('switches the period and ignores one it does not offer', async () => {
    const month = await manager.get('/admin/indicators?period=30');
    expect(month.text).toMatch(/href="\/admin\/indicators\?period=30" aria-current="page"/);
    // The 40-day-old request was submitted before the last 30 days.
    expect(figure(month.text, 'submitted')).toMatch(/ 2$/);
    const odd = await manager.get('/admin/indicators?period=7');
    expect(odd.status).toBe(200);
    expect(odd.text).toMatch(/href="\/admin\/indicators\?period=90" aria-current="page"/);
  });

  it('reads in English too', async () => {
    const page = await manager.get('/admin/indicators?lng=en');
    expect(page.text).toContain('Service indicators');
    expect(figure(page.text, 'median-days')).toContain('20 days');
  });
});
