/**
 * Pins which streams `stream-consumers.ts` takes for one-shot streams, kept open by no one: a
 * request with a body (`method: 'POST'`), and a stream that closes itself in a handler of one of
 * its own events, so that the mutants StrykerJS left alive in `requestsWithBody`, `handlerOn`
 * and `closesOnItsOwnEvent` of `src/analysis/stream-consumers.ts` fail a test (issue 17).
 *
 * Every stream here is opened at module level: a stream that stays open is kept by `module scope`,
 * a one-shot stream by no one (`none`).
 */
import { describe, expect, it } from 'vitest';
import { parsers } from './probe.js';
import { consumersOf } from './consumers-probe.js';

const consumers = consumersOf;

const MODULE = ['module: module scope'];
const NONE = ['none'];

const FETCH = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";
/** A stream kept in `es`, followed by `rest`. */
const stream = (rest: string) => `const es = new EventSource('/events');\n${rest}`;

describe.each(parsers)('requests with a body (%s)', (_name, parser) => {
  it('keeps a request whose method the code does not name', () => {
    // kills stream-consumers.ts:284 getStaticValue(...)?.value -> getStaticValue(...).value
    // and stream-consumers.ts:285 "typeof value === 'string'" -> true, and its `&&` -> `||`
    expect(consumers(parser, `${FETCH}fetchEventSource('/events', { method: verb, onmessage: show });`)).toEqual(MODULE);
  });

  it('keeps a GET request', () => {
    // kills stream-consumers.ts:285 the whole method test -> true, and its `&&` -> `||`
    // and stream-consumers.ts:285 "value.toUpperCase() !== 'GET'" -> true
    // and stream-consumers.ts:285 value.toUpperCase() -> value.toLowerCase(), and 'GET' -> ""
    expect(consumers(parser, `${FETCH}fetchEventSource('/events', { method: 'GET', onmessage: show });`)).toEqual(MODULE);
  });

  it('keeps a request whose method is not a string', () => {
    // kills stream-consumers.ts:285 "typeof value === 'string'" -> true, and its `&&` -> `||` (a number has no toUpperCase)
    expect(consumers(parser, `${FETCH}fetchEventSource('/events', { method: 1, onmessage: show });`)).toEqual(MODULE);
  });

  it('takes a lower-case post for a one-shot request', () => {
    expect(consumers(parser, `${FETCH}fetchEventSource('/events', { method: 'post', onmessage: show });`)).toEqual(NONE);
  });
});

describe.each(parsers)('fetchEventSource aborted from its own onmessage (%s)', (_name, parser) => {
  const aborted = (handler: string) =>
    `${FETCH}const controller = new AbortController();\nfetchEventSource('/events', { signal: controller.signal, ${handler} });`;

  it('takes a request aborted from onmessage for one-shot', () => {
    // kills stream-consumers.ts:315 isFetchEventSource(opening) -> false, and its block -> {}
    // and stream-consumers.ts:318 "options && findOption(options, 'onmessage')" -> true, -> false, and -> `||`
    // and stream-consumers.ts:318 'onmessage' -> ""
    // and stream-consumers.ts:319 the whole test -> false, "onmessage?.kind === 'found'" -> `!==`, and 'found' -> ""
    expect(consumers(parser, aborted('onmessage() { controller.abort(); }'))).toEqual(NONE);
  });

  it('keeps a request aborted from onopen, with no onmessage', () => {
    // kills stream-consumers.ts:319 "onmessage?.kind === 'found'" -> true, and -> `!==` (there is no onmessage to read)
    expect(consumers(parser, aborted('onopen() { controller.abort(); }'))).toEqual(MODULE);
  });
});

