/**
 * The codemod on Vue and Svelte single-file components (issue 12), by example: each
 * `component-fixtures/<case>/input.(vue|svelte)` must come out exactly as `output.<ext>`
 * (identical when nothing may change), a second run must change nothing, and everything outside
 * the `<script>` blocks (template, styles, the other block) must stay byte for byte. Cases named
 * `dedupe-*` run without the multiplexer (no `--endpoint`), the others with it.
 *
 * TypeScript cannot read a component, so the type check takes the `<script>` blocks of every
 * input and output, joined into one module as Vue and Svelte compile them (a `<script setup>`
 * sees the plain `<script>`'s imports), beside the helper module and `env.d.ts` (a slice of Vue
 * and Svelte): a rewrite that breaks a block's types, or its import of the helper, fails.
 */
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ScriptBlock, scriptBlocks } from '../src/component-files.js';
import { SKIP_REASONS } from '../src/conversions.js';
import { lintWithStreamRules } from '../src/detect-sites.js';
import { TODO_MARKER, planFile } from '../src/plan-file.js';

const fixturesDir = fileURLToPath(new URL('component-fixtures', import.meta.url));
const helperDir = fileURLToPath(new URL('../dist/helper', import.meta.url));
const HELPER_FILES = ['sse-hub.js', 'sse-hub.d.ts'];

interface Fixture {
  name: string;
  extension: '.vue' | '.svelte';
  input: string;
  output: string;
}

const fixtures: Fixture[] = readdirSync(fixturesDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => {
    const dir = join(fixturesDir, entry.name);
    const inputFile = readdirSync(dir).find((file) => file.startsWith('input.'))!;
    const extension = inputFile.slice('input'.length) as Fixture['extension'];
    return {
      name: entry.name,
      extension,
      input: readFileSync(join(dir, inputFile), 'utf8'),
      output: readFileSync(join(dir, `output${extension}`), 'utf8'),
    };
  })
  .sort((a, b) => a.name.localeCompare(b.name));

function plan(fixture: Fixture, text: string) {
  return planFile({
    path: `src/${fixture.name}/Component${fixture.extension}`,
    text,
    helperSpecifier: './sse-hub.js',
    multiplex: !fixture.name.startsWith('dedupe-'),
  });
}

function blocksOf(file: string, text: string): ScriptBlock[] {
  const lint = lintWithStreamRules(file, text, { parseOnly: true });
  if (!lint.ok) throw new Error(lint.error);
  return scriptBlocks(lint.sourceCode, file.endsWith('.vue') ? '.vue' : '.svelte');
}

/** The component with its `<script>` blocks' code cut out: what the codemod must never change. */
function outsideScripts(file: string, text: string): string[] {
  let position = 0;
  const parts: string[] = [];
  for (const block of blocksOf(file, text)) {
    parts.push(text.slice(position, block.start));
    position = block.end;
  }
  parts.push(text.slice(position));
  return parts;
}

describe('component fixtures', () => {
  it('cover Vue and Svelte, and a case with nothing to change', () => {
    expect(fixtures.filter((fixture) => fixture.extension === '.vue').length).toBeGreaterThanOrEqual(5);
    expect(fixtures.filter((fixture) => fixture.extension === '.svelte').length).toBeGreaterThanOrEqual(2);
    expect(fixtures.some((fixture) => fixture.input === fixture.output)).toBe(true);
  });

  for (const fixture of fixtures) {
    describe(fixture.name, () => {
      const unchanged = fixture.output === fixture.input;

      it(unchanged ? 'leaves the file as it is' : 'rewrites the input into the output', () => {
        const result = plan(fixture, fixture.input);
        expect(result.error).toBeUndefined();
        expect(result.status).toBe(unchanged ? 'unchanged' : 'changed');
        expect(result.output ?? fixture.input).toBe(fixture.output);
      });

      it('changes nothing on a second run', () => {
        const result = plan(fixture, fixture.output);
        expect(result.error).toBeUndefined();
        expect(result.status).toBe('unchanged');
        expect(result.output).toBeNull();
      });

      it('keeps everything outside the <script> blocks byte for byte', () => {
        const file = `Component${fixture.extension}`;
        expect(outsideScripts(file, fixture.output)).toEqual(outsideScripts(file, fixture.input));
      });
    });
  }
});

describe('component sites', () => {
  const byName = (name: string) => fixtures.find((fixture) => fixture.name === name)!;

  it('reports a Vue <script setup> opening at its line and column in the component', () => {
    expect(plan(byName('vue-script-setup-per-item'), byName('vue-script-setup-per-item').input).sites).toEqual([
      { line: 18, column: 12, rule: 'sse/no-eventsource-per-item', action: 'rewritten' },
    ]);
  });

  it('puts the import in the <script setup> that holds the opening, not the plain <script>', () => {
    const output = byName('vue-both-script-blocks').output;
    const setup = output.indexOf('<script setup lang="ts">');
    expect(output.indexOf("import { sharedEventSource } from './sse-hub.js';")).toBeGreaterThan(setup);
    expect(output.match(/sharedEventSource/g)).toHaveLength(2);
  });

  it('indents the import as a Svelte script is indented', () => {
    expect(byName('svelte-5-runes-effect').output).toContain("\n  import Badge from './Badge.svelte';\n  import { sharedEventSource } from './sse-hub.js';\n");
  });

  it('without the multiplexer, leaves a URL read from the props with a TODO in the script', () => {
    const fixture = byName('dedupe-per-item-url-todo');
    expect(plan(fixture, fixture.input).sites).toEqual([
      { line: 13, column: 12, rule: 'sse/no-eventsource-per-item', action: 'skipped', reason: SKIP_REASONS.distinctUrlsWithoutMultiplexer },
    ]);
    expect(fixture.output).toContain(`  // ${TODO_MARKER}: ${SKIP_REASONS.distinctUrlsWithoutMultiplexer}\n  ticker = new EventSource(`);
  });

  it('honours an sse-codemod-ignore comment in a script, as in any file', () => {
    const fixture = byName('vue-opted-out');
    expect(plan(fixture, fixture.input).sites).toEqual([
      { line: 14, column: 10, rule: 'sse/no-eventsource-per-item', action: 'skipped', reason: SKIP_REASONS.optedOut },
    ]);
  });

  it('without the multiplexer, shares two openings of one URL', () => {
    const fixture = byName('dedupe-duplicate-url');
    expect(plan(fixture, fixture.input).sites.map((site) => [site.line, site.action])).toEqual([
      [20, 'rewritten'],
      [22, 'rewritten'],
    ]);
  });
});

