/**
 * Pins `streamOpeningsByUrl` and `areConcurrent` (src/analysis/stream-openings-by-url.ts), so that
 * the mutants StrykerJS left alive there fail a test (issue 17): the index is computed once per
 * file and set of options and apart for other options, each opening's consumer is worked out
 * once, and two openings of one URL are concurrent unless one replaces the other under a shared
 * holder or the file renders their components only in exclusive branches.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { type UrlOpening, areConcurrent, streamOpeningsByUrl } from '../../src/analysis/stream-openings-by-url.js';
import { type StreamWrapper, getStreamOpenings } from '../../src/analysis/stream-sources.js';
import type { ImportResolver } from '../../src/analysis/stream-urls.js';
import { type SourceCode, analyse, find, parsers } from './probe.js';

const FILE = 'src/feed.jsx';
const WRAPPERS: readonly StreamWrapper[] = [{ module: './live', export: 'openLive' }];

/** The index as `text: line, line` per URL, in insertion order. */
function describeIndex(index: ReadonlyMap<string, readonly UrlOpening[]>): string[] {
  return [...index.values()].map((openings) => `${openings[0]!.url.text}: ${openings.map((o) => o.opening.node.loc.start.line).join(', ')}`);
}

/** `areConcurrent` for every ordered pair of the openings of the file's only URL, as `line-line`. */
function concurrentPairs(sourceCode: SourceCode): string[] {
  const [openings, ...others] = [...streamOpeningsByUrl(sourceCode, { fileName: FILE }).values()];
  if (!openings || others.length > 0) throw new Error('the code must open exactly one URL');
  const pairs: string[] = [];
  for (const a of openings) {
    for (const b of openings) {
      if (a !== b && areConcurrent(sourceCode, a, b)) pairs.push(`${a.opening.node.loc.start.line}-${b.opening.node.loc.start.line}`);
    }
  }
  return pairs;
}

describe.each(parsers)('streamOpeningsByUrl (%s)', (_name, parser) => {
  it('computes the index once per file and set of options', () => {
    const code = `import { openLive } from './live';\nopenLive('/a');\nnew EventSource('/b');`;
    const verdicts = analyse(parser, code, (sourceCode) => {
      const first = streamOpeningsByUrl(sourceCode, { fileName: FILE });
      const entry = first.get([...first.keys()][0]!)![0]!;
      return {
        // kills stream-openings-by-url.ts:80 '!byOptions' -> 'true', 85 '!index' -> 'true'
        again: streamOpeningsByUrl(sourceCode, { fileName: FILE }) === first,
        // kills stream-openings-by-url.ts:78 the `[]` after '??' -> '["Stryker was here"]'
        emptyWrappers: streamOpeningsByUrl(sourceCode, { fileName: FILE, wrappers: [] }) === first,
        // kills stream-openings-by-url.ts:59 '[]' -> '["Stryker was here"]'
        sameOpening: entry.opening === getStreamOpenings(sourceCode)[0],
        // kills stream-openings-by-url.ts:41 'this.#consumer === undefined' -> 'true'
        sameConsumer: entry.consumer === entry.consumer,
        consumer: entry.consumer?.label,
      };
    });
    expect(verdicts).toEqual({ again: true, emptyWrappers: true, sameOpening: true, sameConsumer: true, consumer: 'module scope' });
  });

  it('computes another index for other wrappers', () => {
    const code = `import { openLive } from './live';\nopenLive('/a');\nnew EventSource('/b');`;
    const [without, withWrappers] = analyse(parser, code, (sourceCode) => [
      describeIndex(streamOpeningsByUrl(sourceCode, { fileName: FILE, wrappers: [] })),
      describeIndex(streamOpeningsByUrl(sourceCode, { fileName: FILE, wrappers: WRAPPERS })),
    ]);
    // kills stream-openings-by-url.ts:78 the key array -> '[]', and 'options.wrappers ?? []' -> 'options.wrappers && []'
    expect({ without, withWrappers }).toEqual({ without: ['/b: 3'], withWrappers: ['/a: 2', '/b: 3'] });
  });

  it('computes another index with an import resolver than without', () => {
    const code = `import { FEED } from './urls';\nconst LOCAL = '/local';\nnew EventSource(FEED);`;
    const [without, withResolver, withoutAgain] = analyse(parser, code, (sourceCode) => {
      const declarator = find(sourceCode.ast, (node): node is TSESTree.VariableDeclarator => node.type === 'VariableDeclarator');
      const resolveImport: ImportResolver = (file, identifier) =>
        identifier.name === 'FEED' ? { sourceCode: file, fileName: 'src/urls.js', declarator } : null;
      return [
        describeIndex(streamOpeningsByUrl(sourceCode, { fileName: FILE })),
        describeIndex(streamOpeningsByUrl(sourceCode, { fileName: FILE, resolveImport })),
        describeIndex(streamOpeningsByUrl(sourceCode, { fileName: FILE, resolveImport: undefined })),
      ];
    });
    // kills stream-openings-by-url.ts:78 'options.resolveImport !== undefined' -> 'true' and -> 'false'
    expect({ without, withResolver, withoutAgain }).toEqual({ without: ['{FEED}: 3'], withResolver: ['/local: 3'], withoutAgain: ['{FEED}: 3'] });
  });
});

