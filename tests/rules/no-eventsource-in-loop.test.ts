import type { Linter } from 'eslint';
import { describe, expect, it } from 'vitest';
import type { InvalidTestCase } from '@typescript-eslint/rule-tester';
import rule, { type MessageIds, type Options } from '../../rules/no-eventsource-in-loop.js';
import { javascript, lintWithOptions, ruleTester } from '../rule-tester.js';

/** The shared helper that suggestions move a stream onto. */
const HUB = { module: 'sse-hub', export: 'sharedEventSource' };
const HUB_SUGGESTION = { helper: 'sharedEventSource', module: '`sse-hub`' };

/** Plain JavaScript parsed as a script (CommonJS-style file): no `import` possible. */
const script = {
  ...javascript,
  sourceType: 'script',
  parserOptions: { ...javascript.parserOptions, sourceType: 'script' },
} as const;

ruleTester.run('no-eventsource-in-loop', rule, {
  valid: [
    // A factory of components: the function handed to \`memo()\` runs when a \`Row\` renders, not when
    // \`makeRow\` is called, so calling the factory per base makes components, not streams (a false
    // report a helper found while fixing 8fd6d19).
    `import { memo, useEffect } from 'react';
function makeRow(base) {
  return memo(function Row({ id }) {
    useEffect(() => {
      const es = new EventSource(base + '/' + id);
      return () => es.close();
    }, [id]);
    return null;
  });
}
export const rows = ['/a', '/b'].map((base) => makeRow(base));`,
    // Only a \`const\` pins the object: a \`let\` may hold another by the time the loop runs.
    `let api = {
  open(id: string) {
    return new EventSource('/rows/' + id);
  },
};
for (const id of ids) api.open(id);`,
    // A regular expression has no \`forEach\`, like \`new RegExp(…)\`: not iteration (a false report
    // the repetition.ts mutation helper found).
    "/,/.forEach(() => new EventSource('/a'));",
    // One stream for the whole page.
    `const es = new EventSource('/events');`,
    // A loop that only builds the URL, then one stream after it.
    `let url = '/events?';
for (const id of ids) url += 'id=' + id + '&';
const es = new EventSource(url);`,
    // The URL is built by a `map()` callback, but the stream is opened once, outside it.
    `const es = new EventSource('/events?' + ids.map((id) => 'id=' + id).join('&'));`,
    // One stream, then a loop that routes its events by item.
    {
      code: `const es = new EventSource('/events');
for (const row of rows) {
  es.addEventListener('row-' + row.id, (event) => render(row, event.data));
}`,
      languageOptions: javascript,
    },
    // Lazy singletons: kept in a module-level variable and opened only when it is empty, so a
    // loop that asks for the stream gets the one it already holds.
    {
      code: `let shared = null;
function getFeed() { shared ??= new EventSource('/feed'); return shared; }
for (const topic of topics) getFeed().addEventListener(topic, handle);`,
      languageOptions: javascript,
    },
    `let feed: EventSource | undefined;
function getFeed(): EventSource {
  if (!feed) feed = new EventSource('/feed');
  return feed;
}
topics.forEach((topic) => getFeed().addEventListener(topic, handle));`,
    {
      code: `for (const topic of topics) { window.feed ||= new EventSource('/feed'); window.feed.addEventListener(topic, handle); }`,
      languageOptions: javascript,
    },
    // A `for` initialiser runs once.
    {
      code: `for (let es = new EventSource('/feed'), i = 0; i < 3; i++) log(es, i);`,
      languageOptions: javascript,
    },
    // The right-hand side of `for...of` is evaluated once.
    {
      code: `for (const event of drain(new EventSource('/feed'))) handle(event);`,
      languageOptions: javascript,
    },
    // The right-hand side of `for await...of` is evaluated once too.
    `async function follow() {
  for await (const message of messages(new EventSource('/feed'))) handle(message);
}`,
    // The right-hand side of `for...in` is evaluated once.
    {
      code: `for (const key in describe(new EventSource('/feed'))) log(key);`,
      languageOptions: javascript,
    },
    // `reduce()`'s initial value is evaluated once; only the callback repeats.
    `const es = rows.reduce(attach, new EventSource('/feed'));`,
    // A `map()`'s second argument is `thisArg`, evaluated once.
    `rows.map(render, { source: new EventSource('/feed') });`,
    // A click handler defined in a loop opens a stream per click, not per iteration.
    {
      code: `for (const button of buttons) {
  button.addEventListener('click', () => {
    new EventSource(button.dataset.url);
  });
}`,
      languageOptions: javascript,
    },
    // Same with an `on*` property set inside `forEach()`.
    {
      code: `buttons.forEach((button) => {
  button.onclick = () => new EventSource(button.dataset.url);
});`,
      languageOptions: javascript,
    },
    // A JSX event handler runs per click, even inside `map()`.
    {
      code: `export function Rows({ rows }) {
  return rows.map((row) => <button key={row.id} onClick={() => new EventSource(row.url)}>Follow</button>);
}`,
      languageOptions: javascript,
      filename: 'file.jsx',
    },
    // A function declared in a loop and stored, not called, there.
    {
      code: `for (const id of ids) {
  function open() {
    return new EventSource('/rows/' + id);
  }
  openers.set(id, open);
}`,
      languageOptions: javascript,
    },
    // A callback that a `map()` returns, not calls.
    `const openers = ids.map((id) => () => new EventSource('/rows/' + id));`,
    // Find-first: the loop is left right after its one stream is opened.
    `let es: EventSource | undefined;
for (const url of candidates) {
  if (reachable(url)) {
    es = new EventSource(url);
    es.onmessage = handle;
    break;
  }
}`,
    // `return` leaves the loop: at most one stream per call.
    `function firstLive(urls: string[]) {
  for (const url of urls) {
    if (isLive(url)) return new EventSource(url);
  }
  return null;
}`,
    // `break outer` leaves both loops.
    {
      code: `outer: for (const group of groups) {
  for (const url of group) {
    found = new EventSource(url);
    break outer;
  }
}`,
      languageOptions: javascript,
    },
    // A local class that merely shares the name is not a stream.
    `class EventSource {
  constructor(readonly url: string) {}
}
for (const id of ids) new EventSource(id);`,
    // A parameter that shadows the global.
    {
      code: `function connectAll(EventSource, ids) {
  for (const id of ids) new EventSource(id);
}`,
      languageOptions: javascript,
    },
    // A local `window` is not the global object.
    {
      code: `const window = { EventSource: FakeSource };
for (const id of ids) new window.EventSource(id);`,
      languageOptions: javascript,
    },
    // Unknown module without a `wrappers` entry: not known to open a stream (see the invalid twin with the option).
    `import { openStream } from '@acme/live';
for (const id of ids) openStream('/rows/' + id);`,
    // `EventSource` as a type or a value that is not called opens nothing.
    `const sources: EventSource[] = [];
for (const id of ids) if (sources[id] instanceof EventSource) sources[id].close();`,
    // `Option.map(value, fn)`-style helpers take the callback second: that is not a per-element callback.
    `const source = Option.map(maybeUrl, (url) => new EventSource(url));`,
    // An object literal's own `map` is not `Array.prototype.map`.
    {
      code: `({ map: (fn) => fn('/feed') }).map((url) => new EventSource(url));`,
      languageOptions: javascript,
    },
    // RxJS `map()` operators are not a collection method: the callback is the first argument of a plain call.
    `import { map } from 'rxjs';
const sources$ = url$.pipe(map((url) => new EventSource(url)));`,
    // With `iterationMethods` the list is replaced: `map` is not in it any more.
    {
      code: `rows.map((row) => new EventSource(row.url));`,
      options: [{ iterationMethods: ['each'] }],
    },
    // An opener called once, outside the loop.
    `function open() {
  return new EventSource('/feed');
}
const es = open();
for (const id of ids) subscribe(es, id);`,
    // Mutual recursion that never opens a stream must not hang the analysis.
    {
      code: `function a(n) {
  return n > 0 && b(n - 1);
}
function b(n) {
  return a(n);
}
for (const id of ids) a(id);
const es = new EventSource('/feed');`,
      languageOptions: javascript,
    },
    // A static field is initialised once, not per instance.
    `class Feed {
  static source = new EventSource('/feed');
}
for (const row of rows) new Feed();`,
    // An arrow-function field is created per instance but not called.
    `class Row {
  open = () => new EventSource('/rows');
}
for (const row of rows) new Row();`,
    // A provider opens one stream; the rows subscribe to it.
    {
      code: `export function LiveProvider({ children }: { children: React.ReactNode }) {
  const source = useMemo(() => new EventSource('/events'), []);
  useEffect(() => () => source.close(), [source]);
  return <LiveContext.Provider value={source}>{children}</LiveContext.Provider>;
}
export function Rows({ rows }: { rows: Row[] }) {
  return rows.map((row) => <RowView key={row.id} row={row} />);
}`,
      filename: 'file.tsx',
    },
    // A component rendered per row is `sse/no-eventsource-per-item`'s case: JSX is not a call.
    {
      code: `function RowView({ id }: { id: string }) {
  useEffect(() => {
    const es = new EventSource('/rows/' + id);
    return () => es.close();
  }, [id]);
  return null;
}
export const Rows = ({ ids }: { ids: string[] }) => ids.map((id) => <RowView key={id} id={id} />);`,
      filename: 'file.tsx',
    },
    // One stream in an effect; `map()` renders its events, it opens nothing.
    {
      code: `export function Feed() {
  const [events, setEvents] = useState([]);
  useEffect(() => {
    const es = new EventSource('/feed');
    es.onmessage = (event) => setEvents((all) => [...all, event.data]);
    return () => es.close();
  }, []);
  return <ul>{events.map((event, i) => <li key={i}>{event}</li>)}</ul>;
}`,
      languageOptions: javascript,
      filename: 'file.jsx',
    },
    // An opener called from a JSX event handler runs per click.
    {
      code: `function follow(id) {
  return new EventSource('/rows/' + id);
}
export const Rows = ({ rows }) => rows.map((row) => <Row key={row.id} onFollow={() => follow(row.id)} />);`,
      languageOptions: javascript,
      filename: 'file.jsx',
    },
    // A class component opens one stream on mount and renders rows from it.
    {
      code: `export class Table extends React.Component<{ rows: Row[] }> {
  source?: EventSource;
  componentDidMount() {
    this.source = new EventSource('/table');
  }
  render() {
    return this.props.rows.map((row) => <RowView key={row.id} row={row} source={this.source} />);
  }
}`,
      filename: 'file.tsx',
    },
    // Empty file.
    ``,
    // Parenthesised callee, computed member, no argument list, optional chaining: once each.
    {
      code: `new (EventSource)('/a');
new window['EventSource']('/b');
const c = new EventSource;
c?.close?.();
rows?.forEach?.((row) => row?.render());`,
      languageOptions: javascript,
    },
    // `using` and decorators, one stream.
    `@Component({ selector: 'live' })
class Live {
  @Input() ids: string[] = [];
  source = new EventSource('/feed');
}
{
  using es = new EventSource('/feed');
}`,
    // TODO(false negative): openers imported from another file are not followed (each file is linted alone); list them in `wrappers`.
    `import { openRow } from './streams';
for (const id of ids) openRow(id);`,
    // TODO(false negative): an opener passed by name to `setTimeout()` in a loop is not followed (an inline callback is).
    {
      code: `function open() {
  return new EventSource('/feed');
}
for (const id of ids) setTimeout(open, id * 100);`,
      languageOptions: javascript,
    },
    // ── Issue 11 ──
    // An early-return singleton: the function a loop calls returns when the stream is already
    // open, so the loop opens one stream, as `??=` does (the `if (typeof eventSource ===
    // 'undefined')` guard of rob-myers/npc-cli-next, npc-cli/service/server-sent-events.js).
    {
      code: `let stream = null;
function ensureStream() {
  if (stream) return;
  stream = new EventSource('/updates');
}
for (const panel of panels) {
  ensureStream();
  panel.attach(stream);
}`,
      languageOptions: javascript,
    },
    // The same with a block that returns, a negated test and TypeScript types.
    `let feed: EventSource | undefined;
function connectFeed(url: string): EventSource {
  if (feed !== undefined) {
    return feed;
  }
  feed = new EventSource(url);
  return feed;
}
export const views = names.map((name) => ({ name, feed: connectFeed('/feed') }));`,
  ],
  invalid: [
    {
      code: `for (const id of ids) { const es = new EventSource('/rows/' + id); }`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 36, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `for (let i = 0; i < rows.length; i++) {
  sources.push(new EventSource('/rows/' + rows[i].id));
}`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 16, data: { stream: '`EventSource`', repetition: 'a `for` loop' } },
      ],
    },
    // A plain assignment to a module-level variable replaces the stream on every pass (the old
    // ones stay open): not a singleton.
    {
      code: `let feed;
for (const topic of topics) { feed = new EventSource('/feed/' + topic); }`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 38, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // A guard on another variable does not make it one.
    {
      code: `let feed;
for (const topic of topics) { if (!ready) feed = new EventSource('/feed/' + topic); }`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 50, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // A `for` update runs once per iteration.
    {
      code: `for (let i = 0, es; i < n; i++, es = new EventSource('/rows/' + i)) log(es);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 38, data: { stream: '`EventSource`', repetition: 'a `for` loop' } },
      ],
    },
    {
      code: `for (const id in rowsById) new EventSource('/rows/' + id);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 28, data: { stream: '`EventSource`', repetition: 'a `for...in` loop' } },
      ],
    },
    {
      code: `async function follow(ids: AsyncIterable<string>) {
  for await (const id of ids) sources.push(new EventSource('/rows/' + id));
}`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 44, data: { stream: '`EventSource`', repetition: 'a `for await...of` loop' } },
      ],
    },
    {
      code: `while (queue.length > 0) {
  open.push(new EventSource(queue.shift()));
}`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 13, data: { stream: '`EventSource`', repetition: 'a `while` loop' } },
      ],
    },
    // A `while` test runs once per iteration.
    {
      code: `let es;
while ((es = new EventSource(next())).url !== last) log(es);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 14, data: { stream: '`EventSource`', repetition: 'a `while` loop' } },
      ],
    },
    {
      code: `do {
  sources.push(new EventSource(pending.pop()));
} while (pending.length);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 16, data: { stream: '`EventSource`', repetition: 'a `do...while` loop' } },
      ],
    },
    // A default value in the `for...of` pattern is evaluated per element.
    {
      code: `for (const { source = new EventSource('/feed') } of rows) use(source);`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 23, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // A `break` that only leaves the inner loop: the outer one still repeats.
    {
      code: `for (const group of groups) {
  for (const url of group) {
    sources.push(new EventSource(url));
    break;
  }
}`,
      errors: [
        { messageId: 'streamInLoop', line: 3, column: 18, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // `break` inside a `switch` leaves the `switch`, not the loop.
    {
      code: `for (const row of rows) {
  switch (row.kind) {
    case 'live':
      new EventSource(row.url);
      break;
  }
}`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 4, column: 7, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // A conditional `break` may not run: the loop may go on.
    {
      code: `for (const url of urls) {
  const es = new EventSource(url);
  if (es.withCredentials) break;
}`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 14, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `rows.map((row) => new window.EventSource(row.url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 19, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    // Optional chaining on the array and on the call.
    {
      code: `rows?.map((row) => new EventSource(row.url));
rows?.forEach?.((row) => new EventSource(row.url));`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 20, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
        { messageId: 'streamInLoop', line: 2, column: 26, data: { stream: '`EventSource`', repetition: 'a `forEach()` callback' } },
      ],
    },
    // `return` leaves the inner loop, but the `map()` callback still runs per row.
    {
      code: `rows.map((row) => {
  for (const url of row.urls) return new EventSource(url);
});`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 38, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `const sources = Array.from(urls, (url) => new EventSource(url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 43, data: { stream: '`EventSource`', repetition: 'an `Array.from()` callback' } },
      ],
    },
    {
      code: `const sources = Array.from({ length: shards }, (_, i) => new EventSource('/shards/' + i));`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 58, data: { stream: '`EventSource`', repetition: 'an `Array.from()` callback' } },
      ],
    },
    {
      code: `_.map(rows, (row) => new EventSource(row.url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 22, data: { stream: '`EventSource`', repetition: 'a `_.map()` callback' } },
      ],
    },
    {
      code: `import map from 'lodash/map';
map(rows, (row) => new EventSource(row.url));`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 20, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `import { forEach } from 'lodash-es';
forEach(rows, (row) => {
  new EventSource(row.url);
});`,
      errors: [
        { messageId: 'streamInLoop', line: 3, column: 3, data: { stream: '`EventSource`', repetition: 'a `forEach()` callback' } },
      ],
    },
    {
      code: `const { map: mapRows } = require('lodash');
mapRows(rows, (row) => new EventSource(row.url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 24, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `$.each(rows, (index, row) => {
  new EventSource(row.url);
});`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 3, data: { stream: '`EventSource`', repetition: 'a `$.each()` callback' } },
      ],
    },
    {
      code: `$('.row').each(function () {
  new EventSource(this.dataset.url);
});`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 3, data: { stream: '`EventSource`', repetition: 'an `each()` callback' } },
      ],
    },
    {
      code: `import { fetchEventSource } from '@microsoft/fetch-event-source';
await Promise.all(ids.map((id) => fetchEventSource('/rows/' + id, { onmessage })));`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 35, data: { stream: '`fetchEventSource` from `@microsoft/fetch-event-source`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `import { fetchEventSource as fes } from '@microsoft/fetch-event-source';
ids.forEach((id) => fes('/x/' + id, {}));`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 21, data: { stream: '`fetchEventSource` from `@microsoft/fetch-event-source`', repetition: 'a `forEach()` callback' } },
      ],
    },
    {
      code: `export function Rows({ rows }) {
  return rows.map((row) => <Live key={row.id} source={new EventSource(row.url)} />);
}`,
      languageOptions: javascript,
      filename: 'file.jsx',
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 55, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `export const Rows = ({ rows }: { rows: Row[] }) => (
  <ul>
    {rows.map((row) => (
      <LiveRow key={row.id} source={new EventSource(\`/rows/\${row.id}\`)} />
    ))}
  </ul>
);`,
      filename: 'file.tsx',
      errors: [
        { messageId: 'streamInLoop', line: 4, column: 37, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    // TypeScript wrappers around the receiver do not hide the array.
    {
      code: `(rows as Row[])!.forEach((row): EventSource => new EventSource(row.url));`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 48, data: { stream: '`EventSource`', repetition: 'a `forEach()` callback' } },
      ],
    },
    // An opener called while rendering each row.
    {
      code: `function connect(id) {
  return new EventSource('/rows/' + id);
}
export const Rows = ({ rows }) => rows.map((row) => <Row key={row.id} feed={connect(row.id)} />);`,
      languageOptions: javascript,
      filename: 'file.jsx',
      errors: [
        { messageId: 'openerCallInLoop', line: 4, column: 77, data: { callee: 'connect', stream: '`EventSource`', line: 2, repetition: 'a `map()` callback' } },
      ],
    },
    // The innermost per-element callback is named.
    {
      code: `export const Groups = ({ groups }) => (
  <>{groups.flatMap((group) => group.urls.map((url) => <Live key={url} source={new EventSource(url)} />))}</>
);`,
      languageOptions: javascript,
      filename: 'file.jsx',
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 80, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `export const Pages = ({ pages }: { pages: number }) => (
  <>{Array.from({ length: pages }, (_, page) => <Page key={page} source={new EventSource(\`/pages/\${page}\`)} />)}</>
);`,
      filename: 'file.tsx',
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 74, data: { stream: '`EventSource`', repetition: 'an `Array.from()` callback' } },
      ],
    },
    // An IIFE in a loop runs per iteration.
    {
      code: `for (const id of ids) {
  (() => {
    sources.push(new EventSource('/rows/' + id));
  })();
}`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 3, column: 18, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // Staggering the connections with `setTimeout()` still opens one per row.
    {
      code: `rows.forEach((row, i) => setTimeout(() => new EventSource(row.url), i * 100));`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 43, data: { stream: '`EventSource`', repetition: 'a `forEach()` callback' } },
      ],
    },
    // A `Promise` executor runs at once; a `.then()` handler once per promise.
    {
      code: `for (const url of urls) {
  await new Promise((resolve) => {
    new EventSource(url).onopen = resolve;
  });
  load(url).then(() => new EventSource(url + '/more'));
}`,
      errors: [
        { messageId: 'streamInLoop', line: 3, column: 5, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
        { messageId: 'streamInLoop', line: 5, column: 24, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `function open(id: number) {
  return new EventSource('/rows/' + id);
}
for (let i = 0; i < n; i++) open(i);`,
      errors: [
        { messageId: 'openerCallInLoop', line: 4, column: 29, data: { callee: 'open', stream: '`EventSource`', line: 2, repetition: 'a `for` loop' } },
      ],
    },
    // A method handed over as \`this.connect\`, or bound (\`this.connect.bind(this)\`, as much older
    // code does it), to an iteration: each element calls it.
    {
      code: `class Live {
  connect(id: string) {
    return new EventSource(id);
  }
  all(ids: string[]) {
    ids.forEach(this.connect);
    ids.map(this.connect.bind(this));
  }
}`,
      errors: [
        { messageId: 'openerCallInLoop', line: 6, column: 17, data: { callee: 'connect', stream: '`EventSource`', line: 3, repetition: 'a `forEach()` callback' } },
        { messageId: 'openerCallInLoop', line: 7, column: 13, data: { callee: 'connect', stream: '`EventSource`', line: 3, repetition: 'a `map()` callback' } },
      ],
    },
    // A method of an object literal a \`const\` holds, called or handed on by its path (\`api.open\`).
    {
      code: `const api = {
  open(id: string) {
    return new EventSource('/rows/' + id);
  },
  follow: (id: string) => new EventSource('/follow/' + id),
} as const;
for (const id of ids) api.open(id);
ids.forEach(api.follow);`,
      errors: [
        { messageId: 'openerCallInLoop', line: 7, column: 23, data: { callee: 'open', stream: '`EventSource`', line: 3, repetition: 'a `for...of` loop' } },
        { messageId: 'openerCallInLoop', line: 8, column: 13, data: { callee: 'follow', stream: '`EventSource`', line: 5, repetition: 'a `forEach()` callback' } },
      ],
    },
    // A plain function bound before it is handed to an iteration.
    {
      code: `function open(id) { return new EventSource('/jobs/' + id); }
ids.forEach(open.bind(null));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'openerCallInLoop', line: 2, column: 13, data: { callee: 'open', stream: '`EventSource`', line: 1, repetition: 'a `forEach()` callback' } },
      ],
    },
    // Passed by name to an iteration.
    {
      code: `const open = (id) => new EventSource('/rows/' + id);
ids.forEach(open);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'openerCallInLoop', line: 2, column: 13, data: { callee: 'open', stream: '`EventSource`', line: 1, repetition: 'a `forEach()` callback' } },
      ],
    },
    // `follow()` calls `connect()`, which opens: reported at the call in the loop, naming `follow`, with the line of the opening.
    {
      code: `function connect(id: string) {
  return new EventSource('/rows/' + id);
}
function follow(id: string) {
  const es = connect(id);
  es.onmessage = render;
}
for (const id of ids) follow(id);`,
      errors: [
        { messageId: 'openerCallInLoop', line: 8, column: 23, data: { callee: 'follow', stream: '`EventSource`', line: 2, repetition: 'a `for...of` loop' } },
      ],
    },
    // A recursive opener (reconnect by calling itself) is followed without hanging.
    {
      code: `function watch(url) {
  const es = new EventSource(url);
  es.onerror = () => {
    es.close();
    watch(url);
  };
}
urls.forEach((url) => watch(url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'openerCallInLoop', line: 8, column: 23, data: { callee: 'watch', stream: '`EventSource`', line: 2, repetition: 'a `forEach()` callback' } },
      ],
    },
    // A class method reached by `this.connect()` in a loop of the same class.
    {
      code: `class LiveTable {
  connect(id: string) {
    return new EventSource('/rows/' + id);
  }
  start(ids: string[]) {
    for (const id of ids) this.connect(id);
  }
}`,
      errors: [
        { messageId: 'openerCallInLoop', line: 6, column: 27, data: { callee: 'connect', stream: '`EventSource`', line: 3, repetition: 'a `for...of` loop' } },
      ],
    },
    // The same in an \`accessor\` field (issue 17: the functions.ts mutation helper found no rule saw it).
    {
      code: `class LiveTable {
  accessor open = (id: string) => new EventSource('/rows/' + id);
  start(ids: string[]) {
    return ids.map((id) => this.open(id));
  }
}`,
      errors: [
        { messageId: 'openerCallInLoop', line: 4, column: 28, data: { callee: 'open', stream: '`EventSource`', line: 2, repetition: 'a `map()` callback' } },
      ],
    },
    // An arrow-function field reached by `this.open()` in a `map()`.
    {
      code: `class LiveTable {
  open = (id: string) => new EventSource('/rows/' + id);
  start(ids: string[]) {
    return ids.map((id) => this.open(id));
  }
}`,
      errors: [
        { messageId: 'openerCallInLoop', line: 4, column: 28, data: { callee: 'open', stream: '`EventSource`', line: 2, repetition: 'a `map()` callback' } },
      ],
    },
    // A hook that opens a stream, called per row (also a Rules of Hooks violation).
    {
      code: `function useRowStream(id: string) {
  useEffect(() => {
    const es = new EventSource('/rows/' + id);
    return () => es.close();
  }, [id]);
}
export function Rows({ rows }: { rows: Row[] }) {
  rows.forEach((row) => useRowStream(row.id));
  return <table />;
}`,
      filename: 'file.tsx',
      errors: [
        { messageId: 'openerCallInLoop', line: 8, column: 25, data: { callee: 'useRowStream', stream: '`EventSource`', line: 3, repetition: 'a `forEach()` callback' } },
      ],
    },
    // The constructor opens a stream: each `new Row()` in the loop holds one.
    {
      code: `class RowFeed {
  source: EventSource;
  constructor(id: string) {
    this.source = new EventSource('/rows/' + id);
  }
}
const feeds = rows.map((row) => new RowFeed(row.id));`,
      errors: [
        { messageId: 'constructionInLoop', line: 7, column: 33, data: { className: 'RowFeed', stream: '`EventSource`', line: 4, repetition: 'a `map()` callback' } },
      ],
    },
    // An instance field initialiser runs on every `new`, also through a subclass.
    {
      code: `class Feed {
  source = new EventSource('/feed');
}
class RowFeed extends Feed {}
for (const row of rows) new RowFeed();`,
      errors: [
        { messageId: 'constructionInLoop', line: 5, column: 25, data: { className: 'RowFeed', stream: '`EventSource`', line: 2, repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `const ES = EventSource;
for (const url of urls) new ES(url);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `const { EventSource: Source } = window;
urls.forEach((url) => new Source(url));`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 23, data: { stream: '`EventSource`', repetition: 'a `forEach()` callback' } },
      ],
    },
    // `globalThis.` and computed `self[...]` forms.
    {
      code: `for (const url of urls) new globalThis.EventSource(url);
for (const url of urls) new self['EventSource'](url);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 25, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `import ReconnectingEventSource from 'reconnecting-eventsource';
for (const url of urls) new ReconnectingEventSource(url);`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: 'the default export of `reconnecting-eventsource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `const { EventSource } = require('eventsource');
for (const url of urls) new EventSource(url);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSource` from `eventsource`', repetition: 'a `for...of` loop' } },
      ],
    },
    {
      code: `import { SSE } from 'sse.js';
const sources = urls.map((url) => new SSE(url, { start: true }));`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 35, data: { stream: '`SSE` from `sse.js`', repetition: 'a `map()` callback' } },
      ],
    },
    {
      code: `import { createEventSource } from 'eventsource-client';
urls.forEach((url) => createEventSource({ url }));`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 23, data: { stream: '`createEventSource` from `eventsource-client`', repetition: 'a `forEach()` callback' } },
      ],
    },
    {
      code: `import { EventSourcePolyfill } from 'event-source-polyfill';
for (const url of urls) new EventSourcePolyfill(url, { heartbeatTimeout: 60_000 });`,
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSourcePolyfill` from `event-source-polyfill`', repetition: 'a `for...of` loop' } },
      ],
    },
    // `wrappers`: the team's own opener counts.
    {
      code: `import { openStream } from '@acme/live';
for (const id of ids) openStream('/rows/' + id);`,
      options: [{ wrappers: [{ module: '@acme/live', export: 'openStream' }] }],
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 23, data: { stream: '`openStream` from `@acme/live`', repetition: 'a `for...of` loop' } },
      ],
    },
    // `iterationMethods` replaces the default list.
    {
      code: `grid.eachRow((row) => new EventSource(row.url));`,
      options: [{ iterationMethods: ['eachRow'] }],
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 23, data: { stream: '`EventSource`', repetition: 'an `eachRow()` callback' } },
      ],
    },
    {
      code: `import { something } from './x';
for (const id of ids) new EventSource(id);`,
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 2,
          column: 23,
          data: { stream: '`EventSource`', repetition: 'a `for...of` loop' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { something } from './x';
import { sharedEventSource } from 'sse-hub';
for (const id of ids) sharedEventSource(id);`,
            },
          ],
        },
      ],
    },
    // The added import follows the file's quote style, taken from its first import.
    {
      code: `import { something } from "./x";
for (const id of ids) new EventSource(id);`,
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 2,
          column: 23,
          data: { stream: '`EventSource`', repetition: 'a `for...of` loop' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { something } from "./x";
import { sharedEventSource } from "sse-hub";
for (const id of ids) sharedEventSource(id);`,
            },
          ],
        },
      ],
    },
    // The import goes after the `'use client'` directive, which must stay first.
    {
      code: `'use client';
export const Rows = ({ rows }: { rows: Row[] }) => rows.map((row) => <Live key={row.id} source={new EventSource(row.url, { withCredentials: true })} />);`,
      filename: 'file.tsx',
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 2,
          column: 97,
          data: { stream: '`EventSource`', repetition: 'a `map()` callback' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `'use client';
import { sharedEventSource } from 'sse-hub';
export const Rows = ({ rows }: { rows: Row[] }) => rows.map((row) => <Live key={row.id} source={sharedEventSource(row.url, { withCredentials: true })} />);`,
            },
          ],
        },
      ],
    },
    // An existing import of the helper is reused under its local name.
    {
      code: `import { sharedEventSource as shared } from 'sse-hub';
for (const url of urls) new EventSource(url);`,
      languageOptions: javascript,
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 2,
          column: 25,
          data: { stream: '`EventSource`', repetition: 'a `for...of` loop' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: { helper: 'shared', module: '`sse-hub`' },
              output: `import { sharedEventSource as shared } from 'sse-hub';
for (const url of urls) shared(url);`,
            },
          ],
        },
      ],
    },
    // `new (EventSource)(url)` and `new EventSource` without arguments become plain calls.
    {
      code: `for (const url of urls) new (EventSource)(url);
while (retry()) new EventSource;`,
      languageOptions: javascript,
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 1,
          column: 25,
          data: { stream: '`EventSource`', repetition: 'a `for...of` loop' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);
while (retry()) new EventSource;`,
            },
          ],
        },
        {
          messageId: 'streamInLoop',
          line: 2,
          column: 17,
          data: { stream: '`EventSource`', repetition: 'a `while` loop' },
          suggestions: [
            {
              messageId: 'useSharedHelper',
              data: HUB_SUGGESTION,
              output: `import { sharedEventSource } from 'sse-hub';
for (const url of urls) new (EventSource)(url);
while (retry()) sharedEventSource();`,
            },
          ],
        },
      ],
    },
    // No suggestion when the helper's name is already taken in scope.
    {
      code: `const sharedEventSource = createPool();
for (const url of urls) new EventSource(url);`,
      options: [{ sharedHelper: HUB }],
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' }, suggestions: [] },
      ],
    },
    // No suggestion for a library stream: the helper mirrors the native constructor only.
    {
      code: `import { EventSource } from 'eventsource';
for (const url of urls) new EventSource(url);`,
      options: [{ sharedHelper: HUB }],
      errors: [
        { messageId: 'streamInLoop', line: 2, column: 25, data: { stream: '`EventSource` from `eventsource`', repetition: 'a `for...of` loop' }, suggestions: [] },
      ],
    },
    // A subclass of \`EventSource\` in a loop: each instance is a stream (public code extends it to add
    // methods, or headers in the query; reduced, our own). No suggestion: the shared stream is not a \`Feed\`.
    {
      code: `class Feed extends EventSource {
  onRow(handler) { this.addEventListener('row', handler); }
}
for (const url of urls) new Feed(url).onRow(render);
function open(id) { return new Feed('/rows/' + id); }
ids.forEach((id) => open(id));`,
      options: [{ sharedHelper: HUB }],
      errors: [
        {
          messageId: 'streamInLoop',
          line: 4,
          column: 25,
          data: { stream: '`Feed` (extends `EventSource`)', repetition: 'a `for...of` loop' },
          suggestions: [],
        },
        {
          messageId: 'openerCallInLoop',
          line: 6,
          column: 21,
          data: { callee: 'open', stream: '`Feed` (extends `EventSource`)', line: 5, repetition: 'a `forEach()` callback' },
        },
      ],
    },
    // No suggestion in a script: it cannot `import`.
    {
      code: `for (const url of urls) new EventSource(url);`,
      languageOptions: script,
      options: [{ sharedHelper: HUB }],
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 25, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' }, suggestions: [] },
      ],
    },
    // Decorators and `using` do not get in the way.
    {
      code: `class Live {
  @Input() ids: string[] = [];
  @HostListener('window:focus')
  refresh() {
    for (const id of this.ids) {
      using es = new EventSource('/rows/' + id);
    }
  }
}`,
      errors: [
        { messageId: 'streamInLoop', line: 6, column: 18, data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } },
      ],
    },
    // TODO(false positive): `.map()` on something that is not an array but cannot be told apart without types (an RxJS 5 observable, a Result or Option type) counts as iteration.
    {
      code: `const source = maybeUrl.map((url) => new EventSource(url));`,
      errors: [
        { messageId: 'streamInLoop', line: 1, column: 38, data: { stream: '`EventSource`', repetition: 'a `map()` callback' } },
      ],
    },
    // ── Issue 11 ──
    // An early return that tests something else is no singleton: every call opens (and replaces) a stream.
    {
      code: `let stream = null;
function open(enabled) {
  if (!enabled) return;
  stream = new EventSource('/updates');
}
for (const panel of panels) open(panel.live);`,
      languageOptions: javascript,
      errors: [
        { messageId: 'openerCallInLoop', line: 6, column: 29, data: { callee: 'open', stream: '`EventSource`', line: 4, repetition: 'a `for...of` loop' } },
      ],
    },
  ],
});

