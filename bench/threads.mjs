/**
 * `node bench/threads.mjs [--every ms] [--timeline s] [--v8-pool n] -- node <script …>`: where a
 * Node command's CPU goes, thread by thread, and its peak RSS. Runs the command (Node itself,
 * not a shell: the threads read are the child's own) and reads /proc/<pid>/task/<tid>/stat
 * every few milliseconds (Linux only); a thread's CPU is its last reading before it ended, so
 * each thread may be short by up to one interval. Node names every thread "node", so threads
 * are told apart by the order Node 20 starts them in: the main thread; V8's platform (a
 * delayed-task thread and `--v8-pool-size` workers, 4 by default, or `--v8-pool n`: garbage
 * collection helpers and optimising compiles of every isolate, the worker threads' too); five
 * more that an ES-module start makes (libuv's four pool threads: fs/promises, fsync; and one
 * idle helper of Node's); then one thread per `new Worker`, with its start in seconds after the
 * command started. `--timeline s` adds each group's CPU per interval of `s` seconds and the
 * largest RSS seen in it (warm-up, jieba loading, a tail where one worker idles).
 *
 * Per thread it also shows the system part of its CPU, its minor page faults, and how the rest
 * of its life went (/proc/…/schedstat): `queued`, runnable but waiting for a core (other load
 * on a shared machine; it says how far the wall time can be trusted), and `blocked`, asleep (a
 * worker waiting for its next task, or for a write, a lock). On a loaded machine CPU seconds
 * and these two are what compare; wall time does not.
 *
 *   node bench/threads.mjs --timeline 1 -- node dist/cli.js run bench/corpus/10mb --out /tmp/o --jobs 2 --quiet --force
 */
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';

const args = process.argv.slice(2);
const dash = args.indexOf('--');
if (dash < 0 || dash === args.length - 1) {
  console.error('usage: node bench/threads.mjs [--every ms] [--timeline s] [--v8-pool n] -- <command …>');
  process.exit(2);
}
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at < dash ? Number(args[at + 1]) : fallback;
};
const every = option('--every', 10);
const bucket = option('--timeline', 0);
/** V8 platform workers the measured process runs with (`--v8-pool-size`, 4 when not given). */
const v8Pool = option('--v8-pool', 4);
const [command, ...rest] = args.slice(dash + 1);

const tick = 100; // USER_HZ on Linux: /proc reports CPU in hundredths of a second
const threads = new Map(); // tid → { first: seconds after start when first seen, cpu: seconds }
const timeline = []; // [bucket] → { cpu: Map(group → CPU seconds at the bucket's end), rss: largest MB in it }
const load = loadavg()[0];
const started = performance.now();
const child = spawn(command, rest, { stdio: ['ignore', 'inherit', 'inherit'] });

const read = () => {
  const now = (performance.now() - started) / 1000;
  let names;
  try {
    names = readdirSync(`/proc/${child.pid}/task`);
  } catch {
    return;
  }
  for (const name of names) {
    let stat;
    try {
      stat = readFileSync(`/proc/${child.pid}/task/${name}/stat`, 'latin1');
    } catch {
      continue; // the thread ended between the listing and the read
    }
    // the fields after the command name (which may hold spaces) start at its closing parenthesis
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const cpu = (Number(fields[11]) + Number(fields[12])) / tick; // utime + stime
    const reading = { last: now, cpu, sys: Number(fields[12]) / tick, faults: Number(fields[7]), queued: queuedSeconds(name) };
    const tid = Number(name);
    const known = threads.get(tid);
    if (known) Object.assign(known, reading);
    else threads.set(tid, { first: now, ...reading });
  }
  let rss = 0;
  try {
    rss = (Number(readFileSync(`/proc/${child.pid}/statm`, 'latin1').split(' ')[1]) * 4096) / 2 ** 20;
  } catch {
    // the process has ended
  }
  peak = Math.max(peak, rss);
  if (bucket > 0) {
    const index = Math.floor(now / bucket);
    timeline[index] = { cpu: groupTotals(), rss: Math.max(rss, timeline[index]?.rss ?? 0) };
  }
};
let peak = 0;

