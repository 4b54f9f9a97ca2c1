/**
 * `node bench/shared-segmenter.mjs [folder] [calls] [batch …]`: a prototype, outside src/, of one
 * jieba for every worker thread (issue 7's memory: each worker now loads its own dictionary,
 * ~235 MB). One thread loads nodejieba and serves `cut` to two client threads, which call it
 * synchronously: a client writes its texts into a SharedArrayBuffer, rings a shared doorbell and
 * sleeps in Atomics.wait until the server has written the words' lengths back.
 *
 * It measures what a design decision needs, on texts like the attribute stage's (windows of
 * 60–140 characters around a number, from the corpus):
 *   - RSS: two threads with a jieba each (as now) against one jieba thread and two clients;
 *   - cost per call: the same texts cut in the client's own thread (as now) and through the
 *     server, one text per round trip and several (`batch`), in wall and in CPU seconds of the
 *     whole process (every thread: the server's cut, both sides' waking and copying);
 *   - that the server's words are jieba's own (every text compared).
 * Only `cut` crosses: segment.ts builds `tag` from `cut` and a table JS holds anyway.
 *
 *   node bench/shared-segmenter.mjs bench/corpus/10mb 40000 1 4 16 64
 *
 * Measured (main e803e83, 2 cores at load ~16, two runs; texts of 57 code units on average):
 * RSS 537 MB with a jieba per thread, 328–331 MB with one jieba thread (−206 MB); CPU a text
 * 14.8–16.1 µs cut in place, 28.0–28.7 µs one text a round trip (+12.6–13.2 µs a call), 20.3–23.0
 * µs sixteen or more a round trip (copying and decoding: +5 µs a text). The attribute stage asks
 * ~20,000 times per 4 MB, ~500,000 per 100 MB: +6.5 s CPU unbatched (54 s now), +2.5 s batched.
 */
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const JIEBA_OPTIONS = {
  idfDict: join(root, 'assets/jieba-idf-stub.utf8'),
  stopWordDict: join(root, 'assets/jieba-idf-stub.utf8'),
  userDict: join(root, 'rules/userdict.txt'),
};

/** A channel per client: control words, the texts (UTF-16), their lengths, the words' lengths. */
const CONTROL = 2; // [state, texts]
const IDLE = 0;
const ASKED = 1;
const ANSWERED = 2;
const TEXT_UNITS = 1 << 20;
const TEXTS = 1 << 16;
const WORDS = 1 << 20;

function channel() {
  return new SharedArrayBuffer(4 * CONTROL + 2 * TEXT_UNITS + 4 * TEXTS + 4 * WORDS);
}

function views(sab) {
  let at = 0;
  const take = (size) => (at += size) - size;
  return {
    control: new Int32Array(sab, take(4 * CONTROL), CONTROL),
    bytes: Buffer.from(sab, take(2 * TEXT_UNITS), 2 * TEXT_UNITS), // the texts, UTF-16LE, back to back
    asked: new Int32Array(sab, take(4 * TEXTS), TEXTS), // each text's length in code units
    lengths: new Int32Array(sab, take(4 * WORDS), WORDS), // per text: its word count, then each word's length
  };
}

/** SHA-256 of the texts' words, to tell the server's cuts from jieba's own in another process. */
function digest(lines) {
  return createHash('sha256').update(lines.join('\n')).digest('hex').slice(0, 16);
}

function rss() {
  return Number(/VmRSS:\s+(\d+)/.exec(readFileSync('/proc/self/status', 'latin1'))[1]) / 1024;
}

function cpuSeconds(since) {
  const used = process.cpuUsage(since);
  return (used.user + used.system) / 1e6;
}

