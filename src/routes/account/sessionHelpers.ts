import type { Request } from 'express';

export function regenerateSession(req: Request): Promise<void> {
  return new Promise((resolve, reject) => req.session.regenerate((error) => (error ? reject(error) : resolve())));
}

/** Only same-site paths: never "//host" or a full URL. */
export function safeReturnTo(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null;
}

/** A fresh session id at sign-in defeats session fixation; where the user was going survives it. */
export async function signInBeneficiary(req: Request, beneficiaryId: number): Promise<string> {
  const returnTo = safeReturnTo(req.session.beneficiaryReturnTo) ?? '/account/requests';
  await regenerateSession(req);
  req.session.beneficiaryId = beneficiaryId;
  return returnTo;
}
