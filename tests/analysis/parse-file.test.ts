/** Parsing a file the linter was not asked to lint, with the user's parser. */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parsedSourceCode, projectParser, userParser } from '../../src/analysis/templates/parse-file.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

const cwd = process.cwd();
/** A linted file from which no parser can be required: only ESLint's working directory has them. */
const elsewhere = path.join(path.parse(cwd).root, 'sse-parse-file-nowhere', 'Component.vue');

function context(languageOptions: Record<string, unknown> = {}, physicalFilename = elsewhere): Context {
  return { languageOptions, physicalFilename, cwd } as unknown as Context;
}

describe('userParser', () => {
  it('loads the framework parser when the configured one has no parseForESLint, without typed options', () => {
    const found = userParser(context({ parser: { parse() {} }, parserOptions: { project: true, ecmaVersion: 2022 } }), 'vue-eslint-parser');
    expect(typeof found?.parseForESLint).toBe('function');
    expect(found?.options).toEqual({ ecmaVersion: 2022 });
    expect(typeof userParser(context({}), 'vue-eslint-parser')?.parseForESLint).toBe('function');
  });
});

describe('projectParser', () => {
  it('finds the parser from ESLint’s working directory, or through a `parser` export', () => {
    expect(typeof projectParser(context(), 'vue-eslint-parser')?.parseForESLint).toBe('function');
    expect(typeof projectParser(context(), 'typescript-eslint')?.parseForESLint).toBe('function');
    expect(projectParser(context(), 'no-such-parser-for-sse')).toBeNull();
  });
});

describe('parsedSourceCode', () => {
  it('parses a module with the latest syntax, with ranges, locations, tokens and comments', () => {
    const parse = projectParser(context(), '@typescript-eslint/parser')!;
    const sourceCode = parsedSourceCode(parse, path.join(cwd, 'feed.js'), "import { open } from './open.js';\n// opens it\nexport const feed = open?.() ?? null;\n")!;
    const [first] = sourceCode.ast.body as TSESTree.Node[];
    expect(first!.type).toBe('ImportDeclaration');
    expect(first!.range).toEqual([0, 33]);
    expect(first!.loc.end).toEqual({ line: 1, column: 33 });
    expect(sourceCode.getAllComments().map((comment) => comment.value)).toEqual([' opens it']);
    expect(sourceCode.ast.tokens?.length).toBeGreaterThan(10);
    expect(sourceCode.scopeManager?.globalScope).toBeTruthy();
  });

  it('gives null when the parser does no scope analysis', () => {
    const parse = { parseForESLint: () => ({ ast: { type: 'Program', body: [], range: [0, 0] } as unknown as TSESTree.Program }), options: {} };
    expect(parsedSourceCode(parse, 'x.js', '')).toBeNull();
  });
});
