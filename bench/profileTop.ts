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
profile.samples.forEach((id, i) => timeByNode.set(id, (timeByNode.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
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
