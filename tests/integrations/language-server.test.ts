/**
 * The plugin in an editor: VS Code's ESLint language server (`vscode-eslint-language-server`
 * from npm `vscode-langservers-extracted`), driven over LSP on a copy of the live-dashboard
 * example whose `eslint.config.mjs` imports the plugin as users do. We open files, pull their
 * diagnostics and ask for code actions, and check what an editor would show: each `sse/`
 * finding at its range with ESLint's message, a link to the rule's doc, and each suggestion as
 * a quick fix whose edit is the suggestion's. Then the same with `recommended-type-checked`
 * on a small TypeScript project, where a finding needs another file. Needs `npm run build`.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { ESLint } from 'eslint';
import tsParser from '@typescript-eslint/parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SsePlugin } from '../../src/index.js';
import {
  CROSS_FILE_COMPONENT,
  copyExample,
  lintedFiles,
  loadBuiltPlugin,
  rulesWithSharedHelper,
  writeRecommendedConfig,
  writeTypeAwareProject,
} from '../../scripts/integrations/example-workspace.js';
import { applyTextEdits, startEslintLanguageServer } from '../../scripts/integrations/eslint-language-server.js';

/** The LSP shapes this test reads. */
interface Position {
  line: number;
  character: number;
}
interface Diagnostic {
  message: string;
  severity: number;
  source: string;
  range: { start: Position; end: Position };
  code: string;
  codeDescription?: { href: string };
}
interface TextEdit {
  range: { start: Position; end: Position };
  newText: string;
}
interface CodeAction {
  title: string;
  kind: string;
  command: { command: string; arguments: unknown[] };
  diagnostics?: Diagnostic[];
}
interface WorkspaceEdit {
  documentChanges: { textDocument: { uri: string }; edits: TextEdit[] }[];
}
type Server = Awaited<ReturnType<typeof startEslintLanguageServer>>;

const SERVER_BOUND_MS = 120_000;
const docUrl = (rule: string) => `https://github.com/eslint-plugin-sse/eslint-plugin-sse/blob/main/docs/rules/${rule}.md`;

/** `file line:column-line:column code`, 1-based as an editor shows positions (LSP counts from 0). */
const located = (file: string, { range, code }: Diagnostic) =>
  `${file} ${range.start.line + 1}:${range.start.character + 1}-${range.end.line + 1}:${range.end.character + 1} ${code}`;

/** ESLint's own message at a diagnostic's start: the editor must show the same text. */
function eslintMessageAt(results: ESLint.LintResult[], directory: string, file: string, diagnostic: Diagnostic) {
  const result = results.find((entry) => entry.filePath === path.join(directory, file));
  return result?.messages.find(
    (message) => message.ruleId === diagnostic.code && message.line === diagnostic.range.start.line + 1 && message.column === diagnostic.range.start.character + 1,
  );
}

let plugin: SsePlugin;
beforeAll(async () => {
  plugin = await loadBuiltPlugin();
});

/** A copy of the example with a config, and a server started on it; both gone after the suite. */
function exampleWithServer(prefix: string, configure: (directory: string) => Promise<void>) {
  const state = {} as { directory: string; server: Server; remove: () => Promise<void> };
  beforeAll(async () => {
    const copy = await copyExample(prefix);
    Object.assign(state, copy);
    await configure(copy.directory);
    state.server = await startEslintLanguageServer(copy.directory);
  }, SERVER_BOUND_MS);
  afterAll(async () => {
    await state.server?.stop();
    await state.remove?.();
  });
  return state;
}

