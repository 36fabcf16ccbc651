import type { Db } from './prismaClient.ts';

/** Reads and writes for a person's rights over their data: everything held about them, consent, their requests. */
export function personalDataRepository(db: Db) {
  return {
    /** Everything held about one beneficiary, each part filtered by their id and nothing else. */
    async everythingAbout(beneficiaryId: number) {
      const account = await db.beneficiary.findUnique({
        where: { id: beneficiaryId },
        select: { id: true, nationalId: true, fullName: true, mobile: true, mobileVerifiedAt: true, email: true, nafathVerifiedAt: true, fileNumber: true, registeredAt: true, privacyConsentAt: true, privacyNoticeVersion: true, createdAt: true },
      });
      if (!account) return null;
      const [requests, messages, questions, contacts, ratings, consents, dataRequests] = await Promise.all([
        db.supportRequest.findMany({
          where: { beneficiaryId },
          orderBy: { id: 'asc' },
          // nameKey is only the name folded for search, not something the person gave.
          omit: { stepsCompleted: true, version: true, createdByStaffId: true, raisedByStaffId: true, beneficiaryId: true, nameKey: true },
          include: {
            householdMembers: { orderBy: { id: 'asc' }, select: { fullName: true, relation: true, birthDate: true, nationalId: true, monthlyIncome: true } },
            documents: { orderBy: { id: 'asc' }, select: { id: true, kind: true, originalName: true, mimeType: true, sizeBytes: true, createdAt: true } },
            declarations: { orderBy: { signedAt: 'asc' }, select: { textVersion: true, signatureName: true, signedAt: true, channel: true, ip: true, dataHash: true } },
            infoRequests: { orderBy: { id: 'asc' }, select: { items: true, requestedAt: true, resolvedAt: true } },
            // A decision belongs to the person once it is told to them, not before.
            decisions: { where: { releasedAt: { not: null } }, orderBy: { id: 'asc' }, select: { outcome: true, approvedSupportType: true, amount: true, quantity: true, durationMonths: true, rejectionReason: true, beneficiaryNote: true, releasedAt: true } },
            services: { orderBy: { deliveredOn: 'asc' }, select: { serviceType: true, amount: true, quantity: true, deliveredOn: true, note: true } },
          },
        }),
        db.notification.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' }, select: { channel: true, recipient: true, template: true, subject: true, body: true, status: true, createdAt: true, sentAt: true } }),
        db.beneficiaryQuestion.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' }, select: { requestId: true, question: true, askedAt: true, answer: true, answeredAt: true } }),
        db.inquiry.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' }, select: { requestId: true, channel: true, subject: true, answer: true, recordedAt: true } }),
        db.serviceRating.findMany({ where: { beneficiaryId, anonymous: false }, orderBy: { id: 'asc' }, select: { requestId: true, score: true, easeScore: true, comment: true, context: true, createdAt: true } }),
        db.consentRecord.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' }, select: { purpose: true, granted: true, noticeVersion: true, at: true, channel: true } }),
        db.dataRequest.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' }, omit: { beneficiaryId: true, recordedByStaffId: true, answeredById: true } }),
      ]);
      return { account, requests, messages, questions, contacts, ratings, consents, dataRequests };
    },

    consentsOf: (beneficiaryId: number) => db.consentRecord.findMany({ where: { beneficiaryId }, orderBy: { id: 'asc' } }),
    recordConsent: (input: { beneficiaryId: number; purpose: string; granted: boolean; noticeVersion: string | null; at: Date; channel: string; recordedByStaffId?: number | null }) =>
      db.consentRecord.create({ data: input }),

    async createDataRequest(input: { beneficiaryId: number; kind: string; details: string; channel: string; recordedByStaffId: number | null; receivedAt: Date; dueAt: Date }, referenceFor: (id: number) => string) {
      const created = await db.dataRequest.create({ data: { ...input, reference: `pending-${input.beneficiaryId}-${input.receivedAt.getTime()}-${Math.random()}` } });
      return db.dataRequest.update({ where: { id: created.id }, data: { reference: referenceFor(created.id) } });
    },
    findDataRequest: (id: number) => db.dataRequest.findUnique({ where: { id } }),
    dataRequestsOf: (beneficiaryId: number) => db.dataRequest.findMany({ where: { beneficiaryId }, orderBy: { id: 'desc' } }),
    /** Open ones first by deadline, so the nearest deadline leads. */
    openDataRequests: () => db.dataRequest.findMany({ where: { status: { in: ['open', 'extended'] } }, orderBy: [{ dueAt: 'asc' }, { id: 'asc' }] }),
    recentlyClosedDataRequests: (limit: number) => db.dataRequest.findMany({ where: { status: { in: ['answered', 'refused'] } }, orderBy: { answeredAt: 'desc' }, take: limit }),
    /** Guarded by the status read, so two officers answering at once cannot both succeed. */
    updateOpenDataRequest: async (id: number, expectedStatus: string, data: { status?: string; dueAt?: Date; extendedAt?: Date; extensionReason?: string; answer?: string; answeredAt?: Date; answeredById?: number }) =>
      (await db.dataRequest.updateMany({ where: { id, status: expectedStatus }, data })).count === 1,

    beneficiariesByIds: (ids: number[]) =>
      db.beneficiary.findMany({ where: { id: { in: [...new Set(ids)] } }, select: { id: true, nationalId: true, fullName: true, mobile: true } }),
    beneficiaryByNationalId: (nationalId: string) => db.beneficiary.findUnique({ where: { nationalId }, select: { id: true, nationalId: true, fullName: true, mobile: true } }),
    /** The facts a destruction request is weighed against. */
    async destructionFacts(beneficiaryId: number, openStatuses: readonly string[], supportStatuses: readonly string[]) {
      const [openRequests, supportRequests, deliveries] = await Promise.all([
        db.supportRequest.count({ where: { beneficiaryId, status: { in: [...openStatuses] } } }),
        db.supportRequest.count({ where: { beneficiaryId, status: { in: [...supportStatuses] }, anonymisedAt: null } }),
        db.serviceDelivery.count({ where: { beneficiaryId } }),
      ]);
      return { openRequests, supportRecords: supportRequests + deliveries };
    },
  };
}
export type PersonalDataRepository = ReturnType<typeof personalDataRepository>;