describe('options schema', () => {
  const lintWith = (options: unknown): Linter.LintMessage[] => lintWithOptions('no-eventsource-in-loop', rule, options);

  it('accepts every option together', () => {
    expect(
      lintWith({
        wrappers: [{ module: '@acme/live', export: 'openStream' }],
        iterationMethods: ['map', 'eachRow'],
        sharedHelper: HUB,
      }),
    ).toEqual([]);
  });

  it('names an unknown option', () => {
    expect(() => lintWith({ iterationMethod: ['map'] })).toThrow(/Unexpected property "iterationMethod"/);
  });

  it('names the missing half of `sharedHelper`', () => {
    expect(() => lintWith({ sharedHelper: { module: 'sse-hub' } })).toThrow(
      /should have required property 'export'/,
    );
  });

  it('rejects `iterationMethods` that is not a list', () => {
    expect(() => lintWith({ iterationMethods: 'map' })).toThrow(/Value "map" should be array/);
  });

  it('rejects an empty wrapper export name', () => {
    expect(() => lintWith({ wrappers: [{ module: '@acme/live', export: '' }] })).toThrow(
      /should NOT be shorter than 1 characters/,
    );
  });
});

// The `useSharedHelper` suggestion's import handling and naming (src/fixes/use-shared-helper.ts):
// which existing imports are reused, the local name made for a default export, where and how the
// import is written. Each case kills a mutant that survived the last StrykerJS run.
describe('useSharedHelper suggestion details', () => {
  const LOOP = `for (const url of urls) new EventSource(url);`;
  const ERROR = { messageId: 'streamInLoop', data: { stream: '`EventSource`', repetition: 'a `for...of` loop' } } as const;

  /** The one error of `code` (whose last line is LOOP) with one suggestion moving onto `helper`. */
  function suggested(
    code: string,
    helper: { module: string; export: string },
    name: string,
    output: string,
  ): InvalidTestCase<MessageIds, Options> {
    return {
      code,
      options: [{ sharedHelper: helper }],
      errors: [
        {
          ...ERROR,
          line: code.split('\n').length,
          column: 25,
          suggestions: [{ messageId: 'useSharedHelper', data: { helper: name, module: `\`${helper.module}\`` }, output }],
        },
      ],
    };
  }

  /** The one error of `code` with no suggestion. */
  function unsuggested(code: string, helper: { module: string; export: string }): InvalidTestCase<MessageIds, Options> {
    return { code, options: [{ sharedHelper: helper }], errors: [{ ...ERROR, line: code.split('\n').length, column: 25, suggestions: [] }] };
  }

  const DEFAULT = (module: string) => ({ module, export: 'default' });

  ruleTester.run('no-eventsource-in-loop (useSharedHelper)', rule, {
    valid: [],
    invalid: [
      // A default export gets a camel-cased name from the module's last segment, without its extension.
      suggested(LOOP, DEFAULT('@acme/live-stream.mjs'), 'liveStream', `import liveStream from '@acme/live-stream.mjs';
for (const url of urls) liveStream(url);`),
      suggested(LOOP, DEFAULT('./feeds/live_feed.js'), 'liveFeed', `import liveFeed from './feeds/live_feed.js';
for (const url of urls) liveFeed(url);`),
      // Only a trailing extension is dropped; runs of separators and a trailing one vanish.
      suggested(LOOP, DEFAULT('@acme/hub.jsonp'), 'hubJsonp', `import hubJsonp from '@acme/hub.jsonp';
for (const url of urls) hubJsonp(url);`),
      suggested(LOOP, DEFAULT('@acme/live--feed_'), 'liveFeed', `import liveFeed from '@acme/live--feed_';
for (const url of urls) liveFeed(url);`),
      // A name that would start with a digit is prefixed to stay an identifier.
      suggested(LOOP, DEFAULT('@acme/3d-feed'), 'shared3dFeed', `import shared3dFeed from '@acme/3d-feed';
for (const url of urls) shared3dFeed(url);`),
      // An existing default import is reused for a default export.
      suggested(`import live from 'sse-hub';
${LOOP}`, DEFAULT('sse-hub'), 'live', `import live from 'sse-hub';
for (const url of urls) live(url);`),
      // ...but not for a named export, nor a namespace import for either.
      suggested(`import hub from 'sse-hub';
${LOOP}`, HUB, 'sharedEventSource', `import hub from 'sse-hub';
import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);`),
      suggested(`import * as hub from 'sse-hub';
${LOOP}`, HUB, 'sharedEventSource', `import * as hub from 'sse-hub';
import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);`),
      suggested(`import * as hub from 'sse-hub';
${LOOP}`, DEFAULT('sse-hub'), 'sseHub', `import * as hub from 'sse-hub';
import sseHub from 'sse-hub';
for (const url of urls) sseHub(url);`),
      // A named import is reused only when it is the helper, from the helper's module, as a value.
      suggested(`import { 'sharedEventSource' as hub } from 'sse-hub';
${LOOP}`, HUB, 'hub', `import { 'sharedEventSource' as hub } from 'sse-hub';
for (const url of urls) hub(url);`),
      suggested(`import { other } from 'sse-hub';
${LOOP}`, HUB, 'sharedEventSource', `import { other } from 'sse-hub';
import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);`),
      suggested(`import { sharedEventSource as pool } from './pool';
${LOOP}`, HUB, 'sharedEventSource', `import { sharedEventSource as pool } from './pool';
import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);`),
      suggested(`import type { sharedEventSource as Hub } from 'sse-hub';
${LOOP}`, HUB, 'sharedEventSource', `import type { sharedEventSource as Hub } from 'sse-hub';
import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource(url);`),
      // A type-only specifier is not reused, and its name is taken.
      unsuggested(`import { type sharedEventSource } from 'sse-hub';
${LOOP}`, HUB),
      // A global read under the helper's name would be shadowed by the import.
      {
        code: `for (const url of urls) { sharedEventSource.warm(); new EventSource(url); }`,
        options: [{ sharedHelper: HUB }],
        errors: [{ ...ERROR, line: 1, column: 53, suggestions: [] }],
      },
      // … also where the read is elsewhere in the module, outside the stream's scope.
      {
        code: `sharedEventSource.warm();
for (const url of urls) { new EventSource(url); }`,
        options: [{ sharedHelper: HUB }],
        errors: [{ ...ERROR, line: 2, column: 27, suggestions: [] }],
      },
      // A quote in the module name is escaped.
      suggested(LOOP, { module: "o'hub", export: 'sharedEventSource' }, 'sharedEventSource', `import { sharedEventSource } from 'o\\'hub';
for (const url of urls) sharedEventSource(url);`),
      // A plain statement first is not a directive: the import goes at the very top.
      suggested(`warm();
${LOOP}`, HUB, 'sharedEventSource', `import { sharedEventSource } from 'sse-hub';
warm();
for (const url of urls) sharedEventSource(url);`),
      // `new EventSource` without arguments, followed later by a call: the later `(` is not its argument list.
      {
        code: `for (const url of urls) new EventSource;
warm();`,
        options: [{ sharedHelper: HUB }],
        errors: [
          {
            ...ERROR,
            line: 1,
            column: 25,
            suggestions: [
              {
                messageId: 'useSharedHelper',
                data: HUB_SUGGESTION,
                output: `import { sharedEventSource } from 'sse-hub';
for (const url of urls) sharedEventSource();
warm();`,
              },
            ],
          },
        ],
      },
    ],
  });
});
