import zlib from 'node:zlib';
import express from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createI18n } from '../../../src/i18n.ts';
import { createLogger } from '../../../src/logger.ts';
import { setUpI18n } from '../../../src/middleware/setUpI18n.ts';
import { setUpViews } from '../../../src/middleware/setUpViews.ts';
import { setUpLocals } from '../../../src/middleware/setUpLocals.ts';
import { errorHandler } from '../../../src/middleware/errorHandler.ts';
import { NotFoundError, TransitionRefusedError, VersionConflictError } from '../../../src/services/errors.ts';
import { agentWithRole, createTestApp, type TestApp } from '../../support/testApp.ts';

const ARABIC_PAGE = '<html lang="ar" dir="rtl">';

describe('hostile request bodies get the Arabic error page', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  const post = () => request(testApp.app).post('/staff/login');
  const form = 'application/x-www-form-urlencoded';

  const cases: { name: string; send: () => request.Test; status: number }[] = [
    { name: 'a 10 MB body', send: () => post().set('Content-Type', form).send(`email=${'a'.repeat(10 * 1024 * 1024)}`), status: 413 },
    { name: 'an unknown charset', send: () => post().set('Content-Type', `${form}; charset=klingon`).send('email=a'), status: 415 },
    { name: 'a charset other than UTF-8', send: () => post().set('Content-Type', `${form}; charset=koi8-r`).send('email=a'), status: 415 },
    { name: 'too many fields', send: () => post().set('Content-Type', form).send(Array.from({ length: 2000 }, (_, i) => `f${i}=1`).join('&')), status: 413 },
    { name: 'broken gzip', send: () => post().set('Content-Type', form).set('Content-Encoding', 'gzip').send('definitely not gzip'), status: 400 },
    { name: 'an unsupported encoding', send: () => post().set('Content-Type', form).set('Content-Encoding', 'x-klingon').send('email=a'), status: 415 },
    {
      name: 'a gzip bomb over the limit',
      send: () =>
        post()
          .set('Content-Type', form)
          .set('Content-Encoding', 'gzip')
          .serialize((body) => body)
          .send(zlib.gzipSync(Buffer.alloc(5 * 1024 * 1024, 'a'))),
      status: 413,
    },
  ];

  it.each(cases)('answers $name with $status and the portal page', async ({ send, status }) => {
    const response = await send();
    expect(response.status).toBe(status);
    expect(response.headers['content-type']).toMatch(/text\/html/);
    expect(response.text).toContain(ARABIC_PAGE);
    expect(response.text).not.toContain('<pre>');
    expect(response.text).not.toMatch(/Error|at .*\.js:\d+/);
  });
});

describe('a malformed language cookie', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('is ignored: the page is served in Arabic', async () => {
    for (const cookie of ['lng=%E0%A4%A', 'lng=%', 'lng="en', '=; lng=%ZZ; x']) {
      const response = await request(testApp.app).get('/').set('Cookie', cookie);
      expect(response.status, cookie).toBe(200);
      expect(response.text).toContain(ARABIC_PAGE);
    }
  });

  it('still chooses English when it says so among other cookies', async () => {
    const response = await request(testApp.app).get('/').set('Cookie', 'other=%E0%A4%A; lng=en');
    expect(response.status).toBe(200);
    expect(response.text).toContain('<html lang="en" dir="ltr">');
  });
});

describe('impossible dates in filters', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it.each(['from=2026-99-99', 'to=2026-02-30', 'from=0000-00-00', 'from=2026-13-01&to=2026-01-01'])(
    'answers /admin/audit?%s with 400 and a message beside the filter',
    async (query) => {
      const { agent } = await agentWithRole(testApp, ['admin']);
      const response = await agent.get(`/admin/audit?${query}`);
      expect(response.status).toBe(400);
      expect(response.text).toContain('data-qa="audit-filters"');
      expect(response.text).toContain('أدخل تاريخًا صحيحًا');
    },
  );

  it('keeps accepting real dates', async () => {
    const { agent } = await agentWithRole(testApp, ['manager']);
    expect((await agent.get('/admin/audit?from=2026-02-28&to=2026-03-01')).status).toBe(200);
  });

  it('refuses a "from" after the "to"', async () => {
    const { agent } = await agentWithRole(testApp, ['admin']);
    const response = await agent.get('/admin/audit?from=2026-03-02&to=2026-03-01');
    expect(response.status).toBe(400);
    expect(response.text).toContain('يجب أن يكون تاريخ البداية قبل تاريخ النهاية أو في اليوم نفسه');
  });
});

describe('service errors that no route caught', () => {
  let app: express.Express;
  beforeAll(async () => {
    app = express();
    const config = (await import('../../../src/config.ts')).loadConfig({ NODE_ENV: 'test' });
    setUpViews(app, config);
    app.use(setUpI18n(await createI18n(), { secureCookies: false }));
    app.use(setUpLocals(config));
    app.get('/refused', () => {
      throw new TransitionRefusedError('request.notEditable');
    });
    app.get('/conflict', () => {
      throw new VersionConflictError();
    });
    app.get('/missing', () => {
      throw new NotFoundError();
    });
    app.use(errorHandler(true, createLogger('silent')));
  });

  it.each([
    ['/refused', 422],
    ['/conflict', 409],
    ['/missing', 404],
  ])('%s answers %i with the Arabic page, not 500', async (path, status) => {
    const response = await request(app).get(path);
    expect(response.status).toBe(status);
    expect(response.text).toContain(ARABIC_PAGE);
  });
});
