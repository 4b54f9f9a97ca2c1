/**
 * `liang merge DIR... --out OUT`: one set of CSVs (and docs/) from the outputs of shard runs.
 * Exit codes: 0 merged and no document failed, 1 merged but some documents had failed in their
 * shard (see OUT/errors.csv), 2 nothing written (not an output folder, shards that disagree, lock).
 */
import { Command, InvalidArgumentError } from 'commander';
import { mergeOutputs } from '../batch/merge.js';

export function mergeCommand(): Command {
  return new Command('merge')
    .description('combine the output folders of `liang run --shard K/N` into one')
    .argument('<dirs...>', 'output folders of liang run')
    .requiredOption('-o, --out <dir>', 'the merged output folder')
    .option('--no-bom', 'write the CSVs without the UTF-8 byte-order mark')
    .option('--wait [seconds]', 'wait for runs still writing to these folders (forever, or this many seconds)', (value: string) => {
      const n = Number(value);
      if (!Number.isFinite(n) || n < 0) throw new InvalidArgumentError('a number of seconds ≥ 0');
      return n;
    })
    .option('-q, --quiet', 'print nothing but errors')
    .option('--json', 'print the summary as JSON on standard output')
    .action(async (dirs: string[], options: { out: string; bom: boolean; wait?: number | true; quiet?: boolean; json?: boolean }) => {
      const summary = await mergeOutputs({
        dirs,
        out: options.out,
        bom: options.bom === false ? false : undefined,
        waitMs: options.wait === undefined ? 0 : options.wait === true ? Number.POSITIVE_INFINITY : options.wait * 1000,
      });
      if (options.json) process.stdout.write(JSON.stringify(summary, null, 2) + '\n');
      if (!options.quiet) {
        process.stderr.write(
          `liang: merged ${summary.folders} folders: ${summary.files} files, ${summary.done} done, ${summary.failed} failed, ` +
            `${summary.paragraphs} paragraphs, ${summary.quantities} quantities, ${summary.seconds.toFixed(1)} s → ${summary.out}\n`,
        );
      }
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
}
