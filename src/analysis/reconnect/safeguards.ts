/**
 * The verdict on one re-open: which of the safeguards that make reconnecting safe it lacks.
 * A reconnect is bounded when it gives up after a limited number of attempts (see
 * `attempt-limit.ts`) and waits a growing, randomised delay between them (see
 * `delay-evidence.ts`): capped exponential backoff with full jitter.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { isDeferredByWrapper, skipTransparentParents } from '../functions.js';
import type { StreamOpeners } from '../stream-openers.js';
import { hasAttemptLimit } from './attempt-limit.js';
import { type DelayEvidence, findDelayEvidence } from './delay-evidence.js';
import { type ReopenPoint, type ReopenRegion, reopenSteps } from './reopen-points.js';
import { NO_SERVER_STOPS, type ServerStops } from './server-stops.js';

export interface SafeguardRequirements {
  attemptLimit: boolean;
  backoff: boolean;
  jitter: boolean;
}

export type MissingSafeguard = 'no attempt limit' | 'no growing delay' | 'no jitter';

/**
 * Where the schedule of a re-open is computed: the region that re-opens, and the functions it
 * passes through on the way to the opening, except the one that opens (`scheduleRetry()` is
 * schedule; the `connect()` it finally calls is the re-open itself).
 */
function scheduleRoots(region: ReopenRegion, points: readonly ReopenPoint[]): TSESTree.Node[] {
  const roots = new Set<TSESTree.Node>([region]);
  for (const point of points) {
    for (const fn of point.route.slice(0, -1)) roots.add(fn);
    // `debounce(reopen, () => Math.random() * delay)`: the wrapper's wait is the delay.
    for (const fn of point.route) {
      const wrapper = isDeferredByWrapper(fn) ? skipTransparentParents(fn).parent : null;
      if (wrapper?.type === 'CallExpression') for (const wait of wrapper.arguments.slice(1)) roots.add(wait);
    }
  }
  return [...roots];
}

export class ReopenVerdicts {
  #evidence: DelayEvidence | undefined;

  constructor(
    private readonly sourceCode: Readonly<TSESLint.SourceCode>,
    private readonly region: ReopenRegion,
    private readonly points: readonly ReopenPoint[],
    private readonly openers: StreamOpeners,
    private readonly requirements: SafeguardRequirements,
    private readonly stops: ServerStops = NO_SERVER_STOPS,
  ) {}

  /** The delay evidence is shared by every re-open of the region, so it is computed once, and only if asked. */
  #delayEvidence(): DelayEvidence {
    this.#evidence ??= findDelayEvidence(this.sourceCode, scheduleRoots(this.region, this.points), this.openers);
    return this.#evidence;
  }

  /** The required safeguards that `point` lacks, in a fixed order; empty when it is bounded. */
  missing(point: ReopenPoint): MissingSafeguard[] {
    const missing: MissingSafeguard[] = [];
    if (this.requirements.attemptLimit && !hasAttemptLimit(this.sourceCode, reopenSteps(this.region, point, this.openers), this.stops)) {
      missing.push('no attempt limit');
    }
    if (this.requirements.backoff && !this.#delayEvidence().grows) missing.push('no growing delay');
    if (this.requirements.jitter && !this.#delayEvidence().jittered) missing.push('no jitter');
    return missing;
  }
}
