/**
 * Pins where `src/analysis/lifecycle/lifecycle-hooks.ts` finds the teardown of a mount (issue
 * 17), so that the mutants StrykerJS left alive there fail a test: the cleanups a callback
 * returns (nothing, either side of `?:` and `&&`, `.bind()`, a name, anything else), the
 * cleanup hooks a setup calls and which of its calls are its own, the returning mount hooks of
 * the same framework, the teardown members of a class or options object, `DestroyRef.onDestroy`
 * and Vue 2's `$once('hook:…')`, and the cache of teardowns per owner.
 *
 * A teardown is written out as its regions, its returned values (as source text) and whether
 * some of it is unknown, so a missing or extra part shows as a different string.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { isFunctionNode } from '../../src/analysis/functions.js';
import {
  type MountCallback,
  type Teardown,
  callbackTeardownOf,
  fieldMountOf,
  instanceTeardownOf,
  mountCallbackOf,
  returnedValues,
} from '../../src/analysis/lifecycle/lifecycle-hooks.js';
import { type SourceCode, analyse, find, isMarked, parsers } from './probe.js';

function isField(node: TSESTree.Node): node is TSESTree.PropertyDefinition {
  return node.type === 'PropertyDefinition';
}

/** The nearest function around the `index`-th `here` of `code`. */
function markedFunction(sourceCode: SourceCode, index = 0) {
  const marks: TSESTree.Node[] = [];
  const stack: TSESTree.Node[] = [sourceCode.ast];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (isMarked(node)) marks.push(node);
    for (const [key, value] of Object.entries(node)) {
      if (key === 'parent') continue;
      for (const item of Array.isArray(value) ? value : [value]) {
        if (item && typeof item === 'object' && typeof (item as { type?: unknown }).type === 'string') stack.push(item);
      }
    }
  }
  marks.sort((a, b) => a.range[0] - b.range[0]);
  let node: TSESTree.Node | undefined = marks[index];
  while (node && !isFunctionNode(node)) node = node.parent;
  if (!node || !isFunctionNode(node)) throw new Error('no such `here` in a function');
  return node;
}

function markedMount(sourceCode: SourceCode, index = 0): MountCallback {
  const found = mountCallbackOf(sourceCode, markedFunction(sourceCode, index));
  if (!found) throw new Error('`here` is in no mount callback');
  return found;
}

/** A teardown as one line: `regions [...] returned [...]`, and ` unknown` when some of it is. */
function describeTeardown(sourceCode: SourceCode, teardown: Teardown): string {
  const text = (nodes: TSESTree.Node[]) => nodes.map((node) => (typeof node === 'object' ? sourceCode.getText(node) : String(node)));
  return `regions [${text(teardown.regions).join(' ; ')}] returned [${text(teardown.returnedValues).join(' ; ')}]${teardown.unknown ? ' unknown' : ''}`;
}

/** The teardown of the instance that the mount callback around `here` belongs to. */
function instance(code: string, parser: unknown = tsParser): string {
  return analyse(parser, code, (sourceCode) => describeTeardown(sourceCode, instanceTeardownOf(sourceCode, markedMount(sourceCode))));
}

/** The teardown that the mount callback around `here` sets up for what it opens itself. */
function callback(code: string, parser: unknown = tsParser): string {
  return analyse(parser, code, (sourceCode) => describeTeardown(sourceCode, callbackTeardownOf(sourceCode, markedMount(sourceCode))));
}

