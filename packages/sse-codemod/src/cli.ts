#!/usr/bin/env node
/**
 * The `sse-codemod` command (and its `--report`). Exit codes: 0 done; 1 `--check` found pending
 * changes (with `--report`: an origin over budget) or a file failed; 2 usage error or a dirty
 * git work tree. `--silent` hides output, never exit codes.
 */
import { PACKAGE_VERSION } from './package-info.js';
import { HELP_TEXT, UsageError, parseCliArguments } from './cli-arguments.js';

/** `--silent` as typed, known even when the rest of the command line does not parse. */
function asksForSilence(argv: readonly string[]): boolean {
  const end = argv.indexOf('--');
  return (end === -1 ? argv : argv.slice(0, end)).includes('--silent');
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    const command = parseCliArguments(argv);
    if (command.kind === 'help') {
      process.stdout.write(HELP_TEXT);
      return 0;
    }
    if (command.kind === 'version') {
      process.stdout.write(`${PACKAGE_VERSION}\n`);
      return 0;
    }
    // Loaded only for a run: --help, --version and argument errors answer at once.
    const io = { cwd: process.cwd(), stdout: process.stdout, stderr: process.stderr };
    if (command.kind === 'report') {
      const { runReport } = await import('./report/run-report.js');
      return await runReport(command.options, io);
    }
    const { runCodemod } = await import('./run-codemod.js');
    return await runCodemod(command.options, io);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    if (!asksForSilence(argv)) process.stderr.write(`sse-codemod: ${error.message}\nRun sse-codemod --help for usage.\n`);
    return 2;
  }
}

// A reader that stops early (`sse-codemod | head`) is not an error of ours.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') throw error;
});

main(process.argv.slice(2)).then(
  (code) => {
    // exitCode, not exit(): a piped stdout must be allowed to drain.
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`sse-codemod: internal error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exitCode = 1;
  },
);
