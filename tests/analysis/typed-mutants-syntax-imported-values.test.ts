/**
 * Following an imported name to its declaration through the program
 * (`src/analysis/typed/imported-values.ts`), on a real program written to a scratch folder: the
 * importing file is converted by `programSourceCode`, as a typed lint's file is parsed, so its
 * services map it into the program (issue 17: the module's surviving mutants).
 */
import path from 'node:path';
import { parseForESLint } from '@typescript-eslint/parser';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { SourceCode } from 'eslint';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import {
  programFileName,
  resolveImportThroughProgram,
  resolveImportedDeclarationThroughProgram,
} from '../../src/analysis/typed/imported-values.js';
import { programSourceCode } from '../../src/analysis/typed/program-source-code.js';
import { scratchDirectory } from './typed-scratch-project.js';

const { directory: scratch, write, remove } = scratchDirectory('imported-values-');
afterAll(remove);

write(
  'config.ts',
  [
    "const API = '/api';",
    'export const EVENTS_URL = `${API}/events`;',
    'export let pending: string;',
    'export declare const declared: string;',
    "export function open() { return '/open'; }",
    'export declare function declaredOpen(): string;',
    'export class Client {}',
    '',
  ].join('\n'),
);
// typescript-estree refuses to convert this file (`async` on a class), so nothing in it is followed.
write('refused.ts', "export const REFUSED_URL = '/refused';\nasync class Refused {}\n");
write('barrel.ts', "export { EVENTS_URL as FEED_URL } from './config';\n");
// A library's own TypeScript source: not the project's, so not followed.
write('node_modules/vendor/index.ts', "export const VENDOR_URL = '/vendor';\n");
const main = write(
  'main.ts',
  [
    "import { EVENTS_URL, pending, declared, open, declaredOpen, Client } from './config';",
    "import { FEED_URL } from './barrel';",
    "import { VENDOR_URL } from 'vendor';",
    "import { REFUSED_URL } from './refused';",
    "const LOCAL = '/local';",
    'use(EVENTS_URL, FEED_URL, pending, declared, open, declaredOpen, Client, VENDOR_URL, REFUSED_URL, LOCAL, missing);',
    '',
  ].join('\n'),
);
const program = ts.createProgram([main], {
  module: ts.ModuleKind.ESNext,
  moduleResolution: ts.ModuleResolutionKind.Bundler,
  target: ts.ScriptTarget.ES2022,
  lib: ['lib.es2022.d.ts'],
  types: [],
});
const typed = programSourceCode(program, program.getSourceFile(main)!)!;

/** The arguments of the last statement's `use(…)` call, by name. */
function argumentsOf(sourceCode: Readonly<TSESLint.SourceCode>): Map<string, TSESTree.Identifier> {
  const statement = sourceCode.ast.body.at(-1) as TSESTree.ExpressionStatement;
  const call = statement.expression as TSESTree.CallExpression;
  return new Map(call.arguments.map((argument) => [(argument as TSESTree.Identifier).name, argument as TSESTree.Identifier]));
}
const names = argumentsOf(typed);
const name = (text: string) => names.get(text)!;

/** Where a found declaration is: its file (relative to the scratch folder), its name and line. */
function where(found: { fileName: string; node: TSESTree.Node } | null) {
  if (!found) return null;
  const node = found.node as TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration;
  const id = node.id as TSESTree.Identifier;
  return { file: path.relative(scratch, found.fileName), type: node.type, name: id.name, line: node.loc.start.line };
}

function constant(text: string) {
  const found = resolveImportThroughProgram(typed, name(text));
  return found && where({ fileName: found.fileName, node: found.declarator });
}

/** The same file parsed as a lint without a program parses it: typescript-eslint's maps, but no program. */
function untypedSourceCode(): Readonly<TSESLint.SourceCode> {
  const text = typed.text;
  const { ast, services, scopeManager, visitorKeys } = parseForESLint(text, { filePath: main, range: true, loc: true, tokens: true, comment: true });
  return new SourceCode({ text, ast: ast as never, parserServices: services, scopeManager: scopeManager as never, visitorKeys: visitorKeys as never }) as never;
}

