/**
 * Reads the body of a subscription POST into a `SubscriptionChange`. Only the shape is
 * checked here; whether each topic is allowed is the topic policy's job, and its
 * answer goes back per topic in `refused` rather than failing the whole request.
 */
import type { SubscriptionChange, Topic, TopicSubscription } from '../sse/multiplex-protocol.js';

/** Bodies are a handful of short paths; anything bigger is a mistake or an attack. */
export const MAX_SUBSCRIPTION_BODY_BYTES = 64 * 1024;

export interface NormalisedChange {
  connection: string;
  subscribe: TopicSubscription[];
  unsubscribe: Topic[];
}

export type ChangeReading = { ok: true; change: NormalisedChange } | { ok: false; reason: string };

export function parseSubscriptionChangeJson(text: string): ChangeReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, reason: 'body is not valid JSON' };
  }
  return readSubscriptionChange(value);
}

/** Also used directly when a body parser (e.g. `express.json()`) already parsed the body. */
export function readSubscriptionChange(value: unknown): ChangeReading {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return { ok: false, reason: 'body must be a JSON object' };
  }
  const { connection, subscribe = [], unsubscribe = [] } = value as Partial<Record<keyof SubscriptionChange, unknown>>;
  if (typeof connection !== 'string' || connection === '') {
    return { ok: false, reason: '"connection" must be the id from the stream\'s ready frame' };
  }
  if (!Array.isArray(subscribe) || !subscribe.every(isSubscriptionEntry)) {
    return { ok: false, reason: '"subscribe" must be an array of topics or { topic, lastEventId? } objects' };
  }
  if (!Array.isArray(unsubscribe) || !unsubscribe.every((entry) => typeof entry === 'string')) {
    return { ok: false, reason: '"unsubscribe" must be an array of topics' };
  }
  return {
    ok: true,
    change: {
      connection,
      subscribe: subscribe.map((entry) =>
        typeof entry === 'string' ? { topic: entry } : { topic: entry.topic, lastEventId: entry.lastEventId },
      ),
      unsubscribe,
    },
  };
}

function isSubscriptionEntry(entry: unknown): entry is Topic | TopicSubscription {
  if (typeof entry === 'string') return true;
  if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) return false;
  const { topic, lastEventId } = entry as Record<string, unknown>;
  return typeof topic === 'string' && (lastEventId === undefined || typeof lastEventId === 'string');
}
