/**
 * A backplane over Redis, so that any number of multiplexer instances serve one app
 * without sticky routing:
 * - each published event goes, in one script, into a capped Redis Stream per topic (its
 *   replay history, which outlives any instance) and out on a pub/sub channel per topic
 *   (live delivery to the instances whose clients subscribe to it);
 * - a subscription change for a stream held elsewhere is published on a shared channel;
 *   the instance that holds the stream applies it and answers on the asker's own channel.
 *   PUBLISH reports how many instances heard the question, so "nobody holds it" is known
 *   as soon as each has answered, without waiting for a timeout.
 * - pub/sub drops what is published while its connection is down; when it is back, each
 *   listened topic is read from its stream after the last entry delivered, so a Redis blip
 *   costs subscribers a delay, not events.
 * Only `sse-hub/server/redis` imports this module, so `redis` stays an optional peer.
 */
import { randomBytes } from 'node:crypto';
import { createClient } from 'redis';
import { compareSeq } from './backplane.js';
import type { Backplane, ForwardedChange, ForwardedOutcome, PublishedEntry } from './backplane.js';
import type { MultiplexerEvent } from './types.js';

export interface RedisBackplaneOptions {
  /** `redis://host:port`, as node-redis's `createClient({ url })` takes it. Default `redis://127.0.0.1:6379`. */
  url?: string;
  /** Prefix of every key and channel, so that several apps can share one Redis. Default `'sse-hub'`. */
  keyPrefix?: string;
  /** Published events each topic's stream keeps for resuming (exact `XADD MAXLEN`). Default 1000. */
  eventsPerTopic?: number;
  /** A topic's history is deleted this long after its last publish. Default 86400 (one day). */
  retainSeconds?: number;
  /** The longest a forwarded subscription change waits for the instances' answers. Default 2000. */
  changeTimeoutMs?: number;
  /** Connection errors (node-redis reconnects by itself). Default: `console.warn`. */
  onError?: (error: unknown) => void;
}

export interface RedisBackplane extends Backplane {
  /** Drops both Redis connections at once, as a crash would; `close()` is the graceful way. */
  destroy(): void;
}

export const DEFAULT_REDIS_EVENTS_PER_TOPIC = 1000;
export const DEFAULT_RETAIN_SECONDS = 86_400;
export const DEFAULT_CHANGE_TIMEOUT_MS = 2000;

// One round trip, and atomic: a subscriber that listens and then reads the history cannot
// see an event in neither. The live message carries the stream id, to drop the copy it also
// read from the history (see published-source.ts).
const PUBLISH_SCRIPT = `
local seq = redis.call('XADD', KEYS[1], 'MAXLEN', ARGV[1], '*', 'e', ARGV[3])
redis.call('EXPIRE', KEYS[1], ARGV[2])
redis.call('PUBLISH', ARGV[4], seq .. '\\n' .. ARGV[3])
return seq
`;

type StreamReply = [string, string[]][];

interface PendingChange {
  settle(outcome: ForwardedOutcome): void;
  heard: number | undefined;
  unknownAnswers: number;
}

interface TopicListeners {
  listeners: Set<(entry: PublishedEntry) => void>;
  subscribed: Promise<void>;
  /** Entries at or before this one are never delivered again (a catch-up may read them twice). */
  newestDelivered: string | undefined;
  /** Where a catch-up reads from when nothing was delivered yet: the stream's newest entry when listening began. */
  catchUpAfter: string;
}

