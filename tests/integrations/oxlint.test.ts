/**
 * The plugin under oxlint: the real `oxlint` binary loads the BUILT plugin through `jsPlugins`
 * (as users install it) with every rule of `recommended`, over a copy of the live-dashboard
 * example, and must report exactly what ESLint reports with `sse.configs.recommended` on the
 * same files: rule, file, start, end and message. Needs `npm run build`. docs/oxlint.md says
 * what differs; the last two suites pin those differences.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint, type Linter } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsePlugin } from '../../src/index.js';
import {
  CROSS_FILE_COMPONENT,
  SHARED_HELPER,
  copyExample,
  lintedFiles,
  loadBuiltPlugin,
  rulesWithSharedHelper,
  writeTypeAwareProject,
} from '../../scripts/integrations/example-workspace.js';
import { type Finding, eslintFindings, oxlintFindings, runOxlint, writeOxlintConfig } from '../../scripts/integrations/oxlint.js';

/**
 * The known findings of the example (`npm start`), as `file:line:column rule`. None in
 * notifications.ts:7 (its one caller in the file closes the stream first) nor in
 * useDeviceStatus.ts (a hook with no caller in its file): precision first, since issue 11.
 */
const EXAMPLE_FINDINGS = [
  'public/rows-a.js:11:18 sse/no-eventsource-in-loop',
  'src/JobList.jsx:9:20 sse/no-eventsource-per-item',
  'src/JobList.jsx:25:9 sse/no-eventsource-per-item',
  'src/feed-route.js:4:18 sse/no-unbounded-reconnect',
  'src/notifications.ts:11:22 sse/no-unbounded-reconnect',
  'src/notifications.ts:17:10 sse/no-unbounded-reconnect',
];

let plugin: SsePlugin;
let workspace: { directory: string; remove: () => Promise<void> };
let files: string[];

beforeAll(async () => {
  plugin = await loadBuiltPlugin();
  workspace = await copyExample('sse-oxlint-test-');
  files = await lintedFiles(workspace.directory);
});

afterAll(async () => {
  await workspace?.remove();
});

/** ESLint over the same files, configured as `npm start` lints the example. */
function eslintFor(cwd: string, rules: Linter.Config['rules'] = {}): ESLint {
  return new ESLint({
    cwd,
    overrideConfigFile: true,
    overrideConfig: [
      { files: ['**/*.ts', '**/*.tsx', '**/*.mts', '**/*.cts'], languageOptions: { parser: tsParser } },
      plugin.configs.recommended,
      { rules },
    ],
  });
}

const brief = (finding: Finding) => `${finding.file}:${finding.line}:${finding.column} ${finding.rule}`;

describe('oxlint with the recommended rules through jsPlugins', () => {
  let oxlint: Finding[];
  let eslint: Finding[];

  beforeAll(async () => {
    await writeOxlintConfig(workspace.directory, plugin.configs.recommended.rules ?? {});
    const { stdout } = await runOxlint({ cwd: workspace.directory, files });
    oxlint = await oxlintFindings(stdout, workspace.directory);
    eslint = eslintFindings(await eslintFor(workspace.directory).lintFiles(files), workspace.directory);
  }, 120_000);

  it('enables every rule of recommended, read from the plugin', async () => {
    const config = JSON.parse(await readFile(path.join(workspace.directory, '.oxlintrc.json'), 'utf8'));
    expect(config.jsPlugins).toEqual(['eslint-plugin-sse']);
    expect(Object.keys(config.rules).sort()).toEqual(
      Object.keys(plugin.rules)
        .filter((name) => plugin.rules[name as keyof SsePlugin['rules']].meta?.docs?.recommended)
        .map((name) => `sse/${name}`)
        .sort(),
    );
  });

  it('lints every file of the example without a parse error', () => {
    expect(files).toEqual([
      'public/rows-a.js',
      'public/rows-b.js',
      'server.js',
      'src/JobList.jsx',
      'src/feed-route.js',
      'src/notifications.ts',
      'src/useDeviceStatus.ts',
    ]);
    expect(oxlint.filter((finding) => finding.rule === null)).toEqual([]);
    expect(eslint.filter((finding) => finding.rule === null)).toEqual([]);
  });

  it("reports the example's 6 known findings", () => {
    expect(eslint.map(brief)).toEqual(EXAMPLE_FINDINGS);
  });

  it("reports exactly ESLint's findings: rule, file, start, end and message", () => {
    expect(oxlint).toHaveLength(6);
    expect(oxlint).toEqual(eslint);
  });
});

