import type { Db } from './prismaClient.ts';

const ACCEPTED_STATUSES = ['accepted', 'registered', 'closed'];
const ENDED_UNSUPPORTED_STATUSES = ['rejected', 'withdrawn'];

/** What a batch did: how many records, and the stored files that must go with them. */
export interface RetentionBatch {
  count: number;
  storageKeys: string[];
}

const sqliteDay = (date: Date) => date.toISOString().slice(0, 10);

/**
 * Every query selects only records still on the far side of their period and not yet treated,
 * so a batch run twice (or by two instances at once) does nothing the second time.
 */
export function retentionRepository(db: Db) {
  async function deleteRequests(ids: number[]): Promise<RetentionBatch> {
    if (ids.length === 0) return { count: 0, storageKeys: [] };
    const documents = await db.requestDocument.findMany({ where: { requestId: { in: ids } }, select: { storageKey: true } });
    const { count } = await db.supportRequest.deleteMany({ where: { id: { in: ids } } });
    return { count, storageKeys: documents.map((document) => document.storageKey) };
  }

  async function anonymiseRequests(ids: number[], at: Date): Promise<RetentionBatch> {
    if (ids.length === 0) return { count: 0, storageKeys: [] };
    const documents = await db.requestDocument.findMany({ where: { requestId: { in: ids } }, select: { storageKey: true } });
    await db.requestDocument.deleteMany({ where: { requestId: { in: ids } } });
    await db.householdMember.deleteMany({ where: { requestId: { in: ids } } });
    await db.declaration.updateMany({ where: { requestId: { in: ids } }, data: { signatureName: '', ip: null, userAgent: null } });
    await db.verificationLine.updateMany({ where: { requestId: { in: ids } }, data: { note: null } });
    await db.referral.updateMany({ where: { requestId: { in: ids } }, data: { question: '', answer: null, findings: null, recommendation: null } });
    await db.recommendation.updateMany({ where: { requestId: { in: ids } }, data: { note: '' } });
    await db.decision.updateMany({ where: { requestId: { in: ids } }, data: { note: null } });
    await db.serviceDelivery.updateMany({ where: { requestId: { in: ids } }, data: { note: null, exceedReason: null, correctionReason: null, cancelReason: null } });
    await db.inquiry.updateMany({ where: { requestId: { in: ids } }, data: { subject: '', answer: '' } });
    await db.beneficiaryQuestion.updateMany({ where: { requestId: { in: ids } }, data: { question: '', answer: null } });
    await db.serviceRating.updateMany({ where: { requestId: { in: ids } }, data: { comment: null } });
    const { count } = await db.supportRequest.updateMany({
      where: { id: { in: ids }, anonymisedAt: null },
      data: {
        anonymisedAt: at,
        fullName: null,
        nameKey: null,
        birthDate: null,
        birthDateEntered: null,
        idExpiryDateEntered: null,
        nationality: null,
        maritalStatus: null,
        idExpiryDate: null,
        district: null,
        email: null,
        needDescription: null,
        iban: null,
      },
    });
    // The person goes too once nothing of theirs remains in use.
    const owners = await db.supportRequest.findMany({ where: { id: { in: ids } }, select: { beneficiaryId: true }, distinct: ['beneficiaryId'] });
    for (const { beneficiaryId } of owners) {
      const stillInUse = await db.supportRequest.count({ where: { beneficiaryId, anonymisedAt: null } });
      if (stillInUse === 0) await anonymisePerson(beneficiaryId);
    }
    return { count, storageKeys: documents.map((document) => document.storageKey) };
  }

  async function anonymisePerson(beneficiaryId: number) {
    await db.beneficiary.update({
      where: { id: beneficiaryId },
      data: { nationalId: `ANON-${beneficiaryId}`, mobile: null, fullName: null, nameKey: null, passwordHash: null, fileNumber: null, mobileVerifiedAt: null, nafathVerifiedAt: null, email: null },
    });
    await db.notification.updateMany({ where: { beneficiaryId }, data: { recipient: '', body: '', subject: null } });
    await db.beneficiaryQuestion.updateMany({ where: { beneficiaryId }, data: { question: '', answer: null } });
    await db.inquiry.updateMany({ where: { beneficiaryId }, data: { subject: '', answer: '' } });
    await db.oneTimeCode.deleteMany({ where: { beneficiaryId } });
  }

  return {
    /** A destruction request carried out: drafts go, other requests keep only their figures, and so does the person. */
    async destroyPersonalData(beneficiaryId: number, at: Date): Promise<RetentionBatch> {
      const drafts = await db.supportRequest.findMany({ where: { beneficiaryId, status: 'draft' }, select: { id: true } });
      const deleted = await deleteRequests(drafts.map((row) => row.id));
      const others = await db.supportRequest.findMany({ where: { beneficiaryId, anonymisedAt: null }, select: { id: true } });
      const anonymised = await anonymiseRequests(others.map((row) => row.id), at);
      await anonymisePerson(beneficiaryId);
      return { count: deleted.count + anonymised.count, storageKeys: [...deleted.storageKeys, ...anonymised.storageKeys] };
    },

    async deleteAbandonedDrafts(updatedBefore: Date, limit: number): Promise<RetentionBatch> {
      const rows = await db.supportRequest.findMany({ where: { status: 'draft', updatedAt: { lt: updatedBefore } }, select: { id: true }, take: limit });
      return deleteRequests(rows.map((row) => row.id));
    },

    /**
     * Records an online registration left behind and that hold nothing else: since registrations wait in
     * PendingRegistration, an unfinished one leaves a bare row (the ID alone, no mobile proven). A row
     * whose registration was started again within the period is kept.
     */
    async deleteUnverifiedAccounts(createdBefore: Date, limit: number): Promise<RetentionBatch> {
      const candidates = await db.beneficiary.findMany({
        where: {
          createdAt: { lt: createdBefore },
          mobileVerifiedAt: null,
          fileNumber: null,
          requests: { none: {} },
          inquiries: { none: {} },
          services: { none: {} },
        },
        select: { id: true },
        take: limit,
      });
      const restarted = new Set(
        (
          await db.pendingRegistration.findMany({
            where: { beneficiaryId: { in: candidates.map((row) => row.id) }, createdAt: { gte: createdBefore } },
            select: { beneficiaryId: true },
          })
        ).map((row) => row.beneficiaryId),
      );
      const ids = candidates.map((row) => row.id).filter((id) => !restarted.has(id));
      if (ids.length === 0) return { count: 0, storageKeys: [] };
      await db.pendingRegistration.deleteMany({ where: { beneficiaryId: { in: ids } } });
      await db.oneTimeCode.deleteMany({ where: { beneficiaryId: { in: ids } } });
      await db.notification.deleteMany({ where: { beneficiaryId: { in: ids } } });
      await db.consentRecord.deleteMany({ where: { beneficiaryId: { in: ids } } });
      const { count } = await db.beneficiary.deleteMany({ where: { id: { in: ids } } });
      return { count, storageKeys: [] };
    },

    /** Uploaded files of requests whose decision was told (or that were withdrawn) before the cut-off. */
    async deleteDocumentsAfterDecision(decidedBefore: Date, limit: number): Promise<RetentionBatch> {
      const documents = await db.requestDocument.findMany({
        where: { request: { OR: [{ decisionReleasedAt: { lt: decidedBefore } }, { status: 'withdrawn', closedAt: { lt: decidedBefore } }] } },
        select: { id: true, storageKey: true },
        take: limit,
      });
      if (documents.length === 0) return { count: 0, storageKeys: [] };
      const { count } = await db.requestDocument.deleteMany({ where: { id: { in: documents.map((document) => document.id) } } });
      return { count, storageKeys: documents.map((document) => document.storageKey) };
    },

    async anonymiseEndedUnsupportedRequests(endedBefore: Date, limit: number, at: Date): Promise<RetentionBatch> {
      const rows = await db.supportRequest.findMany({
        where: {
          anonymisedAt: null,
          status: { in: ENDED_UNSUPPORTED_STATUSES },
          OR: [{ decisionReleasedAt: { lt: endedBefore } }, { decisionReleasedAt: null, closedAt: { lt: endedBefore } }],
        },
        select: { id: true },
        take: limit,
      });
      return anonymiseRequests(rows.map((row) => row.id), at);
    },

    /** Accepted files whose decision and last service delivered both lie before the cut-off. */
    async anonymiseAcceptedFiles(lastActivityBefore: Date, limit: number, at: Date): Promise<RetentionBatch> {
      const rows = await db.supportRequest.findMany({
        where: {
          anonymisedAt: null,
          status: { in: ACCEPTED_STATUSES },
          decisionReleasedAt: { lt: lastActivityBefore },
          services: { none: { deliveredOn: { gte: sqliteDay(lastActivityBefore) } } },
        },
        select: { id: true },
        take: limit,
      });
      return anonymiseRequests(rows.map((row) => row.id), at);
    },

    async anonymiseDeliveredMessages(sentBefore: Date, limit: number): Promise<RetentionBatch> {
      const rows = await db.notification.findMany({ where: { status: 'sent', sentAt: { lt: sentBefore }, body: { not: '' } }, select: { id: true }, take: limit });
      if (rows.length === 0) return { count: 0, storageKeys: [] };
      const { count } = await db.notification.updateMany({
        where: { id: { in: rows.map((row) => row.id) }, body: { not: '' } },
        data: { body: '', subject: null, recipient: '' },
      });
      return { count, storageKeys: [] };
    },

    async deleteSessions(expiredBefore: Date, limit: number): Promise<RetentionBatch> {
      const rows = await db.session.findMany({ where: { expiresAt: { lt: expiredBefore } }, select: { id: true }, take: limit });
      const { count } = await db.session.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
      return { count, storageKeys: [] };
    },

    /** Reads of a file past their period: like the audit log, the only deletion this log ever sees. */
    async deleteAccessLogs(before: Date, limit: number): Promise<RetentionBatch> {
      const rows = await db.accessLog.findMany({ where: { at: { lt: before } }, select: { id: true }, take: limit });
      const { count } = await db.accessLog.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
      return { count, storageKeys: [] };
    },

    /** The one exception to the append-only audit log: entries past their period. */
    async deleteAuditEntries(before: Date, limit: number): Promise<RetentionBatch> {
      const rows = await db.auditEntry.findMany({ where: { at: { lt: before } }, select: { id: true }, take: limit });
      const { count } = await db.auditEntry.deleteMany({ where: { id: { in: rows.map((row) => row.id) } } });
      return { count, storageKeys: [] };
    },
  };
}
export type RetentionRepository = ReturnType<typeof retentionRepository>;
