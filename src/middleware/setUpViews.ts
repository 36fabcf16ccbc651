import path from 'node:path';
import ejs from 'ejs';
import type { Express } from 'express';
import type { Config } from '../config.ts';

const VIEWS_DIR = path.resolve('views');
const LAYOUT_FILE = path.join(VIEWS_DIR, 'layouts', 'main.ejs');

/** EJS with one layout: a page renders first, then the layout wraps it as `body`. */
export function setUpViews(app: Express, config: Config) {
  app.engine('ejs', (file: string, options: object, callback: (error: unknown, html?: string) => void) => {
    const locals = options as Record<string, unknown>;
    ejs.renderFile(file, locals, { cache: config.production }, (error, body) => {
      if (error) return callback(error);
      if (locals.layout === false) return callback(null, body);
      ejs.renderFile(LAYOUT_FILE, { ...locals, body }, { cache: config.production }, callback);
    });
  });
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  if (config.production) app.enable('view cache');
}