/** Seconds a thread has been runnable but not running (the second field of its schedstat, in ns). */
function queuedSeconds(tid) {
  try {
    return Number(readFileSync(`/proc/${child.pid}/task/${tid}/schedstat`, 'latin1').split(' ')[1]) / 1e9;
  } catch {
    return 0; // no schedstat (kernel without CONFIG_SCHEDSTATS) or the thread has ended
  }
}

/** Threads in start order, each with its group. */
function grouped() {
  const tids = [...threads.keys()].sort((a, b) => a - b);
  return tids.map((tid, order) => {
    const thread = threads.get(tid);
    const group =
      tid === child.pid
        ? 'main'
        : order <= 1 + v8Pool
          ? 'v8 platform'
          : order <= 1 + v8Pool + 5
            ? 'libuv + node'
            : 'worker';
    return { tid, group, ...thread };
  });
}

function groupTotals() {
  const totals = new Map();
  for (const thread of grouped()) {
    const key = thread.group === 'worker' ? `worker ${thread.tid}` : thread.group;
    totals.set(key, (totals.get(key) ?? 0) + thread.cpu);
  }
  return totals;
}

const timer = setInterval(read, every);
child.on('exit', (code) => {
  clearInterval(timer);
  const wall = (performance.now() - started) / 1000;
  const list = grouped();
  const total = list.reduce((sum, thread) => sum + thread.cpu, 0);
  console.log(`${command} ${rest.join(' ')}`);
  console.log(`exit ${code}, ${wall.toFixed(2)} s wall, ${total.toFixed(2)} CPU s (${(total / wall).toFixed(2)} cores busy) over ${list.length} threads (sampled every ${every} ms), peak RSS ${peak.toFixed(0)} MB (pages assumed 4 KB), load ${load.toFixed(2)} → ${loadavg()[0].toFixed(2)}`);
  const sums = new Map();
  for (const thread of list) sums.set(thread.group, (sums.get(thread.group) ?? 0) + thread.cpu);
  for (const [group, cpu] of sums) console.log(`  ${group.padEnd(14)} ${cpu.toFixed(2).padStart(7)} s  ${((100 * cpu) / total).toFixed(1).padStart(5)} %`);
  for (const thread of list) {
    // the thread's life as seen: running (its CPU), queued for a core, or else asleep
    const blocked = Math.max(0, thread.last - thread.first - thread.cpu - thread.queued);
    console.log(
      `    ${thread.group.padEnd(12)} ${String(thread.tid).padEnd(8)} from ${thread.first.toFixed(2).padStart(6)} s  ${thread.cpu.toFixed(2).padStart(7)} s` +
        ` (sys ${thread.sys.toFixed(2)})  queued ${thread.queued.toFixed(2).padStart(6)} s  blocked ${blocked.toFixed(2).padStart(6)} s  ${String(thread.faults).padStart(8)} faults`,
    );
  }
  if (bucket > 0) {
    const keys = [...new Set(timeline.filter(Boolean).flatMap((row) => [...row.cpu.keys()]))];
    console.log(`CPU seconds per ${bucket} s, and the largest RSS (MB) seen in it:`);
    console.log(`${['t', ...keys, 'rss'].map((key) => key.padStart(14)).join('')}`);
    let before = new Map();
    timeline.forEach(({ cpu, rss }, index) => {
      const cells = keys.map((key) => ((cpu.get(key) ?? 0) - (before.get(key) ?? 0)).toFixed(2).padStart(14));
      console.log(`${(index * bucket).toFixed(1).padStart(14)}${cells.join('')}${rss.toFixed(0).padStart(14)}`);
      before = cpu;
    });
  }
  process.exitCode = code ?? 1;
});
