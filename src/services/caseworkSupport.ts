import type { Repositories } from '../data/index.ts';
import type { FullRequest, StatusExtra } from '../data/requestRepository.ts';
import { decideTransition, isRequestStatus, type RequestAction, type RequestStatus } from '../domain/requestStatus.ts';
import { auditActor, type ActingContext } from './actor.ts';
import { transitionActor } from './applicationService.ts';
import { NotFoundError, TransitionRefusedError, VersionConflictError } from './errors.ts';

export function statusOf(request: { status: string }): RequestStatus {
  if (!isRequestStatus(request.status)) throw new Error(`unknown request status ${request.status}`);
  return request.status;
}

export async function loadRequest(repositories: Repositories, requestId: number): Promise<FullRequest> {
  const request = await repositories.requests.findById(requestId);
  if (!request) throw new NotFoundError();
  return request;
}

/**
 * The version is checked before the transition so an officer working from a stale screen is
 * shown the latest file rather than a refusal that may no longer apply.
 */
export function assertVersion(request: { version: number }, expectedVersion: number): void {
  if (request.version !== expectedVersion) throw new VersionConflictError();
}

export function assertTransition(request: { status: string }, action: RequestAction, context: ActingContext): RequestStatus {
  const decision = decideTransition(statusOf(request), action, transitionActor(context));
  if (!decision.ok) throw new TransitionRefusedError(decision.code, { action });
  return decision.to;
}

/** Writes the status only over the version the caller read; losing that race is a VersionConflictError. */
export async function saveStatus(
  repositories: Repositories,
  requestId: number,
  expectedVersion: number,
  status: RequestStatus,
  extra: StatusExtra = {},
): Promise<number> {
  const result = await repositories.requests.setStatus(requestId, expectedVersion, status, extra);
  if (!result.ok) throw new VersionConflictError();
  return result.version;
}

/** Every staff status change: state machine, optimistic lock, audit entry, all in the caller's transaction. */
export async function changeStatus(
  repositories: Repositories,
  context: ActingContext,
  request: FullRequest,
  action: RequestAction,
  expectedVersion: number,
  options: { extra?: StatusExtra; auditAction: string; visibleToBeneficiary: boolean; details?: Record<string, unknown> },
): Promise<{ version: number; to: RequestStatus }> {
  assertVersion(request, expectedVersion);
  const to = assertTransition(request, action, context);
  const version = await saveStatus(repositories, request.id, expectedVersion, to, options.extra);
  await repositories.audit.append({
    ...auditActor(context),
    action: options.auditAction,
    entityType: 'request',
    entityId: request.id,
    requestId: request.id,
    visibleToBeneficiary: options.visibleToBeneficiary,
    details: { from: request.status, to, ...options.details },
  });
  return { version, to };
}

export function requireStaff(context: ActingContext): ActingContext & { kind: 'staff' } {
  if (context.kind !== 'staff') throw new TransitionRefusedError('transition.roleNotAllowed');
  return context;
}
