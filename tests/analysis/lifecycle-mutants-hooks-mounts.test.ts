/**
 * Pins which code `src/analysis/lifecycle/lifecycle-hooks.ts` takes for a mount (issue 17), so
 * that the mutants StrykerJS left alive there fail a test: hook names (`React.useEffect`,
 * `$effect.pre`, computed callees), the import that tells Solid's `onMount`/`createEffect` from
 * Svelte's and effector's, callbacks handed over by name, the names of class and options
 * members, and the component classes whose construction and fields are a mount.
 *
 * Each mount is written out whole (framework, description, owner, style, cleanup hooks), so a
 * wrong field shows as a different string.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/analysis/functions.js';
import {
  type MountCallback,
  fieldMountOf,
  hookName,
  mountCallbackOf,
} from '../../src/analysis/lifecycle/lifecycle-hooks.js';
import { type SourceCode, TS_FILE, analyse, find, isMarked, parsers } from './probe.js';

function isProbeCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe';
}

function isField(node: TSESTree.Node): node is TSESTree.PropertyDefinition {
  return node.type === 'PropertyDefinition';
}

/** A mount as one line: framework, description, owner, style, whether it returns its cleanup, cleanup hooks. */
function describeMount(sourceCode: SourceCode, found: MountCallback | null): string {
  if (!found) return 'none';
  const owner = found.owner === sourceCode.ast ? 'Program' : found.owner.type;
  const body = found.body === sourceCode.ast ? 'Program' : sourceCode.getText(found.body);
  return [
    `${found.framework}: ${found.description}`,
    `where ${found.where}`,
    `owner ${owner}`,
    found.style,
    found.returnsCleanup ? 'returns cleanup' : 'no returned cleanup',
    `[${found.cleanupHooks.join(', ')}]`,
    `body ${body}`,
  ].join(' | ');
}

/** The nearest function around the first `here` of `code`. */
function markedFunction(sourceCode: SourceCode) {
  let node: TSESTree.Node | undefined = find(sourceCode.ast, isMarked);
  while (node && !isFunctionNode(node)) node = node.parent;
  if (!node || !isFunctionNode(node)) throw new Error('`here` is not in a function');
  return node;
}

/** `framework: description` of the mount that the function around `here` is, or `none`. */
function mount(code: string, parser: unknown = tsParser, file = {}): string {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const found = mountCallbackOf(sourceCode, markedFunction(sourceCode));
      return found ? `${found.framework}: ${found.description}` : 'none';
    },
    file,
  );
}

/** The whole mount that the function around `here` is. */
function mountDetails(code: string, parser: unknown = tsParser): string {
  return analyse(parser, code, (sourceCode) => describeMount(sourceCode, mountCallbackOf(sourceCode, markedFunction(sourceCode))));
}

/** The whole mount that the first class field of `code` is part of. */
function fieldMount(code: string, parser: unknown = tsParser): string {
  return analyse(parser, code, (sourceCode) => describeMount(sourceCode, fieldMountOf(find(sourceCode.ast, isField))));
}

/** The hook name of the first `probe(…)` call's argument, itself a call. */
function nameOfHook(code: string, parser: unknown = tsParser): string | null {
  return analyse(parser, code, (sourceCode) => hookName(find(sourceCode.ast, isProbeCall).arguments[0] as TSESTree.CallExpression));
}

describe('hookName: the name a hook call is known by', () => {
  it.each(parsers)('reads plain, member and `$effect` rune callees, and nothing from a computed one (%s)', (_name, parser) => {
    expect(nameOfHook('probe(useEffect(f));', parser)).toBe('useEffect');
    expect(nameOfHook('probe(React.useEffect(f));', parser)).toBe('useEffect');
    expect(nameOfHook('probe($effect.pre(f));', parser)).toBe('$effect.pre');
    expect(nameOfHook("probe(React['useEffect'](f));", parser)).toBe('useEffect');
    // kills lifecycle-hooks.ts:171 property === null -> false
    expect(nameOfHook('probe($effect[kind](f));', parser)).toBeNull();
    expect(nameOfHook('probe(hooks[kind](f));', parser)).toBeNull();
    expect(nameOfHook('probe(make()(f));', parser)).toBeNull();
  });
});

