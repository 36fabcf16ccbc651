import type { Db } from './prismaClient.ts';

export function draftReminderRepository(db: Db) {
  return {
    /** Drafts last changed before `changedBefore` with no reminder of `kind` for that change yet. */
    draftsDue: async (kind: string, changedBefore: Date, changedAfter: Date, limit: number) => {
      const due: { id: number; updatedAt: Date; beneficiaryId: number; beneficiary: { mobile: string | null; mobileVerifiedAt: Date | null } }[] = [];
      // Paged past the drafts already reminded, which stay in the window for weeks.
      for (let afterId = 0; due.length < limit; ) {
        const drafts = await db.supportRequest.findMany({
          where: { status: 'draft', anonymisedAt: null, updatedAt: { lt: changedBefore, gte: changedAfter }, id: { gt: afterId } },
          select: { id: true, updatedAt: true, beneficiaryId: true, beneficiary: { select: { mobile: true, mobileVerifiedAt: true } } },
          orderBy: { id: 'asc' },
          take: 500,
        });
        if (drafts.length === 0) break;
        afterId = drafts[drafts.length - 1]!.id;
        const sent = await db.draftReminder.findMany({ where: { kind, requestId: { in: drafts.map((draft) => draft.id) } }, select: { requestId: true, draftUpdatedAt: true } });
        const done = new Set(sent.map((row) => `${row.requestId}:${row.draftUpdatedAt.getTime()}`));
        due.push(...drafts.filter((draft) => !done.has(`${draft.id}:${draft.updatedAt.getTime()}`)));
      }
      return due.slice(0, limit);
    },
    /** False when another run (or server) already claimed this reminder: the unique key decides. */
    claim: async (input: { requestId: number; kind: string; draftUpdatedAt: Date; sentAt: Date }) => {
      const existing = await db.draftReminder.findUnique({ where: { requestId_kind_draftUpdatedAt: { requestId: input.requestId, kind: input.kind, draftUpdatedAt: input.draftUpdatedAt } } });
      if (existing) return false;
      await db.draftReminder.create({ data: input });
      return true;
    },
  };
}
