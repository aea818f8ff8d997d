/**
 * Pins how `streamUrlOf` reads a URL the code builds as a `URL` object: `new URL(path, base)` with
 * a missing, unknown, invalid, page or literal base, and `url.href` / `url.toString()` of a `const`
 * holding one, so that the mutants StrykerJS left alive in `urlConstructor` and `urlObject` of
 * `src/analysis/stream-urls.ts` fail a test (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('the URL of a URL object (%s)', (_name, parser) => {
  /** The URL of the first `new EventSource(…)` of `code`; null when it may differ between runs. */
  function url(code: string): { text: string; key: string } | null {
    return analyse(parser, code, (sourceCode) =>
      streamUrlOf({ sourceCode, fileName: '/app/src/feed.js' }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    );
  }

  it('gives no URL for `new URL()` without arguments', () => {
    // kills stream-urls.ts:262 "!pathArgument || pathArgument.type === 'SpreadElement' || baseArgument?.type === 'SpreadElement'" -> false,
    // "!pathArgument || pathArgument.type === 'SpreadElement'" -> false, "… || …" -> "(… || …) && baseArgument?.type === 'SpreadElement'"
    // and "!pathArgument || pathArgument.type === 'SpreadElement'" -> "!pathArgument && pathArgument.type === 'SpreadElement'"
    expect(url('new EventSource(new URL());')).toBeNull();
  });

  it('takes the path of `new URL(path)` without a base as it is', () => {
    // kills stream-urls.ts:262 "baseArgument?.type" -> "baseArgument.type", stream-urls.ts:266
    // "!baseArgument || /^[a-z][a-z\d+.-]*:/i.test(first.text)" -> false and "… || …" -> "… && …"
    expect(url(`new EventSource(new URL('/api/events'));`)).toEqual({ text: '/api/events', key: '/api/events' });
  });

  it('gives no URL for `new URL(path)` of a path that varies, or that is empty', () => {
    // kills stream-urls.ts:264 "pathParts?.[0]" -> "pathParts[0]", stream-urls.ts:265 "!pathParts || !first || !isText(first)" -> false,
    // "!pathParts || !first" -> false and "(!pathParts || !first) && !isText(first)"
    expect(url('function open(path) { new EventSource(new URL(path)); }')).toBeNull();
    // kills stream-urls.ts:265 "!pathParts || !first || !isText(first)" -> false (with a base, the missing first part is read)
    expect(url(`function open(path) { new EventSource(new URL(path, 'https://h.example/')); }`)).toBeNull();
    // kills stream-urls.ts:265 "!pathParts || !first" -> "!pathParts && !first" (the path's parts are none at all)
    expect(url("new EventSource(new URL(`${new URL('')}`));")).toBeNull();
  });

  it('takes an absolute path whatever the base, and resolves a relative one with a colon against the base', () => {
    // kills stream-urls.ts:266 "/^[a-z][a-z\d+.-]*:/i" -> "/^[^a-z][a-z\d+.-]*:/i", "/^[a-z][a-z\d+.-]:/i" and "/^[a-z][^a-z\d+.-]*:/i"
    // (`https:` is no longer read as a scheme, and the unknown base gives no URL)
    expect(url(`function open(base) { new EventSource(new URL('https://h.example/events', base)); }`)).toEqual({
      text: 'https://h.example/events',
      key: 'https://h.example/events',
    });
    // kills stream-urls.ts:266 "/^[a-z][a-z\d+.-]*:/i" -> "/[a-z][a-z\d+.-]*:/i" and "/^[a-z][a-z\D+.-]*:/i"
    // (`topic:` after a slash, or `events/topic:`, is taken for a scheme)
    expect(url(`new EventSource(new URL('events/topic:alerts', 'https://h.example/api/'));`)).toEqual({
      text: 'https://h.example/api/events/topic:alerts',
      key: 'https://h.example/api/events/topic:alerts',
    });
  });

  it("takes a path on the page's origin or base URI for that path", () => {
    // kills stream-urls.ts:271 "'origin'" -> ""
    expect(url(`new EventSource(new URL('/api/events', location.origin));`)).toEqual({ text: '/api/events', key: '/api/events' });
    // kills stream-urls.ts:273 "base.type === 'MemberExpression' && … && base.object.name === 'document'" -> false, "'MemberExpression'" -> "",
    // "propertyName(base) === 'baseURI'" -> "!==", "'baseURI'" -> "", "base.object.type === 'Identifier'" -> "!==", "'Identifier'" -> "",
    // "base.object.name === 'document'" -> "!==" and "'document'" -> ""
    expect(url(`new EventSource(new URL('/api/events', document.baseURI));`)).toEqual({ text: '/api/events', key: '/api/events' });
  });

  it("gives no URL for a path on another property of `document` or on another object's base URI", () => {
    // kills stream-urls.ts:273 "propertyName(base) === 'baseURI'" -> true
    expect(url(`new EventSource(new URL('/api/events', document.body));`)).toBeNull();
    // kills stream-urls.ts:273 "base.object.name === 'document'" -> true
    expect(url(`new EventSource(new URL('/api/events', frame.baseURI));`)).toBeNull();
  });

  it('gives no URL when the base or the path holds a value that is not text, or the base is not a URL', () => {
    // kills stream-urls.ts:277 "baseParts?.every" -> "baseParts.every" (the base varies: no parts at all)
    expect(url(`function open(base) { new EventSource(new URL('/events', base)); }`)).toBeNull();
    // kills stream-urls.ts:277 "!baseParts?.every(isText) || !pathParts.every(isText)" -> false, "… || …" -> "… && …"
    // and "pathParts.every(isText)" -> "pathParts.some(isText)"
    expect(url("new EventSource(new URL(`/events/${CHANNEL}`, 'https://h.example/'));")).toBeNull();
    // kills stream-urls.ts:277 "baseParts?.every(isText)" -> "baseParts?.some(isText)"
    expect(url("new EventSource(new URL('/events', `https://h.example/${TENANT}/`));")).toBeNull();
    // kills stream-urls.ts:280 "{ return UNSTABLE; }" -> "{}"
    expect(url(`new EventSource(new URL('events', 'not a url'));`)).toBeNull();
  });

  it('reads the `href` and `toString()` of a const holding a URL object', () => {
    const declared = "const feed = new URL('/events', 'https://h.example/');";
    // kills stream-urls.ts:288 "value.type === 'Identifier'" -> false, "'Identifier'" -> "", the block -> "{}",
    // stream-urls.ts:290 "variable && constantDeclarator(variable)" -> true, false and "variable || constantDeclarator(variable)",
    // stream-urls.ts:291 "!declarator?.init" -> "declarator?.init" and -> true
    expect(url(`${declared} new EventSource(feed.href);`)).toEqual({ text: 'https://h.example/events', key: 'https://h.example/events' });
    // kills stream-urls.ts:350 "callee.type === 'MemberExpression' && … && value.arguments.length === 0" -> false, "'MemberExpression'" -> "",
    // "propertyName(callee) === 'toString'" -> "!==", "'toString'" -> "", "value.arguments.length === 0" -> "!==" and the block -> "{}"
    expect(url(`${declared} new EventSource(feed.toString());`)).toEqual({ text: 'https://h.example/events', key: 'https://h.example/events' });
  });

  it('reads the `href` of an undeclared name as a member of that global', () => {
    // kills stream-urls.ts:291 "!declarator?.init" -> false and "declarator?.init" -> "declarator.init"
    expect(url('new EventSource(feed.href);')).toEqual({ text: '{feed.href}', key: '{global feed.href}' });
  });

  it('reads the `href` of a const holding a value other than a URL object as a member of that value', () => {
    // kills stream-urls.ts:294 "value.type === 'NewExpression'" -> true
    expect(url('const base = API; new EventSource(base.href);')).toEqual({ text: '{base.href}', key: '{global API.href}' });
  });

  it('gives no URL for another property of a URL object, and reads an `href` member of an object literal', () => {
    // kills stream-urls.ts:335 "propertyName(value) === 'href'" -> true
    expect(url("const feed = new URL('/events', 'https://h.example/'); new EventSource(feed.pathname);")).toBeNull();
    // kills stream-urls.ts:337 "url !== UNSTABLE" -> true
    expect(url("const config = { href: '/events' }; new EventSource(config.href);")).toEqual({ text: '/events', key: '/events' });
  });

  it('stops following a URL object whose base or path refers to itself', () => {
    // kills stream-urls.ts:276 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url("const feed = new URL('/events', feed); new EventSource(feed);")).toEqual({ text: '{feed}', key: '{const /app/src/feed.js feed}' });
    // kills stream-urls.ts:263 and stream-urls.ts:294 "depth + 1" -> "depth - 1" (endless recursion)
    expect(url('const feed = new URL(feed.toString()); new EventSource(feed);')).toEqual({ text: '{feed}', key: '{const /app/src/feed.js feed}' });
  });
});
