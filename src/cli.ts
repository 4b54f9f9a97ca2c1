#!/usr/bin/env node
/**
 * The command line: argv → a command → exit code. No pipeline logic lives here.
 * Exit codes: 0 success, 1 some inputs failed, 2 usage or configuration error.
 */
import { setFlagsFromString } from 'node:v8';
import { Command, CommanderError } from 'commander';
import { runCommand } from './commands/run.js';
import { mergeCommand } from './commands/merge.js';
import { scoreCommand } from './commands/score.js';
import { RulesError } from './rules/load.js';
import { UsageError } from './batch/inputs.js';
import { ScoreInputError } from './score/files.js';
import { version } from './version.js';

// V8 optimises a function once it has run for its interrupt budget (67,584 here); at about 9×
// it waits for fuller type feedback, so fewer functions are optimised early and deoptimised
// again while a worker warms up (the steady state is unchanged). Process-wide: the batch
// workers take it. CLI over the 10 MB corpus, user+sys min of 3: --jobs 1 7.55 → 7.24 s,
// --jobs 2 11.30 → 9.71 s; optimising compiles 739 → 385 and 1443 → 613, deopts 127 → 44, 203 → 52
setFlagsFromString('--interrupt-budget=600000');

const program = new Command('liang')
  .description('liang (量): clean paragraphs and every quantity with its unit from Chinese report texts, as CSV and JSON')
  .version(version)
  .showHelpAfterError(false)
  .exitOverride()
  .configureOutput({ outputError: () => {} });

for (const command of [runCommand(), mergeCommand(), scoreCommand()]) {
  program.addCommand(command.exitOverride().configureOutput({ outputError: () => {} }));
}

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) process.exit(0); // --help, --version
    process.stderr.write(`liang: ${error.message.replace(/^error: /, '')}\n`);
    process.exit(2);
  }
  if (error instanceof RulesError || error instanceof UsageError || error instanceof ScoreInputError) {
    process.stderr.write(`liang: ${error.message}\n`);
    process.exit(2);
  }
  throw error;
}
