/**
 * `liang run [PATH...] [--out DIR]`: every input through the pipeline into DIR.
 * Exit codes: 0 all good, 1 some files failed (see DIR/errors.csv), 2 usage or rules error.
 */
import { Command } from 'commander';
import { runBatch } from '../batch/run.js';

export function runCommand(): Command {
  return new Command('run')
    .description('extract paragraphs and quantities from report texts into CSV and JSON')
    .argument('[paths...]', 'input files or folders (folders are read recursively)', ['input'])
    .option('-o, --out <dir>', 'output folder', 'output')
    .option('--rules <dir>', 'rules folder (default: the rules/ shipped with liang)')
    .option('--encoding <name>', 'read every input in this encoding instead of detecting it (e.g. gb18030, big5, utf-16le)')
    .option('--no-bom', 'write the CSVs without the UTF-8 byte-order mark (it is there by default so Excel reads Chinese)')
    .option('-q, --quiet', 'print nothing but errors')
    .action((paths: string[], options: { out: string; rules?: string; encoding?: string; bom: boolean; quiet?: boolean }) => {
      const summary = runBatch({
        paths,
        out: options.out,
        rulesDir: options.rules,
        encoding: options.encoding,
        bom: options.bom,
      });
      for (const failure of summary.failures) {
        process.stderr.write(
          `liang: ${failure.path}${failure.raw_line ? `:${failure.raw_line}` : ''}: ${failure.reason} [${failure.rule}]\n`,
        );
      }
      if (!options.quiet) {
        process.stderr.write(
          `liang: ${summary.done} of ${summary.files} files done, ${summary.failed} failed, ` +
            `${summary.paragraphs} paragraphs, ${summary.quantities} quantities, ${summary.seconds.toFixed(1)} s → ${options.out}\n`,
        );
      }
      process.exitCode = summary.failed > 0 ? 1 : 0;
    });
}
