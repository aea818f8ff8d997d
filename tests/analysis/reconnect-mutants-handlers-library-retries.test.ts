/**
 * Pins what `library-retries.ts` says about the libraries that retry forever, case by case, so
 * that the mutants StrykerJS left alive in `src/analysis/reconnect/library-retries.ts` fail a test
 * (issue 17): when a `reconnecting-eventsource` stream is left alone (it escapes, or an error or
 * server-event listener of its own closes it), what it lacks and how its wait is described
 * (`reconnectingEventSourceForever`), and which `es.reconnectInterval = …` of the `eventsource`
 * client are short (`shortReconnectIntervals`).
 */
import tsParser from '@typescript-eslint/parser';
import { describe, expect, it } from 'vitest';
import { reconnectingEventSourceForever, shortReconnectIntervals } from '../../src/analysis/reconnect/library-retries.js';
import type { SafeguardRequirements } from '../../src/analysis/reconnect/safeguards.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, parsers } from './probe.js';

const RES = "import ReconnectingEventSource from 'reconnecting-eventsource';\n";
const LIMIT_ONLY: SafeguardRequirements = { attemptLimit: true, backoff: false, jitter: false };
const BACKOFF_ONLY: SafeguardRequirements = { attemptLimit: false, backoff: true, jitter: false };

interface ForeverSeen {
  line: number;
  missing: readonly string[];
  delay: string;
}

/** `reconnectingEventSourceForever` of every opening of the file, in order (null where it finds nothing). */
function foreverOf(code: string, requirements: SafeguardRequirements = LIMIT_ONLY, parser: unknown = tsParser): (ForeverSeen | null)[] {
  return analyse(parser, code, (sourceCode) => {
    const openings = getStreamOpenings(sourceCode);
    return openings.map((opening) => {
      const forever = reconnectingEventSourceForever(sourceCode, opening, openings, requirements);
      return forever && { line: forever.node.loc.start.line, missing: forever.missing, delay: forever.delay };
    });
  });
}

/** A stream kept in `es` (line 2) whose `error` listener has `body`. */
function listening(body: string, listener = '(event) =>'): string {
  return `${RES}const es = new ReconnectingEventSource('/a');\nes.addEventListener('error', ${listener} { ${body} });`;
}

const UNLIMITED: ForeverSeen = { line: 2, missing: ['no attempt limit'], delay: '`max_retry_time` (3000 ms by default)' };

