#!/usr/bin/env node
/**
 * The command line: argv → a command → exit code. No pipeline logic lives here.
 * Exit codes: 0 success, 1 some inputs failed, 2 usage or configuration error.
 */
import { Command, CommanderError } from 'commander';
import { runCommand } from './commands/run.js';
import { mergeCommand } from './commands/merge.js';
import { scoreCommand } from './commands/score.js';
import { RulesError } from './rules/files.js';
import { UsageError } from './batch/inputs.js';
import { ScoreInputError } from './score/files.js';
import { buildVersion } from './version.js';
import { tuneV8 } from './v8-flags.js';

// before any stage's code runs: see v8-flags.ts
tuneV8();

const program = new Command('liang')
  .description('liang (量): clean paragraphs and every quantity with its unit from Chinese report texts, as CSV and JSON')
  .version(buildVersion())
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
