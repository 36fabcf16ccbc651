/**
 * The portal ships its own Arabic font, so every machine (and every browser test) renders the same
 * glyphs. The woff2 files are committed under public/fonts, copied from the npm package by
 * `npm run fonts` after an upgrade; a test fails while the two differ.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);

export const FONT_PACKAGE = '@fontsource/ibm-plex-sans-arabic';
export const FONT_PACKAGE_DIR = path.dirname(require.resolve(`${FONT_PACKAGE}/LICENSE`));
export const PUBLIC_FONTS_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', 'public', 'fonts');
export const FONT_LICENSE = 'IBM-Plex-Sans-Arabic-LICENSE.txt';

/** Only the subsets the portal writes in and the two weights its CSS uses. */
export const FONT_FILES = ['arabic', 'latin'].flatMap((subset) =>
  [400, 700].map((weight) => `ibm-plex-sans-arabic-${subset}-${weight}-normal.woff2`),
);

export function copyFonts(): void {
  fs.mkdirSync(PUBLIC_FONTS_DIR, { recursive: true });
  for (const file of FONT_FILES) fs.copyFileSync(path.join(FONT_PACKAGE_DIR, 'files', file), path.join(PUBLIC_FONTS_DIR, file));
  fs.copyFileSync(path.join(FONT_PACKAGE_DIR, 'LICENSE'), path.join(PUBLIC_FONTS_DIR, FONT_LICENSE));
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  copyFonts();
  console.log(`Copied ${FONT_FILES.length} font files and the licence to ${PUBLIC_FONTS_DIR}`);
}
