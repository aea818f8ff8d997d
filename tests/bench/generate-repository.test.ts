/**
 * The benchmark's repository generator: the counts it promises, the same bytes for the same
 * seed, and files that are what they claim to be. Stream files must be flagged by the rules
 * (and planned as changes by the codemod); every other source file must parse, be flagged by
 * nothing, and not even mention a stream, since the benchmark's figure for non-candidate code
 * relies on the text pre-filter skipping it.
 */
import { mkdtempSync, readFileSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import tsParser from '@typescript-eslint/parser';
import { Linter } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_LINES, MIN_LINES, STREAM_SHAPES, generateRepository } from '../../scripts/bench/generate-repository.js';
import { mentionsStream } from '../../src/analysis/stream-sources.js';
import { planFile } from '../../packages/sse-codemod/src/plan-file.js';
import plugin from '../../src/index.js';

const FILES = 150;
const STREAM_FILES = 10;

let scratch: string;
let repository: ReturnType<typeof generateRepository>;

beforeAll(() => {
  scratch = mkdtempSync(path.join(tmpdir(), 'generate-repository-test-'));
  repository = generateRepository(path.join(scratch, 'repo'), { files: FILES, streamFiles: STREAM_FILES, seed: 7 });
});

afterAll(() => {
  rmSync(scratch, { recursive: true, force: true });
});

const read = (relative: string) => readFileSync(path.join(repository.root, relative), 'utf8');

/** Every file under `directory`, relative to it, sorted. */
function listFiles(directory: string, prefix = ''): string[] {
  return readdirSync(directory, { withFileTypes: true })
    .flatMap((entry) =>
      entry.isDirectory() ? listFiles(path.join(directory, entry.name), `${prefix}${entry.name}/`) : [`${prefix}${entry.name}`],
    )
    .sort();
}

/** The plugin's three rules on one generated file, linted under `filename` (ESLint skips node_modules paths). */
function lint(relative: string, filename = relative): Linter.LintMessage[] {
  const typescript = /\.tsx?$/.test(relative);
  const config: Linter.Config = {
    files: ['**/*.{js,jsx,ts,tsx}'],
    plugins: { sse: plugin as never },
    languageOptions: {
      ...(typescript ? { parser: tsParser as never } : {}),
      parserOptions: { ecmaFeatures: { jsx: true } },
    },
    rules: { 'sse/no-eventsource-in-loop': 'error', 'sse/no-eventsource-per-item': 'error', 'sse/no-unbounded-reconnect': 'error' },
  };
  return new Linter({ configType: 'flat' }).verify(read(relative), config, { filename });
}

