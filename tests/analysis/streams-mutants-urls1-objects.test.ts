/**
 * Pins how `src/analysis/stream-urls.ts` reads a member of an object literal in a URL
 * (`config.url` for `const config = { url: … }`), so that the mutants StrykerJS left alive there
 * fail a test (issue 17): which names lead to an object literal, how deep, which property is
 * the member (by name or string key, the last one written; a computed key whose value is an
 * object or a function names none, so it may be the member), and that a name or property which
 * refers back to itself ends.
 *
 * Each case shows the `text` and `key` of the URL of the first `new EventSource(…)` of the code
 * (null when it may differ between runs). The property values hold `BASE`, a module-level value
 * of unknown content, so that only this module (not a static evaluation) can read them.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type ImportResolver, type StreamUrl, streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

const FILE_NAME = '/app/src/feed.js';
const CONFIG = '/app/src/config.js';
const BASE = 'const BASE = getBase();';
const FROM_BASE = { text: '{BASE}/e', key: `{const ${FILE_NAME} BASE}/e` };

/** A resolver that finds every import in the declarator named `name` of the same code, as declared in `config.js`. */
function resolverTo(name: string): ImportResolver {
  return (sourceCode) => ({
    sourceCode,
    fileName: CONFIG,
    declarator: find(
      sourceCode.ast,
      (node): node is TSESTree.VariableDeclarator => node.type === 'VariableDeclarator' && node.id.type === 'Identifier' && node.id.name === name,
    ),
  });
}

/** `A1.url` where `A1` = `A2` = … = `An` = `{ url: BASE + '/e' }`. */
function aliasChain(length: number): string {
  let code = `${BASE} const A${length} = { url: BASE + '/e' };`;
  for (let index = length - 1; index >= 1; index--) code += ` const A${index} = A${index + 1};`;
  return `${code} new EventSource(A1.url);`;
}

