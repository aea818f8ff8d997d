/**
 * A small TypeScript program on disk for the direct tests of the type-aware summaries,
 * providers and execution walk: files written to a scratch directory, a real `ts.Program`
 * and checker over them (no lib, so that building it is quick; an unresolved `EventSource`
 * is the global one), and the `TypeInformation` the analyses take. `typescript` resolves to
 * the same package here as through the parser, as in the other direct tests of typed modules.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { Callable } from '../../src/analysis/typed/declarations.js';
import { declarationName } from '../../src/analysis/typed/ts-syntax.js';
import type { TypeInformation } from '../../src/analysis/typed/type-information.js';
import { typescript } from '../../src/analysis/typed/typescript-module.js';

export interface Project {
  information: TypeInformation;
  program: ts.Program;
  /** The absolute name of one of the project's files. */
  file(name: string): string;
  /** The function or class called `name` in `file` (the first in source order). */
  declaration(file: string, name: string): Callable;
  /** The first node of `file` that `match` accepts. */
  find<T extends ts.Node>(file: string, match: (node: ts.Node) => node is T): T;
  /** Removes the scratch directory. */
  remove(): void;
}

function isCallable(node: ts.Node): node is Callable {
  return ts.isFunctionLike(node) || ts.isClassLike(node);
}

export function project(files: Record<string, string>): Project {
  const directory = mkdtempSync(path.join(tmpdir(), 'typed-mutants-providers-'));
  const names = Object.keys(files).map((name) => {
    const absolute = path.join(directory, name);
    writeFileSync(absolute, files[name]!);
    return absolute;
  });
  const program = ts.createProgram(names, {
    noLib: true,
    types: [],
    jsx: ts.JsxEmit.Preserve,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    target: ts.ScriptTarget.ES2022,
  });
  const file = (name: string) => path.join(directory, name);
  const find = <T extends ts.Node>(name: string, match: (node: ts.Node) => node is T): T => {
    const source = program.getSourceFile(file(name));
    if (!source) throw new Error(`no file ${name}`);
    let found: T | undefined;
    const visit = (node: ts.Node): void => {
      if (found) return;
      if (match(node)) found = node;
      else ts.forEachChild(node, visit);
    };
    visit(source);
    if (!found) throw new Error(`nothing matched in ${name}`);
    return found;
  };
  return {
    information: {
      ts: typescript(),
      program,
      get checker() {
        return program.getTypeChecker();
      },
      tsNodeOf: () => undefined,
      cwd: directory,
    },
    program,
    file,
    find,
    declaration: (name, wanted) =>
      find(name, (node): node is Callable => isCallable(node) && declarationName(typescript(), node) === wanted),
    remove: () => rmSync(directory, { recursive: true, force: true }),
  };
}
