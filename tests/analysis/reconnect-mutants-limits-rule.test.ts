/**
 * What users see of `attempt-limit.ts` through `no-unbounded-reconnect`: which guards of an
 * error handler's re-open count as an attempt limit (issue 17, mutants of that file). Only the
 * limit is required here, so each case turns on the guard alone.
 */
import rule from '../../rules/no-unbounded-reconnect.js';
import { javascript, ruleTester } from '../rule-tester.js';

const LIMIT_ONLY = [{ requireBackoff: false, requireJitter: false }] as const;

/** An error handler that counts its attempts, runs `guard` (line 9) and re-opens (line 10). */
function handler(guard: string, helpers = ''): string {
  return `let attempts = 0;
let startedAt = Date.now();
${helpers || '// no helpers'}
function connect() {
  const es = new EventSource('/events');
  es.onerror = () => {
    es.close();
    attempts++;
    ${guard}
    setTimeout(connect, 1000);
  };
}
connect();`;
}

/** The report on the re-open of `handler`: `connect` handed to `setTimeout` on line 10. */
const NO_LIMIT = {
  messageId: 'unboundedErrorReconnect',
  data: { stream: '`EventSource`', missing: 'no attempt limit' },
  line: 10,
  column: 16,
} as const;

const THREE_DEEP = 'function a() { return b(); } function b() { return c(); } function c() { return attempts < 5; }';

ruleTester.run('no-unbounded-reconnect (attempt limits)', rule, {
  valid: [
    // A counter compared with a limit, on either side, in an `if` whose block returns.
    // kills attempt-limit.ts:30 '!exits' -> 'exits', :125 '1 - index' -> '1 + index'
    { code: handler('if (attempts > 5) { return; }'), options: LIMIT_ONLY, languageOptions: javascript },
    { code: handler('if (5 <= attempts) return;'), options: LIMIT_ONLY, languageOptions: javascript },
    // A budget of time spent, read from any of the clocks.
    // kills attempt-limit.ts:105 "callee.object.name === 'performance'" -> 'false', :99 "current.type === 'NewExpression'" -> 'false'
    { code: handler('if (performance.now() - startedAt > 60_000) return;'), options: LIMIT_ONLY, languageOptions: javascript },
    { code: handler('if (new Date() - startedAt > 60_000) throw new Error("gave up");'), options: LIMIT_ONLY, languageOptions: javascript },
    // The limit in a helper two calls away.
    // kills attempt-limit.ts:150 'indirection < MAX_INDIRECTION' -> '>='
    { code: handler('if (!b()) return;', THREE_DEEP), options: LIMIT_ONLY, languageOptions: javascript },
  ],
  invalid: [
    // A remainder is no comparison: every fifth attempt is skipped, the others go on forever.
    // kills attempt-limit.ts:148 "node.type === 'BinaryExpression' && COMPARISONS.has(…)" -> '||'
    { code: handler('if (attempts % 5) return;'), options: LIMIT_ONLY, languageOptions: javascript, errors: [NO_LIMIT] },
    // The same helper chain three calls away is not followed.
    // kills attempt-limit.ts:150 'indirection < MAX_INDIRECTION' -> 'true'
    { code: handler('if (!a()) return;', THREE_DEEP), options: LIMIT_ONLY, languageOptions: javascript, errors: [NO_LIMIT] },
    // `now()` of some other object is no clock, and `Date.parse` is no time spent.
    // kills attempt-limit.ts:105 "name === 'now' && (…)" -> 'true', "name === 'now'" -> 'true'
    { code: handler('if (clock.now() - startedAt > 60_000) return;'), options: LIMIT_ONLY, languageOptions: javascript, errors: [NO_LIMIT] },
    { code: handler('if (Date.parse(last) - startedAt > 60_000) return;'), options: LIMIT_ONLY, languageOptions: javascript, errors: [NO_LIMIT] },
    // An `if` that neither returns nor throws does not stop the re-open after it.
    // kills attempt-limit.ts:26 'false' -> 'true'
    { code: handler('if (attempts > 5) console.warn("many attempts");'), options: LIMIT_ONLY, languageOptions: javascript, errors: [NO_LIMIT] },
  ],
});
