import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from '../account/support.ts';
import { createBeneficiary, completedDraft } from './fixtures.ts';

type Agent = ReturnType<typeof request.agent>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');
const pdfOf = (bytes: number) => Buffer.concat([PDF, Buffer.alloc(bytes - PDF.length, 0x20)]);
const MB = 1024 * 1024;

function storedFiles(testApp: TestApp): string[] {
  return fs
    .readdirSync(testApp.config.uploadDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

async function startApplication(testApp: TestApp): Promise<Agent> {
  const agent = await registerAndVerify(testApp);
  const eligibility = await agent.get('/apply/eligibility');
  await agent.post('/apply/eligibility').type('form').send({ _csrf: csrfFrom(eligibility.text), livesInServiceArea: 'yes', city: 'الرياض' });
  await agent.get('/apply/resume');
  return agent;
}

async function upload(agent: Agent, bytes: Buffer, kind = 'income_proof') {
  const page = await agent.get('/apply/documents');
  return agent.post('/apply/documents/upload').field('_csrf', csrfFrom(page.text)).field('documentKind', kind).attach('document', bytes, 'proof.pdf');
}

describe('upload caps per request', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp({ env: { MAX_DOCUMENTS_PER_REQUEST: '2', MAX_DOCUMENTS_TOTAL_MB: '1', MAX_UPLOAD_MB: '1' } });
  });
  afterAll(() => testApp.close());

  it('refuses one document more than the count allows, on the same page, and keeps no file of it', async () => {
    const agent = await startApplication(testApp);
    expect((await upload(agent, PDF)).status).toBe(303);
    expect((await upload(agent, PDF, 'lease')).status).toBe(303);
    const filesBefore = storedFiles(testApp).length;
    const third = await upload(agent, PDF, 'other');
    expect(third.status).toBe(400);
    expect(third.text).toContain('data-qa="upload-form"');
    expect(third.text).toContain('بلغ الطلب الحد الأعلى لعدد المستندات (2)');
    expect(third.text).toContain('<option value="other" selected');
    expect(storedFiles(testApp).length).toBe(filesBefore);
  });

  it('refuses a document that takes the total over the bytes allowed', async () => {
    const agent = await startApplication(testApp);
    expect((await upload(agent, pdfOf(0.6 * MB))).status).toBe(303);
    const filesBefore = storedFiles(testApp).length;
    const second = await upload(agent, pdfOf(0.5 * MB));
    expect(second.status).toBe(400);
    expect(second.text).toContain('يتجاوز مجموع أحجام مستندات الطلب الحد المسموح (1 ميغابايت)');
    expect(storedFiles(testApp).length).toBe(filesBefore);
  });
});

describe('no orphan files', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('removes the file when the database write fails', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const requestId = await completedDraft(testApp, context, record.id);
    await testApp.services.applications.sign(requestId, { declarationAccepted: 'on', signatureName: 'فاطمة علي الزهراني', channel: 'website', ip: null, userAgent: null }, context);
    await testApp.services.applications.submit(requestId, context);
    const before = storedFiles(testApp).length;
    // Submitted requests take no more documents: the file is written first, then the row is refused.
    await expect(testApp.services.documents.upload(requestId, { buffer: PDF, originalName: 'late.pdf', kind: 'other' }, context)).rejects.toThrow();
    expect(storedFiles(testApp).length).toBe(before);
  });

  it('sweeps at start only the files that have no row and are older than a few minutes', async () => {
    const { record, context } = await createBeneficiary(testApp);
    const requestId = await completedDraft(testApp, context, record.id);
    const kept = await testApp.services.documents.upload(requestId, { buffer: PDF, originalName: 'kept.pdf', kind: 'other' }, context);
    expect(kept.ok).toBe(true);
    const admin = await createStaff(testApp, ['admin']);
    const guide = await testApp.services.referenceDocuments.replace('bylaws', { buffer: PDF, originalName: 'bylaws.pdf' }, { kind: 'staff', id: admin.id, label: admin.email, roles: ['admin'], ip: null });
    expect(guide.ok).toBe(true);

    const write = (key: string, ageMinutes: number) => {
      const file = path.join(testApp.config.uploadDir, key.slice(0, 2), key);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, 'orphan');
      const at = new Date(testApp.clock.now().getTime() - ageMinutes * 60_000);
      fs.utimesSync(file, at, at);
      return file;
    };
    const oldOrphan = write('aa'.padEnd(32, '1'), 60);
    const freshOrphan = write('bb'.padEnd(32, '2'), 1);
    const stranger = path.join(testApp.config.uploadDir, 'README.txt');
    fs.writeFileSync(stranger, 'not ours');
    const keptFiles = storedFiles(testApp).filter((file) => file !== oldOrphan && file !== freshOrphan && file !== stranger);
    for (const file of keptFiles) {
      const at = new Date(testApp.clock.now().getTime() - 24 * 60 * 60_000);
      fs.utimesSync(file, at, at);
    }

    const removed = await testApp.services.storedFiles.sweepOrphans();
    expect(removed).toBe(1);
    expect(fs.existsSync(oldOrphan)).toBe(false);
    expect(fs.existsSync(freshOrphan)).toBe(true);
    expect(fs.existsSync(stranger)).toBe(true);
    for (const file of keptFiles) expect(fs.existsSync(file)).toBe(true);
    expect((await testApp.services.documents.open(requestId, kept.ok ? kept.documentId : 0, context)).bytes.equals(PDF)).toBe(true);
    expect((await testApp.services.referenceDocuments.open('bylaws'))?.bytes.equals(PDF)).toBe(true);
  });
});
