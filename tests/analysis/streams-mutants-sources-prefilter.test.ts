/**
 * Pins the rules' prefilter, so that the mutants StrykerJS left alive there fail a test (issue 17):
 * which modules' imports make `sourceMentionsStream` (src/analysis/stream-sources.ts) look at a
 * file when a `wrappers` option is given, how `referencesAnyModule` (src/analysis/module-references.ts)
 * reads imports, re-exports and `require` calls, what `streamNeedles` (src/analysis/stream-mentions.ts)
 * scans for, and what both answer for a SourceCode built without scope analysis.
 */
import { SourceCode } from 'eslint';
import * as espree from 'espree';
import { describe, expect, it } from 'vitest';
import { referencesAnyModule } from '../../src/analysis/module-references.js';
import {
  type StreamWrapper,
  getStreamOpenings,
  librarySources,
  sourceMentionsStream,
  streamNeedles,
} from '../../src/analysis/stream-sources.js';
import { type SourceCode as ProbeSourceCode, analyse, parsers } from './probe.js';

const WRAPPERS: readonly StreamWrapper[] = [{ module: './live', export: 'openLive' }];

describe.each(parsers)('sourceMentionsStream with a wrappers option (%s)', (_name, parser) => {
  /** Whether the prefilter lets `code` through, with the wrappers option set. */
  function mentions(code: string, sourceType: 'module' | 'script' = 'module'): boolean {
    return analyse(parser, code, (sourceCode) => sourceMentionsStream(sourceCode, WRAPPERS), { sourceType });
  }

  it('does not count an import of VueUse composables that are not useEventSource', () => {
    // kills stream-sources.ts:91 the body of textNamesEveryExport -> '{}',
    // 92 the `every` callback -> '() => undefined', its condition -> 'false', "exportName !== 'default'" -> "=== 'default'",
    // 97 the `filter` -> 'KNOWN_STREAM_LIBRARIES'
    expect(mentions(`import { useStorage } from '@vueuse/core';\nexport const theme = useStorage('theme', 'dark');`)).toBe(false);
  });

  it('counts an import of a library whose default export opens a stream, though the file never names EventSource', () => {
    // kills stream-sources.ts:92 'every' -> 'some', the condition -> 'true', 97 the callback -> '() => undefined',
    // '!textNamesEveryExport(library)' -> 'textNamesEveryExport(library)', 98 'library.module' -> '() => undefined'
    expect(mentions(`import Open from 'eventsource';\nnew Open(url);`)).toBe(true);
    expect(mentions(`import Open from 'reconnecting-eventsource';\nnew Open(url);`)).toBe(true);
    expect(mentions(`import { SSE } from 'sse.js';\nnew SSE(url);`)).toBe(true);
  });

  it('decides alone for a file whose text does not spell a stream: a name built by an escape is not looked at', () => {
    // The text test is the documented limit of every rule (README, "What counts as a stream"): the scope analysis
    // would resolve `window['Event\\x53ource']` to the global, but it never runs on such a file.
    // kills stream-sources.ts:300 '!sourceMentionsStream(sourceCode, wrappers)' -> 'false'
    const code = `export const feed = new window['Event\\x53ource']('/api/x');`;
    expect(mentions(code)).toBe(false);
    expect(analyse(parser, code, (sourceCode) => getStreamOpenings(sourceCode, WRAPPERS).length)).toBe(0);
    // The same opening spelled out is found, so the zero above is the text test's answer.
    expect(analyse(parser, `export const feed = new window['EventSource']('/api/x');`, (sourceCode) => getStreamOpenings(sourceCode, WRAPPERS).length)).toBe(1);
  });

  it('counts an import of a wrapper module, and nothing in a file that neither names nor imports a stream', () => {
    expect(mentions(`import { openLive } from './live';\nopenLive(url);`)).toBe(true);
    // kills stream-sources.ts:130 'includesEventSource(…) || referencesAnyModule(…)' -> 'true'
    expect(mentions(`import { useState } from 'react';\nfetch('/api');`)).toBe(false);
  });
});

