import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { breakDatabase, createTestApp } from '../../support/testApp.ts';

describe('GET /healthz', () => {
  it('answers 200 ok while the database answers, and 503 when it does not', async () => {
    const testApp = await createTestApp();
    const healthy = await request(testApp.app).get('/healthz');
    expect(healthy.status).toBe(200);
    expect(healthy.body).toEqual({ status: 'ok' });

    await breakDatabase(testApp);
    const unhealthy = await request(testApp.app).get('/healthz');
    expect(unhealthy.status).toBe(503);
    expect(unhealthy.body.status).not.toBe('ok');
  });
});
