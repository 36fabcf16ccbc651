import type { Request } from 'express';
import { renewSessionId, safeReturnTo } from '../sessions.ts';

export { safeReturnTo };

/** A fresh session id defeats session fixation; the journey's answers given before signing in are carried over. */
export async function regenerateSession(req: Request): Promise<void> {
  const { beneficiaryReturnTo, applyEligibility } = req.session;
  await renewSessionId(req);
  if (beneficiaryReturnTo) req.session.beneficiaryReturnTo = beneficiaryReturnTo;
  if (applyEligibility) req.session.applyEligibility = applyEligibility;
}

/** A fresh session id at sign-in defeats session fixation; where the user was going survives it. */
export async function signInBeneficiary(req: Request, beneficiaryId: number): Promise<string> {
  const returnTo = safeReturnTo(req.session.beneficiaryReturnTo) ?? '/account/requests';
  await regenerateSession(req);
  delete req.session.beneficiaryReturnTo;
  req.session.beneficiaryId = beneficiaryId;
  return returnTo;
}
