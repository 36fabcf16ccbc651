import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, submitForm, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';

const PASSWORD = 'a good password';
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

/** A beneficiary with an online account and one submitted request, signed in. */
async function signedInBeneficiary(options: { fullName?: string; mobile?: string } = {}) {
  const fixture = await raisedRequest(testApp, { beneficiaryPassword: PASSWORD, ...options });
  const agent = request.agent(testApp.app);
  const login = await agent.get('/account/login');
  const signedIn = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId: fixture.nationalId, password: PASSWORD });
  expect(signedIn.status).toBe(303);
  return { ...fixture, agent };
}

const releaseDecision = (requestId: number) =>
  withPrisma(testApp, (prisma) => prisma.supportRequest.update({ where: { id: requestId }, data: { status: 'accepted', decisionReleasedAt: testApp.clock.now() } }));

describe('questions', () => {
  it('a question asked online is answered by an officer; the beneficiary sees the answer and is notified', async () => {
    const beneficiary = await signedInBeneficiary({ mobile: '+966503334444' });
    const asked = await submitForm(beneficiary.agent, '/account/questions', { question: 'متى يصدر الرد على طلبي؟', requestId: String(beneficiary.requestId) });
    expect(asked.status).toBe(303);
    const mine = await beneficiary.agent.get('/account/questions');
    expect(mine.text).toContain('متى يصدر الرد على طلبي؟');
    expect(mine.text).toContain('data-qa="awaiting"');

    const { agent: officer } = await agentWithRole(testApp, ['relations_officer']);
    const list = await officer.get('/staff/questions');
    expect(list.status).toBe(200);
    expect(list.text).toContain('متى يصدر الرد على طلبي؟');
    expect(list.text).toContain(beneficiary.reference);
    const question = await withPrisma(testApp, (prisma) => prisma.beneficiaryQuestion.findFirstOrThrow({ where: { beneficiaryId: beneficiary.beneficiaryId } }));
    const answered = await submitForm(officer, `/staff/questions/${question.id}`, { answer: 'يصدر الرد بعد انتهاء مهلة الدراسة، وسنراسلك.' });
    expect(answered.status).toBe(303);
    expect((await officer.get('/staff/questions')).text).not.toContain('متى يصدر الرد على طلبي؟');

    const after = await beneficiary.agent.get('/account/questions');
    expect(after.text).toContain('يصدر الرد بعد انتهاء مهلة الدراسة، وسنراسلك.');
    const outbox = await withPrisma(testApp, (prisma) => prisma.notification.findMany({ where: { template: 'questionAnswered', beneficiaryId: beneficiary.beneficiaryId } }));
    expect(outbox.map((message) => message.recipient)).toContain('+966503334444');
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { entityType: 'question', entityId: String(question.id) } }));
    expect(audit.map((entry) => entry.action).sort()).toEqual(['question.answered', 'question.asked']);
  });

  it('keeps bad input on the same page with errors, and refuses another beneficiary\'s request', async () => {
    const beneficiary = await signedInBeneficiary();
    const other = await raisedRequest(testApp);
    const short = await submitForm(beneficiary.agent, '/account/questions', { question: 'قصير' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('<title>خطأ:');
    expect(short.text).toContain('href="#question"');
    expect(short.text).toContain('>قصير</textarea>');
    const foreign = await submitForm(beneficiary.agent, '/account/questions', { question: 'سؤال عن طلب ليس لي أصلًا', requestId: String(other.requestId) });
    expect(foreign.status).toBe(400);
    expect(foreign.text).toContain('href="#requestId"');
    expect(foreign.text).toContain('سؤال عن طلب ليس لي أصلًا');

    const { agent: officer } = await agentWithRole(testApp, ['manager']);
    await submitForm(beneficiary.agent, '/account/questions', { question: 'سؤال صالح عن الخدمات' });
    const question = await withPrisma(testApp, (prisma) => prisma.beneficiaryQuestion.findFirstOrThrow({ where: { beneficiaryId: beneficiary.beneficiaryId } }));
    const empty = await submitForm(officer, `/staff/questions/${question.id}`, { answer: '   ' });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#answer"');
  });
});

