import type { SubscriberStatus } from './shared-event-source.js';

/**
 * What a page can show about its live data: `idle` with no subscriber, else the worst state
 * any subscriber is in. `waiting` means a stream used up its reconnect attempts and waits for
 * the browser to come back online or the tab to become visible ("offline, will retry");
 * `reconnecting` that a stream failed and is being retried; `connecting` that a stream has not
 * opened yet.
 */
export type HubState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'waiting';

export interface HubStatus {
  state: HubState;
  /** This hub's attached subscribers (facades and `subscribe` calls), by status. */
  subscribers: Record<Exclude<SubscriberStatus, 'closed'>, number>;
}

export type HubStatusListener = (status: HubStatus) => void;

/** Worst first: the state a page shows is the first one any subscriber is in. */
const SEVERITY: Exclude<HubState, 'idle'>[] = ['waiting', 'reconnecting', 'connecting', 'open'];

/**
 * Counts subscribers by status as their facades report changes, and tells listeners when the
 * page-level state changes (not on every count change: a page with 200 rows opening one by one
 * would otherwise re-render its banner 200 times).
 */
export class HubStatusTracker {
  readonly #counts = { connecting: 0, open: 0, reconnecting: 0, waiting: 0 };
  readonly #listeners = new Set<HubStatusListener>();
  #state: HubState = 'idle';

  /** A new facade starts out `connecting`. */
  added(): void {
    this.#counts.connecting++;
    this.#update();
  }

  changed(previous: SubscriberStatus, next: SubscriberStatus): void {
    if (previous !== 'closed') this.#counts[previous]--;
    if (next !== 'closed') this.#counts[next]++;
    this.#update();
  }

  status(): HubStatus {
    return { state: this.#state, subscribers: { ...this.#counts } };
  }

  listen(listener: HubStatusListener): () => void {
    // A wrapper per call, so the same function listening twice is two listeners, as its two unsubscribes expect.
    const entry: HubStatusListener = (status) => listener(status);
    this.#listeners.add(entry);
    return () => void this.#listeners.delete(entry);
  }

  #update(): void {
    const state = SEVERITY.find((candidate) => this.#counts[candidate] > 0) ?? 'idle';
    if (state === this.#state) return;
    this.#state = state;
    const status = this.status();
    for (const listener of [...this.#listeners]) {
      try {
        listener(status);
      } catch (error) {
        // The listener is the app's code: its error is reported, and the hub goes on.
        queueMicrotask(() => {
          throw error;
        });
      }
    }
  }
}
