/**
 * `streamSourceOf` over real TypeScript programs (issue 17): which `new` and calls of a file open a
 * stream, through every import shape that brings an opener in (named, default, namespace, `import =`,
 * `require`, re-export chains) and every way to reach the global `EventSource`. Each program is a
 * few files without the standard library: the globals it needs are declared in a `.d.ts` of its
 * own, the libraries as `declare module` blocks.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ts from 'typescript';
import { afterAll, describe, expect, it } from 'vitest';
import type { StreamWrapper } from '../../src/analysis/stream-sources.js';
import type { TypeInformation } from '../../src/analysis/typed/type-information.js';
import { moduleExportsOf, streamSourceLookup, streamSourceOf } from '../../src/analysis/typed/stream-openings.js';
import { typescript } from '../../src/analysis/typed/typescript-module.js';

const scratch = mkdtempSync(path.join(tmpdir(), 'typed-mutants-openings-'));
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The browser's globals, as `lib.dom.d.ts` declares them. */
const DOM_GLOBALS = `
interface EventSource { close(): void }
declare var EventSource: { new (url: string): EventSource };
declare var window: { EventSource: typeof EventSource; Other: typeof EventSource };
declare var globalThis: { EventSource: typeof EventSource };
declare var other: { EventSource: typeof EventSource };
declare var OtherSource: { new (url: string): EventSource };
declare function require(id: string, more?: unknown): any;
`;

/** The client libraries, as their type declarations would. */
const LIBRARIES = `
declare module 'eventsource' { export class EventSource { constructor(url: string) } export default EventSource; }
declare module 'event-source-polyfill' { export class EventSourcePolyfill { constructor(url: string) } }
declare module '@microsoft/fetch-event-source' { export function fetchEventSource(url: string): Promise<void>; }
`;

let programs = 0;

/** A program of `files` (plus the globals and libraries unless told otherwise). */
function programOf(files: Record<string, string>, withGlobals = true): { program: ts.Program; information: TypeInformation } {
  const dir = path.join(scratch, String(programs++));
  mkdirSync(dir);
  const all = withGlobals ? { 'globals.d.ts': DOM_GLOBALS, 'libraries.d.ts': LIBRARIES, ...files } : files;
  const names = Object.entries(all).map(([name, text]) => {
    writeFileSync(path.join(dir, name), text);
    return path.join(dir, name);
  });
  const program = ts.createProgram(names, {
    noLib: true,
    types: [],
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    experimentalDecorators: true,
  });
  const information: TypeInformation = { ts: typescript(), program, checker: program.getTypeChecker(), tsNodeOf: () => undefined, cwd: dir };
  return { program, information };
}

/** Every `new` and call of `main.ts`, as `callee -> module:export:kind` or `callee -> none`. */
function openings(files: Record<string, string>, wrappers: StreamWrapper[] = [], withGlobals = true): string[] {
  const { program, information } = programOf(files, withGlobals);
  const main = program.getSourceFiles().find((file) => path.basename(file.fileName) === 'main.ts')!;
  const lookup = streamSourceLookup(wrappers);
  const found: string[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isNewExpression(node) || ts.isCallExpression(node)) {
      const source = streamSourceOf(information, node, lookup);
      const callee = node.expression.getText(main);
      found.push(`${callee} -> ${source ? `${source.module ?? 'global'}:${source.exportName}:${source.kind}` : 'none'}`);
    }
    ts.forEachChild(node, visit);
  };
  visit(main);
  return found;
}

/** `moduleExportsOf` for the symbol of the first identifier named `name` in `main.ts`. */
function exportsOfName(files: Record<string, string>, name: string): { module: string; exportName: string }[] {
  const { program, information } = programOf(files);
  const main = program.getSourceFiles().find((file) => path.basename(file.fileName) === 'main.ts')!;
  let found: ts.Identifier | undefined;
  const visit = (node: ts.Node): void => {
    if (!found && ts.isIdentifier(node) && node.text === name) found = node;
    ts.forEachChild(node, visit);
  };
  visit(main);
  const symbol = information.checker.getSymbolAtLocation(found!)!;
  return moduleExportsOf(information, symbol);
}

