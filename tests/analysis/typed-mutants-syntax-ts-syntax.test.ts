/**
 * The small syntax questions of type-aware mode (`src/analysis/typed/ts-syntax.ts`), asked of
 * TypeScript nodes parsed here with parents set, as the program's are (issue 17: its surviving
 * mutants).
 */
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import {
  calleeNameOf,
  declarationName,
  isComponentWrapperCall,
  skipOuterExpressions,
  skipOuterParents,
} from '../../src/analysis/typed/ts-syntax.js';
import type { TypeScript } from '../../src/analysis/typed/typescript-module.js';

/** The compiler as the module under test types it (the namespace, not the default export). */
const typescript = ts as unknown as TypeScript;

/** The file parsed as TypeScript with parents set. */
function parse(code: string): ts.SourceFile {
  return ts.createSourceFile('file.ts', code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
}

/** The initialiser of the first `const`: the expression a case is about. */
function initializer(code: string): ts.Expression {
  const statement = parse(code).statements.find(ts.isVariableStatement)!;
  return statement.declarationList.declarations[0]!.initializer!;
}

/** The first node that passes `test`, depth first. */
function first<T extends ts.Node>(root: ts.Node, test: (node: ts.Node) => node is T): T {
  let found: T | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && test(node)) found = node;
    if (!found) ts.forEachChild(node, visit);
  };
  visit(root);
  if (!found) throw new Error('no such node');
  return found;
}

describe('skipOuterExpressions', () => {
  // kills ts-syntax.ts:12 block -> {}, :17-21 each `kind === …` -> false and the `||` -> `&&` mutants, :28 while -> false
  it.each([
    ['parentheses', 'const x = (value);'],
    ['`as`', 'const x = value as number;'],
    ['`!`', 'const x = value!;'],
    ['`satisfies`', 'const x = value satisfies number;'],
    ['`<T>x`', 'const x = <number>value;'],
  ])('looks through %s to the value inside', (_, code) => {
    const inner = skipOuterExpressions(typescript, initializer(code));
    expect(ts.isIdentifier(inner) && inner.text).toBe('value');
  });

  it('looks through several wrappers of every kind in a row', () => {
    const inner = skipOuterExpressions(typescript, initializer('const x = ((value! as unknown) satisfies unknown as number);'));
    expect(ts.isIdentifier(inner) && inner.text).toBe('value');
  });

  it('stops at a call, which changes the value', () => {
    const call = initializer('const x = (f(value));');
    const inner = skipOuterExpressions(typescript, call);
    expect(ts.isCallExpression(inner)).toBe(true);
  });
});

describe('skipOuterParents', () => {
  // kills ts-syntax.ts:35 while -> false
  it('climbs to the outermost wrapper that leaves the value as it is', () => {
    const file = parse('const x = (((value as number))!);');
    const value = first(file, (node): node is ts.Identifier => ts.isIdentifier(node) && node.text === 'value');
    const outer = skipOuterParents(typescript, value);
    expect(ts.isParenthesizedExpression(outer)).toBe(true);
    expect(ts.isVariableDeclaration(outer.parent)).toBe(true);
  });

  it('returns a node without a parent as it is', () => {
    const file = parse('value;');
    expect(skipOuterParents(typescript, file)).toBe(file);
  });
});

describe('calleeNameOf', () => {
  // kills ts-syntax.ts:42 `ts.isIdentifier(node)` -> true, :43 -> false
  it('names a method call by its property, through wrappers', () => {
    const call = initializer('const x = (api.open as Function)();') as ts.CallExpression;
    expect(calleeNameOf(typescript, call.expression)).toBe('open');
  });

  it('names a plain call by its identifier', () => {
    const call = initializer('const x = (open)();') as ts.CallExpression;
    expect(calleeNameOf(typescript, call.expression)).toBe('open');
  });

  // kills ts-syntax.ts:43 condition -> true and `&&` -> `||` (a computed or private member has no plain name)
  it.each([
    ['a computed member', "const x = api['open']();"],
    ['a call result', 'const x = factory()();'],
  ])('gives no name for %s', (_, code) => {
    const call = initializer(code) as ts.CallExpression;
    expect(calleeNameOf(typescript, call.expression)).toBeNull();
  });

  it('gives no name for a private member, which is no `x.m()` name', () => {
    const file = parse('class A { #open() {} run() { this.#open(); } }');
    const call = first(file, ts.isCallExpression);
    expect(calleeNameOf(typescript, call.expression)).toBeNull();
  });
});

