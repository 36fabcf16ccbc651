import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { APPLICANT_NAME, nextNationalId, OTHER_IBAN, statusOf, submittedRequest, VALID_IBAN, versionOf } from './intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;
let officer2: Agent;
let manager: Agent;
let researcher: Agent;
let committeeMember: Agent;

beforeAll(async () => {
  testApp = await createTestApp();
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
  officer2 = (await agentWithRole(testApp, ['relations_officer'])).agent;
  manager = (await agentWithRole(testApp, ['manager'])).agent;
  researcher = (await agentWithRole(testApp, ['social_researcher'])).agent;
  committeeMember = (await agentWithRole(testApp, ['committee_member'])).agent;
});
afterAll(() => testApp.close());

/** Posts a form from the request page (or another page) with its CSRF token and the request's current version. */
async function post(agent: Agent, requestId: number, action: string, fields: Record<string, string> = {}, page = `/staff/requests/${requestId}`) {
  const html = (await agent.get(page)).text;
  return agent
    .post(action)
    .type('form')
    .send({ _csrf: csrfFrom(html), version: String(await versionOf(testApp, requestId)), ...fields });
}

async function verifyAll(requestId: number) {
  for (const item of ['identity', 'household', 'income', 'housing', 'documents']) {
    const response = await post(officer, requestId, `/staff/requests/${requestId}/verification/${item}`, { outcome: 'verified' });
    expect(response.status, item).toBe(303);
  }
  const bank = await post(officer, requestId, `/staff/requests/${requestId}/verification/bank_account`, { outcome: 'verified', iban: VALID_IBAN });
  expect(bank.status).toBe(303);
}

async function actions(requestId: number) {
  return (await testApp.data.repositories.audit.forRequest(requestId, false)).map((entry) => entry.action);
}

describe('reception desk', () => {
  it('finds a person by national ID in Arabic-Indic digits, by mobile and by reference', async () => {
    const { id, beneficiary } = await submittedRequest(testApp);
    const arabicDigits = beneficiary.nationalId.replace(/\d/g, (d) => '٠١٢٣٤٥٦٧٨٩'[Number(d)] ?? d);
    const byId = await officer.get('/staff').query({ q: arabicDigits });
    expect(byId.status).toBe(200);
    expect(byId.text).toContain(`/staff/beneficiaries/${beneficiary.id}`);
    const byMobile = await officer.get('/staff').query({ q: '0501234567' });
    expect(byMobile.text).toContain(`/staff/beneficiaries/${beneficiary.id}`);
    const request = await testApp.data.repositories.requests.findById(id);
    const byReference = await officer.get('/staff').query({ q: request!.reference!.toLowerCase() });
    expect(byReference.text).toContain(`/staff/requests/${id}`);
    expect((await officer.get('/staff')).text).toContain('data-qa="awaiting-row"');
  });

  it('is closed to researchers and committee members', async () => {
    expect((await researcher.get('/staff')).status).toBe(403);
    expect((await committeeMember.get('/staff')).status).toBe(403);
  });

  it('records an inquiry on the person file', async () => {
    const { beneficiary, id } = await submittedRequest(testApp);
    const page = await officer.get(`/staff/beneficiaries/${beneficiary.id}`);
    const missing = await officer.post(`/staff/beneficiaries/${beneficiary.id}/inquiries`).type('form').send({ _csrf: csrfFrom(page.text), channel: 'phone', subject: '', answer: '' });
    expect(missing.status).toBe(400);
    const saved = await officer
      .post(`/staff/beneficiaries/${beneficiary.id}/inquiries`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), channel: 'phone', subject: 'موعد الرد', answer: 'أُبلغ بأن الرد بعد أسبوعين <script>' });
    expect(saved.status).toBe(303);
    const file = await officer.get(`/staff/beneficiaries/${beneficiary.id}`);
    expect(file.text).toContain('موعد الرد');
    expect(file.text).toContain('&lt;script&gt;');
    expect(await actions(id)).toContain('inquiry.recorded');
  });
});

