/**
 * `typeInformationOf` (type-information.ts), issue 17: the handles are made once per
 * `SourceCode`, and a `SourceCode` without a program (espree's, or another ESLint language's,
 * which has no parser services at all) yields none, without throwing.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TSESLint } from '@typescript-eslint/utils';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';
import { typeInformationOf } from '../../src/analysis/typed/type-information.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'type-information-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

describe('typeInformationOf', () => {
  it('answers the same handles for the same SourceCode, mapping its nodes into the program', () => {
    // kills type-information.ts:35 'information === undefined' -> true (new handles on every call)
    const file = path.join(scratch, 'feed.ts');
    writeFileSync(file, 'export const feed = new EventSource("/feed");\n');
    const program = ts.createProgram([file], { noLib: true, types: [] });
    const sourceCode = programSourceCode(program, program.getSourceFile(file)!)!;
    const information = typeInformationOf(sourceCode, scratch);
    expect(information?.program).toBe(program);
    expect(information?.tsNodeOf(sourceCode.ast)).toBe(program.getSourceFile(file));
    expect(typeInformationOf(sourceCode, scratch)).toBe(information);
  });

  it('answers null for a SourceCode without parser services, or whose services have no program', () => {
    // kills type-information.ts:37 'services?.program' -> 'services.program' and :38 'services?.esTreeNodeToTSNodeMap' -> '.'
    const withoutServices = {} as TSESLint.SourceCode;
    expect(typeInformationOf(withoutServices, scratch)).toBeNull();
    const espreeLike = { parserServices: {} } as TSESLint.SourceCode;
    expect(typeInformationOf(espreeLike, scratch)).toBeNull();
  });
});
