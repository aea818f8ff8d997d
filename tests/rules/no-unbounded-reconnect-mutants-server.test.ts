/**
 * Mutation tests of `no-unbounded-reconnect` (issue 17): the server-side checks that need no
 * stream in the file (better-sse, Hono, `retry:` text), which strings are written values, the
 * interval report, and a handler registered twice.
 */
import rule from '../../rules/no-unbounded-reconnect.js';
import { javascript, ruleTester } from '../rule-tester.js';

const NATIVE = '`EventSource`';
const ALL_MISSING = 'no attempt limit, no growing delay, no jitter';

ruleTester.run('no-unbounded-reconnect (mutants: server)', rule, {
  valid: [
    // kills rules/no-unbounded-reconnect.ts:402 option.value < minRetryMs -> option.value <= minRetryMs
    {
      code: `import { createSession } from 'better-sse';
app.get('/sse', async (req, res) => {
  await createSession(req, res, { retry: 1000 });
});`,
      languageOptions: javascript,
    },
    // kills rules/no-unbounded-reconnect.ts:381 'ImportDeclaration' -> ""
    { code: `import frame from 'retry: 100';\nsend(frame);`, languageOptions: javascript },
    // kills rules/no-unbounded-reconnect.ts:382 'ImportExpression' -> ""
    { code: `const frame = await import('retry: 100');\nsend(frame);`, languageOptions: javascript },
    // kills rules/no-unbounded-reconnect.ts:383 'ExportNamedDeclaration' -> ""
    { code: `export { frame } from 'retry: 100';`, languageOptions: javascript },
    // kills rules/no-unbounded-reconnect.ts:384 'ExportAllDeclaration' -> ""
    { code: `export * from 'retry: 100';`, languageOptions: javascript },
    // kills rules/no-unbounded-reconnect.ts:279 missing.size === 0 -> false
    {
      code: `let es = new EventSource('/events');
let attempts = 0;
setInterval(() => {
  if (es.readyState === EventSource.CLOSED && attempts < 5) {
    attempts += 1;
    es = new EventSource('/events');
  }
}, 5000);`,
      options: [{ requireBackoff: false, requireJitter: false }],
      languageOptions: javascript,
    },
  ],
  invalid: [
    {
      // better-sse alone (no stream, no `retry:` text in the file) is still checked.
      // kills rules/no-unbounded-reconnect.ts:176 !usesBetterSse -> usesBetterSse
      code: `import { createSession } from 'better-sse';
const retry = 200;
app.get('/sse', async (req, res) => {
  await createSession(req, res, { retry });
});`,
      languageOptions: javascript,
      errors: [{ messageId: 'retryFieldTooShort', line: 4, column: 35, data: { value: 200, min: 1000 } }],
    },
    {
      // Hono's `writeSSE` alone (no stream, no `retry:` text in the file) is still checked.
      // kills rules/no-unbounded-reconnect.ts:176 !usesHonoWriteSse -> usesHonoWriteSse
      code: `import { streamSSE } from 'hono/streaming';
const retry = 200;
app.get('/sse', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ data: 'tick', retry });
}));`,
      languageOptions: javascript,
      errors: [{ messageId: 'retryFieldTooShort', line: 4, column: 41, data: { value: 200, min: 1000 } }],
    },
    {
      // A `retry:` text kept as an object's value is written; only a key is not.
      // kills rules/no-unbounded-reconnect.ts:387 parent.key !== node -> false
      code: `const frames = { reconnect: 'retry: 250\\n\\n' };
res.write(frames.reconnect);`,
      languageOptions: javascript,
      errors: [{ messageId: 'retryFieldTooShort', line: 1, column: 29, data: { value: 250, min: 1000 } }],
    },
    {
      // One handler registered twice re-opens at one place: one report.
      // kills rules/no-unbounded-reconnect.ts:239 .filter((point) => !reported.has(point.node)) -> (no filter)
      code: `let es;
function onError() {
  es.close();
  setTimeout(connect, 1000);
}
function connect() {
  es = new EventSource('/events');
  es.onerror = onError;
  es.addEventListener('error', onError);
}
connect();`,
      languageOptions: javascript,
      errors: [{ messageId: 'unboundedErrorReconnect', line: 4, column: 14, data: { stream: NATIVE, missing: ALL_MISSING } }],
    },
  ],
});
