/**
 * `possibleUrlKeys` at the edges of its reading: how deep it follows a URL, which operators pass a
 * varying part on, names of other files, where the name of a stream goes as an argument or a key
 * rather than a callee, names that resolve oddly (`undefined`, undeclared ones), strings and
 * escapes beside an opening, a wrapper's namespace, and where a name is declared. Each case is
 * also converted and read as the program index reads it (tests/analysis/typed-possible-url-keys-cases.ts);
 * the shapes one by one are in typed-possible-url-keys-shapes.test.ts.
 */
import { type UrlKeysCase, describePossibleUrlKeys } from './typed-possible-url-keys-cases.js';

const opening = (...lines: string[]): string => [...lines, "export const feed = new EventSource('/api/x');"].join('\n');
const opens = (code: string): UrlKeysCase => ({ code, keys: ['/api/x'], found: ['/api/x'] });

/** `new EventSource(…)` of `start` (a parameter) wrapped `times` deep by `wrap`, in a function of `id`. */
function nested(times: number, wrap: (inner: string) => string, start = 'id'): string {
  let url = start;
  for (let step = 0; step < times; step += 1) url = wrap(url);
  return `export function open(id: any) {\n  return new EventSource(${url});\n}`;
}

// The reading follows a URL 12 steps deep, as `streamUrlOf` does: a parameter at the twelfth step
// is seen (no key), one past it is not (converted). Each way of building a URL counts its steps.
const DEPTH: Record<string, UrlKeysCase> = {
  'a parameter at the last step followed': {
    code: ['export function open(id: string) {', '  const a0 = id;', ...Array.from({ length: 11 }, (_, index) => `  const a${index + 1} = a${index};`), '  return new EventSource(a11);', '}'].join('\n'),
    keys: [],
    found: [],
  },
  'members past the last step': { code: nested(13, (inner) => `${inner}.next`), keys: null, found: [] },
  // (Not `id()()`: calling a parameter is calling the project's code, which varies at once.)
  'calls of a call past the last step': { code: nested(12, (inner) => `${inner}()`, 'id.run'), keys: null, found: [] },
  'arguments past the last step': { code: nested(13, (inner) => `format(${inner})`), keys: null, found: [] },
  'templates past the last step': { code: nested(13, (inner) => `\`\${${inner}}\``), keys: null, found: [] },
  '`||` past the last step': { code: nested(13, (inner) => `(${inner} || 'x')`), keys: null, found: [] },
  '`+` past the last step': { code: nested(13, (inner) => `(${inner} + 'x')`), keys: null, found: [] },
  '`+` on the right past the last step': { code: nested(13, (inner) => `('x' + ${inner})`), keys: null, found: [] },
  'tests of `?:` past the last step': { code: nested(13, (inner) => `(${inner} ? 'x' : 'y')`), keys: null, found: [] },
};

const OPERATORS: Record<string, UrlKeysCase> = {
  // Known on the left: the value is the left, whatever the right is.
  'a written-out left of `??`': { code: "export const open = (id?: string) => new EventSource('/api/x' ?? id);", keys: null, found: ['/api/x'] },
  'a written-out left of `&&`': { code: "export const open = (id?: string) => new EventSource('/api/x' && id);", keys: null, found: [] },
  'a comma before a parameter': { code: 'export const open = (id: string) => new EventSource((0, id));', keys: null, found: [] },
  'an assignment of a parameter': { code: 'export function open(id: string) {\n  let url;\n  return new EventSource(url = id);\n}', keys: null, found: [] },
  'two strings added': { code: "export const feed = new EventSource('/api/' + 'x');", keys: null, found: ['/api/x'] },
  // One varying part is enough, wherever it is.
  'a varying second argument': { code: "declare const format: any;\nexport const open = (id: string) => new EventSource(format('/api/x', id));", keys: [], found: [] },
  'a varying second part of a template': { code: "export const open = (id: string) => new EventSource(`/api/${'x'}/${id}`);", keys: [], found: [] },
  "a function's own name": { code: 'function handler() {}\nexport const feed = new EventSource(`/api/${handler.name}`);', keys: [], found: [] },
  'a `var` inside a block of a function': {
    code: 'export function open(id: string, live: boolean) {\n  if (live) {\n    var url = `/api/${id}`;\n  }\n  return new EventSource(url!);\n}',
    keys: [],
    found: [],
  },
  // `String` is not the project's code: its argument decides.
  'a string given to `String`': { code: "export const feed = new EventSource(String('/api/x'));", keys: null, found: ['/api/x'] },
  'a URL with nothing left once its fragment is dropped': { code: "export const feed = new EventSource('#top');", keys: [], found: [] },
};

const OTHER_FILES: Record<string, UrlKeysCase> = {
  'a call of a function of another file of the project': {
    code: "import { urlOf } from './urls';\nexport const feed = new EventSource(urlOf());",
    keys: [],
    found: [],
  },
  'a component of another file named like a stream, in JSX': opens(
    opening("import { EventSourceStatus } from './status-view';", 'export const one = <EventSourceStatus />;', 'export const two = <EventSourceStatus>1</EventSourceStatus>;'),
  ),
  // A name another file declares is not this file's own value: where it goes decides.
  'an opener of another file, called': {
    code: "import { createEventSource } from './factory';\nexport const feed = createEventSource('/api/y');",
    keys: ['/api/y'],
    found: [],
  },
  "a wrapper's module re-exported": {
    code: opening("export * from '@acme/live';"),
    wrappers: [{ module: '@acme/live', export: 'openLive' }],
    keys: ['/api/x'],
    found: ['/api/x'],
  },
};

