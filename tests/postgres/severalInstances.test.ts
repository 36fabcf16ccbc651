import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, type TestApp } from '../support/testApp.ts';
import { backgroundJobs, runJob } from '../../src/jobs.ts';
import { raisedRequest } from '../integration/committee/fixtures.ts';
import { nextNationalId, APPLICANT_NAME } from '../integration/staff/intakeFixtures.ts';
import type { ActingContext } from '../../src/services/actor.ts';

// Two instances of the portal on one PostgreSQL database, in one process: what each point of "several instances
// behave as one" promises. Caches are kept for a minute, so only a notification can explain a fresh read.
const env = { READ_CACHE_SECONDS: '60' };
let first: TestApp;
let second: TestApp;

beforeAll(async () => {
  first = await createTestApp({ env });
  second = await createTestApp({ env, sameDatabaseAs: first, clock: first.clock });
});
afterAll(async () => {
  await second?.close();
  await first?.close();
});

async function staffPageStatus(testApp: TestApp, cookie: string, path = '/staff') {
  return (await request(testApp.app).get(path).set('Cookie', cookie).redirects(0)).status;
}

const cookiesOf = (response: request.Response) =>
  ([] as string[]).concat(response.headers['set-cookie'] ?? []).map((line) => line.split(';')[0]).join('; ');

/** Signs in on `testApp` and returns the session cookie, which the other instance accepts too. */
async function signInCookie(testApp: TestApp, credentials: { email: string; password: string }): Promise<string> {
  const page = await request(testApp.app).get('/staff/login');
  const response = await request(testApp.app)
    .post('/staff/login')
    .set('Cookie', cookiesOf(page))
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email: credentials.email, password: credentials.password });
  expect(response.status).toBe(303);
  return cookiesOf(response) || cookiesOf(page);
}

async function settle() {
  await Promise.all([first.data.invalidationsSent(), second.data.invalidationsSent()]);
  // The notification travels through the server to the other instance's listening connection.
  for (let i = 0; i < 50; i += 1) await new Promise((resolve) => setImmediate(resolve));
  await new Promise((resolve) => setTimeout(resolve, 50));
}

describe('read caches on several instances', () => {
  it('refuses a session on the other instance once it is signed out on one', async () => {
    const officer = await createStaff(first, ['relations_officer']);
    const cookie = await signInCookie(first, officer);
    const page = await request(first.app).get('/staff').set('Cookie', cookie);
    expect(page.status).toBe(200);
    expect(await staffPageStatus(second, cookie)).toBe(200); // cached on the second instance now

    const out = await request(first.app).post('/staff/logout').set('Cookie', cookie).type('form').send({ _csrf: csrfFrom(page.text) });
    expect(out.status).toBe(303);
    await settle();
    expect(await staffPageStatus(second, cookie)).toBe(303);
  });

  it('applies a role removed on one instance on the other', async () => {
    const admin = await createStaff(first, ['admin']);
    const member = await createStaff(first, ['relations_officer', 'committee_member']);
    const cookie = await signInCookie(second, member);
    expect(await staffPageStatus(second, cookie, '/committee')).toBe(200); // the staff member is cached on the second instance

    const context: ActingContext = { kind: 'staff', id: admin.id, label: 'admin', roles: ['admin'], ip: null } as ActingContext;
    const saved = await first.services.staffAdmin.update(
      member.id,
      { email: member.email, fullName: 'موظف', roles: ['relations_officer'], active: true, password: undefined } as never,
      context,
    );
    expect(saved).toMatchObject({ ok: true });
    await settle();
    expect(await staffPageStatus(second, cookie, '/committee')).toBe(403);
  });
});

