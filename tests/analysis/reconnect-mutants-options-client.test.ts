/**
 * Pins what `clientOptionProblem` (`client-options.ts`) reads from the options of the client
 * libraries that retry by themselves, case by case, so that the mutants StrykerJS left alive
 * there fail a test (issue 17). Most of them are guards for options the file does not fix (a
 * spread, a computed key, a value from elsewhere): with the guard gone the analysis reads a
 * property that is not there and throws, or reports a setting nobody wrote.
 *
 * Each case lints a small file and lists, for every opening (deferred ones included), the
 * problem found, its node as source text.
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { clientOptionProblem } from '../../src/analysis/reconnect/client-options.js';
import { getDeferredStreamOpenings, getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse } from './probe.js';

type Found = Record<string, unknown> | null;

function problemsOf(code: string, minRetryMs = 1000): Found[] {
  return analyse(tsParser, code, (sourceCode) => {
    const openings = [...getStreamOpenings(sourceCode), ...getDeferredStreamOpenings(sourceCode)];
    return openings.map((opening) => {
      const problem = clientOptionProblem(sourceCode, opening, minRetryMs);
      return problem ? { ...problem, node: sourceCode.getText(problem.node) } : null;
    });
  });
}

const FETCH = "import { fetchEventSource } from '@microsoft/fetch-event-source';\n";
const SSE = "import { SSE } from 'sse.js';\n";
const VUE = "import { useEventSource } from '@vueuse/core';\n";
const RES = "import ReconnectingEventSource from 'reconnecting-eventsource';\n";

describe('fetchEventSource', () => {
  it('reads nothing into a call with a spread argument, even before the options', () => {
    // kills client-options.ts:49 'arguments.some(…SpreadElement)' -> 'false', -> 'arguments.every(…)',
    // the callback -> '() => undefined', "argument.type === 'SpreadElement'" -> 'false', "'SpreadElement'" -> '""'
    expect(problemsOf(`${FETCH}fetchEventSource(...target, { method: 'POST' });`)).toEqual([null]);
  });

  it('reports options without `onerror` when no argument is spread', () => {
    expect(problemsOf(`${FETCH}fetchEventSource(url, { method: 'POST' });`)).toEqual([
      { kind: 'fetchEventSourceWithoutOnerror', node: "fetchEventSource(url, { method: 'POST' })" },
    ]);
  });

  it('takes an `onerror` that is a fixed value but no function for nobody\'s problem', () => {
    // kills client-options.ts:60 'known.value == null' -> 'true'
    expect(problemsOf(`${FETCH}fetchEventSource(url, { onerror: 1 });`)).toEqual([null]);
    expect(problemsOf(`${FETCH}fetchEventSource(url, { onerror: null });`)).toEqual([
      { kind: 'fetchEventSourceWithoutOnerror', node: 'fetchEventSource(url, { onerror: null })' },
    ]);
  });

  it('says nothing of an `onerror` from elsewhere', () => {
    // kills client-options.ts:62 '!fn' -> 'false' (the missing function's `async` is read)
    expect(problemsOf(`${FETCH}fetchEventSource(url, { onerror: props.onError });`)).toEqual([null]);
  });
});

describe('sse.js', () => {
  it('says nothing of an `SSE` without options', () => {
    // kills client-options.ts:69 '!options' -> 'false'
    expect(problemsOf(`${SSE}new SSE(url);`)).toEqual([null]);
  });

  it('says nothing when `autoReconnect` comes from elsewhere', () => {
    // kills client-options.ts:71 'staticValue(…)?.value' -> 'staticValue(…).value'
    expect(problemsOf(`${SSE}new SSE(url, { autoReconnect: props.reconnect });`)).toEqual([null]);
  });

  it('says nothing when a spread may supply `maxRetries`', () => {
    // kills client-options.ts:74 "maxRetries.kind === 'unknown'" -> 'false' and "'unknown'" -> '""'
    expect(problemsOf(`${SSE}new SSE(url, { ...defaults, autoReconnect: true });`)).toEqual([null]);
  });

  it('reads the default export of sse.js too', () => {
    // kills client-options.ts:152 "'default'" -> '""'
    expect(problemsOf("import SSE from 'sse.js';\nnew SSE(url, { autoReconnect: true });")).toEqual([
      { kind: 'sseUnlimitedRetries', node: 'autoReconnect: true', maxRetries: 'no `maxRetries`' },
    ]);
  });
});

describe('VueUse useEventSource', () => {
  const vue = (options: string) => `${VUE}useEventSource(url, [], ${options});`;

  it('says nothing of options without `autoReconnect`', () => {
    // kills client-options.ts:102 "autoReconnect.kind !== 'found'" -> 'false'
    expect(problemsOf(vue('{ withCredentials: true }'))).toEqual([null]);
  });

  it('says nothing when `autoReconnect` comes from elsewhere or is an object held by a name', () => {
    // kills client-options.ts:108 'known?.value' -> 'known.value', "typeof known.value === 'object'" -> 'false' and "'object'" -> '""'
    expect(problemsOf(vue('{ autoReconnect: props.reconnect }'))).toEqual([null]);
    expect(problemsOf(`const settings = { retries: 3 };\n${vue('{ autoReconnect: settings }')}`)).toEqual([null]);
  });

  it('says nothing when a spread may supply `retries`', () => {
    // kills client-options.ts:113 "retries.kind === 'unknown'" -> 'false' and "'unknown'" -> '""',
    // and :88 "delay.kind === 'found'" -> 'true' (with `retries` fixed, the spread may supply `delay`)
    expect(problemsOf(vue('{ autoReconnect: { ...defaults } }'))).toEqual([null]);
    expect(problemsOf(vue('{ autoReconnect: { ...defaults, retries: -1 } }'))).toEqual([
      { kind: 'useEventSourceUnlimitedRetries', node: 'autoReconnect: { ...defaults, retries: -1 }', setting: '`retries: -1`', delay: 'every `delay` ms' },
    ]);
  });

  it('takes `delay: undefined` for the default delay', () => {
    // kills client-options.ts:89 'known && known.value === undefined' -> 'false'
    expect(problemsOf(vue('{ autoReconnect: { delay: undefined } }'))).toEqual([
      {
        kind: 'useEventSourceUnlimitedRetries',
        node: 'autoReconnect: { delay: undefined }',
        setting: '`autoReconnect` without `retries`',
        delay: 'every second (the default `delay`)',
      },
    ]);
  });

  it('names a delay in ms only when it is a number', () => {
    // kills client-options.ts:90 "typeof known?.value === 'number'" -> 'true', 'known?.value' -> 'known.value'
    // and covers "'every `delay` ms'" -> '""'
    const forever = (settings: string, delay: string) => ({
      kind: 'useEventSourceUnlimitedRetries',
      node: `autoReconnect: ${settings}`,
      setting: '`autoReconnect` without `retries`',
      delay,
    });
    expect(problemsOf(vue("{ autoReconnect: { delay: '5s' } }"))).toEqual([forever("{ delay: '5s' }", 'every `delay` ms')]);
    expect(problemsOf(vue('{ autoReconnect: { delay: props.delay } }'))).toEqual([forever('{ delay: props.delay }', 'every `delay` ms')]);
    expect(problemsOf(vue('{ autoReconnect: { delay: 250 } }'))).toEqual([forever('{ delay: 250 }', 'every 250 ms')]);
  });

  it('takes `retries` undefined, negative or infinite for forever, and zero, a string or a count for a limit', () => {
    // kills client-options.ts:120 'value.value === undefined' -> 'false', "typeof value.value === 'number'" -> 'true',
    // 'value.value < 0' -> '<= 0' and 'value.value === Infinity' -> 'false'
    const retries = (value: string) => problemsOf(vue(`{ autoReconnect: { retries: ${value} } }`));
    const forever = (value: string) => [
      {
        kind: 'useEventSourceUnlimitedRetries',
        node: `autoReconnect: { retries: ${value} }`,
        setting: `\`retries: ${value}\``,
        delay: 'every second (the default `delay`)',
      },
    ];
    expect(retries('undefined')).toEqual(forever('undefined'));
    expect(retries('-1')).toEqual(forever('-1'));
    expect(retries('1 / 0')).toEqual(forever('1 / 0'));
    expect(retries('0')).toEqual([null]);
    expect(retries("'-1'")).toEqual([null]);
    expect(retries('3')).toEqual([null]);
  });
});

describe('reconnecting-eventsource', () => {
  const res = (options: string) => `${RES}new ReconnectingEventSource(url, ${options});`;

  it('says nothing of options without `max_retry_time`, or with one from elsewhere', () => {
    // kills client-options.ts:134 "option.kind !== 'found'" -> 'false' and :135 'staticValue(…)?.value' -> 'staticValue(…).value'
    expect(problemsOf(res('{ withCredentials: true }'))).toEqual([null]);
    expect(problemsOf(res('{ max_retry_time: props.wait }'))).toEqual([null]);
  });

  it('says nothing of a `max_retry_time` that is no number', () => {
    // kills client-options.ts:137 "typeof value !== 'number'" -> 'false'
    expect(problemsOf(res("{ max_retry_time: '500' }"))).toEqual([null]);
  });

  it('takes exactly the minimum for long enough', () => {
    // kills client-options.ts:140 'value < minRetryMs' -> 'value <= minRetryMs'
    expect(problemsOf(res('{ max_retry_time: 1000 }'))).toEqual([null]);
    expect(problemsOf(res('{ max_retry_time: 999 }'))).toEqual([
      { kind: 'retryTimeTooShort', node: 'max_retry_time: 999', value: '999' },
    ]);
  });

  it('reads `max_retry_time` of reconnecting-eventsource only', () => {
    // kills client-options.ts:154 "isLibraryExport(opening, 'reconnecting-eventsource', ['default'])" -> 'true'
    expect(problemsOf('new EventSource(url, { max_retry_time: 10 });')).toEqual([null]);
  });
});
