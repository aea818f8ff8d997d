/**
 * A small TypeScript program on disk for the direct tests of `invocations.ts` and
 * `declarations.ts`: the files given, compiled without the standard library (the modules under
 * test only ask the checker for symbols), and a way to pick a node out of a file by its text.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import type { TypeInformation } from '../../src/analysis/typed/type-information.js';
import type { TypeScript } from '../../src/analysis/typed/typescript-module.js';

export interface Project {
  information: TypeInformation;
  /** The `index`-th node (in source order) of `file` of the given kind whose text is `text`. */
  find<T extends ts.Node>(file: string, kind: ts.SyntaxKind, text: string, index?: number): T;
  /** Deletes the files. */
  dispose(): void;
}

/** `files` maps paths (relative to the project's folder) to their text; `roots` are the ones compiled (default: all). */
export function project(files: Record<string, string>, roots: string[] = Object.keys(files)): Project {
  const folder = mkdtempSync(path.join(tmpdir(), 'typed-mutants-invocations-'));
  for (const [name, text] of Object.entries(files)) {
    const file = path.join(folder, name);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, text);
  }
  const program = ts.createProgram(
    roots.map((name) => path.join(folder, name)),
    {
      noLib: true,
      types: [],
      target: ts.ScriptTarget.ES2022,
      module: ts.ModuleKind.ESNext,
      moduleResolution: ts.ModuleResolutionKind.Bundler,
      experimentalDecorators: false,
    },
  );
  const checker = program.getTypeChecker();
  // The default import is the module itself; its type only lacks the `default` that `typeof import()` lists.
  const information: TypeInformation = { ts: ts as unknown as TypeScript, program, checker, tsNodeOf: () => undefined, cwd: folder };
  return {
    information,
    find<T extends ts.Node>(file: string, kind: ts.SyntaxKind, text: string, index = 0): T {
      const source = program.getSourceFile(path.join(folder, file));
      if (!source) throw new Error(`${file} is not in the program`);
      const found: ts.Node[] = [];
      const visit = (node: ts.Node): void => {
        if (node.kind === kind && node.getText(source) === text) found.push(node);
        ts.forEachChild(node, visit);
      };
      visit(source);
      const node = found[index];
      if (!node) throw new Error(`no ${ts.SyntaxKind[kind]} \`${text}\` #${index} in ${file}`);
      return node as T;
    },
    dispose: () => rmSync(folder, { recursive: true, force: true }),
  };
}