describe('suggestions under oxlint --fix-suggestions', () => {
  let fixed: Map<string, string>;
  let suggested: Map<string, string>;
  let original: Map<string, string>;

  beforeAll(async () => {
    const copy = await copyExample('sse-oxlint-suggestions-test-');
    try {
      const rules: Linter.Config['rules'] = {
        ...plugin.configs.recommended.rules,
        ...Object.fromEntries(rulesWithSharedHelper(plugin).map((name) => [`sse/${name}`, ['error', { sharedHelper: SHARED_HELPER }]])),
      };
      const read = async () => new Map(await Promise.all(files.map(async (file) => [file, await readFile(path.join(copy.directory, file), 'utf8')] as const)));
      original = await read();

      // ESLint's suggestions, applied one per file (the example has at most one per file).
      suggested = new Map(original);
      for (const result of await eslintFor(copy.directory, rules).lintFiles(files)) {
        const suggestions = result.messages.flatMap((message) => message.suggestions ?? []);
        if (suggestions.length === 0) continue;
        expect(suggestions).toHaveLength(1);
        const { range, text } = suggestions[0]!.fix;
        const file = path.relative(copy.directory, result.filePath).split(path.sep).join('/');
        const source = suggested.get(file)!;
        suggested.set(file, source.slice(0, range[0]) + text + source.slice(range[1]));
      }

      await writeOxlintConfig(copy.directory, rules);
      await runOxlint({ cwd: copy.directory, files, args: ['--fix-suggestions'] });
      fixed = await read();
    } finally {
      await copy.remove();
    }
  }, 120_000);

  it('applies the suggestions ESLint offers in modules', () => {
    const changedByEslint = files.filter((file) => suggested.get(file) !== original.get(file));
    expect(changedByEslint).toEqual(['public/rows-a.js', 'src/JobList.jsx']);
    for (const file of ['src/JobList.jsx']) {
      expect(fixed.get(file), file).toBe(suggested.get(file));
    }
    expect(fixed.get('src/JobList.jsx')).toContain("import { sharedEventSource } from 'sse-hub';");
  });

  it('offers no import in a file without import or export: oxlint parses it as a script (docs/oxlint.md)', () => {
    // ESLint's flat config parses every .js file as a module; the page loads this one as
    // `<script type="module">`. oxlint decides from the text, and an import cannot go into a script.
    expect(suggested.get('public/rows-a.js')).toMatch(/^import \{ sharedEventSource \} from 'sse-hub';\n/);
    expect(fixed.get('public/rows-a.js')).toBe(original.get('public/rows-a.js'));
    expect(files.filter((file) => fixed.get(file) !== suggested.get(file))).toEqual(['public/rows-a.js']);
  });
});

describe('type information under oxlint', () => {
  it('is not there: the cross-file finding of recommended-type-checked is not reported', async () => {
    const copy = await copyExample('sse-oxlint-typed-test-');
    try {
      await writeTypeAwareProject(copy.directory);
      // ESLint with the project's recommended-type-checked config sees the stream in the hook's file...
      const [typed] = await new ESLint({ cwd: copy.directory }).lintFiles([CROSS_FILE_COMPONENT]);
      expect(typed!.messages.map((message) => `${message.line}:${message.column} ${message.ruleId}`)).toEqual(['17:9 sse/no-eventsource-per-item']);
      // ...oxlint hands JS plugins no TypeScript program, so the rules read the file alone.
      await writeOxlintConfig(copy.directory, plugin.configs.recommended.rules ?? {});
      const { stdout } = await runOxlint({ cwd: copy.directory, files: [CROSS_FILE_COMPONENT] });
      expect(await oxlintFindings(stdout, copy.directory)).toEqual([]);
    } finally {
      await copy.remove();
    }
  }, 120_000);
});