const ARGUMENTS: Record<string, UrlKeysCase> = {
  // Passed on: the file must be converted, whatever the call opens.
  'the constructor passed to a call': { code: "declare function register(url: string, ctor: unknown): void;\nregister('/api/y', EventSource);", keys: null, found: [] },
  'the constructor as a computed key': { code: "declare const registry: any;\nregistry[EventSource]('/api/y');", keys: null, found: [] },
};

// Names TypeScript resolves to nothing, or to no declaration, and calls without arguments.
const ODD_NAMES: Record<string, UrlKeysCase> = {
  'a URL of a name declared nowhere': { code: 'export const feed = new EventSource(missingName);', keys: null, found: ['{global missingName}'] },
  'a URL of `undefined`': { code: 'export const feed = new EventSource(undefined);', keys: null, found: ['{global undefined}'] },
  '`new` without arguments': { code: 'export const feed = new EventSource;', keys: [], found: [] },
  'a URL of a `const` imported from another file': { code: "import { FEED } from './config';\nexport const feed = new EventSource(FEED);", keys: null, found: ['/api/feed'] },
};

// Strings that spell a stream's name beside an opening.
const STRINGS: Record<string, UrlKeysCase> = {
  'a URL in parentheses': { code: "export const feed = new EventSource(('/api/EventSource'));", keys: ['/api/EventSource'], found: ['/api/EventSource'] },
  'a string in the second argument of an opening': { code: "export const feed = new EventSource('/api/x', 'EventSource' as any);", keys: null, found: ['/api/x'] },
  'a string added to another': { code: opening("declare const suffix: string;", "export const label = 'EventSource' + suffix;"), keys: null, found: ['/api/x'] },
};

// An escape makes every node walked, and still only the names and strings that spell a stream are
// looked at. (The index's text test leaves these files out.)
const ESCAPES: Record<string, UrlKeysCase> = {
  'a name passed on beside an escape': {
    code: "declare const log: (value: unknown) => void;\nconst other = 1;\nlog(other);\nexport const feed = new window['Event\\x53ource']('/api/x');",
    keys: ['/api/x'],
    found: [],
  },
  'a string beside an escape': {
    code: "declare const log: (value: unknown) => void;\nlog('hello');\nexport const feed = new window['Event\\x53ource']('/api/x');",
    keys: ['/api/x'],
    found: [],
  },
};

// Where a name is declared decides whether its value may differ per run.
const DECLARED_WHERE: Record<string, UrlKeysCase> = {
  // A script of the project (no import or export) declares globals: not this file's own values.
  "a global function of the project's scripts, called": { code: "export const feed = openLegacyEventSource('/api/z');", keys: ['/api/z'], found: [] },
  "a global function of the project's scripts, by name": { code: 'export const feed = new EventSource(`/api/${legacyName.name}`);', keys: null, found: ['/api/{global legacyName.name}'] },
  'an imported `const` in a template': { code: "import { FEED } from './config';\nexport const feed = new EventSource(`${FEED}/x`);", keys: null, found: ['/api/feed/x'] },
  // At the top of the module, or a `var` in no function: a placeholder, not a value per run.
  'a module-level `const` of `this`': { code: 'const BASE = this.base;\nexport const feed = new EventSource(BASE);', keys: null, found: ['{const <project>/case-3.tsx BASE}'] },
  'a `var` of `this` in a block of the module': { code: '{\n  var BASE = this.base;\n}\nexport const feed = new EventSource(BASE);', keys: null, found: ['{const <project>/case-4.tsx BASE}'] },
  'a `let` of `this` in a block of the module': { code: '{\n  let base = this.base;\n  new EventSource(base);\n}', keys: [], found: [] },
  "a method of the module's own object, called": {
    code: "const api = { urlOf: (id: string) => '/api/' + id };\nexport const feed = new EventSource(api.urlOf('x'));",
    keys: null,
    found: [],
  },
};

const WRAPPERS: Record<string, UrlKeysCase> = {
  // The wrapper's export name spells no `EventSource`: only the namespace's member tells.
  "a wrapper's export through a namespace": {
    code: "import * as live from '@acme/live';\nexport const feed = live.openLive('/api/live');",
    wrappers: [{ module: '@acme/live', export: 'openLive' }],
    keys: ['/api/live'],
    found: ['/api/live'],
  },
};

const EXTRA_FILES = {
  'legacy-globals.ts': 'function openLegacyEventSource(url: string) { return url; }\nfunction legacyName() {}\n',
  'config.ts': "export const FEED = '/api/feed';\n",
  'urls.ts': "export function urlOf() { return '/api/' + Math.random(); }\n",
  'status-view.tsx': 'export const EventSourceStatus = (props: { children?: unknown }) => null;\n',
  'factory.ts': 'export function createEventSource(url: string) { return { url }; }\n',
};

describePossibleUrlKeys('possibleUrlKeys: how deep a URL is followed', DEPTH, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: operators', OPERATORS, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: names of other files', OTHER_FILES, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: the name as an argument or a key', ARGUMENTS, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: names that resolve oddly', ODD_NAMES, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: strings beside an opening', STRINGS, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: escapes', ESCAPES, EXTRA_FILES);
describePossibleUrlKeys("possibleUrlKeys: a wrapper's namespace", WRAPPERS, EXTRA_FILES);
describePossibleUrlKeys('possibleUrlKeys: where a name is declared', DECLARED_WHERE, EXTRA_FILES);
