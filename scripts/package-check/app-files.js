/**
 * The small app each fresh project holds, in JavaScript and in TypeScript, and what the
 * `recommended` config must report on it: a stream per item of a `for...of` loop, a React
 * component that opens a stream per instance and is rendered per item of a `.map()`, and one
 * shared feed that is opened once and closed, which must stay quiet.
 *
 * A finding is written `rule file:line`; the checks compare the whole set, so a missing and an
 * unexpected finding both fail.
 */

const ROWS_JS = `export function watchRows(ids, onRow) {
  const sources = [];
  for (const id of ids) {
    const source = new EventSource('/rows/' + id);
    source.onmessage = (event) => onRow(id, event.data);
    sources.push(source);
  }
  return () => sources.forEach((source) => source.close());
}
`;

const TABLE_JSX = `import { useEffect, useState } from 'react';

function Row({ id }) {
  const [value, setValue] = useState('');
  useEffect(() => {
    const source = new EventSource(\`/items/\${id}/events\`);
    source.onmessage = (event) => setValue(event.data);
    return () => source.close();
  }, [id]);
  return <li>{value}</li>;
}

export function Table({ ids }) {
  return <ul>{ids.map((id) => <Row key={id} id={id} />)}</ul>;
}
`;

const FEED_JS = `export function openFeed(onEvent) {
  const source = new EventSource('/feed');
  source.onmessage = (event) => onEvent(event.data);
  return () => source.close();
}
`;

const ROWS_TS = `export function watchRows(ids: readonly string[], onRow: (id: string, data: string) => void): () => void {
  const sources: EventSource[] = [];
  for (const id of ids) {
    const source = new EventSource('/rows/' + id);
    source.onmessage = (event: MessageEvent<string>) => onRow(id, event.data);
    sources.push(source);
  }
  return () => sources.forEach((source) => source.close());
}
`;

const TABLE_TSX = `import { useEffect, useState } from 'react';

function Row({ id }: { id: string }) {
  const [value, setValue] = useState('');
  useEffect(() => {
    const source = new EventSource(\`/items/\${id}/events\`);
    source.onmessage = (event: MessageEvent<string>) => setValue(event.data);
    return () => source.close();
  }, [id]);
  return <li>{value}</li>;
}

export function Table({ ids }: { ids: readonly string[] }) {
  return <ul>{ids.map((id) => <Row key={id} id={id} />)}</ul>;
}
`;

const FEED_TS = `export function openFeed(onEvent: (data: string) => void): () => void {
  const source = new EventSource('/feed');
  source.onmessage = (event: MessageEvent<string>) => onEvent(event.data);
  return () => source.close();
}
`;

export const JAVASCRIPT_APP = { 'src/rows.js': ROWS_JS, 'src/table.jsx': TABLE_JSX, 'src/feed.js': FEED_JS };
export const TYPESCRIPT_APP = { 'src/rows.ts': ROWS_TS, 'src/table.tsx': TABLE_TSX, 'src/feed.ts': FEED_TS };

/** What `recommended` reports on JAVASCRIPT_APP, under ESLint 9 and 10 alike. */
export const JAVASCRIPT_FINDINGS = [
  'sse/no-eventsource-in-loop src/rows.js:4',
  'sse/no-eventsource-per-item src/table.jsx:6',
  'sse/no-eventsource-per-item src/table.jsx:14',
];

/** What `recommended` reports on TYPESCRIPT_APP, read by typescript-eslint's parser. */
export const TYPESCRIPT_FINDINGS = [
  'sse/no-eventsource-in-loop src/rows.ts:4',
  'sse/no-eventsource-per-item src/table.tsx:6',
  'sse/no-eventsource-per-item src/table.tsx:14',
];
