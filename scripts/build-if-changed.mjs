// `npm start` runs this instead of a full `tsc`: when no source is newer than the last build, starting again
// skips the compiler altogether (tsc itself needs several seconds even with nothing to do). Otherwise it runs the
// incremental build, which recompiles only what changed (build info in dist/.tsbuildinfo).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import process from 'node:process';

const BUILD_INFO = 'dist/.tsbuildinfo';
const INPUTS = ['src', 'tsconfig.json', 'tsconfig.build.json', 'package-lock.json'];

function newestChange(entry) {
  const stats = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stats) return 0;
  if (!stats.isDirectory()) return stats.mtimeMs;
  let newest = stats.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestChange(path.join(entry, child)));
  return newest;
}

const built = fs.statSync(BUILD_INFO, { throwIfNoEntry: false });
const entryPoint = fs.existsSync('dist/src/server.js');
if (built && entryPoint && Math.max(...INPUTS.map(newestChange)) < built.mtimeMs) {
  process.stdout.write('Build is up to date: nothing in src/ changed since the last build.\n');
} else {
  const result = spawnSync('npx', ['tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  // tsc leaves the build info alone when a source was touched but not changed; mark the build as current anyway.
  const now = new Date();
  fs.utimesSync(BUILD_INFO, now, now);
}
