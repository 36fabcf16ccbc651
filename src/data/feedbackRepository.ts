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

    /** Marks occasions rated; false when another rating took one first, so each is rated once. */
    markOccasionsAnswered: async (requestId: number, keys: string[]): Promise<boolean> => {
      const taken = await db.answeredRatingOccasion.count({ where: { key: { in: keys } } });
      if (taken > 0) return false;
      await db.answeredRatingOccasion.createMany({ data: keys.map((key) => ({ key, requestId })) });
      return true;
    },

    /** What the rating offer depends on: ownership, release, the services delivered and the occasions already rated. */
    ratingTarget: async (requestId: number) => {
      const [request] = await sql.all<{ id: number; reference: string | null; beneficiaryId: number; decisionReleasedAt: Date | null }>(
        'SELECT "id", "reference", "beneficiaryId", "decisionReleasedAt" FROM "SupportRequest" WHERE "id" = ?',
        [requestId],
        { decisionReleasedAt: 'date' },
      );
      if (!request) return null;
      const [services, answered] = await Promise.all([
        sql.all<{ id: number }>('SELECT "id" FROM "ServiceDelivery" WHERE "requestId" = ? AND "cancelledAt" IS NULL ORDER BY "id" ASC', [requestId]),
        sql.all<{ key: string }>('SELECT "key" FROM "AnsweredRatingOccasion" WHERE "requestId" = ?', [requestId]),
      ]);
      return { ...request, serviceIds: services.map((service) => service.id), answered: answered.map((row) => row.key) };
    },

    /** Who asked, for the staff list and the answer notification (questions hold ids, not relations). */
    beneficiariesByIds: (ids: number[]) =>
      db.beneficiary.findMany({ where: { id: { in: ids } }, select: { id: true, fullName: true, nationalId: true, mobile: true } }),

    requestsByIds: (ids: number[]) => db.supportRequest.findMany({ where: { id: { in: ids } }, select: { id: true, reference: true, email: true } }),

    addRating: (rating: NewRating) => db.serviceRating.create({ data: rating }),

    // Suggestions and complaints.
    addSuggestionOrComplaint: async (input: { kind: string; message: string; beneficiaryId: number | null; name: string | null; mobile: string | null; ownerStaffId: number | null; receivedAt: Date; respondBy: Date }, referenceOf: (id: number) => string) => {
      const created = await db.suggestionOrComplaint.create({ data: input });
      return db.suggestionOrComplaint.update({ where: { id: created.id }, data: { reference: referenceOf(created.id) } });
    },
    findSuggestionOrComplaint: (id: number) => db.suggestionOrComplaint.findUnique({ where: { id } }),
    findSuggestionOrComplaintByReference: (reference: string) => db.suggestionOrComplaint.findUnique({ where: { reference } }),
    /** Open ones first, the nearest deadline first; then the latest answered. */
    suggestionsAndComplaints: (limit = 200) =>
      db.suggestionOrComplaint.findMany({ orderBy: [{ status: 'desc' }, { respondBy: 'asc' }, { id: 'desc' }], take: limit }),
    /** Replies only to an open item, so two staff replying at once cannot overwrite each other. */
    replyToSuggestionOrComplaint: async (id: number, reply: { reply: string; repliedById: number; repliedAt: Date }): Promise<boolean> =>
      (await db.suggestionOrComplaint.updateMany({ where: { id, status: 'open' }, data: { ...reply, status: 'answered' } })).count === 1,
    openCountsByOwner: async (ownerIds: number[]) =>
      (await db.suggestionOrComplaint.groupBy({ by: ['ownerStaffId'], where: { status: 'open', ownerStaffId: { in: ownerIds } }, _count: { _all: true } })).map((row) => ({
        id: row.ownerStaffId ?? 0,
        count: row._count._all,
      })),

    /**
     * Aggregates for one period only: no identity leaves this function. Comments come without
     * score, context or date, in text order, and only when `withComments` (enough ratings).
     */
    ratingSummary: async (period: { from: Date; to: Date }, withComments: (count: number) => boolean) => {
      const where = { createdAt: { gte: period.from, lt: period.to } };
      const [overall, byScore, byContext] = await Promise.all([
        db.serviceRating.aggregate({ where, _count: { _all: true }, _avg: { score: true, easeScore: true } }),
        db.serviceRating.groupBy({ where, by: ['score'], _count: { _all: true } }),
        db.serviceRating.groupBy({ where, by: ['context'], _count: { _all: true }, _avg: { score: true, easeScore: true } }),
      ]);
      const count = overall._count._all;
      const comments = withComments(count)
        ? (await db.serviceRating.findMany({ where: { ...where, comment: { not: null } }, select: { comment: true }, orderBy: { comment: 'asc' } })).map((row) => row.comment ?? '')
        : null;
      return {
        count,
        averageScore: overall._avg.score,
        averageEase: overall._avg.easeScore,
        distribution: [1, 2, 3, 4, 5].map((score) => ({ score, count: byScore.find((row) => row.score === score)?._count._all ?? 0 })),
        byContext: byContext.map((row) => ({ context: row.context, count: row._count._all, averageScore: row._avg.score, averageEase: row._avg.easeScore })),
        /** null while the period has too few ratings for its comments to be shown. */
        comments,
      };
    },
  };
}
