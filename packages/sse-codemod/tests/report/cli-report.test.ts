/**
 * `sse-codemod --report` as users run it: the built command in a fixture project. The examples
 * in docs/report.md are checked against what it prints there, so the page cannot go stale.
 * Each run costs a process start (about a second): the logic is tested on the modules.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';

const cliPath = fileURLToPath(new URL('../../dist/cli.js', import.meta.url));
const docPath = fileURLToPath(new URL('../../../../docs/report.md', import.meta.url));

interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

function runCli(fixture: string, args: readonly string[]): Promise<CliResult> {
  const cwd = fileURLToPath(new URL(`fixtures/${fixture}/`, import.meta.url));
  return new Promise((resolve) => {
    execFile(process.execPath, [cliPath, ...args], { cwd, encoding: 'utf8' }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : -1) : 0, stdout, stderr });
    });
  });
}

interface DocExample {
  fixture: string;
  args: string[];
  output: string;
}

/** `<!-- report-example <fixture>: <args> -->` followed by a fenced block holding the output. */
function docExamples(markdown: string): DocExample[] {
  const pattern = /<!-- report-example (\S+): (.*?) -->\n```\w*\n([\s\S]*?)^```$/gm;
  return [...markdown.matchAll(pattern)].map((match) => ({ fixture: match[1]!, args: match[2]!.split(' '), output: match[3]! }));
}

beforeAll(() => {
  if (!existsSync(cliPath)) throw new Error(`${cliPath} is missing: run \`npm run build\` before these tests.`);
});

describe('docs/report.md', () => {
  const examples = docExamples(readFileSync(docPath, 'utf8'));

  it('has the text and the JSON example', () => {
    expect(examples.map((example) => `${example.fixture}: ${example.args.join(' ')}`)).toEqual([
      'dashboard: --report',
      'two-consumers: --report --json',
    ]);
  });

  for (const example of examples) {
    it(`shows what sse-codemod ${example.args.join(' ')} prints in fixtures/${example.fixture}`, async () => {
      expect(await runCli(example.fixture, example.args)).toEqual({ code: 0, stdout: example.output, stderr: '' });
    });
  }
});

describe('sse-codemod --report', () => {
  it('lists a file that does not parse as failed, goes on, and exits 1; --check states the verdict', async () => {
    const result = await runCli('broken', ['--report', '--check', '--items', '2']);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe('');
    expect(result.stdout.split('\n').slice(-6)).toEqual([
      "src/broken.ts failed: syntax error: ')' expected. (2:38)",
      'The sites of a failed file are not in the report.',
      '',
      'Within budget: at most 3 connections per origin, of the 5 left for streams (6 a browser allows, 1 kept for requests: --reserve).',
      'Check passed.',
      '',
    ]);
  });

  it('refuses --write with a usage error, exit 2', async () => {
    expect(await runCli('quiet', ['--report', '--write'])).toEqual({
      code: 2,
      stdout: '',
      stderr: 'sse-codemod: --report writes nothing: it cannot be used with --write.\nRun sse-codemod --help for usage.\n',
    });
  });
});
