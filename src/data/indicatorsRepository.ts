import type { Db } from './prismaClient.ts';
import { placeholders, type SqlReader } from './sqlReader.ts';

const counted = { count: 'integer' } as const;

/**
 * Aggregates for the service indicators page: counts and the raw durations behind the medians.
 * Counted in SQL through the driver (sqlReader.ts), each over an index that holds the columns it
 * filters on (migration 20261203152000_indicator_indexes), so no count reads the 100,000 rows themselves.
 */
export function indicatorsRepository(_db: Db, sql: SqlReader) {
  const count = async (query: string, params: (string | number | Date)[]) =>
    (await sql.all<{ count: number }>(query, params, counted))[0]?.count ?? 0;
  return {
    countByStatus: (statuses: readonly string[]) =>
      sql.all<{ status: string; count: number }>(
        `SELECT "status", COUNT(*) AS "count" FROM "SupportRequest" WHERE "status" IN (${placeholders(statuses.length)}) GROUP BY "status"`,
        [...statuses],
        counted,
      ),
    overdueWithCommittee: (submittedOnOrBefore: Date) =>
      count(`SELECT COUNT(*) AS "count" FROM "SupportRequest" WHERE "status" = 'with_committee' AND "submittedAt" <= ?`, [submittedOnOrBefore]),
    /** Answers recorded and not yet told, per status: one query feeds both "awaiting release" and the backlog. */
    awaitingReleaseByStatus: (answeredStatuses: readonly string[]) =>
      sql.all<{ status: string; count: number }>(
        `SELECT "status", COUNT(*) AS "count" FROM "SupportRequest"
          WHERE "status" IN (${placeholders(answeredStatuses.length)}) AND "decisionReleasedAt" IS NULL GROUP BY "status"`,
        [...answeredStatuses],
        counted,
      ),

    submittedByChannel: (since: Date) =>
      sql.all<{ channel: string; count: number }>(
        `SELECT "channel", COUNT(*) AS "count" FROM "SupportRequest" WHERE "submittedAt" >= ? GROUP BY "channel"`,
        [since],
        counted,
      ),
    /** Acceptances and rejections told to the applicant since `since`, with the dates their durations come from. */
    answersReleased: async (since: Date) =>
      (
        await sql.all<{ outcome: string; decidedAt: Date; releasedAt: Date | null; submittedAt: Date | null; raisedAt: Date | null }>(
          `SELECT d."outcome", d."decidedAt", d."releasedAt", r."submittedAt", r."raisedAt"
            FROM "Decision" AS d JOIN "SupportRequest" AS r ON r."id" = d."requestId"
            WHERE d."releasedAt" >= ? AND d."outcome" IN ('accept', 'reject')`,
          [since],
          { decidedAt: 'date', releasedAt: 'date', submittedAt: 'date', raisedAt: 'date' },
        )
      ).map(({ submittedAt, raisedAt, ...decision }) => ({ ...decision, request: { submittedAt, raisedAt } })),
    returnedForInformation: (since: Date) =>
      count(`SELECT COUNT(*) AS "count" FROM "Decision" WHERE "outcome" = 'more_info' AND "decidedAt" >= ?`, [since]),
    registered: (since: Date) => count(`SELECT COUNT(*) AS "count" FROM "Beneficiary" WHERE "registeredAt" >= ?`, [since]),
    servicesDelivered: (sinceDay: string) => count(`SELECT COUNT(*) AS "count" FROM "ServiceDelivery" WHERE "deliveredOn" >= ? AND "cancelledAt" IS NULL`, [sinceDay]),

    inquiriesByChannel: (since: Date) =>
      sql.all<{ channel: string; count: number }>(
        `SELECT "channel", COUNT(*) AS "count" FROM "Inquiry" WHERE "recordedAt" >= ? GROUP BY "channel"`,
        [since],
        counted,
      ),
    /** Suggestions and complaints received since `since`, per kind and status, and how many open ones are past their date. */
    suggestionsAndComplaints: async (since: Date, now: Date) => {
      const [byStatus, overdue] = await Promise.all([
        sql.all<{ kind: string; status: string; count: number }>(
          `SELECT "kind", "status", COUNT(*) AS "count" FROM "SuggestionOrComplaint" WHERE "receivedAt" >= ? GROUP BY "kind", "status"`,
          [since],
          counted,
        ),
        sql.all<{ kind: string; count: number }>(
          `SELECT "kind", COUNT(*) AS "count" FROM "SuggestionOrComplaint" WHERE "receivedAt" >= ? AND "status" = 'open' AND "respondBy" < ? GROUP BY "kind"`,
          [since, now],
          counted,
        ),
      ]);
      return { byStatus, overdue };
    },

    questionsAsked: (since: Date) => count(`SELECT COUNT(*) AS "count" FROM "BeneficiaryQuestion" WHERE "askedAt" >= ?`, [since]),
    questionsAnswered: (since: Date) =>
      sql.all<{ askedAt: Date; answeredAt: Date | null }>(
        `SELECT "askedAt", "answeredAt" FROM "BeneficiaryQuestion" WHERE "answeredAt" >= ?`,
        [since],
        { askedAt: 'date', answeredAt: 'date' },
      ),
    questionsOpen: () => count(`SELECT COUNT(*) AS "count" FROM "BeneficiaryQuestion" WHERE "answeredAt" IS NULL`, []),

    ratings: async (since: Date) => {
      const [row] = await sql.all<{ count: number; averageScore: number | null }>(
        `SELECT COUNT(*) AS "count", AVG("score") AS "averageScore" FROM "ServiceRating" WHERE "createdAt" >= ?`,
        [since],
        { count: 'integer' },
      );
      return { count: row?.count ?? 0, averageScore: row?.averageScore ?? null };
    },
  };
}
export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
