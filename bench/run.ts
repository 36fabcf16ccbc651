import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import autocannon from 'autocannon';
import { freshDatabaseUrl } from '../tests/support/database.ts';
import { seedBenchmarkDatabase } from './seed.ts';

const REQUESTS = Number(process.env.BENCH_REQUESTS ?? 100_000);
const DURATION_SECONDS = Number(process.env.BENCH_DURATION ?? 10);
const CONNECTIONS = 50;
const TARGETS = { publicRatio: 0.5, queueP99Ms: 100, rssMb: 200 };

interface Measurement {
  name: string;
  path: string;
  method: string;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  non2xx: number;
  errors: number;
  bytesPerResponse: number;
  ratioToCeiling?: number;
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
  const jar = new CookieJar();
  const loginPage = await fetch(`${baseUrl}/staff/login`, { headers: FORWARDED });
  jar.store(loginPage);
  const login = await fetch(`${baseUrl}/staff/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { ...FORWARDED, cookie: jar.header(), 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ _csrf: csrfFrom(await loginPage.text()), email, password }),
  });
  if (login.status !== 303) throw new Error(`sign-in failed with ${login.status}`);
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
    errors: result.errors + result.timeouts,
    bytesPerResponse: result.requests.total ? Math.round(result.throughput.total / result.requests.total) : 0,
  };
}

async function main() {
  const startedAt = Date.now();
  const databaseUrl = freshDatabaseUrl();
  console.log(`Seeding ${REQUESTS.toLocaleString('en')} requests into ${databaseUrl} ...`);
  const seed = await seedBenchmarkDatabase(databaseUrl, REQUESTS, new Date());
  console.log(`Seeded in ${((Date.now() - startedAt) / 1000).toFixed(1)} s`);

  const [appPort, ceilingPort] = await Promise.all([freePort(), freePort()]);
  const appUrl = `http://127.0.0.1:${appPort}`;
  const ceilingUrl = `http://127.0.0.1:${ceilingPort}`;
  console.log('Building the app (npm run build) ...');
  execFileSync('npm', ['run', 'build', '--silent'], { stdio: 'inherit' });
  const appEnvironment = (port: number, extra: Record<string, string> = {}) => ({
    NODE_ENV: 'production',
    SESSION_SECRET: 'benchmark-session-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'warn',
    PORT: String(port),
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: path.join(path.dirname(databaseUrl.replace(/^file:/, '')), 'uploads'),
    TRUST_PROXY: 'true',
    ADMIN_EMAIL: 'bench.admin@example.org',
    ADMIN_PASSWORD: 'benchmark admin password',
    LOGIN_RATE_LIMIT: '1000',
    ...extra,
  });
  const app = start('dist/src/server.js', appEnvironment(appPort));
  const children: ChildProcess[] = [app];
  const stopAll = () => children.forEach((child) => child.kill('SIGTERM'));
  process.on('exit', stopAll);

  try {
    await waitForHttp(`${appUrl}/`);
    const homeBytes = Buffer.byteLength(await (await fetch(`${appUrl}/`, { headers: FORWARDED })).text());
    const ceiling = start('bench/ceiling.ts', { PORT: String(ceilingPort), CEILING_PAGE_BYTES: String(homeBytes), NODE_ENV: 'production' });
    children.push(ceiling);
    await waitForHttp(`${ceilingUrl}/`);

    const jar = await signIn(appUrl, seed.committeeEmail, seed.committeePassword);
    const cookie = jar.header();
    const filePath = `/committee/requests/${seed.sampleRequestId}`;
    const filePage = await fetch(`${appUrl}${filePath}`, { headers: { ...FORWARDED, cookie } });
    if (filePage.status !== 200) throw new Error(`file page answered ${filePage.status}`);
    const csrfToken = csrfFrom(await filePage.text());
    const queuePath = `/committee?${new URLSearchParams({ city: 'الرياض', supportType: 'rent', page: '2' })}`;

    let peakRssKb = 0;
    const sampler = setInterval(() => {
      try {
        peakRssKb = Math.max(peakRssKb, memoryKb(app.pid!, 'VmRSS'));
      } catch {
        // the process is gone; the final VmHWM read reports it
      }
    }, 100);

    console.log(`Measuring: ${CONNECTIONS} connections, ${DURATION_SECONDS} s per page ...`);
    const results: Measurement[] = [];
    results.push(await measure('ceiling: bare Express + EJS', `${ceilingUrl}/`));
    results.push(await measure('public start page', `${appUrl}/`));
    results.push(await measure('committee queue (city + support type, page 2)', `${appUrl}${queuePath}`, { headers: { cookie } }));
    // Diagnostic: the page's own latency when the server is not saturated.
    results.push(await measure('diagnostic: committee queue, 5 connections', `${appUrl}${queuePath}`, { headers: { cookie }, connections: 5 }));
    results.push(await measure('request file page', `${appUrl}${filePath}`, { headers: { cookie } }));
    // The online journey needs a verified beneficiary account; the committee recommendation is
    // the signed-in form save measured instead (a CSRF-checked POST that writes in a transaction).
    results.push(
      await measure('recommendation save (POST + CSRF)', `${appUrl}${filePath}/recommendation`, {
        method: 'POST',
        headers: { cookie, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ _csrf: csrfToken, recommendation: 'accept', note: 'قياس الأداء' }).toString(),
      }),
    );
    // Diagnostic: a signed-in page that runs no query of its own isolates session and staff loading.
    results.push(await measure('diagnostic: signed-in 403 page (session + staff lookup only)', `${appUrl}/admin/staff`, { headers: { cookie } }));
    clearInterval(sampler);
    const appHighWaterKb = memoryKb(app.pid!, 'VmHWM');

    // Diagnostic: the same queue page with the read caches off (READ_CACHE_SECONDS=0), on a second
    // instance started after the first one's memory was read: every request reads the session,
    // the staff member and the page from the database and renders the whole page.
    const uncachedPort = await freePort();
    const uncached = start('dist/src/server.js', appEnvironment(uncachedPort, { READ_CACHE_SECONDS: '0' }));
    children.push(uncached);
    const uncachedUrl = `http://127.0.0.1:${uncachedPort}`;
    await waitForHttp(`${uncachedUrl}/`);
    const uncachedJar = await signIn(uncachedUrl, seed.committeeEmail, seed.committeePassword);
    results.push(
      await measure('diagnostic: committee queue with READ_CACHE_SECONDS=0', `${uncachedUrl}${queuePath}`, {
        headers: { cookie: uncachedJar.header() },
      }),
    );
    uncached.kill('SIGTERM');
    const highWaterMb = Math.max(appHighWaterKb, peakRssKb) / 1024;

    const ceilingRate = results[0]!.requestsPerSecond;
    for (const result of results) result.ratioToCeiling = Number((result.requestsPerSecond / ceilingRate).toFixed(2));
    const queue = results[2]!;
    const publicPage = results[1]!;
    const verdicts = {
      publicPageRatio: { value: publicPage.ratioToCeiling, target: `>= ${TARGETS.publicRatio}`, met: publicPage.ratioToCeiling! >= TARGETS.publicRatio },
      queueP99Ms: {
        value: queue.p99Ms,
        target: `<= ${TARGETS.queueP99Ms} with ${CONNECTIONS} connections`,
        met: queue.p99Ms <= TARGETS.queueP99Ms,
      },
      peakRssMb: { value: Math.round(highWaterMb), target: `< ${TARGETS.rssMb}`, met: highWaterMb < TARGETS.rssMb },
    };
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
      peakRssMb: Math.round(highWaterMb),
      verdicts,
    };
    fs.mkdirSync('bench/results', { recursive: true });
    fs.writeFileSync('bench/results/latest.json', JSON.stringify(report, null, 2));

    const lines = [
      '| Page | Method | req/s | p50 (ms) | p99 (ms) | x ceiling | non-2xx | errors |',
      '|---|---|---:|---:|---:|---:|---:|---:|',
      ...results.map(
        (r) => `| ${r.name} | ${r.method} | ${r.requestsPerSecond} | ${r.p50Ms} | ${r.p99Ms} | ${r.ratioToCeiling} | ${r.non2xx} | ${r.errors} |`,
      ),
      '',
      `Peak RSS of the app process: ${Math.round(highWaterMb)} MB (${REQUESTS.toLocaleString('en')} requests in the database, node ${process.version}, ${os.cpus().length} CPUs, load average ${os.loadavg()[0]!.toFixed(1)})`,
      'The POST answers 303 (post/redirect/get), which autocannon counts as non-2xx.',
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
