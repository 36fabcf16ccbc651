import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { documentStorage } from '../../../src/data/documentStorage.ts';

const NOW = new Date('2030-06-01T08:00:00Z');
const DAY = 86_400_000;
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

let testApp: TestApp;
let nationalIdSeed = 1_000_000_000;
const storedFile = (key: string) => path.join(testApp.config.uploadDir, key.slice(0, 2), key);

async function beneficiary(extra: Record<string, unknown> = {}) {
  nationalIdSeed += 1;
  return withPrisma(testApp, (prisma) =>
    prisma.beneficiary.create({ data: { nationalId: String(nationalIdSeed), mobile: '+966500000001', fullName: 'هند سالم القحطاني', nameKey: 'هند سالم القحطاني', mobileVerifiedAt: daysAgo(4000), ...extra } }),
  );
}

async function requestWithDocument(fields: Record<string, unknown>) {
  const owner = await beneficiary();
  const key = await documentStorage(testApp.config.uploadDir).save(Buffer.from('%PDF-1.4 test'));
  const created = await withPrisma(testApp, (prisma) =>
    prisma.supportRequest.create({
      data: {
        beneficiaryId: owner.id,
        fullName: 'هند سالم القحطاني',
        nameKey: 'هند سالم القحطاني',
        birthDateEntered: 'hijri 1405-06-10',
        city: 'الخرج',
        district: 'الروضة',
        needDescription: 'أحتاج إلى مساعدة في الإيجار',
        incomeSalary: 2500,
        supportType: 'rent',
        ...fields,
        householdMembers: { create: [{ fullName: 'ابن هند', relation: 'son', birthDate: '2015-01-01', nationalId: '1111111111' }] },
        documents: { create: [{ kind: 'other', originalName: 'عقد.pdf', mimeType: 'application/pdf', sizeBytes: 12, sha256: 'x', storageKey: key }] },
      },
    }),
  );
  return { id: created.id, beneficiaryId: owner.id, key };
}

const records: Record<string, { old: number; fresh: number; oldKey?: string; freshKey?: string }> = {};

beforeAll(async () => {
  testApp = await createTestApp({ now: NOW, env: { RETENTION_DAYS: 'abandoned_drafts=90' } });
  const draftOld = await requestWithDocument({ status: 'draft' });
  const draftFresh = await requestWithDocument({ status: 'draft' });
  await withPrisma(testApp, async (prisma) => {
    // An explicit updatedAt wins over @updatedAt: the drafts were last touched then.
    await prisma.supportRequest.update({ where: { id: draftOld.id }, data: { updatedAt: daysAgo(91) } });
    await prisma.supportRequest.update({ where: { id: draftFresh.id }, data: { updatedAt: daysAgo(89) } });
  });
  records.drafts = { old: draftOld.id, fresh: draftFresh.id, oldKey: draftOld.key, freshKey: draftFresh.key };

  // What an unfinished online registration leaves: the ID alone (its password and mobile wait in PendingRegistration).
  const unverifiedOld = await beneficiary({ mobile: null, fullName: null, mobileVerifiedAt: null, createdAt: daysAgo(31) });
  const unverifiedFresh = await beneficiary({ mobileVerifiedAt: null, passwordHash: 'x', createdAt: daysAgo(29) });
  records.accounts = { old: unverifiedOld.id, fresh: unverifiedFresh.id };

  // Accepted a year and a day ago (documents go) and 364 days ago (documents stay).
  const acceptedOld = await requestWithDocument({ status: 'registered', reference: 'MZL-2029-000001', submittedAt: daysAgo(400), decisionReleasedAt: daysAgo(366) });
  const acceptedFresh = await requestWithDocument({ status: 'registered', reference: 'MZL-2029-000002', submittedAt: daysAgo(400), decisionReleasedAt: daysAgo(364) });
  records.documents = { old: acceptedOld.id, fresh: acceptedFresh.id, oldKey: acceptedOld.key, freshKey: acceptedFresh.key };

  const rejectedOld = await requestWithDocument({ status: 'rejected', reference: 'MZL-2027-000001', submittedAt: daysAgo(800), decisionReleasedAt: daysAgo(731) });
  const withdrawnFresh = await requestWithDocument({ status: 'withdrawn', reference: 'MZL-2028-000001', submittedAt: daysAgo(800), closedAt: daysAgo(729) });
  records.rejected = { old: rejectedOld.id, fresh: withdrawnFresh.id };

  const acceptedTenYears = await requestWithDocument({ status: 'registered', reference: 'MZL-2019-000001', submittedAt: daysAgo(4000), decisionReleasedAt: daysAgo(3700) });
  const servedRecently = await requestWithDocument({ status: 'registered', reference: 'MZL-2019-000002', submittedAt: daysAgo(4000), decisionReleasedAt: daysAgo(3700) });
  await withPrisma(testApp, (prisma) =>
    prisma.serviceDelivery.create({ data: { requestId: servedRecently.id, beneficiaryId: servedRecently.beneficiaryId, serviceType: 'rent', amount: 1500, deliveredOn: daysAgo(100).toISOString().slice(0, 10), deliveredById: 1 } }),
  );
  records.accepted = { old: acceptedTenYears.id, fresh: servedRecently.id };

  await withPrisma(testApp, async (prisma) => {
    const sentOld = await prisma.notification.create({ data: { channel: 'sms', recipient: '+966500000001', template: 'requestSubmitted', body: 'نص الرسالة', status: 'sent', sentAt: daysAgo(91) } });
    const sentFresh = await prisma.notification.create({ data: { channel: 'sms', recipient: '+966500000001', template: 'requestSubmitted', body: 'نص الرسالة', status: 'sent', sentAt: daysAgo(89) } });
    records.messages = { old: sentOld.id, fresh: sentFresh.id };
    const sessionOld = await prisma.session.create({ data: { id: 'old', sid: 'old', data: '{}', expiresAt: daysAgo(2) } });
    const sessionFresh = await prisma.session.create({ data: { id: 'fresh', sid: 'fresh', data: '{}', expiresAt: new Date(NOW.getTime() - 3_600_000) } });
    records.sessions = { old: Number(sessionOld.id === 'old'), fresh: Number(sessionFresh.id === 'fresh') };
    const auditOld = await prisma.auditEntry.create({ data: { actorType: 'system', action: 'old.thing', at: daysAgo(3651) } });
    const auditFresh = await prisma.auditEntry.create({ data: { actorType: 'system', action: 'recent.thing', at: daysAgo(3649) } });
    records.audit = { old: auditOld.id, fresh: auditFresh.id };
    const read = { staffId: 1, role: 'relations_officer', resource: 'beneficiary_file', beneficiaryId: unverifiedFresh.id, ip: '127.0.0.1' };
    const readOld = await prisma.accessLog.create({ data: { ...read, at: daysAgo(731) } });
    const readFresh = await prisma.accessLog.create({ data: { ...read, at: daysAgo(729) } });
    records.accessLogs = { old: readOld.id, fresh: readFresh.id };
  });
});

