/**
 * What users see of `safeguards.ts` through `no-unbounded-reconnect` (issue 17, the mutants
 * StrykerJS left alive there): where the schedule of a re-open is looked for. The function
 * that finally opens the stream is the re-open, not its schedule, so randomness in its own
 * code (a jittered heartbeat, a random id it logs) is no jitter of the reconnect. Only jitter
 * is required here, so each case turns on the delay evidence alone.
 */
import rule from '../../rules/no-unbounded-reconnect.js';
import { javascript, ruleTester } from '../rule-tester.js';

const JITTER_ONLY = [{ requireAttemptLimit: false, requireBackoff: false }] as const;

const NO_JITTER = { messageId: 'unboundedErrorReconnect', data: { stream: '`EventSource`', missing: 'no jitter' } } as const;

ruleTester.run('no-unbounded-reconnect (schedule roots)', rule, {
  valid: [
    // Jitter in a helper on the way to the opening counts.
    {
      code: `function connect() {
  const es = new EventSource('/events');
  es.onerror = () => { es.close(); retry(); };
}
function retry() { setTimeout(connect, Math.random() * 5000); }
connect();`,
      options: JITTER_ONLY,
      languageOptions: javascript,
    },
  ],
  invalid: [
    // The opener's own random heartbeat is no jitter of the fixed 1 s re-open.
    // kills safeguards.ts:31 'point.route.slice(0, -1)' -> 'point.route', '-1' -> '+1' (the route is `[connect]`),
    // and :55 '(fn) => this.openers.byFunction.has(fn)' -> '() => undefined' (`connect`, read in the handler, is entered)
    {
      code: `function connect() {
  const es = new EventSource('/events');
  setInterval(() => ping(es), Math.random() * 5000);
  es.onerror = () => {
    es.close();
    setTimeout(connect, 1000);
  };
}
connect();`,
      options: JITTER_ONLY,
      languageOptions: javascript,
      errors: [{ ...NO_JITTER, line: 6, column: 16 }],
    },
    // Through a helper: the route is `[retry, connect]`; `retry` is schedule, `connect` is not.
    // kills safeguards.ts:31 'point.route.slice(0, -1)' -> 'point.route' and :55 the skip -> '() => undefined'
    {
      code: `function connect() {
  const es = new EventSource('/events');
  track('connect', Math.random());
  es.onerror = () => { es.close(); retry(); };
}
function retry() { setTimeout(() => connect(), 2000); }
connect();`,
      options: JITTER_ONLY,
      languageOptions: javascript,
      errors: [{ ...NO_JITTER, line: 4, column: 36 }],
    },
    // A debounced opener: the waits that `debounce` is given are schedule, the function it wraps is not.
    // kills safeguards.ts:35 'wrapper.arguments.slice(1)' -> 'wrapper.arguments' (and :55 the skip -> '() => undefined')
    {
      code: `let es;
const reconnect = debounce(() => {
  es = new EventSource('/events');
  track('connect', Math.random());
  es.onerror = () => { es.close(); reconnect(); };
}, 1000);
reconnect();`,
      options: JITTER_ONLY,
      languageOptions: javascript,
      errors: [{ ...NO_JITTER, line: 5, column: 36 }],
    },
  ],
});
