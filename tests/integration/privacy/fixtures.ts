import request from 'supertest';
import { expect } from 'vitest';
import { csrfFrom, type TestApp } from '../../support/testApp.ts';
import { raisedRequest, withPrisma } from '../committee/fixtures.ts';
import { documentStorage } from '../../../src/data/documentStorage.ts';

export const PASSWORD = 'a good password';

/**
 * A beneficiary with something in every category of "my data", each value marked with `tag` so a
 * test can tell whose data it is looking at.
 */
export async function fullHistory(testApp: TestApp, tag: string, options: { status?: string; mobile?: string } = {}) {
  const fixture = await raisedRequest(testApp, {
    fullName: `${tag} عبدالله الشمري`,
    email: `${tag}@example.org`,
    status: options.status ?? 'registered',
    mobile: options.mobile ?? '+966501112233',
    beneficiaryPassword: PASSWORD,
  });
  const key = await documentStorage(testApp.config.uploadDir).save(Buffer.from(`%PDF-1.4 ${tag}`));
  const now = testApp.clock.now();
  await withPrisma(testApp, async (prisma) => {
    await prisma.householdMember.updateMany({ where: { requestId: fixture.requestId }, data: { fullName: `${tag} الابنة` } });
    await prisma.requestDocument.create({ data: { requestId: fixture.requestId, kind: 'lease', originalName: `${tag}-عقد.pdf`, mimeType: 'application/pdf', sizeBytes: 20, sha256: 'x', storageKey: key } });
    await prisma.declaration.create({ data: { requestId: fixture.requestId, textVersion: 'v1', signatureName: `${tag} توقيع`, signedAt: now, channel: 'website', dataHash: `hash-${tag}` } });
    await prisma.supportRequest.update({ where: { id: fixture.requestId }, data: { decisionReleasedAt: now } });
    await prisma.decision.create({ data: { requestId: fixture.requestId, outcome: 'accept', approvedSupportType: 'rent', amount: 1500, decidedById: 1, decidedAt: now, releasedAt: now, note: `${tag} ملاحظة داخلية` } });
    await prisma.serviceDelivery.create({ data: { requestId: fixture.requestId, beneficiaryId: fixture.beneficiaryId, serviceType: 'rent', amount: 1500, deliveredOn: '2026-02-20', deliveredById: 1 } });
    await prisma.notification.create({ data: { channel: 'sms', recipient: options.mobile ?? '+966501112233', beneficiaryId: fixture.beneficiaryId, template: 'requestSubmitted', body: `${tag} وصل طلبك`, status: 'sent', sentAt: now } });
    await prisma.beneficiaryQuestion.create({ data: { beneficiaryId: fixture.beneficiaryId, requestId: fixture.requestId, question: `${tag} متى يصدر القرار؟`, askedAt: now } });
    await prisma.inquiry.create({ data: { beneficiaryId: fixture.beneficiaryId, requestId: fixture.requestId, channel: 'phone', subject: `${tag} استفسار هاتفي`, answer: 'أجيب', staffId: 1 } });
    await prisma.serviceRating.create({ data: { score: 5, easeScore: 4, comment: `${tag} خدمة ممتازة`, anonymous: false, beneficiaryId: fixture.beneficiaryId, requestId: fixture.requestId, context: 'service', createdAt: now } });
    // An anonymous rating keeps no link, so it is nobody's "my data".
    await prisma.serviceRating.create({ data: { score: 1, easeScore: 1, comment: `${tag} تعليق مجهول`, anonymous: true, context: 'service', createdAt: now } });
  });
  return { ...fixture, storageKey: key };
}

export async function signInBeneficiary(testApp: TestApp, nationalId: string) {
  const agent = request.agent(testApp.app);
  const login = await agent.get('/account/login');
  const signedIn = await agent.post('/account/login').type('form').send({ _csrf: csrfFrom(login.text), nationalId, password: PASSWORD });
  expect(signedIn.status).toBe(303);
  return agent;
}
