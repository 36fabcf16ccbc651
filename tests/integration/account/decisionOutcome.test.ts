import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';
import { raisedRequest } from '../committee/fixtures.ts';

let testApp: TestApp;
type StaffContext = { kind: 'staff'; id: number; label: string; roles: StaffRole[]; ip: null };
let chair: StaffContext;
let officer: StaffContext;
const PASSWORD = 'a long beneficiary password';
const INTERNAL_NOTE = 'ملاحظة داخلية لا يراها المستفيد';
const NOTE_FOR_APPLICANT = 'نرجو إحضار عقد الإيجار الأصلي عند الزيارة';

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  const chairRow = await createStaff(testApp, ['committee_chair']);
  chair = { kind: 'staff', id: chairRow.id, label: 'رئيس اللجنة', roles: ['committee_chair'], ip: null };
  const officerRow = await createStaff(testApp, ['relations_officer']);
  officer = { kind: 'staff', id: officerRow.id, label: 'موظف العلاقات', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

async function signedInApplicant(status = 'with_committee') {
  const raised = await raisedRequest(testApp, { submittedAt: testApp.clock.now(), beneficiaryPassword: PASSWORD, status });
  const agent = request.agent(testApp.app);
  const login = await agent.get('/account/login');
  const signedIn = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId: raised.nationalId, password: PASSWORD });
  expect(signedIn.status).toBe(303);
  const page = async () => {
    const response = await agent.get(`/account/requests/${raised.requestId}`);
    expect(response.status).toBe(200);
    return response.text;
  };
  return { ...raised, agent, page };
}

describe('what the applicant sees of the decision', () => {
  it('shows nothing of an accepted decision before release, then the support, registration and services', async () => {
    const applicant = await signedInApplicant();
    expect(await applicant.page()).toContain('data-qa="earliest-response"');
    testApp.clock.advanceDays(3);
    const decided = await testApp.services.committee.recordDecision(chair, applicant.requestId, {
      outcome: 'accept', approvedSupportType: 'rent', amount: 4500, quantity: null, durationMonths: 3, note: INTERNAL_NOTE, beneficiaryNote: NOTE_FOR_APPLICANT,
    });
    expect(decided).toEqual({ released: false });

    const held = await applicant.page();
    for (const hidden of ['decision-accepted', 'answer-amount', '4500', NOTE_FOR_APPLICANT, INTERNAL_NOTE, 'beneficiary-services']) expect(held).not.toContain(hidden);
    expect(held).toContain('data-qa="earliest-response"');

    testApp.clock.advanceDays(11);
    await testApp.services.decisionRelease.releaseDue();
    const released = await applicant.page();
    expect(released).toContain('data-qa="decision-accepted"');
    // The digits may be Western or Arabic-Indic depending on the page's number formatting.
    expect(released).toMatch(/data-qa="answer-amount">[\s\S]*?(4500|4,500|٤٥٠٠|٤٬٥٠٠) ريال/);
    expect(released).toMatch(/data-qa="answer-duration">[\s\S]*?(3|٣) أشهر/);
    expect(released).toContain(NOTE_FOR_APPLICANT);
    expect(released).not.toContain(INTERNAL_NOTE);
    expect(released).not.toContain('data-qa="earliest-response"');
    expect(released).not.toContain('data-qa="answer-file-number"');
    expect(released).toContain('سيتواصل معك موظفو علاقات المستفيدين');

    await testApp.services.registration.completeItems(officer, applicant.requestId, testApp.config.registrationItems);
    const { fileNumber } = await testApp.services.registration.register(officer, applicant.requestId);
    await testApp.services.serviceDelivery.record(officer, applicant.requestId, { serviceType: 'rent', amount: 1500, quantity: null, deliveredOn: '2026-03-15', note: 'ملاحظة الموظف عن التسليم' });

    const served = await applicant.page();
    expect(served).toMatch(new RegExp(`data-qa="answer-file-number">[\\s\\S]*?${fileNumber}`));
    expect(served).toContain('اكتمل تسجيلك لدى الجمعية');
    expect(served).toContain('data-qa="beneficiary-service"');
    expect(served).not.toContain('ملاحظة الموظف عن التسليم');
    const list = await applicant.agent.get('/account/requests');
    expect(list.text).toContain('data-qa="beneficiary-service"');
    expect(list.text).not.toContain('ملاحظة الموظف عن التسليم');
  });

  it("tells a rejected applicant the reason written for them, never the internal note, and what they can do", async () => {
    const applicant = await signedInApplicant();
    testApp.clock.advanceDays(2);
    await testApp.services.committee.recordDecision(chair, applicant.requestId, { outcome: 'reject', rejectionReason: 'income_above_threshold', note: INTERNAL_NOTE });
    const held = await applicant.page();
    expect(held).not.toContain('decision-rejected');
    expect(held).not.toContain('الحد الذي تعتمده الجمعية');

    testApp.clock.advanceDays(12);
    await testApp.services.decisionRelease.releaseDue();
    const released = await applicant.page();
    expect(released).toContain('data-qa="decision-rejected"');
    expect(released).toContain('الدخل الشهري للأسرة أعلى من الحد الذي تعتمده الجمعية');
    expect(released).not.toContain(INTERNAL_NOTE);
    expect(released).toMatch(/data-qa="answer-reapply">يمكنك تقديم طلب جديد ابتداءً من/);
    expect(released).toContain('href="/account/questions"');
    expect(released).not.toContain('data-qa="earliest-response"');
    expect(released).not.toContain('beneficiary-services');

    testApp.clock.advanceDays(testApp.config.reapplyAfterDays);
    expect(await applicant.page()).toContain('يمكنك تقديم طلب جديد الآن');
  });

  it("never shows one applicant another's decision or services", async () => {
    const owner = await signedInApplicant();
    const other = await signedInApplicant();
    await testApp.services.committee.recordDecision(chair, owner.requestId, {
      outcome: 'accept', approvedSupportType: 'rent', amount: 7777, quantity: null, durationMonths: 2, note: null, beneficiaryNote: NOTE_FOR_APPLICANT,
    });
    testApp.clock.advanceDays(14);
    await testApp.services.decisionRelease.releaseDue();
    await testApp.services.registration.completeItems(officer, owner.requestId, testApp.config.registrationItems);
    await testApp.services.registration.register(officer, owner.requestId);
    await testApp.services.serviceDelivery.record(officer, owner.requestId, { serviceType: 'rent', amount: 7777, quantity: null, deliveredOn: testApp.clock.now().toISOString().slice(0, 10), note: null });

    expect((await other.agent.get(`/account/requests/${owner.requestId}`)).status).toBe(404);
    const list = await other.agent.get('/account/requests');
    expect(list.text).not.toContain('beneficiary-service');
    expect(list.text).not.toContain('7777');
    const own = await other.page();
    expect(own).not.toContain('7777');
    expect(own).not.toContain(NOTE_FOR_APPLICANT);
  });
});

