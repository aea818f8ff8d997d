/**
 * Pins which functions a name holds and which re-opens go through such names
 * (`src/analysis/reconnect/indirect-reopens.ts`), case by case, so that the mutants StrykerJS
 * left alive there fail a test (issue 17): object-literal members by name or string key,
 * `useRef(fn)` and `React.useRef(fn)` refs, plain `=` assignments, the arguments callers pass
 * for a parameter (defaults included), the three-step bound on following names, and the walk
 * of a region through non-opening helpers, which stops at the region itself and at helpers it
 * is already inside.
 *
 * `functionsHeldBy` results are given as function names (or source text for an unnamed one);
 * re-open points as the text of their node and the names along their route.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { functionsHeldBy, indirectReopenPoints } from '../../src/analysis/reconnect/indirect-reopens.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, find, parsers } from './probe.js';

const [, espree] = parsers[1];

function isProbeCall(node: TSESTree.Node): node is TSESTree.CallExpression {
  return node.type === 'CallExpression' && node.callee.type === 'Identifier' && node.callee.name === 'probe';
}

/** A function's name: its own, the key of the method or property it is, or its text. */
function nameOf(fn: FunctionNode, text: (node: TSESTree.Node) => string): string {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
  const parent = fn.parent;
  if (parent?.type === 'Property' && parent.key.type === 'Identifier') return parent.key.name;
  return text(fn);
}

/** The functions the argument of the first `probe(…)` call holds, by name. */
function held(code: string, parser: unknown = tsParser): string[] {
  return analyse(parser, code, (sourceCode) => {
    const argument = find(sourceCode.ast, isProbeCall).arguments[0]!;
    return functionsHeldBy(sourceCode, argument).map((fn) => nameOf(fn, (node) => sourceCode.getText(node)));
  });
}

/** The indirect re-opens of `function <region>`, as the text of their node and their route by name. */
function pointsOf(code: string, region: string): { node: string; route: string[] }[] {
  return analyse(tsParser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    const openers = getStreamOpeners(sourceCode, openings);
    const fn = find(
      sourceCode.ast,
      (node): node is TSESTree.FunctionDeclaration => node.type === 'FunctionDeclaration' && node.id?.name === region,
    );
    const text = (node: TSESTree.Node) => sourceCode.getText(node);
    return indirectReopenPoints(sourceCode, fn, openers, new Set()).map((point) => ({
      node: text(point.node),
      route: point.route.map((step) => nameOf(step, text)),
    }));
  });
}

const OPEN = 'function open() {}\nfunction close() {}\n';

describe('functionsHeldBy: members of an object literal', () => {
  it('finds a member by its name or its string key, and only that member', () => {
    // kills indirect-reopens.ts:29 "!property.computed && key.type === 'Identifier'" -> 'true' and '||', "key.type === 'Identifier'" -> 'true',
    // :30 "key.type === 'Literal' && typeof key.value === 'string'" -> 'false', "key.type === 'Literal'" -> '!==', "'Literal'" -> '""',
    // "typeof key.value === 'string'" -> '!==', "'string'" -> '""',
    // :41 "property.type === 'Property' && propertyKeyName(property) === path.properties[0]" -> 'true' and '||', the name comparison -> 'true'
    expect(held(`${OPEN}const feed = { other: close, 'connect': open };\nprobe(feed.connect);`)).toEqual(['open']);
    expect(held(`${OPEN}const feed = { other: close, connect: open };\nprobe(feed.connect);`)).toEqual(['open']);
  });

  it('steps over a spread among the members', () => {
    // kills indirect-reopens.ts:41 "property.type === 'Property'" -> 'true' (a spread has no key)
    expect(held(`${OPEN}const feed = { ...base, connect: open };\nprobe(feed.connect);`)).toEqual(['open']);
  });

  it('does not look into an object literal for a longer path', () => {
    // kills indirect-reopens.ts:39 'path.properties.length === 1' -> 'true'
    expect(held(`${OPEN}const feed = { inner: open };\nprobe(feed.inner.connect);`)).toEqual([]);
  });

  it('does not look at the initialiser of a variable declared twice', () => {
    // kills indirect-reopens.ts:37 'path.root.defs.length === 1' -> 'true'
    expect(held(`${OPEN}var feed = { connect: open };\nvar feed = {};\nprobe(feed.connect);`, espree)).toEqual([]);
  });

  it('takes an object literal with a `current` member as an object, not as a call', () => {
    // kills indirect-reopens.ts:44 "… && path.properties.length === 1 && path.properties[0] === 'current'" -> '… || …',
    // "init?.type === 'CallExpression' && path.properties.length === 1" -> 'true' and '||', "init?.type === 'CallExpression'" -> 'true'
    expect(held(`${OPEN}const ref = { current: open };\nprobe(ref.current);`)).toEqual(['open']);
  });
});

