import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import request from 'supertest';
import { agentWithRole, createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { nextNationalId, submittedRequest, versionOf } from './intakeFixtures.ts';
import { createI18n } from '../../../src/i18n.ts';
import { withPrisma } from '../committee/fixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;

beforeAll(async () => {
  testApp = await createTestApp();
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
});
afterAll(() => testApp.close());

async function walkIn(): Promise<number> {
  const page = await officer.get('/staff/walk-in');
  const opened = await officer.post('/staff/walk-in').type('form').send({ _csrf: csrfFrom(page.text), nationalId: nextNationalId(), mobile: '', channel: 'interview' });
  return Number(/\/staff\/requests\/(\d+)\/details/.exec(opened.headers.location ?? '')?.[1]);
}

async function post(requestId: number, page: string, action: string, fields: Record<string, string>) {
  const html = (await officer.get(page)).text;
  return officer.post(action).type('form').send({ _csrf: csrfFrom(html), version: String(await versionOf(testApp, requestId)), ...fields });
}

describe('staff forms speak about the beneficiary, not to them', () => {
  it('words the shared errors about the beneficiary on the officer\'s pages', async () => {
    const id = await walkIn();
    const details = await post(id, `/staff/requests/${id}/details`, `/staff/requests/${id}/details`, { fullName: 'هند علي', needDescription: 'قصير' });
    expect(details.status).toBe(400);
    expect(details.text).toContain('حدد ما إذا كان المستفيد يسكن في نطاق خدمة الجمعية');
    expect(details.text).toContain('وضّح احتياج المستفيد بتفصيل أكثر');
    expect(details.text).not.toContain('حدد ما إذا كنت تسكن');
    expect(details.text).not.toContain('احتياجك');

    const sign = await post(id, `/staff/requests/${id}/sign`, `/staff/requests/${id}/sign`, { signatureName: '', signedBeforeMe: 'yes' });
    expect(sign.status).toBe(400);
    expect(sign.text).toContain('اكتب اسم المستفيد كما وقّع');
    expect(sign.text).not.toContain('اكتب اسمك');
  });

  it('keeps the applicant\'s own wording on the applicant\'s pages', async () => {
    const ar = (await createI18n()).getFixedT('ar');
    expect(ar('errors:eligibility.required')).toBe('حدد ما إذا كنت تسكن في نطاق خدمة الجمعية');
    expect(ar('errors:eligibility.required', { context: 'staff' })).toBe('حدد ما إذا كان المستفيد يسكن في نطاق خدمة الجمعية');
  });

  it('shows the officer the same versioned declaration the applicant signs', async () => {
    const id = await walkIn();
    const page = await officer.get(`/staff/requests/${id}/sign`);
    expect(page.text).toContain('مسؤولية صحتها تقع عليّ');
    expect(page.text).not.toContain('مسؤول مسؤولية');
  });
});

describe('removing a household member', () => {
  it('asks first: the remove button sits inside a details element with the question', async () => {
    const id = await walkIn();
    const added = await post(id, `/staff/requests/${id}/household`, `/staff/requests/${id}/household`, {
      intent: 'add', fullName: 'سارة علي', relation: 'daughter', 'birthDate-day': '1', 'birthDate-month': '3', 'birthDate-year': '2012', 'birthDate-calendar': 'gregorian',
    });
    expect(added.status).toBe(303);
    const page = (await officer.get(`/staff/requests/${id}/household`)).text;
    const details = page.slice(page.indexOf('data-qa="remove-member-details"'));
    expect(details.indexOf('حذف سارة علي من أفراد الأسرة')).toBeGreaterThan(0);
    expect(details.indexOf('data-qa="remove-member"')).toBeLessThan(details.indexOf('</details>'));
  });
});

describe('possible duplicates', () => {
  it('flags a household member who is another family\'s applicant, however the name is spelt', async () => {
    const other = await submittedRequest(testApp);
    const otherRequest = await testApp.data.repositories.requests.findById(other.id);
    const id = await walkIn();
    const added = await post(id, `/staff/requests/${id}/household`, `/staff/requests/${id}/household`, {
      intent: 'add', fullName: 'فاطمه محمد العتيبي', relation: 'spouse', 'birthDate-day': '1', 'birthDate-month': '5', 'birthDate-year': '1985', 'birthDate-calendar': 'gregorian',
    });
    expect(added.status).toBe(303);
    const page = (await officer.get(`/staff/requests/${id}`)).text;
    expect(page).toContain('data-qa="possible-duplicates"');
    expect(page).toContain('فرد الأسرة فاطمه محمد العتيبي');
    expect(page).toContain(`<bdi class="reference">${otherRequest?.reference}</bdi>`);
    // Her own file is flagged too: she appears on this family's request.
    expect((await officer.get(`/staff/requests/${other.id}`)).text).toContain('data-qa="possible-duplicates"');
  });

  it('shows no flag when nobody matches', async () => {
    const id = await walkIn();
    expect((await officer.get(`/staff/requests/${id}`)).text).not.toContain('data-qa="possible-duplicates"');
  });
});

describe('dates as typed on the staff pages', () => {
  it('shows the ID expiry on the verification line and a household birth date as they were typed in Hijri', async () => {
    const id = await walkIn();
    const details = await post(id, `/staff/requests/${id}/details`, `/staff/requests/${id}/details`, {
      livesInServiceArea: 'yes', fullName: 'نورة سعد القحطاني', 'birthDate-day': '1', 'birthDate-month': '5', 'birthDate-year': '1985', 'birthDate-calendar': 'gregorian',
      nationality: 'saudi', maritalStatus: 'widowed', 'idExpiryDate-day': '15', 'idExpiryDate-month': '6', 'idExpiryDate-year': '1455', 'idExpiryDate-calendar': 'hijri',
      city: 'الرياض', district: 'النسيم', email: '', housingType: 'owned', monthlyRent: '', supportType: 'food', needDescription: 'الأسرة تحتاج إلى سلة غذائية شهرية',
    });
    expect(details.status).toBe(303);
    // As if the conversion table had changed since: the page must still show what was typed.
    await withPrisma(testApp, (prisma) => prisma.supportRequest.update({ where: { id }, data: { idExpiryDateEntered: 'hijri 1455-06-14' } }));
    const line = (await officer.get(`/staff/requests/${id}/verification/identity`)).text;
    expect(line).toMatch(/data-qa="id-expiry"[^<]*14\u00a0جمادى\u00a0الآخرة\u00a01455\u00a0هـ/);

    const added = await post(id, `/staff/requests/${id}/household`, `/staff/requests/${id}/household`, {
      intent: 'add', fullName: 'ريم سعد', relation: 'daughter', 'birthDate-day': '1', 'birthDate-month': '9', 'birthDate-year': '1433', 'birthDate-calendar': 'hijri',
    });
    expect(added.status).toBe(303);
    const request = await testApp.data.repositories.requests.findById(id);
    expect(request?.householdMembers[0]).toMatchObject({ birthDateEntered: 'hijri 1433-09-01', nameKey: 'ريم سعد' });
    expect((await officer.get(`/staff/requests/${id}/household`)).text).toContain('1\u00a0رمضان\u00a01433\u00a0هـ');
  });
});

describe('the upload limit in the words', () => {
  it('names MAX_UPLOAD_MB wherever a page mentions it', async () => {
    const small = await createTestApp({ env: { MAX_UPLOAD_MB: '3', MAX_DOCUMENTS_TOTAL_MB: '50' } });
    try {
      const home = await request(small.app).get('/');
      expect(home.text).toContain('3 ميغابايت');
      expect(home.text).not.toContain('5 ميغابايت');
    } finally {
      await small.close();
    }
  });
});
