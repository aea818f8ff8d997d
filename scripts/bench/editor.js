/**
 * The plugin in an editor: VS Code's ESLint language server (`vscode-eslint-language-server`)
 * on the live-dashboard example, driven over LSP as in `tests/integrations/language-server.test.ts`.
 *
 * - cold: from spawning the server to the first diagnostics of the first file opened (the
 *   server loads ESLint, the config and the plugin, and with type information builds the
 *   TypeScript program); a fresh process per run;
 * - warm: from an unsaved edit of that file (`didChange`) to its diagnostics, `changes` times
 *   per run in the same process, as when typing.
 *
 * Twice: `recommended` on a React component, and `recommended-type-checked` on the TypeScript
 * file whose finding needs another file. Median and range over every sample; a run whose
 * diagnostics differ from the first is a failed benchmark.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { startEslintLanguageServer } from '../integrations/eslint-language-server.js';
import {
  CROSS_FILE_COMPONENT,
  copyExample,
  loadBuiltPlugin,
  rulesWithSharedHelper,
  writeRecommendedConfig,
  writeTypeAwareProject,
} from '../integrations/example-workspace.js';
import { spread } from './statistics.js';

const sseCodes = (diagnostics) =>
  diagnostics
    .filter((diagnostic) => String(diagnostic.code).startsWith('sse/'))
    .map((diagnostic) => `${diagnostic.range.start.line + 1}:${diagnostic.range.start.character + 1} ${diagnostic.code}`)
    .join(', ');

/**
 * What else the server said, for a run whose findings were not the expected ones: its other
 * diagnostics (a parse or configuration error shows there) and its last log lines. One run in
 * a busy machine's bench gave no diagnostics at all, and nothing told why.
 */
function whyDifferent(diagnostics, server) {
  const others = diagnostics.filter((diagnostic) => !String(diagnostic.code).startsWith('sse/')).map((diagnostic) => diagnostic.message);
  const log = server.log.slice(-3);
  return [others.length > 0 ? `other diagnostics: ${others.join(' | ')}` : '', log.length > 0 ? `server log: ${log.join(' | ')}` : '']
    .filter(Boolean)
    .map((part) => ` (${part})`)
    .join('');
}

async function measureConfig({ name, file, configure }, { runs, changes }, plugin) {
  const project = await copyExample(`sse-bench-editor-${name}-`);
  try {
    await configure(project.directory, plugin);
    const text = await readFile(path.join(project.directory, file), 'utf8');
    const coldMs = [];
    const warmMs = [];
    const problems = [];
    let expected = null;
    for (let run = 0; run < runs; run++) {
      const started = performance.now();
      const server = await startEslintLanguageServer(project.directory);
      try {
        const uri = await server.open(file);
        const coldDiagnostics = await server.diagnostics(uri);
        const first = sseCodes(coldDiagnostics);
        coldMs.push(performance.now() - started);
        expected ??= first;
        if (first !== expected || first === '') {
          problems.push(`${name}, run ${run + 1}: cold diagnostics "${first}", expected "${expected}"${whyDifferent(coldDiagnostics, server)}`);
        }
        for (let change = 0; change < changes; change++) {
          // A comment at the end: the findings stay where they are.
          const edited = `${text}\n// edit ${run}.${change}\n`;
          const changed = performance.now();
          await server.change(uri, edited);
          const warmDiagnostics = await server.diagnostics(uri);
          const after = sseCodes(warmDiagnostics);
          warmMs.push(performance.now() - changed);
          if (after !== expected) {
            problems.push(`${name}, run ${run + 1}, change ${change + 1}: diagnostics "${after}", expected "${expected}"${whyDifferent(warmDiagnostics, server)}`);
          }
        }
      } finally {
        await server.stop();
      }
    }
    return { config: { name, file, diagnostics: expected, coldMs: spread(coldMs), warmMs: spread(warmMs) }, problems };
  } finally {
    await project.remove();
  }
}

export async function measureEditor({ runs = 5, changes = 5 } = {}) {
  const plugin = await loadBuiltPlugin();
  const configs = [];
  const problems = [];
  for (const setup of [
    { name: 'recommended', file: 'src/JobList.jsx', configure: (directory) => writeRecommendedConfig(directory, rulesWithSharedHelper(plugin)) },
    { name: 'recommended-type-checked', file: CROSS_FILE_COMPONENT, configure: writeTypeAwareProject },
  ]) {
    const measured = await measureConfig(setup, { runs, changes }, plugin);
    configs.push(measured.config);
    problems.push(...measured.problems);
  }
  return { runs, changes, configs, problems };
}

export function formatEditor(result) {
  const lines = [`vscode-eslint-language-server, spawn to first diagnostics (cold, ${result.runs} runs) and an edit to diagnostics (warm, ${result.runs} × ${result.changes}), median [min–max]:`];
  for (const config of result.configs) {
    const { coldMs: cold, warmMs: warm } = config;
    lines.push(
      `  ${config.name} on ${config.file}: cold ${cold.median.toFixed(0)} ms [${cold.min.toFixed(0)}–${cold.max.toFixed(0)}], warm ${warm.median.toFixed(0)} ms [${warm.min.toFixed(0)}–${warm.max.toFixed(0)}]  (${config.diagnostics})`,
    );
  }
  if (result.problems.length > 0) lines.push(...result.problems.map((p) => `  PROBLEM: ${p}`));
  return lines;
}