describe('background jobs on several instances', () => {
  it('releases a decision once and sends its messages once when both instances run the jobs', async () => {
    const chair = await createStaff(first, ['committee_chair']);
    const { requestId, beneficiaryId } = await raisedRequest(first, { submittedAt: first.clock.now() });
    const context = { kind: 'staff' as const, id: chair.id, label: 'رئيس اللجنة', roles: ['committee_chair' as const], ip: null };
    await first.services.committee.recordDecision(context, requestId, { outcome: 'accept', approvedSupportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, note: null });
    first.clock.advanceDays(15);

    const jobsOf = (testApp: TestApp) => Object.fromEntries(backgroundJobs(testApp.services).map((job) => [job.name, job]));
    const [a, b] = [jobsOf(first), jobsOf(second)];
    await Promise.all([runJob(first.services, a['decision-release']!), runJob(second.services, b['decision-release']!)]);
    await Promise.all([runJob(first.services, a['decision-release']!), runJob(second.services, b['decision-release']!)]);
    await Promise.all([runJob(first.services, a.outbox!), runJob(second.services, b.outbox!), runJob(first.services, a.outbox!)]);
    await Promise.all([runJob(first.services, a.outbox!), runJob(second.services, b.outbox!)]);

    const queued = await first.data.repositories.notifications.forBeneficiary(beneficiaryId);
    expect(queued.length).toBeGreaterThan(0);
    expect(queued.every((message) => message.status === 'sent')).toBe(true);
    const sentToHer = [...first.sentMessages, ...second.sentMessages].filter((message) => queued.some((row) => row.id === message.id));
    expect(sentToHer).toHaveLength(queued.length);
  });

  it('lets only one instance at a time run a job', async () => {
    let running = 0;
    let most = 0;
    const slowJob = async () => {
      running += 1;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 100));
      running -= 1;
    };
    const ran = await Promise.all([first.data.runExclusively('probe', slowJob), second.data.runExclusively('probe', slowJob)]);
    expect(most).toBe(1);
    expect(ran.filter(Boolean)).toHaveLength(1);
    expect(await second.data.runExclusively('probe', slowJob)).toBe(true);
  });
});

describe('numbers and counters on several instances', () => {
  it('gives 200 concurrent submissions on two instances 200 distinct references', async () => {
    // A year of its own: the fixture above wrote a 2026 reference without the counter.
    first.clock.set(new Date('2027-01-10T08:00:00Z'));
    const drafts: { id: number; context: ActingContext; on: TestApp }[] = [];
    const prepare = async (index: number) => {
      const on = index % 2 === 0 ? first : second;
      const { services, data } = on;
      const beneficiary = await data.repositories.beneficiaries.create({ nationalId: nextNationalId(), mobile: '+966501234567', passwordHash: null });
      const context: ActingContext = { kind: 'beneficiary', id: beneficiary.id, label: APPLICANT_NAME, ip: '127.0.0.1' };
      const { request: draft } = await services.applications.startOrResumeDraft(beneficiary.id, 'website', context);
      for (const [step, values] of [
        ['eligibility', { livesInServiceArea: true, city: 'الرياض' }],
        ['personal', { fullName: APPLICANT_NAME, birthDate: '1985-05-01', nationality: 'saudi', maritalStatus: 'married', idExpiryDate: '2030-01-01' }],
        ['contact', { city: 'الرياض', district: 'النسيم', email: null }],
        ['household', {}],
        ['income', { incomeSalary: 3000, incomeSocialSecurity: null, incomePension: null, incomeOther: null, obligationLoans: 500, obligationOther: null }],
        ['housing', { housingType: 'rented', monthlyRent: 1500 }],
        ['support', { supportType: 'rent', needDescription: 'أحتاج إلى مساعدة في سداد الإيجار المتأخر' }],
        ['documents', {}],
      ] as const) {
        await services.applications.saveStep(draft.id, step as never, values as never, undefined, context);
      }
      const signed = await services.applications.sign(draft.id, { declarationAccepted: 'on', signatureName: APPLICANT_NAME, channel: 'website', ip: null, userAgent: null }, context);
      if (!signed.ok) throw new Error('could not sign');
      drafts.push({ id: draft.id, context, on });
    };
    for (let start = 0; start < 200; start += 20) await Promise.all(Array.from({ length: 20 }, (_, offset) => prepare(start + offset)));

    const submitted = await Promise.all(drafts.map(({ id, context, on }) => on.services.applications.submit(id, context)));
    const references = submitted.map((row) => (row as { reference: string | null }).reference);
    expect(references.every(Boolean)).toBe(true);
    expect(new Set(references).size).toBe(200);
    const stored = await Promise.all(drafts.map(({ id }) => first.data.repositories.requests.findById(id)));
    expect(stored.every((row) => row?.status === 'submitted' && row.reference)).toBe(true);
  }, 600_000);

  it('counts attempts against a rate limit from both instances in one counter', async () => {
    const key = `probe:${Date.now()}`;
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, index) => (index % 2 === 0 ? first : second).data.repositories.rateLimits.hit(key, 60_000, first.clock.now())),
    );
    expect(hits.map((hit) => hit.hits).sort((x, y) => x - y)).toEqual(Array.from({ length: 40 }, (_, index) => index + 1));
  });
});
