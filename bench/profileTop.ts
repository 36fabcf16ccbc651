// Prints the functions with the most self time in a V8 CPU profile (the output of node --cpu-prof).
// Usage: npx tsx bench/profileTop.ts file.cpuprofile [rows]
import fs from 'node:fs';

interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number } }[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rows = '30'] = process.argv.slice(2);
if (!file) throw new Error('usage: npx tsx bench/profileTop.ts file.cpuprofile [rows]');
const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as CpuProfile;
const timeByNode = new Map<number, number>();
profile.samples.forEach((id, i) =>
  timeByNode.set(id, (timeByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)),
);
const selfTime = new Map<string, number>();
let total = 0;
for (const node of profile.nodes) {
  const time = timeByNode.get(node.id) ?? 0;
  total += time;
  const where = node.callFrame.url.split('/').slice(-2).join('/');
  const key = `${node.callFrame.functionName || '(anonymous)'} ${where}:${node.callFrame.lineNumber + 1}`;
  selfTime.set(key, (selfTime.get(key) ?? 0) + time);
}
for (const [key, time] of [...selfTime].sort((a, b) => b[1] - a[1]).slice(0, Number(rows))) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${key}`);
}

// The same time grouped by where the code lives: which package or part of the app the page spends it in.
const byPlace = new Map<string, number>();
for (const node of profile.nodes) {
  const url = node.callFrame.url;
  const place =
    url === ''
      ? node.callFrame.functionName.startsWith('wasm')
        ? 'wasm (Prisma query compiler)'
        : `native: ${node.callFrame.functionName || '(anonymous)'}`
      : url.startsWith('wasm')
        ? 'wasm (Prisma query compiler)'
        : url.includes('node_modules/')
          ? url
              .split('node_modules/')
              .pop()!
              .split('/')
              .slice(0, url.includes('node_modules/@') ? 2 : 1)
              .join('/')
          : url.startsWith('node:')
            ? 'node internals'
            : url.includes('/dist/src/') || url.includes('/src/')
              ? `app: ${url.split('/src/').pop()!.split('/')[0]}`
              : url;
  byPlace.set(place, (byPlace.get(place) ?? 0) + (timeByNode.get(node.id) ?? 0));
}
console.log('\nBy place:');
for (const [place, time] of [...byPlace].sort((a, b) => b[1] - a[1]).slice(0, 15)) {
  console.log(`${((time / total) * 100).toFixed(1).padStart(5)} %  ${place}`);
}
