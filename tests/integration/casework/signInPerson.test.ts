import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import type { ActingContext } from '../../../src/services/actor.ts';
import { APPLICANT_NAME, nextNationalId, versionOf } from '../staff/intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;
let officerContext: ActingContext;

beforeAll(async () => {
  testApp = await createTestApp();
  const signedIn = await agentWithRole(testApp, ['relations_officer']);
  officer = signedIn.agent;
  officerContext = { kind: 'staff', id: signedIn.staff.id, label: 'officer', roles: ['relations_officer'], ip: null };
});
afterAll(() => testApp.close());

const SCAN = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF');

async function walkInDraft(idExpiryDate: string) {
  const { services, data } = testApp;
  const beneficiary = await data.repositories.beneficiaries.create({ nationalId: nextNationalId(), mobile: '+966551234567', passwordHash: null });
  const started = await services.applications.startOrResumeDraft(beneficiary.id, 'interview', officerContext);
  const id = started.request.id;
  const steps: [Parameters<typeof services.applications.saveStep>[1], Record<string, unknown>][] = [
    ['eligibility', { livesInServiceArea: true, city: 'الرياض' }],
    ['personal', { fullName: APPLICANT_NAME, birthDate: '1985-05-01', nationality: 'saudi', maritalStatus: 'married', idExpiryDate }],
    ['contact', { city: 'الرياض', district: 'النسيم', email: null }],
    ['household', {}],
    ['income', { incomeSalary: 2500, incomeSocialSecurity: null, incomePension: null, incomeOther: null, obligationLoans: null, obligationOther: null }],
    ['housing', { housingType: 'owned', monthlyRent: null }],
    ['support', { supportType: 'food', needDescription: 'الأسرة تحتاج إلى سلة غذائية شهرية' }],
    ['documents', {}],
  ];
  for (const [step, values] of steps) await services.applications.saveStep(id, step, values, undefined, officerContext);
  return id;
}

async function signWithScan(requestId: number, fields: Record<string, string>) {
  const html = (await officer.get(`/staff/requests/${requestId}/sign`)).text;
  let form = officer.post(`/staff/requests/${requestId}/sign`).field('_csrf', csrfFrom(html)).field('version', String(await versionOf(testApp, requestId)));
  for (const [name, value] of Object.entries(fields)) form = form.field(name, value);
  return form.attach('scan', SCAN, 'declaration.pdf');
}

async function signatureTrail(requestId: number) {
  const request = await testApp.data.repositories.requests.findById(requestId);
  const entries = (await testApp.data.repositories.audit.forRequest(requestId, false)).filter((entry) => entry.action === 'request.declaration_signed');
  return { declarations: request?.declarations.length, documents: request?.documents.length, signedEntries: entries.length };
}

describe('signing in person', () => {
  it('records nothing for refused attempts: no signature row, no "signed" entry and no stray scan', async () => {
    const requestId = await walkInDraft('2026-03-05');
    const wrongName = await signWithScan(requestId, { signatureName: 'اسم آخر تماما', signedBeforeMe: 'yes' });
    expect(wrongName.status).toBe(400);
    const notWitnessed = await signWithScan(requestId, { signatureName: APPLICANT_NAME });
    expect(notWitnessed.status).toBe(400);
    testApp.clock.advanceDays(10);
    try {
      // The ID expired since it was typed: the request could not be sent, so the signature is refused.
      const expired = await signWithScan(requestId, { signatureName: APPLICANT_NAME, signedBeforeMe: 'yes' });
      expect(expired.status).toBe(422);
      expect(await signatureTrail(requestId)).toEqual({ declarations: 0, documents: 0, signedEntries: 0 });

      await testApp.services.applications.saveStep(requestId, 'personal', { fullName: APPLICANT_NAME, birthDate: '1985-05-01', nationality: 'saudi', maritalStatus: 'married', idExpiryDate: '2030-01-01' }, undefined, officerContext);
      const signed = await signWithScan(requestId, { signatureName: APPLICANT_NAME, signedBeforeMe: 'yes' });
      expect(signed.status).toBe(303);
      expect(await signatureTrail(requestId)).toEqual({ declarations: 1, documents: 1, signedEntries: 1 });
    } finally {
      testApp.clock.advanceDays(-10);
    }
  });
});
