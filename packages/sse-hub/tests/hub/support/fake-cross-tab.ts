import type { BroadcastChannelLike, LockManagerLike } from '../../../src/hub/environment.js';

interface LockRequest {
  client: string;
  callback: (lock: unknown) => Promise<void> | void;
  resolve(value: unknown): void;
  reject(error: unknown): void;
  signal: AbortSignal | undefined;
}

interface HeldLock {
  client: string;
  release(): void;
}

/**
 * Web Locks, exclusive mode, for several tabs: each name is granted to one request at a
 * time in request order; a waiting request can be aborted; when a tab dies the browser
 * releases what it holds and forgets what it waits for.
 */
export class FakeLocks {
  readonly #held = new Map<string, HeldLock>();
  readonly #queues = new Map<string, LockRequest[]>();

  client(client: string): LockManagerLike {
    return {
      request: (name, options, callback) =>
        new Promise((resolve, reject) => {
          if (options.signal?.aborted) {
            reject(new DOMException('aborted', 'AbortError'));
            return;
          }
          const request: LockRequest = { client, callback, resolve, reject, signal: options.signal };
          const queue = this.#queues.get(name) ?? [];
          this.#queues.set(name, queue);
          queue.push(request);
          options.signal?.addEventListener('abort', () => {
            const index = queue.indexOf(request);
            if (index === -1) return;
            queue.splice(index, 1);
            reject(new DOMException('aborted', 'AbortError'));
          });
          this.#grantNext(name);
        }),
    };
  }

  /** Who holds each lock, for assertions. */
  holders(): Record<string, string> {
    return Object.fromEntries([...this.#held].map(([name, held]) => [name, held.client]));
  }

  /** Requests still waiting. */
  get waiting(): number {
    let count = 0;
    for (const queue of this.#queues.values()) count += queue.length;
    return count;
  }

  /** The tab is gone: its locks are released and its waiting requests dropped. */
  kill(client: string): void {
    for (const queue of this.#queues.values()) {
      for (let index = queue.length - 1; index >= 0; index--) if (queue[index]!.client === client) queue.splice(index, 1);
    }
    for (const held of [...this.#held.values()]) {
      if (held.client === client) held.release();
    }
  }

  #grantNext(name: string): void {
    if (this.#held.has(name)) return;
    const request = this.#queues.get(name)?.shift();
    if (!request) return;
    let released = false;
    const release = (): void => {
      if (released) return;
      released = true;
      if (this.#held.get(name) === held) this.#held.delete(name);
      this.#grantNext(name);
    };
    const held: HeldLock = { client: request.client, release };
    this.#held.set(name, held);
    // Granting is asynchronous, as in browsers.
    queueMicrotask(() => {
      if (released) return;
      Promise.resolve()
        .then(() => request.callback({ name }))
        .then(
          (value) => {
            release();
            request.resolve(value);
          },
          (error: unknown) => {
            release();
            request.reject(error);
          },
        );
    });
  }
}

/** BroadcastChannel for several tabs: messages are cloned and delivered asynchronously to every other open channel of the name. */
export class FakeBroadcastBus {
  readonly #channels = new Set<{ client: string; name: string; channel: FakeChannel }>();
  /** Every message posted, for assertions. */
  readonly log: { from: string; message: unknown }[] = [];

  channelClass(client: string): new (name: string) => BroadcastChannelLike {
    const open = (name: string): FakeChannel => this.#open(client, name);
    return class implements BroadcastChannelLike {
      readonly #inner: FakeChannel;
      constructor(name: string) {
        this.#inner = open(name);
      }
      get onmessage(): ((event: MessageEvent) => void) | null {
        return this.#inner.onmessage;
      }
      set onmessage(handler: ((event: MessageEvent) => void) | null) {
        this.#inner.onmessage = handler;
      }
      postMessage(message: unknown): void {
        this.#inner.postMessage(message);
      }
      close(): void {
        this.#inner.close();
      }
    };
  }

  /** Channels still open (with their onmessage set), for leak checks. */
  get open(): number {
    return [...this.#channels].filter((entry) => !entry.channel.closed).length;
  }

  kill(client: string): void {
    for (const entry of this.#channels) if (entry.client === client) entry.channel.close();
  }

  #open(client: string, name: string): FakeChannel {
    const channel = new FakeChannel((message) => {
      this.log.push({ from: client, message });
      for (const other of this.#channels) {
        if (other.channel === channel || other.name !== name || other.channel.closed) continue;
        const copy = structuredClone(message);
        setImmediate(() => other.channel.deliver(copy));
      }
    });
    this.#channels.add({ client, name, channel });
    return channel;
  }
}

class FakeChannel {
  onmessage: ((event: MessageEvent) => void) | null = null;
  closed = false;

  constructor(private readonly send: (message: unknown) => void) {}

  postMessage(message: unknown): void {
    if (this.closed) throw new DOMException('BroadcastChannel is closed', 'InvalidStateError');
    this.send(message);
  }

  deliver(message: unknown): void {
    if (!this.closed) this.onmessage?.(new MessageEvent('message', { data: message }));
  }

  close(): void {
    this.closed = true;
  }
}
