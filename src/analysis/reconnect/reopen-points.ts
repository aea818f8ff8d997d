/**
 * Where a piece of code opens a stream again when it runs: a stream opening inside it, a call
 * of a function that opens one (`connect()`, `this.connect()`, `setTimeout(connect, d)`), or a
 * `new` of a class whose constructor opens one. Callbacks it sets running inline count
 * (`setTimeout(() => …)`, `.then(() => …)`); functions it merely defines do not
 * (`button.onclick = () => connect()` waits for a person).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import type { FunctionNode } from '../functions.js';
import { type StreamOpeners, owningFunction } from '../stream-openers.js';
import type { StreamOpening } from '../stream-sources.js';
import { indirectReopenPoints } from './indirect-reopens.js';
import { contains } from './walk.js';

/**
 * Code that runs on a failure: a handler function, the `catch` clause around an awaited
 * opening, or a loop that opens again each time the stream it awaits ends.
 */
export type ReopenRegion = FunctionNode | TSESTree.CatchClause | ReopenLoop;

export type ReopenLoop = TSESTree.WhileStatement | TSESTree.DoWhileStatement | TSESTree.ForStatement;

export interface ReopenPoint {
  /** The opening, or the call (or function reference) that leads to one. */
  node: TSESTree.Node;
  opening: StreamOpening;
  /** The functions entered between `node` and the opening, in call order; empty for a direct opening. */
  route: readonly FunctionNode[];
  /**
   * For functions of the route that lead on through a name holding the next one
   * (`stream.connect()`), which the opener index has no call site for: the node that does.
   */
  leads?: ReadonlyMap<FunctionNode, TSESTree.Node>;
}

/**
 * The items of `sorted` (in source order) whose node starts inside `region`, found by binary
 * search: a file with thousands of streams and handlers would otherwise compare every
 * handler with every stream.
 */
function startingWithin<T extends { node: TSESTree.Node }>(sorted: readonly T[], region: ReopenRegion): T[] {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (sorted[middle]!.node.range[0] < region.range[0]) low = middle + 1;
    else high = middle;
  }
  const found: T[] = [];
  for (let index = low; index < sorted.length && sorted[index]!.node.range[0] < region.range[1]; index++) {
    found.push(sorted[index]!);
  }
  return found;
}

/**
 * Every re-open that running `region` performs, in source order. With `sourceCode`, also those
 * through names that hold an opener (`indirect-reopens.ts`).
 */
export function reopenPointsIn(
  region: ReopenRegion,
  openings: readonly StreamOpening[],
  openers: StreamOpeners,
  sourceCode?: Readonly<TSESLint.SourceCode>,
): ReopenPoint[] {
  // Code of `region` belongs to whatever owns its body: the region itself, or, for an inline
  // callback such as `addEventListener('error', () => …)` or a `catch` clause, the function around it.
  const owner = owningFunction(region.body);
  const runsWithRegion = (node: TSESTree.Node): boolean => contains(region, node) && owningFunction(node) === owner;
  const points: ReopenPoint[] = [];
  // Openings and sites come sorted by position (`getStreamOpenings`, `getStreamOpeners`).
  for (const opening of startingWithin(openings, region)) {
    if (runsWithRegion(opening.node)) points.push({ node: opening.node, opening, route: [] });
  }
  for (const site of startingWithin(openers.callSites, region)) {
    if (runsWithRegion(site.node)) {
      points.push({ node: site.node, opening: site.target.opening, route: [site.target.fn, ...site.target.via] });
    }
  }
  // `new LiveFeed(url)` of a class whose constructor opens a stream re-opens too.
  for (const site of startingWithin(openers.constructionSites, region)) {
    if (runsWithRegion(site.node)) points.push({ node: site.node, opening: site.target.opening, route: [] });
  }
  if (sourceCode) points.push(...indirectReopenPoints(sourceCode, region, openers, new Set(points.map((point) => point.node))));
  return points.sort((a, b) => a.node.range[0] - b.node.range[0]);
}

/**
 * The steps of a re-open, each as the function it happens in and the node there that leads
 * on: the region and the point, then each function of the route and the call (or, last, the
 * opening) it makes.
 */
export function reopenSteps(
  region: ReopenRegion,
  point: ReopenPoint,
  openers: StreamOpeners,
): { owner: ReopenRegion; node: TSESTree.Node }[] {
  const steps: { owner: ReopenRegion; node: TSESTree.Node }[] = [{ owner: region, node: point.node }];
  point.route.forEach((fn, index) => {
    const next = point.route[index + 1];
    const node = next
      ? (openers.callSites.find((site) => site.target.fn === next && owningFunction(site.node) === fn)?.node ?? point.leads?.get(fn))
      : lastStepIn(fn, point.opening, openers);
    if (node) steps.push({ owner: fn, node });
  });
  return steps;
}

/**
 * Where the last function of a route opens the stream: the opening itself, or, when a class's
 * constructor opens it (`new Feed(url)`), the `new` in the function. Steps are checked against
 * the code of their function, and an opening elsewhere would leave a limit there unseen. The
 * `new` is looked for first: a class declared inside the function has its opening inside it
 * too, but that opening runs when the `new` does, after whatever comes between them.
 */
function lastStepIn(fn: FunctionNode, opening: StreamOpening, openers: StreamOpeners): TSESTree.Node {
  const construction = openers.constructionSites.find((site) => site.target.opening === opening && owningFunction(site.node) === fn);
  return construction?.node ?? opening.node;
}
