import type { FieldError } from '../domain/formValidation.ts';

/** Thrown when a save carries a version that another user has already replaced. */
export class VersionConflictError extends Error {
  readonly code = 'request.versionConflict';
  readonly status = 409;
  constructor(message = 'the request was changed by someone else') {
    super(message);
    this.name = 'VersionConflictError';
  }
}

/**
 * A refused use case; `code` is a translation key (errors namespace, or namespaced like `apply:errors.x`).
 * Routes usually show the refusal on their page; one they did not catch still answers 422, not 500.
 */
export class TransitionRefusedError extends Error {
  readonly status = 422;
  readonly code: string;
  readonly details: Record<string, unknown>;
  constructor(code: string, details: Record<string, unknown> = {}) {
    super(`refused: ${code}`);
    this.name = 'TransitionRefusedError';
    this.code = code;
    this.details = details;
  }
}

/** Also used for records that exist but belong to someone else, so they cannot be probed. */
export class NotFoundError extends Error {
  readonly status = 404;
  constructor(message = 'not found') {
    super(message);
    this.name = 'NotFoundError';
  }
}

/** A request the portal cannot act on as sent (an impossible filter date, say): the 400 page. */
export class BadRequestError extends Error {
  readonly status = 400;
  constructor(message = 'bad request') {
    super(message);
    this.name = 'BadRequestError';
  }
}

/** Input the rules refuse field by field (a service beyond the approval without a reason, say): shown on its form. */
export class InvalidInputError extends Error {
  readonly status = 400;
  readonly errors: readonly FieldError[];
  constructor(errors: readonly FieldError[]) {
    super('invalid input');
    this.name = 'InvalidInputError';
    this.errors = errors;
  }
}
