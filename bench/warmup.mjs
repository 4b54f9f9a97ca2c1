/**
 * `node bench/warmup.mjs [folder] [files] [repeats]`: what a fresh process (a new worker) pays
 * before V8 has optimised the stages. The first `files` documents of `folder` (default: the 10 MB
 * corpus, 100 files) are split in two halves; the second half is processed by a fresh process
 * (cold) and by one that has processed the first half just before (warm). The difference is the
 * warm-up: code run in the interpreter, optimising compiles and deoptimisations, caches filled.
 * Disjoint halves, so a cache kept across documents (compromise's reading per distinct English
 * text, and its spelled-number values) is not credited with the same documents twice; text repeated between
 * documents is still read from it, so the English stage's warm-up is partly its cache. CPU seconds (user + system of every thread of
 * the process, V8's compile and GC threads included) per stage, min of `repeats` runs, cold and
 * warm processes interleaved. Run `npx tsc -p .` first: it measures dist/.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { buildCorpus } from './corpus.mjs';

const [folder = join('bench', 'corpus', '10mb'), count = '100', repeatCount = '3', mode] = process.argv.slice(2);

if (mode === undefined) {
  if (!existsSync(folder)) buildCorpus(10, folder);
  const runs = { cold: [], warm: [] };
  for (let r = 0; r < Number(repeatCount); r++) {
    for (const which of ['cold', 'warm']) {
      const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), folder, count, repeatCount, which], { encoding: 'utf8' });
      if (child.status !== 0) throw new Error(`${which} run failed: ${child.stderr}`);
      runs[which].push(JSON.parse(child.stdout));
    }
  }
  const min = (list, name) => Math.min(...list.map((run) => run[name]));
  const names = Object.keys(runs.cold[0]);
  console.log(`second half of the first ${count} files of ${folder}, CPU seconds, min of ${repeatCount}`);
  console.log(`${'stage'.padEnd(12)} ${'cold'.padStart(6)} ${'warm'.padStart(6)} ${'warm-up'.padStart(8)}`);
  for (const name of names) {
    const cold = min(runs.cold, name);
    const warm = min(runs.warm, name);
    console.log(`${name.padEnd(12)} ${cold.toFixed(2).padStart(6)} ${warm.toFixed(2).padStart(6)} ${(cold - warm).toFixed(2).padStart(8)}`);
  }
} else {
  const dist = (path) => import(pathToFileURL(resolve('dist', path)).href);
  // the V8 settings the CLI runs with, before any measured code is loaded
  (await dist('v8-flags.js')).tuneV8();
  const { loadRules } = await dist('rules/load.js');
  const { createPipeline, stages } = await dist('pipeline.js');
  const { decodeDoc } = await dist('stages/decode.js');
  const rules = loadRules();
  const pipeline = createPipeline(rules);
  const prepared = stages.map((stage) => stage.prepare(rules, pipeline.segmenter));
  const files = readdirSync(folder).sort().slice(0, Number(count));
  const half = Math.floor(files.length / 2);
  const cpu = () => {
    const { user, system } = process.cpuUsage();
    return (user + system) / 1e6;
  };
  const run = (names) => {
    const seconds = Object.fromEntries(['decode', ...stages.map((stage) => stage.name), 'total'].map((name) => [name, 0]));
    for (const name of names) {
      const path = join(folder, name);
      const bytes = readFileSync(path);
      const began = cpu();
      let doc = decodeDoc(name, path, bytes);
      let last = cpu();
      seconds.decode += last - began;
      stages.forEach((stage, i) => {
        doc = stage.run(doc, { rules, compiled: prepared[i], segmenter: pipeline.segmenter });
        const now = cpu();
        seconds[stage.name] += now - last;
        last = now;
      });
      seconds.total += last - began;
    }
    return seconds;
  };
  if (mode === 'warm') run(files.slice(0, half));
  process.stdout.write(JSON.stringify(run(files.slice(half))));
}