describe('mountCallbackOf: hooks told apart by their import', () => {
  it.each(parsers)('takes an `onMount` that nothing imports for Svelte, even one a comment declares global (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:159 variable?.defs -> variable.defs
    expect(mount('onMount(() => { here; });', parser)).toBe('svelte: this `onMount` callback');
    // kills lifecycle-hooks.ts:160 definition?.type -> definition.type
    expect(mount('/* global onMount */\nonMount(() => { here; });', parser)).toBe('svelte: this `onMount` callback');
    expect(mount('function onMount(f) { f(); }\nonMount(() => { here; });', parser)).toBe('svelte: this `onMount` callback');
  });

  it('takes no `createEffect` bound by `import = require` from effector for a mount', () => {
    // kills lifecycle-hooks.ts:162 declaration?.type === 'ImportDeclaration' -> true (an `import =` has no `source`)
    expect(mount("import createEffect = require('effector');\ncreateEffect(() => { here; });", tsParser, TS_FILE)).toBe('none');
  });

  it.each(parsers)("takes Solid's `createEffect` as a mount, with `onCleanup` as its teardown (%s)", (_name, parser) => {
    // kills lifecycle-hooks.ts:182 name !== 'createEffect' -> true, -> name === 'createEffect', 'createEffect' -> ""
    expect(mountDetails("import { createEffect } from 'solid-js';\ncreateEffect(() => { here; });", parser)).toBe(
      'solid: this `createEffect` callback | where in an `onCleanup` callback | owner Program | hook | no returned cleanup | [onCleanup] | body () => { here; }',
    );
    expect(mount("import { createEffect } from 'effector';\ncreateEffect(() => { here; });", parser)).toBe('none');
    expect(mount('createEffect(() => { here; });', parser)).toBe('none');
  });

  it.each(parsers)('takes no other function of solid-js for a mount (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:182 name !== 'onMount' && name !== 'createEffect' -> false
    expect(mount("import { createRoot } from 'solid-js';\ncreateRoot(() => { here; });", parser)).toBe('none');
    expect(mount("import { createMemo } from 'solid-js';\ncreateMemo(() => { here; });", parser)).toBe('none');
  });
});