describe('line endings', () => {
  it('keeps CRLF and puts the import on the first line of a block without imports', () => {
    const text = '<template><p>x</p></template>\r\n\r\n<script setup lang="ts">\r\nconst props = defineProps<{ id: string }>();\r\nconst es = new EventSource(`/a/${props.id}`);\r\n</script>\r\n';
    expect(planFile({ path: 'src/A.vue', text, helperSpecifier: './sse-hub.js', multiplex: true }).output).toBe(
      '<template><p>x</p></template>\r\n\r\n<script setup lang="ts">\r\n' +
        "import { sharedEventSource } from './sse-hub.js';\r\n\r\n" +
        'const props = defineProps<{ id: string }>();\r\nconst es = sharedEventSource(`/a/${props.id}`);\r\n</script>\r\n',
    );
  });
});

describe('components that do not parse', () => {
  const brokenVue = '<template><p>{{ x }}</p></template>\n\n<script setup lang="ts">\nconst const = 1;\nonMounted(() => new EventSource(`/x/${props.id}`));\n</script>\n';

  it('fails a Vue component whose script does not parse, with the line and column, and plans no output', () => {
    const result = planFile({ path: 'src/Broken.vue', text: brokenVue, helperSpecifier: './sse-hub.js', multiplex: true });
    expect(result).toEqual({
      status: 'failed',
      output: null,
      sites: [],
      error: "syntax error: 'const' is not allowed as a variable declaration name. (4:6)",
    });
  });

  it('fails a Svelte component whose script does not parse', () => {
    const text = '<script>\n  import { onMount } from "svelte";\n  onMount(() => { new EventSource("/a" });\n</script>\n\n<p>hi</p>\n';
    const result = planFile({ path: 'src/Broken.svelte', text, helperSpecifier: './sse-hub.js', multiplex: true });
    expect(result.status).toBe('failed');
    expect(result.output).toBeNull();
    expect(result.error).toMatch(/^syntax error: .+ \(3:\d+\)$/);
  });
});

/** The settings of a strict browser project that type-checks its JavaScript too (as fixtures.test.ts). */
const COMPILER_OPTIONS: ts.CompilerOptions = {
  strict: true,
  allowJs: true,
  checkJs: true,
  noEmit: true,
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
  types: [],
};

describe('type checking the <script> blocks', () => {
  let root: string;
  const missingHelperFiles = HELPER_FILES.filter((file) => !existsSync(join(helperDir, file)));

  /** Writes the blocks of the fixture's `role`, in file order, as `<case>/<role>.ts|js`; returns its path. */
  function writeBlocks(fixture: Fixture, role: 'input' | 'output'): string {
    const text = role === 'input' ? fixture.input : fixture.output;
    const blocks = blocksOf(`Component${fixture.extension}`, text);
    const file = join(root, fixture.name, `${role}.${blocks.some((block) => block.typeScript) ? 'ts' : 'js'}`);
    // A component is a module, as the frameworks compile it; `export {}` says so to TypeScript.
    writeFileSync(file, `${blocks.map((block) => text.slice(block.start, block.end)).join('\n')}\nexport {};\n`);
    return file;
  }

  function typeCheck(files: readonly string[]): string[] {
    const program = ts.createProgram({ rootNames: [join(root, 'env.d.ts'), ...files], options: COMPILER_OPTIONS });
    return ts.getPreEmitDiagnostics(program).map((diagnostic) => {
      const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, ' ');
      const where = diagnostic.file && diagnostic.start !== undefined ? diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start) : null;
      return `${diagnostic.file ? relative(root, diagnostic.file.fileName) : ''}:${where ? where.line + 1 : 0} TS${diagnostic.code} ${message}`;
    });
  }

  beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'sse-codemod-component-fixtures-'));
    copyFileSync(join(fixturesDir, 'env.d.ts'), join(root, 'env.d.ts'));
    for (const fixture of fixtures) {
      mkdirSync(join(root, fixture.name));
      if (missingHelperFiles.length === 0) for (const file of HELPER_FILES) copyFileSync(join(helperDir, file), join(root, fixture.name, file));
    }
  });

  afterAll(() => {
    rmSync(root, { recursive: true, force: true });
  });

  it('finds no error in any block of the inputs or the outputs', { timeout: 120_000 }, () => {
    expect(missingHelperFiles, 'dist/helper is incomplete: run `npm run build`').toEqual([]);
    const files = fixtures.flatMap((fixture) => [writeBlocks(fixture, 'input'), writeBlocks(fixture, 'output')]);
    expect(typeCheck(files)).toEqual([]);
  });
});
