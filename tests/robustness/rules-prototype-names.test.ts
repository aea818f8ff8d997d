/**
 * Names that every plain object inherits from `Object.prototype` (`constructor`, `__proto__`,
 * `toString`…), written wherever the analyses read a name: callees and members, imports,
 * option keys (of stream constructors and of the rules themselves), labels, components and
 * hooks, storage keys, `retry` fields, RxJS operators and lifecycle methods.
 *
 * A table kept in a plain object and indexed by such a name finds the inherited member
 * instead of nothing: `RANDOM_SOURCES['constructor']` was the `Object` function, whose
 * `.includes` threw and aborted the whole `eslint .` run; a trace map indexed by a
 * `wrappers` entry named `__proto__` wrote into `Object.prototype` itself. Every case runs
 * every rule of the plugin, each name in turn, and must end with exactly the findings its code
 * deserves: the same as for an ordinary name, marked `⟦messageId⟧` where each one lands.
 */
import type { Linter } from 'eslint';
import { afterEach, describe, expect, it } from 'vitest';
import { rules } from '../../rules/index.js';
import plugin from '../../src/index.js';
import { type Finding, findings, lintWith } from './support/lint-with-plugin.js';

const PROTOTYPE_NAMES = [
  'constructor',
  '__proto__',
  'hasOwnProperty',
  'toString',
  'valueOf',
  'isPrototypeOf',
  'propertyIsEnumerable',
  'toLocaleString',
] as const;

/** The same code with a name that means nothing to JavaScript: what every name must match. */
const ORDINARY_NAME = 'ordinaryName';

/** The rule that reports each message id: they are unique across the plugin (suggestions aside). */
const RULE_OF_MESSAGE: ReadonlyMap<string, string> = new Map(
  Object.entries(rules).flatMap(([rule, { meta }]) => Object.keys(meta.messages).map((id) => [id, `sse/${rule}`] as const)),
);

interface Position {
  name: string;
  /** `script` for plain JavaScript and TypeScript, `jsx` for components (linted as .jsx and .tsx). */
  syntax: 'script' | 'jsx';
  /** The code for one name, with `⟦messageId⟧` just before each node that must be reported. */
  code: (name: string) => string;
  /** Options for the rules that take them; every rule runs with their defaults otherwise. */
  options?: (name: string) => Linter.RulesRecord;
}

const MARKER = /⟦(\w+)⟧/g;

/** The code without its markers, and the findings the markers stand for. */
function unmarked(marked: string): { code: string; expected: Finding[] } {
  const expected: Finding[] = [];
  let code = '';
  let line = 1;
  let column = 1;
  for (const [index, piece] of marked.split(MARKER).entries()) {
    // `split` with a capture group alternates text and the captured message ids.
    if (index % 2 === 1) {
      const ruleId = RULE_OF_MESSAGE.get(piece);
      if (!ruleId) throw new Error(`No rule reports ${piece}`);
      expected.push({ ruleId, messageId: piece, line, column });
      continue;
    }
    code += piece;
    for (const character of piece) {
      if (character === '\n') {
        line += 1;
        column = 1;
      } else {
        column += 1;
      }
    }
  }
  return { code, expected };
}

const byPlace = (a: Finding, b: Finding): number =>
  a.line - b.line || a.column - b.column || String(a.ruleId).localeCompare(String(b.ruleId));

/** Every rule of the plugin, at its defaults: what a position without options runs. */
const ALL_RULES: Linter.RulesRecord = Object.fromEntries(Object.keys(rules).map((rule) => [`sse/${rule}`, 'error']));

const allRulesWith = (options: object): Linter.RulesRecord => ({
  'sse/no-duplicate-stream': ['error', options],
  'sse/no-eventsource-in-loop': ['error', options],
  'sse/no-eventsource-per-item': ['error', options],
  'sse/no-unbounded-reconnect': ['error', options],
  'sse/require-eventsource-close': ['error', options],
});

