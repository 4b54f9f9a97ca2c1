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

  const status = (): string => {
    const seconds = Math.max((performance.now() - started) / 1000, 0.001);
    const rate = done / seconds;
    const byteRate = doneBytes / seconds;
    // before the first document (workers still starting) there is no rate to extrapolate
    const remaining = done === 0 ? NaN : byteRate > 0 ? (totalBytes - doneBytes) / byteRate : (total - done) / rate;
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

function formatSeconds(seconds: number): string {
  if (!Number.isFinite(seconds)) return '?';
  const s = Math.round(seconds);
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}