describe('reconnectingEventSourceForever: a stream the file hands away', () => {
  it.each(parsers)('leaves alone a stream that an arrow function returns (%s)', (_name, parser) => {
    // kills library-retries.ts:60 "parent?.type === 'ArrowFunctionExpression' && parent.body === outer" -> 'false',
    // "parent?.type === 'ArrowFunctionExpression'" -> '!==', "'ArrowFunctionExpression'" -> ""
    expect(foreverOf(`${RES}let es;\nconst current = () => es;\nes = new ReconnectingEventSource('/a');`, LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('reports a stream that an arrow function only uses (%s)', (_name, parser) => {
    expect(foreverOf(`${RES}const es = new ReconnectingEventSource('/a');\nconst stop = () => { es.close(); };`, LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
  });
});

describe('reconnectingEventSourceForever: a listener that closes the stream', () => {
  it.each(parsers)('takes `es.close()` in the error listener (%s)', (_name, parser) => {
    // the baseline of the cases below
    expect(foreverOf(listening('es.close();'), LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('keeps `es.close()` found when another `close()` follows (%s)', (_name, parser) => {
    // kills library-retries.ts:68 'if (found)' -> 'if (false)' (the later call un-finds it)
    expect(foreverOf(listening('es.close(); if (event.fatal) other.close();'), LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('does not take another method of the stream for `close()` (%s)', (_name, parser) => {
    // kills library-retries.ts:71 "staticPropertyName(callee) !== 'close'" -> 'false'
    expect(foreverOf(listening("es.removeEventListener('message', onMessage);"), LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
  });

  it.each(parsers)('looks inside the arguments of a `close()` of another object (%s)', (_name, parser) => {
    // kills library-retries.ts:79 'return !found' -> 'return found' (the walk does not go into the pool's callback)
    expect(foreverOf(listening('pool.close(() => es.close());'), LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('looks inside the arguments of other calls (%s)', (_name, parser) => {
    // kills library-retries.ts:71 'return true' -> 'return false'
    expect(foreverOf(listening('setTimeout(() => es.close(), 0);'), LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('takes `this.close()` in a `function` listener only (%s)', (_name, parser) => {
    // kills library-retries.ts:73 "listener.type !== 'ArrowFunctionExpression'" -> 'true' and "'ArrowFunctionExpression'" -> ""
    expect(foreverOf(listening('this.close();', 'function (event)'), LIMIT_ONLY, parser)).toEqual([null]);
    expect(foreverOf(listening('this.close();'), LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
  });

  it.each(parsers)('takes `event.target.close()` and `event.currentTarget.close()` (%s)', (_name, parser) => {
    // kills library-retries.ts:74 the test -> 'false', "'MemberExpression'" -> "", "['target', 'currentTarget']" -> '[]',
    // "'target'" -> "", "'currentTarget'" -> "", "staticPropertyName(object) ?? ''" -> "… && ''", and 'found = true' -> 'found = false'
    expect(foreverOf(listening('event.target.close();'), LIMIT_ONLY, parser)).toEqual([null]);
    expect(foreverOf(listening('event.currentTarget.close();'), LIMIT_ONLY, parser)).toEqual([null]);
  });

  it.each(parsers)('does not take `close()` of another object (%s)', (_name, parser) => {
    // kills library-retries.ts:74 the test -> 'true', :76 'holder && accessPathOf(…)' -> '||',
    // :77 'path !== null && path !== undefined && samePath(…)' -> 'true'
    expect(foreverOf(listening('other.close();'), LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
    expect(foreverOf(listening('event.source.close();'), LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
  });

  it.each(parsers)('does not take `close()` of a value with no path (%s)', (_name, parser) => {
    // kills library-retries.ts:77 'path !== null && path !== undefined' -> 'true' and -> '||', the whole '… && samePath(…)' -> '||',
    // and 'path !== null' -> 'true' (each compares a null path and throws)
    expect(foreverOf(listening('streams.get(event.id).close();'), LIMIT_ONLY, parser)).toEqual([UNLIMITED]);
  });

  it.each(parsers)('takes only the listeners of the stream itself (%s)', (_name, parser) => {
    // kills library-retries.ts:110 the '.filter(…)' dropped, :111 "handler.opening === opening && isFunctionNode(…)" -> 'true'
    // and -> '||', 'handler.opening === opening' -> 'true'
    const code = `${RES}const first = new ReconnectingEventSource('/a');\nconst second = new ReconnectingEventSource('/b');\nsecond.onerror = () => { first.close(); };`;
    expect(foreverOf(code, LIMIT_ONLY, parser)).toEqual([UNLIMITED, { ...UNLIMITED, line: 3 }]);
  });

  it.each(parsers)('asks for no listener when no attempt limit is required (%s)', (_name, parser) => {
    // kills library-retries.ts:108 'requirements.attemptLimit' -> 'true'
    expect(foreverOf(listening('log(event);'), BACKOFF_ONLY, parser)).toEqual([{ ...UNLIMITED, missing: ['no growing delay'] }]);
  });
});

describe('reconnectingEventSourceForever: how the wait is described', () => {
  function delayOf(options: string, parser: unknown): string | undefined {
    const code = `${RES}function watch(options, wait) {\n  const es = new ReconnectingEventSource('/a', ${options});\n}`;
    return foreverOf(code, LIMIT_ONLY, parser)[0]?.delay;
  }

  it.each(parsers)('says the default when the options do not set it (%s)', (_name, parser) => {
    // kills library-retries.ts:89 "option?.kind === 'absent'" -> 'false', "'absent'" -> "", and its text -> ""
    expect(delayOf('{}', parser)).toBe('`max_retry_time` (3000 ms by default)');
    expect(delayOf('{ withCredentials: true }', parser)).toBe('`max_retry_time` (3000 ms by default)');
  });

  it.each(parsers)('names the option alone when the options are not a literal (%s)', (_name, parser) => {
    // kills library-retries.ts:89 'option?.kind' -> 'option.kind', :90 "option?.kind !== 'found'" -> 'false' and 'option?.kind' -> 'option.kind'
    // (each reads a missing option and throws), and :90 its text -> ""
    expect(delayOf('options', parser)).toBe('`max_retry_time`');
    expect(delayOf('{ ...options }', parser)).toBe('`max_retry_time`');
  });

  it.each(parsers)('names the option alone when its value is not a known number (%s)', (_name, parser) => {
    // kills library-retries.ts:91 '…?.value' -> '….value' (throws), :92 "typeof value !== 'number'" -> 'false' and its text -> ""
    expect(delayOf('{ max_retry_time: wait }', parser)).toBe('`max_retry_time`');
    expect(delayOf("{ max_retry_time: '5000' }", parser)).toBe('`max_retry_time`');
  });

  it.each(parsers)('gives the value in force (%s)', (_name, parser) => {
    // kills library-retries.ts:93 "'`max_retry_time` (3000 ms by default)'" -> "" (0 means the default)
    expect(delayOf('{ max_retry_time: 5000 }', parser)).toBe('`max_retry_time` (5000 ms)');
    expect(delayOf('{ max_retry_time: 0 }', parser)).toBe('`max_retry_time` (3000 ms by default)');
  });
});

describe('shortReconnectIntervals', () => {
  /** `shortReconnectIntervals` of the first opening, as the text of each assignment with its value and whether it is immediate. */
  function intervalsOf(code: string, minRetryMs = 1000, parser: unknown = tsParser): { text: string; value: string; immediate: boolean }[] {
    return analyse(parser, code, (sourceCode) => {
      const [opening] = getStreamOpenings(sourceCode);
      return shortReconnectIntervals(sourceCode, opening!, minRetryMs).map((found) => ({
        text: sourceCode.getText(found.node),
        value: found.value,
        immediate: found.immediate,
      }));
    });
  }
  const EVENTSOURCE = "import EventSource from 'eventsource';\n";

  it.each(parsers)('finds an interval shorter than the minimum, and not one equal to it (%s)', (_name, parser) => {
    // kills library-retries.ts:145 'value < minRetryMs' -> '<='
    const code = `${EVENTSOURCE}const es = new EventSource('/a');\nes.reconnectInterval = 200;\nes.reconnectInterval = 1000;\nes.reconnectInterval = 0;`;
    expect(intervalsOf(code, 1000, parser)).toEqual([
      { text: 'es.reconnectInterval = 200', value: '200', immediate: false },
      { text: 'es.reconnectInterval = 0', value: '0', immediate: true },
    ]);
  });

  it.each(parsers)('looks at the `eventsource` client only (%s)', (_name, parser) => {
    // kills library-retries.ts:133 "opening.source.module !== 'eventsource'" -> 'false'
    expect(intervalsOf(`${RES}const es = new ReconnectingEventSource('/a');\nes.reconnectInterval = 200;`, 1000, parser)).toEqual([]);
  });

  it.each(parsers)('finds nothing for a stream kept by no name (%s)', (_name, parser) => {
    // kills library-retries.ts:135 '!holder' -> 'false' (reads the uses of no path and throws) and its '[]' -> '["Stryker was here"]'
    expect(intervalsOf(`${EVENTSOURCE}watch(new EventSource('/a'));`, 1000, parser)).toEqual([]);
  });

  it.each(parsers)('does not take `+=` for setting the interval (%s)', (_name, parser) => {
    // kills library-retries.ts:141 "assignment.operator !== '='" -> 'false'
    expect(intervalsOf(`${EVENTSOURCE}const es = new EventSource('/a');\nes.reconnectInterval += 200;`, 1000, parser)).toEqual([]);
  });
});
