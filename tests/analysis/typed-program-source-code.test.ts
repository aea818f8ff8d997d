/**
 * `programSourceCode` turns any file of a typed lint's program into an ESLint `SourceCode`, so
 * that the detectors run unchanged on files ESLint has not linted yet (the program index of
 * `no-duplicate-stream`, the declaring file of an imported URL constant). Issue 16: it converts
 * straight through typescript-estree without tokens and comments, which no analysis reads in
 * another file, and the program index does not keep what it converted. A real program.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'program-source-code-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

const feed = path.join(scratch, 'feed.ts');
writeFileSync(feed, "// the feed\nexport const FEED = '/api/feed';\nexport const source = new EventSource(FEED);\n");
const row = path.join(scratch, 'row.tsx');
writeFileSync(row, 'export function Row() {\n  return <li>{String(new EventSource("/r"))}</li>;\n}\n');
const program = ts.createProgram([feed, row], { jsx: ts.JsxEmit.ReactJSX, lib: ['lib.es2022.d.ts'], types: [] });

describe('programSourceCode', () => {
  it("converts through typescript-estree's own converter, whose services are the program and the two node maps", () => {
    // `parseAndGenerateServices` (the fallback for a typescript-estree without `use-at-your-own-risk`) adds
    // the checker's helpers too; the converter alone made half the work for the program index (issue 16).
    // First in the file and on a program of its own, so that the mutation run's per-test coverage
    // credits this test with loading the converter and converting (both happen once, then are kept).
    // kills program-source-code.ts:58 the try block -> {}; :68 typeof … === 'function' -> false, !==, 'function' -> ""
    // kills program-source-code.ts:88 !astConverter -> true, -> astConverter
    const own = ts.createProgram([feed], { lib: ['lib.es2022.d.ts'], types: [] });
    const services = programSourceCode(own, own.getSourceFile(feed)!)!.parserServices as Record<string, unknown>;
    expect(Object.keys(services).sort()).toEqual(['esTreeNodeToTSNodeMap', 'program', 'tsNodeToESTreeNodeMap']);
  });

  it('converts a file of the program with parents, scopes and the maps into the program, but no tokens or comments', () => {
    const sourceCode = programSourceCode(program, program.getSourceFile(feed)!)!;
    expect(sourceCode.ast.tokens).toEqual([]);
    expect(sourceCode.ast.comments).toEqual([]);
    const [, declaration] = sourceCode.ast.body;
    expect(declaration?.type).toBe('ExportNamedDeclaration');
    expect(declaration?.parent).toBe(sourceCode.ast);
    // The module scope declares both constants; `EventSource` (no `dom` lib here) is read as an undeclared global.
    const moduleScope = sourceCode.scopeManager!.globalScope!.childScopes[0]!;
    expect([...moduleScope.set.keys()]).toEqual(['FEED', 'source']);
    expect(getStreamOpenings(sourceCode).map((opening) => opening.node.loc.start)).toEqual([{ line: 3, column: 22 }]);
    // The services map the tree into this program, which is how imports are followed through the checker.
    const services = sourceCode.parserServices as { program: ts.Program; esTreeNodeToTSNodeMap: { get(node: unknown): ts.Node } };
    expect(services.program).toBe(program);
    expect(services.esTreeNodeToTSNodeMap.get(sourceCode.ast).getSourceFile()).toBe(program.getSourceFile(feed));
  });

  it('binds a program nobody has asked for a checker yet, since the converter walks up parent pointers', () => {
    const unbound = ts.createProgram([feed], { lib: ['lib.es2022.d.ts'], types: [] });
    expect(programSourceCode(unbound, unbound.getSourceFile(feed)!)?.ast.body).toHaveLength(2);
  });

  it('converts JSX in a .tsx file', () => {
    const sourceCode = programSourceCode(program, program.getSourceFile(row)!)!;
    expect(getStreamOpenings(sourceCode).map((opening) => opening.node.loc.start.line)).toEqual([2]);
  });

  it('keeps a conversion for the life of the program by default, and hands one over without keeping it when asked', () => {
    const other = ts.createProgram([feed, row], { jsx: ts.JsxEmit.ReactJSX, lib: ['lib.es2022.d.ts'], types: [] });
    const file = other.getSourceFile(row)!;
    const handedOver = programSourceCode(other, file, { keep: false });
    expect(handedOver).not.toBeNull();
    expect(programSourceCode(other, file, { keep: false })).not.toBe(handedOver);
    const kept = programSourceCode(other, file);
    expect(programSourceCode(other, file)).toBe(kept);
    // Once kept, even a caller that would not keep it gets the kept one rather than a new conversion.
    expect(programSourceCode(other, file, { keep: false })).toBe(kept);
  });
});
