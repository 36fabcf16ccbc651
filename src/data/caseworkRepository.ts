import type { Db } from './prismaClient.ts';
import { MODEL_COLUMN_TYPES as T } from './columnTypes.ts';
import { placeholders, type SqlReader } from './sqlReader.ts';
import { beneficiaryIdsByName } from './nameSearch.ts';

export interface VerificationLineRecord {
  id: number;
  requestId: number;
  item: string;
  outcome: string;
  note: string | null;
  staffId: number;
  recordedAt: Date;
  dataFingerprint: string | null;
}

export interface InquiryRecord {
  id: number;
  /** null for someone not on file */
  beneficiaryId: number | null;
  callerName: string | null;
  callerPhone: string | null;
  requestId: number | null;
  channel: string;
  subject: string;
  answer: string;
  staffId: number;
  recordedAt: Date;
}

export interface InfoRequestRecord {
  id: number;
  requestId: number;
  items: string[];
  requestedById: number;
  requestedByRole: string;
  requestedAt: Date;
  resolvedAt: Date | null;
}

export interface ReferralRecord {
  id: number;
  requestId: number;
  reason: string;
  question: string;
  referredById: number;
  referredAt: Date;
  answer: string | null;
  answeredById: number | null;
  answeredAt: Date | null;
  visitDate: string | null;
  findings: string | null;
  recommendation: string | null;
  closedAt: Date | null;
}

export type BeneficiarySearch =
  | { by: 'nationalId'; value: string }
  | { by: 'mobile'; value: string }
  | { by: 'reference'; value: string }
  | { by: 'name'; value: string };

const SEARCH_LIMIT = 25;

const requestSummarySelect = {
  id: true,
  reference: true,
  status: true,
  channel: true,
  supportType: true,
  submittedAt: true,
  createdAt: true,
  updatedAt: true,
} as const;

const beneficiaryWithRequests = {
  requests: { select: requestSummarySelect, orderBy: { id: 'desc' as const } },
} as const;

function toInfoRequest(row: Omit<InfoRequestRecord, 'items'> & { items: string }): InfoRequestRecord {
  let items: string[] = [];
  try {
    const parsed: unknown = JSON.parse(row.items);
    if (Array.isArray(parsed)) items = parsed.map(String);
  } catch {
    items = [row.items];
  }
  return { ...row, items };
}

