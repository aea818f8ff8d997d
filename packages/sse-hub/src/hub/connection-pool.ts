import { DedupeStream } from './dedupe-stream.js';
import { MergedStream } from './merged-stream.js';
import type { HubEnvironment } from './environment.js';
import type { FeedSink } from './feed.js';
import { MultiplexConnection } from './multiplex-connection.js';
import type { ResolvedHubOptions } from './options.js';
import { connectionKey, mergeRuleOf, type StreamTarget } from './stream-target.js';

export interface ConnectionStats {
  /** Physical streams in the pool. */
  connections: number;
  /** Topics carried by its multiplexed streams. */
  topics: number;
  /** Sinks attached to its feeds. */
  subscribers: number;
}

/** The physical connections of one hub, keyed so that equal targets share one. */
export class ConnectionPool {
  readonly #environment: HubEnvironment;
  readonly #options: () => ResolvedHubOptions;
  readonly #dedupe = new Map<string, DedupeStream>();
  readonly #multiplex = new Map<string, MultiplexConnection>();
  readonly #merged = new Map<string, MergedStream>();

  /** `options` is read when a connection is created: configuration applies to connections opened afterwards. */
  constructor(environment: HubEnvironment, options: () => ResolvedHubOptions) {
    this.#environment = environment;
    this.#options = options;
  }

  /** `lastEventId` is where a newly opened stream resumes; an existing stream is joined as it is. */
  attach(target: StreamTarget, sink: FeedSink, lastEventId = ''): () => void {
    const key = connectionKey(target);
    if (target.kind === 'merged') {
      let stream = this.#merged.get(key);
      if (!stream) {
        const options = this.#options();
        const rule = mergeRuleOf(target, options, this.#environment.baseUrl());
        // Resolved by this hub's own rules, so a rule exists, unless another tab configured one this tab lacks.
        if (!rule) return this.attach({ kind: 'dedupe', url: urlWithTopics(target), withCredentials: target.withCredentials, sameOrigin: target.sameOrigin }, sink, lastEventId);
        const created: MergedStream = new MergedStream(target, rule, lastEventId, options, this.#environment, () => forget(this.#merged, key, created));
        this.#merged.set(key, created);
        stream = created;
      }
      return stream.attach(target.topics, sink);
    }
    if (target.kind === 'dedupe') {
      let stream = this.#dedupe.get(key);
      if (!stream) {
        const created: DedupeStream = new DedupeStream(target, lastEventId, this.#options(), this.#environment, () => forget(this.#dedupe, key, created));
        this.#dedupe.set(key, created);
        stream = created;
      }
      return stream.attach(sink);
    }
    let connection = this.#multiplex.get(key);
    if (!connection) {
      const created: MultiplexConnection = new MultiplexConnection(target, this.#options(), this.#environment, () => forget(this.#multiplex, key, created));
      this.#multiplex.set(key, created);
      connection = created;
    }
    return connection.attach(target.topic, sink, lastEventId);
  }

  stats(): ConnectionStats {
    let topics = 0;
    let subscribers = 0;
    for (const stream of this.#dedupe.values()) subscribers += stream.subscriberCount;
    for (const stream of this.#merged.values()) {
      topics += stream.topicCount;
      subscribers += stream.subscriberCount;
    }
    for (const connection of this.#multiplex.values()) {
      topics += connection.topicCount;
      subscribers += connection.subscriberCount;
    }
    return { connections: this.#dedupe.size + this.#multiplex.size + this.#merged.size, topics, subscribers };
  }

  /** Ends every connection; their subscribers see readyState CLOSED and an `error` event. */
  close(): void {
    const all = [...this.#dedupe.values(), ...this.#multiplex.values(), ...this.#merged.values()];
    this.#dedupe.clear();
    this.#multiplex.clear();
    this.#merged.clear();
    for (const connection of all) connection.terminate();
  }
}

/** The URL a merged target's subscriber gave: its topics back as the parameter. */
function urlWithTopics(target: { url: string; param: string; topics: readonly string[] }): string {
  const url = new URL(target.url);
  for (const topic of target.topics) url.searchParams.append(target.param, topic);
  return url.href;
}

function forget<T>(map: Map<string, T>, key: string, value: T): void {
  if (map.get(key) === value) map.delete(key);
}