describe('mountCallbackOf: callbacks handed to a hook', () => {
  it.each(parsers)('takes a function expression handed inline (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:279 "... && parent.value === fn || fn.type === 'FunctionExpression'" and
    // "parent?.type === 'Property' && parent.value === fn" -> true
    expect(mountDetails('function C() { useEffect(function () { here; }, []); }', parser)).toBe(
      'react: this `useEffect` callback | where in a cleanup function that the callback returns | owner FunctionDeclaration | hook | returns cleanup | [useUnmount] | body function () { here; }',
    );
  });

  it.each(parsers)('takes only the first argument of a hook for its callback (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:216 parent.arguments[0] === outer -> true
    expect(mount('useEffect(setup, () => { here; });', parser)).toBe('none');
    // kills lifecycle-hooks.ts:232 call.arguments[0] === node -> true
    expect(mount('const later = () => { here; };\nuseEffect(setup, later);', parser)).toBe('none');
    expect(mount('function later() { here; }\nuseEffect(setup, later);', parser)).toBe('none');
  });

  it.each(parsers)('takes a local function declaration handed by name (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:220 "fn.type === 'FunctionDeclaration' && fn.id" -> false, "fn.type === 'FunctionDeclaration'" -> "!==",
    // "'FunctionDeclaration'" -> "", the block -> {}, :227 "!declaration" -> "declaration", "name === null" -> "name !== null",
    // '!declaration || name === null' -> true, :228 "(v) => v.name === name" -> "() => undefined", "v.name === name" -> false and "!==",
    // :229 "variable?.references ?? []" -> "&& []", the loop body -> {}, :232 the condition -> false, "'CallExpression'" -> "",
    // "call.arguments[0] === node" -> "!=="
    expect(mountDetails('function C() { function subscribe() { here; }\nuseEffect(subscribe, []); }', parser)).toBe(
      'react: this `useEffect` callback | where in a cleanup function that the callback returns | owner FunctionDeclaration | hook | returns cleanup | [useUnmount] | body function subscribe() { here; }',
    );
    expect(mount('function subscribe(a) { here; }\nonMounted(subscribe);', parser)).toBe('vue: this `onMounted` callback');
  });

  it.each(parsers)('takes a local arrow or function expression handed by the name of its variable (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:223 the condition -> false, "parent?.type === 'VariableDeclarator'" -> "!==", "'VariableDeclarator'" -> "",
    // "parent.init === outer" -> "!==", "parent.id.type === 'Identifier'" -> "!==", "'Identifier'" -> "", the block -> {}
    expect(mount('const subscribe = () => { here; };\nuseEffect(subscribe, []);', parser)).toBe('react: this `useEffect` callback');
    // kills lifecycle-hooks.ts:220 "fn.type === 'FunctionDeclaration' && fn.id" -> "||", "fn.type === 'FunctionDeclaration'" -> true
    expect(mount('const subscribe = function named() { here; };\nuseEffect(subscribe, []);', parser)).toBe(
      'react: this `useEffect` callback',
    );
    expect(mount('const { subscribe } = () => { here; };\nuseEffect(subscribe, []);', parser)).toBe('none');
    expect(mount('const subscribe = () => { here; };\nregister(subscribe);', parser)).toBe('none');
  });

  it.each(parsers)('takes no function that nothing hands over (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:227 '!declaration || name === null' -> false
    expect(mount('register(setup, () => { here; });', parser)).toBe('none');
    expect(mount('(() => { here; })();', parser)).toBe('none');
    // kills lifecycle-hooks.ts:223 "parent?.type === 'VariableDeclarator' && …" -> "||", "parent?.type === 'VariableDeclarator'" -> true
    // (a for loop's init is no declarator: it has no id to read)
    expect(mount('for (() => { here; }; ; ) break;', parser)).toBe('none');
  });

  it.each(parsers)('takes an arrow for a member of an object only when it is an options method (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:279 "fn.type === 'FunctionExpression'" -> true
    expect(mount('export default { mounted: () => { here; } };', parser)).toBe('none');
    expect(mount('export default { mounted: function () { here; } };', parser)).toBe('vue: `mounted`');
    expect(mount("export default { 'created'() { here; } };", parser)).toBe('vue: `created`');
    expect(mount('export default { [created]() { here; } };', parser)).toBe('none');
    expect(mount('export default { updated() { here; } };', parser)).toBe('none');
  });

  it.each(parsers)('takes the `setup()` of an options object for a Vue mount with its own teardown hooks (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:296 'vue' -> ""
    expect(mountDetails('defineComponent({ setup() { here; } });', parser)).toBe(
      'vue: `setup()` | where in an `onBeforeUnmount` (or `onUnmounted`) callback of the same setup | owner FunctionExpression | hook | no returned cleanup | [onBeforeUnmount, onUnmounted, onScopeDispose] | body () { here; }',
    );
  });
});

describe('mountCallbackOf: members of classes', () => {
  it.each(parsers)('writes a class member mount out whole, with no cleanup hooks (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:260 'member' -> "", :262 [] -> ["Stryker was here"]
    expect(mountDetails('class A { ngOnInit() { here; } }', parser)).toBe(
      'angular: `ngOnInit` | where in `ngOnDestroy` | owner ClassBody | member | no returned cleanup | [] | body () { here; }',
    );
    expect(mountDetails('export default { mounted() { here; } };', parser)).toBe(
      'vue: `mounted` | where in `beforeUnmount` (`beforeDestroy` in Vue 2) | owner ObjectExpression | member | no returned cleanup | [] | body () { here; }',
    );
  });

  it.each(parsers)('takes only methods for mounts, not getters or setters of the same name (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:275 parent.kind === 'method' -> true
    expect(mount('class A { get ngOnInit() { here; return 1; } }', parser)).toBe('none');
    expect(mount('class A { set connectedCallback(v) { here; } }', parser)).toBe('none');
    expect(mount('class A { static ngOnInit() { here; } }', parser)).toBe('none');
  });

  it.each(parsers)('reads a member key as written: a name or a string, never a computed name (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:207 "!member.computed && key.type === 'Identifier'" -> true and "||"
    expect(mount('class A { [ngOnInit]() { here; } }', parser)).toBe('none');
    // kills lifecycle-hooks.ts:207 "key.type === 'Identifier'" -> true, :208 the condition -> false, "key.type === 'Literal'" -> "!==",
    // "'Literal'" -> "", "typeof key.value === 'string'" -> "!==", "'string'" -> ""
    expect(mount("class A { 'ngOnInit'() { here; } }", parser)).toBe('angular: `ngOnInit`');
    expect(mount("class A { ['componentDidMount']() { here; } }", parser)).toBe('react: `componentDidMount`');
    expect(mount('class A { 1() { here; } }', parser)).toBe('none');
  });
});

