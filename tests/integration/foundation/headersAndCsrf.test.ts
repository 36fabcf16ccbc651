import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from '../account/support.ts';
import { nextNationalId } from '../staff/intakeFixtures.ts';

type Agent = ReturnType<typeof request.agent>;
const PDF = Buffer.from('%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n');

function storedFiles(testApp: TestApp): string[] {
  const root = testApp.config.uploadDir;
  if (!fs.existsSync(root)) return [];
  return fs.readdirSync(root, { recursive: true, withFileTypes: true }).filter((entry) => entry.isFile()).map((entry) => path.join(entry.parentPath, entry.name));
}

/** Every URL a page links to or posts to. */
function urlsOf(html: string): string[] {
  return [...html.matchAll(/\b(?:href|action|src)="([^"]*)"/g)].map((match) => match[1] ?? '');
}

describe('headers', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('sends a Permissions-Policy that turns off the powerful features', async () => {
    const response = await request(testApp.app).get('/');
    const policy = response.headers['permissions-policy'] ?? '';
    for (const feature of ['camera=()', 'microphone=()', 'geolocation=()', 'payment=()']) expect(policy).toContain(feature);
  });

  it('keeps signed-in pages out of every cache, staff and beneficiary', async () => {
    const { agent } = await agentWithRole(testApp, ['relations_officer']);
    for (const page of ['/staff', '/staff/tools', '/']) {
      const response = await agent.get(page);
      expect(response.status, page).toBe(200);
      expect(response.headers['cache-control'], page).toBe('no-store');
    }
    const beneficiary = await registerAndVerify(testApp);
    const requests = await beneficiary.get('/account/requests');
    expect(requests.status).toBe(200);
    expect(requests.headers['cache-control']).toBe('no-store');
  });

  it('lets the public stylesheet be cached', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const css = await agent.get('/public/css/app.css');
    expect(css.status).toBe(200);
    expect(css.headers['cache-control'] ?? '').not.toContain('no-store');
  });
});

