/**
 * The in-process history of published topics, for resuming with `Last-Event-ID`. Both
 * dimensions are bounded: each topic keeps its newest `eventsPerTopic` entries, and at most
 * `topics` topics are kept, the one published to longest ago going first.
 */
import type { PublishedEntry } from './backplane.js';

export interface ReplayBounds {
  eventsPerTopic: number;
  topics: number;
}

export class ReplayBuffer {
  readonly #bounds: ReplayBounds;
  /** Map order is recency: a topic is re-inserted on each publish, so the first key is the stalest. */
  readonly #histories = new Map<string, PublishedEntry[]>();

  constructor(bounds: ReplayBounds) {
    this.#bounds = bounds;
  }

  append(topic: string, entry: PublishedEntry): void {
    const history = this.#histories.get(topic) ?? [];
    this.#histories.delete(topic);
    history.push(entry);
    // One entry over the bound at a time, so a shift is enough (no O(n) splice of a long tail).
    if (history.length > this.#bounds.eventsPerTopic) history.shift();
    this.#histories.set(topic, history);
    if (this.#histories.size > this.#bounds.topics) {
      const stalest = this.#histories.keys().next().value;
      if (stalest !== undefined) this.#histories.delete(stalest);
    }
  }

  /** See `Backplane#replay`. */
  after(topic: string, lastEventId: string): PublishedEntry[] {
    const history = this.#histories.get(topic) ?? [];
    for (let index = history.length - 1; index >= 0; index -= 1) {
      if (history[index]?.event.id === lastEventId) return history.slice(index + 1);
    }
    return [...history];
  }
}
