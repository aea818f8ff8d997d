/**
 * A synthetic application repository for timing `sse-codemod` and the lint rules at scale.
 *
 * Of its source files, a small share (1% by default) open Server-Sent Events streams in the
 * shapes the rules flag: a stream per row in `.map`, one per item of a `for…of`, an opener
 * function called in a loop, a component that opens a stream rendered in `.map`, a hook that
 * opens its own. The rest is ordinary application code of varied size and shape (modules,
 * classes, loops, async functions, JSX, TypeScript types), some of it mentioning events and
 * sources, none of it naming a stream: that is the code the codemod must get through quickly.
 *
 * Beside the sources: a `.gitignore` that ignores `dist/`, and a `dist/` and a `node_modules/`
 * that hold stream code too, so that a run which entered them would show it in its counts.
 * `node_modules/` is deliberately not in `.gitignore`: the codemod must keep out of it by itself.
 *
 * Everything comes from one seeded generator, so a seed always gives the same bytes.
 *
 *   node scripts/bench/generate-repository.js <directory> [--files N] [--stream-files K] [--seed S]
 */
import { Buffer } from 'node:buffer';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

/** The stream shapes, in the order stream files take them (file k gets `STREAM_SHAPES[k % 5]`). */
export const STREAM_SHAPES = ['map-per-row', 'for-of-per-item', 'opener-called-in-loop', 'component-rendered-per-item', 'hook'];

/** Line bounds of a generated source file (stream files included). */
export const MIN_LINES = 100;
export const MAX_LINES = 400;

/** Small, fast, seedable (mulberry32): `Math.random` cannot be seeded. */
export function createRandom(seed) {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (min, max) => min + Math.floor(next() * (max - min + 1));
  const pick = (items) => items[Math.floor(next() * items.length)];
  const chance = (probability) => next() < probability;
  /** A value drawn by weight from `{ value: weight }`. */
  const weighted = (weights) => {
    const entries = Object.entries(weights);
    let roll = next() * entries.reduce((sum, [, weight]) => sum + weight, 0);
    for (const [value, weight] of entries) {
      roll -= weight;
      if (roll < 0) return value;
    }
    return entries[entries.length - 1][0];
  };
  const shuffle = (items) => {
    const copy = [...items];
    for (let index = copy.length - 1; index > 0; index -= 1) {
      const other = int(0, index);
      [copy[index], copy[other]] = [copy[other], copy[index]];
    }
    return copy;
  };
  return { next, int, pick, chance, weighted, shuffle };
}

// Vocabulary. No word may contain a stream needle (`EventSource`, `eventsource`, `sse.js`,
// `native-sse`): the test checks every non-stream file against `mentionsStream`.
const NOUNS = [
  'order', 'invoice', 'customer', 'account', 'product', 'shipment', 'report', 'metric', 'ticket', 'user',
  'session', 'payment', 'cart', 'review', 'warehouse', 'carrier', 'coupon', 'alert', 'audit', 'schedule',
  'team', 'project', 'task', 'comment', 'folder', 'budget', 'quote', 'route', 'vehicle', 'device',
  'tenant', 'region', 'supplier', 'contract', 'refund', 'badge', 'channel', 'article', 'booking', 'lesson',
];
const VERBS = ['load', 'format', 'build', 'parse', 'sort', 'group', 'merge', 'filter', 'compute', 'resolve', 'validate', 'normalize', 'summarize', 'sync', 'export', 'import', 'archive', 'restore'];
const FIELDS = ['id', 'name', 'status', 'createdAt', 'updatedAt', 'total', 'currency', 'ownerId', 'notes', 'priority', 'tags', 'region', 'quantity', 'dueDate', 'version', 'label', 'score', 'source', 'eventCount', 'lastEventAt'];
const FIELD_TYPES = { id: 'string', name: 'string', status: 'Status', createdAt: 'string', updatedAt: 'string', total: 'number', currency: 'string', ownerId: 'string', notes: 'string | null', priority: 'number', tags: 'string[]', region: 'string', quantity: 'number', dueDate: 'string | null', version: 'number', label: 'string', score: 'number', source: "'web' | 'api' | 'import'", eventCount: 'number', lastEventAt: 'string | null' };
const STATUSES = ['draft', 'open', 'pending', 'active', 'paused', 'closed', 'archived', 'failed'];
const FILE_ROLES = ['table', 'list', 'service', 'utils', 'store', 'api', 'form', 'card', 'view', 'types', 'model', 'client', 'helpers', 'format', 'config', 'panel', 'filters', 'summary', 'events', 'selectors'];
const AREAS = ['features', 'components', 'lib', 'hooks', 'pages', 'services', 'utils', 'store', 'modules', 'shared'];
const PACKAGES = ['lodash-es', 'date-fns', 'zod', 'clsx', 'immer', 'nanoid', 'ky', 'p-limit'];
const SOURCE_EXTENSIONS = { '.ts': 40, '.tsx': 25, '.js': 20, '.jsx': 15 };

