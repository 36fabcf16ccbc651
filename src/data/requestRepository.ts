import type { Db, ModelRow } from './prismaClient.ts';
import { nameKeyOf } from './nameSearch.ts';
import type { ReadCache } from './readCache.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { REQUEST_STATUSES, isOpenStatus } from '../domain/requestStatus.ts';
import { MODEL_COLUMN_TYPES } from './columnTypes.ts';
import { placeholders, type SqlReader } from './sqlReader.ts';

const CLOSED_STATUSES = REQUEST_STATUSES.filter((status) => !isOpenStatus(status));

type Row<Model extends keyof Prisma.TypeMap['model']> = ModelRow<Model>;

/** A request with its applicant and everything the applicant entered or signed. */
export type FullRequest = Row<'SupportRequest'> & {
  beneficiary: Row<'Beneficiary'>;
  householdMembers: Row<'HouseholdMember'>[];
  documents: Row<'RequestDocument'>[];
  declarations: Row<'Declaration'>[];
  infoRequests: Row<'InfoRequest'>[];
};
export type RequestRow = Prisma.SupportRequestGetPayload<object>;
export type RequestHeader = Pick<RequestRow, 'id' | 'beneficiaryId' | 'status' | 'version' | 'stepsCompleted'>;

/** The form columns a step may write; status, reference and timestamps change only through setStatus. */
export type RequestFields = Partial<
  Pick<
    RequestRow,
    | 'livesInServiceArea'
    | 'fullName'
    | 'birthDate'
    | 'nationality'
    | 'maritalStatus'
    | 'idExpiryDate'
    | 'birthDateEntered'
    | 'idExpiryDateEntered'
    | 'city'
    | 'district'
    | 'email'
    | 'incomeSalary'
    | 'incomeSocialSecurity'
    | 'incomePension'
    | 'incomeOther'
    | 'obligationLoans'
    | 'obligationOther'
    | 'housingType'
    | 'monthlyRent'
    | 'supportType'
    | 'needDescription'
    | 'iban'
    | 'stepsCompleted'
    | 'channel'
  >
>;

export type StatusExtra = Partial<
  Pick<RequestRow, 'reference' | 'channel' | 'submittedAt' | 'responseWindowOpensAt' | 'raisedAt' | 'raisedByStaffId' | 'decisionReleasedAt' | 'closedAt'>
>;

export type VersionedUpdate = { ok: true; version: number } | { ok: false; conflict: true };

export interface HouseholdMemberInput {
  fullName: string;
  relation: string;
  birthDate: string;
  birthDateEntered?: string | null;
  nationalId: string | null;
  monthlyIncome: number | null;
}

export interface DocumentInput {
  kind: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByStaffId: number | null;
}

export interface DeclarationInput {
  textVersion: string;
  signatureName: string;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
  channel: string;
  dataHash: string;
  witnessedByStaffId: number | null;
  scanDocumentId: number | null;
}

const T = MODEL_COLUMN_TYPES;

/**
 * The whole request in six indexed reads, the same rows and order as the `include` it replaces, read
 * through the driver (sqlReader.ts): through Prisma's client each read cost ~0.5 ms of CPU, through
 * better-sqlite3 ~20 µs. Column types are mapped as in model queries (dates as Date, booleans as boolean).
 */
async function withRelations(sql: SqlReader, row: Row<'SupportRequest'> | undefined): Promise<FullRequest | null> {
  if (!row) return null;
  const [beneficiaries, householdMembers, documents, declarations, infoRequests] = await Promise.all([
    sql.all<Row<'Beneficiary'>>('SELECT * FROM "Beneficiary" WHERE "id" = ?', [row.beneficiaryId], T.Beneficiary),
    sql.all<Row<'HouseholdMember'>>('SELECT * FROM "HouseholdMember" WHERE "requestId" = ? ORDER BY "id" ASC', [row.id], T.HouseholdMember),
    sql.all<Row<'RequestDocument'>>('SELECT * FROM "RequestDocument" WHERE "requestId" = ? ORDER BY "id" ASC', [row.id], T.RequestDocument),
    sql.all<Row<'Declaration'>>('SELECT * FROM "Declaration" WHERE "requestId" = ? ORDER BY "signedAt" DESC, "id" DESC', [row.id], T.Declaration),
    sql.all<Row<'InfoRequest'>>('SELECT * FROM "InfoRequest" WHERE "requestId" = ? ORDER BY "id" DESC', [row.id], T.InfoRequest),
  ]);
  const beneficiary = beneficiaries[0];
  if (!beneficiary) throw new Error(`request ${row.id} has no beneficiary ${row.beneficiaryId}`);
  return { ...row, beneficiary, householdMembers, documents, declarations, infoRequests };
}

