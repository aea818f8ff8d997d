/**
 * Pins how `streamUrlOf` reads the pieces of a URL: members of a page-wide value, numbers,
 * escapes in templates, `+` and other operators, `??` / `||` / `&&`, `new` of other classes,
 * `String(…)`, and names followed to the depth limit or around a cycle, so that the mutants
 * StrykerJS left alive in `member` and `parts` of `src/analysis/stream-urls.ts` fail a test (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

/** `const a0 = API; const a1 = a0; …; new EventSource(a<last>)`: a chain of `last` + 1 names. */
function chain(last: number): string {
  const declarations = Array.from({ length: last + 1 }, (_, index) => `const a${index} = ${index === 0 ? 'API' : `a${index - 1}`};`);
  return `${declarations.join(' ')} new EventSource(a${last});`;
}

describe.each(parsers)('the parts of a stream URL (%s)', (_name, parser) => {
  /** The URL of the first `new EventSource(…)` of `code`; null when it may differ between runs. */
  function url(code: string): { text: string; key: string } | null {
    return analyse(parser, code, (sourceCode) =>
      streamUrlOf({ sourceCode, fileName: '/app/src/feed.js' }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    );
  }

  it('keys a member of an imported value after the import and the member', () => {
    // kills stream-urls.ts:254 "`${object[0]!.key}.${name}`" -> "``"
    expect(url(`import config from './config'; new EventSource(config.events);`)).toEqual({
      text: '{config.events}',
      key: '{import /app/src/config default.events}',
    });
  });

  it('stops following a name whose value is a member, template or sum of itself', () => {
    // kills stream-urls.ts:252 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url('const api = api.base; new EventSource(api);')?.text).toBe('{api}');
    // kills stream-urls.ts:298 "depth > MAX_DEPTH" -> false and stream-urls.ts:311 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url('const api = `${api}`; new EventSource(api);')).toEqual({ text: '{api}', key: '{const /app/src/feed.js api}' });
    // kills stream-urls.ts:319 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url("const api = api + ''; new EventSource(api);")).toEqual({ text: '{api}', key: '{const /app/src/feed.js api}' });
    // kills stream-urls.ts:320 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url("const api = '' + api; new EventSource(api);")).toEqual({ text: '{api}', key: '{const /app/src/feed.js api}' });
    // kills stream-urls.ts:326 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url("const api = api ?? '/api'; new EventSource(api);")?.text).toBe('{api}');
    // kills stream-urls.ts:327 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url('const api = API ?? api; new EventSource(api);')?.text).toBe('{api}');
    // kills stream-urls.ts:348 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url('const api = String(api); new EventSource(api);')).toEqual({ text: '{api}', key: '{const /app/src/feed.js api}' });
  });

  it('follows twelve names and no more', () => {
    // kills stream-urls.ts:298 "depth > MAX_DEPTH" -> "depth >= MAX_DEPTH"
    expect(url(chain(11))).toEqual({ text: '{a11}', key: '{global API}' });
    // kills stream-urls.ts:298 "depth > MAX_DEPTH" -> false
    expect(url(chain(12))).toEqual({ text: '{a12}', key: '{const /app/src/feed.js a0}' });
  });

  it('takes a number as its digits, and no other value that is not text', () => {
    // kills stream-urls.ts:300 "typeof evaluated.value === 'number'" -> false, -> "!== 'number'" and "'number'" -> ""
    expect(url('const PORT = 8080; new EventSource(`${HOST}:${PORT}/events`);')).toEqual({
      text: '{HOST}:8080/events',
      key: '{global HOST}:8080/events',
    });
    // kills stream-urls.ts:300 "typeof evaluated.value === 'string' || typeof evaluated.value === 'number'" -> true
    expect(url('new EventSource(true);')).toBeNull();
  });

  it('reads the escapes of a template literal as the characters they stand for', () => {
    // kills stream-urls.ts:308 "quasi.value.cooked ?? quasi.value.raw" -> "quasi.value.cooked && quasi.value.raw"
    expect(url('new EventSource(`${API}/\\u0065vents`);')).toEqual({ text: '{API}/events', key: '{global API}/events' });
  });

  it('gives no URL for an operator other than `+`', () => {
    // kills stream-urls.ts:318 "value.operator !== '+'" -> false
    expect(url('new EventSource(`/events?page=${PAGE * 2}`);')).toBeNull();
  });

  it('keys `??` after both sides, text quoted and values braced', () => {
    // kills stream-urls.ts:323 the LogicalExpression case emptied, its block -> "{}" and "'LogicalExpression'" -> "",
    // stream-urls.ts:325 "value.operator === '&&'" -> true and -> "!==", stream-urls.ts:327 "left && this.parts(…)" -> false
    // and "left || this.parts(…)", stream-urls.ts:328 "!left" -> "left", "!left || !right" -> true and "!right" -> "right",
    // stream-urls.ts:329 the key and part arrows -> "() => undefined" and "`{${part.key}}`" -> "``",
    // stream-urls.ts:330 the placeholder object -> "{}" and its key -> "``"
    expect(url("new EventSource(API ?? '/api');")).toEqual({ text: "{API ?? '/api'}", key: '{({global API} ?? "/api")}' });
    // kills stream-urls.ts:329 "'+'" -> ""
    expect(url("new EventSource(`${API}/events` ?? '/events');")?.key).toBe('{({global API}+"/events" ?? "/events")}');
  });

  it('gives no URL for `&&`, or for `??` with a side that varies', () => {
    // kills stream-urls.ts:325 "value.operator === '&&'" -> false, -> "!==" and "'&&'" -> ""
    expect(url("new EventSource(API && '/api');")).toBeNull();
    // kills stream-urls.ts:328 "!left || !right" -> false and -> "!left && !right"
    expect(url('function open(path) { new EventSource(API ?? path); }')).toBeNull();
  });

  it('gives no URL for `new` of a class other than URL', () => {
    // kills stream-urls.ts:341 "… && value.callee.name === 'URL' && isGlobalName(…)" -> true, "… && value.callee.name === 'URL'" -> true,
    // "(… && value.callee.name === 'URL') || isGlobalName(…)", "value.callee.type === 'Identifier' || value.callee.name === 'URL'"
    // and "value.callee.name === 'URL'" -> true
    expect(url("new EventSource(new Endpoint('/api/events'));")).toBeNull();
  });

  it('takes `String(value)` for the value', () => {
    // kills stream-urls.ts:344 the CallExpression case emptied, its block -> "{}" and "'CallExpression'" -> "",
    // stream-urls.ts:347 "callee.type === 'Identifier' && … && argument?.type !== 'SpreadElement'" -> false,
    // "callee.type === 'Identifier'" -> "!==", "'Identifier'" -> "", "'String'" -> "", "value.arguments.length === 1" -> "!== 1",
    // "argument?.type !== 'SpreadElement'" -> "===" and the block -> "{}"
    expect(url('new EventSource(String(API));')).toEqual({ text: '{API}', key: '{global API}' });
  });

  it('gives no URL for a call of a function named `String` without arguments', () => {
    // kills stream-urls.ts:347 "value.arguments.length === 1" -> true (the missing argument is read)
    expect(url('function open(String) { new EventSource(String()); }')).toBeNull();
  });
});
