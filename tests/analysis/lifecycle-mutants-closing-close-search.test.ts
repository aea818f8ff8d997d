/**
 * Pins what counts as closing a held stream (`src/analysis/lifecycle/closing.ts`), case by
 * case, so that the mutants StrykerJS left alive there fail a test (issue 17): local aliases
 * (`const current = ref.current`, `const { current } = ref`), bound close methods, wrappers'
 * callable unsubscribe functions, streams handed to code the file does not define, local
 * functions that receive the stream (and how deep they are followed), `this` in a handler of
 * the stream, and `catch` blocks.
 *
 * The names a stream is held under are given by hand, as the arguments of a `holder(…)` call,
 * so that these cases see only what `closing.ts` itself follows (the holder analysis follows
 * some aliases too, which hid these mutants from the rule's tests). The code searched is the
 * body of the function called `teardown`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type FunctionNode, isFunctionNode } from '../../src/analysis/functions.js';
import { type CloseTargets, closesStream, closesStreamNow, isStreamReference } from '../../src/analysis/lifecycle/closing.js';
import { type HolderPath, holderPathOf } from '../../src/analysis/lifecycle/holder-paths.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

interface Search {
  /** `stream` (the default) closes with `close()`; `wrapper` is also closed by calling it. */
  callable?: boolean;
  /** Which search: `closesStream` (the default), with `catch` blocks skipped, or `closesStreamNow`. */
  mode?: 'teardown' | 'skip-catch' | 'now';
  /** Whether `teardown` is a handler whose `this` is the stream (`'teardown'`), or none is (`null`). */
  self?: 'teardown' | null;
}

function isHolderCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'holder';
}

/** The function called `teardown`: a declaration, or a function a variable of that name is set to. */
function teardownOf(sourceCode: SourceCode): FunctionNode {
  return find(sourceCode.ast, (node): node is FunctionNode => {
    if (node.type === 'FunctionDeclaration') return node.id?.name === 'teardown';
    if (!isFunctionNode(node)) return false;
    const parent = node.parent;
    return parent?.type === 'VariableDeclarator' && parent.id.type === 'Identifier' && parent.id.name === 'teardown';
  });
}

function targetsOf(sourceCode: SourceCode, search: Search): CloseTargets {
  const paths = find(sourceCode.ast, isHolderCall).arguments.map((argument) => holderPathOf(sourceCode, argument)!);
  const teardown = teardownOf(sourceCode);
  return {
    paths: paths as HolderPath[],
    close: { methods: new Set(['close']), callable: search.callable ?? false },
    ...(search.self === undefined ? {} : { selfFunction: search.self === null ? null : teardown }),
  };
}

