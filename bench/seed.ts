import Database from 'better-sqlite3';
import { passwordHasher } from '../src/services/passwordHasher.ts';
import { sqliteFilePath } from '../src/data/prismaClient.ts';

const DAY_MS = 86_400_000;
const CITIES = ['الرياض', 'الخرج', 'الدرعية', 'المزاحمية'];
const SUPPORT_TYPES = ['financial_aid', 'rent', 'food', 'furniture_appliances', 'medical', 'education', 'other'];
// Roughly what a few years of work look like: most requests finished, a share with the committee.
const STATUS_MIX: [string, number][] = [
  ['closed', 0.3],
  ['registered', 0.15],
  ['rejected', 0.1],
  ['with_committee', 0.25],
  ['in_verification', 0.1],
  ['submitted', 0.05],
  ['draft', 0.05],
];

/** The same text format the Prisma SQLite adapter writes, so range queries compare correctly. */
const sqliteDate = (date: Date) => date.toISOString().replace('Z', '+00:00');

export interface SeedResult {
  committeeEmail: string;
  committeePassword: string;
  sampleRequestId: number;
}

/** Bulk insert with better-sqlite3 in one transaction: 100,000 requests in a few seconds. */
export async function seedBenchmarkDatabase(databaseUrl: string, requestCount: number, now: Date): Promise<SeedResult> {
  const db = new Database(sqliteFilePath(databaseUrl));
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = OFF');
  const committeeEmail = 'bench.member@example.org';
  const committeePassword = 'benchmark password 2026';
  const stamp = sqliteDate(now);
  db.prepare('INSERT INTO StaffUser (email, fullName, passwordHash, roles, active, updatedAt) VALUES (?, ?, ?, ?, 1, ?)').run(
    committeeEmail,
    'عضو لجنة للقياس',
    await passwordHasher.hash(committeePassword),
    'committee_member,committee_chair',
    stamp,
  );

  const insertBeneficiary = db.prepare('INSERT INTO Beneficiary (nationalId, mobile, fullName, updatedAt) VALUES (?, ?, ?, ?)');
  const insertRequest = db.prepare(`INSERT INTO SupportRequest
    (reference, beneficiaryId, status, channel, fullName, city, district, supportType, needDescription, incomeSalary,
     housingType, monthlyRent, submittedAt, responseWindowOpensAt, raisedAt, updatedAt)
    VALUES (?, ?, ?, 'website', ?, ?, 'النسيم', ?, 'وصف الاحتياج للقياس', 3000, 'rented', 1500, ?, ?, ?, ?)`);
  const thresholds = STATUS_MIX.reduce<[string, number][]>((acc, [status, share]) => {
    acc.push([status, (acc.at(-1)?.[1] ?? 0) + share]);
    return acc;
  }, []);
  let sampleRequestId = 0;
  db.transaction(() => {
    for (let i = 1; i <= requestCount; i += 1) {
      const fraction = (i * 7919) % requestCount / requestCount;
      const status = thresholds.find(([, upTo]) => fraction < upTo)?.[0] ?? 'closed';
      const beneficiary = insertBeneficiary.run(`1${String(i).padStart(9, '0')}`, `+9665${String(i).padStart(8, '0')}`, `مستفيد رقم ${i}`, stamp);
      const submitted = status === 'draft' ? null : new Date(now.getTime() - ((i % 400) + 1) * DAY_MS - i * 1000);
      const result = insertRequest.run(
        status === 'draft' ? null : `MZL-2026-${String(i).padStart(6, '0')}`,
        beneficiary.lastInsertRowid,
        status,
        `مستفيد رقم ${i}`,
        CITIES[i % CITIES.length],
        SUPPORT_TYPES[i % SUPPORT_TYPES.length],
        submitted ? sqliteDate(submitted) : null,
        submitted ? sqliteDate(new Date(submitted.getTime() + 14 * DAY_MS)) : null,
        submitted ? sqliteDate(submitted) : null,
        stamp,
      );
      if (status === 'with_committee' && !sampleRequestId) sampleRequestId = Number(result.lastInsertRowid);
    }
  })();
  db.exec('ANALYZE');
  db.close();
  return { committeeEmail, committeePassword, sampleRequestId };
}
