import type { Config } from '../config.ts';
import type { BeneficiarySearch } from '../data/caseworkRepository.ts';
import type { DataAccess } from '../data/index.ts';
import { isChannel, type Channel } from '../domain/channels.ts';
import { normalizeNumberInput } from '../domain/digits.ts';
import { parseSaudiMobile } from '../domain/mobile.ts';
import { parseNationalId } from '../domain/nationalId.ts';
import { formatReference, parseReference } from '../domain/referenceNumber.ts';
import { allowedActions, isOpenStatus } from '../domain/requestStatus.ts';
import type { FieldError } from '../domain/formValidation.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { declarationStatus, transitionActor, type ApplicationService } from './applicationService.ts';
import { assertVersion, loadRequest, requireStaff, statusOf } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { NotFoundError } from './errors.ts';
import type { VerificationService } from './verificationService.ts';

export const INQUIRY_SUBJECT_MAX_LENGTH = 200;
export const INQUIRY_ANSWER_MAX_LENGTH = 2000;
const NAME_SEARCH_MIN_LENGTH = 2;

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

function text(value: unknown): string {
  return typeof value === 'string' ? value.replace(/\r\n?/g, '\n').trim() : '';
}

/** The reception desk: finding people, the inquiry log, walk-ins, and the staff view of a file. */
export function receptionService(data: DataAccess, config: Config, clock: Clock, applications: ApplicationService, verification: VerificationService) {
  return {
    search: async (raw: unknown) => {
      const search = classifySearch(raw);
      if (!search) return { search: null, results: [] };
      const results = await data.repositories.casework.searchBeneficiaries(search);
      return { search, results };
    },

    awaitingVerification: () => data.repositories.casework.requestsAwaitingVerification(),

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
        const errors: FieldError[] = [];
        if (!isChannel(input.channel)) errors.push({ field: 'channel', code: 'staff:errors.inquiryChannelRequired' });
        const subject = text(input.subject).replace(/\s+/gu, ' ');
        if (subject === '') errors.push({ field: 'subject', code: 'staff:errors.inquirySubjectRequired' });
        else if ([...subject].length > INQUIRY_SUBJECT_MAX_LENGTH) errors.push({ field: 'subject', code: 'staff:errors.inquirySubjectTooLong' });
        const answer = text(input.answer);
        if (answer === '') errors.push({ field: 'answer', code: 'staff:errors.inquiryAnswerRequired' });
        else if ([...answer].length > INQUIRY_ANSWER_MAX_LENGTH) errors.push({ field: 'answer', code: 'staff:errors.inquiryAnswerTooLong' });
        if (errors.length > 0) return { ok: false, errors };
        const openRequest = beneficiary.requests.find((request) => isOpenStatus(statusOf(request)));
        const inquiry = await repositories.casework.addInquiry({
          beneficiaryId,
          requestId: openRequest?.id ?? null,
          channel: input.channel as Channel,
          subject,
          answer,
          staffId: staff.id,
          recordedAt: clock.now(),
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'inquiry.recorded',
          entityType: 'inquiry',
          entityId: inquiry.id,
          requestId: openRequest?.id ?? null,
          visibleToBeneficiary: false,
          details: { beneficiaryId, channel: inquiry.channel },
        });
        return { ok: true };
      }),

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
      const openReferralCount = referrals.filter((referral) => referral.closedAt === null).length;
      const blockers = ['in_verification', 'ready_for_committee'].includes(status) ? verification.blockersGiven(request, lines, openReferralCount) : [];
      return {
        request,
        status,
        actions: allowedActions(status, transitionActor(context)),
        declaration: declarationStatus(request),
        missingSteps: applications.missingSteps(request),
        lines,
        referrals,
        infoRequests,
        timeline,
        inquiries,
        staffNames,
        blockers,
        requiredItems: config.requiredVerificationItems,
      };
    },

    /** The officer witnesses the applicant signing the paper declaration. */
    async signInPerson(
      requestId: number,
      input: { signatureName: unknown; signedBeforeMe: unknown; scanDocumentId: number | null },
      expectedVersion: number,
      context: ActingContext,
    ) {
      const staff = requireStaff(context);
      assertVersion(await loadRequest(data.repositories, requestId), expectedVersion);
      const result = await applications.sign(
        requestId,
        {
          declarationAccepted: input.signedBeforeMe,
          signatureName: input.signatureName,
          channel: 'in_person',
          ip: context.ip,
          userAgent: null,
          witnessedByStaffId: staff.id,
          scanDocumentId: input.scanDocumentId,
        },
        context,
      );
      if (result.ok) return result;
      // The staff form asks "signed before me" in place of the applicant's own tick box.
      return {
        ok: false as const,
        errors: result.errors.map((error) =>
          error.field === 'declarationAccepted' ? { field: 'signedBeforeMe', code: 'staff:errors.notWitnessed' } : error,
        ),
      };
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