describe('resolveImportThroughProgram', () => {
  it('follows an imported constant, and one renamed through a barrel, to the declaring file', () => {
    expect(constant('EVENTS_URL')).toEqual({ file: 'config.ts', type: 'VariableDeclarator', name: 'EVENTS_URL', line: 2 });
    expect(constant('FEED_URL')).toEqual({ file: 'config.ts', type: 'VariableDeclarator', name: 'EVENTS_URL', line: 2 });
    // The declaring file's SourceCode, whose scope the URL is read in.
    expect(resolveImportThroughProgram(typed, name('EVENTS_URL'))?.sourceCode.text).toContain("const API = '/api';");
  });

  // kills imported-values.ts:59 `symbol && symbol.flags & Alias` -> true (a local is no alias to resolve)
  it('finds a constant of the file itself, which is no import', () => {
    expect(constant('LOCAL')).toEqual({ file: 'main.ts', type: 'VariableDeclarator', name: 'LOCAL', line: 5 });
  });

  // kills imported-values.ts:59 `&&` -> `||`, :60 `symbol?.valueDeclaration` -> `symbol.valueDeclaration`, :61 `!declaration` -> false
  it('finds nothing for a name that nothing declares', () => {
    expect(constant('missing')).toBeNull();
  });

  // kills imported-values.ts:61 `!declaration || !accepts(declaration)` -> false / `&&`, and :78 `declaration.initializer !== undefined` -> true
  it('finds nothing for a variable without a value: `let x: T;`, `declare const`', () => {
    expect(constant('pending')).toBeNull();
    expect(constant('declared')).toBeNull();
  });

  it('finds nothing for a function or a class: only constants carry URLs', () => {
    expect(constant('open')).toBeNull();
    expect(constant('Client')).toBeNull();
  });

  // kills imported-values.ts:63 `!isProjectSourceFile(…)` -> false
  it("does not follow an import into a library's source under node_modules", () => {
    expect(program.getSourceFiles().some((file) => file.fileName.endsWith('node_modules/vendor/index.ts'))).toBe(true);
    expect(constant('VENDOR_URL')).toBeNull();
  });

  // kills imported-values.ts:65 `declaring && …` -> `true && …`, :66 condition -> false
  it('finds nothing in a file that typescript-estree refuses to convert', () => {
    expect(constant('REFUSED_URL')).toBeNull();
    expect(resolveImportedDeclarationThroughProgram(typed, name('REFUSED_URL'))).toBeNull();
  });

  // kills imported-values.ts:55 `!services || !tsNode` -> `&&` (a node the program does not map)
  it('finds nothing for an identifier that is not from the file the services map', () => {
    const elsewhere = argumentsOf(untypedSourceCode()).get('EVENTS_URL')!;
    expect(resolveImportThroughProgram(typed, elsewhere)).toBeNull();
    expect(resolveImportedDeclarationThroughProgram(typed, elsewhere)).toBeNull();
  });

  // kills imported-values.ts:26 the `program && esTreeNodeToTSNodeMap && tsNodeToESTreeNodeMap` mutants, :54 `services?.` -> `services.`, :55 -> false
  it('finds nothing without a program, with the parser maps or without any services', () => {
    const untyped = untypedSourceCode();
    expect(resolveImportThroughProgram(untyped, argumentsOf(untyped).get('EVENTS_URL')!)).toBeNull();
    const bare = new SourceCode({ text: untyped.text, ast: untyped.ast as never }) as unknown as TSESLint.SourceCode;
    expect(resolveImportThroughProgram(bare, argumentsOf(bare).get('EVENTS_URL')!)).toBeNull();
  });
});

describe('resolveImportedDeclarationThroughProgram', () => {
  const declaration = (text: string) => where(resolveImportedDeclarationThroughProgram(typed, name(text)));

  it('follows an imported constant or function to its declaration', () => {
    expect(declaration('FEED_URL')).toEqual({ file: 'config.ts', type: 'VariableDeclarator', name: 'EVENTS_URL', line: 2 });
    expect(declaration('open')).toEqual({ file: 'config.ts', type: 'FunctionDeclaration', name: 'open', line: 5 });
    expect(declaration('LOCAL')).toEqual({ file: 'main.ts', type: 'VariableDeclarator', name: 'LOCAL', line: 5 });
  });

  // kills the `accepts` of :96-97 made true or `||` -> `&&`, and :66's node type test (a class is neither)
  it('finds nothing for a class, a variable without a value, a bodiless function, or a library constant', () => {
    expect(declaration('Client')).toBeNull();
    expect(declaration('pending')).toBeNull();
    expect(declaration('declared')).toBeNull();
    expect(declaration('declaredOpen')).toBeNull();
    expect(declaration('VENDOR_URL')).toBeNull();
    expect(declaration('missing')).toBeNull();
  });
});

describe('programFileName', () => {
  it("gives the program's name of the file", () => {
    expect(programFileName(typed)).toBe(program.getSourceFile(main)!.fileName);
  });

  // kills imported-values.ts:26 `program && …` -> true / `||` (typescript-eslint without a program still hands over its maps), :31 `servicesOf(…)?.` -> `.`
  it('is null without a program', () => {
    const untyped = untypedSourceCode();
    expect((untyped.parserServices as { esTreeNodeToTSNodeMap?: unknown }).esTreeNodeToTSNodeMap).toBeDefined();
    expect(programFileName(untyped)).toBeNull();
    expect(programFileName(new SourceCode({ text: untyped.text, ast: untyped.ast as never }) as unknown as TSESLint.SourceCode)).toBeNull();
  });

  // kills imported-values.ts:31 `get(sourceCode.ast)?.getSourceFile` -> `.getSourceFile`
  it("is null for a tree the program's maps do not know, as a framework parser's rebuilt root", () => {
    const rebuilt = new SourceCode({
      text: typed.text,
      ast: untypedSourceCode().ast as never,
      parserServices: typed.parserServices,
    }) as unknown as TSESLint.SourceCode;
    expect(programFileName(rebuilt)).toBeNull();
  });
});
