/**
 * `programSourceCode` (program-source-code.ts) beyond what typed-program-source-code.test.ts
 * pins (issue 17): the JSX factory the scope manager is told about, the source type of a file
 * without imports, a file with errors TypeScript reports (converted all the same) and one the converter
 * refuses (left out as `null`). A real program.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'program-source-code-mutants-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

const named = write('named.tsx', "import { h, Fragment } from 'preact';\nexport const list = <><li /></>;\n");
const namespaced = write('namespaced.tsx', "import * as preact from 'preact';\nexport const item = <li />;\n");

/** How often each name the module scope declares is referenced, with `options` for the program's compiler options. */
function referencesIn(file: string, options: ts.CompilerOptions): Record<string, number> {
  const program = ts.createProgram([file], { noLib: true, types: [], jsx: ts.JsxEmit.React, ...options });
  const sourceCode = programSourceCode(program, program.getSourceFile(file)!)!;
  const moduleScope = sourceCode.scopeManager!.globalScope!.childScopes[0]!;
  return Object.fromEntries([...moduleScope.set.values()].map((variable) => [variable.name, variable.references.length]));
}

describe('programSourceCode: the JSX factory', () => {
  it("counts JSX as a use of the factory and fragment factory the compiler options name", () => {
    // kills program-source-code.ts:59 factoryName's body -> {} and :60 'factory === undefined' -> true
    expect(referencesIn(named, { jsxFactory: 'h', jsxFragmentFactory: 'Fragment' })).toEqual({ h: 1, Fragment: 1, list: 1 });
    // Without them the scope manager's default (`React`) is used, which this file does not import.
    expect(referencesIn(named, {})).toEqual({ h: 0, Fragment: 0, list: 1 });
  });

  it('takes the root of a dotted factory, trimmed', () => {
    // kills (NoCoverage) program-source-code.ts:60 "'.'" -> "" and '.trim()' dropped
    expect(referencesIn(namespaced, { jsxFactory: 'preact.h' })).toEqual({ preact: 1, item: 1 });
    expect(referencesIn(named, { jsxFactory: ' h ' })).toEqual({ h: 1, Fragment: 0, list: 1 });
  });
});

describe('programSourceCode: what it converts', () => {
  const script = write('script.ts', 'const feed = new EventSource("/feed");\n');
  // TypeScript reports the duplicate property; typescript-estree would throw on it if asked to.
  const duplicated = write('duplicated.ts', "export const options = { retry: 1, retry: 2 };\nexport const feed = new EventSource('/feed');\n");
  const refused = write('refused.ts', 'public const feed = 1;\n');
  const program = ts.createProgram([script, duplicated, refused], { noLib: true, types: [] });

  it('reads every file as a module, even one without imports or exports', () => {
    // kills program-source-code.ts:76 "'module'" -> ""
    expect(programSourceCode(program, program.getSourceFile(script)!)!.ast.sourceType).toBe('module');
  });

  it('converts a file with errors TypeScript reports', () => {
    // kills program-source-code.ts:74 'errorOnTypeScriptSyntacticAndSemanticIssues: false' -> true
    const sourceCode = programSourceCode(program, program.getSourceFile(duplicated)!);
    expect(sourceCode?.ast.body.map((statement) => statement.loc.start.line)).toEqual([1, 2]);
  });

  it('answers null for a file the converter refuses, and keeps that answer', () => {
    // kills (NoCoverage) program-source-code.ts:97 the catch block -> {} (undefined, and converted again on each call)
    const file = program.getSourceFile(refused)!;
    expect(programSourceCode(program, file)).toBeNull();
    expect(programSourceCode(program, file)).toBeNull();
  });
});
