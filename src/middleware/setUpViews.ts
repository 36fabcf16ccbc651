import path from 'node:path';
import ejs from 'ejs';
import type { Express } from 'express';
import type { Config } from '../config.ts';

const VIEWS_DIR = path.resolve('views');
const LAYOUT_FILE = path.join(VIEWS_DIR, 'layouts', 'main.ejs');

/**
 * EJS with one layout: a page renders first, then the layout wraps it as `body`.
 * Includes are written from the views root (`/partials/input`): EJS then resolves them
 * without a file-system check on every call.
 */
export function setUpViews(app: Express, config: Config) {
  const renderOptions = { cache: config.production, root: VIEWS_DIR };
  app.engine('ejs', (file: string, viewLocals: object, callback: (error: unknown, html?: string) => void) => {
    const locals = viewLocals as Record<string, unknown>;
    ejs.renderFile(file, locals, renderOptions, (error, body) => {
      if (error) return callback(error);
      if (locals.layout === false) return callback(null, body);
      ejs.renderFile(LAYOUT_FILE, { ...locals, body }, renderOptions, callback);
    });
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  if (config.production) app.enable('view cache');
}
