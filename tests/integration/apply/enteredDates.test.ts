import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, csrfFrom, type TestApp } from '../../support/testApp.ts';
import { registerAndVerify } from '../account/support.ts';

type Agent = ReturnType<typeof request.agent>;
let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

async function post(agent: Agent, path: string, fields: Record<string, string>) {
  const page = await agent.get(path.split('?')[0] ?? path);
  return agent.post(path).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}

const inputValue = (html: string, id: string) => new RegExp(`id="${id}"[^>]*value="([^"]*)"`).exec(html)?.[1];

describe('a date typed in Hijri', () => {
  it('comes back in Hijri, exactly as typed, on "change" and on every display', async () => {
    const agent = request.agent(testApp.app);
    await agent.get('/apply');
    await post(agent, '/apply/eligibility', { livesInServiceArea: 'yes', city: 'الرياض' });
    await registerAndVerify(testApp, { agent });
    expect((await agent.get('/apply/resume')).headers.location).toBe('/apply/personal');
    const saved = await post(agent, '/apply/personal', {
      fullName: 'فاطمة علي الزهراني',
      nationality: 'saudi',
      maritalStatus: 'widowed',
      // Arabic-Indic digits are accepted as typed.
      'birthDate-day': '١٠', 'birthDate-month': '٦', 'birthDate-year': '١٤٠٥', 'birthDate-calendar': 'hijri',
      'idExpiryDate-day': '15', 'idExpiryDate-month': '6', 'idExpiryDate-year': '1455', 'idExpiryDate-calendar': 'hijri',
    });
    expect(saved.headers.location).toBe('/apply/contact');

    const change = await agent.get('/apply/personal?returnTo=check');
    expect(change.text).toMatch(/value="hijri" checked data-qa="birthDate-calendar-hijri"/);
    expect([inputValue(change.text, 'birthDate-day'), inputValue(change.text, 'birthDate-month'), inputValue(change.text, 'birthDate-year')]).toEqual(['10', '6', '1405']);
    expect(inputValue(change.text, 'idExpiryDate-year')).toBe('1455');

    // Saving the same page again is not refused as out of range.
    const again = await post(agent, '/apply/personal?returnTo=check', {
      fullName: 'فاطمة علي الزهراني', nationality: 'saudi', maritalStatus: 'widowed',
      'birthDate-day': '10', 'birthDate-month': '6', 'birthDate-year': '1405', 'birthDate-calendar': 'hijri',
      'idExpiryDate-day': '15', 'idExpiryDate-month': '6', 'idExpiryDate-year': '1455', 'idExpiryDate-calendar': 'hijri',
    });
    expect(again.status).toBe(303);

    // The only request in this file's fresh database.
    const stored = await testApp.data.repositories.requests.findById(1);
    if (!stored) throw new Error('no request');
    expect(stored.fullName).toBe('فاطمة علي الزهراني');
    // Published table before 1420 AH, computed (KACST/ICU) table after.
    expect(stored.birthDate).toBe('1985-03-01');
    expect(stored.birthDateEntered).toBe('hijri 1405-06-10');
    expect(stored.idExpiryDate).toBe('2033-09-10');
    expect(stored.idExpiryDateEntered).toBe('hijri 1455-06-15');
  });
});
