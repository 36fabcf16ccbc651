import type { Config } from '../config.ts';
import type { BeneficiarySearch } from '../data/caseworkRepository.ts';
import type { DataAccess, Repositories } from '../data/index.ts';
import { isChannel, type Channel } from '../domain/channels.ts';
import { normalizeNumberInput } from '../domain/digits.ts';
import { parseSaudiMobile } from '../domain/mobile.ts';
import { householdIncome } from '../domain/householdIncome.ts';
import { parseNationalId } from '../domain/nationalId.ts';
import { formatReference, parseReference } from '../domain/referenceNumber.ts';
import { allowedActions, isOpenStatus } from '../domain/requestStatus.ts';
import { ageInDays, deadlineOf, isOverdue, serviceDueSince, stagePagesFor, STATUS_QUEUES, type WorkQueue } from '../domain/workQueues.ts';
import { duplicateFlags, identityKey, type PersonToCheck } from '../domain/duplicates.ts';
import type { IsoDate } from '../domain/dates.ts';
import type { FieldError } from '../domain/formValidation.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { declarationStatus, transitionActor, type ApplicationService, type SignInput, type SignResult } from './applicationService.ts';
import { assertVersion, loadRequest, requireStaff, statusOf } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import type { VerificationService } from './verificationService.ts';

export const INQUIRY_SUBJECT_MAX_LENGTH = 200;
export const INQUIRY_ANSWER_MAX_LENGTH = 2000;
const NAME_SEARCH_MIN_LENGTH = 2;
const WORK_QUEUE_LIMIT = 20;

export interface WorkQueueRow {
  requestId: number;
  reference: string | null;
  name: string | null;
  since: Date;
  ageDays: number;
  overdue: boolean;
}
export interface WorkQueueView {
  queue: WorkQueue;
  count: number;
  rows: WorkQueueRow[];
}

/** Works out what the officer typed: a reference, a national ID, a mobile, or else part of a name. */
export function classifySearch(raw: unknown): BeneficiarySearch | null {
  if (typeof raw !== 'string') return null;
  const typed = raw.replace(/\s+/gu, ' ').trim();
  if (typed === '') return null;
  const reference = parseReference(typed);
  if (reference) return { by: 'reference', value: formatReference(reference.prefix, reference.year, reference.seq) };
  const digits = normalizeNumberInput(typed);
  if (/^[12]\d{9}$/.test(digits)) {
    const nationalId = parseNationalId(digits);
    // A wrong check digit is still searched as typed: the desk should find what is on file.
    return { by: 'nationalId', value: nationalId.ok ? nationalId.value : digits };
  }
  const mobile = parseSaudiMobile(typed);
  if (mobile.ok) return { by: 'mobile', value: mobile.e164 };
  if (/^[+\d\s-]+$/.test(typed) || [...typed].length < NAME_SEARCH_MIN_LENGTH) return null;
  return { by: 'name', value: typed };
}

const CALLER_NAME_MAX_LENGTH = 120;

