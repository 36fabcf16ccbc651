import path from 'node:path';
import ejs from 'ejs';
import type { Express } from 'express';
import type { Config } from '../config.ts';

const VIEWS_DIR = path.resolve('views');
const TAG_COLOURS = new Set(['grey', 'blue', 'green', 'red', 'yellow']);

/**
 * Markup a template built on purpose. Partials that take cell or body content print it as is only
 * when it is one of these; any other value is escaped, so a forgotten escape shows up as text.
 */
export class TrustedHtml {
  constructor(readonly html: string) {}
  toString(): string {
    return this.html;
  }
}

/** Escapes a value for HTML unless it is trusted markup; arrays are joined, null and undefined print nothing. */
export function asHtml(value: unknown): string {
  if (value instanceof TrustedHtml) return value.html;
  if (Array.isArray(value)) return value.map(asHtml).join('');
  if (value === null || value === undefined || value === false) return '';
  return ejs.escapeXML(String(value));
}

/** A tagged template: html`<a href="/x/${id}">${name}</a>` escapes every interpolated value except trusted markup. */
export function html(strings: TemplateStringsArray, ...values: unknown[]): TrustedHtml {
  return new TrustedHtml(strings.reduce((out, text, index) => out + text + (index < values.length ? asHtml(values[index]) : ''), ''));
}

/**
 * A coloured status label. A function rather than an include: an include copies every view
 * local, which showed up as the largest cost of rendering a 25-row table with tags on each row.
 */
export function tag(text: string, colour = 'grey'): TrustedHtml {
  return html`<strong class="tag tag-${TAG_COLOURS.has(colour) ? colour : 'grey'}">${text}</strong>`;
}

/** The output of include(): its partial already escaped what it printed, so a table cell may hold it as is. */
export function partialHtml(rendered: string): TrustedHtml {
  return new TrustedHtml(rendered);
}

/**
 * A reference, phone, file number or ID put inside a translated sentence, isolated left to right
 * (U+2066 … U+2069, the text form of <bdi dir="ltr">) so "MZL-2026-000001" never reads "000001-MZL-2026".
 */
export function ltr(value: string | null | undefined): string {
  return value ? `\u2066${value}\u2069` : '';
}

/** The helpers every template may call, also handed to partials rendered alone in tests. */
export const viewHelpers = { tag, html, asHtml, partialHtml, ltr };
const LAYOUT_FILE = path.join(VIEWS_DIR, 'layouts', 'main.ejs');

/**
 * EJS with one layout: a page renders first, then the layout wraps it as `body`.
 * Includes are written from the views root (`/partials/input`): EJS then resolves them
 * without a file-system check on every call.
 */
/**
 * A page whose body depends only on shared data (no CSRF token, nothing about the user) may pass
 * `bodyMemo` in its locals: the body is then rendered once and reused; the layout, which carries
 * the user's name and token, is rendered every time.
 */
export interface BodyMemo {
  get(): string | undefined;
  set(body: string): void;
}

export function setUpViews(app: Express, config: Config) {
  // Without compileDebug the compiled templates skip line tracking; production hides stacks anyway.
  const renderOptions = {
    cache: config.production,
    compileDebug: !config.production,
    root: VIEWS_DIR,
  };
  // In development a template edit must show at once, so rendered bodies are not reused there.
  const reuseBodies = config.env !== 'development';
  app.engine(
    'ejs',
    (file: string, viewLocals: object, callback: (error: unknown, html?: string) => void) => {
      const locals = viewLocals as Record<string, unknown>;
      const wrap = (body: string) => {
        if (locals.layout === false) return callback(null, body);
        ejs.renderFile(LAYOUT_FILE, { ...locals, body }, renderOptions, callback);
      };
      const memo = reuseBodies ? (locals.bodyMemo as BodyMemo | undefined) : undefined;
      const remembered = memo?.get();
      if (remembered !== undefined) return wrap(remembered);
      ejs.renderFile(file, locals, renderOptions, (error, body) => {
        if (error) return callback(error);
        memo?.set(body);
        wrap(body);
      });
    },
  );
  Object.assign(app.locals, viewHelpers);
  app.set('view engine', 'ejs');
  app.set('views', VIEWS_DIR);
  if (config.production) app.enable('view cache');
}
