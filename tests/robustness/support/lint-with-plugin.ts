/**
 * Lints code the way a user's project does: ESLint's `Linter` with a flat config that loads
 * the plugin and turns on every rule, espree for `.js`/`.jsx` and typescript-eslint for
 * `.ts`/`.tsx`. With `rules: 'none'` the same config runs without any rule: the baseline that
 * shows what ESLint and the parser do on their own with an input.
 */
import tsParser from '@typescript-eslint/parser';
import { type ESLint, Linter } from 'eslint';
import * as espree from 'espree';

export const ALL_RULES = {
  'sse/no-duplicate-stream': 'error',
  'sse/no-eventsource-in-loop': 'error',
  'sse/no-eventsource-per-item': 'error',
  'sse/no-unbounded-reconnect': 'error',
  'sse/require-eventsource-close': 'error',
} as const satisfies Linter.RulesRecord;

export interface LintSettings {
  /** Picks the parser: typescript-eslint for `.ts`/`.tsx`, espree otherwise. */
  filename: string;
  /** `script` for sloppy-mode code (`with`, HTML comments); espree only. */
  sourceType?: 'module' | 'script';
  /** `none` for the baseline run. */
  rules?: 'all' | 'none';
  /** Rule entries to use instead of `rules`, e.g. one rule with options. */
  ruleEntries?: Linter.RulesRecord;
}

/** The flat config for `settings`, with `plugin` registered under its namespace `sse`. */
export function flatConfig(plugin: unknown, settings: LintSettings): Linter.Config {
  const typescript = /\.tsx?$/.test(settings.filename);
  return {
    // Must match the filename passed to `verify`, or ESLint lints nothing.
    files: ['**/*.{js,jsx,cjs,mjs,ts,tsx}'],
    plugins: { sse: plugin as ESLint.Plugin },
    languageOptions: typescript
      ? // typescript-eslint decides JSX by the extension: on for .tsx, off for .ts.
        { parser: tsParser }
      : {
          parser: espree,
          parserOptions: { ecmaVersion: 'latest', sourceType: settings.sourceType ?? 'module', ecmaFeatures: { jsx: true } },
        },
    rules: settings.ruleEntries ?? (settings.rules === 'none' ? {} : ALL_RULES),
  };
}

export function lintWith(plugin: unknown, code: string, settings: LintSettings): Linter.LintMessage[] {
  return new Linter({ configType: 'flat' }).verify(code, flatConfig(plugin, settings), { filename: settings.filename });
}

/** What a test compares: who reported what, and where. */
export interface Finding {
  ruleId: string | null;
  messageId: string | undefined;
  line: number;
  column: number;
}

export function findings(messages: readonly Linter.LintMessage[]): Finding[] {
  return messages.map(({ ruleId, messageId, line, column }) => ({ ruleId, messageId, line, column }));
}

/** A lint run that the parser or ESLint itself aborted with an exception, as it ended. */
export type Outcome = { messages: Finding[]; fatal: string[] } | { thrown: string };

/**
 * Runs a lint and records how it ended, so that a run with the rules can be compared with
 * the baseline even when ESLint itself throws (a stack overflow in its own traversal).
 */
export function outcomeOf(run: () => readonly Linter.LintMessage[]): Outcome {
  try {
    const messages = run();
    return {
      messages: findings(messages.filter((message) => !message.fatal)),
      fatal: messages.filter((message) => message.fatal).map((message) => message.message),
    };
  } catch (error) {
    return { thrown: `${(error as Error).name}: ${(error as Error).message.split('\n')[0]}` };
  }
}
