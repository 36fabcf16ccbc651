import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { fullHistory, signInBeneficiary } from './fixtures.ts';
import { withPrisma } from '../committee/fixtures.ts';

let testApp: TestApp;
let hind: Awaited<ReturnType<typeof fullHistory>>;
let other: Awaited<ReturnType<typeof fullHistory>>;

beforeAll(async () => {
  testApp = await createTestApp();
  hind = await fullHistory(testApp, 'هند');
  other = await fullHistory(testApp, 'منيرة', { mobile: '+966509998877' });
  await testApp.services.dataRequests.receive({ kind: 'system', ip: null }, { beneficiaryId: other.beneficiaryId, kind: 'correction', details: 'منيرة تصحيح', channel: 'oral' });
});

afterAll(async () => {
  await testApp.close();
});

describe('my data', () => {
  it('asks the beneficiary to sign in', async () => {
    for (const path of ['/account/my-data', '/account/my-data/download', '/account/my-data/print', '/account/data-requests/new']) {
      const response = await request(testApp.app).get(path);
      expect(response.status).toBe(303);
      expect(response.headers.location).toBe('/account/login');
    }
  });

  it('downloads every category held about the beneficiary and nothing of another', async () => {
    const agent = await signInBeneficiary(testApp, hind.nationalId);
    await testApp.services.dataRequests.receive({ kind: 'system', ip: null }, { beneficiaryId: hind.beneficiaryId, kind: 'completion', details: 'هند استكمال', channel: 'website' });
    const response = await agent.get('/account/my-data/download');
    expect(response.status).toBe(200);
    expect(response.headers['content-type']).toMatch(/application\/json/);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="?my-data-2026-03-01\.json/);
    const body = JSON.parse(response.text) as Record<string, unknown> & { requests: Record<string, unknown[]>[] };
    expect(body.sections).toEqual(['account', 'consents', 'requests', 'messages', 'questions', 'contacts', 'ratings', 'dataRequests', 'accessLog']);
    expect(body.account).toMatchObject({ nationalId: hind.nationalId, fullName: 'هند عبدالله الشمري', privacyNoticeVersion: '1' });
    expect(body.account).not.toHaveProperty('passwordHash');
    const [requestData] = body.requests;
    expect(requestData).toMatchObject({ reference: hind.reference, email: 'هند@example.org', needDescription: 'تأخر سداد الإيجار ثلاثة أشهر' });
    expect(requestData!.householdMembers).toEqual([expect.objectContaining({ fullName: 'هند الابنة' })]);
    expect(requestData!.documents).toEqual([expect.objectContaining({ originalName: 'هند-عقد.pdf' })]);
    expect(requestData!.declarations).toEqual([expect.objectContaining({ signatureName: 'هند توقيع' })]);
    expect(requestData!.decisions).toEqual([expect.objectContaining({ outcome: 'accept', amount: 1500 })]);
    expect(requestData!.services).toEqual([expect.objectContaining({ amount: 1500, deliveredOn: '2026-02-20' })]);
    expect(body.messages).toEqual([expect.objectContaining({ body: 'هند وصل طلبك' }), expect.objectContaining({ template: 'dataRequestReceived' })]);
    expect(body.questions).toEqual([expect.objectContaining({ question: 'هند متى يصدر القرار؟' })]);
    expect(body.contacts).toEqual([expect.objectContaining({ subject: 'هند استفسار هاتفي' })]);
    expect(body.ratings).toEqual([expect.objectContaining({ comment: 'هند خدمة ممتازة' })]);
    expect(body.dataRequests).toEqual([expect.objectContaining({ kind: 'completion', details: 'هند استكمال' })]);

    // Nothing of the other beneficiary, nothing anonymous, no internal committee notes.
    expect(response.text).not.toContain('منيرة');
    expect(response.text).not.toContain(other.nationalId);
    expect(response.text).not.toContain('+966509998877');
    expect(response.text).not.toContain('تعليق مجهول');
    expect(response.text).not.toContain('ملاحظة داخلية');

    const audited = await withPrisma(testApp, (prisma) => prisma.auditEntry.findMany({ where: { action: 'my_data.download' } }));
    expect(audited).toEqual([expect.objectContaining({ actorType: 'beneficiary', actorId: hind.beneficiaryId })]);
  });

  it('shows the same data on the page and the printable page, with labels in Arabic', async () => {
    const agent = await signInBeneficiary(testApp, hind.nationalId);
    for (const path of ['/account/my-data', '/account/my-data/print']) {
      const page = await agent.get(path);
      expect(page.status).toBe(200);
      for (const text of ['اكتمل التسجيل في الجمعية', 'سداد إيجار', 'هند عبدالله الشمري', 'هند الابنة', 'هند-عقد.pdf', 'هند توقيع', 'هند وصل طلبك', 'هند متى يصدر القرار؟', 'هند استفسار هاتفي', 'هند خدمة ممتازة', 'أفراد الأسرة', 'الرسائل المرسلة إليّ']) {
        expect(page.text).toContain(text);
      }
      expect(page.text).not.toContain('منيرة');
    }
    const english = await agent.get('/account/my-data?lng=en');
    expect(english.text).toContain('Family members');
  });

  it('records consent to optional messages and its withdrawal, and holds back optional messages without it', async () => {
    const agent = await signInBeneficiary(testApp, hind.nationalId);
    const page = await agent.get('/account/my-data');
    expect(page.text).toContain('data-qa="optional-messages-state"');
    const invalid = await agent.post('/account/my-data/consent').type('form').send({ _csrf: csrfFrom(page.text), optionalMessages: 'maybe' });
    expect(invalid.status).toBe(400);
    expect(invalid.text).toContain('اختر نعم أو لا');

    const enqueueOptional = () =>
      testApp.data.transaction((repositories) =>
        testApp.services.notifications.enqueue(repositories, { template: 'someReminder', beneficiaryId: hind.beneficiaryId, mobile: '+966501112233' }),
      );
    const countOptional = () => withPrisma(testApp, (prisma) => prisma.notification.count({ where: { template: 'someReminder' } }));
    await enqueueOptional();
    expect(await countOptional()).toBe(0);

    const given = await agent.post('/account/my-data/consent').type('form').send({ _csrf: csrfFrom(page.text), optionalMessages: 'yes' });
    expect(given.status).toBe(303);
    await enqueueOptional();
    expect(await countOptional()).toBe(1);

    testApp.clock.advanceDays(1);
    await agent.post('/account/my-data/consent').type('form').send({ _csrf: csrfFrom(page.text), optionalMessages: 'no' });
    await enqueueOptional();
    expect(await countOptional()).toBe(1);

    const records = await withPrisma(testApp, (prisma) => prisma.consentRecord.findMany({ where: { beneficiaryId: hind.beneficiaryId }, orderBy: { id: 'asc' } }));
    expect(records.map((record) => [record.purpose, record.granted, record.noticeVersion])).toEqual([
      ['optional_messages', true, 'v1'],
      ['optional_messages', false, 'v1'],
    ]);
    const download = JSON.parse((await agent.get('/account/my-data/download')).text) as { consents: unknown[] };
    expect(download.consents).toHaveLength(2);
    const other = await withPrisma(testApp, (prisma) => prisma.consentRecord.count({ where: { beneficiaryId: { not: hind.beneficiaryId } } }));
    expect(other).toBe(0);
  });

  it('keeps a decision not yet told out of the data, status included', async () => {
    const undecided = await fullHistory(testApp, 'جواهر', { status: 'accepted', mobile: '+966509990001' });
    await withPrisma(testApp, async (prisma) => {
      await prisma.decision.updateMany({ where: { requestId: undecided.requestId }, data: { releasedAt: null } });
      await prisma.supportRequest.update({ where: { id: undecided.requestId }, data: { decisionReleasedAt: null } });
    });
    const agent = await signInBeneficiary(testApp, undecided.nationalId);
    const body = JSON.parse((await agent.get('/account/my-data/download')).text) as { requests: { status: string; decisions: unknown[] }[] };
    expect(body.requests[0]).toMatchObject({ status: 'with_committee', decisions: [] });
    expect((await agent.get('/account/my-data')).text).not.toContain('>accepted<');
  });

  it('does not show another beneficiary\'s data request', async () => {
    const agent = await signInBeneficiary(testApp, hind.nationalId);
    const othersRequest = await withPrisma(testApp, (prisma) => prisma.dataRequest.findFirstOrThrow({ where: { beneficiaryId: other.beneficiaryId } }));
    expect((await agent.get(`/account/data-requests/${othersRequest.id}`)).status).toBe(404);
  });
});
