/**
 * The command line: defaults, every option, and each usage error (exit code 2) with the
 * message the user sees.
 */
import { describe, expect, it } from 'vitest';
import { type CodemodOptions, HELP_TEXT, parseCliArguments } from '../src/cli-arguments.js';
import { usageErrorOf } from './support/usage-error.js';

function optionsOf(argv: string[]): CodemodOptions {
  const command = parseCliArguments(argv);
  if (command.kind !== 'run') throw new Error(`expected a run, got ${command.kind}`);
  return command.options;
}

describe('parseCliArguments', () => {
  it('defaults to a dry run of the current directory', () => {
    expect(optionsOf([])).toEqual({
      paths: [],
      mode: 'dry-run',
      json: false,
      silent: false,
      project: null,
      helper: null,
      helperImport: null,
      allowDirty: false,
      jobs: null,
      endpoint: null,
    });
  });

  it('reads every option', () => {
    expect(optionsOf(['src', 'lib/**/*.ts', '--write', '--json', '--project', 'tsconfig.app.json', '--helper', 'src/hub.js', '--allow-dirty', '--silent', '--jobs', '3', '--endpoint', '/api/hub'])).toEqual({
      paths: ['src', 'lib/**/*.ts'],
      mode: 'write',
      json: true,
      silent: true,
      project: 'tsconfig.app.json',
      helper: 'src/hub.js',
      helperImport: null,
      allowDirty: true,
      jobs: 3,
      endpoint: '/api/hub',
    });
    expect(optionsOf(['--check', '--helper-import=sse-hub'])).toMatchObject({ mode: 'check', helperImport: 'sse-hub' });
  });

  it('takes a path that starts with a dash after --', () => {
    expect(optionsOf(['--', '-odd-name.ts']).paths).toEqual(['-odd-name.ts']);
  });

  it('answers --help and --version before anything else', () => {
    expect(parseCliArguments(['--write', '--check', '--help'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['-h'])).toEqual({ kind: 'help' });
    expect(parseCliArguments(['-v'])).toEqual({ kind: 'version' });
    expect(HELP_TEXT).toMatch(/^Usage: sse-codemod \[paths or globs\.\.\.\] \[options\]/);
    for (const option of ['--write', '--check', '--json', '--project', '--helper ', '--helper-import', '--allow-dirty', '--silent', '--jobs']) {
      expect(HELP_TEXT).toContain(option);
    }
  });

  it('refuses contradictory, unknown and incomplete options', () => {
    expect(usageErrorOf(['--write', '--check'])).toBe('--write and --check cannot be used together.');
    expect(usageErrorOf(['--helper', 'a.js', '--helper-import', 'x'])).toBe(
      '--helper and --helper-import cannot be used together: choose where sharedEventSource comes from.',
    );
    expect(usageErrorOf(['--dry-run'])).toMatch(/^Unknown option '--dry-run'/);
    expect(usageErrorOf(['--project'])).toMatch(/^Option '--project <value>' argument missing/);
    expect(usageErrorOf(['--helper='])).toBe('--helper needs a value.');
    expect(usageErrorOf([''])).toBe('An empty path was given.');
    expect(usageErrorOf(['--endpoint', 'hub'])).toBe('--endpoint must be a path starting with a single "/", e.g. /__sse_hub, got "hub".');
    expect(usageErrorOf(['--endpoint', '//evil.test/hub'])).toMatch(/^--endpoint must be a path starting with a single "\/"/);
    expect(usageErrorOf(['--report', '--endpoint', '/__sse_hub'])).toBe(
      '--endpoint applies to rewrites; the report reads the endpoint from configureHub() in the code.',
    );
  });

  it('takes only a positive whole number of jobs', () => {
    for (const value of ['0', '-1', '1.5', 'two', '']) {
      expect(usageErrorOf([`--jobs=${value}`])).toBe(`--jobs must be a positive whole number, got "${value}".`);
    }
    expect(optionsOf(['--jobs', '1']).jobs).toBe(1);
  });
});
