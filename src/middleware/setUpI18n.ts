import type { Router } from 'express';
import express from 'express';
import type { i18n, TFunction } from 'i18next';
import { parse as parseCookies } from 'cookie';
import { DEFAULT_LANGUAGE, directionOf, LANGUAGES, type Language } from '../i18n.ts';

const LANGUAGE_COOKIE = 'lng';
const ONE_YEAR_MS = 365 * 24 * 60 * 60 * 1000;

function isLanguage(value: unknown): value is Language {
  return typeof value === 'string' && (LANGUAGES as readonly string[]).includes(value);
}

const MAX_CACHED_KEYS = 5000;

function isReturnObjectsOnly(options: unknown): boolean {
  if (typeof options !== 'object' || options === null) return false;
  const keys = Object.keys(options);
  return keys.length === 1 && (options as { returnObjects?: unknown }).returnObjects === true;
}

/** `{ count: 12 }` alone: the text depends only on the key and the number ("12 يومًا"). */
function countOnly(options: unknown): number | undefined {
  if (typeof options !== 'object' || options === null) return undefined;
  const { count } = options as { count?: unknown };
  return typeof count === 'number' && Number.isInteger(count) && Object.keys(options).length === 1
    ? count
    : undefined;
}

/**
 * i18next resolves every call afresh; pages call it hundreds of times with the same few keys.
 * Calls without options (or with only returnObjects, or only a whole count) are remembered per language, bounded since
 * some keys embed a value; cached objects are shared, so views must only read them.
 */
function cachedTranslator(i18n: i18n, language: Language): TFunction {
  const translate = i18n.getFixedT(language);
  const cache = new Map<string, unknown>();
  const cached = (key: unknown, ...rest: unknown[]) => {
    const [options] = rest;
    const asObject = rest.length === 1 && isReturnObjectsOnly(options);
    const count = rest.length === 1 ? countOnly(options) : undefined;
    if ((rest.length > 0 && !asObject && count === undefined) || typeof key !== 'string') {
      return (translate as unknown as (...args: unknown[]) => unknown)(key, ...rest);
    }
    const cacheKey = asObject
      ? `${key}\u0000objects`
      : count !== undefined
        ? `${key}\u0000count\u0000${count}`
        : key;
    let text = cache.get(cacheKey);
    if (text === undefined) {
      text = asObject
        ? translate(key, { returnObjects: true })
        : count !== undefined
          ? translate(key, { count })
          : translate(key);
      if (cache.size < MAX_CACHED_KEYS) cache.set(cacheKey, text);
    }
    return text;
  };
  return cached as unknown as TFunction;
}

/**
 * Arabic unless the user chose otherwise: `?lng=` switches and is remembered in a cookie.
 * Accept-Language is deliberately ignored: the service is Arabic first for everyone.
 */
export function setUpI18n(i18n: i18n, options: { secureCookies: boolean }): Router {
  const router = express.Router();
  const translators = new Map(
    LANGUAGES.map((language) => [language, cachedTranslator(i18n, language)]),
  );
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
      // The library leaves a value it cannot decode as it is, where decodeURIComponent would throw.
      const remembered = req.headers.cookie ? parseCookies(req.headers.cookie)[LANGUAGE_COOKIE] : undefined;
      if (isLanguage(remembered)) language = remembered;
    }
    const t = translators.get(language) as TFunction;
    req.language = language;
    req.t = t;
    res.locals.t = t;
    // Staff pages speak about the applicant, not to them: a message may have a `_staff` wording
    // (i18next context), chosen when a staff member's page is rendered (requireRole sets `staff`).
    res.locals.errorMessage = (error: { code: string; params?: Record<string, unknown> }) =>
      t(error.code.includes(':') ? error.code : `errors:${error.code}`, {
        uploadLimitMb: res.locals.uploadLimitMb,
        ...(error.params ?? {}),
        ...(res.locals.staff ? { context: 'staff' } : {}),
      });
    res.locals.lang = language;
    res.locals.dir = directionOf(language);
    res.locals.otherLanguage = language === 'ar' ? 'en' : 'ar';
    next();
  });
  return router;
}
