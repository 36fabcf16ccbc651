import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from '../account/support.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { uniqueNationalId, validNationalId } from './fixtures.ts';

type Agent = ReturnType<typeof request.agent>;
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const EXE = Buffer.concat([Buffer.from('MZ'), Buffer.alloc(200, 0x90)]);
const NAME = 'فاطمة علي الزهراني';
const IBAN = 'SA0380000000608010167519';

async function post(agent: Agent, path: string, fields: Record<string, string>, pagePath = path.split('?')[0] ?? path) {
  const page = await agent.get(pagePath);
  return agent.post(path).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

const date = (name: string, day: string, month: string, year: string, calendar = 'gregorian') => ({
  [`${name}-day`]: day,
  [`${name}-month`]: month,
  [`${name}-year`]: year,
  [`${name}-calendar`]: calendar,
});

async function upload(agent: Agent, bytes: Buffer, fileName: string, kind = 'income_proof') {
  const page = await agent.get('/apply/documents');
  return agent.post('/apply/documents/upload').field('_csrf', csrfFrom(page.text)).field('documentKind', kind).attach('document', bytes, fileName);
}

/** From the start page to the check page, as an applicant would. */
async function fillJourney(agent: Agent) {
  expect((await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' })).headers.location).toBe('/apply/resume');
  expect((await agent.get('/apply/resume')).headers.location).toBe('/apply/personal');
  expect((await post(agent, '/apply/personal', { fullName: NAME, nationality: 'saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '1', '1', '1452', 'hijri') })).headers.location).toBe('/apply/contact');
  expect((await post(agent, '/apply/contact', { city: 'الرياض', district: 'النسيم', email: '' })).headers.location).toBe('/apply/household');
  expect((await post(agent, '/apply/household/add', { fullName: 'سارة محمد الزهراني', relation: 'daughter', ...date('birthDate', '١', '٣', '٢٠١٢'), nationalId: '', monthlyIncome: '' })).status).toBe(303);
  expect((await post(agent, '/apply/household', {})).headers.location).toBe('/apply/income');
  expect((await post(agent, '/apply/income', { incomeSocialSecurity: '٢٬٥٠٠', obligationLoans: '800' })).headers.location).toBe('/apply/housing');
  expect((await post(agent, '/apply/housing', { housingType: 'rented', monthlyRent: '1500' })).headers.location).toBe('/apply/support');
  expect((await post(agent, '/apply/support', { supportType: 'rent', needDescription: 'تأخرت في سداد الإيجار ثلاثة أشهر.' })).headers.location).toBe('/apply/bank');
  expect((await post(agent, '/apply/bank', { iban: 'sa03 8000 0000 6080 1016 7519' })).headers.location).toBe('/apply/documents');
  expect((await upload(agent, PDF, 'تعريف الراتب.pdf')).status).toBe(303);
  expect((await post(agent, '/apply/documents', {})).headers.location).toBe('/apply/check');
}

async function submitted(agent: Agent) {
  await fillJourney(agent);
  const sent = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: 'فاطمه علي  الزهراني' });
  expect(sent.status).toBe(303);
  return Number(String(sent.headers.location).split('/').pop());
}

/** A draft typed while the ID was valid, which has expired by the day it is sent. */
async function expireStoredId(nationalId: string) {
  await withPrisma(testApp, (prisma) => prisma.supportRequest.updateMany({ where: { status: 'draft', beneficiary: { nationalId } }, data: { idExpiryDate: '2026-02-28', idExpiryDateEntered: null } }));
}

describe('the online application', () => {
  it('asks the eligibility question before sign-in and carries the answer over', async () => {
    const agent = request.agent(testApp.app);
    expect((await agent.get('/apply')).text).toContain('data-qa="start-button"');
    const answered = await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    expect(answered.headers.location).toBe('/apply/sign-in');
    await registerAndVerify(testApp, { agent });
    // After verification the applicant continues where the journey sent them.
    const resumed = await agent.get('/apply/resume');
    expect(resumed.headers.location).toBe('/apply/personal');
    const personal = await agent.get('/apply/personal');
    expect(personal.text).toContain('الخطوة 2 من 10');
    expect(personal.text).toContain('href="/apply/eligibility"');
  });

  it('sends applicants outside the service area to an explanation', async () => {
    const agent = request.agent(testApp.app);
    expect((await post(agent, '/apply/eligibility', { livesInServiceArea: 'no' })).headers.location).toBe('/apply/not-eligible');
    const empty = await post(agent, '/apply/eligibility', {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('href="#livesInServiceArea"');
    const unserved = await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'جدة' });
    expect(unserved.text).toContain('href="#city"');
  });

  it('completes the whole journey, signs, submits and shows a bookmarkable confirmation', async () => {
    const agent = await registerAndVerify(testApp);
    await fillJourney(agent);
    const check = await agent.get('/apply/check');
    expect(check.text).toContain(NAME);
    expect(check.text).toContain('href="/apply/income?returnTo=check"');
    expect(check.text).toContain('لا يوجد');
    expect((await post(agent, '/apply/check', {})).headers.location).toBe('/apply/declaration');
    const declaration = await agent.get('/apply/declaration');
    expect(declaration.text).toContain('مسؤولية صحتها تقع عليّ');

    const unsigned = await post(agent, '/apply/declaration', { signatureName: 'اسم آخر تماما' });
    expect(unsigned.status).toBe(400);
    expect(unsigned.text).toContain('href="#declarationAccepted"');
    expect(unsigned.text).toContain('href="#signatureName"');

    const sent = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: 'فاطمه علي  الزهراني' });
    expect(sent.status).toBe(303);
    const confirmation = await agent.get(String(sent.headers.location));
    expect(confirmation.status).toBe(200);
    expect(confirmation.text).toMatch(/MZL-2026-\d{6}/);
    // Submitted 1 March 2026 + 14 days.
    expect(confirmation.text).toContain('15 مارس 2026 م');
    expect(confirmation.text).toContain('هـ');

    const list = await agent.get('/account/requests');
    expect(list.text).toMatch(/MZL-2026-\d{6}/);
    expect(list.text).toContain('استُلم وينتظر المراجعة');
    const id = String(sent.headers.location).split('/').pop();
    const detail = await agent.get(`/account/requests/${id}`);
    expect(detail.text).toContain('أُرسل الطلب واستلمته الجمعية');
    expect(detail.text).toContain('وقّعت على الإقرار');
    const { messages } = await testApp.data.repositories.notifications.list({ template: 'requestSubmitted' }, 1, 50);
    expect(messages.some((message) => message.channel === 'sms' && message.body.includes('استلمنا طلبك') && message.body.includes('15 مارس 2026 م'))).toBe(true);
  });

  it('resumes a draft after signing in again', async () => {
    const agent = await registerAndVerify(testApp, { nationalId: validNationalId('212345670') });
    await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الخرج' });
    await agent.get('/apply/resume');
    await post(agent, '/apply/personal', { fullName: NAME, nationality: 'non_saudi', maritalStatus: 'single', ...date('birthDate', '1', '1', '1990'), ...date('idExpiryDate', '1', '1', '2030') });
    const again = request.agent(testApp.app);
    const login = await again.get('/account/login');
    await again.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId: validNationalId('212345670'), password: 'a good password' });
    // A returning applicant lands on the task list, the next section one link away.
    expect((await again.get('/apply/resume')).headers.location).toBe('/apply');
    expect((await again.get('/apply')).text).toContain('data-qa="task-contact" data-status="notStarted"');
    const contact = await again.get('/apply/contact');
    expect(contact.text).toMatch(/<option value="الخرج" selected>/);
  });

  it('shows the reference of the open request on a second attempt', async () => {
    const agent = await registerAndVerify(testApp);
    const id = await submitted(agent);
    const stored = await testApp.data.repositories.requests.findById(id);
    const reference = stored?.reference;
    // Browsers send file names as UTF-8: an Arabic name is kept as typed, not read as Latin-1.
    expect(stored?.documents.map((document) => document.originalName)).toEqual(['تعريف الراتب.pdf']);
    const second = await agent.get('/apply/resume');
    expect(second.status).toBe(200);
    expect(second.text).toContain(`data-qa="open-reference">${reference}`);
    expect((await agent.get('/apply/personal')).headers.location).toBe('/apply/resume');
  });

  it('rejects bad input on each page with the typed values kept', async () => {
    const agent = await registerAndVerify(testApp);
    await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    await agent.get('/apply/resume');

    const empty = await post(agent, '/apply/personal', {});
    expect(empty.status).toBe(400);
    expect(empty.text).toContain('<title>خطأ:');
    for (const field of ['fullName', 'birthDate-day', 'nationality', 'maritalStatus', 'idExpiryDate-day']) expect(empty.text).toContain(`href="#${field}"`);

    const future = await post(agent, '/apply/personal', { fullName: 'س'.repeat(101), nationality: 'saudi', maritalStatus: 'single', ...date('birthDate', '1', '1', '2027'), ...date('idExpiryDate', '1', '1', '2030') });
    expect(future.status).toBe(400);
    expect(future.text).toContain('href="#fullName"');
    expect(future.text).toContain('href="#birthDate-day"');
    expect(future.text).toContain('value="2027"');

    const script = await post(agent, '/apply/personal', { fullName: '<script>alert(1)</script>', nationality: 'saudi', maritalStatus: 'single', ...date('birthDate', '1', '1', '1990'), ...date('idExpiryDate', '1', '1', '2030') });
    expect(script.status).toBe(400);
    expect(script.text).not.toContain('<script>alert(1)</script>');
    expect(script.text).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');

    const longDistrict = await post(agent, '/apply/contact', { city: 'الرياض', district: 'ح'.repeat(81), email: 'not-an-email' });
    expect(longDistrict.text).toContain('href="#district"');
    expect(longDistrict.text).toContain('href="#email"');

    const badMember = await post(agent, '/apply/household/add', { fullName: 'سارة محمد', relation: 'daughter', ...date('birthDate', '1', '1', '2010'), nationalId: '1234567890', monthlyIncome: '-5' }, '/apply/household/add');
    expect(badMember.status).toBe(400);
    expect(badMember.text).toContain('href="#nationalId"');
    expect(badMember.text).toContain('href="#monthlyIncome"');

    const rent = await post(agent, '/apply/housing', { housingType: 'rented', monthlyRent: '' });
    expect(rent.text).toContain('href="#monthlyRent"');

    // Text that looks like script or SQL is stored as typed and always shown escaped.
    const sql = "'; DROP TABLE SupportRequest; -- <script>alert('x')</script>";
    expect((await post(agent, '/apply/support', { supportType: 'food', needDescription: sql })).status).toBe(303);
    const check = await agent.get('/apply/check');
    expect(check.text).not.toContain("<script>alert('x')</script>");
    expect(check.text).toContain('&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;');
  });

  it('accepts PDF, JPEG and PNG by their bytes and refuses large or disguised files', async () => {
    const agent = await registerAndVerify(testApp);
    await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    await agent.get('/apply/resume');

    const exe = await upload(agent, EXE, 'invoice.pdf');
    expect(exe.status).toBe(400);
    expect(exe.text).toContain('يجب أن يكون الملف بصيغة PDF أو JPEG أو PNG');

    const large = await upload(agent, Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'big.pdf');
    expect([400, 413]).toContain(large.status);
    expect(large.text).toContain('يجب ألا يزيد حجم الملف على 5 ميغابايت');

    const missing = await upload(agent, Buffer.alloc(0), 'empty.pdf', '');
    expect(missing.status).toBe(400);
    expect(missing.text).toContain('href="#documentKind"');

    const png = Buffer.from('89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201ff0c3c2a0a0000000049454e44ae426082', 'hex');
    expect((await upload(agent, png, 'lease.png', 'lease')).status).toBe(303);
    const page = await agent.get('/apply/documents');
    const link = /href="(\/account\/requests\/\d+\/documents\/\d+)"/.exec(page.text)?.[1];
    expect(link).toBeDefined();
    const download = await agent.get(link ?? '');
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('image/png');
    expect(download.headers['content-disposition']).toMatch(/^attachment;/);

    // Another beneficiary gets 404 for the document and the request; staff read documents through
    // the staff file (tests/integration/staff/caseAccess.test.ts), and nobody else reads a draft's.
    const stranger = await registerAndVerify(testApp);
    expect((await stranger.get(link ?? '')).status).toBe(404);
    expect((await stranger.get(link?.replace(/\/documents\/\d+$/, '') ?? '')).status).toBe(404);
    const staff = await (await import('../../support/testApp.ts')).agentWithRole(testApp, ['social_researcher']);
    expect((await staff.agent.get(link ?? '')).status).toBe(303);
    expect((await staff.agent.get(link?.replace('/account/', '/staff/') ?? '')).status).toBe(404);
    expect((await request(testApp.app).get(link ?? '')).status).toBe(303);
  });

  it('changes and removes household members, returning to check when asked', async () => {
    const agent = await registerAndVerify(testApp);
    await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    await agent.get('/apply/resume');
    await post(agent, '/apply/household/add?returnTo=check', { fullName: 'خالد أحمد', relation: 'son', ...date('birthDate', '1', '1', '2015'), nationalId: '', monthlyIncome: '' }, '/apply/household/add');
    const list = await agent.get('/apply/household?returnTo=check');
    expect(list.text).toContain('خالد أحمد');
    expect(list.text).toContain('href="/apply/check"');
    const changeLink = /href="(\/apply\/household\/\d+\/change)\?returnTo=check"/.exec(list.text)?.[1] ?? '';
    expect((await post(agent, `${changeLink}?returnTo=check`, { fullName: 'خالد أحمد سعيد', relation: 'son', ...date('birthDate', '1', '1', '2015'), nationalId: '', monthlyIncome: '300' }, changeLink)).headers.location).toBe('/apply/household?returnTo=check');
    expect((await agent.get('/apply/household')).text).toContain('خالد أحمد سعيد');
    const removeAction = changeLink.replace('/change', '/remove');
    expect((await post(agent, removeAction, {}, '/apply/household')).status).toBe(303);
    expect((await agent.get('/apply/household')).text).toContain('data-qa="household-empty"');
    expect((await post(agent, '/apply/household?returnTo=check', {}, '/apply/household')).headers.location).toBe('/apply/check');
  });

  it('shows a returning applicant the application as a task list with each section\'s status', async () => {
    const agent = await registerAndVerify(testApp);
    expect((await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' })).headers.location).toBe('/apply/resume');
    expect((await agent.get('/apply/resume')).headers.location).toBe('/apply/personal');
    await post(agent, '/apply/personal', { fullName: NAME, nationality: 'saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '1', '1', '2030') });
    await post(agent, '/apply/household/add', { fullName: 'سارة محمد الزهراني', relation: 'daughter', ...date('birthDate', '1', '3', '2012'), nationalId: '', monthlyIncome: '' }, '/apply/household/add');
    await post(agent, '/apply/income', { incomeSalary: '3000' });

    const hub = await agent.get('/apply');
    expect(hub.status).toBe(200);
    expect(hub.text).toContain('أكملت 2 من 8 أقسام');
    const status = (id: string) => new RegExp(`data-qa="task-${id}" data-status="(\\w+)"`).exec(hub.text)?.[1];
    expect(status('personal')).toBe('completed');
    expect(status('income')).toBe('completed');
    expect(status('household')).toBe('inProgress');
    // The city comes from the eligibility check, so the address counts as not started until the district is given.
    expect(status('contact')).toBe('notStarted');
    expect(status('bank')).toBe('notStarted');
    expect(status('documents')).toBe('cannotStartYet');
    expect(hub.text).not.toContain('href="/apply/documents"');
    expect(status('check')).toBe('cannotStartYet');
    expect(hub.text).not.toContain('href="/apply/check"');
    expect(hub.text).toContain('href="/apply/household"');
    // Someone not signed in still sees the start page.
    expect((await request.agent(testApp.app).get('/apply')).text).toContain('data-qa="start-button"');
  });

  it('opens "check and send" on the task list once every section the request needs is completed', async () => {
    const agent = await registerAndVerify(testApp);
    await fillJourney(agent);
    const hub = await agent.get('/apply');
    expect(hub.text).toContain('أكملت 8 من 8 أقسام');
    expect(hub.text).toContain('data-qa="task-check" data-status="notStarted"');
    expect(hub.text).toContain('href="/apply/check"');
  });

  it('refuses an ID that expires before the submission date at the personal-details step', async () => {
    const agent = await registerAndVerify(testApp);
    await fillJourney(agent);
    // The clock reads 1 March 2026: an ID that expired the day before cannot be sent today.
    const expired = await post(agent, '/apply/personal?returnTo=check', { fullName: NAME, nationality: 'saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '28', '2', '2026') }, '/apply/personal');
    expect(expired.status).toBe(400);
    expect(expired.text).toContain('href="#idExpiryDate-day"');
    expect(expired.text).toContain('الهوية منتهية الصلاحية');
    expect(expired.text).toContain('value="28"');
    // An ID valid on the day of sending, its last day included, is accepted.
    const lastDay = await post(agent, '/apply/personal?returnTo=check', { fullName: NAME, nationality: 'saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '1', '3', '2026') }, '/apply/personal');
    expect(lastDay.headers.location).toBe('/apply/check');
  });

  it('refuses a nationality that disagrees with the first digit of the ID', async () => {
    const citizen = await registerAndVerify(testApp);
    await fillJourney(citizen);
    const asResident = await post(citizen, '/apply/personal', { fullName: NAME, nationality: 'non_saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '1', '1', '2030') });
    expect(asResident.status).toBe(400);
    expect(asResident.text).toContain('href="#nationality"');
    expect(asResident.text).toContain('لا تتفق مع رقم الهوية');

    const resident = await registerAndVerify(testApp, { nationalId: uniqueNationalId('2') });
    await post(resident, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    await resident.get('/apply/resume');
    const asCitizen = await post(resident, '/apply/personal', { fullName: NAME, nationality: 'saudi', maritalStatus: 'single', ...date('birthDate', '1', '1', '1990'), ...date('idExpiryDate', '1', '1', '2030') });
    expect(asCitizen.status).toBe(400);
    expect(asCitizen.text).toContain('href="#nationality"');
    const asResidentToo = await post(resident, '/apply/personal', { fullName: NAME, nationality: 'non_saudi', maritalStatus: 'single', ...date('birthDate', '1', '1', '1990'), ...date('idExpiryDate', '1', '1', '2030') });
    expect(asResidentToo.headers.location).toBe('/apply/contact');
  });

  it('asks for the applicant\'s own IBAN, optional and validated, and signs it with the rest', async () => {
    const agent = await registerAndVerify(testApp);
    await fillJourney(agent);
    const page = await agent.get('/apply/bank');
    expect(page.text).toContain('(اختياري)');
    const wrong = await post(agent, '/apply/bank', { iban: 'SA0380000000608010167518' });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain('href="#iban"');
    expect(wrong.text).toContain('value="SA0380000000608010167518"');
    const check = await agent.get('/apply/check');
    expect(check.text).toMatch(/data-qa="check-iban"[\s\S]*<bdi dir="ltr">SA03 8000 0000 6080 1016 7519<\/bdi>/);
    expect(check.text).toContain('href="/apply/bank?returnTo=check"');
    // Left empty, it is simply not given; the request can still be sent.
    expect((await post(agent, '/apply/bank?returnTo=check', { iban: '' }, '/apply/bank')).headers.location).toBe('/apply/check');
    expect(/data-qa="check-iban">([\s\S]*?)<\/div>/.exec((await agent.get('/apply/check')).text)?.[1]).toContain('لا يوجد');
    expect((await post(agent, '/apply/bank?returnTo=check', { iban: IBAN }, '/apply/bank')).headers.location).toBe('/apply/check');
    const sent = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: NAME });
    expect(sent.status).toBe(303);
    const id = Number(String(sent.headers.location).split('/').pop());
    const stored = await testApp.services.applications.get(id, { kind: 'system', ip: null });
    expect(stored.iban).toBe(IBAN);
    expect(testApp.services.applications.declarationStatus(stored)).toBe('valid');
  });

  it('still refuses at submission a draft whose ID has expired since it was typed', async () => {
    const nationalId = uniqueNationalId();
    const agent = await registerAndVerify(testApp, { nationalId });
    await fillJourney(agent);
    await expireStoredId(nationalId);
    const refused = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: NAME });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain('href="#refusal"');
    expect(refused.text).toContain('href="/apply/personal?returnTo=check"');
  });

  it('records a signature only when the request is actually sent', async () => {
    const nationalId = uniqueNationalId();
    const agent = await registerAndVerify(testApp, { nationalId });
    await fillJourney(agent);
    await expireStoredId(nationalId);
    for (let attempt = 0; attempt < 2; attempt++) {
      expect((await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: NAME })).status).toBe(409);
    }
    expect((await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: 'اسم آخر' })).status).toBe(400);
    await post(agent, '/apply/personal?returnTo=check', { fullName: NAME, nationality: 'saudi', maritalStatus: 'widowed', ...date('birthDate', '12', '4', '1985'), ...date('idExpiryDate', '1', '1', '1452', 'hijri') }, '/apply/personal');
    const sent = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: NAME });
    expect(sent.status).toBe(303);
    const id = Number(String(sent.headers.location).split('/').pop());
    expect((await testApp.data.repositories.requests.findById(id))?.declarations).toHaveLength(1);
    const signedEntries = (await testApp.data.repositories.audit.forRequest(id, false)).filter((entry) => entry.action === 'request.declaration_signed');
    expect(signedEntries).toHaveLength(1);
  });

  it('lets the applicant answer a request for more information, re-sign and resubmit', async () => {
    const agent = await registerAndVerify(testApp);
    const id = await submitted(agent);
    const db = testApp.data.repositories;
    const row = await db.requests.findById(id);
    await db.requests.setStatus(id, row?.version ?? 0, 'needs_info');
    await testApp.data.transaction((repos) => repos.audit.append({ actorType: 'staff', actorId: 1, action: 'request.info_requested', requestId: id, visibleToBeneficiary: true }));
    await (await import('./fixtures.ts')).addInfoRequest(testApp, id, ['صورة عقد الإيجار المحدث', '<b>كشف حساب</b>']);

    const detail = await agent.get(`/account/requests/${id}`);
    expect(detail.text).toContain('مطلوب منك استكمال معلومات');
    expect(detail.text).toContain('صورة عقد الإيجار المحدث');
    expect(detail.text).toContain('&lt;b&gt;كشف حساب&lt;/b&gt;');
    expect(detail.text).toContain('طلبت الجمعية معلومات إضافية');

    const check = await agent.get('/apply/check');
    expect(check.status).toBe(200);
    expect(check.text).toMatch(/data-qa="info-asked"[\s\S]*صورة عقد الإيجار المحدث/);
    expect(check.text).toContain('&lt;b&gt;كشف حساب&lt;/b&gt;');
    expect((await post(agent, '/apply/housing?returnTo=check', { housingType: 'rented', monthlyRent: '1700' }, '/apply/housing')).headers.location).toBe('/apply/check');
    const stale = await testApp.services.applications.get(id, { kind: 'system', ip: null });
    expect(testApp.services.applications.declarationStatus(stale)).toBe('stale');
    const resent = await post(agent, '/apply/declaration', { declarationAccepted: 'yes', signatureName: NAME });
    expect(resent.status).toBe(303);
    const after = await db.requests.findById(id);
    expect(after?.status).toBe('submitted');
    expect(after?.infoRequests.every((info) => info.resolvedAt)).toBe(true);
    expect(after?.declarations).toHaveLength(2);
    const outbox = await db.notifications.forBeneficiary(after?.beneficiaryId ?? 0);
    expect(outbox.map((message) => message.template)).toContain('requestResubmitted');
  });

  it('keeps an unreleased committee decision as "under study"', async () => {
    const agent = await registerAndVerify(testApp);
    const id = await submitted(agent);
    const row = await testApp.data.repositories.requests.findById(id);
    await testApp.data.repositories.requests.setStatus(id, row?.version ?? 0, 'rejected');
    const hidden = await agent.get(`/account/requests/${id}`);
    expect(hidden.text).toContain('قيد الدراسة لدى لجنة البحث');
    expect(hidden.text).not.toContain('لم يُقبل');
    await testApp.data.repositories.requests.setStatus(id, (row?.version ?? 0) + 1, 'rejected', { decisionReleasedAt: new Date() });
    expect((await agent.get(`/account/requests/${id}`)).text).toContain('لم يُقبل');
  });
});