describe('component classes: construction and fields', () => {
  it('takes the construction of an Angular `@Component` or `@Directive` class, decorated with or without a call', () => {
    // kills lifecycle-hooks.ts:195 "expression.type === 'CallExpression'" -> true
    expect(mount('@Component\nclass A { constructor() { here; } }')).toBe('angular: the construction of this component');
    // kills lifecycle-hooks.ts:196 "name === 'Directive'" -> false, "'Directive'" -> ""
    expect(mount("@Directive({ selector: 'x' })\nclass A { constructor() { here; } }")).toBe(
      'angular: the construction of this component',
    );
    expect(mount('@Injectable()\nclass A { constructor() { here; } }')).toBe('none');
  });

  it.each(parsers)('takes the construction of a React class component (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:198 the condition -> false, "'class-component'" -> ""
    expect(mountDetails('class A extends React.Component { constructor(p) { super(p); here; } }', parser)).toBe(
      'react: the construction of this component | where in `componentWillUnmount` | owner ClassBody | member | no returned cleanup | [] | body (p) { super(p); here; }',
    );
  });

  it.each(parsers)('takes the construction of a custom element, a class whose base name ends in Element (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:199 'classNode.superClass && calleeName(…)' -> false, :200 the condition -> false
    expect(mount('class A extends HTMLElement { constructor() { super(); here; } }', parser)).toBe(
      'custom-element: the construction of this component',
    );
    expect(mount('class A extends window.LitElement { constructor() { super(); here; } }', parser)).toBe(
      'custom-element: the construction of this component',
    );
    // kills lifecycle-hooks.ts:200 'base && /Element$/.test(base)' -> 'base || …'
    expect(mount('class A extends Store { constructor() { super(); here; } }', parser)).toBe('none');
    // kills lifecycle-hooks.ts:200 /Element$/ -> /Element/
    expect(mount('class A extends ElementStore { constructor() { super(); here; } }', parser)).toBe('none');
  });

  it.each(parsers)('takes the fields of a Vue class component as its construction (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:201 "base === 'Vue'" -> false, "'Vue'" -> ""
    expect(fieldMount('class A extends Vue { es = new EventSource(u); }', parser)).toBe(
      'vue: the construction of this component | where in `beforeUnmount` (`beforeDestroy` in Vue 2) | owner ClassBody | member | no returned cleanup | [] | body new EventSource(u)',
    );
    expect(fieldMount('class A extends View { es = new EventSource(u); }', parser)).toBe('none');
  });

  it.each(parsers)('takes no static field, and no field without a value, for part of a construction (%s)', (_name, parser) => {
    // kills lifecycle-hooks.ts:325 the condition -> false, "(…) && field.parent.type !== 'ClassBody'",
    // 'field.static || !field.value' -> false and "&&"
    expect(fieldMount('class A extends HTMLElement { static es = new EventSource(u); }', parser)).toBe('none');
    expect(fieldMount('class A extends HTMLElement { es; }', parser)).toBe('none');
    expect(fieldMount('class A extends HTMLElement { es = new EventSource(u); }', parser)).toBe(
      'custom-element: the construction of this component | where in `disconnectedCallback` | owner ClassBody | member | no returned cleanup | [] | body new EventSource(u)',
    );
  });
});
