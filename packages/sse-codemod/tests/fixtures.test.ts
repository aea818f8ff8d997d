/**
 * The codemod's specification by example: each `fixtures/<case>/input.<ext>` is planned as a
 * file of the user's project and must come out exactly as `output.<ext>` (identical to the
 * input when nothing may change), a second run must change nothing, and when the case has a
 * `sites.json` the report's sites must be exactly those.
 *
 * Every input and every output must also type-check (strict TypeScript, JavaScript through
 * `checkJs`) beside the helper module the codemod writes (dist/helper, built by
 * `npm run build`): a rewrite that breaks a user's types fails here, and so does a fixture
 * whose input was not valid code to begin with. `fixtures/env.d.ts` declares the few
 * packages the fixtures import.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { planFile } from '../src/plan-file.js';
import type { SiteResult } from '../src/types.js';

const HELPER_SPECIFIER = './sse-hub.js';
const fixturesDir = fileURLToPath(new URL('fixtures', import.meta.url));
const helperDir = fileURLToPath(new URL('../dist/helper', import.meta.url));
const HELPER_FILES = ['sse-hub.js', 'sse-hub.d.ts'];

interface Fixture {
  name: string;
  /** `.ts`, `.tsx`, `.js`, `.jsx`, `.cjs`… shared by the input and the output. */
  extension: string;
  input: string;
  output: string;
  sites: SiteResult[] | undefined;
}

function loadFixture(name: string): Fixture {
  const dir = join(fixturesDir, name);
  const files = readdirSync(dir);
  const inputFile = files.find((file) => file.startsWith('input.'));
  if (!inputFile) throw new Error(`fixture ${name} has no input.<ext>`);
  const extension = inputFile.slice('input'.length);
  const outputFile = `output${extension}`;
  if (!files.includes(outputFile)) throw new Error(`fixture ${name} has no ${outputFile} beside ${inputFile}`);
  const unexpected = files.filter((file) => ![inputFile, outputFile, 'sites.json'].includes(file));
  if (unexpected.length > 0) throw new Error(`fixture ${name} has unexpected files: ${unexpected.join(', ')}`);
  return {
    name,
    extension,
    input: readFileSync(join(dir, inputFile), 'utf8'),
    output: readFileSync(join(dir, outputFile), 'utf8'),
    sites: files.includes('sites.json')
      ? (JSON.parse(readFileSync(join(dir, 'sites.json'), 'utf8')) as SiteResult[])
      : undefined,
  };
}

const fixtures = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => loadFixture(entry.name))
  .sort((a, b) => a.name.localeCompare(b.name));

/** Plans a fixture's text as the file `src/<case>/<role><ext>` of a project. */
function plan(fixture: Fixture, role: 'input' | 'output', text: string) {
  // The fixtures show every rewrite, as in an app that mounts the multiplexer; dedupe-mode runs are in dedupe-mode.test.ts.
  return planFile({ path: `src/${fixture.name}/${role}${fixture.extension}`, text, helperSpecifier: HELPER_SPECIFIER, multiplex: true });
}

describe('fixtures', () => {
  it('are there', () => {
    expect(fixtures.length).toBeGreaterThan(0);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const unchanged = fixture.output === fixture.input;

      it(unchanged ? 'leaves the file as it is' : 'rewrites the input into the output', () => {
        const result = plan(fixture, 'input', fixture.input);
        expect(result.error).toBeUndefined();
        expect(result.status).toBe(unchanged ? 'unchanged' : 'changed');
        expect(result.output ?? fixture.input).toBe(fixture.output);
      });

      it('changes nothing on a second run', () => {
        const result = plan(fixture, 'output', fixture.output);
        expect(result.error).toBeUndefined();
        expect(result.status).toBe('unchanged');
        expect(result.output).toBeNull();
      });

      if (fixture.sites) {
        const expectedSites = fixture.sites;
        it('reports the sites of sites.json', () => {
          expect(plan(fixture, 'input', fixture.input).sites).toEqual(expectedSites);
        });
      }
    });
  }

  // Git settings (`core.autocrlf`) can normalise line endings on checkout; this case must keep its own.
  it('keep CRLF line endings in the crlf-line-endings case', () => {
    const crlf = fixtures.find((fixture) => fixture.name === 'crlf-line-endings');
    expect(crlf?.input).toMatch(/\r\n/);
    expect(crlf?.input.replaceAll('\r\n', '')).not.toMatch(/\n/);
    expect(crlf?.output.replaceAll('\r\n', '')).not.toMatch(/\n/);
  });
});

/** The settings of a strict browser project that type-checks its JavaScript too. */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  jsx: ts.JsxEmit.Preserve,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  skipLibCheck: false,
  // Browser code: no `@types/*` from this repository's node_modules may leak into the check.
  types: [],
};

/** `case/file.ts:12:5 TS2345 message` for each diagnostic, with paths relative to `root`. */
function formatDiagnostics(diagnostics: readonly ts.Diagnostic[], root: string): string[] {
  return diagnostics.map((diagnostic) => {
    const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n  ');
    if (!diagnostic.file || diagnostic.start === undefined) return `TS${diagnostic.code} ${message}`;
    const { line, character } = diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start);
    return `${relative(root, diagnostic.file.fileName)}:${line + 1}:${character + 1} TS${diagnostic.code} ${message}`;
  });
}

/** The diagnostics of one program made of `files`, plus a line for any file the program left out (so never checked). */
function typeCheck(root: string, files: readonly string[]): string[] {
  const program = ts.createProgram({ rootNames: [join(root, 'env.d.ts'), ...files], options: COMPILER_OPTIONS });
  const leftOut = files.filter((file) => !program.getSourceFile(file)).map((file) => `${relative(root, file)} was not checked`);
  return [...leftOut, ...formatDiagnostics(ts.getPreEmitDiagnostics(program), root)];
}

describe('type checking', () => {
  // One folder per case, holding its input, its output and the helper module both import.
  let root: string;

  const missingHelperFiles = HELPER_FILES.filter((file) => !existsSync(join(helperDir, file)));

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sse-codemod-fixtures-'));
    if (missingHelperFiles.length > 0) return;
    copyFileSync(join(fixturesDir, 'env.d.ts'), join(root, 'env.d.ts'));
    for (const fixture of fixtures) {
      const dir = join(root, fixture.name);
      mkdirSync(dir);
      writeFileSync(join(dir, `input${fixture.extension}`), fixture.input);
      writeFileSync(join(dir, `output${fixture.extension}`), fixture.output);
      for (const file of HELPER_FILES) copyFileSync(join(helperDir, file), join(dir, file));
    }
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds no error in any output', { timeout: 120_000 }, () => {
    expect(missingHelperFiles, 'dist/helper is incomplete: run `npm run build`').toEqual([]);
    const outputs = fixtures.map((fixture) => join(root, fixture.name, `output${fixture.extension}`));
    expect(typeCheck(root, outputs)).toEqual([]);
  });

  it('finds no error in any input', { timeout: 120_000 }, () => {
    expect(missingHelperFiles, 'dist/helper is incomplete: run `npm run build`').toEqual([]);
    const inputs = fixtures.map((fixture) => join(root, fixture.name, `input${fixture.extension}`));
    expect(typeCheck(root, inputs)).toEqual([]);
  });
});
