import type { TFunction } from 'i18next';
import type { Config } from '../config.ts';
import type { DataAccess, Repositories } from '../data/index.ts';
import type { FullRequest, RequestFields, RequestHeader, VersionedUpdate } from '../data/requestRepository.ts';
import { formatDualDate, todayIso, type MonthNames } from '../domain/dates.ts';
import {
  DECLARATION_TEXT_VERSION,
  hashRequestData,
  isDeclarationValid,
  requestDataSnapshot,
  validateSignature,
  type DeclarationError,
  type RequestDataSnapshot,
} from '../domain/declaration.ts';
import { completedStepsAfter, missingRequiredSteps, ownedColumns, stepById, stepsCompletedOf, type StepId } from '../domain/journeySteps.ts';
import { formatReference } from '../domain/referenceNumber.ts';
import { ID_EXPIRED_CODE, isIdValidOn } from '../domain/requestForm.ts';
import {
  decideTransition,
  isEditableByBeneficiary,
  isOpenStatus,
  type Actor,
  type RequestAction,
  type RequestStatus,
} from '../domain/requestStatus.ts';
import { responseWindowOpensAt } from '../domain/responseWindow.ts';
import { documentLimitRefusal } from '../domain/documentLimits.ts';
import { auditActor, type ActingContext } from './actor.ts';
import type { Clock } from './clock.ts';
import { NotFoundError, TransitionRefusedError, VersionConflictError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

/** Staff may correct the data while the file is still with the officers, never once it is with the committee. */
const STAFF_EDITABLE: readonly RequestStatus[] = ['draft', 'submitted', 'needs_info', 'in_verification', 'referred', 'ready_for_committee'];

export const ID_COPY_KIND = 'id_copy';

export type DeclarationState = 'valid' | 'stale' | 'missing';

export interface SignInput {
  declarationAccepted: unknown;
  signatureName: unknown;
  channel: 'website' | 'in_person';
  ip: string | null;
  userAgent: string | null;
  witnessedByStaffId?: number | null;
  scanDocumentId?: number | null;
  /** Refuse to sign data that could not be sent as it stands (incomplete, or an ID expired today). */
  requireSendableData?: boolean;
}

export type SignResult = { ok: true } | { ok: false; errors: DeclarationError[] };

export type StartResult = { outcome: 'draft'; request: FullRequest; created: boolean } | { outcome: 'open'; request: FullRequest };

export function transitionActor(context: ActingContext): Actor {
  return context.kind === 'staff' ? { kind: 'staff', roles: context.roles } : context.kind === 'beneficiary' ? { kind: 'beneficiary' } : { kind: 'system' };
}

export function snapshotOf(request: FullRequest): RequestDataSnapshot {
  return requestDataSnapshot({
    nationalId: request.beneficiary.nationalId,
    answers: request,
    household: request.householdMembers.map((member) => ({
      fullName: member.fullName,
      relation: member.relation,
      birthDate: member.birthDate,
      nationalId: member.nationalId,
      monthlyIncome: member.monthlyIncome,
    })),
    documents: request.documents.map((document) => ({ sha256: document.sha256, kind: document.kind })),
  });
}

export function currentDataHash(request: FullRequest): string {
  return hashRequestData(snapshotOf(request));
}

export function declarationStatus(request: FullRequest): DeclarationState {
  const latest = request.declarations[0] ?? null;
  if (!latest) return 'missing';
  return isDeclarationValid(latest, currentDataHash(request)) ? 'valid' : 'stale';
}

export function applicationService(data: DataAccess, config: Config, clock: Clock, notifications: NotificationService, translate: TFunction) {
  function monthNames(): MonthNames {
    return {
      hijri: translate('domain:months.hijri', { returnObjects: true }) as unknown as string[],
      gregorian: translate('domain:months.gregorian', { returnObjects: true }) as unknown as string[],
    };
  }

  async function load(repositories: Repositories, requestId: number, context: ActingContext): Promise<FullRequest> {
    const request = await repositories.requests.findById(requestId);
    // Someone else's request is indistinguishable from a missing one.
    if (!request || (context.kind === 'beneficiary' && request.beneficiaryId !== context.id)) throw new NotFoundError();
    return request;
  }

  /** The same ownership rule as `load`, over the request's own columns only. */
  async function loadHeader(repositories: Repositories, requestId: number, context: ActingContext): Promise<RequestHeader> {
    const request = await repositories.requests.findHeaderById(requestId);
    if (!request || (context.kind === 'beneficiary' && request.beneficiaryId !== context.id)) throw new NotFoundError();
    return request;
  }

  function assertEditable(request: { status: string }, context: ActingContext) {
    const status = request.status as RequestStatus;
    const editable = context.kind === 'staff' ? STAFF_EDITABLE.includes(status) : context.kind === 'beneficiary' && isEditableByBeneficiary(status);
    if (!editable) throw new TransitionRefusedError('request.notEditable');
  }

  function checked(result: VersionedUpdate): number {
    if (!result.ok) throw new VersionConflictError();
    return result.version;
  }

  function decide(request: FullRequest, action: RequestAction, context: ActingContext): RequestStatus {
    const decision = decideTransition(request.status as RequestStatus, action, transitionActor(context));
    if (!decision.ok) throw new TransitionRefusedError(decision.code);
    return decision.to;
  }

  /** What is still missing before the request can be submitted; empty when complete. */
  function missingSteps(request: FullRequest): string[] {
    const missing: string[] = missingRequiredSteps(stepsCompletedOf(request));
    if (config.requireIdCopy && !request.documents.some((document) => document.kind === ID_COPY_KIND)) missing.push('idCopy');
    return missing;
  }

  /** Checks shared by submission and resubmission, in the order the applicant can fix them. */
  function assertDataSendable(request: FullRequest, now: Date) {
    const missing = missingSteps(request);
    if (missing.length > 0) throw new TransitionRefusedError('request.incomplete', { missing });
    if (request.idExpiryDate && !isIdValidOn(request.idExpiryDate, todayIso(now, config.timeZone))) throw new TransitionRefusedError(ID_EXPIRED_CODE);
  }

  function assertReadyToSubmit(request: FullRequest, now: Date) {
    assertDataSendable(request, now);
    const declaration = declarationStatus(request);
    if (declaration !== 'valid') throw new TransitionRefusedError(`declaration.${declaration}`);
  }

  async function markChanged(repositories: Repositories, request: FullRequest, expectedVersion: number | undefined, context: ActingContext, action: string, details: Record<string, unknown>) {
    const version = checked(await repositories.requests.touch(request.id, expectedVersion ?? request.version));
    await repositories.audit.append({ ...auditActor(context), action, entityType: 'request', entityId: request.id, requestId: request.id, details });
    return version;
  }

  return {
    currentDataHash,
    declarationStatus,
    missingSteps,
    monthNames,

    /** Read access with the same ownership rule as the use cases. */
    get: (requestId: number, context: ActingContext) => load(data.repositories, requestId, context),

    listForBeneficiary: (beneficiaryId: number) => data.repositories.requests.listForBeneficiary(beneficiaryId),

    findOpenForBeneficiary: (beneficiaryId: number) => data.repositories.requests.findOpenForBeneficiary(beneficiaryId),

    /** One open request per national ID: an open submitted request is returned so the caller can show its reference. */
    startOrResumeDraft(beneficiaryId: number, channel: string, context: ActingContext): Promise<StartResult> {
      return data.transaction(async (repositories) => {
        const open = await repositories.requests.findOpenForBeneficiary(beneficiaryId);
        if (open) return open.status === 'draft' ? { outcome: 'draft', request: open, created: false } : { outcome: 'open', request: open };
        const created = await repositories.requests.createDraft({
          beneficiaryId,
          channel,
          createdByStaffId: context.kind === 'staff' ? context.id : null,
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'request.draft_started',
          entityType: 'request',
          entityId: created.id,
          requestId: created.id,
          visibleToBeneficiary: true,
          details: { channel },
        });
        const request = await repositories.requests.findById(created.id);
        if (!request) throw new NotFoundError();
        return { outcome: 'draft', request, created: true };
      });
    },

    /** Saves one step's validated answers and marks the step done. Returns the new version. */
    saveStep(requestId: number, stepId: StepId, validatedData: Record<string, unknown>, expectedVersion: number | undefined, context: ActingContext): Promise<number> {
      return data.transaction(async (repositories) => {
        const request = await loadHeader(repositories, requestId, context);
        assertEditable(request, context);
        const fields: Record<string, unknown> = {};
        for (const field of ownedColumns(stepById(stepId))) if (field in validatedData) fields[field] = validatedData[field] ?? null;
        fields.stepsCompleted = completedStepsAfter(stepsCompletedOf(request), stepId);
        const version = checked(await repositories.requests.updateFields(request.id, expectedVersion ?? request.version, fields as RequestFields));
        await repositories.audit.append({
          ...auditActor(context),
          action: 'request.step_saved',
          entityType: 'request',
          entityId: request.id,
          requestId: request.id,
          details: { step: stepId, fields: Object.keys(fields).filter((field) => field !== 'stepsCompleted') },
        });
        return version;
      });
    },

    addHouseholdMember(requestId: number, member: Parameters<Repositories['requests']['addHouseholdMember']>[1], expectedVersion: number | undefined, context: ActingContext) {
      return data.transaction(async (repositories) => {
        const request = await load(repositories, requestId, context);
        assertEditable(request, context);
        const created = await repositories.requests.addHouseholdMember(request.id, member);
        await markChanged(repositories, request, expectedVersion, context, 'request.household_member_added', { memberId: created.id });
        return created;
      });
    },

    updateHouseholdMember(requestId: number, memberId: number, member: Parameters<Repositories['requests']['addHouseholdMember']>[1], expectedVersion: number | undefined, context: ActingContext) {
      return data.transaction(async (repositories) => {
        const request = await load(repositories, requestId, context);
        assertEditable(request, context);
        if (!(await repositories.requests.updateHouseholdMember(request.id, memberId, member))) throw new NotFoundError();
        await markChanged(repositories, request, expectedVersion, context, 'request.household_member_changed', { memberId });
      });
    },

    removeHouseholdMember(requestId: number, memberId: number, expectedVersion: number | undefined, context: ActingContext) {
      return data.transaction(async (repositories) => {
        const request = await load(repositories, requestId, context);
        assertEditable(request, context);
        if (!(await repositories.requests.removeHouseholdMember(request.id, memberId))) throw new NotFoundError();
        await markChanged(repositories, request, expectedVersion, context, 'request.household_member_removed', { memberId });
      });
    },

    /** Records a stored file against the request; the bytes are written by the document service first. */
    addDocument(requestId: number, document: Omit<Parameters<Repositories['requests']['addDocument']>[1], 'uploadedByStaffId'>, context: ActingContext) {
      return data.transaction(async (repositories) => {
        const request = await load(repositories, requestId, context);
        assertEditable(request, context);
        const refusal = documentLimitRefusal(
          request.documents.map((existing) => existing.sizeBytes),
          document.sizeBytes,
          { maxCount: config.maxDocumentsPerRequest, maxTotalMegabytes: config.maxDocumentsTotalMegabytes },
        );
        if (refusal) throw new TransitionRefusedError(refusal.code, refusal.params);
        const created = await repositories.requests.addDocument(request.id, {
          ...document,
          uploadedByStaffId: context.kind === 'staff' ? context.id : null,
        });
        await markChanged(repositories, request, undefined, context, 'request.document_added', { documentId: created.id, kind: document.kind });
        return created;
      });
    },

    removeDocument(requestId: number, documentId: number, context: ActingContext) {
      return data.transaction(async (repositories) => {
        const request = await load(repositories, requestId, context);
        assertEditable(request, context);
        const document = await repositories.requests.findDocument(request.id, documentId);
        if (!document) throw new NotFoundError();
        await repositories.requests.removeDocument(request.id, documentId);
        await markChanged(repositories, request, undefined, context, 'request.document_removed', { documentId, kind: document.kind });
        return document;
      });
    },

    findDocument: async (requestId: number, documentId: number, context: ActingContext) => {
      const request = await load(data.repositories, requestId, context);
      const document = await data.repositories.requests.findDocument(request.id, documentId);
      if (!document) throw new NotFoundError();
      return document;
    },

    /** The applicant's signature over the current data; any later change makes it stale. */
    sign(requestId: number, input: SignInput, context: ActingContext): Promise<SignResult> {
      return data.transaction((repositories) => signWithin(repositories, requestId, input, context));
    },

    /** The refusal `sign` would give, without signing (so a form can refuse before storing an attachment). */
    signatureRefusal: async (requestId: number, input: SignInput, context: ActingContext): Promise<SignResult> => {
      const errors = signatureErrors(await load(data.repositories, requestId, context), input, context);
      return errors.length > 0 ? { ok: false, errors } : { ok: true };
    },

    /** Signing and sending in one transaction: a refused submission leaves no signature behind. */
    signAndSend(requestId: number, input: SignInput, context: ActingContext): Promise<SignResult> {
      return data.transaction(async (repositories) => {
        const signed = await signWithin(repositories, requestId, input, context);
        if (!signed.ok) return signed;
        const request = await load(repositories, requestId, context);
        if (request.status === 'needs_info') await resubmitWithin(repositories, requestId, context);
        else await submitWithin(repositories, requestId, context, input.channel);
        return signed;
      });
    },

    /** Draft → submitted: reference number, response window, confirmation message. */
    submit(requestId: number, context: ActingContext, channel?: string): Promise<FullRequest> {
      return data.transaction((repositories) => submitWithin(repositories, requestId, context, channel));
    },

    /** needs_info → submitted once the applicant (or an officer) has answered; closes the open information requests. */
    resubmit(requestId: number, context: ActingContext): Promise<FullRequest> {
      return data.transaction((repositories) => resubmitWithin(repositories, requestId, context));
    },

    isOpen: (request: { status: string }) => isOpenStatus(request.status as RequestStatus),
  };

  /** Every reason a signature would be refused, checked before anything is written. */
  function signatureErrors(request: FullRequest, input: SignInput, context: ActingContext): DeclarationError[] {
    assertEditable(request, context);
    const errors = validateSignature({
      declarationAccepted: input.declarationAccepted,
      signatureName: input.signatureName,
      fullName: request.fullName ?? '',
    });
    // The form's own mistakes first, on the form; then a signature on an unsent request must be over data that can
    // be sent (a re-signature after an officer's correction need not).
    if (errors.length === 0 && input.requireSendableData && (request.status === 'draft' || request.status === 'needs_info')) assertDataSendable(request, clock.now());
    return errors;
  }

  async function signWithin(repositories: Repositories, requestId: number, input: SignInput, context: ActingContext): Promise<SignResult> {
    const request = await load(repositories, requestId, context);
    const errors = signatureErrors(request, input, context);
    if (errors.length > 0) return { ok: false, errors };
    const declaration = await repositories.requests.addDeclaration(request.id, {
      textVersion: DECLARATION_TEXT_VERSION,
      signatureName: String(input.signatureName).trim(),
      signedAt: clock.now(),
      ip: input.ip,
      userAgent: input.userAgent ? input.userAgent.slice(0, 500) : null,
      channel: input.channel,
      dataHash: currentDataHash(request),
      witnessedByStaffId: input.witnessedByStaffId ?? null,
      scanDocumentId: input.scanDocumentId ?? null,
    });
    await repositories.audit.append({
      ...auditActor(context),
      action: 'request.declaration_signed',
      entityType: 'request',
      entityId: request.id,
      requestId: request.id,
      visibleToBeneficiary: true,
      details: { declarationId: declaration.id, channel: input.channel, textVersion: DECLARATION_TEXT_VERSION },
    });
    return { ok: true };
  }

  async function submitWithin(repositories: Repositories, requestId: number, context: ActingContext, channel?: string): Promise<FullRequest> {
    const request = await load(repositories, requestId, context);
    const to = decide(request, 'submit', context);
    const now = clock.now();
    assertReadyToSubmit(request, now);
    const year = Number(todayIso(now, config.timeZone).slice(0, 4));
    const reference = formatReference(config.referencePrefix, year, await repositories.requests.nextReferenceNumber(year));
    const opensAt = responseWindowOpensAt(now, config.responseWindowDays);
    checked(
      await repositories.requests.setStatus(request.id, request.version, to, {
        reference,
        submittedAt: now,
        responseWindowOpensAt: opensAt,
        ...(channel ? { channel } : {}),
      }),
    );
    await repositories.audit.append({
      ...auditActor(context),
      action: 'request.submitted',
      entityType: 'request',
      entityId: request.id,
      requestId: request.id,
      visibleToBeneficiary: true,
      details: { reference, channel: channel ?? request.channel },
    });
    await notifications.notifyApplicant(repositories, request, {
      template: 'requestSubmitted',
      params: { reference, earliestResponseDate: formatDualDate(todayIso(opensAt, config.timeZone), 'ar', monthNames()) },
      dedupeKey: `request-submitted:${request.id}`,
    });
    const updated = await repositories.requests.findById(request.id);
    if (!updated) throw new NotFoundError();
    return updated;
  }

  async function resubmitWithin(repositories: Repositories, requestId: number, context: ActingContext): Promise<FullRequest> {
    const request = await load(repositories, requestId, context);
    const to = decide(request, 'resubmit', context);
    const now = clock.now();
    assertReadyToSubmit(request, now);
    checked(await repositories.requests.setStatus(request.id, request.version, to));
    const resolved = await repositories.requests.resolveInfoRequests(request.id, now);
    await repositories.audit.append({
      ...auditActor(context),
      action: 'request.resubmitted',
      entityType: 'request',
      entityId: request.id,
      requestId: request.id,
      visibleToBeneficiary: true,
      details: { reference: request.reference, resolvedInfoRequests: resolved },
    });
    await notifications.notifyApplicant(repositories, request, {
      template: 'requestResubmitted',
      dedupeKey: `request-resubmitted:${request.id}:${request.version}`,
    });
    const updated = await repositories.requests.findById(request.id);
    if (!updated) throw new NotFoundError();
    return updated;
  }
}
export type ApplicationService = ReturnType<typeof applicationService>;