describe('functionsHeldBy: refs', () => {
  it('finds the function `useRef` or `React.useRef` is given, as `current`', () => {
    // kills indirect-reopens.ts:46 "callee.type === 'Identifier'" -> 'true', "callee.type === 'MemberExpression'" -> 'false' and '!==',
    // "'MemberExpression'" -> '""'
    expect(held(`${OPEN}const ref = useRef(open);\nprobe(ref.current);`)).toEqual(['open']);
    expect(held(`${OPEN}const ref = React.useRef(open);\nprobe(ref.current);`)).toEqual(['open']);
  });

  it('finds nothing for a call whose callee has no name', () => {
    // kills indirect-reopens.ts:46 "callee.type === 'MemberExpression'" -> 'true'
    expect(held(`${OPEN}const ref = make()(open);\nprobe(ref.current);`)).toEqual([]);
  });

  it('finds nothing for another property of a ref, nor below `current`', () => {
    // kills indirect-reopens.ts:44 "path.properties[0] === 'current'" -> 'true', 'path.properties.length === 1' -> 'true'
    expect(held(`${OPEN}const ref = useRef(open);\nprobe(ref.other);`)).toEqual([]);
    expect(held(`${OPEN}const ref = useRef(open);\nprobe(ref.current.inner);`)).toEqual([]);
  });

  it('finds nothing for the argument of another function, nor for an empty `useRef()`', () => {
    // kills indirect-reopens.ts:48 "name === 'useRef' && first && first.type !== 'SpreadElement'" -> 'true',
    // "name === 'useRef' && first" -> 'true' and '||', "name === 'useRef'" -> 'true', "… && first || first.type !== 'SpreadElement'"
    expect(held(`${OPEN}const ref = createRef(open);\nprobe(ref.current);`)).toEqual([]);
    expect(held(`${OPEN}const ref = useRef();\nprobe(ref.current);`)).toEqual([]);
  });
});

describe('functionsHeldBy: assignments', () => {
  it('takes what a plain `=` stores, not a compound assignment, nor a read of the path', () => {
    // kills indirect-reopens.ts:53 "… && parent.operator === '=' && parent.left === outer" -> '… || parent.left === outer',
    // "parent?.type === 'AssignmentExpression' && parent.operator === '='" -> 'true' and '||', "parent.operator === '='" -> 'true',
    // 'parent.left === outer' -> 'true'
    expect(held(`${OPEN}const feed = {};\nfeed.connect = open;\nfeed.connect ||= close;\nx = feed.connect;\nprobe(feed.connect);`)).toEqual([
      'open',
    ]);
  });
});

describe('functionsHeldBy: parameters', () => {
  it('finds what the callers pass for a parameter, with a default or after one', () => {
    // kills indirect-reopens.ts:64 "param.type === 'AssignmentPattern' && param.left === definition.name" -> 'false' and '||',
    // "param.type === 'AssignmentPattern'" -> '!==', "'AssignmentPattern'" -> '""', 'param.left === definition.name' -> 'true' and '!=='
    expect(held(`${OPEN}function watch(cb = close) { probe(cb); }\nwatch(open);`)).toEqual(['open']);
    expect(held(`${OPEN}function watch(delay = 1, cb) { probe(cb); }\nwatch(5, open);`)).toEqual(['open']);
  });

  it('skips a call that passes nothing for the parameter', () => {
    // kills indirect-reopens.ts:70 "argument && argument.type !== 'SpreadElement'" -> 'true' and '||'
    expect(held(`${OPEN}function watch(cb) { probe(cb); }\nwatch(open);\nwatch();`)).toEqual(['open']);
  });

  it('does not follow a parameter that a `var` declares again', () => {
    // kills indirect-reopens.ts:60 'variable.defs.length === 1' -> 'true'
    expect(held(`${OPEN}function watch(cb) { var cb; probe(cb); }\nwatch(open);`, espree)).toEqual([]);
  });

  it('finds nothing for a variable declared twice', () => {
    // kills indirect-reopens.ts:61 "definition?.type !== 'Parameter' || !isFunctionNode(definition.node)" -> '&&',
    // "definition?.type !== 'Parameter'" -> 'false', 'definition?.type' -> 'definition.type'
    expect(held(`${OPEN}var h = open;\nvar h = close;\nprobe(h);`, espree)).toEqual([]);
  });
});

