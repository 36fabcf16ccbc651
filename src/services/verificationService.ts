import type { Config } from '../config.ts';
import type { DataAccess, Repositories } from '../data/index.ts';
import type { FullRequest } from '../data/requestRepository.ts';
import type { VerificationLineRecord } from '../data/caseworkRepository.ts';
import { todayIso } from '../domain/dates.ts';
import { parseSaudiIban } from '../domain/iban.ts';
import { raiseBlockers, type RaiseBlocker } from '../domain/raiseGuard.ts';
import { isIdValidOn } from '../domain/requestForm.ts';
import { splitByCurrency, validateVerificationLine, verificationFingerprint, type VerificationItem, type VerificationOutcome } from '../domain/verification.ts';
import type { FieldError } from '../domain/formValidation.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { declarationStatus, snapshotOf } from './applicationService.ts';
import { assertTransition, assertVersion, changeStatus, loadRequest, requireStaff } from './caseworkSupport.ts';
import type { Clock } from './clock.ts';
import { TransitionRefusedError, VersionConflictError } from './errors.ts';
import type { NotificationService } from './notificationService.ts';

export const INFO_REQUEST_MAX_ITEMS = 20;
export const INFO_REQUEST_ITEM_MAX_LENGTH = 300;

/** Who may record verification lines: the officer verifying the file, nobody else. */
const VERIFYING_ROLE = 'relations_officer';

export type LineInput = { item: VerificationItem; outcome: string; note: string; iban: string };
export type FormOutcome = { ok: true; version: number } | { ok: false; errors: FieldError[] };

// The raise guard compares ISO dates; a request without an ID expiry cannot prove a valid ID.
const UNKNOWN_ID_EXPIRY = '1900-01-01';

/** Splits the officer's list (one item a line), dropping blanks and duplicates. */
export function parseMissingItems(text: unknown): string[] {
  if (typeof text !== 'string') return [];
  const lines = text
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter(Boolean);
  return [...new Set(lines)];
}

