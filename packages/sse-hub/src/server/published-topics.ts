/**
 * Topics the app feeds with `multiplexer.publish(topic, event)`: declared by the `publish`
 * patterns, served from the backplane instead of a proxied request or `resolve`, so a
 * subscriber costs no socket and no upstream at all.
 */
import { createLocalBackplane } from './local-backplane.js';
import type { Backplane } from './backplane.js';
import { publishedEvents } from './published-source.js';
import { createTopicPolicy } from './topic-policy.js';
import type { TopicPolicy } from './topic-policy.js';
import type { MultiplexerEvent, MultiplexerOptions } from './types.js';

export const DEFAULT_REPLAY_EVENTS_PER_TOPIC = 100;
export const DEFAULT_REPLAY_TOPICS = 1000;

/** Never fetched: published topics are only checked for shape and pattern. */
const NO_ORIGIN = 'http://published.invalid';

export interface PublishedTopics {
  backplane: Backplane;
  /** `options.resolve`, with the published topics answered first. */
  resolve: MultiplexerOptions['resolve'];
  publish(topic: string, event: MultiplexerEvent): Promise<void>;
}

export function createPublishedTopics(options: MultiplexerOptions, endpoint: string): PublishedTopics {
  const patterns = options.publish ?? [];
  if (!Array.isArray(patterns)) throw new TypeError('publish must be a list of path patterns, e.g. ["/rooms/:id"]');
  const policy: TopicPolicy | undefined = patterns.length > 0 ? createTopicPolicy(patterns, endpoint) : undefined;
  if (options.backplane !== undefined && (options.replayEventsPerTopic !== undefined || options.replayTopics !== undefined)) {
    // Silently ignoring them would leave the app believing in a bound it does not have.
    throw new TypeError('replayEventsPerTopic and replayTopics bound the in-process history; with a backplane, set its own bound (e.g. redisBackplane({ eventsPerTopic }))');
  }
  const backplane =
    options.backplane ??
    createLocalBackplane({
      eventsPerTopic: positiveInteger('replayEventsPerTopic', options.replayEventsPerTopic ?? DEFAULT_REPLAY_EVENTS_PER_TOPIC),
      topics: positiveInteger('replayTopics', options.replayTopics ?? DEFAULT_REPLAY_TOPICS),
    });
  const isPublished = (topic: string): boolean => policy?.check(topic, NO_ORIGIN).ok === true;
  const appResolve = options.resolve;

  return {
    backplane,
    resolve:
      policy === undefined
        ? appResolve
        : (topic, request, signal) => {
            if (!isPublished(topic)) return appResolve?.(topic, request, signal);
            const header = request.headers.get('last-event-id') ?? '';
            // The header holds the id's UTF-8 bytes one per character (see last-event-id.ts).
            return publishedEvents(backplane, topic, Buffer.from(header, 'latin1').toString('utf8'), signal);
          },
    publish(topic, event) {
      if (typeof topic !== 'string' || !isPublished(topic)) {
        return Promise.reject(new TypeError(`publish: ${JSON.stringify(topic)} matches none of the publish patterns`));
      }
      if (!isEvent(event)) {
        return Promise.reject(new TypeError('publish: an event is { data: string, type?: string, id?: string }'));
      }
      // A copy, so that a caller mutating its object later cannot rewrite history.
      const copy: MultiplexerEvent = { data: event.data };
      if (event.type !== undefined) copy.type = event.type;
      if (event.id !== undefined) copy.id = event.id;
      return backplane.publish(topic, copy);
    },
  };
}

function isEvent(value: unknown): value is MultiplexerEvent {
  if (value === null || typeof value !== 'object') return false;
  const { type, data, id } = value as Record<string, unknown>;
  return (
    typeof data === 'string' &&
    (type === undefined || (typeof type === 'string' && !/[\r\n]/.test(type))) &&
    // An id becomes an `id:` line and, on resume, a header: no line breaks or NUL.
    (id === undefined || (typeof id === 'string' && !/[\0\r\n]/.test(id)))
  );
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) throw new TypeError(`${name} must be a positive integer, got ${String(value)}`);
  return value;
}