const capitalize = (word) => word[0].toUpperCase() + word.slice(1);
const camel = (...words) => words[0] + words.slice(1).map(capitalize).join('');
const pascal = (...words) => words.map(capitalize).join('');

/**
 * What a block needs to write one file: the random source, the language, and a registry of
 * the file's top-level names (a module may not declare a name twice).
 */
function createFileContext(random, extension) {
  const taken = new Set();
  return {
    random,
    typed: extension === '.ts' || extension === '.tsx',
    jsx: extension === '.jsx' || extension === '.tsx',
    /** Set by blocks that call `useState`/`useEffect`, which a JSX file imports anyway. */
    usesHooks: false,
    /** `base`, or `base2`, `base3`… when the file already declares it. */
    unique(base) {
      let name = base;
      for (let counter = 2; taken.has(name); counter += 1) name = `${base}${counter}`;
      taken.add(name);
      return name;
    },
  };
}

/** `: type` in TypeScript, nothing in JavaScript. */
const annotate = (context, type) => (context.typed ? `: ${type}` : '');

// Blocks of ordinary code. Each returns its lines; a file is a header and blocks until it
// reaches its drawn length.

function importsBlock(context, depth) {
  const { random } = context;
  const up = depth === 0 ? './' : '../'.repeat(depth);
  const lines = [];
  if (context.jsx) lines.push(`import { useCallback, useEffect, useMemo, useState } from 'react';`);
  const count = random.int(1, 5);
  for (let index = 0; index < count; index += 1) {
    const noun = random.pick(NOUNS);
    if (random.chance(0.3)) {
      lines.push(`import { ${random.pick(['debounce', 'groupBy', 'sortBy', 'uniqBy'])} as ${context.unique(camel(random.pick(VERBS), noun, 'helper'))} } from '${random.pick(PACKAGES)}';`);
    } else {
      const name = context.unique(camel(random.pick(VERBS), noun));
      lines.push(`import { ${name} } from '${up}${random.pick(AREAS)}/${noun}-${random.pick(FILE_ROLES)}.js';`);
    }
  }
  if (context.typed && random.chance(0.5)) {
    const type = context.unique(pascal(random.pick(NOUNS), 'Record'));
    lines.push(`import type { ${type} } from '${up}types/${random.pick(NOUNS)}.js';`);
  }
  if (random.chance(0.15)) lines.push(`import { EventEmitter } from 'node:events';`);
  return [...lines, ''];
}

function typesBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const lines = [];
  if (!context.typed) {
    // JavaScript projects describe shapes in JSDoc.
    lines.push('/**', ` * @typedef {object} ${pascal(noun)}Shape`);
    for (const field of random.shuffle(FIELDS).slice(0, random.int(3, 8))) lines.push(` * @property {${FIELD_TYPES[field].replace('Status', 'string')}} ${field}`);
    return [...lines, ' */', ''];
  }
  const status = context.unique(`${pascal(noun)}Status`);
  lines.push(`export type ${status} = ${random.shuffle(STATUSES).slice(0, random.int(2, 5)).map((s) => `'${s}'`).join(' | ')};`, '');
  const shape = context.unique(pascal(noun));
  lines.push(`export interface ${shape} {`);
  for (const field of random.shuffle(FIELDS).slice(0, random.int(4, 12))) {
    lines.push(`  ${field}${random.chance(0.2) ? '?' : ''}: ${FIELD_TYPES[field].replace('Status', status)};`);
  }
  lines.push('}', '');
  if (random.chance(0.5)) {
    lines.push(`export type ${context.unique(`${shape}Patch`)} = Partial<Omit<${shape}, 'id'>> & { id: ${shape}['id'] };`, '');
  }
  return lines;
}

function constantsBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const lines = [`export const ${context.unique(`${noun.toUpperCase()}_PAGE_SIZE`)} = ${random.pick([10, 20, 25, 50, 100])};`];
  const columns = context.unique(camel(noun, 'columns'));
  lines.push(`export const ${columns} = [`);
  for (const field of random.shuffle(FIELDS).slice(0, random.int(3, 10))) {
    lines.push(`  { key: '${field}', label: '${capitalize(field.replace(/([A-Z])/g, ' $1').toLowerCase())}', sortable: ${random.chance(0.6)}, width: ${random.int(4, 24) * 10} },`);
  }
  lines.push(']' + (context.typed ? ' as const' : '') + ';', '');
  return lines;
}

function transformBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const name = context.unique(camel(random.pick(VERBS), noun, 'totals'));
  const item = context.typed ? '{ region: string; total: number; status: string }' : null;
  const lines = [
    `export function ${name}(items${annotate(context, `readonly ${item}[]`)}, minimum${annotate(context, 'number')} = ${random.int(0, 5)}) {`,
    `  const byRegion = new Map${context.typed ? '<string, number>' : ''}();`,
    '  for (const item of items) {',
    `    if (item.status === '${random.pick(STATUSES)}') continue;`,
    '    byRegion.set(item.region, (byRegion.get(item.region) ?? 0) + item.total);',
    '  }',
    '  const rows = [...byRegion.entries()]',
    '    .filter(([, total]) => total >= minimum)',
    '    .map(([region, total]) => ({ region, total, share: 0 }));',
    '  const sum = rows.reduce((accumulator, row) => accumulator + row.total, 0);',
    '  for (let index = 0; index < rows.length; index += 1) {',
    '    rows[index].share = sum === 0 ? 0 : rows[index].total / sum;',
    '  }',
    `  return rows.sort((left, right) => right.total - left.total).slice(0, ${random.int(5, 50)});`,
    '}',
    '',
  ];
  if (random.chance(0.5)) {
    const parse = context.unique(camel('parse', noun, 'line'));
    lines.push(
      `const ${context.unique(`${noun.toUpperCase()}_LINE`)} = /^(\\w+)\\s*[:=]\\s*(.*)$/;`,
      '',
      `export function ${parse}(text${annotate(context, 'string')}) {`,
      `  const entries${annotate(context, 'Record<string, string>')} = {};`,
      "  for (const line of text.split('\\n')) {",
      `    const match = ${noun.toUpperCase()}_LINE.exec(line.trim());`,
      '    if (match) entries[match[1]] = match[2];',
      '  }',
      '  return entries;',
      '}',
      '',
    );
  }
  return lines;
}

function asyncBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const name = context.unique(camel('fetch', noun, 'page'));
  const all = context.unique(camel('fetchAll', noun, 's'));
  const delay = context.unique('delay');
  return [
    `const ${delay} = (milliseconds${annotate(context, 'number')}) => new Promise((resolve) => setTimeout(resolve, milliseconds));`,
    '',
    `export async function ${name}(baseUrl${annotate(context, 'string')}, cursor${annotate(context, 'string | null')}, attempts = ${random.int(2, 5)}) {`,
    `  const url = new URL('/api/${noun}s', baseUrl);`,
    "  if (cursor) url.searchParams.set('cursor', cursor);",
    '  for (let attempt = 1; ; attempt += 1) {',
    '    try {',
    "      const response = await fetch(url, { headers: { accept: 'application/json' } });",
    '      if (!response.ok) throw new Error(`HTTP ${response.status} for ${url}`);',
    '      return await response.json();',
    '    } catch (error) {',
    '      if (attempt >= attempts) throw error;',
    `      await ${delay}(${random.int(1, 9) * 100} * 2 ** attempt);`,
    '    }',
    '  }',
    '}',
    '',
    `export async function ${all}(baseUrl${annotate(context, 'string')}) {`,
    `  const items${annotate(context, 'unknown[]')} = [];`,
    `  let cursor${annotate(context, 'string | null')} = null;`,
    '  do {',
    `    const page = await ${name}(baseUrl, cursor);`,
    '    items.push(...page.items);',
    '    cursor = page.next ?? null;',
    '  } while (cursor);',
    '  return items;',
    '}',
    '',
  ];
}

function classBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const name = context.unique(pascal(noun, random.pick(['Cache', 'Registry', 'Queue', 'Index'])));
  const key = context.typed ? 'string' : null;
  const lines = [
    `/** Keeps the latest ${noun} per id, forgetting the oldest beyond a limit. */`,
    `export class ${name} {`,
    context.typed ? '  readonly #entries = new Map<string, unknown>();' : '  #entries = new Map();',
    context.typed ? '  private readonly limit: number;' : null,
    '',
    `  constructor(limit${annotate(context, 'number')} = ${random.int(1, 20) * 50}) {`,
    '    this.limit = limit;',
    '  }',
    '',
    `  get(id${key ? `: ${key}` : ''}) {`,
    '    return this.#entries.get(id);',
    '  }',
    '',
    `  set(id${key ? `: ${key}` : ''}, value${annotate(context, 'unknown')}) {`,
    '    this.#entries.delete(id);',
    '    this.#entries.set(id, value);',
    '    while (this.#entries.size > this.limit) {',
    '      const oldest = this.#entries.keys().next().value;',
    '      if (oldest === undefined) break;',
    '      this.#entries.delete(oldest);',
    '    }',
    '    return this;',
    '  }',
    '',
    '  *values() {',
    '    for (const value of this.#entries.values()) yield value;',
    '  }',
    '',
    '  get size() {',
    '    return this.#entries.size;',
    '  }',
    '}',
    '',
  ];
  return lines.filter((line) => line !== null);
}

function reducerBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const name = context.unique(camel(noun, 'Reducer'));
  const actions = random.shuffle(['added', 'removed', 'renamed', 'moved', 'reset', 'selected', 'sorted']).slice(0, random.int(3, 6));
  const lines = [`export function ${name}(state${annotate(context, 'any')}, action${annotate(context, '{ type: string; payload?: any }')}) {`, '  switch (action.type) {'];
  for (const action of actions) {
    lines.push(`    case '${noun}/${action}': {`);
    if (action === 'reset') lines.push('      return { items: [], selected: null };');
    else if (action === 'removed') lines.push('      return { ...state, items: state.items.filter((item) => item.id !== action.payload) };');
    else if (action === 'sorted') lines.push("      return { ...state, items: [...state.items].sort((a, b) => String(a.name).localeCompare(String(b.name))) };");
    else lines.push(`      return { ...state, items: state.items.map((item) => (item.id === action.payload?.id ? { ...item, ...action.payload } : item)), last: '${action}' };`);
    lines.push('    }');
  }
  lines.push('    default:', '      return state;', '  }', '}', '');
  return lines;
}

/** Events and sources in the everyday sense: an emitter, DOM listeners, a data source. */
function eventsBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const bus = context.unique(camel(noun, 'Events'));
  const source = context.unique(camel(noun, 'DataSource'));
  return [
    `// The event source of truth for ${noun}s is the server; this only mirrors it locally.`,
    `const ${bus} = new Map${context.typed ? '<string, Set<(event: { type: string; detail: unknown }) => void>>' : ''}();`,
    '',
    `export function ${context.unique(camel('on', noun, 'Event'))}(type${annotate(context, 'string')}, listener${annotate(context, '(event: { type: string; detail: unknown }) => void')}) {`,
    `  const listeners = ${bus}.get(type) ?? new Set();`,
    '  listeners.add(listener);',
    `  ${bus}.set(type, listeners);`,
    '  return () => listeners.delete(listener);',
    '}',
    '',
    `export function ${context.unique(camel('emit', noun, 'Event'))}(type${annotate(context, 'string')}, detail${annotate(context, 'unknown')}) {`,
    `  for (const listener of ${bus}.get(type) ?? []) listener({ type, detail });`,
    `  window.dispatchEvent(new CustomEvent('${noun}:' + type, { detail }));`,
    '}',
    '',
    `export const ${source} = {`,
    `  name: '${noun}s',`,
    `  source: '${random.pick(['web', 'api', 'import'])}',`,
    `  async rows(offset${annotate(context, 'number')}, limit${annotate(context, 'number')}) {`,
    `    const response = await fetch(\`/api/${noun}s?offset=\${offset}&limit=\${limit}\`);`,
    '    return response.json();',
    '  },',
    '};',
    '',
  ];
}

