import type { HubEnvironment } from './environment.js';

/**
 * A call made once, after a delay, unless cancelled first; starting it again while it waits
 * changes nothing. Two uses: lingering (an unused physical connection stays `lingerMs` before it
 * closes, so that a component that unmounts and mounts again, on a re-render or a route change,
 * reuses the stream instead of paying for a new connection and losing the events in between),
 * and batching (a delay of 0 gathers the changes made within one task into one request).
 */
export class DelayedCall {
  // Plain fields, not parameter properties: the codemod's `.ts` helper is this source, and
  // projects that compile with `erasableSyntaxOnly` refuse parameter properties.
  readonly #environment: HubEnvironment;
  readonly #milliseconds: number;
  readonly #call: () => void;
  #handle: unknown;

  constructor(environment: HubEnvironment, milliseconds: number, call: () => void) {
    this.#environment = environment;
    this.#milliseconds = milliseconds;
    this.#call = call;
  }

  /** Starts the delay unless it is already running. */
  start(): void {
    if (this.#handle !== undefined) return;
    this.#handle = this.#environment.setTimeout(() => {
      this.#handle = undefined;
      this.#call();
    }, this.#milliseconds);
  }

  cancel(): void {
    if (this.#handle === undefined) return;
    this.#environment.clearTimeout(this.#handle);
    this.#handle = undefined;
  }
}
