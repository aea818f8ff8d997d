/**
 * Any file of a typed lint's `ts.Program` as an ESLint `SourceCode`, so that the analyses the
 * rules run on the linted file (which streams open, who keeps them, which URL) run unchanged on
 * the other files of the program: one detector, not an ESTree one and a TypeScript twin.
 *
 * The file is converted by typescript-eslint's parser from the program's own syntax tree
 * (`programs: [program]`: nothing is parsed again, and the parser services map its nodes into
 * that program, so imports can be followed through the checker), and scope-analysed. Each file
 * is converted at most once per program, and only when asked for; the parser and ESLint's
 * `SourceCode` are loaded on first use, as the TypeScript compiler is (`typescript-module.ts`).
 */
import { createRequire } from 'node:module';
import type { parseForESLint as ParseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { setParents } from '../set-parents.js';

type SourceCodeClass = new (config: {
  text: string;
  ast: TSESTree.Program;
  parserServices: unknown;
  scopeManager: unknown;
  visitorKeys: unknown;
}) => TSESLint.SourceCode;

interface Loaded {
  parseForESLint: typeof ParseForESLint;
  SourceCode: SourceCodeClass;
}

let loaded: Loaded | undefined;

function load(): Loaded {
  const require = createRequire(import.meta.url);
  const parser = require('@typescript-eslint/parser') as { parseForESLint: typeof ParseForESLint };
  const eslint = require('eslint') as { SourceCode: SourceCodeClass };
  return { parseForESLint: parser.parseForESLint, SourceCode: eslint.SourceCode };
}

function convert(program: ts.Program, file: ts.SourceFile): TSESLint.SourceCode | null {
  loaded ??= load();
  try {
    const result = loaded.parseForESLint(file.text, {
      programs: [program],
      filePath: file.fileName,
      sourceType: 'module',
      ecmaVersion: 'latest',
      range: true,
      loc: true,
      // The analyses read the tree and its scopes, never another file's tokens or comments:
      // they are not converted, and the `SourceCode` gets empty lists.
      tokens: false,
      comment: false,
      // No library globals in the scope analysis: declaring the thousands of names of
      // `lib.dom.d.ts` was a third of what converting a file cost. The detectors already find
      // `EventSource`, `window` and the like as references to undeclared globals, as under espree.
      lib: [],
    });
    result.ast.tokens = [];
    result.ast.comments = [];
    const visitorKeys = result.visitorKeys as Record<string, readonly string[] | undefined>;
    setParents(result.ast, visitorKeys);
    return new loaded.SourceCode({
      text: file.text,
      ast: result.ast,
      parserServices: result.services,
      scopeManager: result.scopeManager,
      visitorKeys,
    });
  } catch {
    // A file the converter refuses (invalid syntax ESTree cannot hold) is left out, not a crash.
    return null;
  }
}

const byProgram = new WeakMap<ts.Program, Map<ts.SourceFile, TSESLint.SourceCode | null>>();

/** The `SourceCode` of a file of `program`, converted on first use and kept as long as the program. */
export function programSourceCode(program: ts.Program, file: ts.SourceFile): TSESLint.SourceCode | null {
  let files = byProgram.get(program);
  if (!files) {
    files = new Map();
    byProgram.set(program, files);
  }
  let sourceCode = files.get(file);
  if (sourceCode === undefined) {
    sourceCode = convert(program, file);
    files.set(file, sourceCode);
  }
  return sourceCode;
}
