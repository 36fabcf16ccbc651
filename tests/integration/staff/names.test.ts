import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { APPLICANT_NAME, submittedRequest } from './intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;
let manager: Agent;

beforeAll(async () => {
  testApp = await createTestApp();
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
  manager = (await agentWithRole(testApp, ['manager'])).agent;
});
afterAll(() => testApp.close());

const timelineOf = (html: string) => /data-qa="timeline"[\s\S]*?<\/ol>/.exec(html)?.[0] ?? '';

/** What the portal writes when the signed-in beneficiary acts: older entries carry the national ID as the label. */
async function entryLabelledWithNationalId(requestId: number, beneficiary: { id: number; nationalId: string }) {
  await testApp.data.repositories.audit.append({
    actorType: 'beneficiary',
    actorId: beneficiary.id,
    actorLabel: beneficiary.nationalId,
    action: 'request.step_saved',
    entityType: 'request',
    entityId: requestId,
    requestId,
  });
}

describe('the person’s name on their record', () => {
  it('is taken from their request, so the desk shows it', async () => {
    const { beneficiary } = await submittedRequest(testApp);
    expect((await testApp.data.repositories.beneficiaries.findById(beneficiary.id))?.fullName).toBe(APPLICANT_NAME);
    const found = await officer.get('/staff').query({ q: beneficiary.nationalId });
    expect(found.text).toMatch(new RegExp(`href="/staff/beneficiaries/${beneficiary.id}">${APPLICANT_NAME}<`));
    const file = await officer.get(`/staff/beneficiaries/${beneficiary.id}`);
    expect(file.text).toContain(APPLICANT_NAME);
    expect(file.text).not.toContain('لم يُذكر الاسم بعد');
  });

  it('names the beneficiary in the staff timeline and the audit log, never by national ID', async () => {
    const { id, beneficiary } = await submittedRequest(testApp);
    await entryLabelledWithNationalId(id, beneficiary);
    const timeline = timelineOf((await officer.get(`/staff/requests/${id}`)).text);
    expect(timeline).toContain(APPLICANT_NAME);
    expect(timeline).not.toContain(beneficiary.nationalId);
    const audit = await manager.get('/admin/audit').query({ entityId: String(id) });
    expect(audit.status).toBe(200);
    const table = /data-qa="audit-table"[\s\S]*?<\/table>/.exec(audit.text)?.[0] ?? '';
    expect(table).toContain(APPLICANT_NAME);
    expect(table).not.toContain(beneficiary.nationalId);
    const csv = await manager.get('/admin/audit/export').query({ entityId: String(id) });
    expect(csv.status).toBe(200);
    expect(csv.text).toContain(APPLICANT_NAME);
    expect(csv.text).not.toContain(beneficiary.nationalId);
  });

  it('names the asker in the staff questions list, without the national ID', async () => {
    const { id, beneficiary } = await submittedRequest(testApp);
    const asked = await testApp.services.questions.ask(
      { kind: 'beneficiary', id: beneficiary.id, label: beneficiary.nationalId, ip: null },
      { question: 'متى يصدر القرار؟', requestId: id },
    );
    expect(asked.ok).toBe(true);
    const list = await officer.get('/staff/questions');
    const table = /data-qa="questions-table"[\s\S]*?<\/table>/.exec(list.text)?.[0] ?? '';
    expect(table).toContain(APPLICANT_NAME);
    expect(table).not.toContain(beneficiary.nationalId);
  });
});
