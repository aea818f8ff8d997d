/**
 * Pins how `src/analysis/stream-urls.ts` reads the pieces of a URL expression, so that the
 * mutants StrykerJS left alive in its first half fail a test (issue 17): text pieces merged
 * around placeholders, TypeScript wrappers looked through, the display of long or multi-line
 * placeholders, member names (`a.b`, `a['b']`), the page's own `location`, and the
 * `import.meta.env.X` / `process.env.X` values a bundler fills in.
 *
 * Each case shows the `text` and `key` of the URL of the first `new EventSource(…)` of the code
 * (null when it may differ between runs).
 */
import { describe, expect, it } from 'vitest';
import { type StreamUrl, streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers, TS_FILE, type ProbeFile } from './probe.js';

const FILE_NAME = '/app/src/feed.js';

/** The URL of the first `new EventSource(…)` of `code`. */
function urlOf(parser: unknown, code: string, file?: ProbeFile): StreamUrl | null {
  return analyse(
    parser,
    code,
    (sourceCode) => streamUrlOf({ sourceCode, fileName: FILE_NAME }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    file,
  );
}

const BASE = 'const BASE = getBase();';

describe.each(parsers)('pieces of a stream URL (%s)', (_name, parser) => {
  const url = (code: string, file?: ProbeFile) => urlOf(parser, code, file);

  it('joins text pieces that follow a placeholder into one', () => {
    // kills stream-urls.ts:71 'result.length - 1' -> 'result.length + 1', '{ text: … }' -> '{}',
    // 'last.text + part.text' -> 'last.text - part.text'
    expect(url(`${BASE} new EventSource(BASE + '/a' + '/b');`)).toEqual({
      text: '{BASE}/a/b',
      key: `{const ${FILE_NAME} BASE}/a/b`,
    });
  });

  it('drops the page origin written as protocol, two single slashes and host', () => {
    // kills stream-urls.ts:71 'isText(part) && last && isText(last)' -> 'false'
    expect(url(`new EventSource(location.protocol + '/' + '/' + location.host + '/e');`)).toEqual({ text: '/e', key: '/e' });
  });

  it('writes a placeholder spread over lines on one line with single spaces', () => {
    // kills stream-urls.ts:91 /\s+/g -> /\s/g, "' '" -> ""
    expect(url(`new EventSource(import.meta.env\n    .VITE_API);`)).toEqual({ text: '{import.meta.env .VITE_API}', key: '{env VITE_API}' });
  });

  it('shows a placeholder of up to 32 characters and an ellipsis for a longer one', () => {
    // kills stream-urls.ts:92 '<=' -> '<'
    expect(url(`new EventSource(import.meta.env.VITE_EVENTS_BASE);`)).toEqual({
      text: '{import.meta.env.VITE_EVENTS_BASE}',
      key: '{env VITE_EVENTS_BASE}',
    });
    // kills stream-urls.ts:92 'text.length <= MAX_PLACEHOLDER_LENGTH' -> 'true', "'…'" -> ""
    expect(url(`new EventSource(import.meta.env.VITE_EVENTS_BASE_URL);`)).toEqual({ text: '{…}', key: '{env VITE_EVENTS_BASE_URL}' });
  });

  it('keys a bundler value by its name', () => {
    // kills stream-urls.ts:232 '`env ${environment}`' -> '``'
    expect(url(`new EventSource(process.env.EVENTS_URL);`)).toEqual({ text: '{process.env.EVENTS_URL}', key: '{env EVENTS_URL}' });
  });

  it('gives no URL for an environment value picked by a variable or a number', () => {
    // kills stream-urls.ts:96 "!member.computed && member.property.type === 'Identifier'" -> 'true', '&&' -> '||';
    // stream-urls.ts:97 the whole computed-string test -> 'true'
    expect(url(`new EventSource(import.meta.env[KEY]);`)).toBeNull();
    // kills stream-urls.ts:97 "typeof member.property.value === 'string'" -> 'true'
    expect(url(`new EventSource(import.meta.env[0]);`)).toBeNull();
  });

  it('gives no URL for a private field that shares its name with a part of the location', () => {
    // kills stream-urls.ts:96 "member.property.type === 'Identifier'" -> 'true'
    expect(url(`class Feed { #origin; open() { new EventSource(location.#origin + '/e'); } }`)).toBeNull();
  });

  it("reads a member written as a string in brackets, `config['url']`", () => {
    // kills stream-urls.ts:97 the whole computed-string test -> 'false', "=== 'Literal'" -> "!== 'Literal'",
    // "'Literal'" -> "", "=== 'string'" -> "!== 'string'", "'string'" -> "", '{ return member.property.value; }' -> '{}'
    expect(url(`${BASE} const config = { url: BASE + '/e' }; new EventSource(config['url']);`)).toEqual({
      text: '{BASE}/e',
      key: `{const ${FILE_NAME} BASE}/e`,
    });
  });

  describe('the page location', () => {
    it('takes `location` declared by a global comment for the page location', () => {
      // kills stream-urls.ts:105 'variable.defs.length === 0' -> 'false'
      expect(url(`/* global location */ new EventSource(location.origin + '/e');`)).toEqual({ text: '/e', key: '/e' });
    });

    it('does not take a module constant named `location` for the page location', () => {
      // kills stream-urls.ts:105 '!variable || variable.defs.length === 0' -> 'true', '=== 0' -> '!== 0'
      expect(url(`const location = getLocation(); new EventSource(location.origin + '/e');`)).toEqual({
        text: '{location.origin}/e',
        key: `{const ${FILE_NAME} location.origin}/e`,
      });
    });

    it('does not take another undeclared global for the location', () => {
      // kills stream-urls.ts:111 "value.name === 'location'" -> 'true', '&&' -> '||'
      expect(url(`new EventSource(API.origin + '/e');`)).toEqual({ text: '{API.origin}/e', key: '{global API.origin}/e' });
    });

    it('does not take a member other than `location` of the window for the location', () => {
      // kills stream-urls.ts:112 "propertyName(value) !== 'location'" -> 'false'
      expect(url(`new EventSource(window.app.origin + '/e');`)).toEqual({
        text: '{window.app.origin}/e',
        key: '{global window.app.origin}/e',
      });
    });

    it('does not take the location of an object other than the window or the document', () => {
      // kills stream-urls.ts:115 the whole test -> 'true', the test without the global check -> 'true',
      // the `&&` before the global check -> '||', the `&&` after the Identifier test -> '||';
      // stream-urls.ts:116 'GLOBAL_OBJECT_NAMES.includes(…) || … === 'document'' -> 'true', "=== 'document'" -> "!== 'document'"
      expect(url(`new EventSource(frame.location.origin + '/e');`)).toEqual({
        text: '{frame.location.origin}/e',
        key: '{global frame.location.origin}/e',
      });
    });

    it("takes the document's location for the page location", () => {
      // kills stream-urls.ts:116 "object.name === 'document'" -> 'false', "=== 'document'" -> "!== 'document'", "'document'" -> ""
      expect(url(`new EventSource(document.location.origin + '/e');`)).toEqual({ text: '/e', key: '/e' });
    });
  });

  describe('bundler values', () => {
    it('does not take a member of `import.meta` other than `env` for a bundler value', () => {
      // kills stream-urls.ts:125 "propertyName(object) !== 'env'" -> 'false'
      expect(url(`new EventSource(import.meta.config.API);`)).toBeNull();
    });

    it('does not take the `env` of a global other than `process` for a bundler value', () => {
      // kills stream-urls.ts:127 the import.meta test -> 'true'; stream-urls.ts:128 the whole process test -> 'true',
      // "root.type === 'Identifier' && root.name === 'process'" -> 'true', "root.name === 'process'" -> 'true',
      // the `&&` before the global check -> '||', "root.type === 'Identifier' && root.name === 'process'" -> '||'
      expect(url(`new EventSource(window.env.API);`)).toEqual({ text: '{window.env.API}', key: '{global window.env.API}' });
    });
  });
});

describe('TypeScript wrappers around a URL piece (typescript-eslint)', () => {
  const [[, parser]] = parsers;
  const url = (code: string) => urlOf(parser, code, TS_FILE);
  const expected = { text: '{BASE}/e', key: `{const ${FILE_NAME} BASE}/e` };

  // Each wrapper, unwrapped, leaves the placeholder `{BASE}`; kept, the piece is unknown and so is the URL.
  // Without the unwrapping loop's body, the loop never ends (a timeout).
  it('looks through `as`', () => {
    // kills stream-urls.ts:80 the whole test -> 'false' (both), the first two or three -> '&&',
    // "current.type === 'TSAsExpression'" -> 'false', "'TSAsExpression'" -> "", its first two tests -> 'false';
    // stream-urls.ts:84 '{ current = current.expression; }' -> '{}'
    expect(url(`${BASE} new EventSource((BASE as string) + '/e');`)).toEqual(expected);
  });

  it('looks through a non-null assertion', () => {
    // kills stream-urls.ts:81 "current.type === 'TSNonNullExpression'" -> 'false', "'TSNonNullExpression'" -> ""
    expect(url(`${BASE} new EventSource(BASE! + '/e');`)).toEqual(expected);
  });

  it('looks through `satisfies`', () => {
    // kills stream-urls.ts:82 "current.type === 'TSSatisfiesExpression'" -> 'false', "'TSSatisfiesExpression'" -> ""
    expect(url(`${BASE} new EventSource((BASE satisfies string) + '/e');`)).toEqual(expected);
  });

  it('looks through an angle-bracket type assertion', () => {
    // kills stream-urls.ts:83 "current.type === 'TSTypeAssertion'" -> 'false', "'TSTypeAssertion'" -> ""
    expect(url(`${BASE} new EventSource(<string>BASE + '/e');`)).toEqual(expected);
  });
});
