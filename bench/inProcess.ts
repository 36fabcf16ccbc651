import type { AddressInfo } from 'node:net';
import { createApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { dataAccess } from '../src/data/index.ts';
import { createI18n } from '../src/i18n.ts';
import { createLogger } from '../src/logger.ts';
import { services as createServices } from '../src/services/index.ts';

export interface PageRequest {
  path: string;
  method?: 'GET' | 'POST';
  cookie?: string;
  headers?: Record<string, string>;
  body?: string;
}

const FORWARDED = { 'x-forwarded-proto': 'https' };
const COUNTED_REQUESTS = 3;
/** Requests timed one at a time per page: CPU time per request does not depend on what else the machine runs. */
const TIMED_REQUESTS = 20;

export interface PageCost {
  /** SQL statements per request, Prisma's and the SQL reader's. */
  queries: number;
  /** CPU of this process per request (the app and the fetch that calls it), one request at a time. */
  cpuMs: number;
  /** Wall time per request, one at a time. */
  wallMs: number;
}

/**
 * Queries per request for each page, from the data layer's statement counter (every SQL statement
 * Prisma runs, BEGIN and COMMIT included). The app runs in this process, composed as in server.ts,
 * so nothing is added to the production code path: the counter is the statement cache's own.
 */
export async function countQueriesPerPage<Id extends string>(
  env: Record<string, string>,
  pagesFor: (baseUrl: string) => Promise<Record<Id, PageRequest & { name: string }>>,
): Promise<Map<Id, PageCost>> {
  const config = loadConfig(env); // its PORT is not used: the app listens on a random port
  // BENCH_TRACE_SQL=1 prints the statements of one request of each page (shortened).
  const trace = Boolean(process.env.BENCH_TRACE_SQL);
  let tracing = false;
  const onStatement = trace
    ? (sql: string) => tracing && console.log(`  ${sql.replaceAll('`main`.', '').slice(0, 160)}`)
    : undefined;
  const data = await dataAccess({
    databaseUrl: config.databaseUrl,
    readCacheTtlMs: config.readCacheTtlMs,
    onStatement,
  });
  const i18n = await createI18n();
  const services = createServices(data, config, { translate: i18n.getFixedT('ar') });
  const app = createApp(services, { i18n, logger: createLogger('silent') });
  const server = app.listen(0, '127.0.0.1');
  await new Promise((resolve) => server.once('listening', resolve));
  const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const counts = new Map<Id, PageCost>();
  try {
    const pages = await pagesFor(baseUrl);
    for (const [id, page] of Object.entries(pages) as [Id, PageRequest & { name: string }][]) {
      const send = async () => {
        const response = await fetch(`${baseUrl}${page.path}`, {
          method: page.method ?? 'GET',
          redirect: 'manual',
          headers: {
            ...FORWARDED,
            ...(page.cookie ? { cookie: page.cookie } : {}),
            ...page.headers,
          },
          body: page.body,
        });
        await response.arrayBuffer();
        // The diagnostic 403 page is meant to be refused.
        if (response.status >= 400 && response.status !== 403)
          throw new Error(`${page.name} (${page.path}) answered ${response.status}`);
      };
      await send(); // warms the template and statement caches
      if (trace) {
        console.log(`\n${page.name}`);
        tracing = true;
        await send();
        tracing = false;
      }
      const before = data.statementStats();
      for (let i = 0; i < COUNTED_REQUESTS; i++) await send();
      const after = data.statementStats();
      const cpuBefore = process.cpuUsage();
      const wallBefore = performance.now();
      for (let i = 0; i < TIMED_REQUESTS; i++) await send();
      const wallMs = (performance.now() - wallBefore) / TIMED_REQUESTS;
      const cpu = process.cpuUsage(cpuBefore);
      counts.set(id, {
        queries: Number(((after.hits + after.misses - before.hits - before.misses) / COUNTED_REQUESTS).toFixed(1)),
        cpuMs: Number(((cpu.user + cpu.system) / 1000 / TIMED_REQUESTS).toFixed(2)),
        wallMs: Number(wallMs.toFixed(2)),
      });
    }
  } finally {
    await new Promise((resolve) => server.close(resolve));
    await data.close();
  }
  return counts;
}

/** The reception desk's name search, one at a time, as the officer runs it. */
export async function timeNameSearches(databaseUrl: string, queries: string[], runs: number) {
  const data = await dataAccess({ databaseUrl, pruneSessions: false });
  try {
    const results = [];
    for (const query of queries) {
      const times: number[] = [];
      let shown = 0;
      for (let i = 0; i < runs; i++) {
        const started = performance.now();
        shown = (await data.repositories.casework.searchBeneficiaries({ by: 'name', value: query }))
          .length;
        times.push(performance.now() - started);
      }
      times.sort((a, b) => a - b);
      const round = (ms: number) => Number(ms.toFixed(2));
      results.push({
        query,
        results: shown,
        medianMs: round(times[Math.floor(times.length / 2)]!),
        maxMs: round(times.at(-1)!),
      });
    }
    return results;
  } finally {
    await data.close();
  }
}
