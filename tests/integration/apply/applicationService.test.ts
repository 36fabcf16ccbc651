import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';
import { completedDraft, createBeneficiary } from './fixtures.ts';
import { TransitionRefusedError, VersionConflictError, NotFoundError } from '../../../src/services/errors.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('application service', () => {
  it('submits a signed complete draft with a reference and a response window', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const id = await completedDraft(testApp, context, record.id);
    const applications = testApp.services.applications;
    await expect(applications.submit(id, context)).rejects.toMatchObject({ code: 'declaration.missing' });
    const signed = await applications.sign(id, { declarationAccepted: 'on', signatureName: 'فاطمه علي الزهراني', channel: 'website', ip: '1.2.3.4', userAgent: 'UA' }, context);
    expect(signed).toEqual({ ok: true });
    const submitted = await applications.submit(id, context);
    expect(submitted.status).toBe('submitted');
    expect(submitted.reference).toMatch(/^MZL-2026-\d{6}$/);
    expect(submitted.responseWindowOpensAt?.toISOString()).toBe('2026-03-15T08:00:00.000Z');
    expect(submitted.declarations[0]).toMatchObject({ ip: '1.2.3.4', userAgent: 'UA', channel: 'website', textVersion: 'v2' });
    const outbox = await testApp.data.repositories.notifications.forBeneficiary(record.id);
    expect(outbox.map((m) => m.template)).toContain('requestSubmitted');
    expect(outbox.find((m) => m.template === 'requestSubmitted')?.body).toContain(submitted.reference);
    const timeline = await testApp.data.repositories.audit.forRequest(id, true);
    expect(timeline.map((e) => e.action)).toEqual(['request.draft_started', 'request.declaration_signed', 'request.submitted']);
  });

  it('returns the open request instead of a second draft', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const id = await completedDraft(testApp, context, record.id);
    await testApp.services.applications.sign(id, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
    await testApp.services.applications.submit(id, context);
    const again = await testApp.services.applications.startOrResumeDraft(record.id, 'website', context);
    expect(again.outcome).toBe('open');
    expect(again.request.id).toBe(id);
  });

  it('refuses a stale version, a stale declaration and another beneficiary', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const id = await completedDraft(testApp, context, record.id);
    const applications = testApp.services.applications;
    await expect(applications.saveStep(id, 'contact', { city: 'الخرج', district: 'حي', email: null }, 1, context)).rejects.toBeInstanceOf(VersionConflictError);
    await applications.sign(id, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
    await applications.saveStep(id, 'contact', { city: 'الخرج', district: 'حي', email: null }, undefined, context);
    expect(applications.declarationStatus(await applications.get(id, context))).toBe('stale');
    await expect(applications.submit(id, context)).rejects.toMatchObject({ code: 'declaration.stale' });
    const other = await createBeneficiary(testApp);
    await expect(applications.get(id, other.context)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses submission when the ID has expired on the submission date', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const id = await completedDraft(testApp, context, record.id);
    const applications = testApp.services.applications;
    await applications.saveStep(id, 'personal', { fullName: 'فاطمة علي الزهراني', birthDate: '1985-04-12', nationality: 'saudi', maritalStatus: 'widowed', idExpiryDate: '2026-02-28' }, undefined, context);
    await applications.sign(id, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
    const refusal = await applications.submit(id, context).catch((error: unknown) => error);
    expect(refusal).toBeInstanceOf(TransitionRefusedError);
    expect(refusal).toMatchObject({ code: 'idExpiryDate.expired' });
  });

  it('lets staff start a request on a walk-in’s behalf with a channel', async () => {
    const { record } = await createBeneficiary(testApp);
    const staffContext = { kind: 'staff' as const, id: 1, label: 'officer', roles: ['relations_officer' as const], ip: null };
    const started = await testApp.services.applications.startOrResumeDraft(record.id, 'interview', staffContext);
    expect(started.request).toMatchObject({ channel: 'interview', createdByStaffId: 1, status: 'draft' });
  });
});
