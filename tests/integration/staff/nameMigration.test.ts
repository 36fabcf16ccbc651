import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';

const MIGRATIONS_DIR = path.resolve('prisma/migrations');
const THIS_MIGRATION = '20261203154000_beneficiary_name_from_requests';

describe('migration: the person’s name from their requests', () => {
  it('names each unnamed person after their latest named request, and leaves named and anonymised people alone', () => {
    const db = new Database(path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'tayseer-migration-')), 'test.db'));
    const migrations = fs.readdirSync(MIGRATIONS_DIR).filter((name) => !name.endsWith('.toml')).sort();
    for (const migration of migrations.filter((name) => name < THIS_MIGRATION)) db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, migration, 'migration.sql'), 'utf8'));

    const now = new Date('2026-03-01T08:00:00Z').getTime();
    const person = db.prepare('INSERT INTO "Beneficiary" ("nationalId", "fullName", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)');
    const request = db.prepare('INSERT INTO "SupportRequest" ("beneficiaryId", "fullName", "createdAt", "updatedAt") VALUES (?, ?, ?, ?)');
    const unnamed = Number(person.run('1000000001', null, now, now).lastInsertRowid);
    request.run(unnamed, 'اسم قديم', now, now);
    request.run(unnamed, 'فاطمة محمد العتيبي', now, now);
    request.run(unnamed, null, now, now);
    const named = Number(person.run('1000000002', 'سارة العتيبي', now, now).lastInsertRowid);
    request.run(named, 'اسم آخر', now, now);
    const anonymised = Number(person.run(`ANON-7`, null, now, now).lastInsertRowid);
    request.run(anonymised, 'لا يعود', now, now);
    const withoutRequests = Number(person.run('1000000003', null, now, now).lastInsertRowid);

    db.exec(fs.readFileSync(path.join(MIGRATIONS_DIR, THIS_MIGRATION, 'migration.sql'), 'utf8'));
    const nameOf = (id: number) => (db.prepare('SELECT "fullName" FROM "Beneficiary" WHERE "id" = ?').get(id) as { fullName: string | null }).fullName;
    expect(nameOf(unnamed)).toBe('فاطمة محمد العتيبي');
    expect(nameOf(named)).toBe('سارة العتيبي');
    expect(nameOf(anonymised)).toBeNull();
    expect(nameOf(withoutRequests)).toBeNull();
    db.close();
  });
});