describe.each(parsers)('areConcurrent (%s)', (_name, parser) => {
  const pairs = (code: string) => analyse(parser, code, concurrentPairs);

  it('takes a stream held nowhere as concurrent with one held in a variable of the same component', () => {
    // kills stream-openings-by-url.ts:96 "first.kind === 'held' && second.kind === 'held'" -> 'true', '&&' -> '||',
    // "first.kind === 'held'" -> 'true', "second.kind === 'held'" -> 'true'
    const code = `export function Feed() {
  useEffect(() => {
    const source = new EventSource('/x');
    new EventSource('/x');
    return () => source.close();
  }, []);
  return <ul />;
}`;
    expect(pairs(code)).toEqual(['3-4', '4-3']);
  });

  it('takes a re-opening into a ref the first stream is also kept in as replacing it', () => {
    // kills stream-openings-by-url.ts:96 'first.paths.some(…)' -> 'first.paths.every(…)'
    const code = `export function Feed({ online }) {
  const ref = useRef(null);
  useEffect(() => {
    const first = new EventSource('/x');
    ref.current = first;
    return () => ref.current.close();
  }, []);
  useEffect(() => {
    if (!online) return;
    ref.current.close();
    ref.current = new EventSource('/x');
  }, [online]);
  return <ul />;
}`;
    expect(pairs(code)).toEqual([]);
  });

  const COMPONENTS = `function Live() {
  useEffect(() => {
    const source = new EventSource('/x');
    return () => source.close();
  }, []);
  return <ul />;
}
function Compact() {
  useEffect(() => {
    const source = new EventSource('/x');
    return () => source.close();
  }, []);
  return <ol />;
}
`;

  it('takes the streams of two components as concurrent when the file renders only one of them', () => {
    // kills stream-openings-by-url.ts:109 'sitesA.length > 0' -> 'true', '> 0' -> '>= 0', '&&' -> '||',
    // 110 'sitesB.length > 0' -> 'true', '> 0' -> '>= 0'
    expect(pairs(`${COMPONENTS}export const Page = () => <Compact />;`)).toEqual(['3-10', '10-3']);
    expect(pairs(`${COMPONENTS}export const Page = ({ c }) => (c ? <Compact /> : <Live />);`)).toEqual([]);
  });

  it('takes them as concurrent when one is also rendered outside the exclusive branches', () => {
    // kills stream-openings-by-url.ts:111 'sitesA.every(…)' -> 'sitesA.some(…)', and 'sitesB.every(…)' -> 'sitesB.some(…)'
    const code = `${COMPONENTS}export const Page = ({ c }) => (
  <div>
    {c ? <Compact /> : <Live />}
    <Live />
  </div>
);`;
    expect(pairs(code)).toEqual(['3-10', '10-3']);
  });

  it('takes the streams of two Vue options components as concurrent', () => {
    // kills stream-openings-by-url.ts:103 "unit && unit.kind !== 'hook'" -> 'true', and '&&' -> '||'
    const code = `export const Live = {
  mounted() { this.source = new EventSource('/x'); },
  beforeUnmount() { this.source.close(); },
};
export const Compact = {
  mounted() { this.source = new EventSource('/x'); },
  beforeUnmount() { this.source.close(); },
};`;
    expect(pairs(code)).toEqual(['2-6', '6-2']);
  });
});