describe('generateRepository', () => {
  it('writes the promised number of source files, streams, ignored and vendored files', () => {
    expect(repository.files).toBe(FILES);
    expect(repository.paths.sources).toHaveLength(FILES);
    expect(new Set(repository.paths.sources).size).toBe(FILES);
    expect(repository.streamFiles).toHaveLength(STREAM_FILES);
    expect(Object.values(repository.byExtension).reduce((sum, count) => sum + count, 0)).toBe(FILES);
    expect(Object.keys(repository.byExtension).sort()).toEqual(['.js', '.jsx', '.ts', '.tsx']);

    const onDisk = listFiles(repository.root);
    const expected = [
      ...repository.paths.sources,
      ...repository.paths.dist,
      ...repository.paths.nodeModules,
      ...repository.paths.nodeModules.map((file) => file.replace(/index\.js$/, 'package.json')),
      '.gitignore',
      'package.json',
    ].sort();
    expect(onDisk).toEqual(expected);
    expect(repository.ignored.dist.files).toBe(repository.paths.dist.length);
    expect(repository.paths.dist.length).toBeGreaterThan(0);
    expect(repository.paths.nodeModules.length).toBeGreaterThan(0);
  });

  it('takes the stream shapes in turn, so that each is represented', () => {
    const shapes = repository.streamFiles.map((file) => file.shape);
    expect(shapes).toEqual(Array.from({ length: STREAM_FILES }, (_, index) => STREAM_SHAPES[index % STREAM_SHAPES.length]));
    const components = repository.streamFiles.filter((file) => file.shape === 'component-rendered-per-item');
    for (const file of components) expect(file.path).toMatch(/\.[jt]sx$/);
  });

  it('ignores dist/ in .gitignore but not node_modules/, which the codemod must skip on its own', () => {
    const ignored = read('.gitignore').split('\n');
    expect(ignored).toContain('dist/');
    expect(ignored.some((line) => line.includes('node_modules'))).toBe(false);
    for (const file of repository.paths.dist) expect(file.startsWith('dist/')).toBe(true);
    for (const file of repository.paths.nodeModules) expect(file.startsWith('node_modules/')).toBe(true);
  });

  it('reports the bytes and lines it wrote, every source file between the line bounds', () => {
    let bytes = 0;
    let lines = 0;
    for (const file of repository.paths.sources) {
      const text = read(file);
      const fileLines = text.split('\n').length - (text.endsWith('\n') ? 1 : 0);
      expect(fileLines, file).toBeGreaterThanOrEqual(MIN_LINES);
      expect(fileLines, file).toBeLessThanOrEqual(MAX_LINES);
      bytes += statSync(path.join(repository.root, file)).size;
      lines += fileLines;
    }
    expect(repository.bytes).toBe(bytes);
    expect(repository.lines).toBe(lines);
  });

  it('writes the same bytes for the same seed, and other bytes for another', () => {
    const again = generateRepository(path.join(scratch, 'again'), { files: FILES, streamFiles: STREAM_FILES, seed: 7 });
    const other = generateRepository(path.join(scratch, 'other'), { files: FILES, streamFiles: STREAM_FILES, seed: 8 });
    expect(listFiles(again.root)).toEqual(listFiles(repository.root));
    for (const file of listFiles(repository.root)) {
      expect(readFileSync(path.join(again.root, file), 'utf8'), file).toBe(read(file));
    }
    expect(again.streamFiles).toEqual(repository.streamFiles);
    expect(other.paths.sources).not.toEqual(repository.paths.sources);
  });

  it('rejects counts it cannot honour', () => {
    const root = path.join(scratch, 'invalid');
    expect(() => generateRepository(root, { files: 0 })).toThrow(RangeError);
    expect(() => generateRepository(root, { files: 10, streamFiles: 11 })).toThrow(RangeError);
  });
});

describe('the generated files', () => {
  it('stream files are flagged by the rules and planned as one rewritten site per opening', () => {
    for (const { path: file, openings } of repository.streamFiles) {
      const messages = lint(file);
      expect(messages.filter((message) => message.fatal), file).toEqual([]);
      expect(
        messages.filter((message) => message.ruleId === 'sse/no-eventsource-in-loop' || message.ruleId === 'sse/no-eventsource-per-item').length,
        file,
      ).toBeGreaterThanOrEqual(openings);

      // As the throughput bench runs it: with --endpoint, so per-item URLs are rewritten too.
      const plan = planFile({ path: path.join(repository.root, file), text: read(file), helperSpecifier: './sse-hub.js', multiplex: true });
      expect(plan.status, file).toBe('changed');
      expect(plan.sites.map((site) => site.action), file).toEqual(Array(openings).fill('rewritten'));
      expect(plan.output, file).toContain('sharedEventSource(');
    }
  });

  it('other source files parse, are flagged by no rule and never mention a stream', () => {
    const streamPaths = new Set(repository.streamFiles.map((file) => file.path));
    const others = repository.paths.sources.filter((file) => !streamPaths.has(file));
    expect(others).toHaveLength(FILES - STREAM_FILES);
    for (const file of others) {
      expect(mentionsStream(read(file), []), file).toBe(false);
      expect(lint(file), file).toEqual([]);
    }
  });

  it('some non-stream files carry the bait: event and source words, per-row JSX, sockets opened in loops', () => {
    const streamPaths = new Set(repository.streamFiles.map((file) => file.path));
    const texts = repository.paths.sources.filter((file) => !streamPaths.has(file)).map(read);
    expect(texts.some((text) => /\bsource\b/.test(text) && /addEventListener|CustomEvent/.test(text))).toBe(true);
    expect(texts.some((text) => /\.map\(\(item\) => \(\s*<\w+Row key=/.test(text))).toBe(true);
    expect(texts.some((text) => text.includes('new WebSocket('))).toBe(true);
  });

  it('dist/ and node_modules/ hold flagged streams, so a run that entered them would show it', () => {
    for (const file of [repository.paths.dist[0]!, repository.paths.nodeModules[0]!]) {
      expect(lint(file, 'vendored.js').map((message) => message.ruleId), file).toEqual(['sse/no-eventsource-in-loop']);
    }
  });
});