const requestWhere = (condition: string, params: (string | number)[], sql: SqlReader) =>
  sql.all<Row<'SupportRequest'>>(`SELECT * FROM "SupportRequest" WHERE ${condition}`, params, T.SupportRequest);

/**
 * `takeNumber` is where reference and file numbers come from: on PostgreSQL a pool of its own outside the
 * transaction (src/data/postgres.ts), so the counter row is locked for one statement, not for the rest of a
 * submission; a number whose submission then fails is skipped (unique, with gaps). On SQLite, one connection, the
 * transaction itself.
 */
export function requestRepository(db: Db, requestLists: ReadCache<unknown>, sql: SqlReader, takeNumber?: (counter: number) => Promise<number>) {
  /**
   * Optimistic concurrency: the row is written only while it still has the version the caller read.
   * One raw UPDATE (Prisma binds the values as a model query would): every save runs it, and `updateMany`
   * costs about three times the CPU in Prisma's client. Column names come from the typed field sets above.
   */
  async function versionedUpdate(id: number, expectedVersion: number, data: RequestFields & StatusExtra & { status?: string; nameKey?: string | null }): Promise<VersionedUpdate> {
    const assignments = Object.entries(data)
      .filter(([, value]) => value !== undefined)
      .map(([column, value]) => {
        if (!/^[A-Za-z]+$/.test(column)) throw new Error(`not a column: ${column}`);
        return Prisma.sql`${Prisma.raw(`"${column}"`)} = ${value as unknown}`;
      });
    // updatedAt is Prisma's @updatedAt: the real time, as a model update would write it.
    assignments.push(Prisma.sql`"version" = "version" + 1`, Prisma.sql`"updatedAt" = ${new Date()}`);
    const count = await db.$executeRaw`UPDATE "SupportRequest" SET ${Prisma.join(assignments, ', ')} WHERE "id" = ${id} AND "version" = ${expectedVersion}`;
    if (count > 0) requestLists.invalidateAll();
    return count === 0 ? { ok: false, conflict: true } : { ok: true, version: expectedVersion + 1 };
  }

  return {
    findById: async (id: number): Promise<FullRequest | null> => withRelations(sql, (await requestWhere('"id" = ?', [id], sql))[0]),
    /** What a step save checks and writes over, without the request's relations. */
    findHeaderById: async (id: number): Promise<RequestHeader | null> =>
      (
        await sql.all<RequestHeader>(
          'SELECT "id", "beneficiaryId", "status", "version", "stepsCompleted" FROM "SupportRequest" WHERE "id" = ?',
          [id],
        )
      )[0] ?? null,
    findByReference: async (reference: string): Promise<FullRequest | null> =>
      withRelations(sql, (await requestWhere('"reference" = ?', [reference], sql))[0]),
    findOpenForBeneficiary: async (beneficiaryId: number): Promise<FullRequest | null> =>
      withRelations(
        sql,
        (
          await requestWhere(
            `"beneficiaryId" = ? AND "status" NOT IN (${placeholders(CLOSED_STATUSES.length)}) ORDER BY "id" DESC LIMIT 1`,
            [beneficiaryId, ...CLOSED_STATUSES],
            sql,
          )
        )[0],
      ),
    /** The beneficiary's requests, newest first, each with its open requests for information: two reads. */
    listForBeneficiary: async (beneficiaryId: number) => {
      const [requests, openInfoRequests] = await Promise.all([
        requestWhere('"beneficiaryId" = ? ORDER BY "id" DESC', [beneficiaryId], sql),
        sql.all<Row<'InfoRequest'>>(
          `SELECT i.* FROM "InfoRequest" AS i JOIN "SupportRequest" AS r ON r."id" = i."requestId"
            WHERE r."beneficiaryId" = ? AND i."resolvedAt" IS NULL ORDER BY i."id" ASC`,
          [beneficiaryId],
          T.InfoRequest,
        ),
      ]);
      return requests.map((request) => ({ ...request, infoRequests: openInfoRequests.filter((info) => info.requestId === request.id) }));
    },
    createDraft: async (input: { beneficiaryId: number; channel: string; createdByStaffId: number | null }) => {
      const draft = await db.supportRequest.create({
        data: { beneficiaryId: input.beneficiaryId, channel: input.channel, createdByStaffId: input.createdByStaffId, status: 'draft' },
      });
      requestLists.invalidateAll();
      return draft;
    },
    updateFields: async (id: number, expectedVersion: number, fields: RequestFields) => {
      const saved = await versionedUpdate(id, expectedVersion, fields.fullName !== undefined ? { ...fields, nameKey: nameKeyOf(fields.fullName) } : fields);
      // The name typed on a request is the person's name: the desk, timelines and lists read it from their record.
      if (saved.ok && fields.fullName) {
        await db.$executeRaw`UPDATE "Beneficiary" SET "fullName" = ${fields.fullName}, "nameKey" = ${nameKeyOf(fields.fullName)}
          WHERE "id" = (SELECT "beneficiaryId" FROM "SupportRequest" WHERE "id" = ${id})`;
      }
      return saved;
    },
    /** Bumps the version without changing columns: household and document changes are changes to the request. */
    touch: (id: number, expectedVersion: number) => versionedUpdate(id, expectedVersion, {}),
    setStatus: (id: number, expectedVersion: number, status: string, extra: StatusExtra = {}) =>
      versionedUpdate(id, expectedVersion, { ...extra, status }),

    addHouseholdMember: (requestId: number, member: HouseholdMemberInput) =>
      db.householdMember.create({ data: { ...member, nameKey: nameKeyOf(member.fullName), requestId } }),
    updateHouseholdMember: async (requestId: number, memberId: number, member: HouseholdMemberInput) =>
      (await db.householdMember.updateMany({ where: { id: memberId, requestId }, data: { ...member, nameKey: nameKeyOf(member.fullName) } })).count > 0,
    removeHouseholdMember: async (requestId: number, memberId: number) =>
      (await db.householdMember.deleteMany({ where: { id: memberId, requestId } })).count > 0,

    addDocument: (requestId: number, document: DocumentInput) => db.requestDocument.create({ data: { ...document, requestId } }),
    /** Only what deciding a staff read needs: one small row, no relations. */
    accessFacts: async (id: number) =>
      (
        await sql.all<Pick<RequestRow, 'id' | 'status' | 'beneficiaryId' | 'raisedAt'>>(
          'SELECT "id", "status", "beneficiaryId", "raisedAt" FROM "SupportRequest" WHERE "id" = ?',
          [id],
          { raisedAt: 'date' },
        )
      )[0] ?? null,
    /** Which of `keys` a request document still points to. */
    async storageKeysInUse(keys: string[]): Promise<string[]> {
      const rows = await db.requestDocument.findMany({ where: { storageKey: { in: keys } }, select: { storageKey: true } });
      return rows.map((row) => row.storageKey);
    },
    findDocument: (requestId: number, documentId: number) =>
      db.requestDocument.findFirst({ where: { id: documentId, requestId } }),
    removeDocument: async (requestId: number, documentId: number) =>
      (await db.requestDocument.deleteMany({ where: { id: documentId, requestId } })).count > 0,

    addDeclaration: (requestId: number, declaration: DeclarationInput) =>
      db.declaration.create({ data: { ...declaration, requestId } }),

    openInfoRequests: (requestId: number) =>
      db.infoRequest.findMany({ where: { requestId, resolvedAt: null }, orderBy: { id: 'asc' } }),
    resolveInfoRequests: async (requestId: number, at: Date) =>
      (await db.infoRequest.updateMany({ where: { requestId, resolvedAt: null }, data: { resolvedAt: at } })).count,

    /**
     * One statement on both engines: the first number of a year cannot be taken twice by concurrent submissions (a
     * read-then-insert upsert could, on PostgreSQL).
     */
    nextReferenceNumber: async (year: number): Promise<number> => {
      if (takeNumber) return takeNumber(year);
      const [counter] = await db.$queryRaw<{ lastNumber: number | bigint }[]>`INSERT INTO "ReferenceCounter" ("year", "lastNumber") VALUES (${year}, 1)
        ON CONFLICT ("year") DO UPDATE SET "lastNumber" = "ReferenceCounter"."lastNumber" + 1 RETURNING "lastNumber"`;
      return Number(counter?.lastNumber);
    },
  };
}
export type RequestRepository = ReturnType<typeof requestRepository>;