describe.each(parsers)('on… handlers that close the stream (%s)', (_name, parser) => {
  it('takes a stream closed from its onmessage for one-shot', () => {
    // kills stream-consumers.ts:295 the whole `on…` test -> false
    // and stream-consumers.ts:295 startsWith('on') -> endsWith('on')
    // and stream-consumers.ts:295 "parent?.type === 'AssignmentExpression'" -> `!==`, and 'AssignmentExpression' -> ""
    // and stream-consumers.ts:295 "parent.left === member" -> `!==`
    // and stream-consumers.ts:295 "parent.operator === '='" -> `!==`, and '=' -> ""
    // and stream-consumers.ts:295 the `on…` block -> {}
    expect(consumers(parser, stream('es.onmessage = () => es.close();'))).toEqual(NONE);
  });

  it('keeps a stream closed from its onerror, which it recovers from', () => {
    // kills stream-consumers.ts:296 name.slice(2) -> name ('onerror' is not a non-terminal event)
    expect(consumers(parser, stream('es.onerror = () => es.close();'))).toEqual(MODULE);
  });

  it('keeps a stream closed from a property that is not a handler', () => {
    // kills stream-consumers.ts:295 "name?.startsWith('on') && ... && parent.left === member" -> true
    // and stream-consumers.ts:295 "name?.startsWith('on') && parent?.type === 'AssignmentExpression'" -> true
    // and stream-consumers.ts:295 each of its `&&` -> `||`
    // and stream-consumers.ts:295 'on' -> ""
    expect(consumers(parser, stream('es.handler = () => es.close();'))).toEqual(MODULE);
  });

  it('keeps a stream one of whose properties is computed', () => {
    // kills stream-consumers.ts:295 name?.startsWith -> name.startsWith (the name of `es[key]` is unknown)
    // and stream-consumers.ts:295 "... && parent.left === member" -> true (a null name has no slice)
    expect(consumers(parser, stream('es[key] = show;'))).toEqual(MODULE);
  });

  it('keeps a stream whose onmessage is set only if it was set already', () => {
    // kills stream-consumers.ts:295 "parent.operator === '='" -> true (`&&=` on a fresh stream assigns nothing)
    // and stream-consumers.ts:295 "... && parent.left === member && parent.operator === '='" -> `... || parent.operator === '='`
    expect(consumers(parser, stream('es.onmessage &&= () => es.close();'))).toEqual(MODULE);
  });
});

describe.each(parsers)('addEventListener handlers that close the stream (%s)', (_name, parser) => {
  it('takes a stream closed on its own done event for one-shot', () => {
    expect(consumers(parser, stream("es.addEventListener('done', () => es.close());"))).toEqual(NONE);
  });

  it('keeps a stream closed on its error event', () => {
    expect(consumers(parser, stream("es.addEventListener('error', () => es.close());"))).toEqual(MODULE);
  });

  it('keeps a stream whose property is only read', () => {
    // kills stream-consumers.ts:298 the whole addEventListener test -> true (a declarator has no arguments)
    expect(consumers(parser, stream('const url = es.url;'))).toEqual(MODULE);
  });

  it('does not take the removal of a closing listener for a handler', () => {
    // kills stream-consumers.ts:298 the whole test -> true, "name === 'addEventListener' && parent?.type === 'CallExpression'" -> true
    // and stream-consumers.ts:298 "name === 'addEventListener'" -> true, and both its `&&` -> `||`
    const code = stream("const stop = () => es.close();\nes.removeEventListener('done', stop);");
    expect(consumers(parser, code)).toEqual(MODULE);
  });

  it('does not take addEventListener called with new for a handler', () => {
    // kills stream-consumers.ts:298 "parent?.type === 'CallExpression'" -> true
    // and stream-consumers.ts:298 "name === 'addEventListener' && parent?.type === 'CallExpression'" -> true
    expect(consumers(parser, stream("new es.addEventListener('done', () => es.close());"))).toEqual(MODULE);
  });

  it('does not take addEventListener passed as an argument for a handler', () => {
    // kills stream-consumers.ts:298 "parent.callee === member" -> true
    expect(consumers(parser, stream("subscribe('done', () => es.close(), es.addEventListener);"))).toEqual(MODULE);
  });

  it('keeps a stream given a listener-less addEventListener', () => {
    // kills stream-consumers.ts:300 the whole argument test -> false, "!type || !listener || type.type === 'SpreadElement'" -> false
    // and stream-consumers.ts:300 "!type || !listener" -> false, -> `&&`, and its other `||` -> `&&`
    expect(consumers(parser, stream("es.addEventListener('done');"))).toEqual(MODULE);
  });

  it('keeps a stream closed on an event the code does not name', () => {
    // kills stream-consumers.ts:301 getStaticValue(...)?.value -> getStaticValue(...).value
    // and stream-consumers.ts:302 "typeof event === 'string'" -> true
    expect(consumers(parser, stream('es.addEventListener(eventName, () => es.close());'))).toEqual(MODULE);
  });

  it('takes a stream closed through another name that holds it for one-shot', () => {
    // kills stream-consumers.ts:321 holding.paths.some -> holding.paths.every (only `other` has the handler)
    const code = stream("const other = es;\nother.addEventListener('done', () => other.close());");
    expect(consumers(parser, code)).toEqual(NONE);
  });
});