/** The officers' and researchers' records around a request: checks, contacts, questions, referrals. */
export function caseworkRepository(db: Db, sql: SqlReader) {
  return {
    // Beneficiaries, as the reception desk finds them.
    searchBeneficiaries: async (search: BeneficiarySearch) => {
      switch (search.by) {
        case 'nationalId':
          return db.beneficiary.findMany({ where: { nationalId: search.value }, include: beneficiaryWithRequests });
        case 'mobile':
          return db.beneficiary.findMany({ where: { mobile: search.value }, include: beneficiaryWithRequests, take: SEARCH_LIMIT });
        case 'reference':
          return db.beneficiary.findMany({
            where: { requests: { some: { reference: search.value } } },
            include: beneficiaryWithRequests,
          });
        case 'name': {
          const ids = await beneficiaryIdsByName(sql, search.value, SEARCH_LIMIT);
          if (ids.length === 0) return [];
          return db.beneficiary.findMany({ where: { id: { in: ids } }, include: beneficiaryWithRequests, orderBy: { id: 'desc' } });
        }
      }
    },
    findBeneficiary: (id: number) => db.beneficiary.findUnique({ where: { id }, include: beneficiaryWithRequests }),

    /** Requests waiting for an officer: new and resubmitted ones, oldest first, each with the ids of its requests for information. */
    requestsAwaitingVerification: async (limit = 50) => {
      const requests = await sql.all<{
        id: number;
        reference: string | null;
        status: string;
        channel: string;
        supportType: string | null;
        submittedAt: Date | null;
        createdAt: Date;
        updatedAt: Date;
        fullName: string | null;
      }>(
        `SELECT "id", "reference", "status", "channel", "supportType", "submittedAt", "createdAt", "updatedAt", "fullName"
          FROM "SupportRequest" WHERE "status" = 'submitted' ORDER BY "submittedAt" ASC, "id" ASC LIMIT ?`,
        [limit],
        T.SupportRequest,
      );
      if (requests.length === 0) return [];
      const infoRequests = await sql.all<{ id: number; requestId: number }>(
        `SELECT "id", "requestId" FROM "InfoRequest" WHERE "requestId" IN (${placeholders(requests.length)}) ORDER BY "id" ASC`,
        requests.map((request) => request.id),
      );
      return requests.map((request) => ({
        ...request,
        infoRequests: infoRequests.filter((info) => info.requestId === request.id).map((info) => ({ id: info.id })),
      }));
    },

    /** The staff home's queues: each read returns its oldest rows and the full count. */
    requestsInStatuses: async (statuses: string[], orderBy: 'submittedAt' | 'decisionReleasedAt', limit: number) => {
      const where = { status: { in: statuses }, ...(orderBy === 'decisionReleasedAt' ? { decisionReleasedAt: { not: null } } : {}) };
      const [rows, count] = await Promise.all([
        db.supportRequest.findMany({
          where,
          select: { id: true, reference: true, status: true, fullName: true, submittedAt: true, decisionReleasedAt: true, beneficiary: { select: { fullName: true } } },
          orderBy: { [orderBy]: 'asc' },
          take: limit,
        }),
        db.supportRequest.count({ where }),
      ]);
      return { rows, count };
    },
    openInfoRequestQueue: async (limit: number) => {
      const where = { resolvedAt: null, request: { status: 'needs_info' } };
      const [rows, count] = await Promise.all([
        db.infoRequest.findMany({
          where,
          orderBy: { requestedAt: 'asc' },
          take: limit,
          select: { id: true, requestedAt: true, request: { select: { id: true, reference: true, fullName: true, beneficiary: { select: { fullName: true } } } } },
        }),
        db.infoRequest.count({ where }),
      ]);
      return { rows, count };
    },
    openReferralsForQueue: async (limit: number) => {
      const where = { closedAt: null };
      const [rows, count] = await Promise.all([
        db.referral.findMany({
          where,
          orderBy: { referredAt: 'asc' },
          take: limit,
          select: { id: true, referredAt: true, request: { select: { id: true, reference: true, fullName: true, beneficiary: { select: { fullName: true } } } } },
        }),
        db.referral.count({ where }),
      ]);
      return { rows, count };
    },
    /** Every registered request with its last service and the approved duration; the domain decides which are due. */
    registeredForService: () =>
      db.supportRequest.findMany({
        where: { status: 'registered' },
        select: {
          id: true,
          reference: true,
          fullName: true,
          decisionReleasedAt: true,
          beneficiary: { select: { fullName: true, registeredAt: true } },
          services: { select: { deliveredOn: true }, orderBy: { deliveredOn: 'desc' }, take: 1 },
          decisions: { where: { outcome: 'accept' }, select: { durationMonths: true }, orderBy: { id: 'desc' }, take: 1 },
        },
      }),
    /** Open requests for information inside a window of request times, with what a message to the applicant needs. */
    openInfoRequestsBetween: (from: Date, to: Date) =>
      db.infoRequest.findMany({
        where: { resolvedAt: null, requestedAt: { gte: from, lte: to }, request: { status: 'needs_info' } },
        select: {
          id: true,
          requestedAt: true,
          request: { select: { id: true, reference: true, email: true, beneficiary: { select: { id: true, mobile: true } } } },
        },
      }),

    // Verification lines: one row per item; earlier outcomes live in the audit trail.
    // The file page's reads go through the driver (sqlReader.ts).
    verificationLines: (requestId: number): Promise<VerificationLineRecord[]> =>
      sql.all<VerificationLineRecord>('SELECT * FROM "VerificationLine" WHERE "requestId" = ? ORDER BY "recordedAt" ASC, "id" ASC', [requestId], T.VerificationLine),
    recordVerificationLine: (line: { requestId: number; item: string; outcome: string; note: string | null; staffId: number; recordedAt: Date; dataFingerprint: string }) =>
      db.verificationLine.upsert({
        where: { requestId_item: { requestId: line.requestId, item: line.item } },
        create: line,
        update: { outcome: line.outcome, note: line.note, staffId: line.staffId, recordedAt: line.recordedAt, dataFingerprint: line.dataFingerprint },
      }),

    // Inquiry log.
    addInquiry: (data: Omit<InquiryRecord, 'id' | 'callerName' | 'callerPhone'> & { callerName?: string | null; callerPhone?: string | null }): Promise<InquiryRecord> =>
      db.inquiry.create({ data }),
    /** Inquiries from people not on file, newest first. */
    inquiriesNotOnFile: (limit = 50): Promise<InquiryRecord[]> =>
      db.inquiry.findMany({ where: { beneficiaryId: null }, orderBy: [{ recordedAt: 'desc' }, { id: 'desc' }], take: limit }),
    inquiriesForBeneficiary: (beneficiaryId: number): Promise<InquiryRecord[]> =>
      sql.all<InquiryRecord>('SELECT * FROM "Inquiry" WHERE "beneficiaryId" = ? ORDER BY "recordedAt" DESC, "id" DESC', [beneficiaryId], T.Inquiry),

    // Requests for more information.
    addInfoRequest: async (data: Omit<InfoRequestRecord, 'id' | 'resolvedAt'>): Promise<InfoRequestRecord> =>
      toInfoRequest(await db.infoRequest.create({ data: { ...data, items: JSON.stringify(data.items) } })),
    infoRequestsForRequest: async (requestId: number): Promise<InfoRequestRecord[]> =>
      (
        await sql.all<Omit<InfoRequestRecord, 'items'> & { items: string }>('SELECT * FROM "InfoRequest" WHERE "requestId" = ? ORDER BY "id" ASC', [requestId], T.InfoRequest)
      ).map(toInfoRequest),

    // Referrals to social research.
    addReferral: (data: { requestId: number; reason: string; question: string; referredById: number; referredAt: Date }): Promise<ReferralRecord> =>
      db.referral.create({ data }),
    findReferral: (id: number): Promise<ReferralRecord | null> => db.referral.findUnique({ where: { id } }),
    referralsForRequest: (requestId: number): Promise<ReferralRecord[]> =>
      sql.all<ReferralRecord>('SELECT * FROM "Referral" WHERE "requestId" = ? ORDER BY "id" ASC', [requestId], T.Referral),
    openReferralCount: (requestId: number) => db.referral.count({ where: { requestId, closedAt: null } }),
    openReferralQueue: () =>
      db.referral.findMany({
        where: { closedAt: null },
        orderBy: { referredAt: 'asc' },
        include: { request: { select: { id: true, reference: true, fullName: true, city: true, status: true } } },
      }),
    answerReferral: (
      id: number,
      data: { answer: string; answeredById: number; answeredAt: Date; visitDate: string | null; findings: string | null; recommendation: string | null },
    ): Promise<ReferralRecord> => db.referral.update({ where: { id }, data }),
    closeReferral: (id: number, at: Date): Promise<ReferralRecord> => db.referral.update({ where: { id }, data: { closedAt: at } }),

    staffNames: async (ids: number[]): Promise<Map<number, string>> => {
      const unique = [...new Set(ids)].filter((id) => id > 0);
      if (unique.length === 0) return new Map<number, string>();
      const rows = await sql.all<{ id: number; fullName: string }>(`SELECT "id", "fullName" FROM "StaffUser" WHERE "id" IN (${placeholders(unique.length)})`, unique);
      return new Map(rows.map((row) => [row.id, row.fullName]));
    },
  };
}
export type CaseworkRepository = ReturnType<typeof caseworkRepository>;
