/**
 * Where a typed lint's cost of binding comes from (issue 16): typescript-eslint builds the
 * TypeScript checker itself, for every file it parses with a program, before any rule runs
 * (`createParserServices` calls `program.getTypeChecker()`; with `projectService`, TypeScript's
 * language service also builds it whenever it updates the program). Building the checker binds
 * every file of the program, `lib.dom.d.ts` included, so that cost is in the typed lint without
 * rules too, and type-aware mode cannot save it by avoiding the checker. What the plugin's rules
 * add is their own work (`npm run bench -- type-aware`; a CPU profile of the 401-file project put
 * the checker's construction, about 200 ms, in the baseline run as much as in the type-aware one).
 *
 * Whether a file is bound is read from `locals`, which TypeScript's binder sets on every source
 * file (an internal field: if a TypeScript release renames it, this test fails and says so).
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import * as tsParser from '@typescript-eslint/parser';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const project = fileURLToPath(new URL('fixtures/typed-checker-on-demand/', import.meta.url));
const file = path.join(project, 'src/once.ts');

/** Whether TypeScript's binder has run over the program's `lib.dom.d.ts`. */
function isDomLibraryBound(program: ts.Program): boolean {
  const dom = program.getSourceFiles().find((source) => path.basename(source.fileName) === 'lib.dom.d.ts');
  expect(dom, 'the fixture compiles with the DOM library').toBeDefined();
  return (dom as unknown as { locals?: unknown }).locals !== undefined;
}

describe('the type checker of a typed lint', () => {
  it('is built by typescript-eslint when it parses a file with a given program, before any rule runs', () => {
    const config = ts.getParsedCommandLineOfConfigFile(path.join(project, 'tsconfig.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => {} });
    const program = ts.createProgram({ rootNames: config!.fileNames, options: config!.options });
    // A program alone is parsed, not bound: this is what the assertion below tells apart.
    expect(isDomLibraryBound(program)).toBe(false);
    tsParser.parseForESLint(readFileSync(file, 'utf8'), { programs: [program], filePath: file });
    expect(isDomLibraryBound(program)).toBe(true);
  });

  it('is built by the project service for the first file it parses', () => {
    const result = tsParser.parseForESLint(readFileSync(file, 'utf8'), { projectService: true, tsconfigRootDir: project, filePath: file });
    expect(result.services.program).not.toBeNull();
    expect(isDomLibraryBound(result.services.program!)).toBe(true);
  });
});
