import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import type { Express } from 'express';
import { loadConfig, type Config } from '../../src/config.ts';
import { dataAccess, type DataAccess } from '../../src/data/index.ts';
import { services as createServices, type Services } from '../../src/services/index.ts';
import { createI18n } from '../../src/i18n.ts';
import { createLogger } from '../../src/logger.ts';
import { createApp } from '../../src/app.ts';
import { fixedClock, type Clock } from '../../src/services/clock.ts';
import { passwordHasher } from '../../src/services/passwordHasher.ts';
import { serializeRoles, type StaffRole } from '../../src/domain/roles.ts';
import { freshDatabaseUrl, freshUploadDir, psql, testEngine } from './database.ts';
import type { OutgoingMessage } from '../../src/services/notificationTransport.ts';

export interface TestApp {
  app: Express;
  services: Services;
  data: DataAccess;
  config: Config;
  clock: ReturnType<typeof fixedClock>;
  /** What the outbox delivered, in order (the transport is an in-memory fake). */
  sentMessages: OutgoingMessage[];
  close(): Promise<void>;
}

/** The real app on a real, new SQLite database; time comes from a clock the test controls. */
export async function createTestApp(
  options: {
    env?: Record<string, string>;
    clock?: Clock;
    now?: Date;
    /** Another instance of the portal on the same database (PostgreSQL, tests/postgres). */
    sameDatabaseAs?: TestApp;
  } = {},
): Promise<TestApp> {
  const databaseUrl = options.sameDatabaseAs?.config.databaseUrl ?? freshDatabaseUrl();
  const uploadDir = testEngine() === 'sqlite' ? path.join(path.dirname(databaseUrl.replace(/^file:/, '')), 'uploads') : freshUploadDir();
  fs.mkdirSync(uploadDir, { recursive: true });
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: databaseUrl,
    UPLOAD_DIR: uploadDir,
    LOG_LEVEL: 'silent',
    LOGIN_RATE_LIMIT: '1000',
    SMS_CODES_PER_IP_HOUR: '1000',
    ...options.env,
  });
  const clock = fixedClock(options.now ?? new Date('2026-03-01T08:00:00Z'));
  const businessClock = options.clock ?? clock;
  const data = await dataAccess({ databaseUrl, pruneSessions: false, now: () => businessClock.now(), readCacheTtlMs: config.readCacheTtlMs });
  const i18n = await createI18n();
  const sentMessages: OutgoingMessage[] = [];
  const services = createServices(data, config, {
    translate: i18n.getFixedT('ar'),
    clock: businessClock,
    transport: { send: async (message) => void sentMessages.push(message) },
  });
  const app = createApp(services, { i18n, logger: createLogger('silent') });
  return { app, services, data, config, clock, sentMessages, close: () => data.close() };
}

/** Simulates a database that stops answering: the SQLite file is replaced by bytes SQLite cannot open; a PostgreSQL database is dropped. */
export async function breakDatabase(testApp: TestApp): Promise<void> {
  await testApp.data.close();
  if (testEngine() === 'postgresql') {
    psql(`DROP DATABASE IF EXISTS "${new URL(testApp.config.databaseUrl).pathname.slice(1)}" WITH (FORCE)`);
    return;
  }
  const file = testApp.config.databaseUrl.replace(/^file:/, '');
  for (const suffix of ['-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  fs.writeFileSync(file, 'this is not a database '.repeat(100));
}

export async function createStaff(
  testApp: TestApp,
  roles: StaffRole[],
  overrides: { email?: string; password?: string; fullName?: string; active?: boolean } = {},
) {
  const email = overrides.email ?? `${roles.join('-')}-${Math.random().toString(36).slice(2, 8)}@example.org`;
  const password = overrides.password ?? 'correct horse battery staple';
  const record = await testApp.data.repositories.staff.create({
    email,
    fullName: overrides.fullName ?? `موظف ${roles.join(' ')}`,
    passwordHash: await passwordHasher.hash(password),
    roles: serializeRoles(roles),
  });
  if (overrides.active === false) await testApp.data.repositories.staff.update(record.id, { active: false });
  return { id: record.id, email, password };
}

/** Reads the CSRF token from the first form on a page. */
export function csrfFrom(html: string): string {
  const match = /name="_csrf" value="([^"]+)"/.exec(html);
  if (!match?.[1]) throw new Error('no CSRF token on the page');
  return match[1];
}

export async function signInStaff(testApp: TestApp, credentials: { email: string; password: string }) {
  const agent = request.agent(testApp.app);
  const page = await agent.get('/staff/login');
  const response = await agent
    .post('/staff/login')
    .type('form')
    .send({ _csrf: csrfFrom(page.text), email: credentials.email, password: credentials.password });
  if (response.status !== 303) throw new Error(`sign-in failed with ${response.status}`);
  return agent;
}

export async function agentWithRole(testApp: TestApp, roles: StaffRole[]) {
  const staff = await createStaff(testApp, roles);
  return { agent: await signInStaff(testApp, staff), staff };
}

/** GETs a page, then POSTs its form with the page's CSRF token. */
export async function submitForm(
  agent: ReturnType<typeof request.agent>,
  pagePath: string,
  fields: Record<string, string | string[]>,
  action = pagePath,
) {
  const page = await agent.get(pagePath);
  return agent.post(action).type('form').send({ _csrf: csrfFrom(page.text), ...fields });
}
