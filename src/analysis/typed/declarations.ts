/**
 * From a name in code (a callee, a `new` target, a JSX tag) to the functions and classes it
 * stands for, in whichever file declares them, through the TypeScript checker: import aliases
 * and re-export chains (barrels, `export *`, `export { default as Row }`), default exports
 * (`export default memo(Row)`), `const` initialisers, `memo()`/`forwardRef()`-style wrappers,
 * object-literal methods and class members.
 *
 * Only the project's own source is followed: a declaration in a `.d.ts` file or under
 * `node_modules` has no body worth reading (or is a library, which `stream-openings.ts`
 * recognises by name).
 */
import type * as ts from 'typescript';
import { type TypeInformation, symbolAt } from './type-information.js';
import { type ClassLike, type FunctionLike, isComponentWrapperCall, skipOuterExpressions } from './ts-syntax.js';
import type { TypeScript } from './typescript-module.js';

export type Callable = FunctionLike | ClassLike;

/** How many aliases (`const A = B`, `memo(C)`) are followed from one name before giving up. */
const MAX_ALIAS_STEPS = 8;

/** Whether a file is the project's own source, whose declarations are followed. */
export function isProjectSourceFile(program: ts.Program, file: ts.SourceFile): boolean {
  return !file.isDeclarationFile && !program.isSourceFileFromExternalLibrary(file) && !/[\\/]node_modules[\\/]/.test(file.fileName);
}

function isFunctionWithBody(ts: TypeScript, node: ts.Node): node is FunctionLike {
  return (
    (ts.isFunctionDeclaration(node) ||
      ts.isFunctionExpression(node) ||
      ts.isArrowFunction(node) ||
      ts.isMethodDeclaration(node) ||
      ts.isConstructorDeclaration(node) ||
      ts.isGetAccessorDeclaration(node) ||
      ts.isSetAccessorDeclaration(node)) &&
    node.body !== undefined
  );
}

/** The symbol an expression names: `f`, `ns.f`, `this.f`, `obj['f']`. */
function symbolOf(information: TypeInformation, expression: ts.Expression): ts.Symbol | undefined {
  const { ts, checker } = information;
  const node = skipOuterExpressions(ts, expression);
  if (ts.isPropertyAccessExpression(node)) return symbolAt(checker, node.name);
  if (ts.isElementAccessExpression(node)) return symbolAt(checker, node.argumentExpression);
  return symbolAt(checker, node);
}

function fromSymbol(information: TypeInformation, symbol: ts.Symbol | undefined, steps: number): Callable[] {
  const { ts, checker } = information;
  if (!symbol) return [];
  const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
  return (target.declarations ?? []).flatMap((declaration) => fromDeclaration(information, declaration, steps));
}

function fromExpression(information: TypeInformation, expression: ts.Expression, steps: number): Callable[] {
  const { ts } = information;
  const node = skipOuterExpressions(ts, expression);
  if (isFunctionWithBody(ts, node) || ts.isClassExpression(node)) return [node];
  if (steps >= MAX_ALIAS_STEPS) return [];
  // `memo(Row)`, `memo(forwardRef(function Row() {}))`: the wrapper returns what it is given.
  if (isComponentWrapperCall(ts, node)) return fromExpression(information, node.arguments[0]!, steps + 1);
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    return fromSymbol(information, symbolOf(information, node), steps + 1);
  }
  return [];
}

function fromDeclaration(information: TypeInformation, declaration: ts.Declaration, steps: number): Callable[] {
  const { ts, program, checker } = information;
  if (!isProjectSourceFile(program, declaration.getSourceFile())) return [];
  if (isFunctionWithBody(ts, declaration) || ts.isClassDeclaration(declaration) || ts.isClassExpression(declaration)) {
    return [declaration];
  }
  if (
    (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) &&
    declaration.initializer
  ) {
    return fromExpression(information, declaration.initializer, steps);
  }
  if (ts.isExportAssignment(declaration)) return fromExpression(information, declaration.expression, steps);
  if (ts.isShorthandPropertyAssignment(declaration) && steps < MAX_ALIAS_STEPS) {
    return fromSymbol(information, checker.getShorthandAssignmentValueSymbol(declaration), steps + 1);
  }
  return [];
}

/** The functions and classes of the project that `expression` names (usually one; several for merged or union declarations). */
export function resolveCallables(information: TypeInformation, expression: ts.Expression): Callable[] {
  return fromSymbol(information, symbolOf(information, expression), 0);
}
