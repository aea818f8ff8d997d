/**
 * `possibleUrlKeys` (src/analysis/typed/possible-url-keys.ts): the URL keys a file of the program
 * may open, read from TypeScript's tree, which decide whether the program index converts the
 * file (issue 16). Every case is also converted to ESTree and read the way the index reads it
 * (`streamOpeningsByUrl`), and the keys found there must be among the keys answered, unless the
 * answer is null: an answer that left a key out would hide a duplicate stream in that file.
 */
import { type UrlKeysCase, describePossibleUrlKeys } from './typed-possible-url-keys-cases.js';

const CASES: Record<string, UrlKeysCase> = {
  // Written out: the key `streamUrlOf` gives, fragment dropped, scheme and host in lower case.
  'a string written out': {
    code: "export const feed = new EventSource('/api/feed#top');\nexport const other = new EventSource('HTTPS://Api.Example.com/Events');",
    keys: ['/api/feed', 'https://api.example.com/Events'],
    found: ['/api/feed', 'https://api.example.com/Events'],
  },
  'a const of the module or of the function': {
    code: "const FEED = '/api/feed';\nexport const feed = new EventSource(FEED);\nexport function open() {\n  const url = `/api/open` as const;\n  return new EventSource(url);\n}",
    keys: ['/api/feed', '/api/open'],
    found: ['/api/feed', '/api/open'],
  },
  // The generated helpers of `npm run bench -- type-aware`.
  'a URL per call, from a parameter': {
    code: 'export function open(id: string) {\n  const source = new EventSource(`/jobs/${id}`);\n  return source;\n}',
    keys: [],
    found: [],
  },
  'URLs from destructured props, `this`, a call of project code, a function-level name and a loop variable': {
    code: [
      "import { useEffect } from 'react';",
      "function urlOf(id: string) { return '/jobs/' + id; }",
      'export function Job({ id }: { id: string }, urls: string[]) {',
      "  useEffect(() => { const s = new EventSource('/jobs/' + id); return () => s.close(); }, [id]);",
      "  new EventSource(urlOf('a'));",
      '  new EventSource(`/jobs/${encodeURIComponent(id)}`);',
      '  const perJob = `/jobs/${id}/log`;',
      '  new EventSource(perJob);',
      '  for (const url of urls) new EventSource(url);',
      '  new EventSource(id ?? `/jobs/none`);',
      '}',
      'export class Feed {',
      "  constructor(private url: string) {}",
      '  open() { return new EventSource(this.url); }',
      '}',
    ].join('\n'),
    keys: [],
    found: [],
  },
  'no URL, or a spread one': {
    code: 'export const none = new EventSource();\nexport function open(args: [string]) {\n  return new EventSource(...args);\n}',
    keys: [],
    found: [],
  },
  'the global through `window`, `globalThis` or a written-out member': {
    code: "new window.EventSource('/api/a');\nnew (globalThis as any).EventSource('/api/b');\nnew window['EventSource']('/api/c');",
    keys: ['/api/a', '/api/b', '/api/c'],
    found: ['/api/a', '/api/b', '/api/c'],
  },
  "a library's export under another name, through a namespace, or as a default": {
    code: [
      "import { fetchEventSource as fetchStream } from '@microsoft/fetch-event-source';",
      "import * as fes from '@microsoft/fetch-event-source';",
      "import Reconnecting from 'reconnecting-eventsource';",
      "fetchStream('/api/a', {});",
      "fes.fetchEventSource('/api/b', {});",
      "new Reconnecting('/api/c');",
    ].join('\n'),
    keys: ['/api/a', '/api/b', '/api/c'],
    found: ['/api/a', '/api/b', '/api/c'],
  },
  "a wrapper of the project's own": {
    code: "import { openLive as live } from '@acme/live';\nlive('/api/live');",
    wrappers: [{ module: '@acme/live', export: 'openLive' }],
    keys: ['/api/live'],
    found: ['/api/live'],
  },
  'the name spelled where it passes nothing on: types, tests, constants, messages, names, JSX': {
    code: [
      'let myEventSource: EventSource | null = null;',
      'export function connect(source?: EventSource) {',
      "  if (typeof EventSource === 'undefined' || !('EventSource' in window)) throw new Error('no EventSource here');",
      '  if (source instanceof EventSource && source.readyState !== EventSource.CLOSED) return source;',
      "  console.warn(`EventSource ${String(source)}`);",
      "  myEventSource = new EventSource('/api/d');",
      '  myEventSource.onerror = () => myEventSource?.close();',
      '  return myEventSource;',
      '}',
      'export const EventSourceStatus = () => null;',
      'export const view = <EventSourceStatus />;',
    ].join('\n'),
    keys: ['/api/d'],
    found: ['/api/d'],
  },
  // Only the parts of the tree whose text spells a name are walked, unless an escape may spell one.
  'a name spelled with an escape': {
    code: "// Opens an EventSource.\nexport const escaped = new Event\\u0053ource('/api/escaped');",
    keys: ['/api/escaped'],
    found: ['/api/escaped'],
  },
  // Converted, since only ESTree's reading of the file tells: the shapes that make the answer null.
  'an alias of the global': {
    code: "const ES = EventSource;\nnew ES('/api/alias');",
    keys: null,
    found: ['/api/alias'],
  },
  // A global the file declares (`declare const`) is still the global, not a value of its own.
  'an alias of the global the file declares': {
    code: "declare const EventSource: { new (url: string): object };\nconst Stream = EventSource;\nnew Stream('/api/declared');",
    keys: null,
    found: ['/api/declared'],
  },
  'a destructuring that renames it': {
    code: "const { EventSource: ES } = window;\nnew ES('/api/renamed');",
    keys: null,
    found: ['/api/renamed'],
  },
  'a `require` of a library': {
    code: "const Polyfill = require('eventsource');\nnew Polyfill('/api/required');",
    keys: null,
    found: ['/api/required'],
  },
  'an alias through a written-out member': {
    code: "const ES = window['EventSource'];\nnew ES('/api/member');",
    keys: null,
    found: ['/api/member'],
  },
  'a fallback that passes the global on': {
    code: "declare const Polyfill: typeof EventSource;\nconst ES = window.EventSource || Polyfill;\nnew ES('/api/fallback');",
    keys: null,
    found: ['/api/fallback'],
  },
  'a module-level value of unknown content, or an import': {
    code: "import { FEED } from './config';\nconst BASE = import.meta.env.VITE_API;\nnew EventSource(BASE + '/events');\nnew EventSource(FEED);",
    keys: null,
    found: ['/api/feed', '{env VITE_API}/events'],
  },
  'a URL that `getStaticValue` works out': {
    code: "export function open(id: string) {\n  return new EventSource('/api/first' || id);\n}",
    keys: null,
    found: ['/api/first'],
  },
};

describePossibleUrlKeys('possibleUrlKeys', CASES, { 'config.ts': "export const FEED = '/api/feed';\n" });
