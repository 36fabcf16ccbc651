import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createStaff, createTestApp, signInStaff, type TestApp } from '../../support/testApp.ts';
import { fullHistory, signInBeneficiary } from './fixtures.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { toArabicIndicDigits } from '../../../src/domain/digits.ts';
import type { StaffRole } from '../../../src/domain/roles.ts';

type Agent = ReturnType<typeof request.agent>;

let testApp: TestApp;
let hind: Awaited<ReturnType<typeof fullHistory>>;
let other: Awaited<ReturnType<typeof fullHistory>>;
let hindDocumentId: number;
const staff = {} as Record<StaffRole, { agent: Agent; id: number; name: string }>;

async function read(role: StaffRole, path: string) {
  const response = await staff[role].agent.get(path);
  expect(response.status, path).toBe(200);
}

beforeAll(async () => {
  testApp = await createTestApp({ now: new Date('2026-03-01T08:00:00Z') });
  hind = await fullHistory(testApp, 'هند');
  other = await fullHistory(testApp, 'منيرة', { mobile: '+966509998877' });
  hindDocumentId = await withPrisma(
    testApp,
    async (prisma) =>
      (await prisma.requestDocument.findFirstOrThrow({ where: { requestId: hind.requestId } })).id,
  );
  const names: Record<StaffRole, string> = {
    admin: 'سعاد مديرة النظام',
    relations_officer: 'ليلى موظفة العلاقات',
    social_researcher: 'نورة الباحثة',
    committee_member: 'خالد عضو اللجنة',
    committee_chair: 'فهد رئيس اللجنة',
    manager: 'عبدالرحمن المدير',
  };
  for (const role of Object.keys(names) as StaffRole[]) {
    const record = await createStaff(testApp, [role], { fullName: names[role] });
    staff[role] = { agent: await signInStaff(testApp, record), id: record.id, name: names[role] };
  }

  // 1 March: the officer opens Hind's file at the desk and her request twice; the manager opens a document.
  await read('relations_officer', `/staff/beneficiaries/${hind.beneficiaryId}`);
  await read('relations_officer', `/staff/requests/${hind.requestId}`);
  await read('relations_officer', `/staff/requests/${hind.requestId}`);
  await read('manager', `/staff/requests/${hind.requestId}/documents/${hindDocumentId}`);
  // 3 March: a committee member reads the committee file.
  testApp.clock.advanceDays(2);
  await read('committee_member', `/committee/requests/${hind.requestId}`);
  // 5 March: the manager reads the other beneficiary's file, never Hind's.
  testApp.clock.advanceDays(2);
  await read('manager', `/staff/beneficiaries/${other.beneficiaryId}`);
});

afterAll(async () => {
  await testApp.close();
});

