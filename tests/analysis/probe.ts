/**
 * Runs analysis code on a real, linted tree: the shared modules need ESLint's SourceCode
 * (scope manager, parent links), which only a lint run builds. Both parsers users run.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { Linter } from 'eslint';
import * as espree from 'espree';

export type SourceCode = Readonly<TSESLint.SourceCode>;

export const parsers = [
  ['typescript-eslint', tsParser],
  ['espree', espree],
] as const;

/**
 * The file the probe lints: `file.jsx`, a module with JSX, unless a case needs a `.ts` file
 * without JSX (where `<T>x` is a type assertion) or a script (where `with` is allowed and the
 * file's own top-level declarations are globals).
 */
export interface ProbeFile {
  name?: string;
  sourceType?: 'module' | 'script';
  jsx?: boolean;
}

/** A TypeScript file without JSX, where `<T>x` is a type assertion and `accessor` fields parse. */
export const TS_FILE: ProbeFile = { name: 'file.ts', jsx: false };

/** The identifier `here`, which cases write where the code under test should look. */
export function isMarked(node: TSESTree.Node): node is TSESTree.Identifier {
  return node.type === 'Identifier' && node.name === 'here';
}

/** The rule context a probe rule is handed. */
export type ProbeContext = TSESLint.RuleContext<string, readonly unknown[]>;

/** Where and how a probe lint reads its file. */
export interface ProbeLint {
  filename: string;
  files: string[];
  languageOptions: Linter.LanguageOptions;
  /** ESLint's working directory (the process's own by default). */
  cwd?: string;
}

/**
 * Lints `code` with one rule, the probe, whose listeners `create` returns, and throws the
 * parser's message when the file does not parse (a case that parses nothing proves nothing).
 */
export function lintWithProbeRule(code: string, lint: ProbeLint, create: (context: ProbeContext) => TSESLint.RuleListener): void {
  const probe = { create };
  const messages = new Linter({ configType: 'flat', ...(lint.cwd ? { cwd: lint.cwd } : {}) }).verify(
    code,
    {
      files: lint.files,
      languageOptions: lint.languageOptions,
      plugins: { probe: { rules: { probe: probe as never } } },
      rules: { 'probe/probe': 'error' },
    },
    { filename: lint.filename },
  );
  const fatal = messages.find((message) => message.fatal);
  if (fatal) throw new Error(fatal.message);
}

/** Lints `code` with a probe rule and returns what `inspect` computes from the finished tree. */
export function analyse<T>(parser: unknown, code: string, inspect: (sourceCode: SourceCode) => T, file: ProbeFile = {}): T {
  const { name = 'file.jsx', sourceType = 'module', jsx = true } = file;
  let result: { value: T } | null = null;
  lintWithProbeRule(
    code,
    {
      filename: name,
      files: [`**/${name}`],
      languageOptions: {
        parser: parser as Linter.Parser,
        sourceType,
        parserOptions: { ecmaVersion: 'latest', sourceType, ecmaFeatures: { jsx } },
      },
    },
    (context) => ({
      'Program:exit'() {
        result = { value: inspect(context.sourceCode) };
      },
    }),
  );
  if (!result) throw new Error('the probe did not run');
  return (result as { value: T }).value;
}

function children(node: TSESTree.Node): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  for (const [key, value] of Object.entries(node)) {
    if (key === 'parent') continue;
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') {
        found.push(item as TSESTree.Node);
      }
    }
  }
  return found;
}

/** `new EventSource(…)` called by that name: the opening most probes look for with `find`. */
export const isNewEventSource = (node: TSESTree.Node): node is TSESTree.NewExpression =>
  node.type === 'NewExpression' && node.callee.type === 'Identifier' && node.callee.name === 'EventSource';

/** The first node, in source order, that `predicate` accepts. */
export function find<N extends TSESTree.Node>(root: TSESTree.Node, predicate: (node: TSESTree.Node) => node is N): N;
export function find(root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): TSESTree.Node;
export function find(root: TSESTree.Node, predicate: (node: TSESTree.Node) => boolean): TSESTree.Node {
  const matches: TSESTree.Node[] = [];
  const stack = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (predicate(node)) matches.push(node);
    stack.push(...children(node));
  }
  matches.sort((a, b) => a.range[0] - b.range[0]);
  if (!matches[0]) throw new Error('no such node');
  return matches[0];
}