describe('the CSRF token never travels in a URL', () => {
  let testApp: TestApp;
  let admin: Agent;
  let officer: Agent;
  let beneficiary: Agent;
  let walkInId: number;
  beforeAll(async () => {
    testApp = await createTestApp();
    ({ agent: admin } = await agentWithRole(testApp, ['admin']));
    ({ agent: officer } = await agentWithRole(testApp, ['relations_officer']));
    const page = await officer.get('/staff/walk-in');
    const opened = await officer.post('/staff/walk-in').type('form').send({ _csrf: csrfFrom(page.text), nationalId: nextNationalId(), mobile: '0551234567', channel: 'interview' });
    walkInId = Number(/\/staff\/requests\/(\d+)\//.exec(opened.headers.location ?? '')?.[1]);
    beneficiary = await registerAndVerify(testApp);
    const eligibility = await beneficiary.get('/apply/eligibility');
    await beneficiary.post('/apply/eligibility').type('form').send({ _csrf: csrfFrom(eligibility.text), livesInServiceArea: 'yes', city: 'الرياض' });
    await beneficiary.get('/apply/resume');
  });
  afterAll(() => testApp.close());

  it('appears in no link nor form action of the main pages', async () => {
    const pages: [Agent, string][] = [
      [admin, '/admin/staff'],
      [admin, '/admin/audit'],
      [admin, '/staff/tools'],
      [officer, '/staff'],
      [officer, `/staff/requests/${walkInId}`],
      [officer, `/staff/requests/${walkInId}/details`],
      [officer, `/staff/requests/${walkInId}/sign`],
      [beneficiary, '/account/requests'],
      [beneficiary, '/apply/documents'],
    ];
    for (const [agent, page] of pages) {
      const response = await agent.get(page);
      expect(response.status, page).toBe(200);
      const forms = [...response.text.matchAll(/<form[^>]*method="post"[^>]*>/g)];
      expect(forms.length, page).toBeGreaterThan(0);
      const token = csrfFrom(response.text);
      for (const url of urlsOf(response.text)) {
        expect(url, page).not.toContain('_csrf');
        expect(url, page).not.toContain(encodeURIComponent(token));
      }
    }
  });

  it('refuses a token given in the query string, even with a form body', async () => {
    const page = await officer.get('/staff');
    const token = csrfFrom(page.text);
    expect((await officer.post(`/staff/logout?_csrf=${encodeURIComponent(token)}`)).status).toBe(403);
    expect((await officer.post(`/staff/logout?_csrf=${encodeURIComponent(token)}`).type('form').send({ _csrf: token })).status).toBe(403);
    expect((await officer.get('/staff')).status).toBe(200);
  });

  it('refuses a multipart upload whose token is only in the query string, and keeps no file', async () => {
    const before = storedFiles(testApp).length;
    const page = await admin.get('/staff/tools');
    const response = await admin.post(`/staff/tools/bylaws?_csrf=${encodeURIComponent(csrfFrom(page.text))}`).attach('file-bylaws', PDF, 'guide.pdf');
    expect(response.status).toBe(403);
    const forged = await admin.post('/staff/tools/bylaws').field('_csrf', 'forged').attach('file-bylaws', PDF, 'guide.pdf');
    expect(forged.status).toBe(403);
    expect(storedFiles(testApp).length).toBe(before);
    expect((await admin.get('/staff/tools')).text).toContain('data-qa="missing-bylaws"');
  });

  it('accepts uploads with the token in the body, and an error keeps the address clean', async () => {
    const tools = await admin.get('/staff/tools');
    const uploaded = await admin.post('/staff/tools/bylaws').field('_csrf', csrfFrom(tools.text)).attach('file-bylaws', PDF, 'guide.pdf');
    expect(uploaded.status).toBe(303);

    const documents = await beneficiary.get('/apply/documents');
    const rejected = await beneficiary.post('/apply/documents/upload').field('_csrf', csrfFrom(documents.text)).field('documentKind', 'income_proof').attach('document', Buffer.from('not a document'), 'x.pdf');
    expect(rejected.status).toBe(400);
    expect(rejected.text).toContain('data-qa="upload-form"');
    const accepted = await beneficiary.post('/apply/documents/upload').field('_csrf', csrfFrom(documents.text)).field('documentKind', 'income_proof').attach('document', PDF, 'salary.pdf');
    expect(accepted.status).toBe(303);
    expect(accepted.headers.location).toBe('/apply/documents');
  });

  it('shows an upload over the size limit on the same page, not as a crash', async () => {
    const documents = await beneficiary.get('/apply/documents');
    const large = await beneficiary
      .post('/apply/documents/upload')
      .field('_csrf', csrfFrom(documents.text))
      .field('documentKind', 'lease')
      .attach('document', Buffer.concat([PDF, Buffer.alloc(6 * 1024 * 1024)]), 'big.pdf');
    expect(large.text).toContain('data-qa="upload-form"');
    expect(large.text).toContain('يجب ألا يزيد حجم الملف');
    const tools = await admin.get('/staff/tools');
    const unexpected = await admin.post('/staff/tools/bylaws').field('_csrf', csrfFrom(tools.text)).attach('file-bylaws', PDF, 'a.pdf').attach('file-bylaws', PDF, 'b.pdf');
    expect(unexpected.status).toBe(400);
    expect(unexpected.text).toContain('data-qa="upload-bylaws"');
  });

  it('answers a malformed multipart body with the 400 page, and the process keeps serving', async () => {
    await admin.get('/staff/tools');
    const broken = await admin
      .post('/staff/tools/bylaws')
      .set('Content-Type', 'multipart/form-data; boundary=xyz')
      .send('--xyz\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\nabc\r\n--xyz\r\nContent-Disposition: form-da');
    expect(broken.status).toBe(400);
    expect(broken.text).toContain('<html lang="ar" dir="rtl">');
    expect((await admin.get('/staff/tools')).status).toBe(200);
  });
});