describe('streamSourceOf: the global EventSource', () => {
  it('finds the global bare, through window/globalThis (dot or string key), and through const aliases up to four deep', () => {
    // kills stream-openings.ts:160-163 memberName, 172 isIdentifier -> true, 175/176 the alias recursion, 179 member?.name, 148-157 constInitializer
    expect(
      openings({
        'main.ts': `
          new EventSource('/a');
          new window.EventSource('/b');
          new globalThis['EventSource']('/c');
          new (window).EventSource('/d');
          const E1 = EventSource;
          const E2 = (E1);
          const E3 = E2;
          const E4 = E3;
          const E5 = E4;
          new E4('/e');
          new E5('/f');
          const W = window.EventSource;
          new W('/g');
          const G = globalThis['EventSource'];
          new G('/h');
          let L = EventSource;
          new L('/i');
          const K = ({ EventSource }).EventSource;
          new K('/j');
        `,
      }),
    ).toEqual([
      'EventSource -> global:EventSource:construct',
      'window.EventSource -> global:EventSource:construct',
      "globalThis['EventSource'] -> global:EventSource:construct",
      '(window).EventSource -> global:EventSource:construct',
      'E4 -> global:EventSource:construct',
      // Five steps from the global: past the depth limit.
      'E5 -> none',
      'W -> global:EventSource:construct',
      'G -> global:EventSource:construct',
      // A `let` may be reassigned: not followed.
      'L -> none',
      'K -> none',
    ]);
  });

  it('does not take other names, members or shapes for the global', () => {
    // kills 174 'EventSource' -> true / || , 176 -> true / ||, 179 -> false / false -> true, 182 the global-object test, 227 -> true
    expect(
      openings({
        'main.ts': `
          class Local {}
          new Local();
          new OtherSource('/a');
          new window.Other('/b');
          new other.EventSource('/c');
          const lib = { EventSource: class {} };
          new lib.EventSource('/d');
          const make = () => Local;
          new (make())();
          new window[OtherSource]('/e');
          const Alias = Local;
          new Alias();
          new Missing();
          new (make()).EventSource('/f');
        `,
      }),
    ).toEqual([
      'Local -> none',
      'OtherSource -> none',
      'window.Other -> none',
      'other.EventSource -> none',
      'lib.EventSource -> none',
      '(make()) -> none',
      'make -> none',
      'window[OtherSource] -> none',
      'Alias -> none',
      'Missing -> none',
      '(make()).EventSource -> none',
      'make -> none',
    ]);
  });

  it('takes an unresolved EventSource (no lib) for the global', () => {
    // kills 131 !symbol -> false / symbol, 131 true -> false
    expect(openings({ 'main.ts': "new EventSource('/a');\nnew window.EventSource('/b');\n" }, [], false)).toEqual([
      'EventSource -> global:EventSource:construct',
      'window.EventSource -> global:EventSource:construct',
    ]);
  });

  it('does not take a project class called EventSource for the global, however it is written', () => {
    // kills 131 !symbol -> true, 133 ?? -> &&, 134 -> true, 138-144 isAmbient (block, loop, modifiers)
    const shapes = [
      'class EventSource {}',
      'export class EventSource {}',
      'function dec(target: unknown) { return target; }\n@dec class EventSource {}',
    ];
    for (const shape of shapes) {
      expect(openings({ 'main.ts': `${shape}\nnew EventSource();\nexport {};\n` })).toEqual(['EventSource -> none']);
    }
  });

  it('takes a `declare`d EventSource in a project file for the global', () => {
    // kills 138-141 isAmbient (every/some, the DeclareKeyword test, return true), 134 isDeclarationFile ||
    expect(
      openings(
        {
          'main.ts': `
            declare global { var EventSource: { new (url: string): object } }
            new EventSource('/a');
            export {};
          `,
        },
        [],
        false,
      ),
    ).toEqual(['EventSource -> global:EventSource:construct']);
    expect(openings({ 'main.ts': "declare const EventSource: { new (url: string): object };\nnew EventSource('/a');\n" }, [], false)).toEqual([
      'EventSource -> global:EventSource:construct',
    ]);
  });

  it('does not take the global once a script file redeclares it as its own var', () => {
    // kills 134 every -> some
    expect(
      openings({ 'mine.ts': 'var EventSource = class { constructor(url: string) {} };\n', 'main.ts': "new EventSource('/a');\n" }),
    ).toEqual(['EventSource -> none']);
  });

  it('does not take a global import alias declared in a .d.ts for the global', () => {
    // kills 132 Alias -> false
    expect(
      openings(
        {
          'polyfill.d.ts': 'declare namespace Polyfill { class EventSource { constructor(url: string) } }\nimport EventSource = Polyfill.EventSource;\n',
          'main.ts': "new EventSource('/a');\n",
        },
        [],
        false,
      ),
    ).toEqual(['EventSource -> none']);
  });
});