describe('walk-in', () => {
  it('records a walk-in without an online account, fills the grouped pages, signs in person and submits with the channel', async () => {
    const nationalId = nextNationalId();
    const page = await officer.get('/staff/walk-in');
    const opened = await officer.post('/staff/walk-in').type('form').send({ _csrf: csrfFrom(page.text), nationalId, mobile: '0551234567', channel: 'interview' });
    expect(opened.status).toBe(303);
    const requestId = Number(/\/staff\/requests\/(\d+)\/details/.exec(opened.headers.location ?? '')?.[1]);
    const beneficiary = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
    expect(beneficiary?.passwordHash).toBeNull();

    const details = await post(officer, requestId, `/staff/requests/${requestId}/details`, {
      livesInServiceArea: 'yes', fullName: APPLICANT_NAME, 'birthDate-day': '1', 'birthDate-month': '5', 'birthDate-year': '1985', 'birthDate-calendar': 'gregorian',
      nationality: 'saudi', maritalStatus: 'married', 'idExpiryDate-day': '1', 'idExpiryDate-month': '1', 'idExpiryDate-year': '2030', 'idExpiryDate-calendar': 'gregorian',
      city: 'الرياض', district: 'النسيم', email: '', housingType: 'owned', monthlyRent: '', supportType: 'food', needDescription: 'الأسرة تحتاج إلى سلة غذائية شهرية',
    }, `/staff/requests/${requestId}/details`);
    expect(details.status).toBe(303);
    const badMember = await post(officer, requestId, `/staff/requests/${requestId}/household`, { intent: 'add', fullName: '', relation: 'son' }, `/staff/requests/${requestId}/household`);
    expect(badMember.status).toBe(400);
    expect((await post(officer, requestId, `/staff/requests/${requestId}/household`, { intent: 'done' }, `/staff/requests/${requestId}/household`)).status).toBe(303);
    expect((await post(officer, requestId, `/staff/requests/${requestId}/income`, { incomeSalary: '٢٥٠٠' }, `/staff/requests/${requestId}/income`)).status).toBe(303);

    const wrongName = await post(officer, requestId, `/staff/requests/${requestId}/sign`, { signatureName: 'اسم آخر تماما', signedBeforeMe: 'yes' }, `/staff/requests/${requestId}/sign`);
    expect(wrongName.status).toBe(400);
    const signHtml = (await officer.get(`/staff/requests/${requestId}/sign`)).text;
    const signed = await officer
      .post(`/staff/requests/${requestId}/sign`)
      .field('_csrf', csrfFrom(signHtml))
      .field('version', String(await versionOf(testApp, requestId)))
      .field('signatureName', 'فاطمه محمد العتيبي')
      .field('signedBeforeMe', 'yes')
      .attach('scan', Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF'), 'declaration.pdf');
    expect(signed.status).toBe(303);
    const afterSign = await testApp.data.repositories.requests.findById(requestId);
    expect(afterSign?.declarations[0]).toMatchObject({ channel: 'in_person' });
    expect(afterSign?.declarations[0]?.witnessedByStaffId).toBeTruthy();
    expect(afterSign?.declarations[0]?.scanDocumentId).toBeTruthy();

    expect((await post(officer, requestId, `/staff/requests/${requestId}/submit`)).status).toBe(303);
    const submitted = await testApp.data.repositories.requests.findById(requestId);
    expect(submitted).toMatchObject({ status: 'submitted', channel: 'interview' });
    expect(submitted?.reference).toMatch(/^MZL-\d{4}-\d{6}$/);

    // A second walk-in for the same person is shown the open request.
    const again = await officer.post('/staff/walk-in').type('form').send({ _csrf: csrfFrom(page.text), nationalId, mobile: '', channel: 'phone' });
    expect(again.headers.location).toBe(`/staff/requests/${requestId}`);
  });
});

describe('verification, referral and raising', () => {
  it('takes a request from submitted to the committee, with the raise guard listing what is missing', async () => {
    const { id } = await submittedRequest(testApp);
    expect((await post(committeeMember, id, `/staff/requests/${id}/start-verification`)).status).toBe(403);
    expect((await post(officer, id, `/staff/requests/${id}/start-verification`)).status).toBe(303);
    expect(await statusOf(testApp, id)).toBe('in_verification');

    const blocked = await post(officer, id, `/staff/requests/${id}/complete-verification`);
    expect(blocked.status).toBe(422);
    expect(blocked.text).toContain('data-qa="blocker-raise.verificationIncomplete"');

    const mismatchWithoutNote = await post(officer, id, `/staff/requests/${id}/verification/income`, { outcome: 'mismatch', note: '' }, `/staff/requests/${id}/verification/income`);
    expect(mismatchWithoutNote.status).toBe(400);
    const badIban = await post(officer, id, `/staff/requests/${id}/verification/bank_account`, { outcome: 'verified', iban: 'SA0380000000608010167518' }, `/staff/requests/${id}/verification/bank_account`);
    expect(badIban.status).toBe(400);
    expect(badIban.text).toContain('value="SA0380000000608010167518"');
    const byManager = await post(manager, id, `/staff/requests/${id}/verification/identity`, { outcome: 'verified' }, `/staff/requests/${id}`);
    expect(byManager.status).toBe(422);
    await verifyAll(id);
    expect((await testApp.data.repositories.requests.findById(id))?.iban).toBe(VALID_IBAN);
    // Confirming the IBAN the applicant gave and signed leaves their signature valid.
    expect(await testApp.services.verification.blockers(id)).toEqual([]);

    // Referral: open, the raise guard refuses, the researcher answers and closes.
    expect((await post(officer, id, `/staff/requests/${id}/referral`, { reason: 'needs_study', question: '' }, `/staff/requests/${id}/referral`)).status).toBe(400);
    expect((await post(officer, id, `/staff/requests/${id}/referral`, { reason: 'needs_study', question: 'هل الأسرة تسكن فعلًا في الحي المذكور؟' }, `/staff/requests/${id}/referral`)).status).toBe(303);
    expect(await statusOf(testApp, id)).toBe('referred');
    const referralBlocked = await testApp.services.verification.blockers(id);
    expect(referralBlocked.map((blocker) => blocker.code)).toEqual(['raise.referralOpen']);

    const queue = await researcher.get('/research');
    expect(queue.status).toBe(200);
    const referralId = Number(/\/research\/referrals\/(\d+)/.exec(queue.text)?.[1]);
    expect((await officer.get(`/research/referrals/${referralId}`)).status).toBe(403);
    expect((await officer.get('/research')).status).toBe(403);
    const referralPage = `/research/referrals/${referralId}`;
    const noAnswer = await post(researcher, id, referralPage, { intent: 'close', answer: '' }, referralPage);
    expect(noAnswer.status).toBe(400);
    const closed = await post(researcher, id, referralPage, {
      intent: 'close', answer: 'زرت الأسرة وتأكدت من السكن', findings: 'السكن مستأجر', recommendation: 'يوصى بالدعم',
      'visitDate-day': '28', 'visitDate-month': '2', 'visitDate-year': '2026', 'visitDate-calendar': 'gregorian',
    }, referralPage);
    expect(closed.status).toBe(303);
    expect(await statusOf(testApp, id)).toBe('in_verification');
    const referral = (await testApp.data.repositories.casework.referralsForRequest(id))[0];
    expect(referral).toMatchObject({ visitDate: '2026-02-28', findings: 'السكن مستأجر' });
    expect(referral?.closedAt).toBeTruthy();

    expect((await post(officer, id, `/staff/requests/${id}/complete-verification`)).status).toBe(303);
    expect((await post(committeeMember, id, `/staff/requests/${id}/raise`)).status).toBe(403);
    expect((await post(manager, id, `/staff/requests/${id}/raise`)).status).toBe(303);
    const raised = await testApp.data.repositories.requests.findById(id);
    expect(raised?.status).toBe('with_committee');
    expect(raised?.raisedAt).toBeTruthy();
    expect(raised?.raisedByStaffId).toBeTruthy();

    const timeline = await testApp.data.repositories.audit.forRequest(id, false);
    const visible = timeline.filter((entry) => entry.visibleToBeneficiary).map((entry) => entry.action);
    expect(visible).toEqual(expect.arrayContaining(['request.verification_started', 'request.raised']));
    expect(visible).not.toContain('request.referred');
    expect(visible).not.toContain('request.verification_line_recorded');
    const file = await officer.get(`/staff/requests/${id}`);
    expect(file.text.match(/data-qa="timeline-entry"/g)?.length).toBe(timeline.length);
  });

  it('refuses to verify an ID that had expired on the submission date, and the raise guard says so', async () => {
    const { id } = await submittedRequest(testApp);
    await post(officer, id, `/staff/requests/${id}/start-verification`);
    // The officer finds the original card expired a month before the submission (2026-03-01) and corrects the date.
    const version = await versionOf(testApp, id);
    await testApp.data.repositories.requests.updateFields(id, version, { idExpiryDate: '2026-02-01' });
    const refused = await post(officer, id, `/staff/requests/${id}/verification/identity`, { outcome: 'verified' }, `/staff/requests/${id}/verification/identity`);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain('data-qa="error-summary"');
    const blockers = (await testApp.services.verification.blockers(id)).map((blocker) => blocker.code);
    expect(blockers).toContain('raise.idExpired');
  });
});

describe('needs_info round trip', () => {
  it('returns the request, notifies the applicant, and comes back after re-signing and resubmission', async () => {
    const { id, context } = await submittedRequest(testApp);
    await post(officer, id, `/staff/requests/${id}/start-verification`);
    expect((await post(officer, id, `/staff/requests/${id}/info-request`, { items: '  \n ' }, `/staff/requests/${id}/info-request`)).status).toBe(400);
    const returned = await post(officer, id, `/staff/requests/${id}/info-request`, { items: 'صورة عقد الإيجار\nتعريف بالراتب' }, `/staff/requests/${id}/info-request`);
    expect(returned.status).toBe(303);
    expect(await statusOf(testApp, id)).toBe('needs_info');
    const infoRequests = await testApp.data.repositories.casework.infoRequestsForRequest(id);
    expect(infoRequests[0]?.items).toEqual(['صورة عقد الإيجار', 'تعريف بالراتب']);
    // Read from the outbox: delivery timing belongs to the outbox job, not to this use case.
    const outbox = await testApp.services.notifications.list({ template: 'requestNeedsInfo' }, 1);
    expect(outbox.messages.map((message: { recipient: string; body: string }) => message.recipient)).toContain('+966501234567');
    expect(outbox.messages[0]?.body).toContain('يحتاج إلى استكمال');

    // The applicant changes the rent: the old signature no longer covers the data.
    await testApp.services.applications.saveStep(id, 'housing', { housingType: 'rented', monthlyRent: 1800 }, undefined, context);
    await expect(testApp.services.applications.resubmit(id, context)).rejects.toMatchObject({ code: 'declaration.stale' });
    await testApp.services.applications.sign(id, { declarationAccepted: 'on', signatureName: APPLICANT_NAME, channel: 'website', ip: null, userAgent: null }, context);
    await testApp.services.applications.resubmit(id, context);
    expect(await statusOf(testApp, id)).toBe('submitted');
    const desk = await officer.get('/staff');
    expect(desk.text).toMatch(new RegExp(`href="/staff/requests/${id}"[\\s\\S]*?tag-yellow`));
  });
});

describe('concurrency', () => {
  it('gives the second officer a 409 with the message and keeps what they typed', async () => {
    const { id } = await submittedRequest(testApp);
    await post(officer, id, `/staff/requests/${id}/start-verification`);
    const path = `/staff/requests/${id}/verification/income`;
    const [pageA, pageB] = await Promise.all([officer.get(path), officer2.get(path)]);
    const version = String(await versionOf(testApp, id));
    const first = await officer.post(path).type('form').send({ _csrf: csrfFrom(pageA.text), version, outcome: 'verified' });
    expect(first.status).toBe(303);
    const second = await officer2.post(path).type('form').send({ _csrf: csrfFrom(pageB.text), version, outcome: 'mismatch', note: 'الراتب في التعريف أعلى من المذكور' });
    expect(second.status).toBe(409);
    expect(second.text).toContain('data-qa="conflict"');
    expect(second.text).toContain('الراتب في التعريف أعلى من المذكور');
    expect(second.text).toContain(`name="version" value="${await versionOf(testApp, id)}"`);
    const lines = await testApp.data.repositories.casework.verificationLines(id);
    expect(lines.find((line) => line.item === 'income')?.outcome).toBe('verified');
  });
});

describe('the applicant\'s IBAN and their signature', () => {
  async function startVerification(id: number) {
    expect((await post(officer, id, `/staff/requests/${id}/start-verification`)).status).toBe(303);
  }

  it('says on the bank line, before saving, that confirming keeps the signature and changing it voids it', async () => {
    const { id } = await submittedRequest(testApp);
    await startVerification(id);
    const page = await officer.get(`/staff/requests/${id}/verification/bank_account`);
    expect(page.text).toContain('data-qa="resign-notice"');
    expect(page.text).toContain('تأكيده كما هو لا يُبطل الإقرار');
    expect(page.text).toContain(`value="${VALID_IBAN}"`);
    const confirmed = await post(officer, id, `/staff/requests/${id}/verification/bank_account`, { outcome: 'verified', iban: VALID_IBAN }, `/staff/requests/${id}/verification/bank_account`);
    expect(confirmed.status).toBe(303);
    expect((await testApp.services.reception.requestFile(id, { kind: 'system', ip: null })).declaration).toBe('valid');
  });

  it('still needs a new signature when the officer corrects the IBAN, or enters one the applicant did not give', async () => {
    const { id } = await submittedRequest(testApp);
    await startVerification(id);
    const corrected = await post(officer, id, `/staff/requests/${id}/verification/bank_account`, { outcome: 'verified', iban: OTHER_IBAN }, `/staff/requests/${id}/verification/bank_account`);
    expect(corrected.status).toBe(303);
    expect((await testApp.data.repositories.requests.findById(id))?.iban).toBe(OTHER_IBAN);
    expect((await testApp.services.verification.blockers(id)).map((blocker) => blocker.code)).toContain('raise.declarationMissingOrStale');

    const withoutIban = await submittedRequest(testApp, { iban: null });
    await startVerification(withoutIban.id);
    const page = await officer.get(`/staff/requests/${withoutIban.id}/verification/bank_account`);
    expect(page.text).toContain('لم يُدخل المستفيد رقم آيبان');
    expect((await post(officer, withoutIban.id, `/staff/requests/${withoutIban.id}/verification/bank_account`, { outcome: 'verified', iban: VALID_IBAN }, `/staff/requests/${withoutIban.id}/verification/bank_account`)).status).toBe(303);
    expect((await testApp.services.verification.blockers(withoutIban.id)).map((blocker) => blocker.code)).toContain('raise.declarationMissingOrStale');
  });

  it('warns on the data pages of a signed request that a correction needs a new signature', async () => {
    const { id } = await submittedRequest(testApp);
    for (const page of ['details', 'household', 'income']) {
      const html = (await officer.get(`/staff/requests/${id}/${page}`)).text;
      expect(html, page).toContain('data-qa="resign-notice"');
      expect(html, page).toContain('يلزم أن يوقّع إقرارًا جديدًا');
    }
    // The income page also takes the beneficiary's IBAN, shown as they signed it.
    expect((await officer.get(`/staff/requests/${id}/income`)).text).toContain(`value="${VALID_IBAN}"`);
  });
});
