import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createPrismaClient } from '../../../src/data/prismaClient.ts';
import { dataAccess } from '../../../src/data/index.ts';
import { SQLITE_BUSY_TIMEOUT_MS } from '../../../src/data/sqliteSettings.ts';

/** Runs a command to its end; resolves with its exit code and what it printed. */
function run(command: string, args: string[], env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (chunk) => (output += chunk));
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('close', (code) => resolve({ code, output }));
  });
}

/** Another process that takes the write lock, says so, and lets it go a moment later. */
function holdWriteLock(file: string): Promise<{ released: Promise<void> }> {
  const script = `
    const Database = require('better-sqlite3');
    const db = new Database(process.argv[1]);
    db.exec('BEGIN IMMEDIATE');
    db.prepare("INSERT INTO ReferenceCounter (year, lastNumber) VALUES (1999, 1) ON CONFLICT DO UPDATE SET lastNumber = lastNumber + 1").run();
    console.log('locked');
    setTimeout(() => { db.exec('COMMIT'); db.close(); }, 1500);`;
  const child = spawn(process.execPath, ['-e', script, file], { stdio: ['ignore', 'pipe', 'inherit'] });
  const released = new Promise<void>((resolve) => child.on('close', () => resolve()));
  return new Promise((resolve) => child.stdout.once('data', () => resolve({ released })));
}

describe('scripts and a second client while the portal runs', () => {
  let dir: string;
  let file: string;
  let portal: Database.Database;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-busy-'));
    file = path.join(dir, 'portal.db');
    // The portal's own connection, open for as long as it runs.
    portal = new Database(file);
    portal.pragma('journal_mode = WAL');
  });
  afterAll(() => portal.close());

  it('applies migrations with `prisma migrate deploy` while the portal holds its connection', async () => {
    const first = await run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: `file:${file}` });
    expect(first.code, first.output).toBe(0);
    const tables = portal.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").all() as { name: string }[];
    expect(tables.map((table) => table.name)).toContain('StaffUser');

    // Now as on a server: the portal's own client is open and has been used, and the deploy runs again.
    const running = await dataAccess({ databaseUrl: `file:${file}`, pruneSessions: false });
    await running.repositories.staff.findByEmail('nobody@example.org');
    const again = await run('npx', ['prisma', 'migrate', 'deploy'], { DATABASE_URL: `file:${file}` });
    await running.close();
    expect(again.output).not.toMatch(/SQLITE_BUSY|SocketTimeout/);
    expect(again.code).toBe(0);
  }, 120_000);

  it('sets the busy timeout on the portal connection', async () => {
    const prisma = await createPrismaClient(`file:${file}`);
    const [row] = await prisma.$queryRawUnsafe<{ timeout: bigint | number }[]>('PRAGMA busy_timeout');
    expect(Number(row?.timeout)).toBe(SQLITE_BUSY_TIMEOUT_MS);
    await prisma.$disconnect();
  });

  it('lets the portal write while another process holds a write transaction: it waits instead of failing', async () => {
    const data = await dataAccess({ databaseUrl: `file:${file}`, pruneSessions: false });
    const { released } = await holdWriteLock(file);
    const created = await data.repositories.staff.create({ email: 'waited@example.org', fullName: 'موظف', passwordHash: 'x', roles: 'admin' });
    expect(created.id).toBeGreaterThan(0);
    await released;
    await data.close();
  });

  it('runs the demo seed while another process holds a write transaction', async () => {
    const { released } = await holdWriteLock(file);
    const result = await run('npx', ['tsx', 'prisma/seed.ts'], { DATABASE_URL: `file:${file}`, UPLOAD_DIR: path.join(dir, 'uploads') });
    await released;
    expect(result.output).not.toMatch(/SQLITE_BUSY|SocketTimeout/);
    expect(result.code).toBe(0);
    expect(portal.prepare("SELECT COUNT(*) AS n FROM StaffUser WHERE email LIKE '%@demo.tayseer.local'").get()).toEqual({ n: 6 });
  }, 120_000);
});