afterAll(async () => {
  await testApp.close();
});

describe('the retention job', () => {
  it('treats exactly the records past their period, files included, and writes what it did to the audit log', async () => {
    const indicatorsBefore = await testApp.services.indicators.summary(365);
    const outcomes = await testApp.services.retention.applyAll();
    const counted = Object.fromEntries(outcomes.map((outcome) => [outcome.category, outcome.count]));
    expect(counted).toMatchObject({
      abandoned_drafts: 1,
      unverified_accounts: 1,
      // the year-old acceptance, and the four older decided or withdrawn requests; not the 364-day one
      documents_after_decision: 5,
      rejected_withdrawn_requests: 1,
      accepted_beneficiary_files: 1,
      message_bodies: 1,
      sessions: 1,
      access_logs: 1,
      audit_entries: 1,
    });

    await withPrisma(testApp, async (prisma) => {
      expect(await prisma.supportRequest.findUnique({ where: { id: records.drafts!.old } })).toBeNull();
      expect(await prisma.supportRequest.findUnique({ where: { id: records.drafts!.fresh } })).not.toBeNull();
      expect(fs.existsSync(storedFile(records.drafts!.oldKey!))).toBe(false);
      expect(fs.existsSync(storedFile(records.drafts!.freshKey!))).toBe(true);

      expect(await prisma.beneficiary.findUnique({ where: { id: records.accounts!.old } })).toBeNull();
      expect(await prisma.beneficiary.findUnique({ where: { id: records.accounts!.fresh } })).not.toBeNull();

      expect(await prisma.requestDocument.count({ where: { requestId: records.documents!.old } })).toBe(0);
      expect(await prisma.requestDocument.count({ where: { requestId: records.documents!.fresh } })).toBe(1);
      expect(fs.existsSync(storedFile(records.documents!.oldKey!))).toBe(false);
      expect(fs.existsSync(storedFile(records.documents!.freshKey!))).toBe(true);

      const rejected = await prisma.supportRequest.findUniqueOrThrow({ where: { id: records.rejected!.old }, include: { householdMembers: true, documents: true, beneficiary: true } });
      // The search key is the name normalised, so it goes with the name; so does the date as typed.
      expect(rejected).toMatchObject({ fullName: null, nameKey: null, birthDateEntered: null, district: null, needDescription: null, status: 'rejected', city: 'الخرج', incomeSalary: 2500 });
      expect(rejected.anonymisedAt).not.toBeNull();
      expect(rejected.householdMembers).toHaveLength(0);
      expect(rejected.documents).toHaveLength(0);
      expect(rejected.beneficiary).toMatchObject({ fullName: null, nameKey: null, mobile: null, nationalId: `ANON-${rejected.beneficiaryId}` });
      const withdrawn = await prisma.supportRequest.findUniqueOrThrow({ where: { id: records.rejected!.fresh } });
      expect(withdrawn.fullName).toBe('هند سالم القحطاني');

      expect((await prisma.supportRequest.findUniqueOrThrow({ where: { id: records.accepted!.old } })).anonymisedAt).not.toBeNull();
      expect((await prisma.supportRequest.findUniqueOrThrow({ where: { id: records.accepted!.fresh } })).fullName).toBe('هند سالم القحطاني');

      expect((await prisma.notification.findUniqueOrThrow({ where: { id: records.messages!.old } })).body).toBe('');
      expect((await prisma.notification.findUniqueOrThrow({ where: { id: records.messages!.fresh } })).body).toBe('نص الرسالة');

      expect(await prisma.session.findUnique({ where: { id: 'old' } })).toBeNull();
      expect(await prisma.session.findUnique({ where: { id: 'fresh' } })).not.toBeNull();

      expect(await prisma.auditEntry.findUnique({ where: { id: records.audit!.old } })).toBeNull();
      expect(await prisma.auditEntry.findUnique({ where: { id: records.audit!.fresh } })).not.toBeNull();

      expect(await prisma.accessLog.findUnique({ where: { id: records.accessLogs!.old } })).toBeNull();
      expect(await prisma.accessLog.findUnique({ where: { id: records.accessLogs!.fresh } })).not.toBeNull();

      const logged = await prisma.auditEntry.findMany({ where: { action: 'retention.applied' } });
      expect(logged.map((entry) => entry.entityId).sort()).toEqual(
        ['abandoned_drafts', 'accepted_beneficiary_files', 'access_logs', 'audit_entries', 'documents_after_decision', 'message_bodies', 'rejected_withdrawn_requests', 'sessions', 'unverified_accounts'],
      );
    });

    // Anonymised requests still count: the indicators read the same.
    const indicatorsAfter = await testApp.services.indicators.summary(365);
    expect(indicatorsAfter).toEqual(indicatorsBefore);
  });

  it('changes nothing when run a second time', async () => {
    const snapshot = () =>
      withPrisma(testApp, async (prisma) => ({
        requests: await prisma.supportRequest.findMany({ orderBy: { id: 'asc' } }),
        beneficiaries: await prisma.beneficiary.findMany({ orderBy: { id: 'asc' } }),
        documents: await prisma.requestDocument.findMany({ orderBy: { id: 'asc' } }),
        notifications: await prisma.notification.findMany({ orderBy: { id: 'asc' } }),
        audit: await prisma.auditEntry.count(),
        accessLogs: await prisma.accessLog.count(),
      }));
    const before = await snapshot();
    const outcomes = await testApp.services.retention.applyAll();
    expect(outcomes.every((outcome) => outcome.count === 0)).toBe(true);
    expect(await snapshot()).toEqual(before);
  });
});

