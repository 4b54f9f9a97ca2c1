/**
 * Progress of a run on stderr: a bar redrawn in place on a terminal (files, MB, rate, ETA), a
 * plain line at every tenth of the work otherwise (logs of cron jobs stay short), nothing with
 * `--quiet`. Failures are printed as they happen, above the bar.
 */
export interface ProgressSink {
  start(files: number, bytes: number): void;
  advance(bytes: number): void;
  failure(line: string): void;
  finish(): void;
}

const MB = 1024 * 1024;
const REDRAW_MS = 100;
const BAR_WIDTH = 24;

export function createProgress(stream: NodeJS.WriteStream, options: { quiet: boolean }): ProgressSink {
  const tty = Boolean(stream.isTTY) && !options.quiet;
  let total = 0;
  let totalBytes = 0;
  let done = 0;
  let doneBytes = 0;
  let started = 0;
  let lastDraw = 0;
  let lastTenth = 0;
  let drawn = false;

  // the work done when the first document settled, and when: the rate is measured from there
  let first: { at: number; files: number; bytes: number } | null = null;
  let lastAt = 0;

  const status = (): string => {
    const seconds = Math.max((performance.now() - started) / 1000, 0.001);
    const rate = done / seconds;
    const byteRate = doneBytes / seconds;
    const remaining = first
      ? remainingSeconds({ files: total - done, bytes: totalBytes - doneBytes }, { files: done - first.files, bytes: doneBytes - first.bytes, seconds: (lastAt - first.at) / 1000 })
      : NaN;
    return (
      `${done}/${total} files  ${(doneBytes / MB).toFixed(1)}/${(totalBytes / MB).toFixed(1)} MB  ` +
      `${rate.toFixed(1)} files/s  ${(byteRate / MB).toFixed(2)} MB/s  ETA ${formatSeconds(remaining)}`
    );
  };
  const draw = (force: boolean) => {
    const now = performance.now();
    if (!force && now - lastDraw < REDRAW_MS) return;
    lastDraw = now;
    const filled = total === 0 ? BAR_WIDTH : Math.round((done / total) * BAR_WIDTH);
    stream.write(`\r\x1b[2K[${'#'.repeat(filled)}${'.'.repeat(BAR_WIDTH - filled)}] ${status()}`);
    drawn = true;
  };
  const clear = () => {
    if (drawn) stream.write('\r\x1b[2K');
  };

  return {
    start(files, bytes) {
      total = files;
      totalBytes = bytes;
      started = performance.now();
      if (tty && total > 0) draw(true);
    },
    advance(bytes) {
      done++;
      doneBytes += bytes;
      lastAt = performance.now();
      first ??= { at: lastAt, files: done, bytes: doneBytes };
      if (options.quiet || total === 0) return;
      if (tty) draw(done === total);
      else {
        const tenth = Math.floor((done * 10) / total);
        if (tenth > lastTenth) {
          lastTenth = tenth;
          stream.write(`liang: ${status()}\n`);
        }
      }
    },
    failure(line) {
      if (tty) clear();
      stream.write(line + '\n');
      if (tty && done < total) draw(true);
    },
    finish() {
      if (tty) clear();
      drawn = false;
    },
  };
}

/**
 * What a document costs beyond its bytes (reading, hashing, its rows and JSON written and synced,
 * the journal), as bytes of text that take as long. `liang run -j 1`, min of 3 at load 11: 400
 * files of 300 bytes 12.7 s wall (4.5 s CPU), the same 121 KB as one file 5.9 s (2.5 s CPU), one
 * file of 300 bytes 5.0 s (2.1 s CPU): a file costs 17 ms wall (5 ms CPU), a byte 7 µs (3.9 µs),
 * so a file is about 2,400 bytes of wall time (1,300 of CPU).
 */
export const FILE_COST_BYTES = 2048;

/**
 * Seconds left, from the work left and the work done since the first document settled (`files`,
 * `bytes`, in `seconds`); NaN while that is no measure yet (fewer than two documents settled).
 *
 * The work of a document is its bytes plus FILE_COST_BYTES. Counting files alone, one large file
 * among small ones is as quick as any; counting bytes alone, the small files' per-file cost
 * makes their bytes look slow, and the large file's bytes are extrapolated at that rate. The
 * time before the first document settles (workers starting, jieba loading) is no part of the
 * rate: counted in, the first small file at 2 s made 100 MB still to come look like a day's work.
 */
export function remainingSeconds(left: { files: number; bytes: number }, since: { files: number; bytes: number; seconds: number }): number {
  const work = (files: number, bytes: number) => bytes + files * FILE_COST_BYTES;
  const done = work(since.files, since.bytes);
  if (left.files <= 0) return 0;
  if (since.files <= 0 || since.seconds <= 0 || done <= 0) return NaN;
  return (work(left.files, left.bytes) * since.seconds) / done;
}

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
