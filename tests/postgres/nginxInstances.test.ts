import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freshDatabaseUrl } from '../support/database.ts';
import { createPrismaClient } from '../../src/data/prismaClient.ts';
import { passwordHasher } from '../../src/services/passwordHasher.ts';
import { nextNationalId } from '../integration/staff/intakeFixtures.ts';

// Two portal processes on one PostgreSQL database behind Debian's nginx (round robin), as README "More than one
// server" runs them. Caches are kept for a minute: only a notification explains a fresh read on the other process.
const NGINX_PORT = Number(process.env.TEST_NGINX_PORT ?? 58080);
const PORTS = [NGINX_PORT + 1, NGINX_PORT + 2];
const ADMIN = { email: 'admin@example.org', password: 'correct horse battery staple' };
const SECRET = 'a shared session secret of at least thirty-two characters';

let databaseUrl: string;
let workDir: string;
let nginx: ChildProcess | undefined;
const portals: { child: ChildProcess; output: string[] }[] = [];

async function waitFor(url: string, timeoutMs = 60_000): Promise<void> {
  const started = Date.now();
  for (;;) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() - started > timeoutMs) throw new Error(`${url} did not answer`);
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function startPortal(port: number, uploadDir: string) {
  const output: string[] = [];
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server.ts'], {
    env: {
      ...process.env,
      NODE_ENV: 'development',
      PORT: String(port),
      DATABASE_URL: databaseUrl,
      UPLOAD_DIR: uploadDir,
      SESSION_SECRET: SECRET,
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      READ_CACHE_SECONDS: '60',
      RELEASE_JOB_INTERVAL_SECONDS: '5',
      OUTBOX_INTERVAL_SECONDS: '1',
      LOGIN_RATE_LIMIT: '1000',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  portals.push({ child, output });
}

beforeAll(async () => {
  databaseUrl = freshDatabaseUrl();
  workDir = fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-nginx-'));
  const uploads = path.join(workDir, 'uploads'); // one store for both, as on shared storage
  fs.mkdirSync(uploads);
  fs.mkdirSync(path.join(workDir, 'logs'));
  fs.writeFileSync(
    path.join(workDir, 'nginx.conf'),
    fs.readFileSync('deploy/nginx-two-instances.conf', 'utf8').replaceAll('127.0.0.1:8080', `127.0.0.1:${NGINX_PORT}`)
      .replaceAll('127.0.0.1:3001', `127.0.0.1:${PORTS[0]}`)
      .replaceAll('127.0.0.1:3002', `127.0.0.1:${PORTS[1]}`),
  );
  // The first start creates the administrator; the second finds it.
  startPortal(PORTS[0]!, uploads);
  await waitFor(`http://127.0.0.1:${PORTS[0]}/healthz`);
  startPortal(PORTS[1]!, uploads);
  await waitFor(`http://127.0.0.1:${PORTS[1]}/healthz`);
  execFileSync('nginx', ['-t', '-q', '-p', workDir, '-c', 'nginx.conf']);
  nginx = spawn('nginx', ['-p', workDir, '-c', 'nginx.conf', '-g', 'daemon off;'], { stdio: 'inherit' });
  await waitFor(`http://127.0.0.1:${NGINX_PORT}/healthz`);
}, 180_000);

afterAll(async () => {
  nginx?.kill('SIGTERM');
  for (const { child } of portals) child.kill('SIGTERM');
  await Promise.all([nginx, ...portals.map((portal) => portal.child)].map((child) => child && new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)))));
  if (workDir) fs.rmSync(workDir, { recursive: true, force: true });
});

/** A tiny browser: one cookie jar, no redirects followed. */
function browser(base = `http://127.0.0.1:${NGINX_PORT}`) {
  const jar = new Map<string, string>();
  const send = async (method: string, pathname: string, form?: Record<string, string | string[]>, to = base) => {
    const body = form
      ? new URLSearchParams(Object.entries(form).flatMap(([key, value]) => (Array.isArray(value) ? value.map((item) => [key, item]) : [[key, value]])))
      : undefined;
    const response = await fetch(`${to}${pathname}`, {
      method,
      redirect: 'manual',
      headers: { cookie: [...jar].map(([name, value]) => `${name}=${value}`).join('; '), ...(body ? { 'content-type': 'application/x-www-form-urlencoded' } : {}) },
      body,
    });
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const [name, value] = pair!.split('=');
      jar.set(name!, value ?? '');
    }
    return { status: response.status, text: await response.text() };
  };
  const csrf = (html: string) => /name="_csrf" value="([^"]+)"/.exec(html)?.[1] ?? '';
  return {
    get: (pathname: string, to?: string) => send('GET', pathname, undefined, to),
    async submit(pagePath: string, fields: Record<string, string | string[]>, action = pagePath) {
      const page = await send('GET', pagePath);
      return send('POST', action, { _csrf: csrf(page.text), ...fields });
    },
  };
}
const direct = (index: number) => `http://127.0.0.1:${PORTS[index]}`;

