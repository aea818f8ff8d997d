/**
 * How many of each stream can be open at once, and why: each multiplicity the report knows,
 * read through `collectFileSites` on one file, as the report reads a project.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFileSites } from '../../src/report/collect-sites.js';
import { hubModules } from '../../src/report/hub-modules.js';

/** `line:column kind ×places reason` for each site of the file. */
function multiplicities(text: string, file = 'src/app.tsx'): string[] {
  const collection = collectFileSites({ file: path.resolve('/project', file), reportPath: file, text }, hubModules(null, null));
  if (!collection.ok) throw new Error(collection.error);
  return collection.sites.map(({ line, column, multiplicity }) => `${line}:${column} ${multiplicity.kind} ×${multiplicity.places} ${multiplicity.reason}`);
}

describe('once per app', () => {
  it('counts a stream opened at module level once', () => {
    expect(multiplicities("export const feed = new EventSource('/feed');")).toEqual(['1:21 once ×1 module level']);
  });

  it('counts a module-level stream opened in a one-shot callback once', () => {
    // setTimeout runs its callback once where it stands: still module level.
    expect(multiplicities("setTimeout(() => new EventSource('/feed'), 10);")).toEqual(['1:18 once ×1 module level']);
  });

  it('counts a lazily shared singleton once', () => {
    const text = ['let feed;', 'export function getFeed() {', "  feed ??= new EventSource('/feed');", '  return feed;', '}'].join('\n');
    expect(multiplicities(text)).toEqual(['3:12 once ×1 kept in `feed` at module level']);
  });

  it('counts a stream opened by a context provider once', () => {
    const text = [
      'export function FeedProvider({ children }) {',
      "  const [feed] = useState(() => new EventSource('/feed'));",
      '  return <FeedContext.Provider value={feed}>{children}</FeedContext.Provider>;',
      '}',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['2:33 once ×1 provider `FeedProvider`, mounted once']);
  });

  it('counts a static class field once', () => {
    expect(multiplicities("class Feeds { static main = new EventSource('/feed'); }", 'src/feeds.ts')).toEqual(['1:29 once ×1 module level']);
  });
});

describe('per component instance', () => {
  const badge = [
    'function Badge() {',
    '  useEffect(() => {',
    "    const source = new EventSource('/notifications');",
    '    return () => source.close();',
    '  }, []);',
    '  return <span />;',
    '}',
  ];

  it('counts the places in the file that render the component', () => {
    const text = [...badge, 'export const Header = () => <nav><Badge /><Badge /><Badge /></nav>;'].join('\n');
    expect(multiplicities(text)).toEqual(['3:20 per-instance ×3 component `Badge`, rendered in 3 places']);
  });

  it('counts a component rendered nowhere in its file once', () => {
    const text = ['export ' + badge[0], ...badge.slice(1)].join('\n');
    expect(multiplicities(text)).toEqual(['3:20 per-instance ×1 component `Badge`, not rendered in this file: counted once']);
  });

  it('counts the calls of a hook', () => {
    const text = [
      'function useFeed() {',
      '  useEffect(() => {',
      "    const source = new EventSource('/feed');",
      '    return () => source.close();',
      '  }, []);',
      '}',
      'export function Page() { useFeed(); useFeed(); return <main />; }',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['3:20 per-instance ×2 hook `useFeed`, called in 2 places']);
  });

  it('follows the file\'s own functions from the opening to the hook that calls them', () => {
    const text = [
      'function connect(id) {',
      '  return new EventSource(`/jobs/${id}`);',
      '}',
      'export function useJob(id) {',
      '  useEffect(() => {',
      '    const source = connect(id);',
      '    return () => source.close();',
      '  }, [id]);',
      '}',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['2:10 per-instance ×1 hook `useJob` (through `connect()`), not called in this file: counted once']);
  });

  it('follows a class constructed in a component to the component', () => {
    const text = [
      'class JobFeed {',
      '  constructor(id) { this.source = new EventSource(`/jobs/${id}`); }',
      '}',
      'function Job({ id }) {',
      '  useEffect(() => { const feed = new JobFeed(id); return () => feed.source.close(); }, [id]);',
      '  return <p />;',
      '}',
      'export const Page = () => <><Job id="1" /><Job id="2" /></>;',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['2:35 per-instance ×2 component `Job` (through `new JobFeed()`), rendered in 2 places']);
  });

  it('counts a class component per instance', () => {
    const text = [
      'export class Feed extends React.Component {',
      "  componentDidMount() { this.source = new EventSource('/feed'); }",
      '  render() { return <div />; }',
      '}',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['2:39 per-instance ×1 component `Feed`, not rendered in this file: counted once']);
  });
});

