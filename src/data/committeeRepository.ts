import { engineOf, type Db, type ModelRow } from './prismaClient.ts';
import type { ReadCache } from './readCache.ts';
import type { QueueView } from '../domain/committeeQueue.ts';
import { MODEL_COLUMN_TYPES as T } from './columnTypes.ts';
import { placeholders, type SqlReader, type SqlValue } from './sqlReader.ts';

export type CommitteeFile = ModelRow<'SupportRequest'> & {
  beneficiary: Pick<ModelRow<'Beneficiary'>, 'id' | 'nationalId' | 'mobile' | 'fullName' | 'fileNumber' | 'registeredAt'>;
  householdMembers: ModelRow<'HouseholdMember'>[];
  documents: ModelRow<'RequestDocument'>[];
  declarations: ModelRow<'Declaration'>[];
  verificationLines: ModelRow<'VerificationLine'>[];
  infoRequests: ModelRow<'InfoRequest'>[];
  referrals: ModelRow<'Referral'>[];
  recommendations: ModelRow<'Recommendation'>[];
  decisions: ModelRow<'Decision'>[];
  registrationItems: ModelRow<'RegistrationItem'>[];
  services: ModelRow<'ServiceDelivery'>[];
};

export type { QueueView };

export interface QueueFilter {
  view: QueueView;
  city?: string;
  supportType?: string;
  /** Only requests submitted at or before this instant (the overdue cut-off). */
  submittedOnOrBefore?: Date;
}

/** The columns the queue table shows, and nothing else: the page must stay light at 100,000 rows. */
export interface RawQueueRow {
  id: number | bigint;
  reference: string | null;
  fullName: string | null;
  supportType: string | null;
  city: string | null;
  status: string;
  submittedAt: Date | string | null;
  responseWindowOpensAt: Date | string | null;
}

/**
 * A date for a raw SQL comparison: on SQLite the text format its adapter stores DateTime columns in (so comparisons
 * stay textual), on PostgreSQL the timestamp itself.
 */
export const sqlDate = (db: Db, date: Date): Date | string => (engineOf(db) === 'sqlite' ? date.toISOString().replace('Z', '+00:00') : date);
export const toDate = (value: Date | string | null): Date | null => (value == null ? null : value instanceof Date ? value : new Date(value));

/** The queue's WHERE, shared by the page and its CSV export so the two always list the same requests. */
export function queueWhere(filter: QueueFilter): { where: string; params: SqlValue[] } {
  const conditions = [
    filter.view === 'with_committee' ? `"status" = 'with_committee'` : `"status" IN ('accepted', 'rejected') AND "decisionReleasedAt" IS NULL`,
  ];
  const params: SqlValue[] = [];
  const add = (condition: string, value: SqlValue) => {
    conditions.push(condition);
    params.push(value);
  };
  if (filter.city) add('"city" = ?', filter.city);
  if (filter.supportType) add('"supportType" = ?', filter.supportType);
  if (filter.submittedOnOrBefore) add('"submittedAt" <= ?', filter.submittedOnOrBefore);
  return { where: conditions.join(' AND '), params };
}

/** The columns the queue table and its export show. */
export const QUEUE_COLUMNS = '"id", "reference", "fullName", "supportType", "city", "status", "submittedAt", "responseWindowOpensAt"';

export const queueRowFrom = (row: RawQueueRow) => ({
  ...row,
  id: Number(row.id),
  submittedAt: toDate(row.submittedAt),
  responseWindowOpensAt: toDate(row.responseWindowOpensAt),
});

export interface QueueRow {
  id: number;
  reference: string | null;
  fullName: string | null;
  supportType: string | null;
  city: string | null;
  status: string;
  submittedAt: Date | null;
  responseWindowOpensAt: Date | null;
}
export interface QueuePage {
  rows: readonly QueueRow[];
  total: number;
}

