/**
 * The declaration an imported name stands for, through the checker (import aliases, re-exports
 * and barrels), as ESTree of the declaring file: `import { EVENTS_URL } from './config'` leads
 * to `export const EVENTS_URL = \`${API}/events\``, which `stream-urls.ts` reads in that file's
 * scope. Only `const`-like variables of the project's own source are followed.
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

export function resolveImportThroughProgram(
  sourceCode: Readonly<TSESLint.SourceCode>,
  identifier: TSESTree.Identifier,
): DeclaredValue | null {
  const services = servicesOf(sourceCode);
  const tsNode = services?.esTreeNodeToTSNodeMap.get(identifier);
  if (!services || !tsNode) return null;
  const ts = typescript();
  const checker = services.program.getTypeChecker();
  let symbol = symbolAt(checker, tsNode);
  if (symbol && symbol.flags & ts.SymbolFlags.Alias) symbol = checker.getAliasedSymbol(symbol);
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return null;
  const file = declaration.getSourceFile();
  if (!isProjectSourceFile(services.program, file)) return null;
  const declaring = programSourceCode(services.program, file);
  const declarator = declaring && servicesOf(declaring)?.tsNodeToESTreeNodeMap.get(declaration);
  if (!declaring || declarator?.type !== 'VariableDeclarator') return null;
  return { sourceCode: declaring, fileName: file.fileName, declarator };
}
