/**
 * Pins how `streamUrlOf` turns a URL's parts into the text and key it compares: a fragment
 * alone leaves no URL, `location.protocol + '//' + location.host` is dropped only when it is
 * exactly the page's origin, and only the scheme and host at the start of an absolute URL are
 * lower-cased, so that the mutants StrykerJS left alive in `isLocation`, `withoutPageOrigin`,
 * `keyOf` and `streamUrlOf` of `src/analysis/stream-urls.ts` fail a test (issue 17).
 */
import { describe, expect, it } from 'vitest';
import { streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('the key of a stream URL (%s)', (_name, parser) => {
  /** The URL of the first `new EventSource(…)` of `code`; null when it may differ between runs. */
  function url(code: string): { text: string; key: string } | null {
    return analyse(parser, code, (sourceCode) =>
      streamUrlOf({ sourceCode, fileName: '/app/src/feed.js' }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    );
  }

  it('gives no URL for a fragment alone', () => {
    // kills stream-urls.ts:381 "part !== undefined && !isText(part)" -> true, "part !== undefined" -> true
    // and "part !== undefined || !isText(part)" (nothing is left to read), and stream-urls.ts:411 "normalised.length === 0" -> false
    expect(url("new EventSource('#top');")).toBeNull();
  });

  it("gives no URL for the page's origin alone", () => {
    // kills stream-urls.ts:390 "rest === ''" -> false, -> "rest !== ''" and "''" -> "Stryker was here!"
    expect(url("new EventSource(location.protocol + '//' + location.host);")).toBeNull();
  });

  it("keeps a host after a value that is not the page's protocol", () => {
    // kills stream-urls.ts:388 "isLocation(protocol, 'protocol') && … && separator.text.startsWith('//')" -> true,
    // "(… && separator.text.startsWith('//')) || isLocation(host, 'host')" and "isLocation(protocol, 'protocol') || separator"
    expect(url('new EventSource(`${API}//${location.host}/events`);')).toEqual({
      text: '{API}//{location.host}/events',
      key: '{global API}//{location.host}/events',
    });
  });

  it("keeps the page's protocol and host when `://` stands between them", () => {
    // kills stream-urls.ts:388 "separator.text.startsWith('//')" -> "separator.text.endsWith('//')" and "'//'" -> ""
    expect(url('new EventSource(`${location.protocol}://${location.host}/events`);')).toEqual({
      text: '{location.protocol}://{location.host}/events',
      key: '{location.protocol}://{location.host}/events',
    });
  });

  it("does not take a subdomain of the page's host for the page's origin", () => {
    const own = url('new EventSource(`${location.origin}/events`);');
    const subdomain = url('new EventSource(`${location.protocol}//api.${location.host}/events`);');
    // The source's text for the subdomain, `api./events`, is not the URL (reported, not pinned): these
    // assertions hold for it and for the URL kept whole.
    expect(own).toEqual({ text: '/events', key: '/events' });
    // kills stream-urls.ts:390 "[{ text: rest }, ...parts.slice(3)]" -> "[]"
    expect(subdomain).not.toBeNull();
    // kills stream-urls.ts:390 "rest === ''" -> true and -> "rest !== ''" (both give `/events`)
    expect(subdomain!.key).not.toBe(own!.key);
    // kills stream-urls.ts:390 "{ text: rest }" -> "{}"
    expect(subdomain!.key).toContain('api.');
  });

  it('keys a value and text side by side without a separator', () => {
    // kills stream-urls.ts:396 "''" -> "Stryker was here!"
    expect(url('new EventSource(`${API}/events`);')).toEqual({ text: '{API}/events', key: '{global API}/events' });
  });

  it('lower-cases only the scheme and host at the start of an absolute URL, not a URL in the query', () => {
    // kills stream-urls.ts:398 "/^[a-z][a-z\d+.-]*:\/\/[^/?#{]*/i" -> "/[a-z][a-z\d+.-]*:\/\/[^/?#{]*/i"
    // and "/^[a-z][a-z\D+.-]*:\/\/[^/?#{]*/i"
    expect(url("new EventSource('stream?from=https://Mirror.Example/feed');")).toEqual({
      text: 'stream?from=https://Mirror.Example/feed',
      key: 'stream?from=https://Mirror.Example/feed',
    });
  });
});