export function committeeRepository(db: Db, requestLists: ReadCache<QueuePage>, sql: SqlReader) {
  /**
   * Through the driver (sqlReader.ts): the ORM's per-query overhead was ~20x the query itself here, and
   * this is the busiest staff page. The WHERE and ORDER BY match the (status, ...) indexes, so
   * SQLite reads the page and the count from an index without sorting.
   */
  async function loadQueue(filter: QueueFilter, page: number, pageSize: number): Promise<QueuePage> {
    const { where, params } = queueWhere(filter);
    const [rows, counted] = await Promise.all([
      sql.all<RawQueueRow>(
        `SELECT ${QUEUE_COLUMNS} FROM "SupportRequest" WHERE ${where} ORDER BY "responseWindowOpensAt" ASC, "id" ASC LIMIT ? OFFSET ?`,
        [...params, pageSize, (page - 1) * pageSize],
      ),
      sql.all<{ total: number }>(`SELECT COUNT(*) AS "total" FROM "SupportRequest" WHERE ${where}`, params, { total: 'integer' }),
    ]);
    return {
      rows: rows.map(queueRowFrom),
      total: counted[0]?.total ?? 0,
    };
  }

  return {
    /** The busiest staff page reads the same few pages over and over: cached until a request changes. */
    queue: (filter: QueueFilter, page: number, pageSize: number): Promise<QueuePage> =>
      requestLists.read(
        JSON.stringify([filter.view, filter.city, filter.supportType, filter.submittedOnOrBefore?.getTime(), page, pageSize]),
        () => loadQueue(filter, page, pageSize),
      ),

    /**
     * Everything the committee reads about one request: the same rows and order as an `include` of
     * every relation, read through the driver (sqlReader.ts).
     */
    file: async (requestId: number): Promise<CommitteeFile | null> => {
      const [request] = await sql.all<ModelRow<'SupportRequest'>>('SELECT * FROM "SupportRequest" WHERE "id" = ?', [requestId], T.SupportRequest);
      if (!request) return null;
      const byRequest = <Row>(table: keyof typeof T, orderBy: string) =>
        sql.all<Row>(`SELECT * FROM "${table}" WHERE "requestId" = ? ORDER BY ${orderBy}`, [requestId], T[table]);
      const [
        beneficiaries,
        householdMembers,
        documents,
        declarations,
        verificationLines,
        infoRequests,
        referrals,
        recommendations,
        decisions,
        registrationItems,
        services,
      ] = await Promise.all([
        sql.all<CommitteeFile['beneficiary']>(
          'SELECT "id", "nationalId", "mobile", "fullName", "fileNumber", "registeredAt" FROM "Beneficiary" WHERE "id" = ?',
          [request.beneficiaryId],
          T.Beneficiary,
        ),
        byRequest<ModelRow<'HouseholdMember'>>('HouseholdMember', '"id" ASC'),
        byRequest<ModelRow<'RequestDocument'>>('RequestDocument', '"id" ASC'),
        byRequest<ModelRow<'Declaration'>>('Declaration', '"signedAt" DESC, "id" DESC'),
        byRequest<ModelRow<'VerificationLine'>>('VerificationLine', '"id" ASC'),
        byRequest<ModelRow<'InfoRequest'>>('InfoRequest', '"id" ASC'),
        byRequest<ModelRow<'Referral'>>('Referral', '"id" ASC'),
        byRequest<ModelRow<'Recommendation'>>('Recommendation', '"recordedAt" ASC, "id" ASC'),
        byRequest<ModelRow<'Decision'>>('Decision', '"id" DESC'),
        byRequest<ModelRow<'RegistrationItem'>>('RegistrationItem', '"id" ASC'),
        byRequest<ModelRow<'ServiceDelivery'>>('ServiceDelivery', '"deliveredOn" DESC, "id" DESC'),
      ]);
      const beneficiary = beneficiaries[0];
      if (!beneficiary) throw new Error(`request ${requestId} has no beneficiary ${request.beneficiaryId}`);
      return {
        ...request,
        beneficiary,
        householdMembers,
        documents,
        declarations,
        verificationLines,
        infoRequests,
        referrals,
        recommendations,
        decisions,
        registrationItems,
        services,
      };
    },

    /** The few fields a state change needs, with who to notify. */
    findForAction: async (requestId: number) => {
      // One read with the join: it runs inside the action's transaction, where each statement goes through Prisma.
      const [row] = await sql.all<{
        id: number;
        reference: string | null;
        status: string;
        version: number;
        email: string | null;
        submittedAt: Date | null;
        responseWindowOpensAt: Date | null;
        decisionReleasedAt: Date | null;
        beneficiaryId: number;
        beneficiaryMobile: string | null;
        beneficiaryFileNumber: string | null;
      }>(
        `SELECT r."id", r."reference", r."status", r."version", r."email", r."submittedAt", r."responseWindowOpensAt",
            r."decisionReleasedAt", r."beneficiaryId", b."mobile" AS "beneficiaryMobile", b."fileNumber" AS "beneficiaryFileNumber"
          FROM "SupportRequest" AS r JOIN "Beneficiary" AS b ON b."id" = r."beneficiaryId" WHERE r."id" = ?`,
        [requestId],
        { submittedAt: 'date', responseWindowOpensAt: 'date', decisionReleasedAt: 'date', version: 'integer' },
      );
      if (!row) return null;
      const { beneficiaryMobile, beneficiaryFileNumber, ...request } = row;
      return { ...request, beneficiary: { id: row.beneficiaryId, mobile: beneficiaryMobile, fileNumber: beneficiaryFileNumber } };
    },

    staffNames: async (ids: number[]) => {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map<number, string>();
      const rows = await sql.all<{ id: number; fullName: string }>(`SELECT "id", "fullName" FROM "StaffUser" WHERE "id" IN (${placeholders(unique.length)})`, unique);
      return new Map(rows.map((row) => [row.id, row.fullName]));
    },

    /** One statement (SQLite and PostgreSQL both have ON CONFLICT and RETURNING): a model upsert costs about three times the CPU. */
    upsertRecommendation: async (input: { requestId: number; memberId: number; recommendation: string; note: string; at: Date }): Promise<{ id: number }> => {
      const [saved] = await db.$queryRaw<{ id: number | bigint }[]>`INSERT INTO "Recommendation" ("requestId", "memberId", "recommendation", "note", "recordedAt")
        VALUES (${input.requestId}, ${input.memberId}, ${input.recommendation}, ${input.note}, ${input.at})
        ON CONFLICT ("requestId", "memberId") DO UPDATE SET "recommendation" = excluded."recommendation", "note" = excluded."note", "recordedAt" = excluded."recordedAt"
        RETURNING "id"`;
      if (!saved) throw new Error(`recommendation for request ${input.requestId} was not saved`);
      return { id: Number(saved.id) };
    },

    createDecision: (input: {
      requestId: number;
      outcome: string;
      approvedSupportType?: string | null;
      amount?: number | null;
      quantity?: number | null;
      durationMonths?: number | null;
      rejectionReason?: string | null;
      note?: string | null;
      decidedById: number;
      decidedAt: Date;
      releasedAt?: Date | null;
      beneficiaryNote?: string | null;
    }) => db.decision.create({ data: input }),

    /** Accept/reject decisions not yet told to the applicant whose response window has opened. */
    releasableDecisions: (now: Date, limit: number) =>
      db.decision.findMany({
        where: {
          releasedAt: null,
          outcome: { in: ['accept', 'reject'] },
          request: { responseWindowOpensAt: { lte: now } },
        },
        select: { id: true, requestId: true },
        orderBy: { id: 'asc' },
        take: limit,
      }),

    decisionForRelease: (decisionId: number) =>
      db.decision.findUnique({
        where: { id: decisionId },
        select: {
          id: true,
          outcome: true,
          releasedAt: true,
          decidedAt: true,
          request: {
            select: {
              id: true,
              reference: true,
              email: true,
              responseWindowOpensAt: true,
              beneficiary: { select: { id: true, mobile: true } },
            },
          },
        },
      }),

    /** The `releasedAt: null` guard makes a second, concurrent or repeated release a no-op. */
    async markDecisionReleased(decisionId: number, requestId: number, at: Date): Promise<boolean> {
      const { count } = await db.decision.updateMany({ where: { id: decisionId, releasedAt: null }, data: { releasedAt: at } });
      if (count !== 1) return false;
      await db.supportRequest.update({ where: { id: requestId }, data: { decisionReleasedAt: at } });
      requestLists.invalidateAll();
      return true;
    },

    registrationItems: (requestId: number) =>
      db.registrationItem.findMany({ where: { requestId }, orderBy: { id: 'asc' } }),

    completeRegistrationItem: (input: { requestId: number; item: string; staffId: number; at: Date }) =>
      db.registrationItem.upsert({
        where: { requestId_item: { requestId: input.requestId, item: input.item } },
        create: { requestId: input.requestId, item: input.item, staffId: input.staffId, completedAt: input.at },
        update: {},
      }),

    assignFileNumber: (beneficiaryId: number, fileNumber: string, at: Date) =>
      db.beneficiary.update({ where: { id: beneficiaryId }, data: { fileNumber, registeredAt: at } }),

    createServiceDelivery: (input: {
      requestId: number;
      beneficiaryId: number;
      serviceType: string;
      amount: number | null;
      quantity: number | null;
      deliveredOn: string;
      deliveredById: number;
      note: string | null;
      exceedReason: string | null;
    }) => db.serviceDelivery.create({ data: input }),

    findServiceDelivery: (requestId: number, serviceId: number) => db.serviceDelivery.findFirst({ where: { id: serviceId, requestId } }),

    /** The services that count against the approval: every one not cancelled, less the one being corrected. */
    deliveredUnderApproval: (requestId: number, exceptServiceId: number | null = null) =>
      db.serviceDelivery.findMany({
        where: { requestId, cancelledAt: null, ...(exceptServiceId === null ? {} : { id: { not: exceptServiceId } }) },
        select: { amount: true, quantity: true },
      }),

    /** The accepted decision services are delivered under (the latest one). */
    acceptedDecision: (requestId: number) =>
      db.decision.findFirst({ where: { requestId, outcome: 'accept' }, orderBy: { id: 'desc' } }),

    /** Changes a service only while it is not cancelled, so a cancelled service cannot be edited back. */
    correctServiceDelivery: async (
      serviceId: number,
      change: { serviceType: string; amount: number | null; quantity: number | null; deliveredOn: string; note: string | null; exceedReason: string | null; correctedAt: Date; correctionReason: string },
    ): Promise<boolean> => (await db.serviceDelivery.updateMany({ where: { id: serviceId, cancelledAt: null }, data: change })).count === 1,

    cancelServiceDelivery: async (serviceId: number, cancellation: { cancelledAt: Date; cancelledById: number; cancelReason: string }): Promise<boolean> =>
      (await db.serviceDelivery.updateMany({ where: { id: serviceId, cancelledAt: null }, data: cancellation })).count === 1,

    /** The answer the applicant has been told, if any: never a decision still held back. */
    releasedAnswerFor: async (requestId: number) =>
      (
        await sql.all<
          Pick<
            ModelRow<'Decision'>,
            'outcome' | 'approvedSupportType' | 'amount' | 'quantity' | 'durationMonths' | 'rejectionReason' | 'beneficiaryNote' | 'releasedAt'
          >
        >(
          `SELECT "outcome", "approvedSupportType", "amount", "quantity", "durationMonths", "rejectionReason", "beneficiaryNote", "releasedAt"
            FROM "Decision" WHERE "requestId" = ? AND "releasedAt" IS NOT NULL AND "outcome" IN ('accept', 'reject') ORDER BY "id" DESC LIMIT 1`,
          [requestId],
          T.Decision,
        )
      )[0] ?? null,
    servicesForBeneficiary: (beneficiaryId: number) =>
      sql.all<Pick<ModelRow<'ServiceDelivery'>, 'id' | 'requestId' | 'serviceType' | 'amount' | 'quantity' | 'deliveredOn' | 'note'>>(
        `SELECT "id", "requestId", "serviceType", "amount", "quantity", "deliveredOn", "note"
          FROM "ServiceDelivery" WHERE "beneficiaryId" = ? AND "cancelledAt" IS NULL ORDER BY "deliveredOn" DESC, "id" DESC`,
        [beneficiaryId],
      ),
  };
}
export type CommitteeRepository = ReturnType<typeof committeeRepository>;
