/**
 * `execution.ts` (type-aware mode): which code runs when a function runs, or when a component
 * renders, as the summaries see it. Issue 17: each case pins a shape that Stryker's surviving
 * mutants of `execution.ts` got wrong, through `summaryOf` (what calling or rendering a
 * declaration opens) or the exported helpers directly. A real program over small files.
 */
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import { isFunctionLike, runsWithItsParent, someRunningNode } from '../../src/analysis/typed/execution.js';
import { summaryOf } from '../../src/analysis/typed/summaries.js';
import { typescript } from '../../src/analysis/typed/typescript-module.js';
import { project } from './typed-scratch-project.js';

const code = project({
  'helpers.tsx': `
export function iife() {
  (() => { new EventSource('/iife'); })();
}
export function constructedFunction() {
  new (function () { new EventSource('/constructed'); });
}
export function constructedFunctionCalled() {
  new (function () { new EventSource('/constructed-called'); })();
}
export function boundFunction() {
  (function () { new EventSource('/bound'); }).bind(null);
}
export function handler() {
  return <button onClick={() => new EventSource('/click')} />;
}
export function childFunction() {
  return <div>{() => new EventSource('/child')}</div>;
}
export function nestedDeclaration() {
  function inner() { new EventSource('/inner'); }
  return inner;
}
export function nestedExpression() {
  const inner = function () { new EventSource('/expression'); };
  return inner;
}
export function nestedMethod() {
  return { open() { new EventSource('/method'); } };
}
export function nestedClass() {
  class Inner { feed = new EventSource('/class'); }
  return Inner;
}
export function nestedInterface() {
  interface Keys { [new EventSource('/interface').url]: string }
  return 1;
}
export function List() {
  function Row() { new EventSource('/row'); }
  const useFeed = () => new EventSource('/hook');
  return [Row, useFeed];
}
export function Panel() {
  const onOpen = () => new EventSource('/panel');
  return onOpen;
}
export class Feed {
  constructor() { const later = () => 1; void later; }
  feed = new EventSource('/field');
}
export class Twice {
  first = new EventSource('/first');
  constructor() { new EventSource('/second'); }
}
function memo<T>(component: T): T { return component; }
export function makeRow(base: string) {
  return memo(function Row() { new EventSource(base); return null; });
}
`,
});
afterAll(() => code.dispose());

/** The compiler API as the analyses take it. */
const api = typescript();

function opened(name: string, mode: 'call' | 'construct' | 'render' = 'call'): string | null {
  const opening = summaryOf(code.information, [], code.declaration('helpers.tsx', name), mode);
  return opening && `${opening.line}:${opening.column}`;
}

describe('what runs when a function runs', () => {
  // kills execution.ts:31 `parent.expression === node` -> `!==`, `return true` -> false, the condition -> false
  it('runs an IIFE', () => {
    expect(opened('iife')).toBe('3:12');
  });

  // kills execution.ts:28 `parent.arguments?.includes` -> `parent.arguments.includes` (a `new` without arguments)
  it('does not run a function constructed by `new` without arguments, and does not fail on it', () => {
    expect(opened('constructedFunction')).toBeNull();
  });

  // kills execution.ts:28 `(isCallExpression || isNewExpression) && includes` -> `… || includes`
  it('does not run a function that is the target of `new` (not an argument of it)', () => {
    expect(opened('constructedFunctionCalled')).toBeNull();
  });

  // kills execution.ts:31 `isCallExpression(parent) && parent.expression === node` -> `||`
  it('does not run a function whose member is read (`(function () {}).bind()`)', () => {
    expect(opened('boundFunction')).toBeNull();
  });

  // kills execution.ts:32 condition -> false
  it("runs a JSX attribute's inline handler", () => {
    expect(opened('handler')).toBe('15:33');
  });

  // kills execution.ts:32 `isJsxExpression(parent) && isJsxAttribute(parent.parent)` -> `||`
  it('does not run a function that is a JSX child', () => {
    expect(opened('childFunction')).toBeNull();
  });

  // kills execution.ts:44 (FunctionDeclaration) `-> false` for the whole test and for its first term, and the first `||` -> `&&`
  it('does not run a nested function declaration', () => {
    expect(opened('nestedDeclaration')).toBeNull();
  });

  // kills execution.ts:45 (FunctionExpression) -> false
  it('does not run a nested function expression that is only stored', () => {
    expect(opened('nestedExpression')).toBeNull();
  });

  // kills execution.ts:47 (MethodDeclaration) -> false
  it('does not run the method of an object literal it returns', () => {
    expect(opened('nestedMethod')).toBeNull();
  });

  // As within one file (stream-openers.ts): a factory that hands a component to `memo()` makes a
  // component, whose body runs when it renders, not when the factory is called.
  it('does not run the component a factory hands to memo()', () => {
    expect(opened('makeRow')).toBeNull();
  });

  // kills execution.ts:65 condition -> false, `||` -> `&&`, `return true` -> false
  it('does not run a nested class', () => {
    expect(opened('nestedClass')).toBeNull();
  });

  // kills execution.ts:66 condition -> false, `… && isTypeNode`, `isInterfaceDeclaration || isTypeAliasDeclaration` -> false or `&&`,
  // `return true` -> false
  it('does not run code inside type syntax, even an expression a computed key holds', () => {
    expect(opened('nestedInterface')).toBeNull();
  });
});

