/**
 * Parsing a file the linter was not asked to lint (a component or composable that the linted
 * template imports), with the parser the user configured for the linted file: vue-eslint-parser
 * or svelte-eslint-parser hand their script parser on, and parse `.ts`/`.js` files too. The
 * plugin never imports a framework parser itself; without one the file is skipped.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { setParents } from '../set-parents.js';

interface ParseResult {
  ast: TSESTree.Program;
  services?: unknown;
  scopeManager?: unknown;
  visitorKeys?: Record<string, readonly string[] | undefined>;
}

export interface ParseFile {
  parseForESLint: (text: string, options: Record<string, unknown>) => ParseResult;
  options: Record<string, unknown>;
}

type SourceCodeClass = new (config: {
  text: string;
  ast: TSESTree.Program;
  parserServices: unknown;
  scopeManager: unknown;
  visitorKeys: unknown;
}) => TSESLint.SourceCode;

let SourceCode: SourceCodeClass | undefined;

/** Options that would make typescript-eslint build a program for the file: one file needs no types. */
const TYPED_OPTIONS = ['project', 'projectService', 'programs', 'EXPERIMENTAL_useProjectService'];

function withoutTypes(options: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...options };
  for (const key of TYPED_OPTIONS) delete copy[key];
  return copy;
}

/**
 * The parser of the linted file when it can parse other files (it has `parseForESLint`), or
 * the framework's parser (`moduleName`) loaded from the user's project; null when neither is there.
 */
export function userParser(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  moduleName: string,
): ParseFile | null {
  const languageOptions = context.languageOptions as { parser?: unknown; parserOptions?: Record<string, unknown> };
  const options = withoutTypes(languageOptions.parserOptions ?? {});
  const configured = languageOptions.parser as Partial<ParseFile> | undefined;
  if (typeof configured?.parseForESLint === 'function') return { parseForESLint: configured.parseForESLint.bind(configured), options };
  return projectParser(context, moduleName, options);
}

/**
 * The parser `moduleName` loaded from the user's project (found from the linted file, then from
 * ESLint's working directory), whatever parses the linted file (an Angular template's
 * components are TypeScript): its `parseForESLint`, or that of its `parser` export
 * (`typescript-eslint` re-exports its parser so); null when the project has neither.
 */
export function projectParser(
  context: Readonly<TSESLint.RuleContext<string, readonly unknown[]>>,
  moduleName: string,
  options: Record<string, unknown> = {},
): ParseFile | null {
  for (const from of [context.physicalFilename, path.join(context.cwd, 'package.json')]) {
    try {
      const loaded = createRequire(from)(moduleName) as Partial<ParseFile> & { parser?: Partial<ParseFile> };
      const parser = typeof loaded.parseForESLint === 'function' ? loaded : loaded.parser;
      if (typeof parser?.parseForESLint === 'function') return { parseForESLint: parser.parseForESLint.bind(parser), options };
    } catch {
      // Not installed where this one looks.
    }
  }
  return null;
}


/** `text` of `file` parsed and scope-analysed; throws what the parser throws. */
export function parsedSourceCode(parse: ParseFile, file: string, text: string): TSESLint.SourceCode | null {
  const result = parse.parseForESLint(text, {
    ecmaVersion: 'latest',
    sourceType: 'module',
    ...parse.options,
    filePath: file,
    range: true,
    loc: true,
    tokens: true,
    comment: true,
    // vue-eslint-parser leaves scope analysis to ESLint unless asked, as for espree scripts.
    eslintScopeManager: true,
  });
  if (!result.scopeManager) return null;
  SourceCode ??= (createRequire(import.meta.url)('eslint') as { SourceCode: SourceCodeClass }).SourceCode;
  const sourceCode = new SourceCode({
    text,
    ast: result.ast,
    parserServices: result.services ?? {},
    scopeManager: result.scopeManager,
    // Without keys of the parser's own, ESLint's SourceCode takes the standard ones.
    visitorKeys: result.visitorKeys,
  });
  setParents(result.ast, sourceCode.visitorKeys as Record<string, readonly string[] | undefined>);
  return sourceCode;
}
