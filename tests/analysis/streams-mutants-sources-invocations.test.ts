/**
 * Pins which invocations `getStreamOpenings` and `getDeferredStreamOpenings`
 * (src/analysis/stream-sources.ts) hand back, so that the mutants StrykerJS left alive there fail a
 * test (issue 17): one opening per node however many names reach it, the global behind an ambient
 * `declare` (and not behind a name the file also defines), the stand-ins `scopeWithImplicitGlobals`
 * lays over the global scope, one cached answer for "no wrappers" and "an empty wrapper list", and
 * which `useEventSource` calls (src/analysis/vueuse-event-source.ts) connect at once.
 */
import { describe, expect, it } from 'vitest';
import {
  type StreamWrapper,
  getDeferredStreamOpenings,
  getStreamOpenings,
  scopeWithImplicitGlobals,
  streamUrlArgument,
} from '../../src/analysis/stream-sources.js';
import { vueUseOptions } from '../../src/analysis/vueuse-event-source.js';
import { type SourceCode, TS_FILE, analyse, parsers } from './probe.js';

/** The URL argument's text of each opening, in source order. */
function urls(sourceCode: SourceCode, found: ReturnType<typeof getStreamOpenings>): string[] {
  return found.map((opening) => {
    const url = streamUrlArgument(opening);
    return url ? sourceCode.getText(url) : '(none)';
  });
}

describe.each(parsers)('getStreamOpenings (%s)', (_name, parser) => {
  function openings(code: string): string[] {
    return analyse(parser, code, (sourceCode) => urls(sourceCode, getStreamOpenings(sourceCode)));
  }

  it('counts one opening where two names of the global meet in one `new`', () => {
    // kills stream-sources.ts:275 the skip condition -> 'false', and its '||' -> '&&'
    expect(openings(`new (live ? EventSource : EventSource)('/a');`)).toEqual([`'/a'`]);
    expect(openings(`new (window.EventSource || EventSource)('/b');`)).toEqual([`'/b'`]);
  });

  it('gives the same cached lists without a wrappers argument as with an empty one', () => {
    const code = `import { useEventSource } from '@vueuse/core';\nnew EventSource('/a');\nuseEventSource('/b', [], { immediate: false });`;
    const [openingsSame, deferredSame, deferredUrls] = analyse(parser, code, (sourceCode) => [
      // kills stream-sources.ts:316 '[]' -> '["Stryker was here"]'
      getStreamOpenings(sourceCode) === getStreamOpenings(sourceCode, []),
      // kills stream-sources.ts:328 '[]' -> '["Stryker was here"]'
      getDeferredStreamOpenings(sourceCode) === getDeferredStreamOpenings(sourceCode, []),
      urls(sourceCode, getDeferredStreamOpenings(sourceCode)),
    ]);
    expect({ openingsSame, deferredSame, deferredUrls }).toEqual({ openingsSame: true, deferredSame: true, deferredUrls: [`'/b'`] });
  });
});

describe('the global behind TypeScript declarations', () => {
  function openings(code: string): string[] {
    return analyse(parsers[0][1], code, (sourceCode) => urls(sourceCode, getStreamOpenings(sourceCode)), TS_FILE);
  }

  it('finds the global through an ambient declaration when the config declares it too', () => {
    // kills stream-sources.ts:246 'ambientReferences.length === 0' -> 'true', and '=== 0' -> '!== 0'
    expect(openings(`/* global EventSource */\ndeclare const EventSource: any;\nnew EventSource('/a');\nexport {};`)).toEqual([`'/a'`]);
  });

  it('does not take a name for the global when only one of its declarations is ambient', () => {
    // A namespace merged into an ambient class is real code: at run time the name is the namespace object.
    // kills stream-sources.ts:202 'variable.defs.every(…)' -> 'variable.defs.some(…)'
    expect(
      openings(`declare class EventSource { constructor(url: string); }\nnamespace EventSource { export const retry = 1; }\nnew EventSource('/a');\nexport {};`),
    ).toEqual([]);
    expect(openings(`declare class EventSource { constructor(url: string); }\nnew EventSource('/a');\nexport {};`)).toEqual([`'/a'`]);
  });
  it("does not take a namespace's exported ambient member for the global in a script", () => {
    // TypeScript compiles the reference to `N.EventSource`, a property of the namespace object.
    const code = `namespace N {\n  export declare const EventSource: any;\n  export const live = new EventSource('/a');\n}`;
    // kills stream-sources.ts:239 "scope.type === 'module'" -> 'true'
    expect(analyse(parsers[0][1], code, (sourceCode) => getStreamOpenings(sourceCode).length, { ...TS_FILE, sourceType: 'script' })).toBe(0);
  });
});