describe('ratings', () => {
  it('offers rating only after the decision is released, once, and stores an anonymous rating without ids', async () => {
    const beneficiary = await signedInBeneficiary();
    const path = `/account/requests/${beneficiary.requestId}/rate`;
    expect((await beneficiary.agent.get(`/account/requests/${beneficiary.requestId}`)).text).not.toContain('data-qa="rate-link"');
    expect((await beneficiary.agent.get(path)).status).toBe(409);

    await releaseDecision(beneficiary.requestId);
    expect((await beneficiary.agent.get(`/account/requests/${beneficiary.requestId}`)).text).toContain('data-qa="rate-link"');
    const bad = await submitForm(beneficiary.agent, path, { easeScore: '4', comment: 'تعليق محفوظ' });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain('href="#score"');
    expect(bad.text).toContain('تعليق محفوظ');
    expect(bad.text).toMatch(/value="4" checked/);

    const rated = await submitForm(beneficiary.agent, path, { score: '5', easeScore: '4', comment: 'خدمة ممتازة وتعامل راقٍ', anonymous: 'yes' });
    expect(rated.status).toBe(303);
    const ratings = await withPrisma(testApp, (prisma) => prisma.serviceRating.findMany({ where: { comment: 'خدمة ممتازة وتعامل راقٍ' } }));
    expect(ratings).toHaveLength(1);
    expect(ratings[0]).toMatchObject({ score: 5, easeScore: 4, anonymous: true, beneficiaryId: null, requestId: null, context: 'decision' });
    const answered = await withPrisma(testApp, (prisma) => prisma.answeredRatingOccasion.findMany({ where: { requestId: beneficiary.requestId } }));
    expect(answered.map((occasion) => occasion.key)).toEqual([`decision:${beneficiary.requestId}`]);

    expect((await beneficiary.agent.get(`/account/requests/${beneficiary.requestId}`)).text).not.toContain('data-qa="rate-link"');
    const page = await beneficiary.agent.get(`/account/requests/${beneficiary.requestId}`);
    const again = await beneficiary.agent.post(path).type('form').send({ _csrf: csrfFrom(page.text), score: '1', easeScore: '1' });
    expect(again.status).toBe(409);
    expect(await withPrisma(testApp, (prisma) => prisma.serviceRating.count({ where: { score: 1, easeScore: 1 } }))).toBe(0);
  });

  it('keeps the ids of a named rating, and answers 404 for another beneficiary\'s request', async () => {
    const beneficiary = await signedInBeneficiary();
    const other = await raisedRequest(testApp);
    await releaseDecision(beneficiary.requestId);
    await releaseDecision(other.requestId);
    expect((await beneficiary.agent.get(`/account/requests/${other.requestId}/rate`)).status).toBe(404);
    const page = await beneficiary.agent.get(`/account/requests/${beneficiary.requestId}/rate`);
    expect((await beneficiary.agent.post(`/account/requests/${other.requestId}/rate`).type('form').send({ _csrf: csrfFrom(page.text), score: '1', easeScore: '1' })).status).toBe(404);
    const rated = await submitForm(beneficiary.agent, `/account/requests/${beneficiary.requestId}/rate`, { score: '2', easeScore: '3', comment: 'تأخر الرد كثيرًا' });
    expect(rated.status).toBe(303);
    const rating = await withPrisma(testApp, (prisma) => prisma.serviceRating.findFirstOrThrow({ where: { comment: 'تأخر الرد كثيرًا' } }));
    expect(rating).toMatchObject({ anonymous: false, beneficiaryId: beneficiary.beneficiaryId, requestId: beneficiary.requestId });
  });

  it('shows managers aggregates and comments without names or ids', async () => {
    const beneficiary = await signedInBeneficiary({ fullName: 'منيرة عبدالله القحطاني' });
    await releaseDecision(beneficiary.requestId);
    await submitForm(beneficiary.agent, `/account/requests/${beneficiary.requestId}/rate`, { score: '3', easeScore: '2', comment: 'الإجراءات طويلة' });
    const { agent: manager } = await agentWithRole(testApp, ['manager']);
    const page = await manager.get('/admin/satisfaction');
    expect(page.status).toBe(200);
    const count = await withPrisma(testApp, (prisma) => prisma.serviceRating.aggregate({ _count: { _all: true }, _avg: { score: true } }));
    expect(page.text).toMatch(new RegExp(`data-qa="rating-count"[\\s\\S]*?${count._count._all}`));
    // Too few ratings this month for any comment to be shown (anonymousRatings.test.ts shows them from five).
    expect(page.text).not.toContain('الإجراءات طويلة');
    expect(page.text).toContain('data-qa="comments-withheld"');
    expect(page.text).toContain('data-qa="distribution-5"');
    expect(page.text).not.toContain('منيرة عبدالله القحطاني');
    expect(page.text).not.toContain(beneficiary.nationalId);
    expect(page.text).not.toContain(beneficiary.reference);
  });
});

describe('access', () => {
  it('refuses the wrong people', async () => {
    for (const path of ['/account/questions', '/account/requests/1/rate']) {
      const response = await request(testApp.app).get(path);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/account/login');
    }
    const { agent: committee } = await agentWithRole(testApp, ['committee_member']);
    expect((await committee.get('/staff/questions')).status).toBe(403);
    const { agent: officer } = await agentWithRole(testApp, ['relations_officer']);
    expect((await officer.get('/admin/satisfaction')).status).toBe(403);
    const { agent: admin } = await agentWithRole(testApp, ['admin']);
    expect((await admin.get('/admin/satisfaction')).status).toBe(200);
  });
});
