import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  agentWithRole,
  createStaff,
  createTestApp,
  csrfFrom,
  signInStaff,
  type TestApp,
} from '../../support/testApp.ts';
import { raisedRequest } from './fixtures.ts';

// The queue page is cached (data and rendered body); these pin that it still shows the truth.
// Fixtures write straight to the database, like another process would, so they are all written
// before the first page view; only writes through the app happen afterwards.
const DAY = 86_400_000;
const start = new Date('2026-03-01T08:00:00Z');

function rowHtml(html: string, reference: string): string | undefined {
  return new RegExp(`data-reference="${reference}">([\\s\\S]*?)</tr>`).exec(html)?.[1];
}

describe('committee queue freshness', () => {
  let testApp: TestApp;
  type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
  let member: Agent;
  let otherMember: Agent;
  let chair: Agent;
  const memberName = 'عضو اللجنة الأول';
  const otherName = 'عضو اللجنة الثاني';
  const fixtures: Record<
    'insideWindow' | 'shared' | 'tenDaysOld',
    { requestId: number; reference: string }
  > = {} as never;

  beforeAll(async () => {
    testApp = await createTestApp({ now: start });
    fixtures.insideWindow = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 3 * DAY),
    });
    fixtures.shared = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 20 * DAY),
    });
    fixtures.tenDaysOld = await raisedRequest(testApp, {
      submittedAt: new Date(start.getTime() - 10 * DAY),
    });
    member = await signInStaff(
      testApp,
      await createStaff(testApp, ['committee_member'], { fullName: memberName }),
    );
    otherMember = await signInStaff(
      testApp,
      await createStaff(testApp, ['committee_member'], { fullName: otherName }),
    );
    ({ agent: chair } = await agentWithRole(testApp, ['committee_chair']));
  });
  afterAll(() => testApp.close());

  it('drops a decided request from the queue on the next view', async () => {
    // Decided inside the two weeks: kept, not released, so it moves to "awaiting release".
    const { requestId, reference } = fixtures.insideWindow;
    expect((await member.get('/committee')).text).toContain(`data-reference="${reference}"`);

    const file = await chair.get(`/committee/requests/${requestId}`);
    const decided = await chair
      .post(`/committee/requests/${requestId}/decision`)
      .type('form')
      .send({
        _csrf: csrfFrom(file.text),
        outcome: 'reject',
        rejectionReason: 'income_above_threshold',
      });
    expect(decided.status).toBe(303);

    expect((await member.get('/committee')).text).not.toContain(`data-reference="${reference}"`);
    expect((await member.get('/committee?view=awaiting_release')).text).toContain(
      `data-reference="${reference}"`,
    );
  });

  it('gives each member the shared queue under their own name and sign-out token', async () => {
    const { reference } = fixtures.shared;
    const mine = (await member.get('/committee')).text;
    const theirs = (await otherMember.get('/committee')).text;
    expect(mine).toContain(`data-reference="${reference}"`);
    expect(theirs).toContain(`data-reference="${reference}"`);
    expect(mine).toContain(memberName);
    expect(mine).not.toContain(otherName);
    expect(theirs).toContain(otherName);
    expect(theirs).not.toContain(memberName);
    expect(csrfFrom(mine)).not.toBe(csrfFrom(theirs));
  });

  it('moves the tags and days waiting with the clock while the data is unchanged', async () => {
    const { reference } = fixtures.tenDaysOld;
    const before = rowHtml((await member.get('/committee')).text, reference);
    expect(before).toContain('قبل انقضاء مدة الأسبوعين');
    expect(before).not.toContain('حلّ موعد الرد');

    testApp.clock.set(new Date(testApp.clock.now().getTime() + 5 * DAY));
    const after = rowHtml((await member.get('/committee')).text, reference);
    expect(after).toContain('حلّ موعد الرد');
    expect(after).not.toContain('قبل انقضاء مدة الأسبوعين');
    expect(after).not.toBe(before);
  });
});

describe('committee queue and writes made outside the app', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ now: start, env: { READ_CACHE_SECONDS: '1' } });
  });
  afterAll(() => testApp.close());

  it('shows a request another process wrote once READ_CACHE_SECONDS have passed', async () => {
    const { agent } = await agentWithRole(testApp, ['committee_member']);
    expect((await agent.get('/committee')).text).toContain('data-qa="queue-empty"');
    // Written straight to the database, as another server or a script would.
    const { reference } = await raisedRequest(testApp);
    testApp.clock.set(new Date(testApp.clock.now().getTime() + 1_100));
    expect((await agent.get('/committee')).text).toContain(`data-reference="${reference}"`);
  });
});
