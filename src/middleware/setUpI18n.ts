import type { Router } from 'express';
import express from 'express';
import type { i18n } from 'i18next';
import { DEFAULT_LANGUAGE, directionOf, LANGUAGES, type Language } from '../i18n.ts';

const LANGUAGE_COOKIE = 'lng';
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function readCookie(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

/**
 * Arabic unless the user chose otherwise: `?lng=` switches and is remembered in a cookie.
 * Accept-Language is deliberately ignored: the service is Arabic first for everyone.
 */
export function setUpI18n(i18n: i18n, options: { secureCookies: boolean }): Router {
  const router = express.Router();
  router.use((req, res, next) => {
    const requested = req.query.lng;
    let language: Language = DEFAULT_LANGUAGE;
    if (isLanguage(requested)) {
      language = requested;
      res.cookie(LANGUAGE_COOKIE, language, {
        maxAge: ONE_YEAR_MS,
        httpOnly: true,
        sameSite: 'lax',
        secure: options.secureCookies,
      });
    } else {
      const remembered = readCookie(req.headers.cookie, LANGUAGE_COOKIE);
      if (isLanguage(remembered)) language = remembered;
    }
    const t = i18n.getFixedT(language);
    req.language = language;
    req.t = t;
    res.locals.t = t;
    res.locals.lang = language;
    res.locals.dir = directionOf(language);
    res.locals.otherLanguage = language === 'ar' ? 'en' : 'ar';
    next();
  });
  return router;
}