describe('what runs when a component renders', () => {
  // kills execution.ts:58 `{}`; :60 condition -> false, `name !== null` -> `===`, `isComponentName || isHookName` -> `&&`
  it('does not count a nested component or hook of its own', () => {
    expect(opened('List', 'render')).toBeNull();
  });

  // The counterpart of the case above: a handler of the component is the component's, so the walk does reach nested functions.
  it("counts the component's own handlers", () => {
    expect(opened('Panel', 'render')).toBe('45:24');
  });
});

describe('what runs when a class is constructed', () => {
  // kills execution.ts:82 `return false` -> `return true`: a boundary in the constructor does not end the walk of the class
  it('reaches a field initialiser after a constructor that declares a function', () => {
    expect(opened('Feed', 'construct')).toBe('50:10');
  });

  // kills execution.ts:85 `=== true` -> `=== false`: the walk says it found one, so the next root is not read
  it('reports the first opening in member order', () => {
    expect(opened('Twice', 'construct')).toBe('53:11');
  });
});

describe('the helpers', () => {
  // kills execution.ts:27 `!parent` -> false, `return false` -> true
  it('runsWithItsParent: a function outside any tree does not run with a parent', () => {
    const detached = ts.factory.createArrowFunction(undefined, undefined, [], undefined, undefined, ts.factory.createBlock([]));
    expect(runsWithItsParent(api, detached)).toBe(false);
  });

  // kills execution.ts:44-50, each kind -> false
  it('isFunctionLike: every kind of function, and nothing else', () => {
    const kinds = (node: ts.Node): boolean => isFunctionLike(api, node);
    const source = ts.createSourceFile(
      'kinds.ts',
      [
        'function f() {}',
        'const e = function () {};',
        'const a = () => 1;',
        'class C { constructor() {} m() {} get g() { return 1; } set s(v: number) {} }',
        'const o = { p: 1 };',
      ].join('\n'),
      ts.ScriptTarget.ES2022,
      true,
    );
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (kinds(node)) found.push(ts.SyntaxKind[node.kind]!);
      ts.forEachChild(node, visit);
    };
    visit(source);
    expect(found).toEqual([
      'FunctionDeclaration',
      'FunctionExpression',
      'ArrowFunction',
      'Constructor',
      'MethodDeclaration',
      'GetAccessor',
      'SetAccessor',
    ]);
  });

  // kills execution.ts:82 `return false` -> true, :85 `=== true` -> false
  it('someRunningNode: says whether the visit stopped, and skips what does not run', () => {
    const body = (code.declaration('helpers.tsx', 'nestedDeclaration') as ts.FunctionDeclaration).body!;
    const seen: string[] = [];
    const stopped = someRunningNode(api, body, (node) => {
      if (ts.isNewExpression(node)) seen.push(node.getText());
      return false;
    });
    expect([stopped, seen]).toEqual([false, []]);
    const iife = (code.declaration('helpers.tsx', 'iife') as ts.FunctionDeclaration).body!;
    expect(someRunningNode(api, iife, (node) => ts.isNewExpression(node))).toBe(true);
  });
});
