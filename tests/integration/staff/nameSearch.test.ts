import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { dataAccess } from '../../../src/data/index.ts';
import { sqliteFilePath } from '../../../src/data/prismaClient.ts';
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
    const file = sqliteFilePath(testApp.config.databaseUrl);
    const raw = new Database(file);
    const inserted = raw
      .prepare(
        "INSERT INTO Beneficiary (nationalId, fullName, updatedAt) VALUES (?, 'سلمى إبراهيم', '2026-03-01T08:00:00.000+00:00')",
      )
      .run(nextNationalId());
    raw.close();
    expect(await found('ابراهيم')).not.toContain(Number(inserted.lastInsertRowid));
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
      expect(results.map((row) => row.id)).toEqual([Number(inserted.lastInsertRowid)]);
    } finally {
      await restarted.close();
    }
    expect(await found('ابراهيم')).toContain(Number(inserted.lastInsertRowid));
  });
});
