import type { Request } from 'express';

/** A fresh session id at sign-in (or a password change) defeats session fixation. */
export function renewSessionId(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.regenerate((error) => (error ? reject(error) : resolve())),
  );
}

/** Only same-site paths: never "//host" or a full URL. */
export function safeReturnTo(value: unknown): string | null {
  return typeof value === 'string' && /^\/(?!\/)[\w\-./?=&%]*$/.test(value) ? value : null;
}
