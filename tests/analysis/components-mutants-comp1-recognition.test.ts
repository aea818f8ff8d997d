/**
 * Pins what `src/analysis/components.ts` counts as a component, hook or class component (issue
 * 17), so that the mutants StrykerJS left alive there fail a test: a function given to `memo()`
 * after its first argument is not wrapped, a nested class is a unit of its own, a PascalCase
 * binding of a JSX value does not hide that JSX, a hole in an array pattern is walked over, a
 * fragment renders, a lowercase function or a non-function node is no component, the name of an
 * anonymous or destructured class component, the class expression around a method, and the base
 * class of a mixin given a cast or nothing.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import {
  type ComponentOrHook,
  asComponentOrHook,
  baseClassName,
  enclosingComponentOrHook,
} from '../../src/analysis/components.js';
import { isFunctionNode } from '../../src/analysis/functions.js';
import { TS_FILE, analyse, find, isMarked, parsers } from './probe.js';

function describeUnit(unit: ComponentOrHook | null): string | null {
  return unit ? `${unit.kind} ${unit.name ?? '(anonymous)'}` : null;
}

/** A function whose own name (its id or its variable) is `name`. */
function isFunctionNamed(name: string) {
  return (node: TSESTree.Node): boolean =>
    isFunctionNode(node) &&
    (node.id?.name === name ||
      (node.parent?.type === 'VariableDeclarator' && node.parent.id.type === 'Identifier' && node.parent.id.name === name));
}

const isClass = (node: TSESTree.Node): boolean => node.type === 'ClassDeclaration' || node.type === 'ClassExpression';

describe.each(parsers)('asComponentOrHook, functions (%s)', (_name, parser) => {
  function classify(code: string, target: (node: TSESTree.Node) => boolean): string | null {
    return analyse(parser, code, (sourceCode) => describeUnit(asComponentOrHook(find(sourceCode.ast, target))));
  }

  it('does not take a function given to memo() after its first argument as wrapped', () => {
    // kills components.ts:79 parent.arguments[0] === node -> true
    expect(classify('const List = memo(areEqual, function Inner() { return null; });', isFunctionNamed('Inner'))).toBeNull();
    expect(classify('const List = memo(function Inner() { return null; }, areEqual);', isFunctionNamed('Inner'))).toBe(
      'component Inner',
    );
  });

  it('walks over the hole of an array pattern in the body', () => {
    // kills components.ts:101 isNode(item) -> true (the hole is a null item)
    expect(classify('function Row() { const [, second] = useFeed(); return second; }', isFunctionNamed('Row'))).toBe(
      'component Row',
    );
  });

  it('does not count JSX rendered by a nested class expression', () => {
    // kills components.ts:111 the class test -> false, 'ClassDeclaration' || 'ClassExpression' -> &&,
    // "node.type === 'ClassExpression'" -> false, "'ClassExpression'" -> "", return true -> false
    expect(
      classify('function Make() { return class extends Base { render() { return <li />; } }; }', isFunctionNamed('Make')),
    ).toBeNull();
  });

  it('does not count JSX rendered by a nested class declaration', () => {
    // kills components.ts:111 "node.type === 'ClassDeclaration'" -> false, "'ClassDeclaration'" -> ""
    expect(
      classify('function Make() { class Inner extends Base { render() { return <li />; } } return Inner; }', isFunctionNamed('Make')),
    ).toBeNull();
  });

  it('counts JSX kept in a PascalCase variable, which is no nested component', () => {
    // kills components.ts:112 !isFunctionNode(node) -> false
    expect(classify('function Make() { const Icon = <svg />; return Icon; }', isFunctionNamed('Make'))).toBe('component Make');
  });

  it('counts a function whose whole output is a fragment', () => {
    // kills components.ts:150 'JSXFragment' -> ""
    expect(classify('function Row() { return <></>; }', isFunctionNamed('Row'))).toBe('component Row');
  });

  it('does not count a lowercase function, whatever it renders', () => {
    // kills components.ts:205 !isComponentName(name) -> false
    expect(classify('function row() { return <li />; }', isFunctionNamed('row'))).toBeNull();
  });

  it('counts neither a value nor a variable named like a hook: only functions and classes', () => {
    // kills components.ts:201 !isFunctionNode(node) -> false
    expect(classify('const useFeed = here;', isMarked)).toBeNull();
    expect(classify('const useFeed = here;', (node) => node.type === 'VariableDeclarator')).toBeNull();
  });
});