const positions: Position[] = [
  // Without any stream the rules stop at their cheap check; with one, they read every name.
  {
    name: 'callees and members, in a file without streams',
    syntax: 'script',
    code: (n) => `${n}.random();
x.${n}.random();
Object.prototype.${n}.call(a, b);
new ${n}(${n});
for (const id of ids) setTimeout(tick, ${n}.random() + Math.${n}() + crypto.${n}(id));`,
  },
  {
    // The crash of issue 11: the delay analysis looked `constructor` up in a table of random sources.
    name: 'callees and members beside a stream opened in a loop',
    syntax: 'script',
    code: (n) => `for (const id of ids) {
  ⟦streamInLoop⟧new EventSource('/rows/' + id);
  setTimeout(tick, ${n}.random() * 1000);
  x.${n}.random();
  Object.prototype.${n}.call(a, b);
}`,
  },
  {
    // Every name is read as a possible random source, a growing delay or a local helper.
    name: 'callees and members in the delay of a re-open',
    syntax: 'script',
    code: (n) => `let es;
function connect() {
  es = new EventSource('/feed');
  es.onerror = () => {
    es.close();
    setTimeout(⟦unboundedErrorReconnect⟧connect, ${n}.random() + x.${n}.random() + Object.prototype.${n}.call(a, b) + window.${n}.getRandomValues(buf) + Math.${n}() + ${n}.${n}());
  };
}
connect();`,
  },
  {
    name: 'imported names that open nothing, beside a namespace that does',
    syntax: 'script',
    code: (n) => `import { ${n} } from 'eventsource';
import { ${n} as other } from 'rxjs';
import * as live from 'eventsource';
const { ${n}: required } = require('sse.js');
for (const id of ids) {
  new ${n}(id);
  other(id);
  new live.${n}(id);
  new required(id);
  new (require('eventsource').${n})(id);
  ⟦streamInLoop⟧new live.EventSource(id);
}`,
  },
  {
    name: 'a stream class imported under the name',
    syntax: 'script',
    code: (n) => `import ${n} from 'reconnecting-eventsource';
import { EventSource as Other } from 'eventsource';
for (const id of ids) {
  ⟦streamInLoop⟧new ${n}('/rows/' + id);
  ⟦streamInLoop⟧new Other('/rows/' + id);
}`,
  },
  {
    name: 'a `wrappers` module with the name',
    syntax: 'script',
    options: (n) => allRulesWith({ wrappers: [{ module: n, export: 'openStream' }] }),
    code: (n) => `import { openStream } from '${n}';
const { openStream: required } = require('${n}');
for (const id of ids) {
  ⟦streamInLoop⟧openStream('/rows/' + id);
  ⟦streamInLoop⟧required('/rows/' + id);
}`,
  },
  {
    name: 'a `wrappers` export with the name',
    syntax: 'script',
    options: (n) => allRulesWith({ wrappers: [{ module: 'live', export: n }] }),
    code: (n) => `import { ${n} as open } from 'live';
const live = require('live');
for (const id of ids) {
  ⟦streamInLoop⟧open('/rows/' + id);
  ⟦streamInLoop⟧live.${n}('/rows/' + id);
}`,
  },
  {
    name: '`iterationMethods` and `sharedHelper` with the name',
    syntax: 'script',
    options: (n) => ({
      'sse/no-duplicate-stream': ['error', { sharedHelper: { module: n, export: n } }],
      'sse/no-eventsource-in-loop': ['error', { iterationMethods: [n], sharedHelper: { module: n, export: n } }],
      'sse/no-eventsource-per-item': ['error', { iterationMethods: [n], sharedHelper: { module: n, export: n } }],
      'sse/no-unbounded-reconnect': 'error',
      'sse/require-eventsource-close': 'error',
    }),
    code: (n) => `const streams = ids.${n}((id) => ⟦streamInLoop⟧new EventSource('/rows/' + id));
ids.map((id) => new EventSource('/rows/' + id));`,
  },
  {
    name: 'option keys of stream constructors',
    syntax: 'script',
    code: (n) => `import { fetchEventSource } from '@microsoft/fetch-event-source';
import { SSE } from 'sse.js';
import ReconnectingEventSource from 'reconnecting-eventsource';
export const a = new EventSource('/a', { ${n}: true, withCredentials: true });
⟦fetchEventSourceWithoutOnerror⟧fetchEventSource('/b', { ${n}: 1, headers: {} });
export const c = new SSE('/c', { ${n}() {}, ⟦sseUnlimitedRetries⟧autoReconnect: true });
export const d = new ReconnectingEventSource('/d', { '${n}': 1, ⟦retryTimeTooShort⟧max_retry_time: 10 });`,
  },
  {
    name: 'labels',
    syntax: 'script',
    code: (n) => `${n}: for (const id of ids) {
  if (!id) continue ${n};
  ⟦streamInLoop⟧new EventSource('/rows/' + id);
  if (done) break ${n};
}
${n}: {
  new EventSource('/once');
  break ${n};
}`,
  },
  {
    name: 'storage keys',
    syntax: 'script',
    code: (n) => `const streams = {};
const byId = new Map();
export function open(${n}) {
  streams[${n}] = ⟦storedPerKey⟧new EventSource('/rows/' + ${n});
  byId.set(${n}, ⟦storedPerKey⟧new EventSource('/rows/' + ${n}));
}
streams.${n} = new EventSource('/a');
streams['${n}'] ??= new EventSource('/b');
byId.set('${n}', new EventSource('/c'));`,
  },
  {
    name: '`retry` fields written by server code',
    syntax: 'script',
    code: (n) => `import { createSession } from 'better-sse';
import { streamSSE } from 'hono/streaming';
const ${n} = 200;
res.write(⟦retryFieldTooShort⟧'retry: ' + ${n} + '\\n\\n');
res.${n}('data: x\\n\\n');
app.get('/a', async (req, res) => {
  await createSession(req, res, { ${n}: 1, ⟦retryFieldTooShort⟧retry: 300 });
});
app.get('/b', (c) => streamSSE(c, async (stream) => {
  await stream.writeSSE({ ${n}: 1, data: 'tick', ⟦retryFieldTooShort⟧retry: 100 });
}));`,
  },
  {
    name: 'RxJS operators with the name',
    syntax: 'script',
    code: (n) => `import { Observable, retry, ${n} } from 'rxjs';
import * as rx from 'rxjs/operators';
const feed$ = new Observable((subscriber) => {
  const es = new EventSource('/feed');
  es.onerror = (error) => subscriber.error(error);
  return () => es.close();
});
feed$.pipe(${n}(), rx.${n}(), ⟦unboundedRxjsRetry⟧retry()).subscribe(render);`,
  },
  {
    name: 'lifecycle methods beside the name (custom element, Angular, React class, Vue)',
    // Four consumers (the custom element, the Angular class, the composable, the Vue component) each hold `/feed`.
    syntax: 'script',
    code: (n) => `class Live extends HTMLElement {
  static ${n}() {}
  connectedCallback() {
    this.es = ⟦notClosedOnUnmount⟧⟦duplicateStream⟧new EventSource('/feed');
  }
  disconnectedCallback() {
    this.es.${n}();
  }
}
class Feed {
  ngOnInit() {
    this.${n} = ⟦duplicateStream⟧new EventSource('/feed');
  }
  ngOnDestroy() {
    this.${n}.close();
  }
}
class Board extends React.Component {
  ${n}() {}
  componentDidMount() {
    this.es = new EventSource('/board');
  }
  componentWillUnmount() {
    this.es.close();
  }
}
export function setup() {
  let es;
  onMounted(() => {
    es = ⟦notClosedOnUnmount⟧⟦duplicateStream⟧new EventSource('/feed');
  });
  onBeforeUnmount(() => es.${n}());
}
export default {
  ${n}() {},
  mounted() {
    this.es = ⟦notClosedOnUnmount⟧⟦duplicateStream⟧new EventSource('/feed');
  },
  beforeUnmount() {
    this.es.${n}();
  },
};`,
  },
  {
    name: 'hooks and components read through the name',
    syntax: 'jsx',
    code: (n) => `import React, { useEffect } from 'react';
function Row({ url }) {
  useEffect(() => {
    const es = ⟦urlFromProps⟧⟦notClosedOnUnmount⟧new EventSource(url);
    return () => es.${n}();
  }, [url]);
  React.${n}(() => new EventSource('/x'));
  return <li />;
}
// The rule follows a component to its render sites by its binding; a member of an object
// (\`<Widgets.${n} />\`) is not followed, so the name stands in the object and a member read instead.
export const Widgets = { ${n}: Row };
export const first = Widgets.${n};
export const List = ({ rows }) => <ul>{rows.map((row) => ⟦renderedPerItem⟧<Row key={row.id} url={row.url} />)}</ul>;`,
  },
  {
    // What \`sse/no-duplicate-stream\` reads: a URL constant and a template over it, resolved by
    // name; consumers (hooks, a class, an object's method named after the name); event names.
    // The two hooks each hold \`/api/events\`; a plain class's field and a method run on demand
    // are no consumer that stays (the rule's own cases), whatever the name.
    name: 'URL constants, consumers and event names with the name',
    syntax: 'script',
    code: (n) => `const ${n} = '/api/events';
export function useEvents() {
  useEffect(() => {
    const es = ⟦duplicateStream⟧new EventSource(${n});
    es.addEventListener('${n}', render);
    return () => es.close();
  }, []);
}
export function useActivity() {
  useEffect(() => {
    const es = ⟦duplicateStream⟧new EventSource(\`\${${n}}\`);
    es.onmessage = render;
    return () => es.close();
  }, []);
}
export class EventsService {
  source = new EventSource(${n});
  static ${n}() {}
}
export const handlers = {
  ${n}() {
    const es = new EventSource(\`\${${n}}?once\`);
    es.onmessage = render;
  },
};`,
  },
];

