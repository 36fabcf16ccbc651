import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';

const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const NEWER_PDF = Buffer.from('%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const PNG = Buffer.from('89504e470d0a1a0a0000000d4948445200000001000000010806000000', 'hex');

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

async function uploadAs(agent: Agent, kind: string, file: Buffer | null, name = 'guide.pdf') {
  const page = await agent.get('/staff/tools');
  const post = agent.post(`/staff/tools/${kind}`).field('_csrf', csrfFrom(page.text));
  return file ? post.attach(`file-${kind}`, file, name) : post.field('nothing', '');
}

describe('guides and forms for staff', () => {
  let testApp: TestApp;
  let admin: Agent;
  let officer: Agent;
  beforeAll(async () => {
    testApp = await createTestApp();
    ({ agent: admin } = await agentWithRole(testApp, ['admin']));
    ({ agent: officer } = await agentWithRole(testApp, ['relations_officer']));
  });
  afterAll(() => testApp.close());

  it('lists the policy tools for every staff member, and only for staff', async () => {
    const page = await officer.get('/staff/tools');
    expect(page.status).toBe(200);
    for (const kind of ['bylaws', 'research_services_guide', 'support_policy_guide']) {
      expect(page.text).toContain(`data-qa="missing-${kind}"`);
      expect(page.text).not.toContain(`data-qa="upload-${kind}"`);
    }
    expect(page.text).toContain('href="/staff/walk-in"');
    const { agent: member } = await agentWithRole(testApp, ['committee_member']);
    const memberPage = await member.get('/staff/tools');
    expect(memberPage.status).toBe(200);
    expect(memberPage.text).not.toContain('href="/staff/walk-in"');
    expect(memberPage.text).toContain('href="/staff/tools" aria-current="page"');
    const anonymous = await request(testApp.app).get('/staff/tools');
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.location).toMatch(/^\/staff\/login/);
  });

  it('lets an admin upload a guide that staff then open as a PDF, replacing the older file', async () => {
    expect((await uploadAs(admin, 'bylaws', PDF, 'اللائحة الأساسية.pdf')).status).toBe(303);
    const first = await testApp.data.repositories.referenceDocuments.find('bylaws');
    expect(first).toMatchObject({
      originalName: 'اللائحة الأساسية.pdf',
      mimeType: 'application/pdf',
      sizeBytes: PDF.length,
    });

    const page = await officer.get('/staff/tools');
    expect(page.text).toContain('href="/staff/tools/bylaws"');
    const opened = await officer.get('/staff/tools/bylaws').buffer(true);
    expect(opened.status).toBe(200);
    expect(opened.headers['content-type']).toBe('application/pdf');
    expect(opened.headers['content-disposition']).toMatch(/^inline;/);
    expect(opened.headers['x-content-type-options']).toBe('nosniff');
    expect(Buffer.from(opened.body as Buffer).equals(PDF)).toBe(true);

    expect((await uploadAs(admin, 'bylaws', NEWER_PDF)).status).toBe(303);
    const second = await testApp.data.repositories.referenceDocuments.find('bylaws');
    expect(second?.storageKey).not.toBe(first?.storageKey);
    const stored = (key: string) => path.join(testApp.config.uploadDir, key.slice(0, 2), key);
    expect(fs.existsSync(stored(first!.storageKey))).toBe(false);
    expect(fs.existsSync(stored(second!.storageKey))).toBe(true);
    const { entries } = await testApp.data.repositories.audit.search(
      { action: 'reference_document.replaced' },
      1,
      10,
    );
    expect(entries).toHaveLength(2);
  });

  it('accepts PDF files only, with the error next to the right document', async () => {
    const png = await uploadAs(admin, 'research_services_guide', PNG, 'guide.pdf');
    expect(png.status).toBe(400);
    expect(png.text).toContain('ارفع الملف بصيغة PDF');
    expect(png.text).toContain('href="#file-research_services_guide"');
    const none = await uploadAs(admin, 'support_policy_guide', null);
    expect(none.status).toBe(400);
    expect(none.text).toContain('href="#file-support_policy_guide"');
    expect(
      await testApp.data.repositories.referenceDocuments.find('research_services_guide'),
    ).toBeNull();
  });

  it('lets only admins upload, with a CSRF token, and knows only the policy documents', async () => {
    expect((await uploadAs(officer, 'bylaws', PDF)).status).toBe(403);
    expect(
      (await admin.post('/staff/tools/bylaws').attach('file-bylaws', PDF, 'guide.pdf')).status,
    ).toBe(403);
    expect((await officer.get('/staff/tools/passwords')).status).toBe(404);
    expect((await uploadAs(admin, 'passwords', PDF)).status).toBe(404);
    expect((await officer.get('/staff/tools/support_policy_guide')).status).toBe(404);
  });
});
