/**
 * Test fixtures for the server multiplexer, all over real sockets on 127.0.0.1:
 * - an app server with a per-item SSE route (`/rows/:id/events`) that records every
 *   request it gets and lets the test script its answers and push its events,
 * - a hub-like client that reads the multiplexed stream with `fetch` and the shared parser.
 */
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, IncomingMessage, RequestListener, Server, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { HUB_EVENT_TYPE } from '../../../src/sse/multiplex-protocol.js';
import type { HubControlFrame, RefusedTopic, Topic, TopicEventFrame } from '../../../src/sse/multiplex-protocol.js';
import { createEventStreamParser, formatEvent } from '../../../src/sse/parser.js';
import { createMultiplexerWithEnvironment } from '../../../src/server/multiplexer.js';
import type { MultiplexerEnvironment } from '../../../src/server/multiplexer.js';
import type { Multiplexer, MultiplexerOptions } from '../../../src/server/index.js';

/** Every wait is bounded, so a broken server fails the test instead of hanging it. */
export const WAIT_TIMEOUT_MS = 5000;

export async function waitUntil<T>(
  probe: () => T | undefined | false,
  description: string,
  timeoutMs = WAIT_TIMEOUT_MS,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = probe();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`Timed out waiting for ${description}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export interface Listening {
  server: Server;
  origin: string;
  close(): Promise<void>;
}

export async function listen(handler: RequestListener): Promise<Listening> {
  const server = createServer(handler);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** One request the app's row route received. */
export interface RowRequest {
  path: string;
  headers: IncomingHttpHeaders;
  /** True once the app saw the request's connection close (the upstream was let go). */
  closed: boolean;
  send(event: { type?: string; data: string; id?: string }): void;
  /** Writes event-stream text as it is, for line breaks and fields `formatEvent` would not produce. */
  sendRaw(text: string): void;
  /** Sends a `retry:` field, which the multiplexer must honour as its reconnect floor. */
  sendRetry(milliseconds: number): void;
  /** Ends the response normally (a clean end of stream). */
  end(): void;
}

/** What the row route answers instead of a stream, for the next requests to a path. */
export type ScriptedAnswer = { status: number; headers?: Record<string, string>; body?: string };

export interface RowApp {
  requests: RowRequest[];
  requestsTo(path: string): RowRequest[];
  /** Queues answers for the next requests to `path`; once used up, the route streams normally. */
  script(path: string, answers: ScriptedAnswer[]): void;
  /** Handles the row route; calls `fallback` for anything else. */
  handle(req: IncomingMessage, res: ServerResponse, fallback: () => void): void;
}

const ROW_ROUTE = /^\/rows\/[^/]+\/events$/;

export function createRowApp(): RowApp {
  const requests: RowRequest[] = [];
  const scripts = new Map<string, ScriptedAnswer[]>();
  return {
    requests,
    requestsTo: (path) => requests.filter((request) => request.path === path),
    script(path, answers) {
      scripts.set(path, [...(scripts.get(path) ?? []), ...answers]);
    },
    handle(req, res, fallback) {
      const path = (req.url ?? '').split('?')[0] ?? '';
      if (req.method !== 'GET' || !ROW_ROUTE.test(path)) {
        fallback();
        return;
      }
      const record: RowRequest = {
        path: req.url ?? '',
        headers: req.headers,
        closed: false,
        send: (event) => res.write(formatEvent(event)),
        sendRaw: (text) => res.write(text),
        sendRetry: (milliseconds) => res.write(`retry: ${milliseconds}\n\n`),
        end: () => res.end(),
      };
      requests.push(record);
      res.on('close', () => {
        record.closed = true;
      });
      const scripted = scripts.get(record.path)?.shift();
      if (scripted) {
        res.writeHead(scripted.status, scripted.headers ?? { 'content-type': 'text/plain' });
        res.end(scripted.body ?? '');
        return;
      }
      res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache' });
      res.flushHeaders();
    },
  };
}

export interface PostAnswer {
  status: number;
  /** A `SubscriptionResult` on success, `{ error }` otherwise. */
  body: { accepted?: string[]; refused?: RefusedTopic[]; error?: string };
}

/** A client of the multiplexed stream, reading it the way the hub does. */
/** A frame as the test client reads it: a topic's event is named by its topic as well as its number. */
export type HubClientFrame = HubControlFrame | (TopicEventFrame & { topic: Topic });

export interface HubClient {
  status: number;
  headers: Headers;
  connection: string;
  retry: number | undefined;
  frames: HubClientFrame[];
  /** Everything the stream delivered, as text. */
  readonly text: string;
  comments: string[];
  /** True once the server ended the stream. */
  ended: boolean;
  nextFrame<K extends HubClientFrame['kind']>(
    kind: K,
    matches?: (frame: Extract<HubClientFrame, { kind: K }>) => boolean,
  ): Promise<Extract<HubClientFrame, { kind: K }>>;
  framesOf<K extends HubClientFrame['kind']>(kind: K, topic?: string): Extract<HubClientFrame, { kind: K }>[];
  post(change: object, init?: { headers?: Record<string, string> }): Promise<PostAnswer>;
  disconnect(): void;
}

export async function openHubClient(
  endpointUrl: string,
  headers: Record<string, string> = {},
): Promise<HubClient> {
  const abort = new AbortController();
  const response = await fetch(endpointUrl, {
    headers: { accept: 'text/event-stream', ...headers },
    signal: abort.signal,
  });
  const frames: HubClientFrame[] = [];
  const comments: string[] = [];
  let text = '';
  let retry: number | undefined;
  const consumed = new Set<number>();
  // The topics by the numbers the stream gave them, to name the topic of each event.
  const numbered: (Topic | undefined)[] = [];
  const parser = createEventStreamParser(
    {
      onEvent(event) {
        if (event.topic !== -1) {
          const topic = numbered[event.topic];
          if (topic === undefined) throw new Error(`an event under number ${event.topic}, which no topic holds`);
          frames.push({ kind: 'event', topic, number: event.topic, type: event.type, data: event.data, id: event.lastEventId });
          return;
        }
        if (event.type !== HUB_EVENT_TYPE) return;
        const frame = JSON.parse(event.data) as HubControlFrame;
        if (frame.kind === 'subscribed') numbered[frame.number] = frame.topic;
        frames.push(frame);
      },
      onRetry(milliseconds) {
        retry = milliseconds;
      },
      onComment(text) {
        comments.push(text);
      },
    },
    { topicNumbers: true },
  );

  const client: HubClient = {
    status: response.status,
    headers: response.headers,
    connection: '',
    get retry() {
      return retry;
    },
    frames,
    get text() {
      return text;
    },
    comments,
    ended: false,
    async nextFrame(kind, matches = () => true) {
      // Each frame is handed out once, so two waits for the same kind see two different frames.
      const found = await waitUntil(() => {
        for (const [index, frame] of frames.entries()) {
          if (!consumed.has(index) && frame.kind === kind && matches(frame as never)) return { frame, index };
        }
        return undefined;
      }, `a "${kind}" frame`);
      consumed.add(found.index);
      return found.frame as never;
    },
    framesOf(kind, topic) {
      return frames.filter(
        (frame) => frame.kind === kind && (topic === undefined || ('topic' in frame && frame.topic === topic)),
      ) as never;
    },
    async post(change, init = {}) {
      const answer = await fetch(endpointUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...headers, ...init.headers },
        body: JSON.stringify(change),
      });
      return { status: answer.status, body: (await answer.json()) as PostAnswer['body'] };
    },
    disconnect: () => abort.abort(),
  };

  if (response.body) {
    const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
    void (async () => {
      try {
        for (;;) {
          const { done, value } = await reader.read();
          if (done) break;
          text += value;
          parser.push(value);
        }
      } catch {
        // Our own disconnect.
      }
      client.ended = true;
    })();
  }
  if (response.status === 200) {
    const ready = await client.nextFrame('ready');
    client.connection = ready.connection;
  }
  return client;
}

export interface Stack {
  app: RowApp;
  multiplexer: Multiplexer;
  origin: string;
  endpointUrl: string;
  open(headers?: Record<string, string>): Promise<HubClient>;
  close(): Promise<void>;
}

/** The app's server with the multiplexer mounted in front of its routes, as a user would mount it. */
export async function startStack(
  options: Partial<MultiplexerOptions> = {},
  environment: Partial<MultiplexerEnvironment> = {},
): Promise<Stack> {
  const app = createRowApp();
  const multiplexer = createMultiplexerWithEnvironment({ allow: ['/rows/:id/events'], ...options }, environment);
  const listening = await listen((req, res) =>
    multiplexer.node(req, res, () =>
      app.handle(req, res, () => {
        res.writeHead(404).end();
      }),
    ),
  );
  const endpointUrl = `${listening.origin}${options.endpoint ?? '/__sse_hub'}`;
  const clients: HubClient[] = [];
  return {
    app,
    multiplexer,
    origin: listening.origin,
    endpointUrl,
    async open(headers) {
      const client = await openHubClient(endpointUrl, headers);
      clients.push(client);
      return client;
    },
    async close() {
      for (const client of clients) client.disconnect();
      await multiplexer.close();
      await listening.close();
    },
  };
}