describe.each(parsers)('what closes a held stream (%s)', (_name, parser) => {
  /** Whether running the body of `teardown` closes a stream held under the names given to `holder(…)`. */
  function closes(code: string, search: Search = {}): boolean {
    return analyse(parser, code, (sourceCode) => {
      const targets = targetsOf(sourceCode, search);
      const body = teardownOf(sourceCode).body;
      if (search.mode === 'now') return closesStreamNow(sourceCode, body, targets);
      if (search.mode === 'skip-catch') return closesStream(sourceCode, body, targets, { skipCatchClauses: true });
      return closesStream(sourceCode, body, targets);
    });
  }

  const REF = 'const ref = { current: null };\nholder(ref.current);\n';
  const ES = 'const es = new EventSource(u);\nconst other = new EventSource(u);\nholder(es);\n';

  it('follows a variable that renames the stream', () => {
    // kills closing.ts:60 block -> {}, closing.ts:61 variable && {…} -> true / false / variable || {…}
    // kills closing.ts:61 { root: variable, properties: [] } -> {}, closing.ts:61 [] -> ["Stryker was here"]
    // kills closing.ts:62 path && !includesHolder(…) -> false, closing.ts:62 !includesHolder(…) -> includesHolder(…)
    // kills closing.ts:66 block -> {}, closing.ts:67 !declarator.init -> declarator.init / true
    // kills closing.ts:68 getDeclaredVariables(declarator) ?? [] -> getDeclaredVariables
    // kills closing.ts:70 id.type === 'Identifier' -> false / !== / "", closing.ts:70 block -> {}
    // kills closing.ts:71 this.isTarget(declarator.init) -> false, closing.ts:71 (v) => … -> () => undefined
    // kills closing.ts:71 v.name === id.name -> false / !==, closing.ts:126 node.type === 'VariableDeclarator' -> false / ""
    expect(closes(`${REF}function teardown() { const current = ref.current; current?.close(); }`)).toBe(true);
    expect(closes(`${ES}function teardown() { const stream = es; stream.close(); }`)).toBe(true);
  });

  it('does not take a variable set to something else for the stream', () => {
    // kills closing.ts:71 this.isTarget(declarator.init) -> true
    expect(closes(`${REF}function teardown() { const current = ref.other; current.close(); }`)).toBe(false);
    expect(closes(`${ES}function teardown() { const stream = other; stream.close(); }`)).toBe(false);
  });

  it('does not follow a variable declared without a value and assigned later', () => {
    // kills closing.ts:67 !declarator.init -> false (reading the missing value throws)
    expect(closes(`${REF}function teardown() { let current; current = ref.current; current.close(); }`)).toBe(false);
  });

  it('follows a destructured property that renames the stream', () => {
    // kills closing.ts:70 id.type === 'Identifier' -> true, closing.ts:74 id.type !== 'ObjectPattern' -> true / ""
    // kills closing.ts:76 !source -> source / true, closing.ts:77 block -> {}
    // kills closing.ts:78 the whole skip test -> true, closing.ts:78 property.type !== 'Property' -> === / ""
    // kills closing.ts:78 property.key.type !== 'Identifier' -> === / ""
    // kills closing.ts:79 property.value.type !== 'Identifier' -> true / === / ""
    // kills closing.ts:80 { root, properties } -> {}, closing.ts:80 [...source.properties, name] -> []
    // kills closing.ts:82 includesHolder(…) -> false, closing.ts:82 (v) => … -> () => undefined, v.name === name -> false / !==
    expect(closes(`${REF}function teardown() { const { current } = ref; current.close(); }`)).toBe(true);
    expect(closes(`${REF}function teardown() { const { current: stream } = ref; stream.close(); }`)).toBe(true);
    // kills closing.ts:82 v.name === name -> true (the first variable declared is `other`)
    expect(closes(`${REF}function teardown() { const { other, current } = ref; other.close(); }`)).toBe(false);
    expect(closes(`${REF}function teardown() { const { other, current } = ref; current.close(); }`)).toBe(true);
  });

  it('does not take another destructured property for the stream', () => {
    // kills closing.ts:82 includesHolder(this.#paths, path) -> true
    expect(closes(`${REF}function teardown() { const { other } = ref; other.close(); }`)).toBe(false);
  });

  it('skips a computed key, whatever its variable is called', () => {
    // kills closing.ts:78 (… || property.computed) && … -> the computed key is read as a name
    // kills closing.ts:78 property.type !== 'Property' || property.computed -> false / &&
    expect(closes(`${REF}const current = 'other';\nfunction teardown() { const { [current]: stream } = ref; stream.close(); }`)).toBe(
      false,
    );
  });

  it('passes over array patterns, rest elements and values that are no holder', () => {
    // kills closing.ts:74 id.type !== 'ObjectPattern' -> false / === (an array pattern has no properties)
    expect(closes(`${ES}const list = [es];\nfunction teardown() { const [first] = list; first.close(); }`)).toBe(false);
    // kills closing.ts:76 !source -> false (a call's result has no holder path)
    expect(closes(`${REF}function teardown() { const { current } = make(); current.close(); }`)).toBe(false);
    // kills closing.ts:78 the whole skip test -> false, closing.ts:78 property.type !== 'Property' -> false
    // kills closing.ts:78 (… || …) && property.key.type !== 'Identifier' (a rest element has no key)
    expect(closes(`${REF}function teardown() { const { ...rest } = ref; rest.current.close(); }`)).toBe(false);
  });

  it('counts only the close method, called on a holder', () => {
    // kills closing.ts:91 name !== null && methods.has(name) -> true / ||
    expect(closes(`${ES}function teardown() { es.send(); }`)).toBe(false);
    expect(closes(`${ES}function teardown() { other.close(); }`)).toBe(false);
    expect(closes(`${ES}function teardown() { es.close(); }`)).toBe(true);
  });

  it('counts a close method bound to the stream with bind, call or apply', () => {
    // kills closing.ts:97 return true -> false
    expect(closes(`${ES}function teardown() { window.addEventListener('unload', es.close.bind(es)); }`)).toBe(true);
    expect(closes(`${ES}function teardown() { es.close.call(es); }`)).toBe(true);
    expect(closes(`${ES}function teardown() { es.close.apply(es, []); }`)).toBe(true);
  });

  it('does not count other methods of a close method, or other methods bound', () => {
    // kills closing.ts:93 the bind/call/apply test -> true, closing.ts:93 name === 'bind' / 'call' / 'apply' -> !==
    expect(closes(`${ES}function teardown() { log(es.close.toString()); }`)).toBe(false);
    // kills closing.ts:97 the whole test -> true
    expect(closes(`${ES}function teardown() { other.close.bind(other); }`)).toBe(false);
    // kills closing.ts:97 method !== null && methods.has(method) -> true / ||, closing.ts:97 … && … || isTarget(…)
    expect(closes(`${ES}function teardown() { es.send.bind(null); }`)).toBe(false);
    // kills closing.ts:95 bound.type === 'MemberExpression' -> true / !== (a bound plain function has no property)
    expect(closes(`${ES}function teardown() { const run = work.bind(null); run(); }`)).toBe(false);
  });

  it("counts a call of a wrapper's unsubscribe function, and only of that one", () => {
    const wrapper = 'const unsubscribe = subscribe(u);\nholder(unsubscribe);\n';
    // kills closing.ts:101 callable && isTarget(callee) -> false, closing.ts:101 return true -> false
    expect(closes(`${wrapper}function teardown() { unsubscribe(); }`, { callable: true })).toBe(true);
    // kills closing.ts:101 callable && isTarget(callee) -> callable || isTarget(callee)
    expect(closes(`${wrapper}function teardown() { refresh(); }`, { callable: true })).toBe(false);
    expect(closes(`${wrapper}function teardown() { unsubscribe(); }`)).toBe(false);
  });

  it('counts handing the stream to a function the file does not define', () => {
    // kills closing.ts:105 (argument) => … -> () => undefined, closing.ts:105 the argument test -> false
    // kills closing.ts:105 argument.type !== 'SpreadElement' -> ===
    expect(closes(`${ES}function teardown() { closeAll(es); }`)).toBe(true);
    expect(closes(`${ES}function teardown() { closeAll(other); }`)).toBe(false);
  });

  it('follows local functions four calls deep, not five', () => {
    const chain = (depth: number) =>
      Array.from({ length: depth }, (_, index) =>
        index === depth - 1 ? `function step${index}() { es.close(); }` : `function step${index}() { step${index + 1}(); }`,
      ).join('\n');
    expect(closes(`${ES}${chain(4)}\nfunction teardown() { step0(); }`)).toBe(true);
    // kills closing.ts:107 depth >= MAX_CALL_DEPTH || visited -> false / &&, closing.ts:107 depth >= MAX_CALL_DEPTH -> false / >
    // kills closing.ts:107 return false -> true, closing.ts:116 depth + 1 -> depth - 1
    expect(closes(`${ES}${chain(5)}\nfunction teardown() { step0(); }`)).toBe(false);
  });

  it('reads a recursive local function once', () => {
    // kills closing.ts:107 depth >= MAX_CALL_DEPTH || visited -> false (the search never ends)
    expect(closes(`${ES}function again() { again(); }\nfunction teardown() { again(); }`)).toBe(false);
    // kills closing.ts:107 return false -> true (a function already read counts as closing)
    expect(closes(`${ES}function again() { work(); }\nfunction teardown() { again(); again(); }`)).toBe(false);
  });

  it('follows the stream into the parameter of a local function that receives it', () => {
    // kills closing.ts:110 block -> {}, closing.ts:112 the skip test -> true, closing.ts:112 argument.type === 'SpreadElement' -> !==
    // kills closing.ts:112 parameter?.type !== 'Identifier' -> === / "", closing.ts:112 !this.isTarget(argument) -> this.isTarget(argument)
    // kills closing.ts:113 getDeclaredVariables(fn) ?? [] -> getDeclaredVariables, closing.ts:114 (v) => … -> () => undefined
    // kills closing.ts:114 v.name === parameter.name -> true (the function's own name comes first) / false / !==
    expect(closes(`${ES}function shut(stream) { stream.close(); }\nfunction teardown() { shut(es); }`)).toBe(true);
  });

  it('does not take a parameter that receives something else for the stream', () => {
    // kills closing.ts:112 the skip test -> false, closing.ts:112 (spread || not an identifier) && !isTarget
    expect(closes(`${ES}function shut(stream, next) { next.close(); }\nfunction teardown() { shut(es, other); }`)).toBe(false);
    // kills closing.ts:112 argument.type === 'SpreadElement' || … -> false / &&, closing.ts:112 parameter?.type !== … -> false
    // kills closing.ts:112 parameter?.type -> parameter.type (the stream is an argument without a parameter)
    expect(closes(`${ES}function shut() { work(); }\nfunction teardown() { shut(es); }`)).toBe(false);
  });

  it('reads `this` as the stream only in the handler itself and arrows within it', () => {
    // kills closing.ts:33 current.type !== 'ArrowFunctionExpression' -> true / ""
    expect(closes(`${ES}function teardown() { setTimeout(() => this.close()); }`, { self: 'teardown' })).toBe(true);
    // kills closing.ts:54 thisFunction(node) === selfFunction -> true
    expect(closes(`${ES}function teardown() { [1].forEach(function () { this.close(); }); }`, { self: 'teardown' })).toBe(false);
    // kills closing.ts:54 selfFunction != null && … -> selfFunction != null || …, closing.ts:54 selfFunction != null -> true
    expect(closes(`${ES}const teardown = () => { this.close(); };`, { self: null })).toBe(false);
  });

  it('counts a close in a catch block unless told to skip them', () => {
    const code = `${ES}function teardown() { try { work(); } catch { es.close(); } }`;
    // kills closing.ts:144 skipCatchClauses = false -> true
    expect(closes(code)).toBe(true);
    // kills closing.ts:125 skipCatchClauses && node.type === 'CatchClause' -> false / "", closing.ts:125 return false -> true
    expect(closes(code, { mode: 'skip-catch' })).toBe(false);
    // kills closing.ts:46 skipCatchClauses = false -> true (closesStreamNow does not skip them)
    expect(closes(code, { mode: 'now' })).toBe(true);
  });

  it('tells a reference to the stream from other expressions', () => {
    const reference = (code: string) =>
      analyse(parser, code, (sourceCode) => {
        const call = find(sourceCode.ast, (node): node is TSESTree.CallExpression => node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe');
        return isStreamReference(sourceCode, call.arguments[0]!, targetsOf(sourceCode, {}));
      });
    expect(reference(`${ES}function teardown() {}\nprobe(es);`)).toBe(true);
    expect(reference(`${ES}function teardown() {}\nprobe(other);`)).toBe(false);
    expect(reference(`${ES}function teardown() {}\nprobe(this);`)).toBe(false);
  });
});