describe('what the request page promises', () => {
  it('drops the earliest response date once it has passed, with no decision yet', async () => {
    const applicant = await signedInApplicant();
    expect(await applicant.page()).toContain('data-qa="earliest-response"');
    testApp.clock.advanceDays(15);
    const page = await applicant.page();
    expect(page).not.toContain('data-qa="earliest-response"');
    expect(page).toContain('يُدرس طلبك الآن، وسنراسلك حين يصدر الرد.');
    expect((await applicant.agent.get('/account/requests')).text).not.toContain('أقرب موعد للرد');
  });

  it('drops the earliest response date once the request is withdrawn', async () => {
    const applicant = await signedInApplicant('submitted');
    expect(await applicant.page()).toContain('data-qa="earliest-response"');
    const form = await applicant.agent.get(`/account/requests/${applicant.requestId}/withdraw`);
    expect(form.status).toBe(200);
    const version = /name="version" value="(\d+)"/.exec(form.text)?.[1] ?? '0';
    const withdrawn = await applicant.agent
      .post(`/account/requests/${applicant.requestId}/withdraw`)
      .type('form')
      .send({ _csrf: csrfFrom(form.text), version, reason: 'تحسّنت ظروفي' });
    expect(withdrawn.status).toBe(303);
    expect(await applicant.page()).not.toContain('data-qa="earliest-response"');
  });

  it('warns staff on the file that a held decision must not be told to the applicant', async () => {
    const applicant = await signedInApplicant();
    const { agent: staffAgent } = await agentWithRole(testApp, ['relations_officer']);
    testApp.clock.advanceDays(1);
    await testApp.services.committee.recordDecision(chair, applicant.requestId, { outcome: 'reject', rejectionReason: 'duplicate_support', note: null });
    const held = await staffAgent.get(`/staff/requests/${applicant.requestId}`);
    expect(held.status).toBe(200);
    expect(held.text).toContain('data-qa="decision-held"');
    testApp.clock.advanceDays(13);
    await testApp.services.decisionRelease.releaseDue();
    expect((await staffAgent.get(`/staff/requests/${applicant.requestId}`)).text).not.toContain('data-qa="decision-held"');
  });
});

describe('the chair writes the message for the applicant apart from the internal note', () => {
  it('keeps both from the decision form', async () => {
    const applicant = await signedInApplicant();
    const { agent: chairAgent } = await agentWithRole(testApp, ['committee_chair']);
    const page = await chairAgent.get(`/committee/requests/${applicant.requestId}`);
    expect(page.text).toContain('name="beneficiaryNote"');
    const posted = await chairAgent
      .post(`/committee/requests/${applicant.requestId}/decision`)
      .type('form')
      .send({ _csrf: csrfFrom(page.text), outcome: 'reject', rejectionReason: 'other', decisionNote: INTERNAL_NOTE, beneficiaryNote: NOTE_FOR_APPLICANT });
    expect(posted.status).toBe(303);
    testApp.clock.advanceDays(14);
    await testApp.services.decisionRelease.releaseDue();
    const released = await applicant.page();
    expect(released).toContain(NOTE_FOR_APPLICANT);
    expect(released).not.toContain(INTERNAL_NOTE);
  });
});
