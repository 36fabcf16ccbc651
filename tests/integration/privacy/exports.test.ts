import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';
import { EXPORT_PAGE_SIZE } from '../../../src/data/exportRepository.ts';

let testApp: TestApp;
type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];
let manager: Agent;
let admin: Agent;

const BOM = '\uFEFF';

/** Supertest gives text/csv as a string; the body keeps the BOM. */
async function csv(agent: Agent, path: string) {
  const response = await agent.get(path).buffer(true).parse((res, done) => {
    const chunks: Buffer[] = [];
    res.on('data', (chunk: Buffer) => chunks.push(chunk));
    res.on('end', () => done(null, Buffer.concat(chunks).toString('utf8')));
  });
  const text = response.body as string;
  return { response, text, rows: parse(text.replace(/^\uFEFF/, ''), { columns: false }) as string[][] };
}

beforeAll(async () => {
  testApp = await createTestApp();
  await raisedRequest(testApp, { fullName: 'فاطمة علي الزهراني', city: 'الرياض', supportType: 'rent', mobile: '+966501110001' });
  await raisedRequest(testApp, { fullName: 'خالد سعد الدوسري', city: 'الخرج', supportType: 'food', mobile: '+966501110002' });
  await raisedRequest(testApp, { fullName: '=HYPERLINK("http://evil")', city: 'الرياض', supportType: 'rent', mobile: '+966501110003' });
  await withPrisma(testApp, (prisma) => prisma.supportRequest.updateMany({ data: { birthDate: '1980-05-01', iban: 'SA0380000000608010167519' } }));
  manager = (await agentWithRole(testApp, ['manager'])).agent;
  admin = (await agentWithRole(testApp, ['admin'])).agent;
});

afterAll(async () => {
  await testApp.close();
});