describe('the privacy notice', () => {
  it('lists every category with the configured period, in Arabic and English', async () => {
    const arabic = await request(testApp.app).get('/privacy');
    expect(arabic.status).toBe(200);
    expect(arabic.text).toContain('data-qa="retention-abandoned_drafts"');
    expect(arabic.text).toMatch(/مسودات الطلبات التي لم تُقدَّم<\/th>\s*<td data-qa="retention-period">3 أشهر/);
    expect(arabic.text).toMatch(/سجل العمليات<\/th>\s*<td data-qa="retention-period">10 سنوات/);
    const english = await request(testApp.app).get('/privacy?lng=en');
    expect(english.text).toMatch(/Sign-in sessions<\/th>\s*<td data-qa="retention-period">1 day/);
    for (const category of testApp.services.retention.policy()) expect(english.text).toContain(`data-qa="retention-${category.category}"`);
  });

  it('follows a period changed in configuration', async () => {
    const other = await createTestApp({ env: { RETENTION_DAYS: 'abandoned_drafts=45' } });
    try {
      const page = await request(other.app).get('/privacy?lng=en');
      expect(page.text).toMatch(/Draft requests never submitted<\/th>\s*<td data-qa="retention-period">45 days/);
    } finally {
      await other.close();
    }
  });
});
