/**
 * `node bench/stages.mjs [folder] [files] [passes]`: CPU seconds (user + system, so other work on
 * the machine matters less than for wall time) spent in each pipeline stage, in output building,
 * and in jieba calls made by each stage, over the first `files` documents of `folder` (default:
 * the 10 MB benchmark corpus, 40 files ≈ 4 MB), beside one bare `tag` of the same cleaned text.
 * Each segmenter call is timed by the monotonic clock (wall s), and each `tag` and `cut` (the
 * calls that reach jieba) also by process.cpuUsage() (CPU s). A call is synchronous, but its wall
 * time is its CPU time only on an idle machine: at load 14 on 2 cores the process waits for a core
 * in the middle of calls, and over 30 files the attribute stage's cuts took 1.94 s by the clock
 * against 0.30 s of CPU (clean's 0.80 against 0.29). cpuUsage() is a system call (about 1 µs): it
 * cost 0.69 s of a 4.5 s profile when every one of the 130,000 calls of 4 MB took it, so
 * `isWord` and `pairInWord` (table lookups in JavaScript, no jieba) keep the clock alone.
 * Passes after the first read the same files again, so memos kept across documents answer what
 * they answered before, above all the English stage's compromise tokens: English read 0.91 s over
 * 40 files × 3 passes (11.9 MB) but 1.40 s over all 100 files once (10.2 MB of new text). For the
 * cost of new text, read more files once rather than the same files again.
 * Run `npx tsc -p .` first: it measures dist/.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const dist = (path) => import(pathToFileURL(resolve('dist', path)).href);
// the V8 settings the CLI runs with, before any measured code is loaded
(await dist('v8-flags.js')).tuneV8();
const { loadRules } = await dist('rules/load.js');
const { createPipeline, stages } = await dist('pipeline.js');
const { decodeDoc } = await dist('stages/decode.js');
const { docRows } = await dist('output/records.js');
const { rowFragments } = await dist('batch/process.js');
const { encodeRows } = await dist('batch/rows.js');
const { docJsonText } = await dist('output/json.js');

const [folder = join('bench', 'corpus', '10mb'), count = '40', passCount = '1'] = process.argv.slice(2);
if (!existsSync(folder)) buildCorpus(10, folder);
const cpu = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1e6;
};

let started = cpu();
const rules = loadRules();
const pipeline = createPipeline(rules);
const segmenter = pipeline.segmenter;
segmenter.tag('预热');
console.log(`rules + jieba load: ${(cpu() - started).toFixed(2)} s`);

const jieba = {};
let stageName = '';
const counted = {};
for (const method of ['tag', 'cut', 'isWord', 'tagOf', 'pairInWord']) {
  const reachesJieba = method === 'tag' || method === 'cut';
  counted[method] = (...args) => {
    const c = reachesJieba ? cpu() : 0;
    const t = performance.now();
    const result = segmenter[method](...args);
    const entry = (jieba[`${stageName}.${method}`] ??= { calls: 0, seconds: 0, cpuSeconds: null, chars: 0 });
    entry.calls++;
    entry.seconds += (performance.now() - t) / 1000;
    if (reachesJieba) entry.cpuSeconds = (entry.cpuSeconds ?? 0) + cpu() - c;
    entry.chars += typeof args[0] === 'string' ? args[0].length : 0;
    return result;
  };
}
const prepared = stages.map((stage) => ({ stage, compiled: stage.prepare(rules, counted) }));
const times = {};
const add = (key, seconds) => (times[key] = (times[key] ?? 0) + seconds);
const names = readdirSync(folder).filter((f) => f.endsWith('.txt')).sort().slice(0, Number(count));
let bytes = 0;
let bare = 0;
for (let pass = 0; pass < Number(passCount); pass++) {
  for (const name of names) {
    const bytesOf = readFileSync(join(folder, name));
    bytes += bytesOf.length;
    let t = cpu();
    let doc = decodeDoc(name, join(folder, name), bytesOf);
    add('decode', cpu() - t);
    for (const { stage, compiled } of prepared) {
      stageName = stage.name;
      t = cpu();
      doc = stage.run(doc, { rules, compiled, segmenter: counted });
      add(stage.name, cpu() - t);
    }
    t = cpu();
    // what a batch run builds per document (batch/process.ts): the rows once, then its JSON and CSV rows
    const rows = docRows(doc);
    docJsonText(doc, rows);
    encodeRows(rowFragments(doc, rows));
    add('rows + json', cpu() - t);
    t = cpu();
    segmenter.tag(doc.text);
    bare += cpu() - t;
  }
}
console.log(`${(bytes / 1048576).toFixed(2)} MB, ${names.length} files × ${passCount}`);
let total = 0;
for (const [key, seconds] of Object.entries(times)) {
  total += seconds;
  console.log(`${key.padEnd(16)} ${seconds.toFixed(2)} s`);
}
console.log(`${'total'.padEnd(16)} ${total.toFixed(2)} s   (bare tag of the cleaned text: ${bare.toFixed(2)} s)`);
for (const [key, { calls, seconds, cpuSeconds, chars }] of Object.entries(jieba)) {
  const cpuText = cpuSeconds === null ? '' : `, ${cpuSeconds.toFixed(2)} CPU s`;
  console.log(`  jieba ${key.padEnd(20)} ${String(calls).padStart(7)} calls ${seconds.toFixed(2)} wall s${cpuText}, ${chars} UTF-16 units`);
}