describe('streamSourceOf: library exports', () => {
  it('follows every import shape to the library export', () => {
    // kills 77-100 each import shape's branch and its { module, exportName }, 64-68 requiredModule, 102-106 destructured require,
    // 198-209 the module-object member, 228 'construct'
    expect(
      openings({
        'main.ts': `
          import { EventSourcePolyfill } from 'event-source-polyfill';
          import { EventSourcePolyfill as Poly } from 'event-source-polyfill';
          import ES from 'eventsource';
          import * as FES from '@microsoft/fetch-event-source';
          import FESDefault from '@microsoft/fetch-event-source';
          import { fetchEventSource as named } from '@microsoft/fetch-event-source';
          import Eq = require('eventsource');
          const Req = require('eventsource');
          const { fetchEventSource } = require('@microsoft/fetch-event-source');
          const { fetchEventSource: aliased } = require('@microsoft/fetch-event-source');
          const { 'fetchEventSource': quoted } = require('@microsoft/fetch-event-source');
          const Mod = require('@microsoft/fetch-event-source');
          new EventSourcePolyfill('/a');
          new Poly('/b');
          new ES('/c');
          FES.fetchEventSource('/d');
          FES['fetchEventSource']('/e');
          FESDefault.fetchEventSource('/f');
          named.fetchEventSource('/g');
          new Eq('/h');
          new Req('/i');
          fetchEventSource('/j');
          aliased('/k');
          quoted('/l');
          Mod.fetchEventSource('/m');
          new FES.fetchEventSource('/n');
          fetchEventSource.call(null, '/o');
        `,
      }),
    ).toEqual([
      "require -> none",
      "require -> none",
      "require -> none",
      "require -> none",
      "require -> none",
      'EventSourcePolyfill -> event-source-polyfill:EventSourcePolyfill:construct',
      'Poly -> event-source-polyfill:EventSourcePolyfill:construct',
      'ES -> eventsource:default:construct',
      'FES.fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      "FES['fetchEventSource'] -> @microsoft/fetch-event-source:fetchEventSource:call",
      'FESDefault.fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      // A named import is the export itself, not a module object.
      'named.fetchEventSource -> none',
      'Eq -> eventsource:default:construct',
      'Req -> eventsource:default:construct',
      'fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      'aliased -> @microsoft/fetch-event-source:fetchEventSource:call',
      'quoted -> @microsoft/fetch-event-source:fetchEventSource:call',
      'Mod.fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      // Constructing a function, calling a method of it: neither opens.
      'FES.fetchEventSource -> none',
      'fetchEventSource.call -> none',
    ]);
  });

  it('does not take other calls, extra arguments or computed names for a require', () => {
    // kills 67 the require test, 68 arguments.length === 1, 60 moduleText ||, 106 the key test
    expect(
      openings({
        'main.ts': `
          declare function load(id: string): any;
          const eventsource = 'x';
          const A = load('eventsource');
          const B = require('eventsource', 'extra');
          const C = require(eventsource);
          const D = require();
          const key = 'fetchEventSource';
          const { [key]: E } = require('@microsoft/fetch-event-source');
          const [F] = require('eventsource');
          const H = obj.require('eventsource');
          new A('/a');
          new B('/b');
          new C('/c');
          new D('/d');
          E('/e');
          new F('/f');
          new H('/h');
        `,
      }),
    ).toEqual([
      'load -> none',
      'require -> none',
      'require -> none',
      'require -> none',
      'require -> none',
      'require -> none',
      'obj.require -> none',
      'A -> none',
      'B -> none',
      'C -> none',
      'D -> none',
      'E -> none',
      'F -> none',
      'H -> none',
    ]);
  });
});

/** `main.ts` calling `fetchEventSource` imported through `barrels` files that each re-export the next. */
function reExportChain(barrels: number): Record<string, string> {
  const files: Record<string, string> = { 'main.ts': "import { fetchEventSource } from './b1';\nfetchEventSource('/a');\n" };
  for (let i = 1; i < barrels; i++) files[`b${i}.ts`] = `export { fetchEventSource } from './b${i + 1}';\n`;
  files[`b${barrels}.ts`] = "export { fetchEventSource } from '@microsoft/fetch-event-source';\n";
  return files;
}

