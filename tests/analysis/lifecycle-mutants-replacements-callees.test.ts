/**
 * Pins which local function a call runs (`src/analysis/lifecycle/callees.ts`) and which mount
 * callback a piece of code runs in (`src/analysis/lifecycle/mount-context.ts`), so that the
 * mutants StrykerJS left alive there fail a test (issue 17): the keys an options object's
 * methods are found by (names and string keys, never a computed key), the `methods` group
 * searched after a miss, `this.name()` as the only member call resolved through the options
 * object; and how far, through which calls and past which boundaries, code is followed to
 * its mount callback.
 *
 * Functions are given as source text, so a wrong one shows as a different string.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { optionsMethod, resolveCallee } from '../../src/analysis/lifecycle/callees.js';
import { mountContextOf } from '../../src/analysis/lifecycle/mount-context.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, find, parsers } from './probe.js';

function isObject(node: TSESTree.Node): node is TSESTree.ObjectExpression {
  return node.type === 'ObjectExpression';
}

function isProbeCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return (
    node.type === 'CallExpression' &&
    node.parent.type === 'CallExpression' &&
    node.parent.callee.type === 'Identifier' &&
    node.parent.callee.name === 'probe'
  );
}

describe.each(parsers)('callees (%s)', (_name, parser) => {
  /** The method `name` of the first object literal of `code`, as source text. */
  function methodOf(code: string, name: string): string | null {
    return analyse(parser, code, (sourceCode) => {
      const fn = optionsMethod(find(sourceCode.ast, isObject), name);
      return fn ? sourceCode.getText(fn) : null;
    });
  }

  /** The function that the call inside `probe(…)` runs, as source text. */
  function calleeOf(code: string): string | null {
    return analyse(parser, code, (sourceCode) => {
      const fn = resolveCallee(sourceCode, find(sourceCode.ast, isProbeCall).callee);
      return fn ? sourceCode.getText(fn) : null;
    });
  }

  it('finds a method by its name or its string key', () => {
    expect(methodOf('({ connect() { a(); } })', 'connect')).toBe('() { a(); }');
    // kills callees.ts:13 property.key.type === 'Identifier' -> true
    // kills callees.ts:14 property.key.type === 'Literal' && typeof … === 'string' -> false
    // kills callees.ts:14 property.key.type === 'Literal' -> property.key.type !== 'Literal'
    // kills callees.ts:14 'Literal' -> ""
    // kills callees.ts:14 typeof property.key.value === 'string' -> typeof property.key.value !== 'string'
    // kills callees.ts:14 'string' -> ""
    expect(methodOf("({ 'connect': function () { a(); } })", 'connect')).toBe('function () { a(); }');
    expect(methodOf("({ ['connect']() { a(); } })", 'connect')).toBe('() { a(); }');
  });

  it('does not take a computed key for the name it reads like', () => {
    // kills callees.ts:13 !property.computed && property.key.type === 'Identifier' -> true
    // kills callees.ts:13 !property.computed && … -> !property.computed || property.key.type === 'Identifier'
    expect(methodOf('({ [connect]() { a(); } })', 'connect')).toBeNull();
  });

  it('skips spread properties', () => {
    // kills callees.ts:20 property.type !== 'Property' -> false
    expect(methodOf('({ ...shared, connect() { a(); } })', 'connect')).toBe('() { a(); }');
  });

  it('looks into the `methods` group only, and goes on after it when the name is not there', () => {
    expect(methodOf('({ methods: { connect() { a(); } } })', 'connect')).toBe('() { a(); }');
    // kills callees.ts:24 key === 'methods' -> true
    expect(methodOf('({ computed: { connect() { a(); } } })', 'connect')).toBeNull();
    // kills callees.ts:24 key === 'methods' && value.type === 'ObjectExpression' -> ||
    // kills callees.ts:24 value.type === 'ObjectExpression' -> true
    expect(methodOf('({ methods: shared, connect() { a(); } })', 'connect')).toBe('() { a(); }');
    // kills callees.ts:26 method -> true
    expect(methodOf('({ methods: { other() { b(); } }, connect() { a(); } })', 'connect')).toBe('() { a(); }');
  });

  it('resolves `this.name()` in an options object, and no other member call, through its methods', () => {
    const options = (call: string) => `export default { methods: { connect() { a(); }, go() { probe(${call}); } } };`;
    expect(calleeOf(options('this.connect()'))).toBe('() { a(); }');
    // kills callees.ts:40 object.type !== 'ThisExpression' || name === null -> false
    // kills callees.ts:40 … -> object.type !== 'ThisExpression' && name === null
    // kills callees.ts:40 object.type !== 'ThisExpression' -> false
    expect(calleeOf(options('other.connect()'))).toBeNull();
    // kills callees.ts:40 name === null -> false
    expect(calleeOf('export default { methods: { [key]() { a(); }, go() { probe(this[pick()]()); } } };')).toBeNull();
  });
});

describe.each(parsers)('mount context (%s)', (_name, parser) => {
  /** The mount callback the first stream of `code` runs in, as messages describe it, or `none`. */
  function mount(code: string): string {
    return analyse(parser, code, (sourceCode) => {
      const opening = getStreamOpenings(sourceCode)[0];
      if (!opening) throw new Error('no stream in the code');
      const found = mountContextOf(sourceCode, opening.node);
      return found ? `${found.framework}: ${found.description}` : 'none';
    });
  }

  const chain = (links: number) => {
    const names = ['a', 'b', 'c', 'd', 'e'].slice(0, links);
    const functions = names.map((name, index) =>
      index === 0 ? `function a() { new EventSource(u); }` : `function ${name}() { ${names[index - 1]}(); }`,
    );
    return `${functions.join(' ')} useEffect(() => { ${names[names.length - 1]}(); });`;
  };

  it('follows calls from the mount callback up to three functions deep', () => {
    expect(mount(chain(3))).toBe('react: this `useEffect` callback');
    // kills mount-context.ts:31 depth >= MAX_CALL_DEPTH || visiting.has(current) -> false
    // kills mount-context.ts:31 … -> depth >= MAX_CALL_DEPTH && visiting.has(current)
    // kills mount-context.ts:31 depth >= MAX_CALL_DEPTH -> false
    // kills mount-context.ts:31 depth >= MAX_CALL_DEPTH -> depth > MAX_CALL_DEPTH
    // kills mount-context.ts:34 depth + 1 -> depth - 1
    expect(mount(chain(4))).toBe('none');
  });

  it('tries every call of a function until one runs in a mount callback', () => {
    // kills mount-context.ts:35 found -> true
    expect(mount('function a() { new EventSource(u); } a(); useEffect(() => { a(); });')).toBe('react: this `useEffect` callback');
  });

  it('takes a component field initialiser as run by the constructor, but not a computed field key', () => {
    expect(mount('class C extends HTMLElement { es = new EventSource(u); }')).toBe('custom-element: the construction of this component');
    // kills mount-context.ts:39 current.value === child -> true
    expect(mount('class C extends HTMLElement { [new EventSource(u)] = 1; }')).toBe('none');
  });

  it('stops at a static block, which is no part of the mount around the class', () => {
    // kills mount-context.ts:40 isExecutionBoundary(current) -> false
    expect(mount('useEffect(() => { class A { static { new EventSource(u); } } });')).toBe('none');
  });
});
