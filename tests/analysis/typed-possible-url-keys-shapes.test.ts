/**
 * `possibleUrlKeys`, shape by shape: each place its reading of TypeScript's tree tells apart,
 * one file each, so that a lost branch shows as a wrong answer. The answer may be too careful
 * (null: the index converts the file) but never too bold; each case is also converted and read
 * as the index reads it (tests/analysis/typed-possible-url-keys-cases.ts). The broad cases and
 * the real shapes are in typed-possible-url-keys.test.ts.
 */
import { type UrlKeysCase, describePossibleUrlKeys } from './typed-possible-url-keys-cases.js';

/** A file that spells a stream's name in `line` and opens `/api/x`. */
const opening = (...lines: string[]): string => [...lines, "export const feed = new EventSource('/api/x');"].join('\n');
const opens = (code: string): UrlKeysCase => ({ code, keys: ['/api/x'], found: ['/api/x'] });
/** The file must be converted: the tree alone does not show where the name goes. */
const converted = (code: string, found = ['/api/x']): UrlKeysCase => ({ code, keys: null, found });

const DECLARED_NAMES: Record<string, UrlKeysCase> = {
  'a named function expression': opens(opening('export const f = function openEventSource() {};')),
  'a named class expression': opens(opening('export const C = class LiveEventSource {};')),
  'a method, a property, a getter and a setter': opens(
    opening('export class Panel {', '  lastEventSource = 0;', '  openEventSource() {}', '  get currentEventSource() { return 1; }', '  set currentEventSource(v: number) {}', '}'),
  ),
  'a key of an object literal': opens(opening('export const labels = { EventSource: 1 };')),
  'an enum and its member': opens(opening('export enum EventSourceState { OpenEventSource }')),
  'a JSX attribute': opens(opening('export const view = <div data-EventSource={1} />;')),
  'a JSX element with its closing tag': opens(opening('const EventSourceBox = (p: { children?: unknown }) => null;', 'export const box = <EventSourceBox>1</EventSourceBox>;')),
  'a property of an interface, which is not walked': opens(opening('export interface Globals { EventSource: unknown }')),
};

const TESTS: Record<string, UrlKeysCase> = {
  '`!` of it': opens(opening('export const missing = !window.EventSource;')),
  '`void` of it': opens(opening('void EventSource;')),
  'the right of `instanceof`': opens(opening('export const is = (x: unknown) => x instanceof EventSource;')),
  'the right of `in`': opens(opening("export const has = 'CLOSED' in EventSource;")),
  'compared with `==`, `!=`, `===` and `!==`': opens(
    opening('export const a = EventSource == null;', 'export const b = EventSource != null;', 'export const c = window.EventSource === undefined;', 'export const d = EventSource !== undefined;'),
  ),
  'the test of an `if` or a `?:`': opens(opening('if (window.EventSource) console.log(1);', 'export const label = EventSource ? 1 : 2;')),
  'a member that is not a stream source, written out': opens(opening("export const closed = EventSource['CLOSED'];", 'export const open = EventSource.OPEN;')),
  'written over': opens(opening('declare const Polyfill: typeof EventSource;', 'window.EventSource = Polyfill;')),
  // Any other use may pass the constructor on.
  'another unary operator': converted(opening('export const n = +EventSource;')),
  'the left of `instanceof`': converted(opening('export const f = EventSource instanceof Function;')),
  'another binary operator': converted(opening("export const s = EventSource + '';")),
  'a branch of `?:`': converted(opening('declare const Polyfill: typeof EventSource;', 'export const ES = Math.random() ? EventSource : Polyfill;')),
  'a member chosen at run time': converted(opening('declare const key: string;', 'export const value = (EventSource as any)[key];')),
  'the value assigned': converted(opening('let ES: unknown;', 'ES = EventSource;')),
  // A subclass: the converted file's openings include each \`new\` of it (\`stream-subclasses.ts\`).
  'a base class': converted("class Feed extends EventSource {}\nexport const feed = new Feed('/api/x');"),
};

const LOCAL_VALUES: Record<string, UrlKeysCase> = {
  // The file's own `EventSource` hides the global: nothing opens.
  'a parameter named like the global': { code: "export function open(EventSource: any) {\n  return new EventSource('/api/x');\n}", keys: [], found: [] },
  'a class named like the global': { code: "class EventSource { constructor(readonly url: string) {} }\nexport const feed = new EventSource('/api/x');", keys: [], found: [] },
  // A declared global is still the global, whichever way it is declared.
  'a global declared in `declare global`': opens(opening('declare global {', '  var EventSource: { new (url: string): object };', '}')),
  'a global declared as a function': opens(opening('declare function EventSource(url: string): void;')),
  'a global declared as a class': opens(opening('declare class EventSource { constructor(url: string); }')),
  // A destructuring binds the global's value: followed where it is used.
  'a destructured global': { code: "const { EventSource } = window;\nexport const feed = new EventSource('/api/x');", keys: ['/api/x'], found: ['/api/x'] },
};