describe('streamSourceOf: re-export chains', () => {
  it('follows a project barrel in every re-export shape to the library', () => {
    // kills 85-91 export specifier / namespace export branches and their { module, exportName }, 87 ?? -> &&,
    // 60 moduleText -> true / || (an `export { x }` without `from`), 122 Alias -> true, 214 source -> true
    expect(
      openings({
        'named.ts': "export { fetchEventSource } from '@microsoft/fetch-event-source';\n",
        'renamed.ts': "export { fetchEventSource as open } from '@microsoft/fetch-event-source';\n",
        'local.ts': "import { EventSourcePolyfill } from 'event-source-polyfill';\nexport { EventSourcePolyfill };\n",
        'star.ts': "export * as lib from '@microsoft/fetch-event-source';\n",
        'main.ts': `
          import { fetchEventSource } from './named';
          import { open } from './renamed';
          import { EventSourcePolyfill } from './local';
          import { lib } from './star';
          fetchEventSource('/a');
          open('/b');
          new EventSourcePolyfill('/c');
          lib.fetchEventSource('/d');
          lib.other('/e');
        `,
      }),
    ).toEqual([
      'fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      'open -> @microsoft/fetch-event-source:fetchEventSource:call',
      'EventSourcePolyfill -> event-source-polyfill:EventSourcePolyfill:construct',
      'lib.fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call',
      'lib.other -> none',
    ]);
  });

  it('follows a re-export chain of fifteen barrels but not sixteen (sixteen symbols at most, the import included)', () => {
    // kills 116 seen.size < 16 -> true / <= 16, && -> ||
    expect(openings(reExportChain(15))).toEqual(['fetchEventSource -> @microsoft/fetch-event-source:fetchEventSource:call']);
    expect(openings(reExportChain(16))).toEqual(['fetchEventSource -> none']);
  });

  it('stops on a re-export cycle and on an unresolved import', () => {
    // kills 116 current && !seen.has(current) -> true / ||
    expect(
      openings({ 'a.ts': "export { x } from './b';\n", 'b.ts': "export { x } from './a';\n", 'main.ts': "import { x } from './a';\nx();\n" }),
    ).toEqual(['x -> none']);
    expect(openings({ 'main.ts': "import { x } from './nothere';\nx();\n" })).toEqual(['x -> none']);
  });
});

describe('moduleExportsOf', () => {
  const shapes = `
    import { a } from foo;
    import b from foo;
    import * as c from foo;
    import d = require(foo);
    export { e } from foo;
    export * as f from foo;
    const g = make();
    const { h } = make();
  `;

  it('says nothing of an import whose module is not a string, nor of a local value', () => {
    // kills 75/79/83/87/91/95/100 module === null -> false, 64 requiredModule block, 106 module !== null ||
    for (const name of ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h']) {
      expect([name, exportsOfName({ 'main.ts': shapes }, name)]).toEqual([name, []]);
    }
  });

  it('lists the chain of a re-exported name nearest first', () => {
    // kills 114 [] -> ["Stryker was here"], 122 Alias -> true
    expect(
      exportsOfName(
        {
          'barrel.ts': "export { fetchEventSource as open } from '@microsoft/fetch-event-source';\n",
          'main.ts': "import { open } from './barrel';\nopen('/a');\n",
        },
        'open',
      ),
    ).toEqual([
      { module: './barrel', exportName: 'open' },
      { module: '@microsoft/fetch-event-source', exportName: 'fetchEventSource' },
    ]);
  });
});

describe('streamSourceLookup', () => {
  it('builds one lookup per wrapper list and keeps it', () => {
    // kills 40 !lookup -> true
    const wrappers = [{ module: './sse', export: 'openStream' }];
    expect(streamSourceLookup([])).toBe(streamSourceLookup([]));
    expect(streamSourceLookup(wrappers)).toBe(streamSourceLookup([{ module: './sse', export: 'openStream' }]));
    expect(streamSourceLookup(wrappers)).not.toBe(streamSourceLookup([]));
  });

  it('keeps the known library when a wrapper names the same export', () => {
    // kills 44 !map.has(entry) -> true
    const lookup = streamSourceLookup([{ module: 'eventsource', export: 'EventSource' }]);
    expect(lookup.get('construct\u0000eventsource\u0000EventSource')).toMatchObject({ userDefined: false });
    expect(lookup.get('call\u0000eventsource\u0000EventSource')).toMatchObject({ userDefined: true });
  });

  it('finds a wrapper invoked either way, and nothing for a callee without a symbol', () => {
    // kills 197 [] -> ["Stryker was here"] (a chain step of undefined names would meet this odd wrapper)
    expect(
      openings(
        {
          'sse.ts': 'export function openStream(url: string) { return url; }\n',
          'main.ts': "import { openStream } from './sse';\nopenStream('/a');\nnew openStream('/b');\nnew (openStream)('/c');\nnew (make())();\n",
        },
        [
          { module: './sse', export: 'openStream' },
          { module: 'undefined', export: 'undefined' },
        ],
      ),
    ).toEqual([
      'openStream -> ./sse:openStream:call',
      'openStream -> ./sse:openStream:construct',
      '(openStream) -> ./sse:openStream:construct',
      '(make()) -> none',
      'make -> none',
    ]);
  });
});