describe('recommended, with sharedHelper, in vscode-eslint-language-server', () => {
  const example = exampleWithServer('sse-language-server-test-', (directory) => writeRecommendedConfig(directory, rulesWithSharedHelper(plugin)));
  /** Per opened file: its URI, text and the `sse/` diagnostics the server pulled. */
  const opened = new Map<string, { uri: string; text: string; diagnostics: Diagnostic[] }>();
  let eslintResults: ESLint.LintResult[];

  beforeAll(async () => {
    const files = await lintedFiles(example.directory);
    for (const file of files) {
      const uri = await example.server.open(file);
      const diagnostics = (await example.server.diagnostics(uri)) as Diagnostic[];
      const text = await readFile(path.join(example.directory, file), 'utf8');
      opened.set(file, { uri, text, diagnostics: diagnostics.filter((diagnostic) => String(diagnostic.code).startsWith('sse/')) });
    }
    // The same config file, through ESLint's API: what the editor must match.
    eslintResults = await new ESLint({ cwd: example.directory }).lintFiles(files);
  }, SERVER_BOUND_MS);

  const all = () => [...opened].flatMap(([file, { diagnostics }]) => diagnostics.map((diagnostic) => ({ file, diagnostic })));

  it("shows the example's 6 findings at their ranges", () => {
    // On failure, the server's log says why (no ESLint found, a config that did not load).
    expect(all().map(({ file, diagnostic }) => located(file, diagnostic)), example.server.log.join('\n')).toEqual([
      'public/rows-a.js 11:18-11:64 sse/no-eventsource-in-loop',
      'src/JobList.jsx 9:20-9:61 sse/no-eventsource-per-item',
      'src/JobList.jsx 25:9-25:42 sse/no-eventsource-per-item',
      'src/feed-route.js 4:18-4:34 sse/no-unbounded-reconnect',
      'src/notifications.ts 11:22-11:52 sse/no-unbounded-reconnect',
      'src/notifications.ts 17:10-19:5 sse/no-unbounded-reconnect',
    ]);
  });

  it("shows ESLint's messages, as errors from eslint", () => {
    for (const { file, diagnostic } of all()) {
      expect(diagnostic.message, located(file, diagnostic)).toBe(eslintMessageAt(eslintResults, example.directory, file, diagnostic)?.message);
      expect(diagnostic).toMatchObject({ severity: 1, source: 'eslint' });
    }
    // Nothing else reported: no other rule is on, and every file parsed.
    expect(eslintResults.flatMap((result) => result.messages).filter((message) => !message.ruleId?.startsWith('sse/'))).toEqual([]);
  });

  it("links each finding to its rule's doc", () => {
    for (const { diagnostic } of all()) {
      expect(diagnostic.codeDescription?.href).toBe(docUrl(diagnostic.code.replace('sse/', '')));
    }
  });

  it("offers each of the 2 suggestions as a quick fix whose edit is the suggestion's", async () => {
    let offered = 0;
    for (const { file, diagnostic } of all()) {
      const { uri, text } = opened.get(file)!;
      const actions = (await example.server.codeActions(uri, diagnostic)) as CodeAction[];
      const suggestions = eslintMessageAt(eslintResults, example.directory, file, diagnostic)?.suggestions ?? [];
      const quickFixes = actions.filter((action) => action.command.command === 'eslint.applySuggestion');
      expect(quickFixes.map((action) => action.title), located(file, diagnostic)).toEqual(
        suggestions.map((suggestion) => `${suggestion.desc} (${diagnostic.code})`),
      );
      for (const [index, action] of quickFixes.entries()) {
        expect(action.kind).toBe('quickfix');
        expect(action.diagnostics).toEqual([diagnostic]);
        const before = example.server.appliedEdits.length;
        await example.server.executeCommand(action.command);
        const edits = example.server.appliedEdits.slice(before) as WorkspaceEdit[];
        expect(edits).toHaveLength(1);
        expect(edits[0]!.documentChanges.map((change) => change.textDocument.uri)).toEqual([uri]);
        const { range, text: replacement } = suggestions[index]!.fix;
        expect(applyTextEdits(text, edits[0]!.documentChanges[0]!.edits), located(file, diagnostic)).toBe(
          text.slice(0, range[0]) + replacement + text.slice(range[1]),
        );
        offered++;
      }
      // Every finding also offers its rule's documentation.
      expect(actions.map((action) => action.title)).toContain(`Show documentation for ${diagnostic.code}`);
    }
    expect(offered).toBe(2);
  });

  it("moves JobRow's stream onto the shared helper through its quick fix", async () => {
    const { uri, text, diagnostics } = opened.get('src/JobList.jsx')!;
    const actions = (await example.server.codeActions(uri, diagnostics[0]!)) as CodeAction[];
    const quickFix = actions.find((action) => action.command.command === 'eslint.applySuggestion')!;
    expect(quickFix.title).toBe('Use the shared `sharedEventSource()` from `sse-hub` instead. (sse/no-eventsource-per-item)');
    await example.server.executeCommand(quickFix.command);
    const edit = example.server.appliedEdits.at(-1) as WorkspaceEdit;
    const after = applyTextEdits(text, edit.documentChanges[0]!.edits);
    expect(after).toContain("import { useEffect, useState } from 'react';\nimport { sharedEventSource } from 'sse-hub';\n");
    expect(after).toContain('const events = sharedEventSource(`/jobs/${job.id}/events`);');
    expect(after).not.toContain('new EventSource');
  });
});

describe('recommended-type-checked on a TypeScript project, in vscode-eslint-language-server', () => {
  const project = exampleWithServer('sse-language-server-typed-test-', writeTypeAwareProject);
  let diagnostics: Diagnostic[];
  let hookDiagnostics: Diagnostic[];

  beforeAll(async () => {
    diagnostics = (await project.server.diagnostics(await project.server.open(CROSS_FILE_COMPONENT))) as Diagnostic[];
    hookDiagnostics = (await project.server.diagnostics(await project.server.open('src/useDeviceStatus.ts'))) as Diagnostic[];
  }, SERVER_BOUND_MS);

  it('shows the finding that needs the hook’s file: each row of the list opens a stream', async () => {
    expect(diagnostics.map((diagnostic) => located(CROSS_FILE_COMPONENT, diagnostic)), project.server.log.join('\n')).toEqual([
      'src/DeviceList.tsx 17:9-17:39 sse/no-eventsource-per-item',
    ]);
    const [finding] = diagnostics;
    expect(finding!.message).toMatch(/^`<DeviceRow>` \(.*DeviceList\.tsx\) opens `EventSource` \(.*useDeviceStatus\.ts:7\) through `useDeviceStatus`/);
    expect(finding!.codeDescription?.href).toBe(docUrl('no-eventsource-per-item'));
    const typed = await new ESLint({ cwd: project.directory }).lintFiles([CROSS_FILE_COMPONENT]);
    expect(finding!.message).toBe(eslintMessageAt(typed, project.directory, CROSS_FILE_COMPONENT, finding!)?.message);
  });

  it('needs type information for it: the same file alone shows nothing', async () => {
    const untyped = new ESLint({
      cwd: project.directory,
      overrideConfigFile: true,
      overrideConfig: [{ files: ['**/*.tsx'], languageOptions: { parser: tsParser } }, plugin.configs.recommended],
    });
    const [result] = await untyped.lintFiles([CROSS_FILE_COMPONENT]);
    expect(result!.messages).toEqual([]);
  });

  // The repetition is at the render site above; the hook's own file calls it nowhere, and typed
  // mode does not follow hook callers across files yet (a TODO of no-eventsource-per-item).
  it("shows no finding in the hook's own file, which has no caller of it", () => {
    expect(hookDiagnostics.map((diagnostic) => located('src/useDeviceStatus.ts', diagnostic))).toEqual([]);
  });
});
