import type { Db } from './prismaClient.ts';
import type { SqlReader } from './sqlReader.ts';

export interface NewRating {
  score: number;
  easeScore: number;
  comment: string | null;
  anonymous: boolean;
  beneficiaryId: number | null;
  requestId: number | null;
  context: 'decision' | 'service';
  createdAt: Date;
}

/** Beneficiaries' questions and satisfaction ratings. */
export function feedbackRepository(db: Db, sql: SqlReader) {
  return {
    addQuestion: (question: { beneficiaryId: number; requestId: number | null; question: string; askedAt: Date }) =>
      db.beneficiaryQuestion.create({ data: question }),

    questionsOf: (beneficiaryId: number) =>
      db.beneficiaryQuestion.findMany({ where: { beneficiaryId }, orderBy: [{ askedAt: 'desc' }, { id: 'desc' }] }),

    unansweredQuestions: (limit = 200) =>
      db.beneficiaryQuestion.findMany({ where: { answeredAt: null }, orderBy: [{ askedAt: 'asc' }, { id: 'asc' }], take: limit }),

    findQuestion: (id: number) => db.beneficiaryQuestion.findUnique({ where: { id } }),

    /** Answers only a still-open question, so two officers answering at once cannot overwrite each other. */
    answerQuestion: async (id: number, answer: { answer: string; answeredById: number; answeredAt: Date }): Promise<boolean> => {
      const { count } = await db.beneficiaryQuestion.updateMany({ where: { id, answeredAt: null }, data: answer });
      return count === 1;
    },

    /** Marks the request rated only if it was not already, so a request is rated once. */
    markRequestRated: async (requestId: number, at: Date): Promise<boolean> => {
      const { count } = await db.supportRequest.updateMany({ where: { id: requestId, ratedAt: null }, data: { ratedAt: at } });
      return count === 1;
    },

    /** What the rating offer depends on: ownership, release, delivery and whether it was rated already. */
    ratingTarget: async (requestId: number) => {
      const [request] = await sql.all<{
        id: number;
        reference: string | null;
        beneficiaryId: number;
        decisionReleasedAt: Date | null;
        ratedAt: Date | null;
        servicesDelivered: number;
      }>(
        `SELECT r."id", r."reference", r."beneficiaryId", r."decisionReleasedAt", r."ratedAt",
            (SELECT COUNT(*) FROM "ServiceDelivery" AS s WHERE s."requestId" = r."id") AS "servicesDelivered"
          FROM "SupportRequest" AS r WHERE r."id" = ?`,
        [requestId],
        { decisionReleasedAt: 'date', ratedAt: 'date', servicesDelivered: 'integer' },
      );
      return request ?? null;
    },

    /** Who asked, for the staff list and the answer notification (questions hold ids, not relations). */
    beneficiariesByIds: (ids: number[]) =>
      db.beneficiary.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, nationalId: true, mobile: true } }),

    requestsByIds: (ids: number[]) => db.supportRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true, email: true } }),

    addRating: (rating: NewRating) => db.serviceRating.create({ data: rating }),

    /** Aggregates only: no identity leaves this function. */
    ratingSummary: async (latestCommentsLimit = 20) => {
      const [overall, byScore, byContext, comments] = await Promise.all([
        db.serviceRating.aggregate({ _count: { _all: true }, _avg: { score: true, easeScore: true } }),
        db.serviceRating.groupBy({ by: ['score'], _count: { _all: true } }),
        db.serviceRating.groupBy({ by: ['context'], _count: { _all: true }, _avg: { score: true, easeScore: true } }),
        db.serviceRating.findMany({
          where: { comment: { not: null } },
          orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
          take: latestCommentsLimit,
          select: { comment: true, score: true, context: true, createdAt: true },
        }),
      ]);
      return {
        count: overall._count._all,
        averageScore: overall._avg.score,
        averageEase: overall._avg.easeScore,
        distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: byScore.find((row) => row.score === score)?._count._all ?? 0 })),
        byContext: byContext.map((row) => ({ context: row.context, count: row._count._all, averageScore: row._avg.score, averageEase: row._avg.easeScore })),
        latestComments: comments.map((row) => ({ comment: row.comment ?? '', score: row.score, context: row.context, createdAt: row.createdAt })),
      };
    },
  };
}