/** The one check of an inquiry's channel, subject and answer, wherever it is logged. */
function inquiryErrors(input: { channel: unknown; subject: unknown; answer: unknown }) {
  const errors: FieldError[] = [];
  if (!isChannel(input.channel)) errors.push({ field: 'channel', code: 'staff:errors.inquiryChannelRequired' });
  const subject = text(input.subject).replace(/\s+/gu, ' ');
  if (subject === '') errors.push({ field: 'subject', code: 'staff:errors.inquirySubjectRequired' });
  else if ([...subject].length > INQUIRY_SUBJECT_MAX_LENGTH) errors.push({ field: 'subject', code: 'staff:errors.inquirySubjectTooLong' });
  const answer = text(input.answer);
  if (answer === '') errors.push({ field: 'answer', code: 'staff:errors.inquiryAnswerRequired' });
  else if ([...answer].length > INQUIRY_ANSWER_MAX_LENGTH) errors.push({ field: 'answer', code: 'staff:errors.inquiryAnswerTooLong' });
  return { errors, subject, answer };
}

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** The reception desk: finding people, the inquiry log, walk-ins, and the staff view of a file. */
export function receptionService(data: DataAccess, config: Config, clock: Clock, applications: ApplicationService, verification: VerificationService) {

  /** An inquiry and its audit entry: the one way both kinds of inquiry are written. */
  async function logInquiry(
    repositories: Repositories,
    context: ActingContext,
    inquiry: { beneficiaryId: number | null; requestId: number | null; channel: Channel; subject: string; answer: string; staffId: number; callerName?: string | null; callerPhone?: string | null },
    auditDetails: Record<string, unknown>,
  ) {
    const stored = await repositories.casework.addInquiry({ ...inquiry, recordedAt: clock.now() });
    await repositories.audit.append({
      ...auditActor(context),
      action: 'inquiry.recorded',
      entityType: 'inquiry',
      entityId: stored.id,
      requestId: inquiry.requestId,
      visibleToBeneficiary: false,
      details: { ...auditDetails, channel: stored.channel },
    });
  }
  return {
    search: async (raw: unknown) => {
      const search = classifySearch(raw);
      if (!search) return { search: null, results: [] };
      const results = await data.repositories.casework.searchBeneficiaries(search);
      return { search, results };
    },

    awaitingVerification: async () => {
      const now = clock.now();
      return (await data.repositories.casework.requestsAwaitingVerification()).map((request) => ({
        ...request,
        ageDays: request.submittedAt ? ageInDays(request.submittedAt, now) : 0,
      }));
    },

    /** The staff home: one queue per stage, oldest first, each row with its age and whether its deadline passed. */
    async workQueues(): Promise<WorkQueueView[]> {
      const now = clock.now();
      const { casework } = data.repositories;
      const nameOf = (request: { fullName: string | null; beneficiary: { fullName: string | null } }) => request.fullName ?? request.beneficiary.fullName;
      const row = (request: { id: number; reference: string | null; fullName: string | null; beneficiary: { fullName: string | null } }, since: Date, overdue = false): WorkQueueRow => ({
        requestId: request.id,
        reference: request.reference,
        name: nameOf(request),
        since,
        ageDays: ageInDays(since, now),
        overdue,
      });
      const [verification, registration, info, referrals, registered] = await Promise.all([
        casework.requestsInStatuses(STATUS_QUEUES.awaiting_verification.statuses, STATUS_QUEUES.awaiting_verification.since, WORK_QUEUE_LIMIT),
        casework.requestsInStatuses(STATUS_QUEUES.awaiting_registration.statuses, STATUS_QUEUES.awaiting_registration.since, WORK_QUEUE_LIMIT),
        casework.openInfoRequestQueue(WORK_QUEUE_LIMIT),
        casework.openReferralsForQueue(WORK_QUEUE_LIMIT),
        casework.registeredForService(),
      ]);
      const due = registered
        .map((request) => {
          const registeredAt = request.beneficiary.registeredAt ?? request.decisionReleasedAt ?? now;
          const lastService = request.services[0]?.deliveredOn;
          const since = serviceDueSince(
            { registeredAt, lastServiceOn: lastService ? new Date(`${lastService}T00:00:00Z`) : null, durationMonths: request.decisions[0]?.durationMonths ?? null },
            now,
          );
          return since ? row(request, since) : null;
        })
        .filter((candidate): candidate is WorkQueueRow => candidate !== null)
        .sort((a, b) => a.since.getTime() - b.since.getTime());
      const { deadlines } = config;
      return [
        { queue: 'awaiting_verification', count: verification.count, rows: verification.rows.map((request) => row(request, request[STATUS_QUEUES.awaiting_verification.since] ?? now)) },
        {
          queue: 'returned_for_info',
          count: info.count,
          rows: info.rows.map((entry) => row(entry.request, entry.requestedAt, isOverdue(entry.requestedAt, deadlines.infoRequestDays, now))),
        },
        {
          queue: 'open_referrals',
          count: referrals.count,
          rows: referrals.rows.map((entry) => row(entry.request, entry.referredAt, isOverdue(entry.referredAt, deadlines.referralDays, now))),
        },
        { queue: 'awaiting_registration', count: registration.count, rows: registration.rows.map((request) => row(request, request[STATUS_QUEUES.awaiting_registration.since] ?? now)) },
        { queue: 'due_service', count: due.length, rows: due.slice(0, WORK_QUEUE_LIMIT) },
      ];
    },

    beneficiaryFile: async (beneficiaryId: number) => {
      const beneficiary = await data.repositories.casework.findBeneficiary(beneficiaryId);
      if (!beneficiary) throw new NotFoundError();
      const inquiries = await data.repositories.casework.inquiriesForBeneficiary(beneficiaryId);
      const staffNames = await data.repositories.casework.staffNames(inquiries.map((inquiry) => inquiry.staffId));
      const openRequest = beneficiary.requests.find((request) => isOpenStatus(statusOf(request))) ?? null;
      return { beneficiary, inquiries, staffNames, openRequest };
    },

    recordInquiry: (
      beneficiaryId: number,
      input: { channel: unknown; subject: unknown; answer: unknown },
      context: ActingContext,
    ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> =>
      data.transaction(async (repositories) => {
        const beneficiary = await repositories.casework.findBeneficiary(beneficiaryId);
        if (!beneficiary) throw new NotFoundError();
        const staff = requireStaff(context);
        const { errors, subject, answer } = inquiryErrors(input);
        if (errors.length > 0) return { ok: false, errors };
        const openRequest = beneficiary.requests.find((request) => isOpenStatus(statusOf(request)));
        const requestId = openRequest?.id ?? null;
        await logInquiry(repositories, context, { beneficiaryId, requestId, channel: input.channel as Channel, subject, answer, staffId: staff.id }, { beneficiaryId });
        return { ok: true };
      }),

    /** An inquiry from someone not on file: the name and phone are optional, the rest as for a person on file. */
    recordInquiryNotOnFile: (
      input: { channel: unknown; subject: unknown; answer: unknown; callerName: unknown; callerPhone: unknown },
      context: ActingContext,
    ): Promise<{ ok: true } | { ok: false; errors: FieldError[] }> =>
      data.transaction(async (repositories) => {
        const staff = requireStaff(context);
        const { errors, subject, answer } = inquiryErrors(input);
        const callerName = text(input.callerName).replace(/\s+/gu, ' ');
        if ([...callerName].length > CALLER_NAME_MAX_LENGTH) errors.push({ field: 'callerName', code: 'staff:errors.callerNameTooLong' });
        let callerPhone: string | null = null;
        if (text(input.callerPhone) !== '') {
          const parsed = parseSaudiMobile(input.callerPhone);
          if (parsed.ok) callerPhone = parsed.e164;
          else errors.push({ field: 'callerPhone', code: 'staff:errors.callerPhoneInvalid' });
        }
        if (errors.length > 0) return { ok: false, errors };
        await logInquiry(
          repositories,
          context,
          { beneficiaryId: null, callerName: callerName || null, callerPhone, requestId: null, channel: input.channel as Channel, subject, answer, staffId: staff.id },
          { notOnFile: true },
        );
        return { ok: true };
      }),

    inquiriesNotOnFile: () => data.repositories.casework.inquiriesNotOnFile(),

    /**
     * Finds the person by national ID or records them (no online account), then opens a draft on
     * their behalf; an existing open request is returned instead, one open request per national ID.
     */
    async openWalkIn(input: { nationalId: unknown; mobile: unknown; channel: unknown }, context: ActingContext) {
      const errors: FieldError[] = [];
      const nationalId = parseNationalId(input.nationalId);
      if (!nationalId.ok) errors.push({ field: 'nationalId', code: nationalId.code });
      const mobileTyped = text(input.mobile) !== '';
      const mobile = mobileTyped ? parseSaudiMobile(input.mobile) : null;
      if (mobile && !mobile.ok) errors.push({ field: 'mobile', code: mobile.code });
      if (!isChannel(input.channel)) errors.push({ field: 'channel', code: 'staff:errors.channelRequired' });
      if (errors.length > 0 || !nationalId.ok) return { ok: false as const, errors };
      const mobileE164 = mobile?.ok ? mobile.e164 : null;

      const beneficiary = await data.transaction(async (repositories) => {
        const existing = await repositories.beneficiaries.findByNationalId(nationalId.value);
        if (existing) {
          if (mobileE164 && !existing.mobile) await repositories.beneficiaries.update(existing.id, { mobile: mobileE164 });
          return existing;
        }
        const created = await repositories.beneficiaries.create({ nationalId: nationalId.value, mobile: mobileE164, passwordHash: null });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'beneficiary.walk_in_recorded',
          entityType: 'beneficiary',
          entityId: created.id,
          details: { channel: input.channel },
        });
        return created;
      });
      const started = await applications.startOrResumeDraft(beneficiary.id, input.channel as Channel, context);
      return { ok: true as const, outcome: started.outcome, request: started.request };
    },

    /** Everything an officer needs on one page; the timeline includes internal entries. */
    requestFile: async (requestId: number, context: ActingContext) => {
      const repositories = data.repositories;
      const request = await loadRequest(repositories, requestId);
      const [lines, referrals, infoRequests, timeline, inquiries] = await Promise.all([
        repositories.casework.verificationLines(requestId),
        repositories.casework.referralsForRequest(requestId),
        repositories.casework.infoRequestsForRequest(requestId),
        repositories.audit.forRequest(requestId, false),
        repositories.casework.inquiriesForBeneficiary(request.beneficiaryId),
      ]);
      const staffIds = [
        ...lines.map((line) => line.staffId),
        ...referrals.flatMap((referral) => [referral.referredById, referral.answeredById ?? 0]),
        ...infoRequests.map((info) => info.requestedById),
        ...inquiries.map((inquiry) => inquiry.staffId),
        ...request.declarations.map((declaration) => declaration.witnessedByStaffId ?? 0),
        request.raisedByStaffId ?? 0,
      ];
      const staffNames = await repositories.casework.staffNames(staffIds);
      const status = statusOf(request);
      const { current, stale } = verification.splitLines(request, lines);
      // Every outcome recorded for a line, newest first: earlier notes are history, not the line's current note.
      const lineHistory = timeline
        .filter((entry) => entry.action === 'request.verification_line_recorded' && entry.details)
        .map((entry) => ({ item: String(entry.details?.item), outcome: String(entry.details?.outcome), note: typeof entry.details?.note === 'string' ? entry.details.note : null, by: entry.actorLabel, at: entry.at }))
        .reverse();
      const openReferralCount = referrals.filter((referral) => referral.closedAt === null).length;
      const blockers = ['in_verification', 'ready_for_committee'].includes(status) ? verification.blockersGiven(request, lines, openReferralCount) : [];
      return {
        request,
        status,
        actions: allowedActions(status, transitionActor(context)),
        household: householdIncome(request),
        stagePages: context.kind === 'staff' ? stagePagesFor(status, context.roles, { decisionReleased: request.decisionReleasedAt !== null }) : [],
        declaration: declarationStatus(request),
        missingSteps: applications.missingSteps(request),
        lines: current,
        staleLines: stale,
        lineHistory,
        referrals: referrals.map((referral) => ({
          ...referral,
          dueBy: deadlineOf(referral.referredAt, config.deadlines.referralDays),
          overdue: referral.closedAt === null && isOverdue(referral.referredAt, config.deadlines.referralDays, clock.now()),
        })),
        infoRequests: infoRequests.map((info) => ({
          ...info,
          dueBy: deadlineOf(info.requestedAt, config.deadlines.infoRequestDays),
          overdue: info.resolvedAt === null && isOverdue(info.requestedAt, config.deadlines.infoRequestDays, clock.now()),
        })),
        timeline,
        inquiries,
        staffNames,
        blockers,
        requiredItems: config.requiredVerificationItems,
      };
    },

    /** The applicant and household members who match someone on another beneficiary's file (name key and birth date). */
    async possibleDuplicates(request: { beneficiaryId: number; fullName: string | null; birthDate: string | null; householdMembers: { id: number; fullName: string; birthDate: string }[] }) {
      const people: PersonToCheck[] = [
        { who: { kind: 'applicant' }, fullName: request.fullName, birthDate: request.birthDate as IsoDate | null },
        ...request.householdMembers.map((member): PersonToCheck => ({ who: { kind: 'household', memberId: member.id }, fullName: member.fullName, birthDate: member.birthDate as IsoDate })),
      ];
      const keys = people.map((person) => identityKey(person.fullName, person.birthDate)).filter((key) => key !== null);
      const onFile = await data.repositories.duplicates.peopleOnFile(keys, request.beneficiaryId);
      return duplicateFlags(request.beneficiaryId, people, onFile);
    },

    /** The officer witnesses the applicant signing the paper declaration. */
    async signInPerson(
      requestId: number,
      input: { signatureName: unknown; signedBeforeMe: unknown; scanDocumentId: number | null },
      expectedVersion: number,
      context: ActingContext,
    ) {
      assertVersion(await loadRequest(data.repositories, requestId), expectedVersion);
      return witnessedErrors(await applications.sign(requestId, inPersonSignature(input, context), context));
    },

    /** What signing in person would refuse, checked before the scan of the paper form is stored. */
    async inPersonSignatureRefusal(requestId: number, input: { signatureName: unknown; signedBeforeMe: unknown }, context: ActingContext) {
      return witnessedErrors(await applications.signatureRefusal(requestId, inPersonSignature({ ...input, scanDocumentId: null }, context), context));
    },

    /** Submits a walk-in's request with the channel it came through. */
    async submitOnBehalf(requestId: number, expectedVersion: number, context: ActingContext) {
      const request = await loadRequest(data.repositories, requestId);
      assertVersion(request, expectedVersion);
      return applications.submit(requestId, context, request.channel);
    },
  };
}
export type ReceptionService = ReturnType<typeof receptionService>;

function inPersonSignature(input: { signatureName: unknown; signedBeforeMe: unknown; scanDocumentId: number | null }, context: ActingContext): SignInput {
  return {
    declarationAccepted: input.signedBeforeMe,
    signatureName: input.signatureName,
    channel: 'in_person',
    ip: context.ip,
    userAgent: null,
    witnessedByStaffId: requireStaff(context).id,
    scanDocumentId: input.scanDocumentId,
    requireSendableData: true,
  };
}

/** The staff form asks "signed before me" in place of the applicant's own tick box. */
function witnessedErrors(result: SignResult): { ok: true } | { ok: false; errors: FieldError[] } {
  if (result.ok) return result;
  return {
    ok: false,
    errors: result.errors.map((error) => (error.field === 'declarationAccepted' ? { field: 'signedBeforeMe', code: 'staff:errors.notWitnessed' } : error)),
  };
}
