import { NotFoundError, TransitionRefusedError, VersionConflictError } from './errors.ts';

/** Refusals are translation codes, so the page can say why in the user's language. */
export type Refusal = { ok: false; code: string; status: 404 | 409 | 422 };
export type Outcome<T = object> = ({ ok: true } & T) | Refusal;

export const refusal = {
  notFound: { ok: false, code: 'committee:errors.notFound', status: 404 },
  stale: { ok: false, code: 'committee:errors.changedBySomeoneElse', status: 409 },
  notWithCommittee: { ok: false, code: 'committee:errors.notWithCommittee', status: 422 },
} as const;

/**
 * Runs a committee use case and turns the shared use-case errors into the refusal its page shows.
 * A thrown error also rolls back the surrounding transaction, so a lost race leaves nothing behind.
 */
export async function asOutcome<T>(work: () => Promise<Outcome<T>>): Promise<Outcome<T>> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof VersionConflictError) return refusal.stale;
    if (error instanceof TransitionRefusedError)
      return { ok: false, code: error.code, status: 422 };
    if (error instanceof NotFoundError) return refusal.notFound;
    throw error;
  }
}
