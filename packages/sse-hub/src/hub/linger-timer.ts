import type { HubEnvironment } from './environment.js';

/**
 * Keeps an unused physical connection for a short while before closing it, so that a
 * component that unmounts and mounts again (a re-render, a route change) reuses the stream
 * instead of paying for a new connection and losing the events in between.
 */
export class LingerTimer {
  // Plain fields, not parameter properties: the codemod's `.ts` helper is this source, and
  // projects that compile with `erasableSyntaxOnly` refuse parameter properties.
  readonly #environment: HubEnvironment;
  readonly #milliseconds: number;
  readonly #onExpired: () => void;
  #handle: unknown;

  constructor(environment: HubEnvironment, milliseconds: number, onExpired: () => void) {
    this.#environment = environment;
    this.#milliseconds = milliseconds;
    this.#onExpired = onExpired;
  }

  /** Starts the countdown unless it is already running. */
  start(): void {
    if (this.#handle !== undefined) return;
    this.#handle = this.#environment.setTimeout(() => {
      this.#handle = undefined;
      this.#onExpired();
    }, this.#milliseconds);
  }

  cancel(): void {
    if (this.#handle === undefined) return;
    this.#environment.clearTimeout(this.#handle);
    this.#handle = undefined;
  }
}
