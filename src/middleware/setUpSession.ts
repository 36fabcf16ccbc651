import session, { type Store } from 'express-session';
import type { Config } from '../config.ts';

export const SESSION_COOKIE = 'tayseer.sid';

export function setUpSession(store: Store, config: Config) {
  return session({
    name: SESSION_COOKIE,
    store,
    secret: config.sessionSecret,
    resave: false,
    // No row is written for visitors who never sign in or open a form.
    saveUninitialized: false,
    rolling: true,
    proxy: config.trustProxy,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.production,
      maxAge: config.sessionMaxAgeMs,
    },
  });
}
