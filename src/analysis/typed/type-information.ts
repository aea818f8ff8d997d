/**
 * Whether a file is linted with type information, and the handles type-aware mode needs when
 * it is: typescript-eslint's `ts.Program` (from `parserOptions.projectService` or `project`),
 * its checker, and the map from the file's ESTree nodes to the TypeScript nodes they came from.
 * Without a program (espree, or typescript-eslint without a project) the rules stay syntactic.
 *
 * Asking for these handles is free: rules do it in `create()`, for every file. So is reading `checker`:
 * typescript-eslint has built it before any rule runs (its parser services call
 * `program.getTypeChecker()` for every file parsed with a program, and the project service's
 * language service builds it on every update), binding every file of the program, `lib.dom.d.ts`
 * included, in a typed lint without rules too (tests/analysis/typed-checker-built-by-parser.test.ts).
 * What costs is asking it: rules read `checker` only where a file has a candidate for type-aware
 * mode, so that a file without one asks it nothing. `program.getTypeChecker()` keeps its checker,
 * so it is one per program.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type TypeScript, typescript } from './typescript-module.js';

export interface TypeInformation {
  ts: TypeScript;
  program: ts.Program;
  /** Already built by typescript-eslint (see above); read it only where a file has a candidate. */
  readonly checker: ts.TypeChecker;
  /** The TypeScript node an ESTree node of the linted file was converted from. */
  tsNodeOf(node: TSESTree.Node): ts.Node | undefined;
  /** Where reports name files from: ESLint's working directory. */
  cwd: string;
}

const byFile = new WeakMap<object, TypeInformation | null>();

export function typeInformationOf(sourceCode: Readonly<TSESLint.SourceCode>, cwd: string): TypeInformation | null {
  let information = byFile.get(sourceCode);
  if (information === undefined) {
    const services = sourceCode.parserServices;
    const program = services?.program;
    const map = services?.esTreeNodeToTSNodeMap;
    information =
      program && map
        ? {
            ts: typescript(),
            program,
            get checker() {
              return program.getTypeChecker();
            },
            tsNodeOf: (node) => map.get(node as never) as ts.Node | undefined,
            cwd,
          }
        : null;
    byFile.set(sourceCode, information);
  }
  return information;
}

const symbolsByChecker = new WeakMap<ts.TypeChecker, WeakMap<ts.Node, ts.Symbol | null>>();

/**
 * `checker.getSymbolAtLocation(node)`, asked of TypeScript once per node and checker. The
 * checker does not keep its answer for a name in an expression (each call walks the scopes
 * again), and several analyses ask about the same callee: the summaries to follow it, the
 * stream test to see whether it is a library's export. Keyed by checker first, because the
 * project service reuses unchanged files' nodes in the next program, whose checker may answer
 * otherwise.
 */
export function symbolAt(checker: ts.TypeChecker, node: ts.Node): ts.Symbol | undefined {
  let symbols = symbolsByChecker.get(checker);
  if (!symbols) {
    symbols = new WeakMap();
    symbolsByChecker.set(checker, symbols);
  }
  let symbol = symbols.get(node);
  if (symbol === undefined) {
    symbol = checker.getSymbolAtLocation(node) ?? null;
    symbols.set(node, symbol);
  }
  return symbol ?? undefined;
}
