/**
 * A small server that speaks the subscribe side of the Mercure protocol, as far as the hub's
 * `mergeTopics` relies on it (written from the protocol's description, not from a Mercure hub):
 *
 * - `GET /.well-known/mercure?topic=a&topic=b` opens an event stream of the updates published
 *   to any of those topics, each with its own `id:`; the update's topics are not in the event;
 * - a `Last-Event-ID` header replays, first, the updates after that id to those topics, from
 *   the history the server keeps;
 * - `publish(topics, data)` is what a `POST` to the hub does: it stores the update and sends it
 *   to every stream subscribed to one of its topics.
 *
 * It counts the stream requests it answered and the streams open now.
 */
import type { ServerResponse } from 'node:http';
import { listen, type Listening } from './loopback.js';

export const MERCURE_PATH = '/.well-known/mercure';

interface Update {
  id: string;
  topics: string[];
  data: string;
}

interface Subscriber {
  topics: string[];
  response: ServerResponse;
}

export interface MercureStyleServer {
  origin: string;
  /** Stream requests answered so far, with their topics and `Last-Event-ID`. */
  requests: { topics: string[]; lastEventId: string | undefined }[];
  /** Streams open now. */
  readonly openStreams: number;
  publish(topics: string[], data: string): string;
  /** Runs once, when the next stream request arrives, before the stream starts: to publish while no stream is open. */
  onNextStreamRequest(run: () => void): void;
  close(): Promise<void>;
}

export async function startMercureStyleServer(): Promise<MercureStyleServer> {
  const history: Update[] = [];
  const subscribers = new Set<Subscriber>();
  const requests: MercureStyleServer['requests'] = [];
  let nextId = 1;
  let beforeNextStream: (() => void) | undefined;

  const write = (subscriber: Subscriber, update: Update): void => {
    if (update.topics.some((topic) => subscriber.topics.includes(topic))) subscriber.response.write(`id: ${update.id}\ndata: ${update.data}\n\n`);
  };

  const listening: Listening = await listen((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    if (url.pathname !== MERCURE_PATH || request.method !== 'GET') {
      response.writeHead(404).end();
      return;
    }
    const topics = url.searchParams.getAll('topic');
    const lastEventId = request.headers['last-event-id'] as string | undefined;
    requests.push({ topics, lastEventId });
    const before = beforeNextStream;
    beforeNextStream = undefined;
    before?.();
    if (topics.length === 0) {
      response.writeHead(400).end('at least one topic is required');
      return;
    }
    response.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
    // Send the headers now: a subscriber must know it is connected before the first update.
    response.write(': connected\n\n');
    const subscriber: Subscriber = { topics, response };
    if (lastEventId !== undefined) {
      const after = history.findIndex((update) => update.id === lastEventId);
      for (const update of history.slice(after + 1)) write(subscriber, update);
    }
    subscribers.add(subscriber);
    response.on('close', () => subscribers.delete(subscriber));
  });

  return {
    origin: listening.origin,
    requests,
    get openStreams() {
      return subscribers.size;
    },
    publish(topics, data) {
      const update = { id: `urn:update:${nextId++}`, topics, data };
      history.push(update);
      for (const subscriber of subscribers) write(subscriber, update);
      return update.id;
    },
    onNextStreamRequest(run) {
      beforeNextStream = run;
    },
    close: () => listening.close(),
  };
}
