/**
 * A user's project for the README's framework configs: its own `eslint.config.js`, its files,
 * and this repository's `node_modules` (a symlink), where `eslint-plugin-sse` is the built
 * package, linted with ESLint's Node API as the user's editor or CI would.
 */
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';

const repository = fileURLToPath(new URL('../../..', import.meta.url));

export interface Finding {
  file: string;
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
}

export interface LintedProject {
  results: ESLint.LintResult[];
  /** The plugin's findings and any fatal parse error, by file name. */
  findings: Finding[];
}

/** Writes the project (config and `src/` files) in a fresh temporary folder, lints `src`, and removes the folder. */
export async function lintConfigProject(prefix: string, config: string, sources: Record<string, string>): Promise<LintedProject> {
  if (!existsSync(path.join(repository, 'dist/src/index.js'))) throw new Error('dist/src/index.js is missing: run `npm run build` first.');
  const project = mkdtempSync(path.join(tmpdir(), prefix));
  try {
    symlinkSync(path.join(repository, 'node_modules'), path.join(project, 'node_modules'), 'dir');
    writeFileSync(path.join(project, 'eslint.config.js'), config);
    writeFileSync(path.join(project, 'package.json'), '{ "type": "module" }\n');
    mkdirSync(path.join(project, 'src'));
    for (const [name, text] of Object.entries(sources)) writeFileSync(path.join(project, 'src', name), text);
    const results = await new ESLint({ cwd: project }).lintFiles(['src']);
    const findings = results
      .flatMap((result) => result.messages.map((message) => ({ file: path.basename(result.filePath), ...message })))
      .filter((message) => message.ruleId?.startsWith('sse/') || message.fatal)
      .map(({ file, ruleId, messageId, line, column }) => ({ file, ruleId, messageId, line, column }));
    return { results, findings };
  } finally {
    rmSync(project, { recursive: true, force: true });
  }
}
