/**
 * The declaration an imported name stands for, through the checker (import aliases, re-exports
 * and barrels), as ESTree of the declaring file: `import { EVENTS_URL } from './config'` leads
 * to `export const EVENTS_URL = \`${API}/events\``, which `stream-urls.ts` reads in that file's
 * scope. Only `const`-like variables (and, for RxJS code, functions) of the project's own source
 * are followed.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type * as ts from 'typescript';
import type { DeclaredValue } from '../stream-urls.js';
import { isProjectSourceFile } from './declarations.js';
import { programSourceCode } from './program-source-code.js';
import { symbolAt } from './type-information.js';
import { typescript } from './typescript-module.js';

interface ProgramServices {
  program: ts.Program;
  esTreeNodeToTSNodeMap: { get(node: TSESTree.Node): ts.Node | undefined };
  tsNodeToESTreeNodeMap: { get(node: ts.Node): TSESTree.Node | undefined };
}

/** The program a file was parsed into, with the maps between its nodes; null without type information. */
function servicesOf(sourceCode: Readonly<TSESLint.SourceCode>): ProgramServices | null {
  const services = sourceCode.parserServices as Partial<ProgramServices> | undefined;
  const { program, esTreeNodeToTSNodeMap, tsNodeToESTreeNodeMap } = services ?? {};
  return program && esTreeNodeToTSNodeMap && tsNodeToESTreeNodeMap ? { program, esTreeNodeToTSNodeMap, tsNodeToESTreeNodeMap } : null;
}

/** The file name the program gives the file of `sourceCode`; null without type information. */
export function programFileName(sourceCode: Readonly<TSESLint.SourceCode>): string | null {
  return servicesOf(sourceCode)?.esTreeNodeToTSNodeMap.get(sourceCode.ast)?.getSourceFile().fileName ?? null;
}

/**
 * An imported name's declaration, as ESTree of the project file that declares it: a variable
 * declarator or a function declaration.
 */
export interface ImportedDeclaration {
  sourceCode: Readonly<TSESLint.SourceCode>;
  fileName: string;
  node: TSESTree.VariableDeclarator | TSESTree.FunctionDeclaration;
}

/**
 * The declaration `identifier` stands for, when `accepts` takes it; tested on the TypeScript
 * node first, so that a declaration nobody asked for costs no conversion of its file.
 */
function declarationThroughProgram(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
  accepts: (declaration: ts.Declaration) => boolean,
): ImportedDeclaration | null {
  const services = servicesOf(sourceCode);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(identifier);
  if (!services || !tsNode) return null;
  const ts = typescript();
  const checker = services.program.getTypeChecker();
  let symbol = symbolAt(checker, tsNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !accepts(declaration)) return null;
  const file = declaration.getSourceFile();
  if (!isProjectSourceFile(services.program, file)) return null;
  const declaring = programSourceCode(services.program, file);
  const node = declaring && servicesOf(declaring)?.tsNodeToESTreeNodeMap.get(declaration);
  if (!declaring || (node?.type !== 'VariableDeclarator' && node?.type !== 'FunctionDeclaration')) return null;
  return { sourceCode: declaring, fileName: file.fileName, node };
}

export function resolveImportThroughProgram(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): DeclaredValue | null {
  const ts = typescript();
  const found = declarationThroughProgram(
    sourceCode,
    identifier,
    (declaration) => ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined,
  );
  return found?.node.type === 'VariableDeclarator' ? { sourceCode: found.sourceCode, fileName: found.fileName, declarator: found.node } : null;
}

/**
 * The `const` or `function` an imported name stands for (`import { events$, events } from
 * './observables'`): what RxJS code subscribes to or calls, read in the file that declares it.
 */
export function resolveImportedDeclarationThroughProgram(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): ImportedDeclaration | null {
  const ts = typescript();
  return declarationThroughProgram(
    sourceCode,
    identifier,
    (declaration) =>
      (ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined) ||
      (ts.isFunctionDeclaration(declaration) && declaration.body !== undefined),
  );
}