describe.each(parsers)('referencesAnyModule (%s)', (_name, parser) => {
  const MODULES: ReadonlySet<string> = new Set(['eventsource']);

  /** Whether `code` imports, re-exports or requires `eventsource`. */
  function references(code: string, sourceType: 'module' | 'script' = 'module'): boolean {
    return analyse(parser, code, (sourceCode) => referencesAnyModule(sourceCode, MODULES), { sourceType });
  }

  it('counts a re-export of everything', () => {
    // kills module-references.ts:22 "'ExportAllDeclaration'" -> '""'
    expect(references(`export * from 'eventsource';`)).toBe(true);
    expect(references(`export * from 'other';`)).toBe(false);
  });

  it('counts a named re-export, and not a local export', () => {
    // kills module-references.ts:25 the ExportNamedDeclaration case -> empty, "'ExportNamedDeclaration'" -> '""',
    // 26 'statement.source && modules.has(…)' -> 'false', its 'true' -> 'false'
    expect(references(`export { EventSource } from 'eventsource';`)).toBe(true);
    expect(references(`export { default as Open } from 'eventsource';`)).toBe(true);
    expect(references(`const eventsource = 1;\nexport { eventsource };`)).toBe(false);
  });

  it('does not trip over a require without arguments', () => {
    // kills module-references.ts:13 "node?.type === 'Literal'" -> 'true', '&&' -> '||', 'node?.type' -> 'node.type',
    // 14 'node?.type' -> 'node.type'
    expect(references(`require();\nrequire('eventsource');`, 'script')).toBe(true);
    expect(references(`require();`, 'script')).toBe(false);
  });

  it('reads a template module name only when it has no substitution', () => {
    expect(references('require(`eventsource`);', 'script')).toBe(true);
    // kills module-references.ts:14 'node.expressions.length === 0' -> 'true'
    expect(references('require(`eventsource${suffix}`);', 'script')).toBe(false);
  });

  it('counts only calls of the name require', () => {
    // kills module-references.ts:37 "identifier.name !== 'require'" -> 'false'
    expect(references(`load('eventsource');`, 'script')).toBe(false);
  });

  it('does not count require passed as an argument or invoked with new', () => {
    // kills module-references.ts:39 the whole skip condition -> 'false', '||' -> '&&', 'call.callee !== identifier' -> 'false'
    expect(references(`load('eventsource', require);`, 'script')).toBe(false);
    // kills module-references.ts:39 "call?.type !== 'CallExpression'" -> 'false'
    expect(references(`new require('eventsource');`, 'script')).toBe(false);
  });

  it('skips the walk over references only when the text spells neither `require` nor an escape', () => {
    // The text test in front of the walk (issue 16): `\u0072equire` is the identifier `require`,
    // so an escape keeps the walk; a text with neither has no `require` call to find.
    expect(references(`const Open = \\u0072equire('eventsource');`, 'script')).toBe(true);
    expect(references(`const Open = requireLater('eventsource');`, 'script')).toBe(false);
    expect(references(`const Open = load('eventsource');`, 'script')).toBe(false);
  });
});

describe('streamNeedles', () => {
  it('lists the global name, then the module-name fragments, then the wrapper modules', () => {
    // kills stream-mentions.ts:21 the body -> '{}', 22 the array -> '[]', "'EventSource'" -> '""'
    expect(streamNeedles([])).toEqual(['EventSource', 'eventsource', 'sse.js', 'native-sse']);
    expect(streamNeedles(WRAPPERS)).toEqual(['EventSource', 'eventsource', 'sse.js', 'native-sse', './live']);
  });
});

describe('librarySources', () => {
  it('lists each export of each known library once, then both invocations of each wrapper', () => {
    // kills stream-sources.ts:147 '[]' -> '["Stryker was here"]'
    const sources = librarySources(WRAPPERS);
    expect(sources.map((source) => `${source.module} ${source.exportName} ${source.kind}`)).toEqual([
      'eventsource EventSource construct',
      'eventsource default construct',
      'reconnecting-eventsource default construct',
      'event-source-polyfill EventSourcePolyfill construct',
      'event-source-polyfill NativeEventSource construct',
      'event-source-polyfill EventSource construct',
      'extended-eventsource EventSource construct',
      'eventsource-client createEventSource call',
      '@microsoft/fetch-event-source fetchEventSource call',
      'sse.js SSE construct',
      'sse.js default construct',
      '@sanity/eventsource default construct',
      'launchdarkly-eventsource EventSource construct',
      'react-native-sse default construct',
      '@vueuse/core useEventSource call',
      './live openLive call',
      './live openLive construct',
    ]);
  });
});

describe('a SourceCode without scope analysis', () => {
  /** A SourceCode of `text` as a tool that only parses would build it: no scope manager. */
  function unscoped(text: string): ProbeSourceCode {
    const ast = espree.parse(text, { ecmaVersion: 'latest', sourceType: 'module', range: true, loc: true, tokens: true, comment: true });
    const sourceCode = new SourceCode({ text, ast: ast as never });
    expect(sourceCode.scopeManager).toBeNull();
    return sourceCode as unknown as ProbeSourceCode;
  }

  it('references no module it does not import', () => {
    // kills module-references.ts:60 'sourceCode.scopeManager?.globalScope' -> 'sourceCode.scopeManager.globalScope',
    // 61 'false' -> 'true'
    expect(referencesAnyModule(unscoped(`require('eventsource');`), new Set(['eventsource']))).toBe(false);
    expect(referencesAnyModule(unscoped(`import 'eventsource';`), new Set(['eventsource']))).toBe(true);
  });

  it('opens no stream, since no name can be resolved', () => {
    // kills stream-sources.ts:261 'sourceCode.scopeManager?.globalScope' -> 'sourceCode.scopeManager.globalScope',
    // 262 '!globalScope' -> 'false', '[]' -> '["Stryker was here"]'
    expect(getStreamOpenings(unscoped(`new EventSource('/a');`))).toEqual([]);
  });
});