export function verificationService(
  data: DataAccess,
  config: Config,
  clock: Clock,
  notifications: NotificationService,
) {
  /** The data the checklist vouches for; a scan of the signed declaration is not a document to verify. */
  function checkedData(request: FullRequest) {
    const scans = new Set(request.declarations.map((declaration) => declaration.scanDocumentId));
    return snapshotOf({ ...request, documents: request.documents.filter((document) => !scans.has(document.id)) });
  }

  function splitLines(request: FullRequest, lines: VerificationLineRecord[]) {
    return splitByCurrency(lines, checkedData(request));
  }

  function blockersGiven(request: FullRequest, lines: VerificationLineRecord[], openReferralCount: number): RaiseBlocker[] {
    return raiseBlockers({
      requiredItems: config.requiredVerificationItems,
      verificationLines: splitLines(request, lines).current,
      declarationValid: declarationStatus(request) === 'valid',
      openReferralCount,
      idExpiryDate: request.idExpiryDate ?? UNKNOWN_ID_EXPIRY,
      submittedAt: todayIso(request.submittedAt ?? clock.now(), config.timeZone),
    });
  }

  async function blockersFor(repositories: Repositories, request: FullRequest): Promise<RaiseBlocker[]> {
    const [lines, openReferralCount] = await Promise.all([
      repositories.casework.verificationLines(request.id),
      repositories.casework.openReferralCount(request.id),
    ]);
    return blockersGiven(request, lines, openReferralCount);
  }

  /** complete_verification and raise share the guard: data may change between the two steps. */
  async function guardedTransition(
    requestId: number,
    expectedVersion: number,
    context: ActingContext,
    action: 'complete_verification' | 'raise',
  ) {
    return data.transaction(async (repositories) => {
      const request = await loadRequest(repositories, requestId);
      assertVersion(request, expectedVersion);
      assertTransition(request, action, context);
      const blockers = await blockersFor(repositories, request);
      if (blockers.length > 0) throw new TransitionRefusedError('staff:errors.raiseBlocked', { blockers });
      const staff = requireStaff(context);
      const raising = action === 'raise';
      return changeStatus(repositories, context, request, action, expectedVersion, {
        extra: raising ? { raisedAt: clock.now(), raisedByStaffId: staff.id } : {},
        auditAction: raising ? 'request.raised' : 'request.verification_completed',
        visibleToBeneficiary: raising,
      });
    });
  }

  return {
    blockers: (requestId: number) =>
      data.transaction(async (repositories) => blockersFor(repositories, await loadRequest(repositories, requestId))),
    /** The same guard over what a page has already read (the request file): no second read of the request. */
    blockersGiven,
    splitLines,

    startVerification: (requestId: number, expectedVersion: number, context: ActingContext) =>
      data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        const result = await changeStatus(repositories, context, request, 'start_verification', expectedVersion, {
          auditAction: 'request.verification_started',
          visibleToBeneficiary: true,
        });
        // A resubmitted request answers the earlier questions; starting again closes them.
        await repositories.requests.resolveInfoRequests(requestId, clock.now());
        return result;
      }),

    /** One checklist line; the bank line also stores the confirmed IBAN on the request. */
    recordLine: (requestId: number, input: LineInput, expectedVersion: number, context: ActingContext): Promise<FormOutcome> =>
      data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        assertVersion(request, expectedVersion);
        const staff = requireStaff(context);
        if (!staff.roles.includes(VERIFYING_ROLE)) throw new TransitionRefusedError('transition.roleNotAllowed');
        if (request.status !== 'in_verification') throw new TransitionRefusedError('staff:errors.notInVerification');

        const errors: FieldError[] = validateVerificationLine(input).map((code) => ({
          field: code === 'verification.outcome' ? 'outcome' : 'note',
          code,
        }));
        const outcome = input.outcome as VerificationOutcome;
        const note = input.note.trim() === '' ? null : input.note.trim();
        if (errors.length === 0 && input.item === 'identity' && outcome === 'verified') {
          const submittedOn = todayIso(request.submittedAt ?? clock.now(), config.timeZone);
          if (!request.idExpiryDate || !isIdValidOn(request.idExpiryDate, submittedOn)) {
            errors.push({ field: 'outcome', code: 'staff:errors.idExpiredOnSubmission' });
          }
        }
        let iban: string | null = null;
        if (input.item === 'bank_account' && outcome === 'verified') {
          const parsed = parseSaudiIban(input.iban);
          if (parsed.ok) iban = parsed.value;
          else errors.push({ field: 'iban', code: parsed.code });
        }
        if (errors.length > 0) return { ok: false, errors };

        // Recording a line bumps the version too, so two officers checking the same file collide visibly.
        const update =
          iban !== null && iban !== request.iban
            ? await repositories.requests.updateFields(requestId, expectedVersion, { iban })
            : await repositories.requests.touch(requestId, expectedVersion);
        if (!update.ok) throw new VersionConflictError();
        await repositories.casework.recordVerificationLine({
          requestId,
          item: input.item,
          outcome,
          note,
          staffId: staff.id,
          recordedAt: clock.now(),
          dataFingerprint: verificationFingerprint(input.item, { ...checkedData(request), iban: iban ?? request.iban }),
        });
        await repositories.audit.append({
          ...auditActor(context),
          action: 'request.verification_line_recorded',
          entityType: 'verification_line',
          entityId: `${requestId}:${input.item}`,
          requestId,
          visibleToBeneficiary: false,
          details: { item: input.item, outcome, note, ...(iban ? { ibanChanged: iban !== request.iban } : {}) },
        });
        return { ok: true, version: update.version };
      }),

    /** Back to the applicant with a list of what is missing; the applicant is told by SMS/e-mail. */
    requestInfo: (requestId: number, itemsText: string, expectedVersion: number, context: ActingContext): Promise<FormOutcome> =>
      data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        assertVersion(request, expectedVersion);
        const items = parseMissingItems(itemsText);
        if (items.length === 0) return { ok: false, errors: [{ field: 'items', code: 'staff:errors.infoItemsRequired' }] };
        if (items.length > INFO_REQUEST_MAX_ITEMS || items.some((item) => [...item].length > INFO_REQUEST_ITEM_MAX_LENGTH)) {
          return { ok: false, errors: [{ field: 'items', code: 'staff:errors.infoItemsTooLong' }] };
        }
        const staff = requireStaff(context);
        const result = await changeStatus(repositories, context, request, 'request_info', expectedVersion, {
          auditAction: 'request.info_requested',
          visibleToBeneficiary: true,
          details: { items },
        });
        const infoRequest = await repositories.casework.addInfoRequest({
          requestId,
          items,
          requestedById: staff.id,
          requestedByRole: VERIFYING_ROLE,
          requestedAt: clock.now(),
        });
        await notifications.notifyApplicant(repositories, request, {
          template: 'requestNeedsInfo',
          dedupeKey: `info-request:${infoRequest.id}`,
        });
        return { ok: true, version: result.version };
      }),

    completeVerification: (requestId: number, expectedVersion: number, context: ActingContext) =>
      guardedTransition(requestId, expectedVersion, context, 'complete_verification'),

    reopenVerification: (requestId: number, expectedVersion: number, context: ActingContext) =>
      data.transaction(async (repositories) => {
        const request = await loadRequest(repositories, requestId);
        return changeStatus(repositories, context, request, 'reopen_verification', expectedVersion, {
          auditAction: 'request.verification_reopened',
          visibleToBeneficiary: false,
        });
      }),

    raise: (requestId: number, expectedVersion: number, context: ActingContext) =>
      guardedTransition(requestId, expectedVersion, context, 'raise'),
  };
}
export type VerificationService = ReturnType<typeof verificationService>;
