import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';
import { documentStorage } from '../../../src/data/documentStorage.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n');

type Agent = ReturnType<typeof request.agent>;
type Stage = 'draft' | 'referred' | 'with_committee' | 'closedAfterWithdrawal';

interface Case {
  requestId: number;
  beneficiaryId: number;
  referralId: number;
  documentId: number;
}

/** Each role reads each resource at each stage: allowed (200), the wrong role (403), the wrong stage (404). */
describe('least privilege for staff reads', () => {
  let testApp: TestApp;
  const agents = {} as Record<StaffRole, { agent: Agent; id: number }>;
  const cases = {} as Record<Stage, Case>;

  async function caseAt(stage: Stage): Promise<Case> {
    const status = stage === 'closedAfterWithdrawal' ? 'closed' : stage;
    const created = await raisedRequest(testApp, { status, fullName: `مقدم ${stage}` });
    const storageKey = await documentStorage(testApp.config.uploadDir).save(PDF);
    return withPrisma(testApp, async (prisma) => {
      // Only a request at the committee's stages has been raised to it.
      if (stage !== 'with_committee') await prisma.supportRequest.update({ where: { id: created.requestId }, data: { raisedAt: null } });
      const document = await prisma.requestDocument.create({
        data: { requestId: created.requestId, kind: 'lease', originalName: 'عقد الإيجار.pdf', mimeType: 'application/pdf', sizeBytes: PDF.length, sha256: 'x', storageKey },
      });
      const referral = await prisma.referral.create({
        data: { requestId: created.requestId, reason: 'needs_study', question: 'هل السكن مستأجر؟', referredById: agents.relations_officer.id },
      });
      return { requestId: created.requestId, beneficiaryId: created.beneficiaryId, referralId: referral.id, documentId: document.id };
    });
  }

  beforeAll(async () => {
    testApp = await createTestApp();
    for (const role of ['admin', 'relations_officer', 'social_researcher', 'committee_member', 'committee_chair', 'manager'] as const) {
      const { agent, staff } = await agentWithRole(testApp, [role]);
      agents[role] = { agent, id: staff.id };
    }
    for (const stage of ['draft', 'referred', 'with_committee', 'closedAfterWithdrawal'] as const) cases[stage] = await caseAt(stage);
  });
  afterAll(() => testApp.close());

  const paths = {
    beneficiaryFile: (c: Case) => `/staff/beneficiaries/${c.beneficiaryId}`,
    requestFile: (c: Case) => `/staff/requests/${c.requestId}`,
    committeeFile: (c: Case) => `/committee/requests/${c.requestId}`,
    researchFile: (c: Case) => `/research/referrals/${c.referralId}`,
    document: (c: Case) => `/staff/requests/${c.requestId}/documents/${c.documentId}`,
  };

  // Written out by hand: [draft, referred, with_committee, closed after a withdrawal].
  const EXPECTED: Record<keyof typeof paths, Record<StaffRole, [number, number, number, number]>> = {
    beneficiaryFile: {
      relations_officer: [200, 200, 200, 200],
      manager: [200, 200, 200, 200],
      committee_member: [403, 403, 403, 403],
      committee_chair: [403, 403, 403, 403],
      social_researcher: [403, 403, 403, 403],
      admin: [403, 403, 403, 403],
    },
    requestFile: {
      relations_officer: [200, 200, 200, 200],
      manager: [200, 200, 200, 200],
      committee_member: [403, 403, 403, 403],
      committee_chair: [403, 403, 403, 403],
      social_researcher: [403, 403, 403, 403],
      admin: [403, 403, 403, 403],
    },
    committeeFile: {
      relations_officer: [403, 403, 403, 403],
      manager: [200, 200, 200, 200],
      committee_member: [404, 404, 200, 404],
      committee_chair: [404, 404, 200, 404],
      social_researcher: [403, 403, 403, 403],
      admin: [403, 403, 403, 403],
    },
    researchFile: {
      relations_officer: [403, 403, 403, 403],
      manager: [403, 403, 403, 403],
      committee_member: [403, 403, 403, 403],
      committee_chair: [403, 403, 403, 403],
      social_researcher: [404, 200, 404, 404],
      admin: [403, 403, 403, 403],
    },
    document: {
      relations_officer: [200, 200, 200, 200],
      manager: [200, 200, 200, 200],
      committee_member: [404, 404, 200, 404],
      committee_chair: [404, 404, 200, 404],
      social_researcher: [404, 200, 404, 404],
      admin: [403, 403, 403, 403],
    },
  };
  const STAGES: Stage[] = ['draft', 'referred', 'with_committee', 'closedAfterWithdrawal'];

  const table = Object.entries(EXPECTED).flatMap(([resource, byRole]) =>
    Object.entries(byRole).flatMap(([role, statuses]) =>
      STAGES.map((stage, index) => ({ resource: resource as keyof typeof paths, role: role as StaffRole, stage, expected: statuses[index]! })),
    ),
  );

  it.each(table)('$role reading $resource at $stage gets $expected', async ({ resource, role, stage, expected }) => {
    const response = await agents[role].agent.get(paths[resource](cases[stage]));
    expect(response.status).toBe(expected);
  });

  it('does not show a file through a refused write either', async () => {
    const { submitForm } = await import('../../support/testApp.ts');
    const draft = cases.draft;
    const recommended = await submitForm(agents.committee_member.agent, '/staff/password', { recommendation: 'accept', note: '' }, `/committee/requests/${draft.requestId}/recommendation`);
    expect(recommended.status).toBe(404);
    const decided = await submitForm(agents.committee_chair.agent, '/staff/password', { outcome: 'accept' }, `/committee/requests/${draft.requestId}/decision`);
    expect(decided.status).toBe(404);
    const answered = await submitForm(agents.social_researcher.agent, '/staff/password', { intent: 'save', answer: 'x' }, paths.researchFile(cases.with_committee));
    expect(answered.status).toBe(404);
    expect(answered.text).not.toContain('هل السكن مستأجر؟');
  });

  it('sends a visitor who is not signed in to the staff sign-in', async () => {
    const response = await request(testApp.app).get(paths.document(cases.referred));
    expect(response.status).toBe(303);
    expect(response.headers.location).toMatch(/^\/staff\/login\?returnTo=/);
  });

  it('does not serve a document of one request under another request', async () => {
    const wrong = `/staff/requests/${cases.referred.requestId}/documents/${cases.with_committee.documentId}`;
    expect((await agents.relations_officer.agent.get(wrong)).status).toBe(404);
  });

  it('no longer lets staff, admins included, read documents through the beneficiary link', async () => {
    const c = cases.with_committee;
    const response = await agents.admin.agent.get(`/account/requests/${c.requestId}/documents/${c.documentId}`);
    expect(response.status).toBe(303);
    expect(response.headers.location).toBe('/account/login');
  });

  it('gives the officer a link to each document on the verification line, served as a download', async () => {
    const c = cases.referred;
    const file = await agents.relations_officer.agent.get(paths.requestFile(c));
    const line = /data-qa="line-documents">([\s\S]*?)<\/tr>/.exec(file.text)?.[1] ?? '';
    expect(line).toContain(`href="${paths.document(c)}"`);
    expect(line).toContain('عقد الإيجار.pdf');

    const download = await agents.relations_officer.agent.get(paths.document(c));
    expect(download.status).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(/^attachment; filename="[^"]*\.pdf"; filename\*=UTF-8''/);
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.headers['cache-control']).toBe('private, no-store');
    expect(Buffer.compare(download.body as Buffer, PDF)).toBe(0);
  });

  it('shows the researcher the referred request’s contact details, household, income and documents', async () => {
    const c = cases.referred;
    const page = await agents.social_researcher.agent.get(paths.researchFile(c));
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/data-qa="research-mobile"[\s\S]*?\+966501234567/);
    expect(page.text).toContain('ريم العتيبي');
    expect(page.text).toMatch(/data-qa="research-income-salary"[\s\S]*?3,000/);
    expect(page.text).toContain(`href="${paths.document(c)}"`);
  });

  it('links the committee file’s documents to the staff route', async () => {
    const c = cases.with_committee;
    const page = await agents.committee_member.agent.get(paths.committeeFile(c));
    expect(page.text).toContain(`href="${paths.document(c)}"`);
    expect(page.text).not.toContain('/account/requests/');
  });

  describe('the access log', () => {
    async function entriesFor(beneficiaryId: number) {
      return testApp.data.repositories.accessLog.forBeneficiary(beneficiaryId);
    }

    it('records a file shown again by a refused form at the desk, as it records a read', async () => {
      const { submitForm } = await import('../../support/testApp.ts');
      const c = await caseAt('draft');
      const officer = agents.relations_officer.agent;
      const desk = paths.beneficiaryFile(c);
      expect((await submitForm(officer, desk, { channel: '', subject: '', answer: '' }, `${desk}/inquiries`)).status).toBe(400);
      expect((await submitForm(officer, desk, { mobile: '123', identityChecked: '' }, `${desk}/mobile`)).status).toBe(400);
      const details = `/staff/requests/${c.requestId}/details`;
      expect((await submitForm(officer, paths.requestFile(c), {}, details)).status).toBe(400);
      const services = `/staff/requests/${c.requestId}/services`;
      expect((await submitForm(agents.manager.agent, paths.requestFile(c), { serviceType: '' }, services)).status).toBe(400);
      const entries = (await entriesFor(c.beneficiaryId)).reverse();
      // Each submission first loads its page for the token (one read), then the refused form shows it again (a second).
      expect(entries.map(({ staffId, resource }) => ({ staffId, resource }))).toEqual([
        { staffId: agents.relations_officer.id, resource: 'beneficiary_file' },
        { staffId: agents.relations_officer.id, resource: 'beneficiary_file' },
        { staffId: agents.relations_officer.id, resource: 'beneficiary_file' },
        { staffId: agents.relations_officer.id, resource: 'beneficiary_file' },
        { staffId: agents.relations_officer.id, resource: 'request_file' },
        { staffId: agents.relations_officer.id, resource: 'request_file' },
        { staffId: agents.manager.id, resource: 'request_file' },
        { staffId: agents.manager.id, resource: 'request_file' },
      ]);
    });

    it('refuses a write to a file the role may not read, or to none at all, before it shows anything', async () => {
      const { submitForm } = await import('../../support/testApp.ts');
      const c = await caseAt('with_committee');
      const services = `/staff/requests/${c.requestId}/services`;
      const refused = await submitForm(agents.committee_member.agent, '/staff/password', { serviceType: '' }, services);
      expect(refused.status).toBe(403);
      expect(refused.text).not.toContain('مقدم with_committee');
      const missing = await submitForm(agents.relations_officer.agent, '/staff/password', {}, '/staff/requests/999999/details');
      expect(missing.status).toBe(404);
      const noOne = await submitForm(agents.relations_officer.agent, '/staff/password', { mobile: '0501234567', identityChecked: 'yes' }, '/staff/beneficiaries/999999/mobile');
      expect(noOne.status).toBe(404);
      const registration = await submitForm(agents.relations_officer.agent, '/staff/password', {}, '/staff/requests/999999/registration');
      expect(registration.status).toBe(404);
      expect(await entriesFor(c.beneficiaryId)).toEqual([]);
    });

    it('records each allowed read: who, under which role, what, when and from where', async () => {
      const c = await caseAt('with_committee');
      testApp.clock.set(new Date('2026-03-02T09:30:00Z'));
      await agents.committee_chair.agent.get(paths.committeeFile(c)).expect(200);
      await agents.committee_chair.agent.get(paths.document(c)).expect(200);
      await agents.relations_officer.agent.get(paths.requestFile(c)).expect(200);
      const entries = await entriesFor(c.beneficiaryId);
      expect(entries.map(({ staffId, role, resource, requestId, documentId }) => ({ staffId, role, resource, requestId, documentId })).reverse()).toEqual([
        { staffId: agents.committee_chair.id, role: 'committee_chair', resource: 'committee_file', requestId: c.requestId, documentId: null },
        { staffId: agents.committee_chair.id, role: 'committee_chair', resource: 'document', requestId: c.requestId, documentId: c.documentId },
        { staffId: agents.relations_officer.id, role: 'relations_officer', resource: 'request_file', requestId: c.requestId, documentId: null },
      ]);
      for (const entry of entries) {
        expect(entry.at.toISOString()).toBe('2026-03-02T09:30:00.000Z');
        expect(entry.ip).toMatch(/127\.0\.0\.1/);
      }
    });

    it('records the beneficiary’s file at the desk without a request', async () => {
      const c = await caseAt('draft');
      await agents.manager.agent.get(paths.beneficiaryFile(c)).expect(200);
      const [entry] = await entriesFor(c.beneficiaryId);
      expect(entry).toMatchObject({ staffId: agents.manager.id, role: 'manager', resource: 'beneficiary_file', requestId: null, documentId: null });
      expect((await agents.manager.agent.get('/staff/beneficiaries/999999')).status).toBe(404);
    });

    it('records the research file under the referral’s request', async () => {
      const c = await caseAt('referred');
      await agents.social_researcher.agent.get(paths.researchFile(c)).expect(200);
      const [entry] = await entriesFor(c.beneficiaryId);
      expect(entry).toMatchObject({ staffId: agents.social_researcher.id, role: 'social_researcher', resource: 'research_file', requestId: c.requestId });
    });

    it('writes nothing for a refused read', async () => {
      const c = await caseAt('draft');
      await agents.committee_member.agent.get(paths.committeeFile(c)).expect(404);
      await agents.admin.agent.get(paths.document(c)).expect(403);
      await agents.social_researcher.agent.get(paths.researchFile(c)).expect(404);
      expect(await entriesFor(c.beneficiaryId)).toEqual([]);
    });
  });
});
