import fs from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { createTestApp, type TestApp } from '../../support/testApp.ts';

const require = createRequire(import.meta.url);
const AXE_SOURCE = fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface RunningApp {
  baseUrl: string;
  testApp: TestApp;
  close(): Promise<void>;
}

/** The real app on a fresh database, listening on a free loopback port. */
export async function startApp(options: Parameters<typeof createTestApp>[0] = {}): Promise<RunningApp> {
  const testApp = await createTestApp(options);
  const server: Server = await new Promise((resolve) => {
    const listening = testApp.app.listen(0, '127.0.0.1', () => resolve(listening));
  });
  const { port } = server.address() as AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    testApp,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await testApp.close();
    },
  };
}

/** What an e2e file shares: the app on a fresh database and one browser, started before its tests. */
export interface E2eSession {
  running: RunningApp;
  browser: Browser;
}

/**
 * The one start-app-and-browser set-up of the e2e files: registers the beforeAll/afterAll pair and
 * returns the session, whose fields are set once the tests run.
 */
export function useAppAndBrowser(options: Parameters<typeof createTestApp>[0] = {}): E2eSession {
  const session = {} as E2eSession;
  beforeAll(async () => {
    session.running = await startApp(options);
    session.browser = await launchBrowser();
  });
  afterAll(async () => {
    await session.browser?.close();
    await session.running?.close();
  });
  return session;
}

/**
 * Unhinted glyphs are laid out from the font's own metrics, not the machine's fontconfig hinting,
 * so text widths (and so which tables scroll) are the same on every machine.
 */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--font-render-hinting=none'],
  });
}

/** A phone-sized page (360x740), as most applicants use. */
export async function phonePage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 360, height: 740 }, deviceScaleFactor: 1, isMobile: true, hasTouch: true });
  return context.newPage();
}

export async function desktopPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  return context.newPage();
}

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** The portal's own font, which every page names first (public/css/app.css). */
export const WEB_FONT_FAMILY = 'IBM Plex Sans Arabic';

/**
 * Waits until the portal's web font has loaded and every pending font load has settled, so layout
 * and axe (contrast, scrolling regions) see the same glyphs on every machine, whatever fonts it has.
 * Fails if the font cannot load (a missing file, a CSP refusal).
 */