export function createRedisBackplane(options: RedisBackplaneOptions = {}): RedisBackplane {
  const prefix = options.keyPrefix ?? 'sse-hub';
  const eventsPerTopic = positiveInteger('eventsPerTopic', options.eventsPerTopic ?? DEFAULT_REDIS_EVENTS_PER_TOPIC);
  const retainSeconds = positiveInteger('retainSeconds', options.retainSeconds ?? DEFAULT_RETAIN_SECONDS);
  const changeTimeoutMs = positiveInteger('changeTimeoutMs', options.changeTimeoutMs ?? DEFAULT_CHANGE_TIMEOUT_MS);
  const onError = options.onError ?? ((error: unknown) => console.warn('sse-hub redis backplane:', error));

  const commands = createClient({ url: options.url ?? 'redis://127.0.0.1:6379' });
  // Pub/sub needs a connection of its own: a subscribed connection runs no other commands.
  const subscriber = commands.duplicate();
  commands.on('error', onError);
  subscriber.on('error', onError);

  const instance = randomBytes(9).toString('base64url');
  const changesChannel = `${prefix}:changes`;
  const replyChannel = `${prefix}:reply:${instance}`;
  const historyKey = (topic: string): string => `${prefix}:history:${topic}`;
  const liveChannel = (topic: string): string => `${prefix}:live:${topic}`;

  const topics = new Map<string, TopicListeners>();
  const pendingChanges = new Map<number, PendingChange>();
  let nextAsk = 0;
  let holder: ((forwarded: ForwardedChange) => ForwardedOutcome) | undefined;
  /** Live messages held back while a reconnect's catch-up runs; undefined when none is due. */
  let held: [topic: string, message: string][] | undefined;

  const ready = (async () => {
    await Promise.all([commands.connect(), subscriber.connect()]);
    await subscriber.subscribe(changesChannel, (message) => answerChange(message));
    await subscriber.subscribe(replyChannel, (message) => takeAnswer(message));
    // Live messages wait while the subscriber is away: the catch-up must go first, or the
    // first live entry would mark everything older as delivered.
    subscriber.on('reconnecting', () => {
      held ??= [];
    });
    // From now on, `ready` means the subscriber came back: node-redis has resubscribed by then.
    subscriber.on('ready', () => {
      catchUp().catch(onError);
    });
  })();
  // Each caller awaits `ready` and sees the failure; this only keeps it from going unhandled.
  ready.catch(onError);

  function answerChange(message: string): void {
    let question: { ask: number; reply: string } & ForwardedChange;
    try {
      question = JSON.parse(message) as typeof question;
    } catch (error) {
      onError(error);
      return;
    }
    const outcome: ForwardedOutcome = holder?.({ change: question.change, fingerprint: question.fingerprint }) ?? { kind: 'unknown' };
    void commands
      .sendCommand(['PUBLISH', question.reply, JSON.stringify({ ask: question.ask, outcome })])
      .catch(onError);
  }

  function takeAnswer(message: string): void {
    const { ask, outcome } = JSON.parse(message) as { ask: number; outcome: ForwardedOutcome };
    const pending = pendingChanges.get(ask);
    if (pending === undefined) return;
    if (outcome.kind !== 'unknown') {
      pending.settle(outcome);
      return;
    }
    pending.unknownAnswers += 1;
    if (pending.heard !== undefined && pending.unknownAnswers >= pending.heard) pending.settle({ kind: 'unknown' });
  }

  function dispatch(topic: string, message: string): void {
    if (held !== undefined) {
      held.push([topic, message]);
      return;
    }
    const split = message.indexOf('\n');
    deliver(topic, { seq: message.slice(0, split), event: JSON.parse(message.slice(split + 1)) as MultiplexerEvent });
  }

  function deliver(topic: string, entry: PublishedEntry): void {
    const listening = topics.get(topic);
    if (listening === undefined) return;
    if (listening.newestDelivered !== undefined && compareSeq(entry.seq, listening.newestDelivered) <= 0) return;
    listening.newestDelivered = entry.seq;
    for (const listener of listening.listeners) listener(entry);
  }

  async function readHistory(topic: string, after: string): Promise<PublishedEntry[]> {
    const reply = (await commands.sendCommand(['XRANGE', historyKey(topic), after, '+'])) as StreamReply;
    return reply.map(([seq, fields]): PublishedEntry => ({ seq, event: JSON.parse(fields[1] ?? '{}') as MultiplexerEvent }));
  }

  /** Delivers what each listened topic's channel missed while the subscriber was disconnected, then what was held. */
  async function catchUp(): Promise<void> {
    held ??= [];
    try {
      for (const [topic, listening] of [...topics]) {
        const after = listening.newestDelivered ?? listening.catchUpAfter;
        // `(` makes the start exclusive.
        for (const entry of await readHistory(topic, `(${after}`)) deliver(topic, entry);
      }
    } finally {
      const messages = held;
      held = undefined;
      for (const [topic, message] of messages) dispatch(topic, message);
    }
  }

  /** Subscribes to the topic's channel, then notes the stream's newest entry as where a catch-up would start. */
  async function subscribeTopic(topic: string, listening: TopicListeners): Promise<void> {
    await subscriber.subscribe(liveChannel(topic), (message) => dispatch(topic, message));
    const newest = (await commands.sendCommand(['XREVRANGE', historyKey(topic), '+', '-', 'COUNT', '1'])) as StreamReply;
    if (newest[0] !== undefined) listening.catchUpAfter = newest[0][0];
  }

  return {
    async publish(topic, event) {
      await ready;
      await commands.sendCommand([
        'EVAL',
        PUBLISH_SCRIPT,
        '1',
        historyKey(topic),
        String(eventsPerTopic),
        String(retainSeconds),
        JSON.stringify(event),
        liveChannel(topic),
      ]);
    },

    async listen(topic, listener) {
      await ready;
      let entry = topics.get(topic);
      if (entry === undefined) {
        const created: TopicListeners = {
          listeners: new Set(),
          subscribed: Promise.resolve(),
          newestDelivered: undefined,
          catchUpAfter: '0-0',
        };
        created.subscribed = subscribeTopic(topic, created);
        created.subscribed.catch(() => {
          if (topics.get(topic) === created) topics.delete(topic);
        });
        topics.set(topic, created);
        entry = created;
      }
      const listening = entry;
      listening.listeners.add(listener);
      await listening.subscribed;
      return () => {
        listening.listeners.delete(listener);
        if (listening.listeners.size > 0 || topics.get(topic) !== listening) return;
        topics.delete(topic);
        subscriber.unsubscribe(liveChannel(topic)).catch(onError);
      };
    },

    async replay(topic, lastEventId) {
      await ready;
      // The stream is capped at `eventsPerTopic`, so reading it whole is bounded.
      const entries = await readHistory(topic, '-');
      for (let index = entries.length - 1; index >= 0; index -= 1) {
        if (entries[index]?.event.id === lastEventId) return entries.slice(index + 1);
      }
      return entries;
    },

    async forwardChange(forwarded) {
      await ready;
      nextAsk += 1;
      const ask = nextAsk;
      return new Promise<ForwardedOutcome>((resolve, reject) => {
        const timer = setTimeout(() => pending.settle({ kind: 'unknown' }), changeTimeoutMs);
        const pending: PendingChange = {
          heard: undefined,
          unknownAnswers: 0,
          settle(outcome) {
            clearTimeout(timer);
            pendingChanges.delete(ask);
            resolve(outcome);
          },
        };
        // Registered before asking: an answer may come back before PUBLISH's own reply.
        pendingChanges.set(ask, pending);
        commands
          .sendCommand(['PUBLISH', changesChannel, JSON.stringify({ ask, reply: replyChannel, ...forwarded })])
          .then((heard) => {
            pending.heard = Number(heard);
            if (pendingChanges.has(ask) && pending.unknownAnswers >= pending.heard) pending.settle({ kind: 'unknown' });
          })
          .catch((error: unknown) => {
            clearTimeout(timer);
            pendingChanges.delete(ask);
            reject(error);
          });
      });
    },

    serveChanges(serve) {
      holder = serve;
    },

    async close() {
      for (const pending of [...pendingChanges.values()]) pending.settle({ kind: 'unknown' });
      topics.clear();
      await ready.catch(() => undefined);
      await Promise.allSettled([commands.close(), subscriber.close()]);
    },

    destroy() {
      topics.clear();
      commands.destroy();
      subscriber.destroy();
    },
  };
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`redisBackplane: ${name} must be a positive integer, got ${String(value)}`);
  return value;
}
