import fs from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FONT_FILES, FONT_LICENSE, FONT_PACKAGE_DIR, PUBLIC_FONTS_DIR } from '../../../scripts/copyFonts.ts';
import { createTestApp, type TestApp } from '../../support/testApp.ts';

const CSS_DIR = path.resolve('public', 'css');
const FONT_FAMILY = 'IBM Plex Sans Arabic';

function stylesheets(): { name: string; text: string }[] {
  return fs.readdirSync(CSS_DIR).filter((name) => name.endsWith('.css')).map((name) => ({ name, text: fs.readFileSync(path.join(CSS_DIR, name), 'utf8') }));
}

function fontFaces(css: string): string[] {
  return Array.from(css.matchAll(/@font-face\s*\{([^}]*)\}/g), (match) => match[1] ?? '');
}

/** Every url(...) of every stylesheet, as the public path the browser asks for. */
function referencedUrls(): string[] {
  return stylesheets().flatMap(({ text }) =>
    Array.from(text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g), (match) => path.posix.join('/public/css', match[1] ?? '')),
  );
}

describe('the web font', () => {
  let testApp: TestApp;
  beforeAll(async () => {
    testApp = await createTestApp();
  });
  afterAll(() => testApp.close());

  it('serves every file the stylesheets name, fonts as font/woff2', async () => {
    const urls = referencedUrls();
    expect(urls.length).toBeGreaterThan(0);
    for (const url of urls) {
      expect(url, 'a stylesheet reaches outside /public').toMatch(/^\/public\//);
      const response = await request(testApp.app).get(url);
      expect(response.status, url).toBe(200);
      if (url.endsWith('.woff2')) {
        expect(response.headers['content-type'], url).toBe('font/woff2');
        // A woff2 file starts with the signature 'wOF2'.
        expect(Buffer.from(response.body as Buffer).subarray(0, 4).toString('latin1'), url).toBe('wOF2');
      }
    }
  });

  it('declares the Arabic and Latin subsets, regular and bold, woff2 only, swapped in when loaded', () => {
    const faces = stylesheets().flatMap(({ text }) => fontFaces(text));
    expect(faces).toHaveLength(FONT_FILES.length);
    for (const face of faces) {
      expect(face).toContain(`font-family: "${FONT_FAMILY}"`);
      expect(face).toContain('font-display: swap');
      expect(face).toMatch(/unicode-range: U\+/);
      expect(face).toMatch(/src: url\("[^"]+\.woff2"\) format\("woff2"\);/);
      expect(face).not.toMatch(/\.woff"|\.ttf|\.otf/);
    }
    const named = referencedUrls().filter((url) => url.endsWith('.woff2')).map((url) => path.posix.basename(url));
    expect(named.sort()).toEqual([...FONT_FILES].sort());
  });

  it('names the font first in the body font stack', () => {
    const css = stylesheets().map(({ text }) => text).join('\n');
    expect(css).toMatch(new RegExp(`body \\{[^}]*font-family: "${FONT_FAMILY}",`));
  });

  it('ships only the subsets in use, the same bytes as the npm package, with its licence', () => {
    const shipped = fs.readdirSync(PUBLIC_FONTS_DIR).sort();
    expect(shipped).toEqual([...FONT_FILES, FONT_LICENSE].sort());
    for (const file of FONT_FILES) {
      const packaged = fs.readFileSync(path.join(FONT_PACKAGE_DIR, 'files', file));
      expect(fs.readFileSync(path.join(PUBLIC_FONTS_DIR, file)).equals(packaged), `${file} differs from the package: run npm run fonts`).toBe(true);
    }
    expect(fs.readFileSync(path.join(PUBLIC_FONTS_DIR, FONT_LICENSE), 'utf8')).toContain('SIL Open Font License');
  });

  it('lets pages load fonts from the portal only', async () => {
    const response = await request(testApp.app).get('/');
    expect(response.headers['content-security-policy']).toMatch(/(^|;)font-src 'self'(;|$)/);
  });
});
