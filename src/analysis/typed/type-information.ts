/**
 * Whether a file is linted with type information, and the handles type-aware mode needs when
 * it is: typescript-eslint's `ts.Program` (from `parserOptions.projectService` or `project`),
 * its checker, and the map from the file's ESTree nodes to the TypeScript nodes they came from.
 * Without a program (espree, or typescript-eslint without a project) the rules stay syntactic.
 *
 * Asking for these handles is free: rules do it in `create()`, for every file. The checker is
 * built on first read of `checker` (binding every file of the program, `lib.dom.d.ts` included,
 * costs more than the rest of a typed lint of a few hundred files), so that a lint in which no
 * file has a candidate for type-aware mode never builds it, and one that has builds it once, at
 * the first candidate. `program.getTypeChecker()` keeps its checker, so it is one per program.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import { type TypeScript, typescript } from './typescript-module.js';

export interface TypeInformation {
  ts: TypeScript;
  program: ts.Program;
  /** Built on first read (see above): read it only where a file has a candidate. */
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