const FILES: Record<Position['syntax'], readonly string[]> = { script: ['file.js', 'file.ts'], jsx: ['file.jsx', 'file.tsx'] };

function lint(position: Position, name: string, filename: string): { actual: Finding[]; expected: Finding[] } {
  const { code, expected } = unmarked(position.code(name));
  const ruleEntries = position.options?.(name) ?? ALL_RULES;
  const messages = lintWith(plugin, code, { filename, ruleEntries });
  return { actual: findings(messages).sort(byPlace), expected: expected.sort(byPlace) };
}

// A rule that writes into `Object.prototype` breaks every later lint in the process.
const prototypeKeys = (): (string | symbol)[] => Reflect.ownKeys(Object.prototype);
const untouched = prototypeKeys();
afterEach(() => {
  expect(prototypeKeys()).toEqual(untouched);
});

describe.each(positions)('$name', (position) => {
  for (const filename of FILES[position.syntax]) {
    it(`an ordinary name (${filename}): the marked findings`, () => {
      const { actual, expected } = lint(position, ORDINARY_NAME, filename);
      expect(actual).toEqual(expected);
    });
    it.each(PROTOTYPE_NAMES)(`%s (${filename}): no crash, the same findings`, (name) => {
      const { actual, expected } = lint(position, name, filename);
      expect(actual).toEqual(expected);
    });
  }
});
