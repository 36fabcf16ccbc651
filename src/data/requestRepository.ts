import type { Db } from './prismaClient.ts';
import type { ReadCache } from './readCache.ts';
import type { Prisma } from '../generated/prisma/client.ts';
import { REQUEST_STATUSES, isOpenStatus } from '../domain/requestStatus.ts';

const CLOSED_STATUSES = REQUEST_STATUSES.filter((status) => !isOpenStatus(status));

const FULL_REQUEST = {
  beneficiary: true,
  householdMembers: { orderBy: { id: 'asc' } },
  documents: { orderBy: { id: 'asc' } },
  declarations: { orderBy: [{ signedAt: 'desc' }, { id: 'desc' }] },
  infoRequests: { orderBy: { id: 'desc' } },
} as const satisfies Prisma.SupportRequestInclude;

export type FullRequest = Prisma.SupportRequestGetPayload<{ include: typeof FULL_REQUEST }>;
export type RequestRow = Prisma.SupportRequestGetPayload<object>;

/** The form columns a step may write; status, reference and timestamps change only through setStatus. */
export type RequestFields = Partial<
  Pick<
    RequestRow,
    | 'livesInServiceArea'
    | 'fullName'
    | 'birthDate'
    | 'nationality'
    | 'maritalStatus'
    | 'idExpiryDate'
    | 'birthDateEntered'
    | 'idExpiryDateEntered'
    | 'city'
    | 'district'
    | 'email'
    | 'incomeSalary'
    | 'incomeSocialSecurity'
    | 'incomePension'
    | 'incomeOther'
    | 'obligationLoans'
    | 'obligationOther'
    | 'housingType'
    | 'monthlyRent'
    | 'supportType'
    | 'needDescription'
    | 'iban'
    | 'stepsCompleted'
    | 'channel'
  >
>;

export type StatusExtra = Partial<
  Pick<RequestRow, 'reference' | 'channel' | 'submittedAt' | 'responseWindowOpensAt' | 'raisedAt' | 'raisedByStaffId' | 'decisionReleasedAt' | 'closedAt'>
>;

export type VersionedUpdate = { ok: true; version: number } | { ok: false; conflict: true };

export interface HouseholdMemberInput {
  fullName: string;
  relation: string;
  birthDate: string;
  nationalId: string | null;
  monthlyIncome: number | null;
}

export interface DocumentInput {
  kind: string;
  originalName: string;
  mimeType: string;
  sizeBytes: number;
  sha256: string;
  storageKey: string;
  uploadedByStaffId: number | null;
}

export interface DeclarationInput {
  textVersion: string;
  signatureName: string;
  signedAt: Date;
  ip: string | null;
  userAgent: string | null;
  channel: string;
  dataHash: string;
  witnessedByStaffId: number | null;
  scanDocumentId: number | null;
}

export function requestRepository(db: Db, requestLists: ReadCache<unknown>) {
  /** Optimistic concurrency: the row is written only while it still has the version the caller read. */
  async function versionedUpdate(id: number, expectedVersion: number, data: Prisma.SupportRequestUpdateManyMutationInput): Promise<VersionedUpdate> {
    const { count } = await db.supportRequest.updateMany({
      where: { id, version: expectedVersion },
      data: { ...data, version: { increment: 1 } },
    });
    if (count > 0) requestLists.invalidateAll();
    return count === 0 ? { ok: false, conflict: true } : { ok: true, version: expectedVersion + 1 };
  }

  return {
    findById: (id: number): Promise<FullRequest | null> => db.supportRequest.findUnique({ where: { id }, include: FULL_REQUEST }),
    findByReference: (reference: string): Promise<FullRequest | null> =>
      db.supportRequest.findUnique({ where: { reference }, include: FULL_REQUEST }),
    findOpenForBeneficiary: (beneficiaryId: number): Promise<FullRequest | null> =>
      db.supportRequest.findFirst({
        where: { beneficiaryId, status: { notIn: CLOSED_STATUSES } },
        orderBy: { id: 'desc' },
        include: FULL_REQUEST,
      }),
    listForBeneficiary: (beneficiaryId: number) =>
      db.supportRequest.findMany({ where: { beneficiaryId }, orderBy: { id: 'desc' }, include: { infoRequests: { where: { resolvedAt: null } } } }),
    createDraft: async (input: { beneficiaryId: number; channel: string; createdByStaffId: number | null }) => {
      const draft = await db.supportRequest.create({
        data: { beneficiaryId: input.beneficiaryId, channel: input.channel, createdByStaffId: input.createdByStaffId, status: 'draft' },
      });
      requestLists.invalidateAll();
      return draft;
    },
    updateFields: (id: number, expectedVersion: number, fields: RequestFields) => versionedUpdate(id, expectedVersion, fields),
    /** Bumps the version without changing columns: household and document changes are changes to the request. */
    touch: (id: number, expectedVersion: number) => versionedUpdate(id, expectedVersion, {}),
    setStatus: (id: number, expectedVersion: number, status: string, extra: StatusExtra = {}) =>
      versionedUpdate(id, expectedVersion, { ...extra, status }),

    addHouseholdMember: (requestId: number, member: HouseholdMemberInput) =>
      db.householdMember.create({ data: { ...member, requestId } }),
    updateHouseholdMember: async (requestId: number, memberId: number, member: HouseholdMemberInput) =>
      (await db.householdMember.updateMany({ where: { id: memberId, requestId }, data: member })).count > 0,
    removeHouseholdMember: async (requestId: number, memberId: number) =>
      (await db.householdMember.deleteMany({ where: { id: memberId, requestId } })).count > 0,

    addDocument: (requestId: number, document: DocumentInput) => db.requestDocument.create({ data: { ...document, requestId } }),
    findDocument: (requestId: number, documentId: number) =>
      db.requestDocument.findFirst({ where: { id: documentId, requestId } }),
    removeDocument: async (requestId: number, documentId: number) =>
      (await db.requestDocument.deleteMany({ where: { id: documentId, requestId } })).count > 0,

    addDeclaration: (requestId: number, declaration: DeclarationInput) =>
      db.declaration.create({ data: { ...declaration, requestId } }),

    openInfoRequests: (requestId: number) =>
      db.infoRequest.findMany({ where: { requestId, resolvedAt: null }, orderBy: { id: 'asc' } }),
    resolveInfoRequests: async (requestId: number, at: Date) =>
      (await db.infoRequest.updateMany({ where: { requestId, resolvedAt: null }, data: { resolvedAt: at } })).count,

    /** Atomic inside the surrounding transaction: the upsert increments in one statement. */
    nextReferenceNumber: async (year: number): Promise<number> => {
      const counter = await db.referenceCounter.upsert({
        where: { year },
        create: { year, lastNumber: 1 },
        update: { lastNumber: { increment: 1 } },
      });
      return counter.lastNumber;
    },
  };
}
export type RequestRepository = ReturnType<typeof requestRepository>;