describe('destructured require, edge shapes', () => {
  it('reads an array pattern of a require as nothing, even when its name is an export', () => {
    // kills 102 isBindingElement && isObjectBindingPattern -> ||
    expect(openings({ 'main.ts': "const [EventSource] = require('eventsource');\nnew EventSource('/a');\nexport {};\n" })).toEqual([
      'require -> none',
      'EventSource -> none',
    ]);
  });

  it('says nothing of a computed key in a destructured require', () => {
    // kills 106 ts.isIdentifier(key) || ts.isStringLiteral(key) -> true
    expect(
      exportsOfName({ 'main.ts': "const key = 'fetchEventSource';\nconst { [key]: E } = require('@microsoft/fetch-event-source');\nE('/a');\n" }, 'E'),
    ).toEqual([]);
  });
});

describe('ambient declarations with several modifiers', () => {
  it('takes an `export declare` EventSource of a project file for the global', () => {
    // kills 140 getModifiers(current)?.some -> every
    expect(
      openings({ 'main.ts': "export declare const EventSource: { new (url: string): object };\nnew EventSource('/a');\n" }, [], false),
    ).toEqual(['EventSource -> global:EventSource:construct']);
  });
});

describe('streamSourceOf: the program-wide test for library names (issue 16)', () => {
  /** `streamSourceOf` over every call and `new` of `main.ts`, counting what the checker is asked. */
  function askedOf(files: Record<string, string>, wrappers: StreamWrapper[] = []): { found: string[]; asked: number } {
    const { program, information } = programOf(files, false);
    const checker = information.checker;
    let asked = 0;
    const counting: TypeInformation = {
      ...information,
      checker: new Proxy(checker, {
        get(target, key) {
          if (key === 'getSymbolAtLocation') asked += 1;
          return Reflect.get(target, key) as unknown;
        },
      }),
    };
    const main = program.getSourceFiles().find((file) => path.basename(file.fileName) === 'main.ts')!;
    const lookup = streamSourceLookup(wrappers);
    const found: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node)) {
        const source = streamSourceOf(counting, node, lookup);
        found.push(`${node.expression.getText(main)} -> ${source ? `${source.module}:${source.exportName}` : 'none'}`);
      }
      ts.forEachChild(node, visit);
    };
    visit(main);
    return { found, asked };
  }

  const PROJECT = {
    'helpers.ts': 'export function format(id: string) { return id; }\n',
    'main.ts': "import { format } from './helpers';\nimport * as h from './helpers';\nformat('a');\nh.format('b');\n",
  };

  it('asks the checker nothing about calls when no file of the program names a stream library or wrapper module', () => {
    expect(askedOf(PROJECT)).toEqual({ found: ["format -> none", "h.format -> none"], asked: 0 });
  });

  it('asks as before once any file names one, even in a comment, and finds the library through a file that does', () => {
    expect(askedOf({ ...PROJECT, 'notes.ts': '// see eventsource\n' }).asked).toBeGreaterThan(0);
    // An unresolved library import still names its module in the importing file.
    expect(
      askedOf({
        'feeds.ts': "export { fetchEventSource as open } from '@microsoft/fetch-event-source';\n",
        'main.ts': "import { open } from './feeds';\nopen('/a');\n",
      }).found,
    ).toEqual(['open -> @microsoft/fetch-event-source:fetchEventSource']);
  });

  it('counts the modules of the wrappers it is given', () => {
    const wrappers = [{ module: './streams', export: 'openFeed' }];
    const files = { 'streams.ts': 'export function openFeed(u: string) { return u; }\n', 'main.ts': "import { openFeed } from './streams';\nopenFeed('/a');\n" };
    expect(askedOf(files).asked).toBe(0);
    expect(askedOf(files, wrappers).found).toEqual(['openFeed -> ./streams:openFeed']);
  });
});
