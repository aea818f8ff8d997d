/**
 * Pins how `src/analysis/stream-urls.ts` follows a name in a URL to the value it is bound to, so
 * that the mutants StrykerJS left alive there fail a test (issue 17): the key of an import
 * (module and export), which `const`/`let`/`var` hold one value, which of them are module-level
 * (one value for the page), and an import the caller resolves into its declaring file.
 *
 * Each case shows the `text` and `key` of the URL of the first `new EventSource(…)` of the code
 * (null when it may differ between runs). A resolver here hands back a declarator of the same
 * code as if it were declared in `/app/src/config.js`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type ImportResolver, type StreamUrl, streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers, TS_FILE, type ProbeFile } from './probe.js';

const FILE_NAME = '/app/src/feed.js';
const CONFIG = '/app/src/config.js';

/** A resolver that finds every import in the declarator of `code` that `pick` accepts, as declared in `config.js`. */
function resolverTo(pick: (declarator: TSESTree.VariableDeclarator) => boolean): ImportResolver {
  return (sourceCode) => ({
    sourceCode,
    fileName: CONFIG,
    declarator: find(sourceCode.ast, (node): node is TSESTree.VariableDeclarator => node.type === 'VariableDeclarator' && pick(node)),
  });
}

/** The declarator of the name `name`. */
const named = (name: string) => (declarator: TSESTree.VariableDeclarator) => declarator.id.type === 'Identifier' && declarator.id.name === name;

/** The first declarator that destructures. */
const destructuring = (declarator: TSESTree.VariableDeclarator) => declarator.id.type !== 'Identifier';

