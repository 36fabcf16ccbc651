import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';

let testApp: TestApp;
beforeAll(async () => {
  testApp = await createTestApp();
});
afterAll(() => testApp.close());

describe('pages people can reach from where they are', () => {
  it('links every public page to the suggestion and complaint form', async () => {
    for (const path of ['/', '/privacy']) {
      const page = await request(testApp.app).get(path);
      expect(page.text).toMatch(/<a href="\/feedback" data-qa="footer-feedback">اقتراح أو شكوى<\/a>/);
    }
    expect((await request(testApp.app).get('/feedback')).status).toBe(200);
  });

  it('links the staff home to the complaints list and to logging an inquiry from someone not on file', async () => {
    const { agent } = await agentWithRole(testApp, ['relations_officer']);
    const home = await agent.get('/staff');
    expect(home.text).toContain('href="/staff/feedback"');
    expect(home.text).toContain('href="/staff/inquiries/new"');
    expect((await agent.get('/staff/feedback')).status).toBe(200);
    expect((await agent.get('/staff/inquiries/new')).status).toBe(200);
  });
});
