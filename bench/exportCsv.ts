// Exports 100,000 requests as CSV from one app process and reports time and peak memory.
// Run: node --max-old-space-size=128 --import tsx bench/exportCsv.ts   (a script, not a test)
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { freshDatabaseUrl } from '../tests/support/database.ts';
import { seedBenchmarkDatabase } from './seed.ts';
import { loadConfig } from '../src/config.ts';
import { dataAccess } from '../src/data/index.ts';
import { services as createServices } from '../src/services/index.ts';
import { createI18n } from '../src/i18n.ts';
import { createLogger } from '../src/logger.ts';
import { createApp } from '../src/app.ts';
import { passwordHasher } from '../src/services/passwordHasher.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);

function cookiesFrom(response: Response, jar: Map<string, string>) {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(';');
    const [name, ...value] = pair!.split('=');
    jar.set(name!, value.join('='));
  }
  return [...jar].map(([name, value]) => `${name}=${value}`).join('; ');
}

/** Reads the whole download and throws it away, counting bytes and lines as it goes. */
function download(url: string, cookie: string): Promise<{ bytes: number; lines: number; ms: number }> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    http.get(url, { headers: { cookie } }, (res) => {
      if (res.statusCode !== 200) return reject(new Error(`status ${res.statusCode}`));
      let bytes = 0;
      let lines = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (const byte of chunk) if (byte === 10) lines += 1;
      });
      res.on('end', () => resolve({ bytes, lines, ms: Math.round(performance.now() - started) }));
      res.on('error', reject);
    }).on('error', reject);
  });
}

async function main() {
  const databaseUrl = freshDatabaseUrl();
  await seedBenchmarkDatabase(databaseUrl, REQUESTS, new Date());
  const config = loadConfig({ NODE_ENV: 'test', DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent' });
  const data = await dataAccess({ databaseUrl, pruneSessions: false });
  const i18n = await createI18n();
  const services = createServices(data, config, { translate: i18n.getFixedT('ar'), transport: { send: async () => undefined } });
  await data.repositories.staff.create({ email: 'bench.manager@example.org', fullName: 'مدير للقياس', passwordHash: await passwordHasher.hash('benchmark password 2026'), roles: 'manager' });
  const app = createApp(services, { i18n, logger: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const jar = new Map<string, string>();
  const loginPage = await fetch(`${baseUrl}/staff/login`);
  let cookie = cookiesFrom(loginPage, jar);
  const csrf = /name="_csrf" value="([^"]+)"/.exec(await loginPage.text())![1]!;
  const login = await fetch(`${baseUrl}/staff/login`, { method: 'POST', redirect: 'manual', headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams({ _csrf: csrf, email: 'bench.manager@example.org', password: 'benchmark password 2026' }) });
  cookie = cookiesFrom(login, jar);

  global.gc?.();
  const baselineRss = process.memoryUsage().rss;
  let peakRss = baselineRss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const results: Record<string, unknown>[] = [];
  for (const [name, path] of [
    ['de-identified export (every submitted request)', '/admin/exports/deidentified'],
    ['committee queue export (with the committee)', '/committee/export'],
  ] as const) {
    const result = await download(baseUrl + path, cookie);
    results.push({ name, rows: result.lines - 1, megabytes: +(result.bytes / 1e6).toFixed(1), seconds: +(result.ms / 1000).toFixed(1), rowsPerSecond: Math.round(((result.lines - 1) * 1000) / result.ms) });
  }
  clearInterval(sampler);
  console.table(results);
  console.log(`RSS before the exports: ${Math.round(baselineRss / 1e6)} MB; peak during them: ${Math.round(peakRss / 1e6)} MB`);
  server.close();
  await data.close();
}

await main();