describe('isComponentWrapperCall', () => {
  it('takes `memo(x)` and `React.forwardRef(x)`', () => {
    expect(isComponentWrapperCall(typescript, initializer('const x = memo(Row);'))).toBe(true);
    expect(isComponentWrapperCall(typescript, initializer('const x = React.forwardRef(Row);'))).toBe(true);
  });

  // kills ts-syntax.ts:49 `… && node.arguments.length > 0` -> true, `>` -> `>=`
  it('refuses a wrapper called with nothing to wrap', () => {
    expect(isComponentWrapperCall(typescript, initializer('const x = memo();'))).toBe(false);
  });

  // kills ts-syntax.ts:49 whole condition -> true, the first `&&` -> `||` and the first two conditions -> true
  it('refuses another call, and what is no call', () => {
    expect(isComponentWrapperCall(typescript, initializer('const x = wrap(Row);'))).toBe(false);
    expect(isComponentWrapperCall(typescript, initializer('const x = factory()(Row);'))).toBe(false);
    expect(isComponentWrapperCall(typescript, initializer('const x = memo;'))).toBe(false);
    expect(isComponentWrapperCall(typescript, initializer('const x = [Row];'))).toBe(false);
  });
});

describe('declarationName', () => {
  it('names a declaration by its own name, private ones too', () => {
    const file = parse('function Row() {}\nclass A { #open() {} }');
    expect(declarationName(typescript, first(file, ts.isFunctionDeclaration))).toBe('Row');
    expect(declarationName(typescript, first(file, ts.isMethodDeclaration))).toBe('#open');
  });

  // kills ts-syntax.ts:66 `ts.isIdentifier(named.name) || ts.isPrivateIdentifier(named.name)` -> true
  it('gives no name for a member named by a string or a computed key', () => {
    const file = parse("class A { 'open'() {} ['close']() {} }");
    const [open, close] = file.statements.filter(ts.isClassDeclaration)[0]!.members;
    expect(declarationName(typescript, open!)).toBeNull();
    expect(declarationName(typescript, close!)).toBeNull();
  });

  // kills ts-syntax.ts:72 block -> {}, condition -> false, `isVariableDeclaration || isPropertyAssignment` -> `&&`
  it('names a function by the variable or the property it initialises, through wrappers', () => {
    const file = parse('const Row = (() => null) as unknown;\nconst parts = { Cell: function () {} };');
    expect(declarationName(typescript, first(file, ts.isArrowFunction))).toBe('Row');
    expect(declarationName(typescript, first(file, ts.isFunctionExpression))).toBe('Cell');
  });

  // kills ts-syntax.ts:68 block -> {} (NoCoverage; loops forever) and condition -> false
  it('names a function by the variable that a `memo()`-like wrapper of it initialises', () => {
    const file = parse('const Row = memo(forwardRef((function () {}) as never));');
    expect(declarationName(typescript, first(file, ts.isFunctionExpression))).toBe('Row');
  });

  it('gives no name for a function passed to another call, or assigned to a destructuring', () => {
    const file = parse('const handle = register(() => {});\nconst { a } = (() => {})();');
    const [registered, called] = [first(file.statements[0]!, ts.isArrowFunction), first(file.statements[1]!, ts.isArrowFunction)];
    expect(declarationName(typescript, registered)).toBeNull();
    expect(declarationName(typescript, called)).toBeNull();
  });

  // kills ts-syntax.ts:68 `current.parent && ts.isCallExpression(current.parent)` -> true / `||`, and the `||` before `isComponentWrapperCall`
  it('gives no name for the file itself, which has no parent', () => {
    expect(declarationName(typescript, parse('const Row = memo(() => null);'))).toBeNull();
  });
});