/** The server: waits on the doorbell, answers every channel that asks. */
function serve({ channels, doorbell }) {
  const jieba = require('nodejieba');
  jieba.load(JIEBA_OPTIONS);
  const bell = new Int32Array(doorbell);
  const all = channels.map(views);
  parentPort.postMessage({ ready: true });
  for (;;) {
    const rung = Atomics.load(bell, 0);
    if (rung < 0) return;
    for (const { control, bytes, asked, lengths } of all) {
      if (Atomics.load(control, 0) !== ASKED) continue;
      const texts = control[1];
      let at = 0;
      let out = 0;
      for (let t = 0; t < texts; t++) {
        const units = asked[t];
        const text = bytes.toString('utf16le', 2 * at, 2 * (at + units));
        at += units;
        const words = jieba.cut(text, true);
        lengths[out++] = words.length;
        for (const word of words) lengths[out++] = word.length;
      }
      Atomics.store(control, 0, ANSWERED);
      Atomics.notify(control, 0);
    }
    Atomics.wait(bell, 0, rung);
  }
}

/** A client: cuts its texts through the server, `batch` texts per round trip. */
async function client({ sab, doorbell, texts, batch }) {
  const { control, bytes, asked, lengths } = views(sab);
  const bell = new Int32Array(doorbell);
  const cut = (group) => {
    let at = 0;
    for (let t = 0; t < group.length; t++) {
      asked[t] = group[t].length;
      at += bytes.write(group[t], 2 * at, 'utf16le') / 2;
    }
    control[1] = group.length;
    Atomics.store(control, 0, ASKED);
    Atomics.add(bell, 0, 1);
    Atomics.notify(bell, 0);
    while (Atomics.load(control, 0) === ASKED) Atomics.wait(control, 0, ASKED);
    Atomics.store(control, 0, IDLE);
    const out = [];
    let read = 0;
    for (let t = 0; t < group.length; t++) {
      const words = [];
      let from = 0;
      const n = lengths[read++];
      for (let w = 0; w < n; w++) {
        const length = lengths[read++];
        words.push(group[t].slice(from, from + length));
        from += length;
      }
      out.push(words);
    }
    return out;
  };
  parentPort.postMessage({ ready: true });
  await new Promise((resolve) => parentPort.once('message', resolve));
  const started = performance.now();
  const answers = [];
  for (let i = 0; i < texts.length; i += batch) answers.push(...cut(texts.slice(i, i + batch)));
  const seconds = (performance.now() - started) / 1000;
  parentPort.postMessage({ seconds, digest: digest(answers.map((words) => words.join('\u0001'))) });
}

/** A thread with its own jieba, cutting its texts directly (what a worker does now). */
function own({ texts }) {
  const jieba = require('nodejieba');
  jieba.load(JIEBA_OPTIONS);
  parentPort.postMessage({ ready: true });
  parentPort.once('message', () => {
    const started = performance.now();
    const answers = texts.map((text) => jieba.cut(text, true).join('\u0001'));
    parentPort.postMessage({ seconds: (performance.now() - started) / 1000, digest: digest(answers) });
  });
}