describe.each(parsers)('asComponentOrHook, classes (%s)', (_name, parser) => {
  function classify(code: string): ComponentOrHook | null {
    return analyse(parser, code, (sourceCode) => asComponentOrHook(find(sourceCode.ast, isClass)));
  }

  it('leaves an anonymous default-exported class component without a name', () => {
    // kills components.ts:192 the declarator test -> true, "parent?.type === 'VariableDeclarator'" -> true, && -> ||
    const unit = classify('export default class extends Component { render() { return null; } }');
    expect(unit?.kind).toBe('class-component');
    expect(unit?.name).toBeNull();
  });

  it('leaves a class component handed to a call without a name', () => {
    // kills components.ts:192 the declarator test -> true, "parent?.type === 'VariableDeclarator'" -> true, && -> ||
    const unit = classify('register(class extends Component {});');
    expect(unit?.kind).toBe('class-component');
    expect(unit?.name).toBeNull();
  });

  it('leaves a class component destructured on its declaration without a name', () => {
    // kills components.ts:192 "parent.id.type === 'Identifier'" -> true (the name would be undefined)
    const unit = classify('const { Panel } = class extends Component {};');
    expect(unit?.kind).toBe('class-component');
    expect(unit?.name).toBeNull();
  });

  it('names a class expression after its variable', () => {
    expect(describeUnit(classify('const Panel = class extends Component {};'))).toBe('class-component Panel');
  });
});

describe.each(parsers)('enclosingComponentOrHook (%s)', (_name, parser) => {
  function owner(code: string): string | null {
    return analyse(parser, code, (sourceCode) => describeUnit(enclosingComponentOrHook(find(sourceCode.ast, isMarked))));
  }

  it('finds the class expression component around a lifecycle method', () => {
    // kills components.ts:219 "current.type === 'ClassExpression'" -> false, === -> !==, "'ClassExpression'" -> ""
    expect(owner('const Panel = class extends Component { componentDidMount() { here(); } };')).toBe('class-component Panel');
  });

  it('finds the class declaration component around a lifecycle method', () => {
    expect(owner('class Panel extends Component { componentDidMount() { here(); } }')).toBe('class-component Panel');
  });
});

describe.each(parsers)('baseClassName (%s)', (_name, parser) => {
  function base(code: string, file = {}): string | null {
    return analyse(
      parser,
      code,
      (sourceCode) => baseClassName(find(sourceCode.ast, isClass) as TSESTree.ClassDeclaration),
      file,
    );
  }

  it('finds no base class in a mixin called without arguments', () => {
    // kills components.ts:179 base.arguments[0] && unwrapExpression(…) -> || (unwrapping nothing throws)
    expect(base('class Panel extends Localized() {}')).toBeNull();
  });

  it('finds the base class through mixins', () => {
    expect(base('class Panel extends Watcher(Localized(LitElement)) {}')).toBe('LitElement');
  });
});

describe('baseClassName, TypeScript casts', () => {
  it('finds the base class given to a mixin through a cast', () => {
    // kills components.ts:179 base.arguments[0] && unwrapExpression(…) -> || (the cast would be left on)
    const name = analyse(
      tsParser,
      'class Panel extends Localized(Component as never) {}',
      (sourceCode) => baseClassName(find(sourceCode.ast, isClass) as TSESTree.ClassDeclaration),
      TS_FILE,
    );
    expect(name).toBe('Component');
  });
});