/** The breach register: incidents, the beneficiaries they touch, and the notices sent to them. */
export function breachRepository(db: Db) {
  return {
    create: (input: { title: string; description: string; discoveredAt: Date; recordedAt: Date; recordedById: number }) => db.breachIncident.create({ data: input }),
    list: () => db.breachIncident.findMany({ orderBy: { id: 'desc' }, include: { _count: { select: { affected: true } } } }),
    find: (id: number) => db.breachIncident.findUnique({ where: { id }, include: { affected: { orderBy: { id: 'asc' } } } }),
    markAuthorityNotified: async (id: number, at: Date) =>
      (await db.breachIncident.updateMany({ where: { id, authorityNotifiedAt: null }, data: { authorityNotifiedAt: at } })).count === 1,
    addAffected: async (incidentId: number, beneficiaryId: number, at: Date) => {
      const existing = await db.breachAffected.findUnique({ where: { incidentId_beneficiaryId: { incidentId, beneficiaryId } } });
      if (existing) return false;
      await db.breachAffected.create({ data: { incidentId, beneficiaryId, addedAt: at } });
      return true;
    },
    /** Claimed by the update, so a notice is queued once per person however often the button is pressed. */
    claimUnnotified: async (incidentId: number, at: Date) => {
      const pending = await db.breachAffected.findMany({ where: { incidentId, noticeQueuedAt: null }, select: { id: true, beneficiaryId: true } });
      const claimed: number[] = [];
      for (const row of pending) {
        if ((await db.breachAffected.updateMany({ where: { id: row.id, noticeQueuedAt: null }, data: { noticeQueuedAt: at } })).count === 1) claimed.push(row.beneficiaryId);
      }
      return claimed;
    },
    searchBeneficiaries: (query: string) =>
      db.beneficiary.findMany({
        where: { OR: [{ nationalId: query }, { fullName: { contains: query } }, { mobile: { contains: query } }] },
        select: { id: true, nationalId: true, fullName: true, mobile: true },
        orderBy: { id: 'asc' },
        take: 50,
      }),
  };
}