function hookBlock(context) {
  const { random } = context;
  context.usesHooks = true;
  const noun = random.pick(NOUNS);
  const name = context.unique(camel('use', noun, random.pick(['Filter', 'Selection', 'Pagination', 'Shortcut'])));
  return [
    `export function ${name}(initial${annotate(context, 'string')} = '') {`,
    '  const [value, setValue] = useState(initial);',
    '  const [debounced, setDebounced] = useState(initial);',
    '  useEffect(() => {',
    `    const timer = setTimeout(() => setDebounced(value), ${random.int(1, 6) * 50});`,
    '    return () => clearTimeout(timer);',
    '  }, [value]);',
    '  useEffect(() => {',
    `    const onKey = (event${annotate(context, 'KeyboardEvent')}) => {`,
    "      if (event.key === 'Escape') setValue('');",
    '    };',
    "    window.addEventListener('keydown', onKey);",
    "    return () => window.removeEventListener('keydown', onKey);",
    '  }, []);',
    '  return { value, debounced, setValue };',
    '}',
    '',
  ];
}

/** A table rendered row by row: the per-item shape, without a stream (a trap for false positives). */
function componentBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  const row = context.unique(pascal(noun, 'Row'));
  const table = context.unique(pascal(noun, random.pick(['Table', 'List', 'Board'])));
  const fields = random.shuffle(FIELDS).slice(0, random.int(2, 6));
  const rowProps = context.typed ? `: { item: any; selected: boolean; onSelect: (id: string) => void }` : '';
  const tableProps = context.typed ? `: { items: any[]; title?: string }` : '';
  return [
    `function ${row}({ item, selected, onSelect }${rowProps}) {`,
    '  return (',
    `    <tr className={selected ? 'row row--selected' : 'row'} onClick={() => onSelect(item.id)}>`,
    ...fields.map((field) => `      <td>{String(item.${field} ?? '')}</td>`),
    '    </tr>',
    '  );',
    '}',
    '',
    `export function ${table}({ items, title = '${capitalize(noun)}s' }${tableProps}) {`,
    `  const [selected, setSelected] = useState${context.typed ? '<string | null>' : ''}(null);`,
    `  const [sortKey, setSortKey] = useState('${fields[0]}');`,
    '  const sorted = useMemo(() => [...items].sort((a, b) => String(a[sortKey]).localeCompare(String(b[sortKey]))), [items, sortKey]);',
    '  const onSelect = useCallback((id) => setSelected((current) => (current === id ? null : id)), []);',
    '  return (',
    '    <section>',
    '      <h2>{title}</h2>',
    '      <table>',
    '        <thead>',
    '          <tr>',
    ...fields.map((field) => `            <th onClick={() => setSortKey('${field}')}>${field}</th>`),
    '          </tr>',
    '        </thead>',
    '        <tbody>',
    `          {sorted.map((item) => (`,
    `            <${row} key={item.id} item={item} selected={item.id === selected} onSelect={onSelect} />`,
    '          ))}',
    '        </tbody>',
    '      </table>',
    '    </section>',
    '  );',
    '}',
    '',
  ];
}

/** A WebSocket and a BroadcastChannel opened in loops: repeated connections, but not Server-Sent Events. */
function socketsBlock(context) {
  const { random } = context;
  const noun = random.pick(NOUNS);
  return [
    `export function ${context.unique(camel('open', noun, 'Sockets'))}(rooms${annotate(context, 'string[]')}) {`,
    `  return rooms.map((room) => new WebSocket(\`wss://example.test/${noun}s/\${room}\`));`,
    '}',
    '',
    `export function ${context.unique(camel('open', noun, 'Channels'))}(names${annotate(context, 'string[]')}) {`,
    `  const channels${annotate(context, 'BroadcastChannel[]')} = [];`,
    `  for (const name of names) channels.push(new BroadcastChannel('${noun}:' + name));`,
    '  return channels;',
    '}',
    '',
  ];
}

function blockChooser(context) {
  const weights = { transform: 5, async: 4, class: 3, reducer: 3, events: 3, constants: 3, sockets: 1 };
  if (context.typed) weights.types = 5;
  else weights.types = 1;
  if (context.jsx) Object.assign(weights, { component: 6, hook: 3 });
  else weights.hook = 1;
  const blocks = { transform: transformBlock, async: asyncBlock, class: classBlock, reducer: reducerBlock, events: eventsBlock, constants: constantsBlock, sockets: socketsBlock, types: typesBlock, component: componentBlock, hook: hookBlock };
  return () => blocks[context.random.weighted(weights)](context);
}