if (!isMainThread) {
  const { role } = workerData;
  if (role === 'server') serve(workerData);
  else if (role === 'client') await client(workerData);
  else own(workerData);
} else if (process.argv[2] === '--scenario') {
  // one scenario in a process of its own, so that its RSS is its own (glibc keeps what a thread freed)
  const [, , , scenario, folder, count, ...batchArgs] = process.argv;
  const texts = windows(folder, Number(count));
  const halves = [texts.filter((_, i) => i % 2 === 0), texts.filter((_, i) => i % 2 === 1)];
  const start = (data) => new Worker(new URL(import.meta.url), { workerData: data });
  const next = (worker) => new Promise((resolve, reject) => worker.once('message', resolve).once('error', reject));
  const report = {};
  if (scenario === 'own') {
    const owners = halves.map((half) => start({ role: 'own', texts: half }));
    await Promise.all(owners.map(next));
    report.rss = rss();
    const cpu = process.cpuUsage();
    const wall = performance.now();
    const done = await Promise.all(owners.map((worker) => (worker.postMessage('go'), next(worker))));
    report.runs = [{ batch: 0, cpu: cpuSeconds(cpu), wall: (performance.now() - wall) / 1000, digest: done.map((d) => d.digest).join(' ') }];
    await Promise.all(owners.map((worker) => worker.terminate()));
  } else {
    const doorbell = new SharedArrayBuffer(4);
    const channels = [channel(), channel()];
    const server = start({ role: 'server', channels, doorbell });
    await next(server);
    report.runs = [];
    for (const batch of batchArgs.map(Number)) {
      const clients = halves.map((half, k) => start({ role: 'client', sab: channels[k], doorbell, texts: half, batch }));
      await Promise.all(clients.map(next));
      report.rss ??= rss();
      const cpu = process.cpuUsage();
      const wall = performance.now();
      const done = await Promise.all(clients.map((worker) => (worker.postMessage('go'), next(worker))));
      report.runs.push({ batch, cpu: cpuSeconds(cpu), wall: (performance.now() - wall) / 1000, digest: done.map((d) => d.digest).join(' ') });
      await Promise.all(clients.map((worker) => worker.terminate()));
    }
    Atomics.store(new Int32Array(doorbell), 0, -1);
    Atomics.notify(new Int32Array(doorbell), 0);
    await server.terminate();
  }
  process.stdout.write(JSON.stringify(report));
} else {
  const folder = process.argv[2] ?? 'bench/corpus/10mb';
  const count = process.argv[3] ?? '20000';
  const batches = process.argv.length > 4 ? process.argv.slice(4) : ['1', '16', '256'];
  const texts = windows(folder, Number(count));
  const units = texts.reduce((sum, text) => sum + text.length, 0);
  console.log(`${texts.length} texts, ${units} code units (mean ${(units / texts.length).toFixed(0)}), from ${folder}`);
  const run = (scenario) => {
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--scenario', scenario, folder, count, ...batches], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(child.stderr);
    return JSON.parse(child.stdout);
  };
  const own = run('own');
  const shared = run('shared');
  const perText = (seconds) => `${((1e6 * seconds) / texts.length).toFixed(1)} µs`;
  const [inPlace] = own.runs;
  console.log(`two threads, a jieba each (as now): RSS ${own.rss.toFixed(0)} MB; cut in place: ${inPlace.wall.toFixed(2)} s wall, ${inPlace.cpu.toFixed(2)} s CPU = ${perText(inPlace.cpu)} CPU a text`);
  console.log(`one jieba thread serving two client threads: RSS ${shared.rss.toFixed(0)} MB`);
  for (const row of shared.runs) {
    const trips = Math.ceil(texts.length / row.batch);
    console.log(
      `  ${String(row.batch).padStart(4)} texts a round trip: ${row.wall.toFixed(2)} s wall, ${row.cpu.toFixed(2)} s CPU = ${perText(row.cpu)} CPU a text, ` +
        `${((1e6 * (row.cpu - inPlace.cpu)) / trips).toFixed(1)} µs CPU more per round trip than in place; words ${row.digest === inPlace.digest ? 'the same as' : 'DIFFERENT from'} jieba's in place`,
    );
  }
}

/** Texts like the attribute stage's: 60–140 characters around a digit (fewer at a line's ends). */
function windows(folder, count) {
  const texts = [];
  let seed = 7;
  const random = () => ((seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32);
  for (const name of readdirSync(folder).sort()) {
    for (const line of readFileSync(join(folder, name), 'utf8').split('\n')) {
      for (let at = line.search(/\d/); at >= 0 && texts.length < count; at = line.slice(at + 60).search(/\d/) < 0 ? -1 : at + 60 + line.slice(at + 60).search(/\d/)) {
        const length = 60 + Math.floor(random() * 81);
        const from = Math.max(0, at - Math.floor(length / 2));
        const text = line.slice(from, from + length);
        if (text.length >= 20) texts.push(text);
      }
      if (texts.length >= count) return texts;
    }
  }
  return texts;
}
