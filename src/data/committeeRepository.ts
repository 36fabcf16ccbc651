import { Prisma } from '../generated/prisma/client.ts';
import { engineOf, type Db, type ModelRow } from './prismaClient.ts';
import type { ReadCache } from './readCache.ts';

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

/** `awaiting_release`: decided (accepted or rejected) but not yet told to the applicant. */
export const QUEUE_VIEWS = ['with_committee', 'awaiting_release'] as const;
export type QueueView = (typeof QUEUE_VIEWS)[number];

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
export function queueConditions(db: Db, filter: QueueFilter) {
  return [
    filter.view === 'with_committee'
      ? Prisma.sql`"status" = 'with_committee'`
      : Prisma.sql`"status" IN ('accepted', 'rejected') AND "decisionReleasedAt" IS NULL`,
    ...(filter.city ? [Prisma.sql`"city" = ${filter.city}`] : []),
    ...(filter.supportType ? [Prisma.sql`"supportType" = ${filter.supportType}`] : []),
    ...(filter.submittedOnOrBefore ? [Prisma.sql`"submittedAt" <= ${sqlDate(db, filter.submittedOnOrBefore)}`] : []),
  ];
}

/** The queue's columns, quoted: PostgreSQL folds unquoted names to lower case. */
export const QUEUE_COLUMNS = Prisma.raw(
  '"id", "reference", "fullName", "supportType", "city", "status", "submittedAt", "responseWindowOpensAt"',
);

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

export function committeeRepository(db: Db, requestLists: ReadCache<QueuePage>) {
  /**
   * Raw SQL on purpose: the ORM's per-query overhead was ~20x the query itself here, and this
   * is the busiest staff page. The WHERE and ORDER BY match the (status, ...) indexes, so
   * SQLite reads the page and the count from an index without sorting.
   */
  async function loadQueue(filter: QueueFilter, page: number, pageSize: number): Promise<QueuePage> {
      const where = Prisma.join(queueConditions(db, filter), ' AND ');
      const [rows, counted] = await Promise.all([
        db.$queryRaw<RawQueueRow[]>`SELECT ${QUEUE_COLUMNS}
          FROM "SupportRequest" WHERE ${where}
          ORDER BY "responseWindowOpensAt" ASC, "id" ASC LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
        db.$queryRaw<{ total: number | bigint }[]>`SELECT COUNT(*) AS total FROM "SupportRequest" WHERE ${where}`,
      ]);
      return {
        rows: rows.map(queueRowFrom),
        total: Number(counted[0]?.total ?? 0),
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
     * every relation, written as SQL because Prisma compiles each model query anew (requestRepository.ts).
     */
    file: async (requestId: number): Promise<CommitteeFile | null> => {
      const [request] = await db.$queryRaw<ModelRow<'SupportRequest'>[]>`SELECT * FROM "SupportRequest" WHERE "id" = ${requestId}`;
      if (!request) return null;
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
        db.$queryRaw<CommitteeFile['beneficiary'][]>`SELECT "id", "nationalId", "mobile", "fullName", "fileNumber", "registeredAt" FROM "Beneficiary" WHERE "id" = ${request.beneficiaryId}`,
        db.$queryRaw<ModelRow<'HouseholdMember'>[]>`SELECT * FROM "HouseholdMember" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'RequestDocument'>[]>`SELECT * FROM "RequestDocument" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'Declaration'>[]>`SELECT * FROM "Declaration" WHERE "requestId" = ${requestId} ORDER BY "signedAt" DESC, "id" DESC`,
        db.$queryRaw<ModelRow<'VerificationLine'>[]>`SELECT * FROM "VerificationLine" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'InfoRequest'>[]>`SELECT * FROM "InfoRequest" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'Referral'>[]>`SELECT * FROM "Referral" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'Recommendation'>[]>`SELECT * FROM "Recommendation" WHERE "requestId" = ${requestId} ORDER BY "recordedAt" ASC, "id" ASC`,
        db.$queryRaw<ModelRow<'Decision'>[]>`SELECT * FROM "Decision" WHERE "requestId" = ${requestId} ORDER BY "id" DESC`,
        db.$queryRaw<ModelRow<'RegistrationItem'>[]>`SELECT * FROM "RegistrationItem" WHERE "requestId" = ${requestId} ORDER BY "id" ASC`,
        db.$queryRaw<ModelRow<'ServiceDelivery'>[]>`SELECT * FROM "ServiceDelivery" WHERE "requestId" = ${requestId} ORDER BY "deliveredOn" DESC, "id" DESC`,
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
    findForAction: (requestId: number) =>
      db.supportRequest.findUnique({
        where: { id: requestId },
        select: {
          id: true,
          reference: true,
          status: true,
          version: true,
          email: true,
          submittedAt: true,
          responseWindowOpensAt: true,
          decisionReleasedAt: true,
          beneficiaryId: true,
          beneficiary: { select: { id: true, mobile: true, fileNumber: true } },
        },
      }),

    staffNames: async (ids: number[]) => {
      const unique = [...new Set(ids)];
      if (unique.length === 0) return new Map<number, string>();
      const rows = await db.staffUser.findMany({ where: { id: { in: unique } }, select: { id: true, fullName: true } });
      return new Map(rows.map((row) => [row.id, row.fullName]));
    },

    upsertRecommendation: (input: { requestId: number; memberId: number; recommendation: string; note: string; at: Date }) =>
      db.recommendation.upsert({
        where: { requestId_memberId: { requestId: input.requestId, memberId: input.memberId } },
        create: {
          requestId: input.requestId,
          memberId: input.memberId,
          recommendation: input.recommendation,
          note: input.note,
          recordedAt: input.at,
        },
        update: { recommendation: input.recommendation, note: input.note, recordedAt: input.at },
      }),

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
    }) => db.serviceDelivery.create({ data: input }),

    /** The answer the applicant has been told, if any: never a decision still held back. */
    releasedAnswerFor: (requestId: number) =>
      db.decision.findFirst({
        where: { requestId, releasedAt: { not: null }, outcome: { in: ['accept', 'reject'] } },
        orderBy: { id: 'desc' },
        select: {
          outcome: true,
          approvedSupportType: true,
          amount: true,
          quantity: true,
          durationMonths: true,
          rejectionReason: true,
          beneficiaryNote: true,
          releasedAt: true,
        },
      }),
    servicesForBeneficiary: (beneficiaryId: number) =>
      db.serviceDelivery.findMany({
        where: { beneficiaryId },
        orderBy: [{ deliveredOn: 'desc' }, { id: 'desc' }],
        select: { id: true, requestId: true, serviceType: true, amount: true, quantity: true, deliveredOn: true, note: true },
      }),
  };
}
export type CommitteeRepository = ReturnType<typeof committeeRepository>;
