/**
 * Small TypeScript programs on disk for the direct tests of the type-aware modules: files
 * written to a scratch directory, a real `ts.Program` and checker over them, and the
 * `TypeInformation` the analyses take. No standard library, so that building one is quick (an
 * unresolved `EventSource` is the global one); `typescript` resolves to the same package here as
 * through the parser. And a walk over every node of a file converted to ESTree.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import ts from 'typescript';
import type { Callable } from '../../src/analysis/typed/declarations.js';
import { declarationName } from '../../src/analysis/typed/ts-syntax.js';
import type { TypeInformation } from '../../src/analysis/typed/type-information.js';
import { typescript } from '../../src/analysis/typed/typescript-module.js';

export interface ScratchDirectory {
  directory: string;
  /** Writes `text` to `file` (relative, folders made as needed) and returns its absolute name. */
  write(file: string, text: string): string;
  remove(): void;
}

export function scratchDirectory(prefix: string): ScratchDirectory {
  const directory = mkdtempSync(path.join(tmpdir(), prefix));
  return {
    directory,
    write(file, text) {
      const absolute = path.join(directory, file);
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, text);
      return absolute;
    },
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}

export interface Project {
  information: TypeInformation;
  program: ts.Program;
  /** The absolute name of one of the project's files. */
  file(name: string): string;
  /** The function or class called `name` in `file` (the first in source order). */
  declaration(file: string, name: string): Callable;
  /** The first node of `file` that `match` accepts. */
  find<T extends ts.Node>(file: string, match: (node: ts.Node) => node is T): T;
  /** The `index`-th node (in source order) of `file` of the given kind whose text is `text`. */
  findText<T extends ts.Node>(file: string, kind: ts.SyntaxKind, text: string, index?: number): T;
  /** Removes the scratch directory. */
  dispose(): void;
}

function isCallable(node: ts.Node): node is Callable {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

/** Every node of `file` that `match` accepts, in source order (a node's children after it). */
function nodesOf(source: ts.SourceFile, match: (node: ts.Node) => boolean): ts.Node[] {
  const found: ts.Node[] = [];
  const visit = (node: ts.Node): void => {
    if (match(node)) found.push(node);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** `files` maps paths (relative to the project's folder) to their text; `roots` are the ones compiled (default: all). */
export function project(files: Record<string, string>, roots: string[] = Object.keys(files)): Project {
  const scratch = scratchDirectory('typed-scratch-');
  for (const [name, text] of Object.entries(files)) scratch.write(name, text);
  const file = (name: string) => path.join(scratch.directory, name);
  const program = ts.createProgram(roots.map(file), {
    noLib: true,
    types: [],
    jsx: ts.JsxEmit.Preserve,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  // As typescript-eslint does for every file it parses with a program: building the checker
  // binds the files, which sets the parent pointers the analyses walk up.
  program.getTypeChecker();
  const sourceOf = (name: string): ts.SourceFile => {
    const source = program.getSourceFile(file(name));
    if (!source) throw new Error(`${name} is not in the program`);
    return source;
  };
  const find = <T extends ts.Node>(name: string, match: (node: ts.Node) => node is T): T => {
    const found = nodesOf(sourceOf(name), match)[0];
    if (!found) throw new Error(`nothing matched in ${name}`);
    return found as T;
  };
  return {
    information: {
      ts: typescript(),
      program,
      get checker() {
        return program.getTypeChecker();
      },
      tsNodeOf: () => undefined,
      cwd: scratch.directory,
    },
    program,
    file,
    find,
    findText<T extends ts.Node>(name: string, kind: ts.SyntaxKind, text: string, index = 0): T {
      const source = sourceOf(name);
      const node = nodesOf(source, (candidate) => candidate.kind === kind && candidate.getText(source) === text)[index];
      if (!node) throw new Error(`no ${ts.SyntaxKind[kind]} \`${text}\` #${index} in ${name}`);
      return node as T;
    },
    declaration: (name, wanted) =>
      find(name, (node): node is Callable => isCallable(node) && declarationName(typescript(), node) === wanted),
    dispose: scratch.remove,
  };
}

/** Every node of a file converted to ESTree, in source order. */
export function estreeNodesOf(sourceCode: Readonly<TSESLint.SourceCode>): TSESTree.Node[] {
  const found: TSESTree.Node[] = [];
  const visit = (node: TSESTree.Node): void => {
    found.push(node);
    for (const key of sourceCode.visitorKeys[node.type] ?? []) {
      const child = (node as unknown as Record<string, unknown>)[key];
      for (const item of Array.isArray(child) ? child : [child]) {
        if (item && typeof (item as TSESTree.Node).type === 'string') visit(item as TSESTree.Node);
      }
    }
  };
  visit(sourceCode.ast);
  return found;
}