describe.each(parsers)('object members in a stream URL (%s)', (_name, parser) => {
  function url(code: string, resolveImport?: ImportResolver): StreamUrl | null {
    return analyse(parser, code, (sourceCode) =>
      streamUrlOf({ sourceCode, fileName: FILE_NAME, resolveImport }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
    );
  }

  describe('the property read', () => {
    it('reads the property of the name', () => {
      // kills stream-urls.ts:240 'index >= 0' -> 'false', '>= 0' -> '> 0', '>= 0' -> '< 0', the loop body -> '{}';
      // stream-urls.ts:243 "property.type === 'SpreadElement'" -> 'true';
      // stream-urls.ts:246 '!property.computed' -> 'property.computed', "!property.computed && key.type === 'Identifier'" -> 'false',
      // "key.type === 'Identifier'" -> "!== 'Identifier'", "'Identifier'" -> ""; stream-urls.ts:247 'keyName === name' -> 'false', '===' -> '!=='
      expect(url(`${BASE} const config = { url: BASE + '/e' }; new EventSource(config.url);`)).toEqual(FROM_BASE);
    });

    it('skips the properties of other names written after it', () => {
      // kills stream-urls.ts:240 'index--' -> 'index++'; stream-urls.ts:247 'keyName === name' -> 'true'
      expect(url(`${BASE} const config = { url: BASE + '/e', other: '/other' }; new EventSource(config.url);`)).toEqual(FROM_BASE);
    });

    it('reads a property whose key is a string', () => {
      // kills stream-urls.ts:246 "!property.computed && key.type === 'Identifier'" -> 'true', "key.type === 'Identifier'" -> 'true',
      // "key.type === 'Literal'" -> 'false', "=== 'Literal'" -> "!== 'Literal'", "'Literal'" -> ""
      expect(url(`${BASE} const config = { 'url': BASE + '/e' }; new EventSource(config.url);`)).toEqual(FROM_BASE);
    });

    it('gives no URL when a computed key the code does not name may be the one read', () => {
      expect(url(`${BASE} const config = { url: BASE + '/e', [url]: '/other' }; new EventSource(config.url);`)).toBeNull();
      expect(url(`${BASE} const config = { url: BASE + '/e', [pick()]: '/other' }; new EventSource(config.url);`)).toBeNull();
    });

    it('names a computed key by the constant it holds', () => {
      // A later \`[KEY]\` that is 'url' wins over the earlier \`url\`; one that is another name is passed over.
      expect(url(`${BASE} const KEY = 'url'; const config = { url: '/other', [KEY]: BASE + '/e' }; new EventSource(config.url);`)).toEqual(
        FROM_BASE,
      );
      expect(url(`${BASE} const KEY = 'other'; const config = { url: BASE + '/e', [KEY]: '/other' }; new EventSource(config.url);`)).toEqual(
        FROM_BASE,
      );
      // kills stream-urls.ts:246 "key.type === 'Literal'" -> 'true'
      expect(url(`${BASE} const config = { undefined: BASE + '/e', [0]: '/other' }; new EventSource(config.undefined);`)).toEqual(FROM_BASE);
      // A boolean or null names its key by its text; a symbol names none, so it may hide any key.
      expect(url(`${BASE} const config = { url: BASE + '/e', [true]: '/other', [null]: '/none' }; new EventSource(config.url);`)).toEqual(
        FROM_BASE,
      );
      expect(url(`${BASE} const config = { url: '/other', [true]: BASE + '/e' }; new EventSource(config.true);`)).toEqual(FROM_BASE);
      expect(url(`${BASE} const config = { url: BASE + '/e', [Symbol.iterator]: '/other' }; new EventSource(config.url);`)).toBeNull();
    });

    it('leaves a key whose value is an object unnamed, so that it may be the member read', () => {
      // kills stream-urls.ts:241 "typeof known === 'object' && known !== null" -> false, and "'object'" -> ""
      expect(url(`${BASE} const config = { url: BASE + '/e', [{}]: '/other' }; new EventSource(config.url);`)).toBeNull();
      expect(url(`${BASE} const config = { url: BASE + '/e', [[]]: '/other' }; new EventSource(config.url);`)).toBeNull();
    });

    it('leaves a key whose value is a function unnamed (a global the parser declares, such as `String`)', () => {
      // Under espree `String` is not declared and has no static value at all; the answer is the same.
      // kills stream-urls.ts:241 "typeof known === 'function'" -> false, and "'function'" -> ""
      expect(url(`${BASE} const config = { url: BASE + '/e', [String]: '/other' }; new EventSource(config.url);`)).toBeNull();
    });

    it('still reads the member when every computed key is named', () => {
      expect(url(`${BASE} const config = { url: BASE + '/e', [1]: '/other' }; new EventSource(config.url);`)).toEqual(FROM_BASE);
    });

    it('gives no URL for a computed member of a page-wide value', () => {
      expect(url(`import config from './config'; new EventSource(config[path]);`)).toBeNull();
    });

    it('gives no URL for a member picked by a variable', () => {
      // kills stream-urls.ts:234 'name === null' -> 'false'
      expect(url(`const config = { [dynamic]: '/events' }; new EventSource(config[other]);`)).toBeNull();
    });

    it('gives no URL for a property that reads itself', () => {
      // kills stream-urls.ts:247 'depth + 1' -> 'depth - 1' (a stack overflow)
      expect(url(`const config = { url: config.url }; new EventSource(config.url);`)).toBeNull();
    });
  });

  describe('the names that lead to an object literal', () => {
    it('follows twelve names and no more', () => {
      // kills stream-urls.ts:218 'depth > MAX_DEPTH' -> 'depth >= MAX_DEPTH'
      expect(url(aliasChain(12))).toEqual(FROM_BASE);
      // kills stream-urls.ts:238 'depth + 1' -> 'depth - 1'
      expect(url(aliasChain(13))).toEqual({ text: '{A1.url}', key: `{const ${FILE_NAME} A12.url}` });
    });

    it('ends on two names bound to each other', () => {
      // kills stream-urls.ts:218 the whole test -> 'false', '||' -> '&&', 'depth > MAX_DEPTH' -> 'false';
      // stream-urls.ts:227 'depth + 1' -> 'depth - 1' (each a stack overflow)
      expect(url(`const a = b; const b = a; new EventSource(a.url);`)).toEqual({ text: '{a.url}', key: `{const ${FILE_NAME} b.url}` });
    });

    it('keys a member of an undeclared global by the global', () => {
      // kills stream-urls.ts:220 'variable?.defs' -> 'variable.defs'; stream-urls.ts:221 '!variable || !definition' -> 'false'
      expect(url(`new EventSource(settings.url);`)).toEqual({ text: '{settings.url}', key: '{global settings.url}' });
    });

    it('keys a member of a global declared in a comment by the global', () => {
      // kills stream-urls.ts:221 '!variable || !definition' -> '!variable && !definition'
      expect(url(`/* global settings */ new EventSource(settings.url);`)).toEqual({ text: '{settings.url}', key: '{global settings.url}' });
    });

    it('gives no URL for a member of a parameter', () => {
      // kills stream-urls.ts:227 'declarator?.init' -> 'declarator.init'
      expect(url(`function open(config) { new EventSource(config.url); }`)).toBeNull();
    });

    it('reads a member of an object literal declared in the file an import resolves to', () => {
      // kills stream-urls.ts:222 "definition.type === 'ImportBinding'" -> 'false', "'ImportBinding'" -> "", its block -> '{}'
      expect(url(`import { config } from './config'; ${BASE} const REMOTE = { url: BASE + '/e' }; new EventSource(config.url);`, resolverTo('REMOTE'))).toEqual({
        text: '{BASE}/e',
        key: `{const ${CONFIG} BASE}/e`,
      });
    });

    it('ends on an import that resolves to itself', () => {
      // kills stream-urls.ts:224 'depth + 1' -> 'depth - 1' (a stack overflow)
      expect(url(`import { a } from './config'; const b = a; new EventSource(a.url);`, resolverTo('b'))).toEqual({
        text: '{a.url}',
        key: `{const ${CONFIG} b.url}`,
      });
    });
  });
});