async function signIn(credentials: { email: string; password: string }) {
  const user = browser();
  const response = await user.submit('/staff/login', { email: credentials.email, password: credentials.password });
  expect(response.status).toBe(303);
  return user;
}

async function staffMember(roles: string) {
  const prisma = await createPrismaClient(databaseUrl);
  try {
    const email = `${roles.replaceAll(',', '-')}-${Date.now()}@example.org`;
    const password = 'another correct horse battery';
    const row = await prisma.staffUser.create({ data: { email, fullName: 'موظف', passwordHash: await passwordHasher.hash(password), roles } });
    return { id: row.id, email, password };
  } finally {
    await prisma.$disconnect();
  }
}

describe('two portals behind nginx on one PostgreSQL database', () => {
  it('refuses a session on both processes at once after it is signed out on one', async () => {
    const officer = await staffMember('relations_officer');
    const user = await signIn(officer);
    for (const index of [0, 1]) expect((await user.get('/staff', direct(index))).status).toBe(200);
    expect((await user.submit('/staff', {}, '/staff/logout')).status).toBe(303);
    for (const index of [0, 1, 0, 1]) expect((await user.get('/staff', direct(index))).status).toBe(303);
  });

  it('applies a role removed on one process on the other at once', async () => {
    const member = await staffMember('relations_officer,committee_member');
    const user = await signIn(member);
    for (const index of [0, 1]) expect((await user.get('/committee', direct(index))).status).toBe(200);
    const admin = await signIn(ADMIN);
    const saved = await admin.submit(`/admin/staff/${member.id}`, { fullName: 'موظف', email: member.email, roles: ['relations_officer'], active: 'true' });
    expect(saved.status).toBe(303);
    for (const index of [0, 1, 0, 1]) expect((await user.get('/committee', direct(index))).status).toBe(403);
  });

  it('releases a due decision once and sends each of its messages once, with the jobs running in both', async () => {
    const prisma = await createPrismaClient(databaseUrl);
    let beneficiaryId: number;
    try {
      const past = new Date(Date.now() - 20 * 86_400_000);
      const beneficiary = await prisma.beneficiary.create({ data: { nationalId: nextNationalId(), mobile: '+966501234567', fullName: 'سارة محمد العتيبي' } });
      beneficiaryId = beneficiary.id;
      const request = await prisma.supportRequest.create({
        data: {
          beneficiaryId,
          reference: 'MZL-2026-900001',
          status: 'accepted',
          fullName: 'سارة محمد العتيبي',
          email: 'sara@example.org',
          supportType: 'rent',
          submittedAt: past,
          responseWindowOpensAt: new Date(past.getTime() + 14 * 86_400_000),
          raisedAt: past,
        },
      });
      await prisma.decision.create({ data: { requestId: request.id, outcome: 'accept', approvedSupportType: 'rent', amount: 4500, decidedById: 1, decidedAt: past } });
      const started = Date.now();
      let messages: { id: number; status: string }[] = [];
      while (Date.now() - started < 60_000) {
        messages = await prisma.notification.findMany({ where: { beneficiaryId }, select: { id: true, status: true } });
        if (messages.length > 0 && messages.every((message) => message.status === 'sent')) break;
        await new Promise((resolve) => setTimeout(resolve, 500));
      }
      expect(messages.length).toBeGreaterThan(0);
      expect(messages.every((message) => message.status === 'sent')).toBe(true);
      await new Promise((resolve) => setTimeout(resolve, 3_000)); // more outbox runs on both
      const logged = portals
        .flatMap((portal) => portal.output.join('').split('\n'))
        .filter((line) => line.startsWith('{"type":"notification"'))
        .map((line) => (JSON.parse(line) as { id: number }).id);
      for (const message of messages) expect(logged.filter((id) => id === message.id)).toHaveLength(1);
      const releases = await prisma.auditEntry.count({ where: { action: 'decision.released', requestId: request.id } });
      expect(releases).toBe(1);
    } finally {
      await prisma.$disconnect();
    }
  }, 120_000);
});