describe('the admin search of the access log', () => {
  it('is for administrators and managers only, like the audit log', async () => {
    for (const role of [
      'relations_officer',
      'social_researcher',
      'committee_member',
      'committee_chair',
    ] as const) {
      expect(
        (await staff[role].agent.get(`/admin/access-log?nationalId=${hind.nationalId}`)).status,
        role,
      ).toBe(403);
    }
    expect((await request(testApp.app).get('/admin/access-log')).status).toBe(303);
    const manager = await staff.manager.agent.get('/admin/access-log');
    expect(manager.status).toBe(200);
    expect(manager.text).toContain('href="/admin/access-log"');
  });

  it('finds every read of the beneficiary by an ID typed in Arabic-Indic digits, newest first, and audits the search', async () => {
    const response = await staff.admin.agent.get(
      `/admin/access-log?nationalId=${encodeURIComponent(toArabicIndicDigits(hind.nationalId))}`,
    );
    expect(response.status).toBe(200);
    expect(response.text).toContain(
      'role="region" aria-labelledby="access-log-table-caption" tabindex="0"',
    );
    const rows = response.text.split('data-qa="access-log-row"').slice(1);
    expect(rows).toHaveLength(5);
    // 08:00 UTC, shown at Riyadh time in the page's language.
    expect(rows[0]).toContain('3 مارس 2026 م 11:00');
    expect(rows[0]).toContain(staff.committee_member.name);
    expect(rows[0]).toContain('عضو لجنة البحث');
    expect(rows[0]).toContain('ملف الطلب لدى اللجنة');
    expect(rows[0]).toContain(`href="/admin/access-log?reference=${hind.reference}"`);
    expect(rows[1]).toContain(staff.manager.name);
    expect(rows[1]).toContain('مستند: <bdi>هند-عقد.pdf</bdi>');
    expect(rows[4]).toContain('ملف المستفيد');
    expect(rows[4]).toContain(staff.relations_officer.name);
    expect(rows[4]).toContain('127.0.0.1');
    expect(rows[4]).not.toContain('reference=');
    // The other beneficiary's read is not theirs to see here.
    expect(response.text).not.toContain('2026-03-05');

    const audited = await withPrisma(testApp, (prisma) =>
      prisma.auditEntry.findMany({
        where: { action: 'access_log.searched' },
        orderBy: { id: 'desc' },
        take: 1,
      }),
    );
    expect(audited[0]).toMatchObject({
      actorType: 'staff',
      actorId: staff.admin.id,
      entityType: 'beneficiary',
      entityId: String(hind.beneficiaryId),
    });
    expect(JSON.parse(audited[0]!.details!)).toMatchObject({ by: 'national_id', found: true });
  });

  it('narrows to one request by its reference, and to a period', async () => {
    const byReference = await staff.manager.agent.get(
      `/admin/access-log?reference=${hind.reference.toLowerCase()}`,
    );
    expect(byReference.status).toBe(200);
    const rows = byReference.text.split('data-qa="access-log-row"').slice(1);
    expect(rows).toHaveLength(4);
    expect(byReference.text).not.toContain('>ملف المستفيد');

    const firstDay = await staff.admin.agent.get(
      `/admin/access-log?nationalId=${hind.nationalId}&from=2026-03-01&to=2026-03-01&lng=en`,
    );
    expect(firstDay.status).toBe(200);
    expect(firstDay.text.split('data-qa="access-log-row"')).toHaveLength(5);
    expect(firstDay.text).toContain('Beneficiary relations officer');
    expect(firstDay.text).not.toContain('2026-03-03');

    const audits = await withPrisma(testApp, (prisma) =>
      prisma.auditEntry.count({
        where: {
          action: 'access_log.searched',
          actorId: staff.manager.id,
          requestId: hind.requestId,
        },
      }),
    );
    expect(audits).toBe(1);
  });

  it('refuses an impossible date with its message and keeps what was typed', async () => {
    const response = await staff.admin.agent.get(
      `/admin/access-log?nationalId=${hind.nationalId}&from=2026-02-30&lng=en`,
    );
    expect(response.status).toBe(400);
    expect(response.text).toContain('Enter a real date, like 2026-03-01');
    expect(response.text).toContain('value="2026-02-30"');
    expect(response.text).toContain(`value="${hind.nationalId}"`);
    expect(response.text).not.toContain('data-qa="access-log-row"');
    const reversed = await staff.admin.agent.get(
      `/admin/access-log?nationalId=${hind.nationalId}&from=2026-03-05&to=2026-03-01&lng=en`,
    );
    expect(reversed.status).toBe(400);
    expect(reversed.text).toContain('The start date must be the same as or before the end date');
  });

  it('says when no one matches, and refuses a malformed ID or reference', async () => {
    const unknown = await staff.admin.agent.get('/admin/access-log?nationalId=1000000008&lng=en');
    expect(unknown.status).toBe(200);
    expect(unknown.text).toContain('No beneficiary matches this search.');
    const malformed = await staff.admin.agent.get('/admin/access-log?nationalId=12345&lng=en');
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain('Enter the 10 digits of the national ID or Iqama number');
    const badReference = await staff.admin.agent.get(
      '/admin/access-log?reference=%3Cscript%3E&lng=en',
    );
    expect(badReference.status).toBe(400);
    expect(badReference.text).toContain('Enter a request reference, like MZL-2026-000123');
    expect(badReference.text).not.toContain('<script>');
  });

  it('is listed in the record of processing with its readers', async () => {
    const page = await staff.admin.agent.get('/admin/processing?lng=en');
    expect(page.text).toContain('data-qa="processing-access"');
    expect(page.text).toContain('Record of who read a file');
  });
});

describe('who has read my file, on my data', () => {
  it('shows the roles and the days, grouped, without the staff members or their addresses', async () => {
    const agent = await signInBeneficiary(testApp, hind.nationalId);
    const page = await agent.get('/account/my-data');
    expect(page.status).toBe(200);
    const section = page.text.slice(page.text.indexOf('data-qa="my-data-accessLog"'));
    expect(section).toContain('مَن اطّلع على ملفي');
    expect(section).toContain('عضو لجنة البحث: ملف الطلب لدى اللجنة');
    expect(section).toContain('موظف علاقات المستفيدين: ملف الطلب');
    expect(section).toContain('المدير: مستند');
    for (const member of Object.values(staff)) expect(page.text).not.toContain(member.name);
    expect(page.text).not.toContain('127.0.0.1');

    const download = await agent.get('/account/my-data/download');
    const body = JSON.parse(download.text) as { accessLog: Record<string, unknown>[] };
    expect(body.accessLog).toEqual([
      {
        day: '2026-03-03',
        role: 'committee_member',
        resource: 'committee_file',
        reads: 1,
        lastReadAt: '2026-03-03T08:00:00.000Z',
        reference: hind.reference,
      },
      // Within a day, the latest read first (the clock stood still: in the order they were made, reversed).
      {
        day: '2026-03-01',
        role: 'manager',
        resource: 'document',
        reads: 1,
        lastReadAt: '2026-03-01T08:00:00.000Z',
        reference: hind.reference,
      },
      {
        day: '2026-03-01',
        role: 'relations_officer',
        resource: 'request_file',
        reads: 2,
        lastReadAt: '2026-03-01T08:00:00.000Z',
        reference: hind.reference,
      },
      {
        day: '2026-03-01',
        role: 'relations_officer',
        resource: 'beneficiary_file',
        reads: 1,
        lastReadAt: '2026-03-01T08:00:00.000Z',
        reference: null,
      },
    ]);
    for (const member of Object.values(staff)) expect(download.text).not.toContain(member.name);
    expect(download.text).not.toContain('127.0.0.1');
    expect(download.text).not.toContain('staffId');
  });

  it('never shows the reads of another beneficiary', async () => {
    const agent = await signInBeneficiary(testApp, other.nationalId);
    const body = JSON.parse((await agent.get('/account/my-data/download')).text) as {
      accessLog: Record<string, unknown>[];
    };
    expect(body.accessLog).toEqual([
      {
        day: '2026-03-05',
        role: 'manager',
        resource: 'beneficiary_file',
        reads: 1,
        lastReadAt: '2026-03-05T08:00:00.000Z',
        reference: null,
      },
    ]);
  });
});