describe('functionsHeldBy: three names deep at most', () => {
  const CHAIN = `${OPEN}const a = { f: open };\nconst b = { f: a.f };\nconst c = { f: b.f };\nconst d = { f: c.f };\n`;

  it('follows three names, and not a fourth', () => {
    // kills indirect-reopens.ts:83 'steps >= MAX_STEPS' -> 'false' and '>', '[]' -> '["Stryker was here"]', :93 'steps + 1' -> 'steps - 1'
    expect(held(`${CHAIN}probe(c.f);`)).toEqual(['open']);
    expect(held(`${CHAIN}probe(d.f);`)).toEqual([]);
  });
});

describe('indirectReopenPoints', () => {
  // \`let\`: the opener index follows the methods of an object a \`const\` holds by itself, so only
  // an object it cannot pin reaches the name-following these cases are about.
  const HELPERS = `let h = {
  f1() { h.f2(); },
  f2() { h.f3(); },
  f3() { h.f4(); },
  f4() { h.open(); },
  open() { new EventSource('/events'); },
};
`;

  it('follows three helpers that re-open through names, and not a fourth', () => {
    // kills indirect-reopens.ts:125 'steps >= MAX_STEPS' -> 'false' and '>', :128 'steps + 1' -> 'steps - 1'
    expect(pointsOf(`${HELPERS}function retry() { h.f2(); }`, 'retry')).toEqual([
      { node: 'h.f2()', route: ['f2', 'f3', 'f4', 'open'] },
    ]);
    expect(pointsOf(`${HELPERS}function retry() { h.f1(); }`, 'retry')).toEqual([]);
  });

  it('leaves the methods of an object a const holds to the opener index, however deep', () => {
    const code = `${HELPERS.replace('let h', 'const h')}function retry() { h.f1(); }`;
    expect(pointsOf(code, 'retry')).toEqual([{ node: 'h.f1()', route: ['f1', 'f2', 'f3', 'f4', 'open'] }]);
  });

  it('does not enter the region again through a name that holds it', () => {
    // kills indirect-reopens.ts:110 '[region]' -> '[]', :127 'visiting.has(fn) || openers.byFunction.has(fn)' -> 'false' and '&&'
    const code = `const api = { connect() { new EventSource('/events'); }, retry };
function retry() { api.retry(); api.connect(); }`;
    expect(pointsOf(code, 'retry')).toEqual([{ node: 'api.connect()', route: ['connect'] }]);
  });

  it('does not enter a helper it is already inside', () => {
    // kills indirect-reopens.ts:128 '[...visiting, fn]' -> '[]'
    const code = `let h = { f1() { h.r(); }, open() { new EventSource('/events'); }, r: retry };
function retry() { h.f1(); h.open(); }`;
    expect(pointsOf(code, 'retry')).toEqual([{ node: 'h.open()', route: ['open'] }]);
  });

  it('does not count the region calling itself through a name as a re-open', () => {
    // kills indirect-reopens.ts:120 'fn !== region' -> 'true'
    const code = `const self = { connect };
function connect() { new EventSource('/events'); self.connect(); }`;
    expect(pointsOf(code, 'connect')).toEqual([]);
  });

  it('considers only callees that are names', () => {
    // kills indirect-reopens.ts:140 "callee.type === 'Identifier' || callee.type === 'MemberExpression'" -> 'true'
    const code = `function connect() { new EventSource('/events'); }
function retry() { connect.bind(null)(); }`;
    expect(pointsOf(code, 'retry')).toEqual([]);
  });
});
