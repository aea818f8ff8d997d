/**
 * The live client connections of one multiplexer, found by id when a POST arrives, and
 * the topic sources they started, which may outlive their connection by the few ticks
 * that an aborted fetch needs to unwind. Both count in `stats()`; `close()` waits for both.
 */
import { randomBytes } from 'node:crypto';
import type { ClientConnection } from './client-connection.js';
import type { MultiplexerStats } from './types.js';

export class ConnectionRegistry {
  readonly #connections = new Map<string, ClientConnection>();
  readonly #runningSources = new Set<Promise<void>>();

  /** 144 random bits: connection ids must not be guessable (see credential-binding.ts for leaks). */
  newId(): string {
    let id: string;
    do id = randomBytes(18).toString('base64url');
    while (this.#connections.has(id));
    return id;
  }

  add(connection: ClientConnection): void {
    this.#connections.set(connection.id, connection);
  }

  remove(connection: ClientConnection): void {
    if (this.#connections.get(connection.id) === connection) this.#connections.delete(connection.id);
  }

  get(id: string): ClientConnection | undefined {
    return this.#connections.get(id);
  }

  trackSource(task: Promise<void>): void {
    this.#runningSources.add(task);
    const forget = (): void => {
      this.#runningSources.delete(task);
    };
    task.then(forget, forget);
  }

  stats(): MultiplexerStats {
    let topics = 0;
    for (const connection of this.#connections.values()) topics += connection.topicCount;
    return { connections: this.#connections.size, topics, upstreams: this.#runningSources.size };
  }

  /** Closes every connection and resolves once every source they started has settled. */
  async closeAll(): Promise<void> {
    for (const connection of [...this.#connections.values()]) connection.close();
    while (this.#runningSources.size > 0) await Promise.allSettled([...this.#runningSources]);
  }
}
