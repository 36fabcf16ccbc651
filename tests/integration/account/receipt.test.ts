import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from './support.ts';
import { completedDraft, uniqueNationalId } from '../apply/fixtures.ts';

let testApp: TestApp;

/** A signed-in applicant's request, filled in and sent through the service as the declaration page does. */
async function submitCompleteRequest(agent: Awaited<ReturnType<typeof registerAndVerify>>, nationalId: string) {
  const record = await testApp.data.repositories.beneficiaries.findByNationalId(nationalId);
  const context = { kind: 'beneficiary' as const, id: record!.id, label: nationalId, ip: null, userAgent: null };
  const id = await completedDraft(testApp, context, record!.id);
  const signed = await testApp.services.applications.signAndSend(id, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
  if (!signed.ok) throw new Error('not sent');
  const sent = await testApp.data.repositories.requests.findById(id);
  return { id, reference: sent!.reference!, confirmationPath: `/apply/confirmation/${id}`, agent };
}
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('the receipt to keep', () => {
  it('shows the reference, the time of submission, the earliest response in both calendars, the answers and the declaration with its signer', async () => {
    const nationalId = uniqueNationalId();
    const agent = await registerAndVerify(testApp, { nationalId });
    const submitted = await submitCompleteRequest(agent, nationalId);
    const confirmation = await agent.get(submitted.confirmationPath);
    expect(confirmation.text).toContain(`href="/account/requests/${submitted.id}/receipt"`);
    expect((await agent.get(`/account/requests/${submitted.id}`)).text).toContain(`/account/requests/${submitted.id}/receipt`);

    const receipt = await agent.get(`/account/requests/${submitted.id}/receipt`);
    expect(receipt.status).toBe(200);
    expect(receipt.text).toContain(submitted.reference);
    expect(receipt.text).toMatch(/data-qa="receipt-earliest"[\s\S]*?هـ[\s\S]*?م/);
    expect(receipt.text).toMatch(/data-qa="receipt-submitted"[\s\S]*?\d{1,2}:\d{2}/);
    expect(receipt.text).toContain('data-qa="receipt-declaration"');
    expect(receipt.text).toMatch(/data-qa="receipt-signer"[\s\S]*?<dd[^>]*>\s*[^<\s]/);
  });

  it('is the owner’s only', async () => {
    const nationalId = uniqueNationalId();
    const owner = await registerAndVerify(testApp, { nationalId });
    const submitted = await submitCompleteRequest(owner, nationalId);
    const stranger = await registerAndVerify(testApp);
    expect((await stranger.get(`/account/requests/${submitted.id}/receipt`)).status).toBe(404);
    expect((await request(testApp.app).get(`/account/requests/${submitted.id}/receipt`)).status).toBe(303);
  });
});