describe('per item', () => {
  it('counts a stream opened in a loop per item', () => {
    expect(multiplicities('for (const id of ids) new EventSource(`/rows/${id}`);', 'src/rows.js')).toEqual([
      '1:23 per-item ×1 opened in a `for...of` loop',
    ]);
  });

  it('counts a stream opened in a function called per item', () => {
    const text = ['function open(id) {', '  return new EventSource(`/rows/${id}`);', '}', 'export const all = ids.map((id) => open(id));'].join('\n');
    expect(multiplicities(text, 'src/rows.js')).toEqual(['2:10 per-item ×1 called per item (line 4)']);
  });

  it('counts a stream opened by a class constructed per item', () => {
    const text = [
      'class RowFeed {',
      '  constructor(id) { this.source = new EventSource(`/rows/${id}`); }',
      '}',
      'export const feeds = ids.map((id) => new RowFeed(id));',
    ].join('\n');
    expect(multiplicities(text, 'src/rows.js')).toEqual(['2:35 per-item ×1 constructed per item (line 4)']);
  });

  it('counts a component rendered in a map() per item, even where the rule is disabled', () => {
    const text = [
      'function Row({ id }) {',
      '  useEffect(() => {',
      "    const source = new EventSource('/rows/' + id);",
      '    return () => source.close();',
      '  }, [id]);',
      '  return <li />;',
      '}',
      // A silenced report still opens a connection per row.
      '// eslint-disable-next-line sse/no-eventsource-per-item',
      'export const Rows = ({ ids }) => <ul>{ids.map((id) => <Row key={id} id={id} />)}</ul>;',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['3:20 per-item ×1 `<Row>` rendered per item (line 9)']);
  });
});

describe('per item, through a hook', () => {
  it('names no hook as the component rendered per item', () => {
    const text = [
      'function useRowFeed(id) {',
      '  useEffect(() => {',
      '    const source = new EventSource(`/rows/${id}`);',
      '    return () => source.close();',
      '  }, [id]);',
      '}',
      'function Row({ id }) { useRowFeed(id); return <li />; }',
      'export const Rows = ({ ids }) => <ul>{ids.map((id) => <Row key={id} id={id} />)}</ul>;',
    ].join('\n');
    expect(multiplicities(text)).toEqual(['3:20 per-item ×1 its component rendered per item (line 8)']);
  });
});

describe('per key', () => {
  it('counts a stream stored under a key per key', () => {
    const text = [
      'const streams = new Map();',
      'export function watch(symbol) {',
      '  streams.set(symbol, new EventSource(`/prices/${symbol}`));',
      '}',
    ].join('\n');
    expect(multiplicities(text, 'src/prices.js')).toEqual(['3:23 per-key ×1 stored per key: `streams.set(symbol, …)`']);
  });
});

describe('per call', () => {
  it('counts a stream opened by a plain function once per call', () => {
    expect(multiplicities('export function connect(url) { return new EventSource(url); }', 'src/connect.js')).toEqual([
      '1:39 per-call ×1 each call of `connect()`',
    ]);
  });

  it('counts a stream opened by a class per instance of the class', () => {
    const text = ['export class Feed {', "  source = new EventSource('/feed');", '}'].join('\n');
    expect(multiplicities(text, 'src/feed.js')).toEqual(['2:12 per-call ×1 each `new Feed()`']);
  });

  it('names an anonymous function by its line', () => {
    expect(multiplicities("button.onclick = function () { new EventSource('/feed'); };", 'src/button.js')).toEqual([
      '1:32 per-call ×1 each call of the function at line 1',
    ]);
  });
});
