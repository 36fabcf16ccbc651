import type { NextFunction, Request, Response } from 'express';
import { parse as parseCookies } from 'cookie';
import { SESSION_COOKIE } from './setUpSession.ts';

const CACHEABLE_PATHS = new Set(['/', '/privacy']);
const TTL_MS = 60_000;

interface CachedPage {
  html: string;
  storedAt: number;
}

/**
 * The start page is the same for every visitor without a session, and it takes most of the
 * traffic when a support programme is announced. In production it is rendered once a minute
 * per language and served from memory, skipping the session and CSRF work it does not need.
 */
export function publicPageCache(options: { enabled: boolean; now?: () => number }) {
  const now = options.now ?? Date.now;
  const pages = new Map<string, CachedPage>();

  return (req: Request, res: Response, next: NextFunction) => {
    if (!options.enabled || (req.method !== 'GET' && req.method !== 'HEAD') || !CACHEABLE_PATHS.has(req.path)) return next();
    if (Object.keys(req.query).length > 0 || (req.headers.cookie && parseCookies(req.headers.cookie)[SESSION_COOKIE] !== undefined)) return next();

    const key = `${req.language}:${req.path}`;
    const cached = pages.get(key);
    if (cached && now() - cached.storedAt < TTL_MS) {
      res.type('html').send(cached.html);
      return;
    }
    const send = res.send.bind(res);
    res.send = (body?: unknown) => {
      if (res.statusCode === 200 && typeof body === 'string') pages.set(key, { html: body, storedAt: now() });
      return send(body);
    };
    next();
  };
}
