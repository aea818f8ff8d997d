/**
 * `programSourceCode` with a typescript-estree that has no `use-at-your-own-risk` entry (before
 * version 6): it falls back to `parseAndGenerateServices` on the program, slower but with the same
 * tree. The installed package has the entry, so this file hides it: `node:module`'s `createRequire`
 * is wrapped to answer MODULE_NOT_FOUND for that one subpath, as an older package would. The rest
 * is real: the parser packages, a TypeScript program on disk.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it, vi } from 'vitest';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';
import { scratchFolder } from '../support/scratch-folders.js';

const HIDDEN = '@typescript-eslint/typescript-estree/use-at-your-own-risk';

vi.mock('node:module', async (importOriginal) => {
  const actual = await importOriginal<typeof import('node:module')>();
  const createRequire = (from: string | URL): NodeJS.Require => {
    const real = actual.createRequire(from);
    const older = ((id: string) => {
      if (id === HIDDEN) throw Object.assign(new Error(`Cannot find module '${id}'`), { code: 'MODULE_NOT_FOUND' });
      return real(id) as unknown;
    }) as NodeJS.Require;
    return Object.assign(older, { resolve: real.resolve, cache: real.cache, main: real.main, extensions: real.extensions });
  };
  return { ...actual, createRequire, default: { ...actual, createRequire } };
});

const scratch = scratchFolder('program-source-code-fallback');

function write(name: string, text: string): string {
  const file = path.join(scratch, name);
  writeFileSync(file, text);
  return file;
}

// A duplicate key is an error TypeScript reports; the tree is whole all the same.
const feed = write('feed.ts', "const options = { retry: 1, retry: 2 };\nexport const source = new EventSource('/feed', options);\n");
const program = ts.createProgram([feed], { lib: ['lib.es2022.d.ts'], types: [] });

describe('programSourceCode without typescript-estree’s converter', () => {
  it('converts through parseAndGenerateServices on the program itself, a file with errors TypeScript reports too', () => {
    // kills program-source-code.ts:88 !astConverter -> false, the fallback block -> {}
    // kills program-source-code.ts:89 the options -> {}, [program] -> [], errorOnTypeScriptSyntacticAndSemanticIssues false -> true
    const sourceCode = programSourceCode(program, program.getSourceFile(feed)!)!;
    expect(sourceCode.ast.body.map((statement) => statement.loc.start.line)).toEqual([1, 2]);
    expect(getStreamOpenings(sourceCode).map((opening) => opening.node.loc.start.line)).toEqual([2]);
    const services = sourceCode.parserServices as { program?: unknown; esTreeNodeToTSNodeMap: Map<unknown, ts.Node>; getSymbolAtLocation?: unknown };
    // The parser's full services, the checker's helpers among them: the fallback, not the converter.
    expect(typeof services.getSymbolAtLocation).toBe('function');
    expect(services.program).toBe(program);
    expect(services.esTreeNodeToTSNodeMap.get(sourceCode.ast)).toBe(program.getSourceFile(feed));
  });
});
