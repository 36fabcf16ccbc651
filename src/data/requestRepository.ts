import type { Db, ModelRow } from './prismaClient.ts';
import { nameKeyOf } from './nameSearch.ts';
import type { ReadCache } from './readCache.ts';
import { Prisma } from '../generated/prisma/client.ts';
import { REQUEST_STATUSES, isOpenStatus } from '../domain/requestStatus.ts';

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

/**
 * The whole request in six indexed reads, the same rows and order as the `include` it replaces, written
 * as SQL: Prisma compiles every model query anew (a third of a page's CPU in the profile), a raw
 * query costs about a third of that. Column types come back as in model queries (dates as Date,
 * booleans as boolean): the adapter maps them from the declared column types.
 */
async function withRelations(db: Db, row: Row<'SupportRequest'> | undefined): Promise<FullRequest | null> {
  if (!row) return null;
  const [beneficiaries, householdMembers, documents, declarations, infoRequests] = await Promise.all([
    db.$queryRaw<Row<'Beneficiary'>[]>`SELECT * FROM "Beneficiary" WHERE "id" = ${row.beneficiaryId}`,
    db.$queryRaw<Row<'HouseholdMember'>[]>`SELECT * FROM "HouseholdMember" WHERE "requestId" = ${row.id} ORDER BY "id" ASC`,
    db.$queryRaw<Row<'RequestDocument'>[]>`SELECT * FROM "RequestDocument" WHERE "requestId" = ${row.id} ORDER BY "id" ASC`,
    db.$queryRaw<Row<'Declaration'>[]>`SELECT * FROM "Declaration" WHERE "requestId" = ${row.id} ORDER BY "signedAt" DESC, "id" DESC`,
    db.$queryRaw<Row<'InfoRequest'>[]>`SELECT * FROM "InfoRequest" WHERE "requestId" = ${row.id} ORDER BY "id" DESC`,
  ]);
  const beneficiary = beneficiaries[0];
  if (!beneficiary) throw new Error(`request ${row.id} has no beneficiary ${row.beneficiaryId}`);
  return { ...row, beneficiary, householdMembers, documents, declarations, infoRequests };
}

/**
 * `takeNumber` is where reference and file numbers come from: on PostgreSQL a pool of its own outside the
 * transaction (src/data/postgres.ts), so the counter row is locked for one statement, not for the rest of a
 * submission; a number whose submission then fails is skipped (unique, with gaps). On SQLite, one connection, the
 * transaction itself.
 */
export function requestRepository(db: Db, requestLists: ReadCache<unknown>, takeNumber?: (counter: number) => Promise<number>) {
  /** Optimistic concurrency: the row is written only while it still has the version the caller read. */
  async function versionedUpdate(id: number, expectedVersion: number, data: Prisma.SupportRequestUpdateManyMutationInput): Promise<VersionedUpdate> {
    const { count } = await db.supportRequest.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count > 0) requestLists.invalidateAll();
    return count === 0 ? { ok: false, conflict: true } : { ok: true, version: expectedVersion + 1 };
  }

  return {
    findById: async (id: number): Promise<FullRequest | null> =>
      withRelations(db, (await db.$queryRaw<Row<'SupportRequest'>[]>`SELECT * FROM "SupportRequest" WHERE "id" = ${id}`)[0]),
    /** What a step save checks and writes over, without the request's relations. */
    findHeaderById: (id: number): Promise<RequestHeader | null> =>
      db.supportRequest.findUnique({ where: { id }, select: { id: true, beneficiaryId: true, status: true, version: true, stepsCompleted: true } }),
    findByReference: async (reference: string): Promise<FullRequest | null> =>
      withRelations(db, (await db.$queryRaw<Row<'SupportRequest'>[]>`SELECT * FROM "SupportRequest" WHERE "reference" = ${reference}`)[0]),
    findOpenForBeneficiary: async (beneficiaryId: number): Promise<FullRequest | null> =>
      withRelations(
        db,
        (
          await db.$queryRaw<Row<'SupportRequest'>[]>`SELECT * FROM "SupportRequest"
            WHERE "beneficiaryId" = ${beneficiaryId} AND "status" NOT IN (${Prisma.join(CLOSED_STATUSES)}) ORDER BY "id" DESC LIMIT 1`
        )[0],
      ),
    listForBeneficiary: (beneficiaryId: number) =>
      db.supportRequest.findMany({ where: { beneficiaryId }, orderBy: { id: 'desc' }, include: { infoRequests: { where: { resolvedAt: null } } } }),
    createDraft: async (input: { beneficiaryId: number; channel: string; createdByStaffId: number | null }) => {
      const draft = await db.supportRequest.create({
        data: { beneficiaryId: input.beneficiaryId, channel: input.channel, createdByStaffId: input.createdByStaffId, status: 'draft' },
      });
      requestLists.invalidateAll();
      return draft;
    },
    updateFields: (id: number, expectedVersion: number, fields: RequestFields) =>
      versionedUpdate(id, expectedVersion, fields.fullName !== undefined ? { ...fields, nameKey: nameKeyOf(fields.fullName) } : fields),
    /** Bumps the version without changing columns: household and document changes are changes to the request. */
    touch: (id: number, expectedVersion: number) => versionedUpdate(id, expectedVersion, {}),
    setStatus: (id: number, expectedVersion: number, status: string, extra: StatusExtra = {}) =>
      versionedUpdate(id, expectedVersion, { ...extra, status }),

    addHouseholdMember: (requestId: number, member: HouseholdMemberInput) =>
      db.householdMember.create({ data: { ...member, requestId } }),
    updateHouseholdMember: async (requestId: number, memberId: number, member: HouseholdMemberInput) =>
      (await db.householdMember.updateMany({ where: { id: memberId, requestId }, data: member })).count > 0,
    removeHouseholdMember: async (requestId: number, memberId: number) =>
      (await db.householdMember.deleteMany({ where: { id: memberId, requestId } })).count > 0,

    addDocument: (requestId: number, document: DocumentInput) => db.requestDocument.create({ data: { ...document, requestId } }),
    /** Only what deciding a staff read needs: one small row, no relations. */
    accessFacts: (id: number) =>
      db.supportRequest.findUnique({ where: { id }, select: { id: true, status: true, beneficiaryId: true, raisedAt: true } }),
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
