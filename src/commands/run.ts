/**
 * `liang run [PATH...] [options]`: every input through the pipeline into DIR (see batch/run.ts).
 * Exit codes: 0 all good, 1 some files failed (see DIR/errors.csv), 2 nothing written: a usage,
 * rules or lock error, or an I/O error that stopped the run before its commit.
 */
import { setFlagsFromString } from 'node:v8';
import { Command, InvalidArgumentError } from 'commander';
import { runBatch, type RunSummary } from '../batch/run.js';
import { createProgress } from '../batch/progress.js';
import { defaultJobs } from '../batch/pool.js';
import { parseShard } from '../batch/shard.js';
import { readAll, runStdinBytes } from '../batch/stdin.js';
import { UsageError } from '../batch/inputs.js';
import { isKnownEncoding } from '../stages/decode.js';
import { RulesError } from '../rules/files.js';
import { defaultCacheDir } from '../rules/cache.js';

interface CliOptions {
  out: string;
  rules?: string;
  encoding?: string;
  toSimplified?: boolean;
  bom: boolean;
  quiet?: boolean;
  json?: boolean;
  jobs?: number;
  force?: boolean;
  include?: string[];
  exclude?: string[];
  shard?: string;
  wait?: number | true;
  timeout?: number;
}

const collect = (value: string, previous: string[] = []) => [...previous, value];

function positiveInteger(value: string): number {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new InvalidArgumentError('a whole number ≥ 1');
  return n;
}

function seconds(value: string): number {
  const n = Number(value);
  if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds ≥ 0');
  return n;
}

export function runCommand(): Command {
  return new Command('run')
    .description('extract paragraphs and quantities from report texts into CSV and JSON')
    .argument('[paths...]', 'input files or folders (folders are read recursively); - reads standard input and prints JSON lines', ['input'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--rules <dir>', 'rules folder (default: the rules/ shipped with liang)')
    .option('--include <glob>', 'only files in folders matching this glob (repeatable; without / it matches the file name)', collect)
    .option('--exclude <glob>', 'leave out files in folders matching this glob (repeatable)', collect)
    .option('--encoding <name>', 'read every input in this encoding instead of detecting it (e.g. gb18030, big5, utf-16le)')
    .option('--to-simplified', 'convert traditional characters to simplified (OpenCC) in every file (without it: only in files that look traditional)')
    .option('-j, --jobs <n>', 'documents processed at once, on worker threads (default: the number of cores, fewer if memory is short)', positiveInteger)
    .option('--force', 'redo every document, even those unchanged since the last run')
    .option('--shard <K/N>', 'process only the K-th of N deterministic slices of the inputs (for job arrays; see liang merge)')
    .option('--timeout <seconds>', 'fail a document that takes longer than this (it is retried on the next run)', seconds)
    .option('--wait [seconds]', 'if another run holds the output folder, wait for it (forever, or this many seconds)', seconds)
    .option('--no-bom', 'write the CSVs without the UTF-8 byte-order mark (it is there by default so Excel reads Chinese)')
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the final summary as JSON on standard output')
    .action(async (paths: string[], options: CliOptions) => {
      if (options.encoding && !isKnownEncoding(options.encoding)) {
        throw new UsageError(`unknown encoding "${options.encoding}" (try utf-8, gb18030, gbk, big5, utf-16le, utf-16be)`);
      }
      if (paths.includes('-')) {
        if (paths.length > 1) throw new UsageError('- (standard input) cannot be combined with other paths');
        await runStdin(options);
        return;
      }
      keepHeapsSmall();
      let summary: RunSummary;
      try {
        summary = await runBatch({
          paths,
          out: options.out,
          rulesDir: options.rules,
          rulesCache: defaultCacheDir(),
          encoding: options.encoding,
          toSimplified: options.toSimplified,
          bom: options.bom,
          include: options.include,
          exclude: options.exclude,
          jobs: options.jobs ?? defaultJobs(),
          force: options.force,
          shard: options.shard ? parseShard(options.shard) : undefined,
          waitMs: options.wait === undefined ? 0 : options.wait === true ? Number.POSITIVE_INFINITY : options.wait * 1000,
          timeoutMs: options.timeout ? options.timeout * 1000 : 0,
          progress: createProgress(process.stderr, { quiet: Boolean(options.quiet) }),
        });
      } catch (error) {
        if (error instanceof UsageError || error instanceof RulesError) throw error;
        process.stderr.write(
          `liang: the run stopped before it could finish (${(error as Error)?.message ?? error}); ` +
            `the previous outputs in ${options.out} are unchanged, and the next run resumes\n`,
        );
        process.exitCode = 2;
        return;
      }
      if (options.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      if (!options.quiet) process.stderr.write(summaryLine(summary) + '\n');
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
}

/**
 * V8 lets a heap's old generation grow to several times what survives a collection before it
 * collects again: with ~30 MB live per pipeline that left 150–190 MB of garbage in memory. At 2×
 * (for this process and its worker threads) peak RSS over the 10 MB corpus with --jobs 1 went
 * from 498 MB to 422 MB at the same CPU time (13.9 vs 14.0–14.2 s); 1.5× cost 2.5 s more CPU.
 */
function keepHeapsSmall(): void {
  setFlagsFromString('--heap-growing-percent=100');
}

/** The one-line human summary. */
export function summaryLine(summary: RunSummary): string {
  const parts = [
    `${summary.done} done`,
    `${summary.unchanged} unchanged`,
    ...(summary.resumed ? [`${summary.resumed} resumed from an interrupted run`] : []),
    `${summary.failed} failed${summary.failed ? ' (see errors.csv)' : ''}`,
    ...(summary.removed ? [`${summary.removed} removed`] : []),
    `${summary.paragraphs} paragraphs`,
    `${summary.quantities} quantities`,
    `${summary.seconds.toFixed(1)} s`,
  ];
  return `liang: ${summary.files} files: ${parts.join(', ')} → ${summary.out}${summary.written ? '' : ' (nothing changed, nothing written)'}`;
}

async function runStdin(options: CliOptions): Promise<void> {
  const bytes = await readAll(process.stdin);
  const result = await runStdinBytes(bytes, {
    rulesDir: options.rules,
    rulesCache: defaultCacheDir(),
    settings: { encoding: options.encoding?.toLowerCase() ?? null, toSimplified: Boolean(options.toSimplified) },
  });
  if ('failure' in result) {
    process.stderr.write(`liang: standard input: ${result.failure.reason} [${result.failure.rule}]\n`);
    process.exitCode = 1;
    return;
  }
  process.stdout.write(result.line);
  process.exitCode = 0;
}
