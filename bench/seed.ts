import Database from 'better-sqlite3';
import { passwordHasher } from '../src/services/passwordHasher.ts';
import { sqliteFilePath } from '../src/data/prismaClient.ts';
import { nameKey } from '../src/domain/nameKey.ts';
import { nationalIdChecksumHolds } from '../src/domain/nationalId.ts';

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
  /** A request with the committee: the committee file page and the recommendation save. */
  sampleRequestId: number;
  /** A relations officer who is also a manager: the staff home, the staff file page, the indicators. */
  officerEmail: string;
  officerPassword: string;
  /** A request in verification, open to the officer. */
  officerRequestId: number;
  /** A signed-in beneficiary with a closed request and a draft the journey saves steps into. */
  beneficiaryNationalId: string;
  beneficiaryPassword: string;
  beneficiaryClosedRequestId: number;
}

/** A citizen ID the sign-in form accepts (its check digit holds), outside the seeded range. */
function validNationalId(): string {
  for (let digit = 0; digit <= 9; digit++) if (nationalIdChecksumHolds(`198765432${digit}`)) return `198765432${digit}`;
  throw new Error('no check digit');
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

  const officerEmail = 'bench.officer@example.org';
  const officerPassword = 'benchmark officer password';
  db.prepare('INSERT INTO StaffUser (email, fullName, passwordHash, roles, active, updatedAt) VALUES (?, ?, ?, ?, 1, ?)').run(
    officerEmail,
    'موظف علاقات للقياس',
    await passwordHasher.hash(officerPassword),
    'relations_officer,manager',
    stamp,
  );

  // Names carry their key as the repositories write it.
  const insertBeneficiary = db.prepare('INSERT INTO Beneficiary (nationalId, mobile, fullName, nameKey, updatedAt) VALUES (?, ?, ?, ?, ?)');
  const insertRequest = db.prepare(`INSERT INTO SupportRequest
    (reference, beneficiaryId, status, channel, fullName, nameKey, city, district, supportType, needDescription, incomeSalary,
     housingType, monthlyRent, submittedAt, responseWindowOpensAt, raisedAt, updatedAt)
    VALUES (?, ?, ?, 'website', ?, ?, ?, 'النسيم', ?, 'وصف الاحتياج للقياس', 3000, 'rented', 1500, ?, ?, ?, ?)`);
  const thresholds = STATUS_MIX.reduce<[string, number][]>((acc, [status, share]) => {
    acc.push([status, (acc.at(-1)?.[1] ?? 0) + share]);
    return acc;
  }, []);
  let sampleRequestId = 0;
  let officerRequestId = 0;
  db.transaction(() => {
    for (let i = 1; i <= requestCount; i += 1) {
      const fraction = (i * 7919) % requestCount / requestCount;
      const status = thresholds.find(([, upTo]) => fraction < upTo)?.[0] ?? 'closed';
      const name = `مستفيد رقم ${i}`;
      const beneficiary = insertBeneficiary.run(`1${String(i).padStart(9, '0')}`, `+9665${String(i).padStart(8, '0')}`, name, nameKey(name), stamp);
      const submitted = status === 'draft' ? null : new Date(now.getTime() - ((i % 400) + 1) * DAY_MS - i * 1000);
      const result = insertRequest.run(
        status === 'draft' ? null : `MZL-2026-${String(i).padStart(6, '0')}`,
        beneficiary.lastInsertRowid,
        status,
        name,
        nameKey(name),
        CITIES[i % CITIES.length],
        SUPPORT_TYPES[i % SUPPORT_TYPES.length],
        submitted ? sqliteDate(submitted) : null,
        submitted ? sqliteDate(new Date(submitted.getTime() + 14 * DAY_MS)) : null,
        submitted ? sqliteDate(submitted) : null,
        stamp,
      );
      if (status === 'with_committee' && !sampleRequestId) sampleRequestId = Number(result.lastInsertRowid);
      if (status === 'in_verification' && !officerRequestId) officerRequestId = Number(result.lastInsertRowid);
    }
  })();

  const beneficiaryNationalId = validNationalId();
  const beneficiaryPassword = 'benchmark beneficiary password';
  const account = db
    .prepare(
      'INSERT INTO Beneficiary (nationalId, mobile, mobileVerifiedAt, passwordHash, privacyConsentAt, privacyNoticeVersion, fullName, nameKey, updatedAt) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
    )
    .run(beneficiaryNationalId, '+966500000001', stamp, await passwordHasher.hash(beneficiaryPassword), stamp, 'v1', 'مستفيدة القياس', nameKey('مستفيدة القياس'), stamp);
  const closedAt = sqliteDate(new Date(now.getTime() - 200 * DAY_MS));
  const closed = insertRequest.run('MZL-2025-999999', account.lastInsertRowid, 'closed', 'مستفيدة القياس', nameKey('مستفيدة القياس'), 'الرياض', 'rent', closedAt, closedAt, closedAt, stamp);
  db.prepare("INSERT INTO SupportRequest (beneficiaryId, status, channel, livesInServiceArea, city, stepsCompleted, updatedAt) VALUES (?, 'draft', 'website', 1, 'الرياض', 'eligibility', ?)").run(
    account.lastInsertRowid,
    stamp,
  );
  // As after the start-up backfill of name keys (src/data/nameSearch.ts): one segment per trigram index.
  db.exec(`INSERT INTO BeneficiaryNameSearch(BeneficiaryNameSearch) VALUES ('optimize');
    INSERT INTO SupportRequestNameSearch(SupportRequestNameSearch) VALUES ('optimize');`);
  db.exec('ANALYZE');
  db.close();
  return {
    committeeEmail,
    committeePassword,
    sampleRequestId,
    officerEmail,
    officerPassword,
    officerRequestId,
    beneficiaryNationalId,
    beneficiaryPassword,
    beneficiaryClosedRequestId: Number(closed.lastInsertRowid),
  };
}