describe('CSV exports', () => {
  it('exports the committee queue with its filters: BOM, Arabic headers and values intact, formulas neutralised, audited', async () => {
    const { response, text, rows } = await csv(manager, '/committee/export?city=%D8%A7%D9%84%D8%B1%D9%8A%D8%A7%D8%B6');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?committee-queue-2026-03-01\.csv/);
    expect(text.startsWith(BOM)).toBe(true);
    expect(rows[0]).toEqual(['الرقم المرجعي', 'الاسم', 'نوع الدعم', 'المدينة', 'الحالة', 'تاريخ التقديم', 'أقرب موعد للرد']);
    expect(rows).toHaveLength(3);
    expect(rows.map((row) => row[1])).toEqual(['الاسم', 'فاطمة علي الزهراني', `'=HYPERLINK("http://evil")`]);
    expect(rows[1]![3]).toBe('الرياض');
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findFirstOrThrow({ where: { action: 'export.csv', entityId: 'committee_queue' } }));
    expect(JSON.parse(audit.details!)).toMatchObject({ export: 'committee_queue', rows: 2, complete: true, filter: { city: 'الرياض', view: 'with_committee' } });
    expect(audit.actorType).toBe('staff');
  });

  it('exports the indicators for a period, the audit log with its filters and the outbox', async () => {
    const indicators = await csv(manager, '/admin/indicators/export?period=30');
    expect(indicators.rows[0]).toEqual(['المؤشر', 'القيمة']);
    expect(indicators.rows).toContainEqual(['backlog.byStatus.with_committee.count', '3']);
    expect(indicators.rows).toContainEqual(['periodDays', '30']);

    const audit = await csv(admin, '/admin/audit/export?action=export.csv');
    expect(audit.rows[0]).toEqual(['الرقم', 'الوقت', 'نوع المنفّذ', 'المنفّذ', 'العملية', 'نوع السجل', 'رقم السجل', 'رقم الطلب', 'عنوان الشبكة', 'التفاصيل']);
    expect(audit.rows.slice(1).every((row) => row[4] === 'export.csv')).toBe(true);
    expect(audit.rows.length).toBeGreaterThan(1);

    await testApp.data.repositories.notifications.enqueue({ channel: 'sms', recipient: '+966501110001', template: 'requestSubmitted', body: 'وصل طلبك رقم MZL' });
    const outbox = await csv(admin, '/admin/outbox/export?status=pending');
    expect(outbox.rows[0]).toEqual(['الرقم', 'وقت الإنشاء', 'القناة', 'نوع الرسالة', 'المرسَل إليه', 'الحالة', 'المحاولات', 'وقت الإرسال', 'آخر خطأ']);
    expect(outbox.rows[1]).toEqual(expect.arrayContaining(['requestSubmitted', `'+966501110001`, 'pending']));

    const english = await csv(admin, '/admin/outbox/export?lng=en');
    expect(english.rows[0]![0]).toBe('ID');
  });

  it('keeps each export behind the roles of its page', async () => {
    const { agent: officer } = await agentWithRole(testApp, ['relations_officer']);
    for (const path of ['/committee/export', '/admin/indicators/export', '/admin/audit/export', '/admin/outbox/export', '/admin/exports/deidentified']) {
      expect((await officer.get(path)).status).toBe(403);
    }
    expect((await manager.get('/admin/outbox/export')).status).toBe(403);
    const { agent: member } = await agentWithRole(testApp, ['committee_member']);
    expect((await member.get('/committee/export')).status).toBe(200);
    expect((await member.get('/admin/exports/deidentified')).status).toBe(403);
  });

  it('de-identifies: one row per request, age bands, no value from a name, ID, mobile or free-text field', async () => {
    const { rows, text } = await csv(manager, '/admin/exports/deidentified');
    expect(rows[0]).toEqual(['الصف', 'الفئة العمرية', 'المدينة', 'نوع الدعم', 'الحالة', 'القناة', 'عدد أفراد الأسرة', 'الدخل الشهري (ريال)', 'الإيجار الشهري (ريال)', 'تاريخ التقديم', 'تاريخ القرار', 'القرار', 'المبلغ المعتمد (ريال)', 'المبلغ المصروف (ريال)']);
    const requestCount = await withPrisma(testApp, (prisma) => prisma.supportRequest.count({ where: { status: { not: 'draft' } } }));
    expect(rows).toHaveLength(requestCount + 1);
    expect(rows[1]![1]).toBe('45 إلى 59 سنة');
    expect(rows[1]![2]).toBe('الرياض');
    expect(rows[1]![6]).toBe('2');

    const identifying = await withPrisma(testApp, async (prisma) => {
      const requests = await prisma.supportRequest.findMany({ include: { beneficiary: true, householdMembers: true } });
      return requests.flatMap((request) => [
        request.fullName, request.email, request.district, request.needDescription, request.iban, request.birthDate, request.reference,
        request.beneficiary.nationalId, request.beneficiary.mobile, request.beneficiary.fullName,
        ...request.householdMembers.flatMap((member) => [member.fullName, member.nationalId, member.birthDate]),
      ]).filter((value): value is string => typeof value === 'string' && value !== '');
    });
    expect(identifying.length).toBeGreaterThan(10);
    const cells = rows.flat();
    for (const value of identifying) {
      expect(cells).not.toContain(value);
      expect(text).not.toContain(value);
    }
    const audit = await withPrisma(testApp, (prisma) => prisma.auditEntry.findFirstOrThrow({ where: { action: 'export.csv', entityId: 'deidentified' } }));
    expect(JSON.parse(audit.details!)).toMatchObject({ rows: requestCount });
  });

  it('pages through more rows than one page holds, in order, without gaps or repeats', async () => {
    const extra = EXPORT_PAGE_SIZE * 2 + 500;
    await withPrisma(testApp, (prisma) =>
      prisma.auditEntry.createMany({
        data: Array.from({ length: extra }, () => ({ at: new Date('2026-02-01T00:00:00Z'), actorType: 'system', action: 'bulk.entry', visibleToBeneficiary: false })),
      }),
    );
    const { rows } = await csv(admin, '/admin/audit/export?action=bulk.entry');
    expect(rows).toHaveLength(extra + 1);
    const ids = rows.slice(1).map((row) => Number(row[0]));
    expect(new Set(ids).size).toBe(extra);
    expect(ids).toEqual([...ids].sort((a, b) => a - b));
  });
});
