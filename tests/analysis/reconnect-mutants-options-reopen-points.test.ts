/**
 * Pins `reopen-points.ts` (issue 17, the mutants StrykerJS left alive there): which re-opens a
 * region performs (`reopenPointsIn`: only code that runs with the region, not functions it
 * defines; in source order whatever their kind) and the steps of a re-open (`reopenSteps`: the
 * call each function of the route makes to the next one, and no step where the file shows none).
 *
 * The region is `function onError`; functions are named by `functionName`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { describe, expect, it } from 'vitest';
import { reopenPointsIn, reopenSteps } from '../../src/analysis/reconnect/reopen-points.js';
import { functionName, isFunctionNode } from '../../src/analysis/functions.js';
import { getStreamOpeners } from '../../src/analysis/stream-openers.js';
import { getStreamOpenings } from '../../src/analysis/stream-sources.js';
import { analyse, find, parsers } from './probe.js';

function isOnError(node: TSESTree.Node): node is TSESTree.FunctionDeclaration {
  return node.type === 'FunctionDeclaration' && node.id?.name === 'onError';
}

interface Seen {
  points: { node: string; route: (string | null)[] }[];
  steps: { owner: string | null; node: string | undefined }[][];
}

/** The re-open points of `onError` and the steps of each, as text, under both parsers. */
function reopensOf(code: string): Seen[] {
  return parsers.map(([, parser]) =>
    analyse(parser, code, (sourceCode) => {
      const openings = getStreamOpenings(sourceCode);
      const openers = getStreamOpeners(sourceCode, openings);
      const region = find(sourceCode.ast, isOnError);
      const points = reopenPointsIn(region, openings, openers);
      const text = (node: TSESTree.Node | undefined) => (node ? sourceCode.getText(node) : undefined);
      const name = (node: TSESTree.Node) => (isFunctionNode(node) ? functionName(node) : null);
      return {
        points: points.map((point) => ({ node: sourceCode.getText(point.node), route: point.route.map(name) })),
        steps: points.map((point) =>
          reopenSteps(region, point, openers).map((step) => ({ owner: name(step.owner), node: text(step.node) })),
        ),
      };
    }),
  );
}

const both = (seen: Seen) => [seen, seen];

describe('reopenPointsIn', () => {
  it('leaves out openings and `new`s in functions that the region only defines', () => {
    // kills reopen-points.ts:73 'runsWithRegion(opening.node)' -> 'true' and :82 'runsWithRegion(site.node)' -> 'true'
    const code = `class Feed { constructor() { this.es = new EventSource('/feed'); } }
function onError() {
  button.onclick = () => new EventSource('/events');
  other.onclick = () => new Feed();
}`;
    expect(reopensOf(code)).toEqual(both({ points: [], steps: [] }));
  });

  it('lists openings, calls and `new`s in source order', () => {
    // kills reopen-points.ts:85 'points.sort(…)' -> 'points', the comparator -> '() => undefined' and '-' -> '+'
    const code = `class Feed { constructor() { this.es = new EventSource('/feed'); } }
function connect() { return new EventSource('/events'); }
function onError() {
  new Feed();
  connect();
  new EventSource('/other');
}`;
    expect(reopensOf(code)).toEqual(
      both({
        points: [
          { node: 'new Feed()', route: [] },
          { node: 'connect()', route: ['connect'] },
          { node: "new EventSource('/other')", route: [] },
        ],
        steps: [
          [{ owner: 'onError', node: 'new Feed()' }],
          [
            { owner: 'onError', node: 'connect()' },
            { owner: 'connect', node: "new EventSource('/events')" },
          ],
          [{ owner: 'onError', node: "new EventSource('/other')" }],
        ],
      }),
    );
  });
});

describe('reopenSteps', () => {
  it('takes, for each function of the route, its own call of the next one', () => {
    // kills reopen-points.ts:102 "site.target.fn === next && owningFunction(site.node) === fn" -> '||',
    // 'site.target.fn === next' -> 'true' and 'owningFunction(site.node) === fn' -> 'true'
    const code = `connect();
function connect() { return new EventSource('/events'); }
function other() { return new EventSource('/other'); }
function retry() { if (ready) other(); connect(); }
function onError() { retry(); }`;
    expect(reopensOf(code)[0]!.steps).toEqual([
      [
        { owner: 'onError', node: 'retry()' },
        { owner: 'retry', node: 'connect()' },
        { owner: 'connect', node: "new EventSource('/events')" },
      ],
    ]);
    expect(reopensOf(code)[0]!.points).toEqual([{ node: 'retry()', route: ['retry', 'connect'] }]);
  });

  it('leaves out the step of a function that reaches the next one through a class it constructs', () => {
    // kills reopen-points.ts:102 'point.leads?.get' -> 'point.leads.get' and :104 'node' -> 'true'
    // This pins today's steps: `make` has no call site of `connect` and no lead, so it gets no
    // step, and an attempt limit in `make` before its `new Feed()` goes unseen (a false report,
    // noted in issue 17). Should `make` get its `new Feed()` as a step, this expectation changes;
    // a step without a node must still never appear.
    const code = `class Feed {
  constructor() { this.connect(); }
  connect() { this.es = new EventSource('/feed'); }
}
function make() { return new Feed(); }
function onError() { make(); }`;
    expect(reopensOf(code)).toEqual(
      both({
        points: [{ node: 'make()', route: ['make', 'connect'] }],
        steps: [
          [
            { owner: 'onError', node: 'make()' },
            { owner: 'connect', node: "new EventSource('/feed')" },
          ],
        ],
      }),
    );
  });
});
