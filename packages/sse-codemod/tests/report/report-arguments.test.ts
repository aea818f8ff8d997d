/**
 * `--report` on the command line: its options, their defaults, and the usage errors (exit
 * code 2) for what cannot go with it.
 */
import { describe, expect, it } from 'vitest';
import { HELP_TEXT, type ReportOptions, parseCliArguments } from '../../src/cli-arguments.js';
import { usageErrorOf } from '../support/usage-error.js';

function reportOptionsOf(argv: string[]): ReportOptions {
  const command = parseCliArguments(argv);
  if (command.kind !== 'report') throw new Error(`expected a report, got ${command.kind}`);
  return command.options;
}

describe('parseCliArguments --report', () => {
  it('defaults to 10 items, 1 tab and 1 connection kept for requests, over the current directory', () => {
    expect(reportOptionsOf(['--report'])).toEqual({
      paths: [],
      json: false,
      silent: false,
      project: null,
      check: false,
      helper: null,
      helperImport: null,
      items: 10,
      tabs: 1,
      reserve: 1,
    });
  });

  it('reads every option that applies to it', () => {
    expect(
      reportOptionsOf(['src', '--report', '--json', '--check', '--silent', '--items', '25', '--tabs=3', '--reserve', '0', '--project', 'tsconfig.app.json', '--helper-import', '@acme/live']),
    ).toEqual({
      paths: ['src'],
      json: true,
      silent: true,
      project: 'tsconfig.app.json',
      check: true,
      helper: null,
      helperImport: '@acme/live',
      items: 25,
      tabs: 3,
      reserve: 0,
    });
    expect(reportOptionsOf(['--report', '--helper', 'src/hub.js']).helper).toBe('src/hub.js');
  });

  it('leaves the codemod as it was without --report', () => {
    expect(parseCliArguments(['--check']).kind).toBe('run');
  });

  it('refuses --write, and --items or --tabs without --report', () => {
    expect(usageErrorOf(['--report', '--write'])).toBe('--report writes nothing: it cannot be used with --write.');
    expect(usageErrorOf(['--items', '5'])).toBe('--items applies only to --report.');
    expect(usageErrorOf(['--write', '--tabs', '2'])).toBe('--tabs applies only to --report.');
    expect(usageErrorOf(['--reserve', '2'])).toBe('--reserve applies only to --report.');
    expect(usageErrorOf(['--report', '--helper', 'a.js', '--helper-import', 'x'])).toBe(
      '--helper and --helper-import cannot be used together: choose where sharedEventSource comes from.',
    );
  });

  it('takes a reserve from 0 to 5 connections only: the browser allows 6', () => {
    for (const value of ['-1', '6', '1.5', 'one', '']) {
      expect(usageErrorOf(['--report', `--reserve=${value}`])).toBe(`--reserve must be a whole number from 0 to 5, got "${value}".`);
    }
  });

  it('takes only positive whole numbers of items and tabs', () => {
    for (const value of ['0', '-1', '1.5', 'ten', '', '1e3', '10000000000']) {
      expect(usageErrorOf(['--report', `--items=${value}`])).toBe(`--items must be a positive whole number, got "${value}".`);
    }
    expect(usageErrorOf(['--report', '--tabs', 'two'])).toBe('--tabs must be a positive whole number, got "two".');
    expect(usageErrorOf(['--report', '--items'])).toMatch(/^Option '--items <value>' argument missing/);
  });

  it('is in the help', () => {
    for (const option of ['--report', '--items <n>', '--tabs <n>', 'With --report: exit 1 when an origin is over budget.']) {
      expect(HELP_TEXT).toContain(option);
    }
  });
});
