/**
 * The baseline to beat: one bare nodejieba pass (`tag` or `cut`) over every file of a folder.
 *   node bench/bare-jieba.mjs tag|cut <folder>
 * Prints {files, bytes, seconds, cpuSeconds} as JSON. Dictionary loading is outside the timed part.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';

const require = createRequire(import.meta.url);
const jieba = require('nodejieba');
const [mode, folder] = process.argv.slice(2);
jieba.load();
jieba.cut('预热');
const files = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort();
let bytes = 0;
const started = performance.now();
const cpu = process.cpuUsage();
for (const file of files) {
  const text = readFileSync(join(folder, file), 'utf8');
  bytes += Buffer.byteLength(text);
  if (mode === 'tag') jieba.tag(text);
  else jieba.cut(text, true);
}
const seconds = (performance.now() - started) / 1000;
const used = process.cpuUsage(cpu);
console.log(JSON.stringify({ files: files.length, bytes, seconds, cpuSeconds: (used.user + used.system) / 1e6 }));
