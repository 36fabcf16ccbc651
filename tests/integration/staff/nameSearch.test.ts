import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataAccess } from '../../../src/data/index.ts';
import { withPrisma } from '../committee/fixtures.ts';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';
import { nextNationalId, submittedRequest } from './intakeFixtures.ts';

type Agent = Awaited<ReturnType<typeof agentWithRole>>['agent'];

let testApp: TestApp;
let officer: Agent;

beforeAll(async () => {
  testApp = await createTestApp();
  officer = (await agentWithRole(testApp, ['relations_officer'])).agent;
});
afterAll(() => testApp.close());

async function person(fullName: string | null) {
  return testApp.data.repositories.beneficiaries.create({
    nationalId: nextNationalId(),
    fullName,
    passwordHash: null,
  });
}

async function found(q: string): Promise<number[]> {
  const response = await officer.get('/staff').query({ q });
  expect(response.status).toBe(200);
  return [...response.text.matchAll(/\/staff\/beneficiaries\/(\d+)/g)].map((match) =>
    Number(match[1]),
  );
}

describe('reception search by name', () => {
  it('finds a name however it is spelled: hamza, taa marbuta, alef maqsura, diacritics, tatweel, عبد ال…', async () => {
    const ahmad = await person('أحمد عبد الله الشهري');
    const fatima = await person('فاطمة مصطفى');
    expect(await found('احمد')).toContain(ahmad.id);
    expect(await found('عبدالله')).toContain(ahmad.id);
    expect(await found('أَحْمَد عبد اللـه')).toContain(ahmad.id);
    expect(await found('فاطمه')).toContain(fatima.id);
    expect(await found('مصطفي')).toContain(fatima.id);
    expect(await found('طمة مص')).toContain(fatima.id);
    expect(await found('احمد')).not.toContain(fatima.id);
  });

  it('finds a person by the name on their request, and follows a renamed person', async () => {
    const { beneficiary } = await submittedRequest(testApp); // the request carries فاطمة محمد العتيبي
    expect(await found('العتيبى')).toContain(beneficiary.id);
    const renamed = await person('خالد سعيد');
    expect(await found('خالد')).toContain(renamed.id);
    await testApp.data.repositories.beneficiaries.update(renamed.id, { fullName: 'يوسف سعيد' });
    expect(await found('خالد')).not.toContain(renamed.id);
    expect(await found('يوسف')).toContain(renamed.id);
  });

  it('matches a two-letter search on the start of the name (too short for a substring index)', async () => {
    const short = await person('زكي العمري');
    expect(await found('زك')).toContain(short.id);
    expect(await found('كي')).not.toContain(short.id);
  });

  it('treats quotes and FTS syntax in the search as plain text', async () => {
    const quoted = await person('نورة "الدوسري" OR');
    for (const q of ['"الدوسري"', 'OR نورة', 'نورة* NEAR', '"""'])
      expect((await officer.get('/staff').query({ q })).status).toBe(200);
    expect(await found('نوره الدوسري')).toContain(quoted.id);
  });

  it('gives keys at start-up to names written without one (rows from before the migration)', async () => {
    // Through the client, not the repositories: the row gets no key, like one from before the migration.
    const inserted = await withPrisma(testApp, (prisma) => prisma.beneficiary.create({ data: { nationalId: nextNationalId(), fullName: 'سلمى إبراهيم' } }));
    expect(await found('ابراهيم')).not.toContain(inserted.id);
    // A second process on the same file, as at the next start.
    const restarted = await dataAccess({
      databaseUrl: testApp.config.databaseUrl,
      pruneSessions: false,
    });
    try {
      const results = await restarted.repositories.casework.searchBeneficiaries({
        by: 'name',
        value: 'سلمي ابراهيم',
      });
      expect(results.map((row) => row.id)).toEqual([inserted.id]);
    } finally {
      await restarted.close();
    }
    expect(await found('ابراهيم')).toContain(inserted.id);
  });
});
