import { formatEvent } from '../../../src/sse/parser.js';
import type { HubControlFrame, Topic } from '../../../src/sse/multiplex-protocol.js';
import { HUB_EVENT_TYPE, formatTopicEvent } from '../../../src/sse/multiplex-protocol.js';
import type { FakeClock } from './fake-clock.js';

const encoder = new TextEncoder();

function abortError(): DOMException {
  return new DOMException('The operation was aborted.', 'AbortError');
}

/** A frame as a test writes it: a topic's event names its topic, and the stream writes its number. */
export type ScriptedFrame = HubControlFrame | { kind: 'event'; topic: Topic; type: string; data: string; id: string };

/** The body of a scripted streaming response: the test pushes event-stream text into it. */
export class ScriptedStream {
  /** The topics numbered on this stream, by number, as the server multiplexer numbers them. */
  readonly #numbered: (Topic | undefined)[] = [];
  #controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  #done = false;
  readonly body = new ReadableStream<Uint8Array>({
    start: (controller) => {
      this.#controller = controller;
    },
    cancel: () => {
      this.#done = true;
    },
  });

  get done(): boolean {
    return this.#done;
  }

  push(text: string): void {
    if (this.#done) throw new Error('push on a finished stream');
    this.#controller!.enqueue(encoder.encode(text));
  }

  pushBytes(bytes: Uint8Array): void {
    this.#controller!.enqueue(bytes);
  }

  event(event: { type?: string; data: string; id?: string }): void {
    this.push(formatEvent(event));
  }

  /**
   * Writes a frame as the server does: a topic's event with its number, the others as JSON. A
   * topic's first frame is preceded by its `subscribed` frame, with the lowest free number, as
   * the server announces a topic it accepts; a `closed` frame frees the number again.
   */
  frame(frame: ScriptedFrame): void {
    if (frame.kind === 'subscribed') {
      this.#numbered[frame.number] = frame.topic;
      this.#control(frame);
      return;
    }
    if (frame.kind === 'ready') {
      this.#control(frame);
      return;
    }
    const number = this.numberOf(frame.topic) ?? this.#announce(frame.topic);
    if (frame.kind === 'event') {
      this.push(formatTopicEvent({ number, type: frame.type, data: frame.data, id: frame.id }));
      return;
    }
    this.#control(frame);
    if (frame.kind === 'closed') this.#numbered[number] = undefined;
  }

  /** The number this stream gave `topic`, if it holds one. */
  numberOf(topic: Topic): number | undefined {
    const number = this.#numbered.indexOf(topic);
    return number === -1 ? undefined : number;
  }

  /** The server let go of `topic` (an unsubscribe): its number may be given to another topic. */
  unsubscribed(topic: Topic): void {
    const number = this.numberOf(topic);
    if (number !== undefined) this.#numbered[number] = undefined;
  }

  #announce(topic: Topic): number {
    let number = this.#numbered.indexOf(undefined);
    if (number === -1) number = this.#numbered.length;
    this.frame({ kind: 'subscribed', topic, number });
    return number;
  }

  #control(frame: HubControlFrame): void {
    this.event({ type: HUB_EVENT_TYPE, data: JSON.stringify(frame) });
  }

  end(): void {
    if (this.#done) return;
    this.#done = true;
    this.#controller!.close();
  }

  fail(error: unknown): void {
    if (this.#done) return;
    this.#done = true;
    this.#controller!.error(error);
  }
}

/** One request the hub made; the test decides how it is answered. */
export class ScriptedRequest {
  readonly url: string;
  readonly method: string;
  readonly headers: Headers;
  readonly body: string | undefined;
  readonly credentials: RequestCredentials | undefined;
  readonly cache: RequestCache | undefined;
  readonly signal: AbortSignal;
  /** Clock time at which the request was made. */
  readonly at: number;
  stream: ScriptedStream | undefined;
  #settle: { resolve(response: Response): void; reject(error: unknown): void } | undefined;

  constructor(url: string, init: RequestInit, at: number, settle: { resolve(response: Response): void; reject(error: unknown): void }) {
    this.url = url;
    this.method = init.method ?? 'GET';
    this.headers = new Headers(init.headers);
    this.body = typeof init.body === 'string' ? init.body : undefined;
    this.credentials = init.credentials;
    this.cache = init.cache;
    this.signal = init.signal ?? new AbortController().signal;
    this.at = at;
    this.#settle = settle;
    this.signal.addEventListener('abort', () => {
      this.#settle?.reject(abortError());
      this.#settle = undefined;
      this.stream?.fail(abortError());
    });
  }

  get aborted(): boolean {
    return this.signal.aborted;
  }

  get answered(): boolean {
    return this.#settle === undefined;
  }

  /** The JSON body of a POST. */
  json<T = unknown>(): T {
    return JSON.parse(this.body ?? 'null') as T;
  }

  /** Answers 200 `text/event-stream` and returns the body to push into. */
  openStream(headers: Record<string, string> = {}): ScriptedStream {
    const stream = new ScriptedStream();
    this.stream = stream;
    this.#answer(new Response(stream.body, { status: 200, headers: { 'content-type': 'text/event-stream', ...headers } }));
    return stream;
  }

  respond(status: number, body: string | null = null, headers: Record<string, string> = {}): void {
    this.#answer(new Response(status === 204 ? null : body, { status, headers }));
  }

  respondJson(body: unknown, status = 200): void {
    this.respond(status, JSON.stringify(body), { 'content-type': 'application/json' });
  }

  /** A network error: fetch rejects. */
  failNetwork(): void {
    this.#settle?.reject(new TypeError('Failed to fetch'));
    this.#settle = undefined;
  }

  #answer(response: Response): void {
    if (!this.#settle) throw new Error(`request ${this.method} ${this.url} was already answered or aborted`);
    this.#settle.resolve(response);
    this.#settle = undefined;
  }
}

/** A scripted `fetch`: records every request and leaves it pending until the test answers it. */
export class FakeServer {
  readonly requests: ScriptedRequest[] = [];

  constructor(private readonly clock: FakeClock) {}

  readonly fetch = (url: string, init: RequestInit): Promise<Response> =>
    new Promise<Response>((resolve, reject) => {
      if (init.signal?.aborted) {
        reject(abortError());
        return;
      }
      this.requests.push(new ScriptedRequest(url, init, this.clock.now(), { resolve, reject }));
    });

  get gets(): ScriptedRequest[] {
    return this.requests.filter((request) => request.method === 'GET');
  }

  get posts(): ScriptedRequest[] {
    return this.requests.filter((request) => request.method === 'POST');
  }

  get last(): ScriptedRequest {
    const request = this.requests.at(-1);
    if (!request) throw new Error('no request was made');
    return request;
  }

  lastGet(): ScriptedRequest {
    const request = this.gets.at(-1);
    if (!request) throw new Error('no GET was made');
    return request;
  }

  lastPost(): ScriptedRequest {
    const request = this.posts.at(-1);
    if (!request) throw new Error('no POST was made');
    return request;
  }

  /** Requests still in progress: unanswered, or streaming, and not aborted. */
  get live(): ScriptedRequest[] {
    return this.requests.filter((request) => !request.aborted && (!request.answered || (request.stream !== undefined && !request.stream.done)));
  }
}
