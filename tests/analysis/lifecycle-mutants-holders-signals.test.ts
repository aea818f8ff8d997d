/**
 * Pins how `stream-holders.ts` finds the `AbortController` that stops a `fetchEventSource` stream,
 * so that the mutants StrykerJS left alive in `isNewAbortController`, `controllerStore`,
 * `signalController` and `fetchEventSourceHolding` of `src/analysis/lifecycle/stream-holders.ts`
 * fail a test (issue 17): the `signal` option read from a controller directly, through a variable
 * or through `const { signal } = controller`, and the controller stored where it is created.
 *
 * Each case shows how the stream is held: `held <names> (<the node that stores the controller>)`,
 * `escapes` or `no-signal`.
 */
import { describe, expect, it } from 'vitest';
import { holderText } from '../../src/analysis/lifecycle/holder-paths.js';
import { streamHolding } from '../../src/analysis/lifecycle/stream-holders.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

const IMPORT = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";

describe.each(parsers)('the controller of a fetchEventSource stream (%s)', (_name, parser) => {
  function holding(code: string): string {
    return analyse(parser, IMPORT + code, (sourceCode) => {
      const opening = getStreamOpenings(sourceCode)[0];
      if (!opening) throw new Error('no stream in the code');
      const result = streamHolding(sourceCode, opening);
      if (result.kind !== 'held') return result.kind;
      return `held ${result.paths.map((path) => holderText(path)).join(', ')} (${result.store.type})`;
    });
  }

  it('finds a controller assigned after its declaration', () => {
    // kills stream-holders.ts:214 'false' -> 'true' (the declarator has no initialiser) and '!node' -> 'false',
    // :228 the loop body -> '{}', :231 the whole test -> 'false', "parent?.type === 'AssignmentExpression'" -> '!==',
    // "'AssignmentExpression'" -> "" and 'parent.left === node' -> '!=='
    expect(holding('let c; c = new AbortController(); fetchEventSource(u, { signal: c.signal });')).toBe(
      'held c (AssignmentExpression)',
    );
  });

  it('gives up when the controller variable is assigned something else', () => {
    // kills stream-holders.ts:231 the whole test -> 'true', "… && parent.left === node && isNewAbortController(parent.right)"
    // -> '… || isNewAbortController(parent.right)', "parent?.type === 'AssignmentExpression' && parent.left === node" -> 'true'
    // and -> '||', and "parent?.type === 'AssignmentExpression'" -> 'true' (`c ?? new AbortController()` is no store of `c`)
    expect(
      holding('let c; c = make(); const d = c ?? new AbortController(); fetchEventSource(u, { signal: c.signal });'),
    ).toBe('escapes');
  });

  it('gives up when the controller is created by something other than `new AbortController()`', () => {
    // kills stream-holders.ts:216 the whole test -> 'true', :226 the whole test -> 'true' and
    // "definition?.node.type === 'VariableDeclarator' && …" -> '||', and :280 '!controller || !store' -> '&&'
    expect(holding('const c = make(); fetchEventSource(u, { signal: c.signal });')).toBe('escapes');
    // kills stream-holders.ts:216 "value.callee.name === 'AbortController'" -> 'true'
    expect(holding('const c = new Controller(); fetchEventSource(u, { signal: c.signal });')).toBe('escapes');
    // kills stream-holders.ts:216 "value.type === 'NewExpression' && value.callee.type === 'Identifier'" -> 'true',
    // the '… || value.callee.name === "AbortController"' and "value.type === 'NewExpression' || …" mutants,
    // and "value.type === 'NewExpression'" -> 'true' (an object literal has no callee)
    expect(holding('const c = {}; fetchEventSource(u, { signal: c.signal });')).toBe('escapes');
  });

  it('does not take a controller held in a variable for one held in a property of it', () => {
    // kills stream-holders.ts:224 "path.properties.length === 0 && 'defs' in path.root" -> 'true' and -> '||',
    // and 'path.properties.length === 0' -> 'true'
    expect(holding('const ref = new AbortController(); fetchEventSource(u, { signal: ref.current.signal });')).toBe('escapes');
  });

  it('gives up on a declared global with no definition in the file', () => {
    // kills stream-holders.ts:226 'definition?.node' -> 'definition.node'
    expect(holding('/* global ctrl */ fetchEventSource(u, { signal: ctrl.signal });')).toBe('escapes');
  });

  it('gives up when the controller is handed to unknown code', () => {
    // kills stream-holders.ts:282 "{ kind: 'escapes' }" -> '{}' and "'escapes'" -> ""
    expect(holding('const c = new AbortController(); fetchEventSource(u, { signal: c.signal }); register(c);')).toBe('escapes');
  });

  it('gives up when a spread may supply the signal', () => {
    // kills stream-holders.ts:277 "signal.kind === 'unknown'" -> 'false' and "'unknown'" -> "",
    // and :277 "{ kind: 'escapes' }" -> '{}' and "'escapes'" -> ""
    expect(holding('fetchEventSource(u, { ...options });')).toBe('escapes');
  });

  it('reads only the `signal` property of a controller', () => {
    // kills stream-holders.ts:243 "staticPropertyName(node) === 'signal'" -> 'true'
    expect(holding('const c = new AbortController(); fetchEventSource(u, { signal: c.other });')).toBe('escapes');
  });

  it('follows the signal through a variable', () => {
    // kills stream-holders.ts:254 "declarator.id.type === 'Identifier'" -> 'false' and "'Identifier'" -> ""
    expect(holding('const c = new AbortController(); const s = c.signal; fetchEventSource(u, { signal: s });')).toBe(
      'held c (VariableDeclarator)',
    );
  });

  it('gives up on a signal whose variable is undeclared, declared twice, a parameter or assigned later', () => {
    // kills stream-holders.ts:249 '!variable || followed.has(variable)' -> 'false' and -> '&&'
    expect(holding('fetchEventSource(u, { signal: s });')).toBe('escapes');
    // kills stream-holders.ts:251 'variable.defs.length === 1' -> 'true', :252 "definition?.node.type !== 'VariableDeclarator'" -> 'false'
    // and 'definition?.node' -> 'definition.node'
    expect(holding('const c = new AbortController(); var s = c.signal; var s = c.signal; fetchEventSource(u, { signal: s });')).toBe(
      'escapes',
    );
    // kills stream-holders.ts:252 "definition?.node.type !== 'VariableDeclarator' || !definition.node.init" -> 'false'
    expect(holding('function open(s) { fetchEventSource(u, { signal: s }); }')).toBe('escapes');
    // kills stream-holders.ts:252 "… || !definition.node.init" -> '&&'
    expect(holding('const c = new AbortController(); let s; s = c.signal; fetchEventSource(u, { signal: s });')).toBe('escapes');
  });

  it('gives up on a signal taken out of a list', () => {
    // kills stream-holders.ts:256 "declarator.id.type === 'ObjectPattern'" -> 'true'
    expect(holding('const [s] = signals; fetchEventSource(u, { signal: s });')).toBe('escapes');
  });

  it('follows `const { signal } = controller` and no other property of it', () => {
    expect(holding('const c = new AbortController(); const { signal } = c; fetchEventSource(u, { signal });')).toBe(
      'held c (VariableDeclarator)',
    );
    // kills stream-holders.ts:259 the whole test -> 'true' and each '&&' of it -> '||' (four mutants), its first three,
    // two and one operands -> 'true' (three mutants) and "p.type === 'Property' && p.value === definition.name" -> '||',
    // and :260 'p.value === definition.name' -> 'true'
    expect(
      holding('const c = new AbortController(); const { signal: s, other } = c; fetchEventSource(u, { signal: other });'),
    ).toBe('escapes');
    // kills stream-holders.ts:263 "p.key.name === 'signal'" -> 'true'
    expect(holding('const c = new AbortController(); const { other: s } = c; fetchEventSource(u, { signal: s });')).toBe('escapes');
  });
});