// The stream shapes. Each opens exactly one stream with the browser's `EventSource`, which
// the codemod always rewrites; the URL, options and the global's spelling vary.

function openingExpression(context, url) {
  const { random } = context;
  const constructor = random.weighted({ EventSource: 6, 'window.EventSource': 1, 'globalThis.EventSource': 1 });
  const init = random.chance(0.25) ? ', { withCredentials: true }' : '';
  return `new ${constructor}(${url}${init})`;
}

const STREAM_BLOCKS = {
  'map-per-row'(context) {
    const noun = context.random.pick(NOUNS);
    const name = context.unique(camel('open', noun, 'Streams'));
    return [
      `/** One live feed per visible ${noun}. */`,
      `export function ${name}(rows${annotate(context, '{ id: string }[]')}, onUpdate${annotate(context, '(id: string, data: string) => void')}) {`,
      '  return rows.map((row) => {',
      `    const stream = ${openingExpression(context, `\`/api/${noun}s/\${row.id}/events\``)};`,
      '    stream.onmessage = (message) => onUpdate(row.id, message.data);',
      '    return stream;',
      '  });',
      '}',
      '',
    ];
  },
  'for-of-per-item'(context) {
    const noun = context.random.pick(NOUNS);
    const name = context.unique(camel('watch', noun, 'Topics'));
    return [
      `export function ${name}(topics${annotate(context, 'string[]')}, onUpdate${annotate(context, '(topic: string, data: string) => void')}) {`,
      `  const streams${annotate(context, 'EventSource[]')} = [];`,
      '  for (const topic of topics) {',
      `    const stream = ${openingExpression(context, `'/api/${noun}s/topics/' + encodeURIComponent(topic)`)};`,
      "    stream.addEventListener('update', (message) => onUpdate(topic, message.data));",
      '    streams.push(stream);',
      '  }',
      '  return () => streams.forEach((stream) => stream.close());',
      '}',
      '',
    ];
  },
  'opener-called-in-loop'(context) {
    const noun = context.random.pick(NOUNS);
    const opener = context.unique(camel('open', noun, 'Feed'));
    const all = context.unique(camel('openAll', noun, 'Feeds'));
    return [
      `function ${opener}(id${annotate(context, 'string')}) {`,
      `  const stream = ${openingExpression(context, `\`/feeds/${noun}/\${id}\``)};`,
      "  stream.onerror = () => console.warn('feed interrupted', id);",
      '  return stream;',
      '}',
      '',
      `export function ${all}(ids${annotate(context, 'string[]')}) {`,
      '  const feeds = new Map();',
      '  for (let index = 0; index < ids.length; index += 1) {',
      `    feeds.set(ids[index], ${opener}(ids[index]));`,
      '  }',
      '  return feeds;',
      '}',
      '',
    ];
  },
  'component-rendered-per-item'(context) {
    context.usesHooks = true;
    const noun = context.random.pick(NOUNS);
    const badge = context.unique(pascal(noun, 'LiveBadge'));
    const list = context.unique(pascal(noun, 'LiveList'));
    const itemsType = context.typed ? ': { items: { id: string; name: string }[] }' : '';
    return [
      `function ${badge}() {`,
      `  const [count, setCount] = useState(0);`,
      '  useEffect(() => {',
      `    const stream = ${openingExpression(context, `'/api/${noun}s/activity'`)};`,
      '    stream.onmessage = () => setCount((current) => current + 1);',
      '    return () => stream.close();',
      '  }, []);',
      '  return <span className="badge">{count}</span>;',
      '}',
      '',
      `export function ${list}({ items }${itemsType}) {`,
      '  return (',
      '    <ul>',
      '      {items.map((item) => (',
      '        <li key={item.id}>',
      `          {item.name} <${badge} />`,
      '        </li>',
      '      ))}',
      '    </ul>',
      '  );',
      '}',
      '',
    ];
  },
  hook(context) {
    context.usesHooks = true;
    const noun = context.random.pick(NOUNS);
    const name = context.unique(camel('useLive', noun));
    const pair = context.unique(camel('useLive', noun, 'Pair'));
    return [
      `export function ${name}(id${annotate(context, 'string')}) {`,
      `  const [value, setValue] = useState${context.typed ? '<unknown>' : ''}(null);`,
      '  useEffect(() => {',
      `    const stream = ${openingExpression(context, `\`/api/${noun}s/\${id}/events\``)};`,
      '    stream.onmessage = (message) => setValue(JSON.parse(message.data));',
      '    return () => stream.close();',
      '  }, [id]);',
      '  return value;',
      '}',
      '',
      // A second caller in the file: the evidence that the hook's stream is open more than once.
      `export function ${pair}(first${annotate(context, 'string')}, second${annotate(context, 'string')}) {`,
      `  return [${name}(first), ${name}(second)];`,
      '}',
      '',
    ];
  },
};

/** Which extensions each shape is written in: a component needs JSX, the others take any. */
const SHAPE_EXTENSIONS = {
  'map-per-row': ['.ts', '.js'],
  'for-of-per-item': ['.ts', '.js'],
  'opener-called-in-loop': ['.js', '.ts'],
  'component-rendered-per-item': ['.tsx', '.jsx'],
  hook: ['.ts', '.tsx', '.js', '.jsx'],
};

/** The text of one source file: header, blocks, and (for a stream file) the stream block among them. */
function sourceText(random, extension, depth, shape) {
  const context = createFileContext(random, extension);
  const lines = [];
  if (random.chance(0.4)) lines.push('/**', ` * ${capitalize(random.pick(VERBS))}s ${random.pick(NOUNS)}s for the ${random.pick(NOUNS)} screens.`, ' */');
  lines.push(...importsBlock(context, depth));
  const importsEnd = lines.length;
  const target = random.int(MIN_LINES, MAX_LINES);
  const nextBlock = blockChooser(context);
  const streamBlock = shape ? STREAM_BLOCKS[shape](context) : null;
  const streamAfter = random.int(0, Math.floor((target - lines.length) / 2));
  let streamPlaced = streamBlock === null;
  while (lines.length <= target || !streamPlaced) {
    const block = !streamPlaced && lines.length >= streamAfter ? streamBlock : nextBlock();
    if (lines.length + block.length > MAX_LINES && lines.length >= MIN_LINES && block !== streamBlock) {
      if (streamPlaced) break;
      continue;
    }
    if (block === streamBlock) streamPlaced = true;
    lines.push(...block);
  }
  // Hooks outside a JSX file still come from React.
  if (context.usesHooks && !context.jsx) lines.splice(importsEnd - 1, 0, `import { useEffect, useState } from 'react';`);
  return lines.join('\n');
}

/** Nested directories of an application: `src/<area>/<topic>/…` and a few workspace packages. */
function directoryTree(random, count) {
  const directories = new Set();
  while (directories.size < count) {
    const root = random.chance(0.8) ? 'src' : `packages/${random.pick(NOUNS)}-${random.pick(['core', 'ui', 'sdk'])}/src`;
    const segments = [root, random.pick(AREAS)];
    for (let depth = random.int(0, 3); depth > 0; depth -= 1) segments.push(random.pick([...NOUNS, 'internal', 'components', 'hooks', '__helpers__']));
    directories.add(segments.join('/'));
  }
  return [...directories].sort();
}

/** Compiled or vendored code with streams: a run that entered it would change it. */
function vendoredText(random, index) {
  const noun = random.pick(NOUNS);
  return [
    `// ${index}: generated file, do not edit.`,
    `export function open${pascal(noun)}Streams(ids) {`,
    `  return ids.map((id) => new EventSource('/${noun}/' + id));`,
    '}',
    '',
  ].join('\n');
}

/** Lines as an editor numbers them: a final newline ends the last line rather than starting one. */
function countLines(text) {
  let lines = text.length > 0 && !text.endsWith('\n') ? 1 : 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) lines += 1;
  return lines;
}

/**
 * Writes the repository under `root` (created if needed; existing files of the same names are
 * overwritten) and describes it.
 * @param {string} root
 * @param {{ files?: number, streamFiles?: number, seed?: number }} [options]
 *   `files`: source files outside `dist/` and `node_modules/` (default 5,000);
 *   `streamFiles`: how many of them open streams (default 1% of `files`).
 * @returns {{
 *   root: string, seed: number, files: number, bytes: number, lines: number,
 *   byExtension: Record<string, number>,
 *   streamFiles: { path: string, shape: string, openings: number }[],
 *   ignored: { dist: { files: number, bytes: number }, nodeModules: { files: number, bytes: number } },
 *   paths: { sources: string[], dist: string[], nodeModules: string[] },
 * }}
 */
export function generateRepository(root, { files = 5_000, streamFiles = Math.round(files / 100), seed = 1 } = {}) {
  if (!Number.isInteger(files) || files < 1) throw new RangeError(`files must be a positive integer, got ${files}`);
  if (!Number.isInteger(streamFiles) || streamFiles < 0 || streamFiles > files) {
    throw new RangeError(`streamFiles must be an integer between 0 and ${files}, got ${streamFiles}`);
  }
  const random = createRandom(seed);
  const directories = directoryTree(random, Math.max(1, Math.ceil(files / 12)));
  const streamIndices = new Set(random.shuffle(Array.from({ length: files }, (_, index) => index)).slice(0, streamFiles));
  const written = new Set();
  const write = (relative, text) => {
    const absolute = path.join(root, relative);
    mkdirSync(path.dirname(absolute), { recursive: true });
    writeFileSync(absolute, text);
    written.add(relative);
    return Buffer.byteLength(text);
  };

  const summary = {
    root,
    seed,
    files,
    bytes: 0,
    lines: 0,
    byExtension: {},
    streamFiles: [],
    ignored: { dist: { files: 0, bytes: 0 }, nodeModules: { files: 0, bytes: 0 } },
    paths: { sources: [], dist: [], nodeModules: [] },
  };
  let streamCount = 0;
  for (let index = 0; index < files; index += 1) {
    const directory = random.pick(directories);
    const isStream = streamIndices.has(index);
    const shape = isStream ? STREAM_SHAPES[streamCount++ % STREAM_SHAPES.length] : null;
    const extension = shape ? random.pick(SHAPE_EXTENSIONS[shape]) : random.weighted(SOURCE_EXTENSIONS);
    const base = `${random.pick(NOUNS)}-${random.pick(FILE_ROLES)}`;
    let relative = `${directory}/${base}${extension}`;
    for (let counter = 2; written.has(relative); counter += 1) relative = `${directory}/${base}-${counter}${extension}`;
    // Relative imports climb to `src/`; the depth below it sets how many `../`.
    const depth = directory.split('/').length - directory.split('/').indexOf('src') - 1;
    const text = sourceText(random, extension, depth, shape);
    summary.bytes += write(relative, text);
    summary.lines += countLines(text);
    summary.byExtension[extension] = (summary.byExtension[extension] ?? 0) + 1;
    summary.paths.sources.push(relative);
    if (shape) summary.streamFiles.push({ path: relative, shape, openings: 1 });
  }

  write('.gitignore', '# Build output: never converted.\ndist/\n*.log\n');
  write('package.json', `${JSON.stringify({ name: 'generated-app', private: true, type: 'module' }, null, 2)}\n`);
  for (let index = 0; index < Math.max(5, Math.round(files / 100)); index += 1) {
    const relative = `dist/assets/chunk-${index}.js`;
    summary.ignored.dist.bytes += write(relative, vendoredText(random, index));
    summary.ignored.dist.files += 1;
    summary.paths.dist.push(relative);
  }
  for (let index = 0; index < Math.max(5, Math.round(files / 250)); index += 1) {
    const packageName = `live-${random.pick(NOUNS)}-${index}`;
    write(`node_modules/${packageName}/package.json`, `${JSON.stringify({ name: packageName, type: 'module', main: 'index.js' })}\n`);
    const relative = `node_modules/${packageName}/index.js`;
    summary.ignored.nodeModules.bytes += write(relative, vendoredText(random, index));
    summary.ignored.nodeModules.files += 1;
    summary.paths.nodeModules.push(relative);
  }
  return summary;
}

function parseCommandLine(argv) {
  const [root, ...rest] = argv;
  if (!root || root.startsWith('--')) throw new Error('usage: generate-repository.js <directory> [--files N] [--stream-files K] [--seed S]');
  const options = {};
  const names = { '--files': 'files', '--stream-files': 'streamFiles', '--seed': 'seed' };
  for (let index = 0; index < rest.length; index += 2) {
    const name = names[rest[index]];
    if (!name) throw new Error(`unknown option ${rest[index]}`);
    options[name] = Number(rest[index + 1]);
  }
  return { root: path.resolve(root), options };
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) {
  const { root, options } = parseCommandLine(process.argv.slice(2));
  const { paths: _paths, streamFiles, ...summary } = generateRepository(root, options);
  console.log(JSON.stringify({ ...summary, streamFiles: streamFiles.length }, null, 2));
}
