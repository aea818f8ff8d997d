/**
 * Pins which functions `serverEventListeners` (`src/analysis/reconnect/stream-listeners.ts`)
 * takes to run on a server event, case by case, so that the mutants StrykerJS left alive in that
 * file fail a test (issue 17). A listener counts when it is registered for a server event:
 * `es.onmessage = fn`, `es.addEventListener(type, fn)` for a known type other than `error` and
 * `open`, and the `onmessage`/`onclose` options of `fetchEventSource`. Nothing else does, such
 * as the `onerror` handler, a `removeEventListener`, or an option of another client.
 *
 * Each case declares its candidate listeners as named functions; the answer is their names.
 */
import { describe, expect, it } from 'vitest';
import { serverEventListeners } from '../../src/analysis/reconnect/stream-listeners.js';
import type { FunctionNode } from '../../src/analysis/functions.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

const HANDLERS = 'function onBye() {}\nfunction onClosed() {}\nfunction onFail() {}\n';

function nameOf(fn: FunctionNode): string {
  if (fn.type === 'FunctionDeclaration' && fn.id) return fn.id.name;
  return `line ${fn.loc.start.line}`;
}

/** The names of the server event listeners of `HANDLERS + code`, under both parsers. */
function listenersOf(code: string): string[][] {
  return parsers.map(([, parser]) =>
    analyse(parser, HANDLERS + code, (sourceCode) => serverEventListeners(sourceCode, getStreamOpenings(sourceCode)).map(nameOf)),
  );
}

function both(names: string[]): string[][] {
  return [names, names];
}

describe('`onmessage` assigned', () => {
  it('takes the function assigned to `onmessage`', () => {
    // pins the registration that the `onmessage` mutants below are told apart from
    expect(listenersOf("const es = new EventSource('/feed');\nes.onmessage = onBye;")).toEqual(both(['onBye']));
  });

  it('does not take the `onerror` handler', () => {
    // kills stream-listeners.ts:29 "… && parent.operator === '=' || parent.left === outer", "… && parent.operator === '='" -> true,
    // "… && parent?.type === 'AssignmentExpression' || parent.operator === '='", "name === 'onmessage' && parent?.type === …" -> true,
    // "name === 'onmessage' || parent?.type === 'AssignmentExpression'", "name === 'onmessage'" -> true
    expect(listenersOf("const es = new EventSource('/feed');\nes.onerror = onFail;")).toEqual(both([]));
  });

  it('does not take the right side of `+=`: it stores no function', () => {
    // kills stream-listeners.ts:29 "parent.operator === '='" -> true
    expect(listenersOf("const es = new EventSource('/feed');\nes.onmessage += onBye;")).toEqual(both([]));
  });
});

describe('`addEventListener` called', () => {
  it('takes a listener of a server event, not of `error` or `open`', () => {
    // kills stream-listeners.ts:36 "typeof eventType === 'string' && !CLIENT_EVENTS.has(eventType)" -> true and -> '||'
    const code = `const es = new EventSource('/feed');
es.addEventListener('bye', onBye);
es.addEventListener('error', onFail);
es.addEventListener('open', onClosed);`;
    expect(listenersOf(code)).toEqual(both(['onBye']));
  });

  it('does not take a listener whose event type it cannot tell', () => {
    // kills stream-listeners.ts:35 '?.value' -> '.value', :36 "typeof eventType === 'string'" -> true
    expect(listenersOf("function watch(kind) { const es = new EventSource('/feed'); es.addEventListener(kind, onBye); }")).toEqual(both([]));
  });

  it('does not take `removeEventListener`, nor the method handed elsewhere or constructed', () => {
    // kills stream-listeners.ts:32 "name !== 'addEventListener' || … || parent.callee !== outer" -> '(… || …) && …',
    // "name !== 'addEventListener' || parent?.type !== 'CallExpression'" -> false and -> '&&', "name !== 'addEventListener'" -> false,
    // "parent?.type !== 'CallExpression'" -> false, 'parent.callee !== outer' -> false
    const code = `const es = new EventSource('/feed');
es.removeEventListener('bye', onBye);
register('bye', onClosed, es.addEventListener);
new es.addEventListener('bye', onFail);`;
    expect(listenersOf(code)).toEqual(both([]));
  });

  it('answers nothing for a call without a type or without a listener', () => {
    // kills stream-listeners.ts:34 the whole guard -> false, '(…) && listener.type === …', '!type || !listener || …' -> false,
    // '(!type || !listener) && type.type === …', '!type || !listener' -> false and -> '!type && !listener'
    expect(listenersOf("const es = new EventSource('/feed');\nes.addEventListener();\nes.addEventListener('bye');")).toEqual(both([]));
  });
});

describe('options of `fetchEventSource`', () => {
  it('takes the `onmessage` and `onclose` options, not `onerror`', () => {
    // kills stream-listeners.ts:52 "opening.source.module === '@microsoft/fetch-event-source'" -> false, -> '!==', the module -> "",
    // its block -> {}, :54 "['onmessage', 'onclose']" -> [], 'onmessage' -> "", 'onclose' -> "", the loop body -> {},
    // :55 'options && findOption(options, name)' -> true and -> false, :56 "option?.kind === 'found'" -> false, 'found' -> ""
    const code = `import { fetchEventSource } from '@microsoft/fetch-event-source';
fetchEventSource('/feed', { onmessage: onBye, onclose: onClosed, onerror: onFail });`;
    expect(listenersOf(code)).toEqual(both(['onBye', 'onClosed']));
  });

  it('does not read options of other clients', () => {
    // kills stream-listeners.ts:52 "opening.source.module === '@microsoft/fetch-event-source'" -> true
    expect(listenersOf("new EventSource('/feed', { onmessage: onBye, onclose: onClosed });")).toEqual(both([]));
  });
});
