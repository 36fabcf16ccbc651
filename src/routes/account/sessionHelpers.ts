import type { Request } from 'express';

/** A fresh session id defeats session fixation; the journey's answers given before signing in are carried over. */
export async function regenerateSession(req: Request): Promise<void> {
  const { beneficiaryReturnTo, applyEligibility } = req.session;
  await new Promise<void>((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
  if (beneficiaryReturnTo) req.session.beneficiaryReturnTo = beneficiaryReturnTo;
  if (applyEligibility) req.session.applyEligibility = applyEligibility;
}

/** Only same-site paths: never "//host" or a full URL. */
export function safeReturnTo(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null;
}

/** A fresh session id at sign-in defeats session fixation; where the user was going survives it. */
export async function signInBeneficiary(req: Request, beneficiaryId: number): Promise<string> {
  const returnTo = safeReturnTo(req.session.beneficiaryReturnTo) ?? '/account/requests';
  await regenerateSession(req);
  delete req.session.beneficiaryReturnTo;
  req.session.beneficiaryId = beneficiaryId;
  return returnTo;
}
