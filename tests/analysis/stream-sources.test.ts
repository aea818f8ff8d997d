/**
 * What counts as a stream: `getStreamOpenings` run on files parsed by ESLint's own Linter,
 * under espree and under typescript-eslint, with and without browser globals declared.
 */
import tsParser from '@typescript-eslint/parser';
import type { TSESLint } from '@typescript-eslint/utils';
import { type ESLint, Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import {
  KNOWN_STREAM_LIBRARIES,
  type StreamOpening,
  type StreamWrapper,
  getDeferredStreamOpenings,
  getStreamOpenings,
  isNativeEventSource,
  mentionsStream,
  sourceMentionsStream,
  streamUrlArgument,
} from '../../src/analysis/stream-sources.js';

interface ParseOptions {
  typescript?: boolean;
  sourceType?: 'module' | 'commonjs' | 'script';
  /** Globals the config declares, as `globals.browser` would. */
  globals?: Record<string, 'readonly' | 'writable' | 'off'>;
  wrappers?: StreamWrapper[];
}

interface Parsed {
  sourceCode: TSESLint.SourceCode;
  openings: readonly StreamOpening[];
}

/** Parses `code` and hands back its SourceCode and what `getStreamOpenings` finds in it. */
function parse(code: string, options: ParseOptions = {}): Parsed {
  let parsed: Parsed | undefined;
  const probe = {
    meta: { schema: [] },
    create(context: { sourceCode: unknown }) {
      const sourceCode = context.sourceCode as TSESLint.SourceCode;
      parsed = { sourceCode, openings: getStreamOpenings(sourceCode, options.wrappers) };
      return {};
    },
  };
  const filename = options.typescript ? 'file.ts' : 'file.js';
  const messages = new Linter({ configType: 'flat' }).verify(
    code,
    {
      files: ['**/*.js', '**/*.ts'],
      plugins: { probe: { rules: { openings: probe } } as unknown as ESLint.Plugin },
      rules: { 'probe/openings': 'error' },
      languageOptions: {
        ...(options.typescript ? { parser: tsParser as Linter.Parser } : {}),
        sourceType: options.sourceType ?? 'module',
        globals: options.globals ?? {},
      },
    },
    { filename },
  );
  expect(messages, 'the code must parse').toEqual([]);
  return parsed!;
}

/** Each opening as `<source text> → <label> (<kind>)`, in source order. */
function openings(code: string, options: ParseOptions = {}): string[] {
  const { sourceCode, openings: found } = parse(code, options);
  return found.map((opening) => `${sourceCode.getText(opening.node)} → ${opening.source.label} (${opening.source.kind})`);
}

const BROWSER_GLOBALS = { EventSource: 'readonly', window: 'readonly', self: 'readonly', globalThis: 'readonly' } as const;

describe('the global EventSource', () => {
  const forms = `new EventSource('/a');
new window.EventSource('/b');
new globalThis.EventSource('/c');
new self.EventSource('/d');
new window['EventSource']('/e');
new (EventSource)('/f');
new EventSource;`;
  const expected = [
    "new EventSource('/a') → `EventSource` (construct)",
    "new window.EventSource('/b') → `EventSource` (construct)",
    "new globalThis.EventSource('/c') → `EventSource` (construct)",
    "new self.EventSource('/d') → `EventSource` (construct)",
    "new window['EventSource']('/e') → `EventSource` (construct)",
    "new (EventSource)('/f') → `EventSource` (construct)",
    'new EventSource → `EventSource` (construct)',
  ];

  it('counts bare, `window.`, `globalThis.`, `self.`, computed and parenthesised forms when no globals are declared', () => {
    expect(openings(forms)).toEqual(expected);
  });

  it('counts the same when the config declares the browser globals', () => {
    expect(openings(forms, { globals: BROWSER_GLOBALS })).toEqual(expected);
  });

  it('counts the same under typescript-eslint, with and without declared globals', () => {
    expect(openings(forms, { typescript: true })).toEqual(expected);
    expect(openings(forms, { typescript: true, globals: BROWSER_GLOBALS })).toEqual(expected);
  });

  it('follows aliases of the constructor and of the global object', () => {
    expect(
      openings(`const ES = EventSource;
new ES('/a');
const { EventSource: Source } = window;
new Source('/b');
const w = globalThis;
new w.EventSource('/c');`),
    ).toEqual([
      "new ES('/a') → `EventSource` (construct)",
      "new Source('/b') → `EventSource` (construct)",
      "new w.EventSource('/c') → `EventSource` (construct)",
    ]);
  });

  it('treats an ambient `declare` in a TypeScript module as the global itself', () => {
    expect(
      openings(`declare const EventSource: { new (url: string): unknown };\nnew EventSource('/a');`, { typescript: true }),
    ).toEqual(["new EventSource('/a') → `EventSource` (construct)"]);
    expect(openings(`declare class EventSource {}\nnew EventSource('/a');`, { typescript: true })).toEqual([
      "new EventSource('/a') → `EventSource` (construct)",
    ]);
  });

  it('ignores a local class, a parameter, a block-scoped variable or a local `window` that shadows the name', () => {
    const shadowed = `class EventSource {}
new EventSource('/a');
function connect(EventSource) { return new EventSource('/b'); }
{ const EventSource = Fake; new EventSource('/c'); }
function other() { const window = { EventSource: Fake }; return new window.EventSource('/d'); }`;
    expect(openings(shadowed)).toEqual([]);
    expect(openings(shadowed, { globals: BROWSER_GLOBALS })).toEqual([]);
  });

  it('still counts the global where it is not shadowed', () => {
    expect(openings(`function connect(EventSource) { return new EventSource('/b'); }\nnew EventSource('/a');`)).toEqual([
      "new EventSource('/a') → `EventSource` (construct)",
    ]);
  });

  it('does not count reads that open nothing: types, `instanceof`, `typeof`, a call without `new`', () => {
    expect(
      openings(
        `let es: EventSource | undefined;
if (es instanceof EventSource) es.close();
const supported = typeof EventSource !== 'undefined';
const Ctor = window.EventSource;
EventSource('/a');`,
        { typescript: true },
      ),
    ).toEqual([]);
  });
});

describe('known client libraries', () => {
  /** `new Local(url)` or `Local(url)`, as the export is meant to be invoked. */
  function invoke(kind: 'construct' | 'call', callee: string): string {
    return kind === 'construct' ? `new ${callee}('/feed')` : `${callee}('/feed')`;
  }
  function label(module: string, exportName: string): string {
    return exportName === 'default' ? `the default export of \`${module}\`` : `\`${exportName}\` from \`${module}\``;
  }

  const exports = KNOWN_STREAM_LIBRARIES.flatMap((library) =>
    Object.entries(library.exports).map(([exportName, kind]) => ({ module: library.module, exportName, kind })),
  );

  it('covers the clients of SSE-FACTS that open connections', () => {
    expect(KNOWN_STREAM_LIBRARIES.map((library) => library.module)).toEqual(
      expect.arrayContaining([
        'eventsource',
        'reconnecting-eventsource',
        '@microsoft/fetch-event-source',
        'sse.js',
        'event-source-polyfill',
        'extended-eventsource',
      ]),
    );
  });

  describe.each(exports)('$exportName of $module', ({ module, exportName, kind }) => {
    const expected = (callee: string) => [`${invoke(kind, callee)} → ${label(module, exportName)} (${kind})`];

    it('through an ESM import under a local name', () => {
      const code =
        exportName === 'default'
          ? `import Local from '${module}';\n${invoke(kind, 'Local')};`
          : `import { ${exportName} as Local } from '${module}';\n${invoke(kind, 'Local')};`;
      expect(openings(code)).toEqual(expected('Local'));
    });

    it('through a namespace import', () => {
      const code = `import * as Lib from '${module}';\n${invoke(kind, `Lib.${exportName}`)};`;
      expect(openings(code)).toEqual(expected(`Lib.${exportName}`));
    });

    it('through CommonJS `require`', () => {
      const code =
        exportName === 'default'
          ? `const Local = require('${module}');\n${invoke(kind, 'Local')};`
          : `const { ${exportName}: Local } = require('${module}');\n${invoke(kind, 'Local')};`;
      expect(openings(code, { sourceType: 'commonjs' })).toEqual(expected('Local'));
    });

    it(`through \`require('${module}').${exportName}\``, () => {
      const code = `const Local = require('${module}').${exportName};\n${invoke(kind, 'Local')};`;
      expect(openings(code, { sourceType: 'commonjs' })).toEqual(expected('Local'));
    });

    it('not when invoked the other way (`new` on a function, a call on a class)', () => {
      const wrongWay = kind === 'construct' ? 'call' : 'construct';
      const code = `import * as Lib from '${module}';\n${invoke(wrongWay, `Lib.${exportName}`)};`;
      expect(openings(code)).toEqual([]);
    });
  });

  it('ignores a type-only import and a same-named export of another module', () => {
    expect(
      openings(
        `import type { EventSource } from 'eventsource';
import { EventSource as Local } from './eventsource';
import { fetchEventSource } from '@acme/fetch-event-source';
let source: EventSource;
new Local('/a');
fetchEventSource('/b');`,
        { typescript: true },
      ),
    ).toEqual([]);
  });

  it('ignores eventsource-parser, which parses but never connects', () => {
    expect(openings(`import { createParser } from 'eventsource-parser';\ncreateParser({ onEvent });`)).toEqual([]);
  });

  it('reports every opening once, in source order', () => {
    expect(
      openings(`import { fetchEventSource } from '@microsoft/fetch-event-source';
import RES from 'reconnecting-eventsource';
fetchEventSource('/a', {});
new RES('/b');
new EventSource('/c');`),
    ).toEqual([
      "fetchEventSource('/a', {}) → `fetchEventSource` from `@microsoft/fetch-event-source` (call)",
      "new RES('/b') → the default export of `reconnecting-eventsource` (construct)",
      "new EventSource('/c') → `EventSource` (construct)",
    ]);
  });
});

describe('user wrappers', () => {
  const wrappers = [
    { module: '@acme/live', export: 'openStream' },
    { module: '@acme/feed', export: 'default' },
  ];

  it('counts a named wrapper called or constructed, and a default one', () => {
    expect(
      openings(
        `import { openStream } from '@acme/live';
import Feed from '@acme/feed';
openStream('/a');
new openStream('/b');
new Feed('/c');`,
        { wrappers },
      ),
    ).toEqual([
      "openStream('/a') → `openStream` from `@acme/live` (call)",
      "new openStream('/b') → `openStream` from `@acme/live` (construct)",
      "new Feed('/c') → the default export of `@acme/feed` (construct)",
    ]);
  });

  it('counts a wrapper reached through `require`', () => {
    expect(openings(`const feed = require('@acme/feed');\nfeed('/a');`, { sourceType: 'commonjs', wrappers })).toEqual([
      "feed('/a') → the default export of `@acme/feed` (call)",
    ]);
  });

  it('marks wrapper sources as user-defined', () => {
    const { openings: found } = parse(`import { openStream } from '@acme/live';\nopenStream('/a');`, { wrappers });
    expect(found.map((opening) => opening.source.userDefined)).toEqual([true]);
  });

  it('does not count the same import without the option, nor another export of the module', () => {
    expect(openings(`import { openStream } from '@acme/live';\nopenStream('/a');`)).toEqual([]);
    expect(openings(`import { closeStream } from '@acme/live';\ncloseStream('/a');`, { wrappers })).toEqual([]);
  });
});

describe('mentionsStream', () => {
  it('is false for a file that names no stream and no wrapper module', () => {
    expect(mentionsStream(`import { useState } from 'react';\nfetch('/api');`, [])).toBe(false);
  });

  // The pre-filter scans for a few shared substrings, not every module name: it must still
  // see every way of bringing in every export, however the file names it locally.
  it.each(
    KNOWN_STREAM_LIBRARIES.flatMap((library) =>
      Object.keys(library.exports).flatMap((exportName) =>
        exportName === 'default'
          ? [`import open from '${library.module}';\nopen(u);`, `const open = require('${library.module}');\nopen(u);`]
          : [
              `import { ${exportName} as open } from '${library.module}';\nopen(u);`,
              `import * as lib from '${library.module}';\nnew lib.${exportName}(u);`,
              `const { ${exportName}: open } = require('${library.module}');\nopen(u);`,
            ],
      ),
    ),
  )('is true for %s', (code) => {
    expect(mentionsStream(code, [])).toBe(true);
  });

  it('is true for the global name, a library module or a wrapper module', () => {
    expect(mentionsStream('new window.EventSource(url)', [])).toBe(true);
    expect(mentionsStream(`import x from 'sse.js'`, [])).toBe(true);
    expect(mentionsStream(`import { open } from '@acme/live'`, [{ module: '@acme/live', export: 'open' }])).toBe(true);
  });
});

describe('sourceMentionsStream', () => {
  const mentions = (code: string, options: ParseOptions = {}) =>
    sourceMentionsStream(parse(code, options).sourceCode, options.wrappers);

  // The rules' pre-filter: false must prove that `getStreamOpenings` finds nothing, for every
  // way of bringing in every export, under both parsers and both module systems.
  it.each(
    KNOWN_STREAM_LIBRARIES.flatMap((library) =>
      Object.entries(library.exports).flatMap(([exportName, kind]) => {
        const open = kind === 'construct' ? 'new Open(u);' : 'Open(u);';
        return exportName === 'default'
          ? [
              { code: `import Open from '${library.module}';\n${open}`, sourceType: 'module' as const },
              { code: `const Open = require(\`${library.module}\`);\n${open}`, sourceType: 'commonjs' as const },
            ]
          : [
              {
                code: `export * from '${library.module}';\nimport { ${exportName} as Open } from '${library.module}';\n${open}`,
                sourceType: 'module' as const,
              },
              { code: `const { ${exportName}: Open } = require('${library.module}');\n${open}`, sourceType: 'commonjs' as const },
            ];
      }),
    ),
  )('is true wherever an opening is found: $code', ({ code, sourceType }) => {
    for (const typescript of [false, true]) {
      const parsed = parse(code, { sourceType, typescript });
      expect(parsed.openings.length, 'an opening is found').toBeGreaterThan(0);
      expect(sourceMentionsStream(parsed.sourceCode)).toBe(true);
    }
  });

  it('finds the global by name however it is reached', () => {
    expect(mentions(`new self['EventSource'](u);`)).toBe(true);
    expect(mentions('const { EventSource: S } = window;\nnew S(u);')).toBe(true);
  });

  it('reads module names from the tree, not the text', () => {
    // A module name in a comment or an unrelated string brings in nothing.
    expect(mentions(`// we used to import 'eventsource' here\nconst name = 'sse.js';`)).toBe(false);
    expect(mentions(`import x from './eventsource-notes';`)).toBe(false);
    expect(mentions(`import { open } from '@acme/live';`, { wrappers: [{ module: '@acme/live', export: 'open' }] })).toBe(true);
    expect(mentions(`import { open } from '@acme/live';`)).toBe(false);
  });

  it('follows require whether it is implicit, a declared global or declared ambiently', () => {
    const code = `const ES = require('eventsource');`;
    expect(mentions(code, { sourceType: 'commonjs' })).toBe(true);
    expect(mentions(code, { sourceType: 'script', globals: { require: 'readonly' } })).toBe(true);
    expect(mentions(`declare const require: (m: string) => any;\n${code}\nexport {};`, { typescript: true })).toBe(true);
    // A require of a name known only at run time is not followed, by this or by the openings.
    expect(mentions(`const m = 'eventsource';\nconst ES = require(m);`, { sourceType: 'commonjs' })).toBe(false);
    // A local function called require is not the global.
    expect(mentions(`function require(m) {}\nrequire('eventsource');`, { sourceType: 'script' })).toBe(false);
  });
});

describe('getStreamOpenings', () => {
  it('computes once per file and wrapper list', () => {
    const { sourceCode, openings: first } = parse(`new EventSource('/a');`);
    expect(getStreamOpenings(sourceCode)).toBe(first);
    const withWrappers = getStreamOpenings(sourceCode, [{ module: '@acme/live', export: 'open' }]);
    expect(withWrappers).not.toBe(first);
    expect(withWrappers).toEqual(first);
  });

  it('finds nothing in an empty file', () => {
    expect(openings('')).toEqual([]);
  });
});

describe('subclasses of a stream client', () => {
  // Public code extends \`EventSource\` to add methods, or to put headers into the query string
  // (the \`CustomEventSource\` shape found with \`search\`); these cases are our own, reduced.
  it('counts each `new` of a class without a constructor of its own, under its name and its base', () => {
    const code = `class Feed extends EventSource {
  onRow(handler) { this.addEventListener('row', handler); }
}
const Anonymous = class extends window.EventSource {};
new Feed('/a', { withCredentials: true });
new Anonymous('/b');`;
    const expected = [
      "new Feed('/a', { withCredentials: true }) → `Feed` (extends `EventSource`) (construct)",
      "new Anonymous('/b') → `Anonymous` (extends `EventSource`) (construct)",
    ];
    expect(openings(code)).toEqual(expected);
    expect(openings(code, { typescript: true, globals: BROWSER_GLOBALS })).toEqual(expected);
    const { openings: found } = parse(code);
    expect(found.map((opening) => [opening.source.subclass, opening.source.module, isNativeEventSource(opening)])).toEqual([
      ['Feed', null, true],
      ['Anonymous', null, true],
    ]);
  });

  it('counts a constructor that passes its parameters on unchanged, and subclasses of such a class', () => {
    expect(
      openings(
        `class Tagged extends EventSource {
  constructor(url: string, readonly init?: EventSourceInit) { super(url, init); this.tag = 1; }
}
class Spread extends EventSource { constructor(...args) { super(...args); } }
class Shorter extends Tagged { constructor(url, init, extra) { super(url, init); } }
class SetUp extends EventSource { listen() {} constructor(url) { super(url); this.listen(); } }
class Checked extends EventSource { constructor(url) { if (!url) throw new Error('no url'); opened += 1; log('open'); super(url); } }
new Tagged('/a');
new Spread('/b');
new Shorter('/c');
new SetUp('/d');
new Checked('/e');`,
        { typescript: true },
      ),
    ).toEqual([
      "new Tagged('/a') → `Tagged` (extends `EventSource`) (construct)",
      "new Spread('/b') → `Spread` (extends `EventSource`) (construct)",
      "new Shorter('/c') → `Shorter` (extends `EventSource`) (construct)",
      "new SetUp('/d') → `SetUp` (extends `EventSource`) (construct)",
      "new Checked('/e') → `Checked` (extends `EventSource`) (construct)",
    ]);
  });

  it('follows a chain of eight subclasses, not nine', () => {
    const chain = (length: number) =>
      Array.from({ length }, (_, index) => `class C${index + 1} extends ${index === 0 ? 'EventSource' : `C${index}`} {}`).join('\n') +
      `\nnew C${length}('/deep');`;
    expect(openings(chain(8))).toEqual(["new C8('/deep') → `C8` (extends `EventSource`) (construct)"]);
    expect(openings(chain(9))).toEqual([]);
  });

  it("leaves a class whose constructor changes the arguments, since the rules read a `new`'s arguments as the client's", () => {
    expect(
      openings(`class WithQuery extends EventSource { constructor(url, headers) { super(url + '?' + headers); } }
class Swapped extends EventSource { constructor(init, url) { super(url, init); } }
class Defaulted extends EventSource { constructor(url = '/all') { super(url); } }
class Conditional extends EventSource { constructor(url) { if (url) super(url); else super('/x'); } }
class NoSuper extends EventSource { constructor(url) { return make(url); } }
class Half extends EventSource { constructor(url, init) { super(url, { withCredentials: true }); } }
class Extra extends EventSource { constructor(url) { super(url, defaults); } }
class RestLater extends EventSource { constructor(first, ...rest) { super(...rest); } }
class OtherRest extends EventSource { constructor(...args) { super(...others); } }
class SlicedRest extends EventSource { constructor(...args) { super(...args.slice(1)); } }
class Below extends WithQuery {}
new WithQuery('/a', 'h');
new Swapped({}, '/b');
new Defaulted();
new Conditional('/c');
new NoSuper('/d');
new Half('/f', {});
new Extra('/g');
new RestLater({}, '/h');
new OtherRest('/i');
new SlicedRest({}, '/j');
new Below('/e');`),
    ).toEqual([]);
  });

  it("follows a library's class however it is imported or required", () => {
    expect(
      openings(`import { EventSourcePolyfill } from 'event-source-polyfill';
import * as polyfill from 'event-source-polyfill';
import Reconnecting from 'reconnecting-eventsource';
const Node = require('eventsource');
const { EventSource: NodeNamed } = require('eventsource');
class Poly extends EventSourcePolyfill {}
class Namespaced extends polyfill.NativeEventSource {}
class Again extends Reconnecting {}
class FromNode extends Node {}
class FromNamed extends NodeNamed {}
new Poly('/a');
new Namespaced('/b');
new Again('/c');
new FromNode('/d');
new FromNamed('/e');`),
    ).toEqual([
      "new Poly('/a') → `Poly` (extends `EventSourcePolyfill` from `event-source-polyfill`) (construct)",
      "new Namespaced('/b') → `Namespaced` (extends `NativeEventSource` from `event-source-polyfill`) (construct)",
      "new Again('/c') → `Again` (extends the default export of `reconnecting-eventsource`) (construct)",
      "new FromNode('/d') → `FromNode` (extends the default export of `eventsource`) (construct)",
      "new FromNamed('/e') → `FromNamed` (extends `EventSource` from `eventsource`) (construct)",
    ]);
  });

  it('ignores a class that extends something else, a local class named EventSource, or a function-style client', () => {
    expect(
      openings(`import { fetchEventSource } from '@microsoft/fetch-event-source';
class Other extends Base {}
{ class EventSource {} class Local extends EventSource {} new Local('/a'); }
class Called extends fetchEventSource {}
new Other('/b');
new Called('/c');
const { other } = require('eventsource');
const { EventSource: NodeSource, helper } = require('eventsource');
class FromHelper extends helper {}
new FromHelper('/e');
const Plain = EventSource;
class Aliased extends Plain {}
new Aliased('/d');
register(class extends EventSource {});
Aliased('/f');
new Registry(Aliased);`),
    ).toEqual(["new Aliased('/d') → `Aliased` (extends `EventSource`) (construct)"]);
  });

  it('counts a `new` of the class itself only once, beside the openings in its own body', () => {
    expect(
      openings(`class Pair extends EventSource {
  static open(url) { return new Pair(url); }
  backup = new EventSource('/backup');
}
Pair.open('/a');`),
    ).toEqual(["new Pair(url) → `Pair` (extends `EventSource`) (construct)", "new EventSource('/backup') → `EventSource` (construct)"]);
  });
});

describe('streamUrlArgument and isNativeEventSource', () => {
  it('give the first argument, or null for a spread or no argument', () => {
    const { sourceCode, openings: found } = parse(`import { fetchEventSource } from '@microsoft/fetch-event-source';
new EventSource(url, init);
new EventSource(...args);
new EventSource();
fetchEventSource(endpoint, {});`);
    expect(found.map((opening) => streamUrlArgument(opening) && sourceCode.getText(streamUrlArgument(opening)!))).toEqual([
      'url',
      null,
      null,
      'endpoint',
    ]);
    expect(found.map(isNativeEventSource)).toEqual([true, true, true, false]);
  });
});

describe("VueUse's useEventSource", () => {
  // Most files of a Vue app import `@vueuse/core` for its other composables: the import alone must
  // not make every rule analyse them (the prefilter looks for `useEventSource` by its name instead).
  it('does not count an import of its other composables as mentioning a stream', () => {
    const code = `import { useStorage, useIntervalFn } from '@vueuse/core';
export * from '@vueuse/core';
const { useFetch } = require('@vueuse/core');
export const theme = useStorage('theme', 'dark');`;
    for (const typescript of [false, true]) {
      const { sourceCode } = parse(code, { typescript });
      expect(sourceMentionsStream(sourceCode)).toBe(false);
    }
  });

  it('does not count a call that connects later, or may, as an opening', () => {
    const code = `import { useEventSource } from '@vueuse/core';
const options = { immediate: false };
useEventSource('/a', [], { immediate: false });
useEventSource('/b', [], options);
useEventSource('/c', [], { immediate: lazy ? false : true });
useEventSource('/d', [], { immediate: true, autoReconnect: true });
useEventSource('/e', ['tick'], { immediate: undefined });`;
    const { sourceCode, openings: found } = parse(code);
    expect(found.map((opening) => sourceCode.getText(streamUrlArgument(opening)!))).toEqual([`'/d'`, `'/e'`]);
    expect(getDeferredStreamOpenings(sourceCode).map((opening) => sourceCode.getText(streamUrlArgument(opening)!))).toEqual([
      `'/a'`,
      `'/b'`,
      `'/c'`,
    ]);
  });
});