describe.each(parsers)('names in a stream URL (%s)', (_name, parser) => {
  function url(code: string, options: { file?: ProbeFile; resolveImport?: ImportResolver } = {}): StreamUrl | null {
    return analyse(
      parser,
      code,
      (sourceCode) =>
        streamUrlOf({ sourceCode, fileName: FILE_NAME, resolveImport: options.resolveImport }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
      options.file,
    );
  }

  describe('imports the caller does not resolve', () => {
    it('keys a package import by the package name, not a path', () => {
      // kills stream-urls.ts:136 "'.'" -> ""
      expect(url(`import { EVENTS } from 'app-config'; new EventSource(EVENTS);`)).toEqual({ text: '{EVENTS}', key: '{import app-config EVENTS}' });
    });

    it('drops only a trailing script extension of a relative module', () => {
      // kills stream-urls.ts:136 /\.[cm]?[jt]sx?$/ -> /\.[cm]?[jt]sx?/
      expect(url(`import { EVENTS } from './v1.js/config'; new EventSource(EVENTS);`)).toEqual({
        text: '{EVENTS}',
        key: '{import /app/src/v1.js/config EVENTS}',
      });
      // kills stream-urls.ts:136 /\.[cm]?[jt]sx?$/ -> /\.[^cm]?[jt]sx?$/
      expect(url(`import { EVENTS } from './config.mjs'; new EventSource(EVENTS);`)).toEqual({
        text: '{EVENTS}',
        key: '{import /app/src/config EVENTS}',
      });
    });

    it('keys an export named by a string by that string', () => {
      // kills stream-urls.ts:140 "specifier.imported.type === 'Identifier'" -> 'true'
      expect(url(`import { 'events-url' as EVENTS } from './config'; new EventSource(EVENTS);`)).toEqual({
        text: '{EVENTS}',
        key: '{import /app/src/config events-url}',
      });
    });

    it('keys a default import as `default` and a namespace import as `*`', () => {
      // kills stream-urls.ts:143 "specifier.type === 'ImportDefaultSpecifier'" -> 'false', '===' -> '!==',
      // "'ImportDefaultSpecifier'" -> ""; stream-urls.ts:144 "'default'" -> ""
      expect(url(`import events from './config'; new EventSource(events);`)).toEqual({ text: '{events}', key: '{import /app/src/config default}' });
      // kills stream-urls.ts:143 "specifier.type === 'ImportDefaultSpecifier'" -> 'true', '===' -> '!=='; stream-urls.ts:145 "'*'" -> ""
      expect(url(`import * as events from './config'; new EventSource(events);`)).toEqual({ text: '{events}', key: '{import /app/src/config *}' });
    });
  });

  describe('constants', () => {
    it('gives no URL for a `var` declared twice', () => {
      // kills stream-urls.ts:151 'variable.defs.length === 1' -> 'true'; stream-urls.ts:152 'definition?.type' -> 'definition.type'
      expect(url(`var base = '/a'; var base = '/b'; new EventSource(base + '/e');`)).toBeNull();
    });

    it('gives no URL for a name destructured from a constant', () => {
      // kills stream-urls.ts:152 the whole test -> 'false', its first two tests -> 'false', the last '||' -> '&&',
      // "definition.node.id.type !== 'Identifier'" -> 'false'
      expect(url(`const [first] = '/events'; new EventSource(first);`)).toBeNull();
    });

    it('reads a `const` by its initialiser even where the code assigns it', () => {
      // kills stream-urls.ts:155 "declaration.kind !== 'const'" -> 'true', "'const'" -> ""
      expect(url(`const BASE = getBase(); BASE = '/other'; new EventSource(BASE + '/e');`)).toEqual({
        text: '{BASE}/e',
        key: `{const ${FILE_NAME} BASE}/e`,
      });
    });

    it('reads a `let` that is never assigned again like a `const`', () => {
      // kills stream-urls.ts:155 the first '&&' -> '||', 'reference.isWrite() && !reference.init' -> 'true', '&&' -> '||',
      // '!reference.init' -> 'reference.init'
      expect(url(`let base = getBase(); new EventSource(base + '/e');`)).toEqual({ text: '{base}/e', key: `{const ${FILE_NAME} base}/e` });
    });

    it('keys a module-level value of unknown content by the file and the name', () => {
      // kills stream-urls.ts:185 the placeholder -> '{}', '`const ${…} ${name}`' -> '``'
      expect(url(`const BASE = getBase(); new EventSource(BASE + '/e');`)).toEqual({ text: '{BASE}/e', key: `{const ${FILE_NAME} BASE}/e` });
    });

    it("keeps a module-level constant's known pieces instead of its name", () => {
      // kills stream-urls.ts:184 'parts !== UNSTABLE' -> 'false'
      expect(url(`const BASE = import.meta.env.VITE_API + '/v1'; new EventSource(BASE + '/e');`)).toEqual({
        text: '{import.meta.env.VITE_API}/v1/e',
        key: '{env VITE_API}/v1/e',
      });
    });

    it('takes a top-level constant of a script for one value of the page', () => {
      // kills stream-urls.ts:168 "variable.scope.type !== 'global'" -> 'true', "!== 'global'" -> "=== 'global'", "'global'" -> ""
      expect(url(`const BASE = getBase(); new EventSource(BASE + '/e');`, { file: { sourceType: 'script' } })).toEqual({
        text: '{BASE}/e',
        key: `{const ${FILE_NAME} BASE}/e`,
      });
    });

    it('gives no URL for a constant of unknown content inside a function', () => {
      // kills stream-urls.ts:168 the whole test -> 'false', "!== 'global'" -> "=== 'global'"; its 'false' -> 'true'
      expect(url(`function open() { const base = getBase(); new EventSource(base + '/e'); }`)).toBeNull();
    });

    it('stops following constants twelve names deep', () => {
      let code = 'const A0 = getBase();';
      for (let index = 1; index <= 7; index++) code += ` const A${index} = A${index - 1} + '/${index}';`;
      // kills stream-urls.ts:183 'depth + 1' -> 'depth - 1'
      expect(url(`${code} new EventSource(A7);`)).toEqual({ text: '{A1}/2/3/4/5/6/7', key: `{const ${FILE_NAME} A1}/2/3/4/5/6/7` });
    });
  });

  describe('globals', () => {
    it('keys a global the code declares in a comment by its name', () => {
      // kills stream-urls.ts:196 'variable.defs.length === 0' -> 'false'
      expect(url(`/* global API_URL */ new EventSource(API_URL + '/e');`)).toEqual({ text: '{API_URL}/e', key: '{global API_URL}/e' });
    });

    it('keys an undeclared global by its name', () => {
      // kills stream-urls.ts:196 '`global ${node.name}`' -> '``'
      expect(url(`new EventSource(API_URL + '/e');`)).toEqual({ text: '{API_URL}/e', key: '{global API_URL}/e' });
    });
  });

  describe('imports the caller resolves', () => {
    it('reads the value declared in the other file', () => {
      // kills stream-urls.ts:200 'resolved' -> 'false', its block -> '{}'; stream-urls.ts:202 'parts !== UNSTABLE' -> 'false',
      // '!==' -> '==='; the mapping arrow -> '() => undefined'
      expect(
        url(`import { EVENTS } from './config'; const REMOTE = '/remote'; new EventSource(EVENTS + '/e');`, {
          resolveImport: resolverTo(named('REMOTE')),
        }),
      ).toEqual({ text: '/remote/e', key: '/remote/e' });
      expect(
        url(`import { EVENTS } from './config'; const REMOTE = import.meta.env.API + '/remote'; new EventSource(EVENTS + '/e');`, {
          resolveImport: resolverTo(named('REMOTE')),
        }),
      ).toEqual({ text: '{EVENTS}/remote/e', key: '{env API}/remote/e' });
    });

    it('names a module-level value of unknown content of the other file after the import', () => {
      // kills stream-urls.ts:201 'true' -> 'false'; stream-urls.ts:202 '{ ...part, placeholder: node.name }' -> '{}';
      // stream-urls.ts:190 the reader's context -> '{}'; stream-urls.ts:189 the body of `elsewhere` -> '{}'
      expect(
        url(`import { EVENTS } from './config'; const REMOTE = getRemote(); new EventSource(EVENTS + '/e');`, {
          resolveImport: resolverTo(named('REMOTE')),
        }),
      ).toEqual({ text: '{EVENTS}/e', key: `{const ${CONFIG} REMOTE}/e` });
    });

    it('keys the import itself when the other file destructures the value', () => {
      // kills stream-urls.ts:182 "declarator.id.type === 'Identifier'" -> 'true'; stream-urls.ts:184 'name === null' -> 'false';
      // stream-urls.ts:202 'parts !== UNSTABLE' -> 'true'
      expect(
        url(`import { EVENTS } from './config'; const { url } = getConfig(); new EventSource(EVENTS + '/e');`, {
          resolveImport: resolverTo(destructuring),
        }),
      ).toEqual({ text: '{EVENTS}/e', key: '{import /app/src/config EVENTS}/e' });
    });
  });
});

describe('TypeScript import-require (typescript-eslint)', () => {
  const [[, parser]] = parsers;

  it('gives no URL for a name bound by `import x = require(…)`', () => {
    const code = `import events = require('./config'); new EventSource(events);`;
    const result = analyse(
      parser,
      code,
      (sourceCode) => streamUrlOf({ sourceCode, fileName: FILE_NAME }, find(sourceCode.ast, isNewEventSource).arguments[0]!),
      TS_FILE,
    );
    // kills stream-urls.ts:134 "declaration?.type !== 'ImportDeclaration'" -> 'false'; stream-urls.ts:205 'key === null' -> 'false'
    expect(result).toBeNull();
  });
});