describe.each(parsers)('scopeWithImplicitGlobals (%s)', (_name, parser) => {
  it('hands back the global scope itself when the config declares the name and nothing declares it ambiently', () => {
    // kills stream-sources.ts:246 'declared && ambientReferences.length === 0' -> 'false', and '=== 0' -> '!== 0'
    const same = analyse(parser, `/* global EventSource */\nnew EventSource('/a');`, (sourceCode) => {
      const globalScope = sourceCode.scopeManager!.globalScope!;
      return scopeWithImplicitGlobals(globalScope, ['EventSource']) === globalScope;
    });
    expect(same).toBe(true);
  });

  it('gives a stand-in for a name nothing declares no definitions and no declaring identifiers', () => {
    const standIn = analyse(parser, `new EventSource('/a');`, (sourceCode) => {
      const variable = scopeWithImplicitGlobals(sourceCode.scopeManager!.globalScope!, ['EventSource']).set.get('EventSource')!;
      return { defs: variable.defs, identifiers: variable.identifiers, references: variable.references.length };
    });
    // kills stream-sources.ts:252 'declared?.identifiers ?? []' -> 'declared?.identifiers && []', and '[]' -> '["Stryker was here"]'
    expect(standIn).toEqual({ defs: [], identifiers: [], references: 1 });
  });
});

describe.each(parsers)("VueUse's useEventSource (%s)", (_name, parser) => {
  const IMPORT = `import { useEventSource } from '@vueuse/core';\n`;

  /** The URLs of the openings and of the deferred invocations of `code`. */
  function split(code: string, wrappers: readonly StreamWrapper[] = []): { openings: string[]; deferred: string[] } {
    return analyse(parser, code, (sourceCode) => ({
      openings: urls(sourceCode, getStreamOpenings(sourceCode, wrappers)),
      deferred: urls(sourceCode, getDeferredStreamOpenings(sourceCode, wrappers)),
    }));
  }

  it("does not take a wrapper's useEventSource for VueUse's, nor another VueUse export a wrapper names", () => {
    // kills vueuse-event-source.ts:21 'opening.source.module === VUEUSE_MODULE' -> 'true', and '&&' -> '||'
    expect(
      split(`import { useEventSource } from './live';\nuseEventSource('/a', [], { immediate: false });`, [
        { module: './live', export: 'useEventSource' },
      ]),
    ).toEqual({ openings: [`'/a'`], deferred: [] });
    // kills vueuse-event-source.ts:21 "opening.source.exportName === 'useEventSource'" -> 'true'
    expect(
      split(`import { useStream } from '@vueuse/core';\nuseStream('/b', [], { immediate: false });`, [
        { module: '@vueuse/core', export: 'useStream' },
      ]),
    ).toEqual({ openings: [`'/b'`], deferred: [] });
  });

  it('reads the options of a call that spreads arguments after them', () => {
    // kills vueuse-event-source.ts:32 'opening.node.arguments.slice(0, 3)' -> 'opening.node.arguments'
    expect(split(`${IMPORT}useEventSource('/a', [], { immediate: true }, ...rest);`)).toEqual({ openings: [`'/a'`], deferred: [] });
  });

  it('defers a call whose options a spread argument may bring', () => {
    // kills vueuse-event-source.ts:33 'args.some(…)' -> 'false', the callback -> '() => undefined',
    // "argument.type === 'SpreadElement'" -> 'false', "'SpreadElement'" -> '""'
    expect(split(`${IMPORT}useEventSource(...args);`)).toEqual({ openings: [], deferred: ['(none)'] });
    // kills vueuse-event-source.ts:33 'args.some(…)' -> 'args.every(…)'
    expect(split(`${IMPORT}useEventSource('/b', ...more);`)).toEqual({ openings: [], deferred: [`'/b'`] });
  });

  it('defers a call whose options object may hide `immediate` behind a spread or a computed key', () => {
    // kills vueuse-event-source.ts:56 "immediate.kind === 'unknown'" -> 'false', "'unknown'" -> '""', 'false' -> 'true'
    expect(split(`${IMPORT}useEventSource('/a', [], { ...defaults });`)).toEqual({ openings: [], deferred: [`'/a'`] });
    expect(split(`${IMPORT}useEventSource('/b', [], { [key]: false, autoReconnect: true });`)).toEqual({ openings: [], deferred: [`'/b'`] });
  });

  it('describes the options after a spread argument as unknown', () => {
    const kinds = analyse(parser, `${IMPORT}useEventSource(...args);\nuseEventSource('/a', [], options);`, (sourceCode) =>
      getDeferredStreamOpenings(sourceCode).map((opening) => vueUseOptions(opening)),
    );
    // kills vueuse-event-source.ts:33 "{ kind: 'unknown' }" -> '{}', and "'unknown'" -> '""'
    expect(kinds).toEqual([{ kind: 'unknown' }, { kind: 'unknown' }]);
  });
});
