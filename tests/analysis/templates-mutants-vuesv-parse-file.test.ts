/**
 * Pins how `src/analysis/templates/parse-file.ts` loads a framework parser and parses another
 * file with it (issue 17), so that the mutants StrykerJS left alive there fail a test: the parser
 * is found from ESLint's working directory itself (not from its parent), and a parser given no
 * options of the user (vue-eslint-parser with its default script parser, espree) still parses a
 * module with the latest syntax, with ranges, locations, tokens, comments and a scope analysis.
 */
import { mkdirSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { parsedSourceCode, projectParser } from '../../src/analysis/templates/parse-file.js';
import { scratchFolder } from '../support/scratch-folders.js';

type Context = Readonly<TSESLint.RuleContext<string, readonly unknown[]>>;

/** A linted file from which no parser can be required. */
const elsewhere = path.join(path.parse(process.cwd()).root, 'sse-vuesv-nowhere', 'List.vue');

function context(cwd: string): Context {
  return { languageOptions: {}, physicalFilename: elsewhere, cwd } as unknown as Context;
}

describe('projectParser', () => {
  it('finds a parser installed in ESLint’s working directory itself, not only above it', () => {
    // A project folder whose own node_modules holds the parser (under a name no folder above has).
    const project = path.join(scratchFolder('vuesv-project'), 'app');
    mkdirSync(path.join(project, 'node_modules'), { recursive: true });
    const real = path.dirname(createRequire(import.meta.url).resolve('vue-eslint-parser/package.json'));
    symlinkSync(real, path.join(project, 'node_modules', 'sse-vuesv-parser'), 'dir');
    // kills parse-file.ts:69 'package.json' -> ""
    expect(typeof projectParser(context(project), 'sse-vuesv-parser')?.parseForESLint).toBe('function');
  });
});

describe('parsedSourceCode with no options of the user', () => {
  const parse = projectParser(context(process.cwd()), 'vue-eslint-parser')!;
  const component = "<script setup>\nimport feed from './feed.js';\n// one per row\nconst last = feed?.last ?? null;\n</script>\n<template><p>{{ last }}</p></template>\n";

  it('parses a component’s module script with the latest syntax, ranges and locations', () => {
    // kills parse-file.ts:85 'latest' -> "" (vue-eslint-parser's espree refuses an empty version)
    // kills parse-file.ts:86 'module' -> "" (and an empty source type)
    // kills parse-file.ts:89 true -> false (range) and parse-file.ts:90 true -> false (loc)
    const sourceCode = parsedSourceCode(parse, path.join(process.cwd(), 'Row.vue'), component)!;
    const [first, second] = sourceCode.ast.body as TSESTree.Node[];
    expect(sourceCode.ast.sourceType).toBe('module');
    expect(first!.type).toBe('ImportDeclaration');
    expect(first!.range).toEqual([15, 44]);
    expect(first!.loc.start).toEqual({ line: 2, column: 0 });
    expect(second!.type).toBe('VariableDeclaration');
  });

  const TOKENS = "<script> import feed from './feed.js' ; const last = feed ?. last ?? null ; </script>";

  it('keeps the tokens and the comments of the script', () => {
    const sourceCode = parsedSourceCode(parse, path.join(process.cwd(), 'Row.vue'), component)!;
    // kills parse-file.ts:91 true -> false (tokens)
    expect(sourceCode.ast.tokens?.map((token) => token.value).join(' ')).toBe(TOKENS);
    // kills parse-file.ts:92 true -> false (comment)
    expect(sourceCode.getAllComments().map((comment) => comment.value)).toEqual([' one per row']);
  });

  it('has a scope analysis, with the module scope holding the import', () => {
    // kills parse-file.ts:94 true -> false (vue-eslint-parser analyses no scope unless asked)
    const sourceCode = parsedSourceCode(parse, path.join(process.cwd(), 'Row.vue'), component);
    expect(sourceCode?.scopeManager?.scopes.map((scope) => scope.type)).toEqual(['global', 'module']);
    expect(sourceCode?.scopeManager?.scopes[1]!.variables.map((variable) => variable.name)).toEqual(['feed', 'last']);
  });
});