const URLS: Record<string, UrlKeysCase> = {
  // Parts that differ per run: no key.
  'a member of a parameter': { code: 'export const open = (config: { url: string }) => new EventSource(config.url);', keys: [], found: [] },
  'a call of the project with a parameter': {
    code: 'function urlOf(id: string) { return `/jobs/${id}`; }\nexport const open = (id: string) => new EventSource(String(urlOf(id)));',
    keys: [],
    found: [],
  },
  'a parameter given to `String`': { code: 'export const open = (id: number) => new EventSource(String(id));', keys: [], found: [] },
  'the left of `&&` and the test of `?:`': {
    code: "export const a = (id?: string) => new EventSource(id && '/api/x');\nexport const b = (live: boolean) => new EventSource(live ? '/api/x' : '/api/y');",
    keys: [],
    found: [],
  },
  'a name assigned later in a function': { code: "export function open() {\n  let url;\n  url = '/api/x';\n  return new EventSource(url);\n}", keys: [], found: [] },
  // Not read here: the converted file tells.
  'a member of a module-level object': converted("const config = { url: '/api/x' };\nexport const feed = new EventSource(config.url);"),
  'a module-level `let`': converted("let FEED = '/api/x';\nexport const feed = new EventSource(FEED);"),
  'a module-level `var` in a block': converted("{\n  var FEED = '/api/x';\n}\nexport const feed = new EventSource(FEED);"),
  'the right of a comma': converted("export const feed = new EventSource((0, '/api/x'));"),
  'a chain of names longer than the reading follows': converted(
    [
      'export function open(id: string) {',
      '  const a0 = id;',
      ...Array.from({ length: 13 }, (_, index) => `  const a${index + 1} = a${index};`),
      '  return new EventSource(a13);',
      '}',
    ].join('\n'),
    [],
  ),
};

const STRINGS: Record<string, UrlKeysCase> = {
  'messages of a named error and of `console`': opens(opening("console.error('EventSource failed');", "export const failure = new TypeError('EventSource failed');")),
  'a template message, spelled in a middle and a tail': opens(opening('declare const a: string, b: string;', 'console.warn(`${a} EventSource ${b} EventSource`);')),
  'a JSX attribute string': opens(opening('export const view = <div title="EventSource" />;')),
  'the URL itself': { code: "export const feed = new EventSource('/api/EventSource');", keys: ['/api/EventSource'], found: ['/api/EventSource'] },
  'the module of an import and of a re-export': opens(opening("export * from '@microsoft/fetch-event-source';", "import '@microsoft/fetch-event-source';")),
  // A string that may become a name.
  'an argument of another constructor': converted(opening("declare class Registry { constructor(name: string); }", "export const registry = new Registry('EventSource');")),
  'a logger that is not `console`': converted(opening('declare const logger: { warn(message: string): void };', "logger.warn('EventSource');")),
  'a string kept in a variable': converted(opening("export const name = 'EventSource';")),
  // An escape that the text search cannot see: every node is walked. (The index's own text test,
  // `mentionsStream`, leaves this file out, and the converted file's prefilter finds nothing.)
  'a member spelled with a `\\x` escape': { code: "export const feed = new window['Event\\x53ource']('/api/x');", keys: ['/api/x'], found: [] },
};

const IMPORTS: Record<string, UrlKeysCase> = {
  // A re-export passes an opener on to other modules, where it is followed by name.
  "a re-export of a library's opener by name": converted(opening("export { fetchEventSource } from '@microsoft/fetch-event-source';")),
  // `@microsoft/fetch-event-source` has no default export: its default opens nothing.
  'a default import of a library without one': {
    code: "import fetchStream from '@microsoft/fetch-event-source';\nexport const run = () => (fetchStream as any)('/api/x');",
    keys: [],
    found: [],
  },
  'an import of an export that opens nothing': opens(opening("import { EventStreamContentType } from '@microsoft/fetch-event-source';", 'export const type = EventStreamContentType;')),
  'an import of a library under its own name': {
    code: "import { EventSource as Polyfill } from 'eventsource';\nexport const feed = new Polyfill('/api/x');",
    keys: ['/api/x'],
    found: ['/api/x'],
  },
};

describePossibleUrlKeys('possibleUrlKeys: declared names', DECLARED_NAMES);
describePossibleUrlKeys('possibleUrlKeys: tests of the value, and other uses', TESTS);
describePossibleUrlKeys("possibleUrlKeys: the file's own values", LOCAL_VALUES);
describePossibleUrlKeys('possibleUrlKeys: URLs', URLS);
describePossibleUrlKeys('possibleUrlKeys: strings', STRINGS);
describePossibleUrlKeys('possibleUrlKeys: imports', IMPORTS);
