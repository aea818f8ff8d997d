import type { HubEnvironment } from './environment.js';

/**
 * Keeps an unused physical connection for a short while before closing it, so that a
 * component that unmounts and mounts again (a re-render, a route change) reuses the stream
 * instead of paying for a new connection and losing the events in between.
 */
export class LingerTimer {
  #handle: unknown;

  constructor(
    private readonly environment: HubEnvironment,
    private readonly milliseconds: number,
    private readonly onExpired: () => void,
  ) {}

  /** Starts the countdown unless it is already running. */
  start(): void {
    if (this.#handle !== undefined) return;
    this.#handle = this.environment.setTimeout(() => {
      this.#handle = undefined;
      this.onExpired();
    }, this.milliseconds);
  }

  cancel(): void {
    if (this.#handle === undefined) return;
    this.environment.clearTimeout(this.#handle);
    this.#handle = undefined;
  }
}