describe.each(parsers)('the cleanup a mount callback returns (%s)', (_name, parser) => {
  const effect = (returned: string) => callback(`useEffect(() => { here; ${returned} });`, parser);

  it('takes `null`, `undefined` and `void 0` for no cleanup at all', () => {
    // kills lifecycle-hooks.ts:340 the body of isNothing -> {}, :342 the whole condition -> false (twice),
    // "… || …" -> "… && …" (both), "node.type === 'Literal' && node.value === null" -> false, "node.type === 'Literal'" -> "!==",
    // "'Literal'" -> "", "node.value === null" -> "!==", :354 isNothing(node) -> false
    expect(effect('return null;')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:343 the condition -> false, "node.type === 'Identifier'" -> "!==", "'Identifier'" -> "", "'undefined'" -> ""
    expect(effect('return undefined;')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:344 the condition -> false, "node.type === 'UnaryExpression'" -> "!==", "'UnaryExpression'" -> "",
    // "node.operator === 'void'" -> "!==", "'void'" -> ""
    expect(effect('return void 0;')).toBe('regions [] returned []');
    expect(effect('return;')).toBe('regions [] returned []');
  });

  it('takes any other literal or operation for a cleanup it cannot follow', () => {
    // kills lifecycle-hooks.ts:342 "node.type === 'Literal' && node.value === null" -> "||", "node.value === null" -> true,
    // :371 the condition -> true, :373 the else block -> {}, :374 true -> false
    expect(effect('return 0;')).toBe('regions [] returned [] unknown');
    expect(effect("return 'done';")).toBe('regions [] returned [] unknown');
    // kills lifecycle-hooks.ts:344 "node.type === 'UnaryExpression' && node.operator === 'void'" -> "||", "node.operator === 'void'" -> true
    expect(effect('return -1;')).toBe('regions [] returned [] unknown');
    expect(effect('return !ready;')).toBe('regions [] returned [] unknown');
    expect(effect('return [stop];')).toBe('regions [] returned [] unknown');
  });

  it('follows both sides of a conditional and of a logical expression', () => {
    // kills lifecycle-hooks.ts:355 the condition -> false, "'ConditionalExpression'" -> "", the block -> {}
    expect(effect('return open ? () => es.close() : undefined;')).toBe('regions [() => es.close()] returned []');
    expect(effect('return open ? stop : null;')).toBe('regions [] returned [stop]');
    // kills lifecycle-hooks.ts:359 the condition -> false, "'LogicalExpression'" -> "", the block -> {}
    expect(effect('return open && (() => es.close());')).toBe('regions [() => es.close()] returned [open]');
    expect(effect('return stop ?? null;')).toBe('regions [] returned [stop]');
  });

  it('takes a `.bind()` call for a region, and any other call for a cleanup it cannot follow', () => {
    // kills lifecycle-hooks.ts:366 the condition -> false, "'CallExpression'" -> "", the block -> {}, :369 the condition -> false,
    // "callee.type === 'MemberExpression'" -> "!==", "'MemberExpression'" -> "", "… === 'bind'" -> "!==", "'bind'" -> ""
    expect(effect('return es.close.bind(es);')).toBe('regions [es.close.bind(es)] returned []');
    // kills lifecycle-hooks.ts:369 the condition -> true, "callee.type === 'MemberExpression'" -> true, :370 true -> false
    expect(effect('return makeCleanup();')).toBe('regions [] returned [] unknown');
    // kills lifecycle-hooks.ts:369 "… && …" -> "… || …", "staticPropertyName(callee) === 'bind'" -> true
    expect(effect('return api.makeCleanup();')).toBe('regions [] returned [] unknown');
    expect(effect("return es['close'].bind(es);")).toBe("regions [es['close'].bind(es)] returned []");
  });

  it('keeps a returned name or member as the value returned, and a local function as its region', () => {
    // kills lifecycle-hooks.ts:371 the condition -> false, "… || …" -> "… && …", "node.type === 'Identifier'" -> false and "!==",
    // "'Identifier'" -> ""
    expect(effect('return unsubscribe;')).toBe('regions [] returned [unsubscribe]');
    // kills lifecycle-hooks.ts:371 "node.type === 'MemberExpression'" -> false and "!==", "'MemberExpression'" -> ""
    expect(effect('return subscription.unsubscribe;')).toBe('regions [] returned [subscription.unsubscribe]');
    expect(callback('useEffect(() => { here; const stop = () => es.close(); return stop; });', parser)).toBe(
      'regions [() => es.close()] returned []',
    );
  });

  it('reads the returns of the callback itself, not those of the functions in it', () => {
    // kills lifecycle-hooks.ts:384 the condition -> false, "… || …" -> "… && …", false -> true
    expect(
      callback('useEffect(() => { here; function pick() { return other; } const s = { f() { return last; } }; return stop; });', parser),
    ).toBe('regions [] returned [stop]');
  });
});

describe.each(parsers)('returnedValues (%s)', (_name, parser) => {
  function returned(code: string): string[] {
    return analyse(parser, code, (sourceCode) =>
      returnedValues(markedFunction(sourceCode), sourceCode.visitorKeys).map((node) => sourceCode.getText(node)),
    );
  }

  it('lists what a function returns from its own code, in order, and the body of an arrow without a block', () => {
    expect(returned('function f() { here; if (a) return b; const g = () => { return c; }; class K { m() { return d; } } return e; }')).toEqual([
      'b',
      'e',
    ]);
    expect(returned('const f = () => here;')).toEqual(['here']);
  });
});

describe.each(parsers)('the cleanup hooks of a setup and the calls it makes itself (%s)', (_name, parser) => {
  const setup = (rest: string) => instance(`function setup() { onMounted(() => { here; }); ${rest} }`, parser);

  it('takes a cleanup hook without a callback, or with one it cannot follow, for an unknown teardown', () => {
    // kills lifecycle-hooks.ts:397 the condition -> false, "… || …" -> "… && …", the block -> {}, :398 true -> false
    expect(setup('onUnmounted();')).toBe('regions [] returned [] unknown');
    // kills lifecycle-hooks.ts:402 fn -> true, :403 true -> false
    expect(setup('onUnmounted(stop);')).toBe('regions [] returned [] unknown');
    expect(setup('onUnmounted(...stops);')).toBe('regions [] returned [] unknown');
    expect(setup('onBeforeUnmount(() => es.close());')).toBe('regions [() => es.close()] returned []');
  });

  it('counts the calls of inline callbacks as the setup’s own, not those of handlers or of class fields', () => {
    // kills lifecycle-hooks.ts:418 the condition -> false, "node !== ownerFunction" -> "===", false -> true
    expect(setup('button.onclick = () => { onUnmounted(() => a.close()); };')).toBe('regions [] returned []');
    expect(setup('function later() { onUnmounted(() => a.close()); }')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:418 "owningFunction(node.body) !== ownerFunction" -> true and "==="
    expect(setup('(() => { onUnmounted(() => b.close()); })();')).toBe('regions [() => b.close()] returned []');
    expect(setup('ready.then(() => { onScopeDispose(() => c.close()); });')).toBe('regions [() => c.close()] returned []');
    // kills lifecycle-hooks.ts:417 "node.type === 'ClassBody'" -> false, "'ClassBody'" -> "", false -> true
    expect(setup('class Later { stop = onUnmounted(() => d.close()); }')).toBe('regions [] returned []');
  });

  it('reads the cleanups returned by the other returning hooks of the same framework only', () => {
    const component = (rest: string) => instance(`function Row() { useEffect(() => { here; }); ${rest} }`, parser);
    expect(component('useLayoutEffect(() => () => a.close());')).toBe('regions [() => a.close()] returned []');
    // kills lifecycle-hooks.ts:448 "hook.framework !== mount.framework" -> false
    expect(component('$effect(() => () => a.close());')).toBe('regions [] returned []');
    expect(component('onMounted(() => () => a.close());')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:451 fn -> true, :452 true -> false
    expect(component('useEffect(subscribeElsewhere);')).toBe('regions [] returned [] unknown');
    // kills lifecycle-hooks.ts:450 "argument && argument.type !== 'SpreadElement'" -> "||"
    expect(component('useEffect();')).toBe('regions [] returned [] unknown');
    expect(component('useEffect(...effects);')).toBe('regions [] returned [] unknown');
    expect(component('useUnmount(() => b.close());')).toBe('regions [() => b.close()] returned []');
  });
});

describe.each(parsers)('the teardown members of a class or an options object (%s)', (_name, parser) => {
  it('takes the teardown methods and function fields, not statics or other members', () => {
    // kills lifecycle-hooks.ts:474 [] -> ["Stryker was here"], :481 "… && value" -> "… || value", "name !== null && …has(name)" -> true
    // and "||", :478 "'static' in member && member.static" -> false, "'static'" -> ""
    expect(
      instance(
        'class A { ngOnInit() { here; } static ngOnDestroy() { a.close(); } refresh() { b.close(); } ngOnDestroy() { c.close(); } }',
        parser,
      ),
    ).toBe('regions [() { c.close(); }] returned []');
    // kills lifecycle-hooks.ts:477 "member.type !== 'PropertyDefinition'" -> true and "===", "'PropertyDefinition'" -> ""
    expect(instance('class A { ngOnInit() { here; } ngOnDestroy = () => this.es.close(); }', parser)).toBe(
      'regions [() => this.es.close()] returned []',
    );
  });

  it('skips a spread in an options object', () => {
    // kills lifecycle-hooks.ts:477 the condition -> false
    expect(instance('export default { ...base, mounted() { here; }, beforeUnmount() { this.es.close(); } };', parser)).toBe(
      'regions [() { this.es.close(); }] returned []',
    );
  });

  it("takes the callbacks of Vue 2's `$once`/`$on` for the teardown events only", () => {
    const options = (rest: string) => instance(`export default { mounted() { here; ${rest} } };`, parser);
    expect(options("this.$once('hook:beforeDestroy', () => this.es.close());")).toBe('regions [() => this.es.close()] returned []');
    // kills lifecycle-hooks.ts:466 "name !== '$on'" -> true and "===", "'$on'" -> ""
    expect(options("this.$on('hook:unmounted', () => this.es.close());")).toBe('regions [() => this.es.close()] returned []');
    // kills lifecycle-hooks.ts:466 the condition -> false
    expect(options("this.$emit('hook:destroyed', () => this.es.close());")).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:470 the condition -> true, "… && …" -> "… || …"
    expect(options("this.$once('hook:updated', () => this.es.close());")).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:469 "getStaticValue(…)?.value" -> ".value"
    expect(options('this.$once(eventName, () => this.es.close());')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:468 "!event || …" -> "&&", the condition -> false
    expect(options('this.$once();')).toBe('regions [] returned []');
    expect(options('this.$once(...args);')).toBe('regions [] returned []');
    // kills lifecycle-hooks.ts:470 "listener ?? undefined" -> "listener && undefined"
    expect(options("const event = 'hook:destroyed'; this.$once(event, () => this.es.close());")).toBe(
      'regions [() => this.es.close()] returned []',
    );
    expect(options("this.$once('hook:destroyed');")).toBe('regions [] returned [] unknown');
  });

  it("takes the callback of Angular's `DestroyRef.onDestroy`", () => {
    expect(instance('class A { ngOnInit() { here; this.ref.onDestroy(() => this.es.close()); } }', parser)).toBe(
      'regions [() => this.es.close()] returned []',
    );
  });
});

describe.each(parsers)('the teardown of an instance, computed once per owner and kind (%s)', (_name, parser) => {
  it('hands back the same teardown for two mounts of one owner and framework, a separate one for another framework', () => {
    // kills lifecycle-hooks.ts:502 "!byKey" -> true, :508 "!teardown" -> true, :506 the key -> ``
    const code =
      'function Row() { useEffect(() => { here; return () => a.close(); }); useLayoutEffect(() => { here; }); $effect(() => { here; return () => b.close(); }); }';
    expect(
      analyse(parser, code, (sourceCode) => {
        const [react, layout, svelte] = [0, 1, 2].map((index) => instanceTeardownOf(sourceCode, markedMount(sourceCode, index)));
        return {
          same: react === layout,
          react: describeTeardown(sourceCode, react!),
          svelte: describeTeardown(sourceCode, svelte!),
        };
      }),
    ).toEqual({ same: true, react: 'regions [() => a.close()] returned []', svelte: 'regions [() => b.close()] returned []' });
  });

  it('starts a teardown empty', () => {
    // kills lifecycle-hooks.ts:509 [] -> ["Stryker was here"]
    expect(instance('function Row() { useEffect(() => { here; }); }', parser)).toBe('regions [] returned []');
  });
});

describe.each(parsers)('the teardown a callback sets up for what it opens itself (%s)', (_name, parser) => {
  it("takes Solid's `onCleanup` inside a `createEffect` callback", () => {
    // kills lifecycle-hooks.ts:534 the loop body -> {}, :535 the condition -> false, "hookName(call) ?? ''" -> "&& ''"
    expect(
      callback("import { createEffect, onCleanup } from 'solid-js';\ncreateEffect(() => { here; onCleanup(() => es.close()); });", parser),
    ).toBe('regions [() => es.close()] returned []');
    // kills lifecycle-hooks.ts:528 [] -> ["Stryker was here"]
    expect(callback("import { createEffect } from 'solid-js';\ncreateEffect(() => { here; });", parser)).toBe('regions [] returned []');
  });

  it('sets up nothing for a class member or a class field', () => {
    expect(callback('class A { ngOnInit() { here; onCleanup(() => es.close()); return () => es.close(); } }', parser)).toBe(
      'regions [] returned []',
    );
    // kills lifecycle-hooks.ts:529 the condition -> false
    expect(
      analyse(parser, 'class A extends HTMLElement { es = new EventSource(u); }', (sourceCode) =>
        describeTeardown(sourceCode, callbackTeardownOf(sourceCode, fieldMountOf(find(sourceCode.ast, isField))!)),
      ),
    ).toBe('regions [] returned []');
  });
});