export async function waitForFonts(page: Page): Promise<void> {
  const families = await page.evaluate(async (family: string) => {
    const faces: FontFace[] = [];
    document.fonts.forEach((face) => faces.push(face));
    const named = (face: FontFace) => face.family.replace(/["']/g, '');
    await Promise.all(faces.filter((face) => named(face) === family).map((face) => face.load()));
    await document.fonts.ready;
    return faces.map((face) => `${named(face)} ${face.weight} ${face.status}`);
  }, WEB_FONT_FAMILY);
  expect(families, `web font faces on ${page.url()}`).toEqual(expect.arrayContaining([`${WEB_FONT_FAMILY} 400 loaded`, `${WEB_FONT_FAMILY} 700 loaded`]));
}

/** How far the page scrolls sideways (0 when it fits), measured with the web font in place. */
export async function horizontalOverflow(page: Page): Promise<number> {
  await waitForFonts(page);
  return page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
}

/** Runs axe-core in the page (through the DevTools protocol, so the CSP stays on) and fails on any violation. */
export async function expectNoAxeViolations(page: Page): Promise<void> {
  await waitForFonts(page);
  const violations = (await page.evaluate(async (source: string) => {
    (0, eval)(source);
    const axe = (globalThis as unknown as { axe: { run: (context: unknown, options: unknown) => Promise<{ violations: unknown[] }> } }).axe;
    const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
    return result.violations;
  }, AXE_SOURCE)) as AxeViolation[];
  const summary = violations.map((violation) => `${violation.id} (${violation.impact}): ${violation.help} at ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
  expect(summary, `axe violations on ${page.url()}`).toEqual([]);
}

/**
 * Script errors and console errors, such as a CSP refusal. Failed resource loads are left out:
 * a form answered with 400 or 401 is expected behaviour, not a page error.
 */
export function collectConsoleErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' && !message.text().startsWith('Failed to load resource')) errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

const SCREENSHOT_DIR = new URL('../screenshots/', import.meta.url);

/**
 * Checks a page as a person would see it, and keeps a screenshot in tests/e2e/screenshots/
 * (gitignored) to look at: nothing wider than the viewport, no reference number or date broken over
 * lines, the header on at most two rows, and "تغيير"/"حذف" targets of at least 24x24 px.
 */
export async function checkLayout(page: Page, name: string): Promise<void> {
  expect(await horizontalOverflow(page), `${name} scrolls sideways`).toBeLessThanOrEqual(0);
  const report = await page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const overflowing = Array.from(document.querySelectorAll('body *'))
      .filter((element) => {
        const box = element.getBoundingClientRect();
        const style = getComputedStyle(element);
        if (box.width === 0 || style.position === 'absolute' || style.visibility === 'hidden') return false;
        if (element.closest('.visually-hidden, .skip-link, .table-scroll, [class*="scroll"]')) return false;
        return box.right > width + 1 || box.left < -1;
      })
      .map((element) => `${element.tagName.toLowerCase()}.${element.className}`);
    const splitReferences = Array.from(document.querySelectorAll('.reference'))
      .filter((element) => {
        const lines = new Set(Array.from(element.getClientRects()).map((rect) => Math.round(rect.top)));
        return lines.size > 1;
      })
      .map((element) => element.textContent ?? '');
    // A date is "1 مارس 2026 م" with no-break spaces (formatDualDate): each one found must sit on one line.
    const splitDates: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent ?? '';
      for (const match of text.matchAll(/\d{1,2}\u00a0[^\s\d]+(?:\u00a0[^\s\d]+)?\u00a0\d{4}(?:\u00a0\S+)?/gu)) {
        const range = document.createRange();
        range.setStart(node, match.index ?? 0);
        range.setEnd(node, (match.index ?? 0) + match[0].length);
        const lines = new Set(Array.from(range.getClientRects()).filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)));
        if (lines.size > 1) splitDates.push(match[0]);
      }
    }
    // Rows of the header: items whose vertical extents overlap share a row.
    const items = Array.from(document.querySelectorAll('.header-inner > .brand, .site-nav li, .sign-out > *'))
      .map((element) => element.getBoundingClientRect())
      .filter((box) => box.width > 0 && box.height > 0)
      .sort((a, b) => a.top - b.top);
    let headerRows = 0;
    let rowBottom = -Infinity;
    for (const box of items) {
      if (box.top >= rowBottom - 2) {
        headerRows += 1;
        rowBottom = box.bottom;
      } else rowBottom = Math.max(rowBottom, box.bottom);
    }
    const smallTargets = Array.from(document.querySelectorAll('.action-link, .summary-list-actions a, .confirm-remove > summary'))
      .map((element) => ({ text: (element.textContent ?? '').trim(), box: element.getBoundingClientRect() }))
      .filter(({ box }) => box.width > 0 && (box.width < 24 || box.height < 24))
      .map(({ text, box }) => `${text} ${Math.round(box.width)}x${Math.round(box.height)}`);
    return { overflowing, splitReferences, splitDates, headerRows, smallTargets };
  });
  expect(report.overflowing, `${name}: elements outside the viewport`).toEqual([]);
  expect(report.splitReferences, `${name}: reference numbers split across lines`).toEqual([]);
  expect(report.splitDates, `${name}: dates split across lines`).toEqual([]);
  expect(report.smallTargets, `${name}: targets smaller than 24x24 px`).toEqual([]);
  if (page.viewportSize()?.width === 360) expect(report.headerRows, `${name}: header rows on a phone`).toBeLessThanOrEqual(2);
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: new URL(`${name}.png`, SCREENSHOT_DIR).pathname, fullPage: true });
}
