import type { Db } from './prismaClient.ts';

/** Aggregates for the service indicators page: counts and the raw durations behind the medians. */
export function indicatorsRepository(db: Db) {
  return {
    countByStatus: async (statuses: readonly string[]) =>
      (await db.supportRequest.groupBy({ by: ['status'], where: { status: { in: [...statuses] } }, _count: { _all: true } })).map(
        (row) => ({ status: row.status, count: row._count._all }),
      ),
    overdueWithCommittee: (submittedOnOrBefore: Date) =>
      db.supportRequest.count({ where: { status: 'with_committee', submittedAt: { lte: submittedOnOrBefore } } }),
    /** Answers recorded and not yet told, per status: one query feeds both "awaiting release" and the backlog. */
    awaitingReleaseByStatus: async (answeredStatuses: readonly string[]) =>
      (
        await db.supportRequest.groupBy({
          by: ['status'],
          where: { status: { in: [...answeredStatuses] }, decisionReleasedAt: null },
          _count: { _all: true },
        })
      ).map((row) => ({ status: row.status, count: row._count._all })),

    submittedByChannel: async (since: Date) =>
      (await db.supportRequest.groupBy({ by: ['channel'], where: { submittedAt: { gte: since } }, _count: { _all: true } })).map(
        (row) => ({ channel: row.channel, count: row._count._all }),
      ),
    /** Acceptances and rejections told to the applicant since `since`, with the dates their durations come from. */
    answersReleased: (since: Date) =>
      db.decision.findMany({
        where: { outcome: { in: ['accept', 'reject'] }, releasedAt: { gte: since } },
        select: { outcome: true, decidedAt: true, releasedAt: true, request: { select: { submittedAt: true, raisedAt: true } } },
      }),
    returnedForInformation: (since: Date) => db.decision.count({ where: { outcome: 'more_info', decidedAt: { gte: since } } }),
    registered: (since: Date) => db.beneficiary.count({ where: { registeredAt: { gte: since } } }),
    servicesDelivered: (sinceDay: string) => db.serviceDelivery.count({ where: { deliveredOn: { gte: sinceDay }, cancelledAt: null } }),

    inquiriesByChannel: async (since: Date) =>
      (await db.inquiry.groupBy({ by: ['channel'], where: { recordedAt: { gte: since } }, _count: { _all: true } })).map((row) => ({ channel: row.channel, count: row._count._all })),
    /** Suggestions and complaints received since `since`, per kind and status, and how many open ones are past their date. */
    suggestionsAndComplaints: async (since: Date, now: Date) => {
      const [byStatus, overdue] = await Promise.all([
        db.suggestionOrComplaint.groupBy({ by: ['kind', 'status'], where: { receivedAt: { gte: since } }, _count: { _all: true } }),
        db.suggestionOrComplaint.groupBy({ by: ['kind'], where: { receivedAt: { gte: since }, status: 'open', respondBy: { lt: now } }, _count: { _all: true } }),
      ]);
      return {
        byStatus: byStatus.map((row) => ({ kind: row.kind, status: row.status, count: row._count._all })),
        overdue: overdue.map((row) => ({ kind: row.kind, count: row._count._all })),
      };
    },

    questionsAsked: (since: Date) => db.beneficiaryQuestion.count({ where: { askedAt: { gte: since } } }),
    questionsAnswered: (since: Date) =>
      db.beneficiaryQuestion.findMany({ where: { answeredAt: { gte: since } }, select: { askedAt: true, answeredAt: true } }),
    questionsOpen: () => db.beneficiaryQuestion.count({ where: { answeredAt: null } }),

    ratings: async (since: Date) => {
      const result = await db.serviceRating.aggregate({ where: { createdAt: { gte: since } }, _count: { _all: true }, _avg: { score: true } });
      return { count: result._count._all, averageScore: result._avg.score };
    },
  };
}
export type IndicatorsRepository = ReturnType<typeof indicatorsRepository>;
