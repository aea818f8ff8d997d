/**
 * Pins which re-opens in a stream's error handler count as leaving the failed stream open
 * (`unclosedErrorReopens` of `src/analysis/lifecycle/error-reopens.ts`), case by case, so that
 * the mutants StrykerJS left alive there fail a test (issue 17): which registrations are the
 * stream's own error event, which clients reconnect by themselves, the names under which a
 * handler reaches the failed stream (its holders, `event.target`, `event.currentTarget`), which
 * conditions guard a re-open, and that a handler registered twice is reported once.
 */
import { describe, expect, it } from 'vitest';
import { unclosedErrorReopens } from '../../src/analysis/lifecycle/error-reopens.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

const FETCH = "import { fetchEventSource } from '@microsoft/fetch-event-source';\nconst c = new AbortController();\n";
const SSE = "import { SSE } from 'sse.js';\n";

describe.each(parsers)('re-opens from an error handler (%s)', (_name, parser) => {
  /** The re-opens left unclosed, as source text, and how many error handlers of a stream there are. */
  function reopens(code: string): { unclosed: string[]; handlers: number } {
    return analyse(parser, code, (sourceCode) => {
      const openings = getStreamOpenings(sourceCode);
      const found = unclosedErrorReopens(sourceCode, openings, getStreamOpeners(sourceCode, openings));
      return { unclosed: found.unclosed.map((reopen) => sourceCode.getText(reopen.point.node)), handlers: found.handlers.size };
    });
  }

  it("counts only the stream's own error event as a handler", () => {
    expect(reopens("let es = new EventSource(u);\nes.addEventListener('error', () => { log(); });")).toEqual({
      unclosed: [],
      handlers: 1,
    });
    // kills error-reopens.ts:37 registration.type === 'AssignmentExpression' -> true
    // kills error-reopens.ts:38 registration.type !== 'CallExpression' -> false (an option has no callee), error-reopens.ts:38 return false -> true
    // kills error-reopens.ts:101 !isFunctionNode(region) || !isStreamErrorEvent(…) -> false / &&
    expect(reopens(`${FETCH}fetchEventSource(u, { signal: c.signal, onerror: () => { log(); } });`)).toEqual({
      unclosed: [],
      handlers: 0,
    });
    // kills error-reopens.ts:40 the addEventListener test -> true / ||, error-reopens.ts:40 staticPropertyName(callee) === 'addEventListener' -> true
    expect(reopens(`${FETCH}fetchEventSource(u, { signal: c.signal }).catch(() => { log(); });`)).toEqual({
      unclosed: [],
      handlers: 0,
    });
  });

  it('reports a re-open that does not close the failed stream first', () => {
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { es = new EventSource(u); };').unclosed).toEqual([
      'new EventSource(u)',
    ]);
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { es.close(); es = new EventSource(u); };').unclosed).toEqual(
      [],
    );
  });

  it('does not report fetchEventSource, which does not reconnect by itself', () => {
    const code = `${FETCH}const done = fetchEventSource(u, { signal: c.signal });\ndone.addEventListener('error', () => { fetchEventSource(u, { signal: c.signal }); });`;
    // kills error-reopens.ts:49 isFetchEventSource(opening) -> false, error-reopens.ts:49 return false -> true
    expect(reopens(code)).toEqual({ unclosed: [], handlers: 1 });
  });

  it('does not report sse.js with autoReconnect turned off, and does with it on', () => {
    // kills error-reopens.ts:55 value.type === 'Literal' && value.value === false -> false, value.type === 'Literal' -> !== / ""
    expect(
      reopens(`${SSE}let es = new SSE(u, { autoReconnect: false });\nes.onerror = () => { es = new SSE(u, { autoReconnect: false }); };`)
        .unclosed,
    ).toEqual([]);
    expect(
      reopens(`${SSE}let es = new SSE(u, { autoReconnect: true });\nes.onerror = () => { es = new SSE(u, { autoReconnect: true }); };`)
        .unclosed,
    ).toEqual(['new SSE(u, { autoReconnect: true })']);
  });

  it('takes a close under any name the failed stream is held under', () => {
    const code =
      'const ref = {};\nlet es = new EventSource(u);\nref.current = es;\nes.onerror = () => { ref.current.close(); es = new EventSource(u); };';
    // kills error-reopens.ts:69 holding.kind === 'held' -> false / ""
    expect(reopens(code).unclosed).toEqual([]);
  });

  it("takes a close through the event's target or currentTarget", () => {
    // kills error-reopens.ts:76 { root: variable, properties: ['currentTarget'] } -> {}, ['currentTarget'] -> [] / [""]
    expect(reopens('let es = new EventSource(u);\nes.onerror = (e) => { e.currentTarget.close(); es = new EventSource(u); };').unclosed).toEqual(
      [],
    );
    // kills error-reopens.ts:73 v.name === parameter.name -> true (the handler's own name comes first)
    expect(
      reopens('let es = new EventSource(u);\nfunction onError(e) { e.target.close(); es = new EventSource(u); }\nes.onerror = onError;')
        .unclosed,
    ).toEqual([]);
  });

  it('takes a test of the stream or of a readyState as a guard, and nothing else', () => {
    // kills error-reopens.ts:107 testsStream(…) || testsReadyState(…) -> &&
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { if (!es) es = new EventSource(u); };').unclosed).toEqual([]);
    expect(
      reopens('let es = new EventSource(u);\nes.onerror = (e) => { if (e.target.readyState === 2) es = new EventSource(u); };').unclosed,
    ).toEqual([]);
    // kills error-reopens.ts:107 the guard test -> true
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { if (retry) es = new EventSource(u); };').unclosed).toEqual([
      'new EventSource(u)',
    ]);
  });

  it('reads past statements that neither close nor store a stream', () => {
    // kills error-reopens.ts:108 storesStream: () => false -> () => true
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { es.close(); log(); es = new EventSource(u); };').unclosed).toEqual(
      [],
    );
    // kills error-reopens.ts:109 declaresHolder: () => false -> () => true
    expect(reopens('let es = new EventSource(u);\nes.onerror = () => { log(); es = new EventSource(u); };').unclosed).toEqual([
      'new EventSource(u)',
    ]);
  });

  it('reports a re-open once when its handler is registered twice', () => {
    const code =
      "let es = new EventSource(u);\nfunction onError() { es = new EventSource(u); }\nes.onerror = onError;\nes.addEventListener('error', onError);";
    // kills error-reopens.ts:112 seen.has(point.node) -> false
    expect(reopens(code)).toEqual({ unclosed: ['new EventSource(u)'], handlers: 1 });
  });
});
