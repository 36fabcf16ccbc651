import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { freshDatabaseUrl } from '../tests/support/database.ts';
import { seedBenchmarkDatabase, type SeedResult } from './seed.ts';
import { benchEngine, copyToPostgres } from './toPostgres.ts';
import { countQueriesPerPage, timeNameSearches, type PageRequest } from './inProcess.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const SEARCH_RUNS = 30;
/** BENCH_PAGES=staffFile,stepSave measures only those pages (and the ceiling), for quick iterations. */
const ONLY_PAGES = process.env.BENCH_PAGES ? new Set(process.env.BENCH_PAGES.split(',')) : null;
const wanted = (id: string) => !ONLY_PAGES || ONLY_PAGES.has(id);

interface Measurement {
  name: string;
  path: string;
  method: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  /** Responses received in the run: 0 with 0 errors means nothing came back, not success. */
  answered: number;
  errors: number;
  bytesPerResponse: number;
  ratioToCeiling?: number;
  /** SQL statements the page runs per request (BEGIN and COMMIT included), counted in-process with caches off. */
  queriesPerRequest?: number;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

function start(script: string, env: Record<string, string>): ChildProcess {
  // One process per server, so its pid is the one whose memory we read. The app runs as
  // `npm start` runs it: compiled JavaScript on plain node; TypeScript files go through tsx.
  // The app gets the same memory settings as in `npm start`: a small young generation, a bounded
  // old generation (V8 then collects before growing) and two malloc arenas.
  const args = script.endsWith('.ts') ? ['--import', 'tsx', script] : ['--max-semi-space-size=8', '--max-old-space-size=128', script];
  // BENCH_CPU_PROF=dir: each app instance writes a V8 CPU profile there when it stops (bench/profileTop.ts reads it).
  if (process.env.BENCH_CPU_PROF && !script.endsWith('.ts')) args.unshift('--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF);
  const child = spawn(process.execPath, args, {
    env: { ...process.env, MALLOC_ARENA_MAX: '2', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    if (process.env.BENCH_VERBOSE) process.stdout.write(chunk);
  });
  return child;
}

async function waitForHttp(url: string, timeoutMs = 30_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    try {
      const response = await fetch(url);
      if (response.status < 500) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not answer within ${timeoutMs} ms`);
}

function memoryKb(pid: number, field: 'VmHWM' | 'VmRSS'): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0);
}

/** Production cookies are Secure; the app trusts the proxy header we send, as it would behind TLS. */
const FORWARDED = { 'x-forwarded-proto': 'https' };

class CookieJar {
  private cookies = new Map<string, string>();
  store(response: Response) {
    for (const header of response.headers.getSetCookie()) {
      const [pair] = header.split(';');
      const [name, ...value] = pair!.split('=');
      this.cookies.set(name!.trim(), value.join('='));
    }
  }
  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }
}

function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

async function signIn(baseUrl: string, email: string, password: string) {
  return signInAt(baseUrl, '/staff/login', { email, password });
}

/** Signs in through a form (staff or beneficiary) and keeps the session cookie. */
async function signInAt(baseUrl: string, loginPath: string, fields: Record<string, string>) {
  const jar = new CookieJar();
  const loginPage = await fetch(`${baseUrl}${loginPath}`, { headers: FORWARDED });
  jar.store(loginPage);
  const login = await fetch(`${baseUrl}${loginPath}`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...FORWARDED, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await loginPage.text()), ...fields }),
  });
  if (login.status !== 303) throw new Error(`sign-in at ${loginPath} failed with ${login.status}`);
  jar.store(login);
  return jar;
}

async function measure(
  name: string,
  url: string,
  options: { method?: 'GET' | 'POST'; headers?: Record<string, string>; body?: string; connections?: number } = {},
): Promise<Measurement> {
  const result = await autocannon({
    url,
    connections: options.connections ?? CONNECTIONS,
    duration: DURATION_SECONDS,
    method: options.method ?? 'GET',
    headers: { ...FORWARDED, ...options.headers },
    body: options.body,
  });
  return {
    name,
    path: new URL(url).pathname + new URL(url).search,
    method: options.method ?? 'GET',
    requestsPerSecond: Math.round(result.requests.average),
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    non2xx: result.non2xx,
    answered: result.requests.total,
    errors: result.errors + result.timeouts,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

interface Verdict {
  value: number;
  target: string;
  met: boolean;
}

interface Sessions {
  committee: string;
  officer: string;
  beneficiary: string;
  /** Per-session CSRF tokens (csrf-sync keeps one token per session). */
  committeeCsrf: string;
  beneficiaryCsrf: string;
}

async function pageText(baseUrl: string, pagePath: string, cookie: string): Promise<string> {
  const response = await fetch(`${baseUrl}${pagePath}`, { headers: { ...FORWARDED, cookie } });
  if (response.status !== 200) throw new Error(`${pagePath} answered ${response.status}`);
  return response.text();
}

async function signInEveryone(baseUrl: string, seed: SeedResult): Promise<Sessions> {
  const committee = (await signIn(baseUrl, seed.committeeEmail, seed.committeePassword)).header();
  const officer = (await signIn(baseUrl, seed.officerEmail, seed.officerPassword)).header();
  const beneficiary = (await signInAt(baseUrl, '/account/login', { nationalId: seed.beneficiaryNationalId, password: seed.beneficiaryPassword })).header();
  return {
    committee,
    officer,
    beneficiary,
    committeeCsrf: csrfFrom(await pageText(baseUrl, `/committee/requests/${seed.sampleRequestId}`, committee)),
    beneficiaryCsrf: csrfFrom(await pageText(baseUrl, '/apply/contact', beneficiary)),
  };
}

type PageId =
  | 'public'
  | 'queue'
  | 'staffFile'
  | 'committeeFile'
  | 'recommendationSave'
  | 'stepSave'
  | 'accountRequests'
  | 'accountRequest'
  | 'staffHome'
  | 'indicators'
  | 'signedIn403';

const QUEUE_PATH = `/committee?${new URLSearchParams({ city: 'الرياض', supportType: 'rent', page: '2' })}`;
const FORM = { 'content-type': 'application/x-www-form-urlencoded' };

/** Every page the benchmark measures, as one request the load generator repeats. */
function pages(seed: SeedResult, sessions: Sessions): Record<PageId, PageRequest & { name: string }> {
  return {
    public: { name: 'public start page', path: '/' },
    queue: { name: 'committee queue (city + support type, page 2)', path: QUEUE_PATH, cookie: sessions.committee },
    staffFile: { name: 'request file page (staff)', path: `/staff/requests/${seed.officerRequestId}`, cookie: sessions.officer },
    committeeFile: { name: 'request file page (committee)', path: `/committee/requests/${seed.sampleRequestId}`, cookie: sessions.committee },
    recommendationSave: {
      name: 'recommendation save (POST + CSRF)',
      path: `/committee/requests/${seed.sampleRequestId}/recommendation`,
      method: 'POST',
      cookie: sessions.committee,
      headers: FORM,
      body: new URLSearchParams({ _csrf: sessions.committeeCsrf, recommendation: 'accept', note: 'قياس الأداء' }).toString(),
    },
    stepSave: {
      name: 'journey step save /apply/contact (POST + CSRF)',
      path: '/apply/contact',
      method: 'POST',
      cookie: sessions.beneficiary,
      headers: FORM,
      body: new URLSearchParams({ _csrf: sessions.beneficiaryCsrf, city: 'الرياض', district: 'النسيم', email: '' }).toString(),
    },
    accountRequests: { name: "beneficiary's requests /account/requests", path: '/account/requests', cookie: sessions.beneficiary },
    accountRequest: { name: "beneficiary's request page", path: `/account/requests/${seed.beneficiaryClosedRequestId}`, cookie: sessions.beneficiary },
    staffHome: { name: 'staff home /staff (awaiting verification)', path: '/staff', cookie: sessions.officer },
    indicators: { name: `indicators /admin/indicators (${REQUESTS.toLocaleString('en')} requests)`, path: '/admin/indicators', cookie: sessions.officer },
    signedIn403: { name: 'diagnostic: signed-in 403 page (session + staff lookup only)', path: '/admin/staff', cookie: sessions.committee },
  };
}

/**
 * autocannon stops sending at the end of a run, but the app still works through the requests it has
 * queued; on a slow page that backlog would be billed to the next page (it answered nothing in 8 s).
 * Waits until /healthz answers within 200 ms again, or 60 s at most.
 */
async function drained(baseUrl: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const started = Date.now();
    try {
      await (await fetch(`${baseUrl}/healthz`)).arrayBuffer();
      if (Date.now() - started < 200) return;
    } catch {
      // refused while busy: try again
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

async function measurePage(baseUrl: string, page: PageRequest & { name: string }, connections = CONNECTIONS, label = page.name) {
  await drained(baseUrl);
  return measure(label, `${baseUrl}${page.path}`, {
    method: page.method,
    headers: { ...(page.cookie ? { cookie: page.cookie } : {}), ...page.headers },
    body: page.body,
    connections,
  });
}

async function main() {
  const startedAt = Date.now();
  const seededUrl = freshDatabaseUrl();
  console.log(`Seeding ${REQUESTS.toLocaleString('en')} requests into ${seededUrl} ...`);
  const seed = await seedBenchmarkDatabase(seededUrl, REQUESTS, new Date());
  // The engine comes from the environment: BENCH_DATABASE=postgres copies the seeded rows into PostgreSQL.
  const databaseUrl = benchEngine() === 'postgresql' ? await copyToPostgres(seededUrl) : seededUrl;
  console.log(`Seeded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s (${benchEngine()})`);

  console.log('Building the app (npm run build) ...');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const appEnvironment = (port: number, extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-session-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(path.dirname(seededUrl.replace(/^file:/, '')), 'uploads'),
    TRUST_PROXY: 'true',
    ADMIN_EMAIL: 'bench.admin@example.org',
    ADMIN_PASSWORD: 'benchmark admin password',
    LOGIN_RATE_LIMIT: '1000',
    ...extra,
  });

  // Before any load: queries per page and the name search, in this process with the caches off.
  console.log('Counting queries per page and timing the name search (in-process, caches off) ...');
  const queryCounts = await countQueriesPerPage<PageId>(appEnvironment(3000, { READ_CACHE_SECONDS: '0' }), async (baseUrl) =>
    pages(seed, await signInEveryone(baseUrl, seed)),
  );
  const nameSearch = await timeNameSearches(databaseUrl, ['مستفيد رقم 4321', 'رقم 777', 'مستفيد', 'مس', 'مستفيدة القياس'], SEARCH_RUNS);

  const [appPort, ceilingPort, uncachedPort] = await Promise.all([freePort(), freePort(), freePort()]);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
  const uncachedUrl = `http://127.0.0.1:${uncachedPort}`;
  const children: ChildProcess[] = [];
  const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('exit', stopAll);

  try {
    // Instance A, as deployed (read caches on): the public page and the cached queue.
    const app = start('dist/src/server.js', appEnvironment(appPort));
    children.push(app);
    await waitForHttp(`${appUrl}/`);
    const homeBytes = Buffer.byteLength(await (await fetch(`${appUrl}/`, { headers: FORWARDED })).text());
    const ceiling = start('bench/ceiling.ts', { PORT: String(ceilingPort), CEILING_PAGE_BYTES: String(homeBytes), NODE_ENV: 'production' });
    children.push(ceiling);
    await waitForHttp(`${ceilingUrl}/`);
    const cached = pages(seed, await signInEveryone(appUrl, seed));

    let peakRssKb = 0;
    let sampled: ChildProcess = app;
    const sampler = setInterval(() => {
      try {
        peakRssKb = Math.max(peakRssKb, memoryKb(sampled.pid!, 'VmRSS'));
      } catch {
        // the process is gone; the final VmHWM read reports it
      }
    }, 100);

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per page ...`);
    const results: Measurement[] = [];
    const byId = new Map<string, Measurement>();
    const record = (id: string, measurement: Measurement, queryPage?: PageId) => {
      measurement.queriesPerRequest = queryPage ? queryCounts.get(queryPage)?.queries : undefined;
      results.push(measurement);
      byId.set(id, measurement);
    };
    record('ceiling', await measure('ceiling: bare Express + EJS', `${ceilingUrl}/`));
    if (wanted('public')) record('public', await measurePage(appUrl, cached.public), 'public');
    if (wanted('queueCached')) {
      record('queueCached', await measurePage(appUrl, cached.queue, CONNECTIONS, 'committee queue, read caches on'), 'queue');
      record('queueCached5', await measurePage(appUrl, cached.queue, 5, 'diagnostic: committee queue, caches on, 5 connections'));
    }
    const cachedHighWaterKb = memoryKb(app.pid!, 'VmHWM');
    app.kill('SIGTERM');

    // Instance B, read caches off (READ_CACHE_SECONDS=0): every request reads the session, the
    // staff member or beneficiary and the page's data from the database.
    const uncached = start('dist/src/server.js', appEnvironment(uncachedPort, { READ_CACHE_SECONDS: '0' }));
    children.push(uncached);
    sampled = uncached;
    await waitForHttp(`${uncachedUrl}/`);
    const off = pages(seed, await signInEveryone(uncachedUrl, seed));
    const uncachedPages: PageId[] = [
      'queue',
      'staffFile',
      'committeeFile',
      'recommendationSave',
      'stepSave',
      'accountRequests',
      'accountRequest',
      'staffHome',
      'indicators',
      'signedIn403',
    ];
    for (const id of uncachedPages.filter(wanted)) {
      const label = id === 'queue' ? 'committee queue, read caches off' : off[id].name;
      record(id, await measurePage(uncachedUrl, off[id], CONNECTIONS, label), id);
    }
    if (wanted('accountRequests200')) record('accountRequests200', await measurePage(uncachedUrl, off.accountRequests, 200, "beneficiary's requests, 200 connections"), 'accountRequests');
    clearInterval(sampler);
    const highWaterMb = Math.max(cachedHighWaterKb, memoryKb(uncached.pid!, 'VmHWM'), peakRssKb) / 1024;
    uncached.kill('SIGTERM');

    const ceilingRate = byId.get('ceiling')!.requestsPerSecond;
    for (const result of results) result.ratioToCeiling = Number((result.requestsPerSecond / ceilingRate).toFixed(2));
    const m = (id: string) => byId.get(id)!;
    const ratio = (id: string, min: number) => ({ value: m(id).ratioToCeiling!, target: `>= ${min}x`, met: m(id).ratioToCeiling! >= min });
    const p99 = (id: string, max: number) => ({ value: m(id).p99Ms, target: `<= ${max} ms`, met: m(id).p99Ms <= max });
    // A page left out with BENCH_PAGES has no verdict.
    const verdictFor = (id: string, verdict: () => Verdict) => (byId.has(id) ? verdict() : undefined);
    const slowestSearch = Math.max(...nameSearch.map((search) => search.medianMs));
    const allVerdicts: Record<string, Verdict | undefined> = {
      'request file page (staff), caches off: ratio': verdictFor('staffFile', () => ratio('staffFile', 0.25)),
      'request file page (staff), caches off: p99': verdictFor('staffFile', () => p99('staffFile', 150)),
      'request file page (committee), caches off: ratio': verdictFor('committeeFile', () => ratio('committeeFile', 0.25)),
      'request file page (committee), caches off: p99': verdictFor('committeeFile', () => p99('committeeFile', 150)),
      'step save: ratio': verdictFor('stepSave', () => ratio('stepSave', 0.2)),
      'step save: p99': verdictFor('stepSave', () => p99('stepSave', 150)),
      'recommendation save: ratio': verdictFor('recommendationSave', () => ratio('recommendationSave', 0.2)),
      'recommendation save: p99': verdictFor('recommendationSave', () => p99('recommendationSave', 150)),
      '/account/requests, caches off: ratio': verdictFor('accountRequests', () => ratio('accountRequests', 0.3)),
      "beneficiary's request page, caches off: ratio": verdictFor('accountRequest', () => ratio('accountRequest', 0.3)),
      '/account/requests at 200 connections: errors and timeouts': verdictFor('accountRequests200', () => ({
        value: m('accountRequests200').errors,
        target: '= 0, with responses',
        met: m('accountRequests200').errors === 0 && m('accountRequests200').answered > 0,
      })),
      'committee queue, caches off: ratio': verdictFor('queue', () => ratio('queue', 0.25)),
      'committee queue, caches on: p99': verdictFor('queueCached', () => p99('queueCached', 100)),
      'public page: ratio': verdictFor('public', () => ratio('public', 0.7)),
      'peak RSS (MB)': { value: Math.round(highWaterMb), target: '< 200', met: highWaterMb < 200 },
      [`name search over ${REQUESTS.toLocaleString('en')} people, slowest median (ms)`]: { value: slowestSearch, target: '<= 20', met: slowestSearch <= 20 },
    };
    const verdicts = Object.fromEntries(Object.entries(allVerdicts).filter((entry): entry is [string, Verdict] => entry[1] !== undefined));
    const report = {
      at: new Date().toISOString(),
      node: process.version,
      cpus: os.cpus().length,
      // Other work on the machine skews every number; the load average says how much there was.
      loadAverageAtEnd: os.loadavg().map((value) => Number(value.toFixed(2))),
      requestsInDatabase: REQUESTS,
      connections: CONNECTIONS,
      durationSeconds: DURATION_SECONDS,
      pageBytes: homeBytes,
      results,
      nameSearch,
      peakRssMb: Math.round(highWaterMb),
      verdicts,
    };
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2));

    const lines = [
      '| Page | Method | conns | req/s | p50 (ms) | p99 (ms) | x ceiling | queries/req | non-2xx | errors |',
      '|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) =>
          `| ${r.name} | ${r.method} | ${r.name.includes('200 connections') ? 200 : r.name.includes('5 connections') ? 5 : CONNECTIONS} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.ratioToCeiling} | ${r.queriesPerRequest ?? '—'} | ${r.non2xx} | ${r.errors} |`,
      ),
      '',
      '| Page (in-process, caches off, one request at a time) | queries/req | CPU ms/req | wall ms/req |',
      '|---|---:|---:|---:|',
      ...[...queryCounts].map(([id, cost]) => `| ${id} | ${cost.queries} | ${cost.cpuMs} | ${cost.wallMs} |`),
      '',
      '| Name search (in-process, one at a time) | matches shown | median (ms) | slowest (ms) |',
      '|---|---:|---:|---:|',
      ...nameSearch.map((search) => `| ${search.query} | ${search.results} | ${search.medianMs} | ${search.maxMs} |`),
      '',
      `Peak RSS of the app processes: ${Math.round(highWaterMb)} MB (${REQUESTS.toLocaleString('en')} requests in the database, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)})`,
      'POSTs answer 303 (post/redirect/get), which autocannon counts as non-2xx.',
      '',
      ...Object.entries(verdicts).map(([name, v]) => `- ${name}: ${v.value} (target ${v.target}) — ${v.met ? 'met' : 'NOT met'}`),
    ];
    console.log(`\n${lines.join('\n')}\n\nWritten to bench/results/latest.json`);
  } finally {
    stopAll();
  }
}

main().catch((error) => {
  console.error(error);
  process.exitCode = 1;
});
