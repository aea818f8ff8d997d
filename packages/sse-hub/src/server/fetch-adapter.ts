/**
 * Serves the multiplexer as a fetch-style handler, `Request → Response` (Hono,
 * Next.js route handlers, Bun, Deno). The stream is a `ReadableStream` whose
 * cancellation, like the request's abort signal, closes the client's connection.
 */
import type { ClientConnection } from './client-connection.js';
import type { ClientSink } from './client-stream.js';
import { STREAM_HEADERS } from './client-stream.js';
import type { BodyReading, MultiplexerCore } from './multiplexer.js';
import type { PlainResponse } from './plain-response.js';
import type { Multiplexer } from './types.js';

const TIMED_OUT: unique symbol = Symbol('timed out');

/** Bytes queued for a client before sources are made to wait (see `ClientSink#drained`). */
const STREAM_HIGH_WATER_MARK_BYTES = 64 * 1024;

export function createFetchHandler(core: MultiplexerCore): Multiplexer['fetch'] {
  return async (request) => {
    if (new URL(request.url).pathname !== core.endpoint) return toResponse(core.notFound());
    switch (request.method) {
      case 'GET':
        return openStream(core, request);
      case 'POST':
        return toResponse(
          await core.answerSubscriptionChange(
            (name) => request.headers.get(name) ?? undefined,
            (limit, timeoutMs) => readBody(request, limit, timeoutMs),
          ),
        );
      default:
        return toResponse(core.methodNotAllowed());
    }
  };
}

function openStream(core: MultiplexerCore, request: Request): Response {
  if (core.isClosed()) return toResponse(core.unavailable());
  const refusal = core.refuseStream((name) => request.headers.get(name) ?? undefined, undefined);
  if (refusal !== undefined) return toResponse(refusal);
  let connection: ClientConnection | undefined;
  const { stream, sink } = streamSink(() => connection?.close());
  connection = core.openStream({
    sink,
    header: (name) => request.headers.get(name) ?? undefined,
    headers: () => request.headers,
    // `request.url` is built from the Host header, which any client can forge: proxying
    // from it could reach another host, so this adapter proxies only to `upstreamOrigin`.
    arrivalOrigin: undefined,
  });
  const opened = connection;
  // Runtimes that abort the request on disconnect may not cancel the body promptly.
  if (request.signal.aborted) opened.close();
  else request.signal.addEventListener('abort', () => opened.close(), { once: true });
  return new Response(stream, { status: 200, headers: STREAM_HEADERS });
}

function streamSink(onCancel: () => void): { stream: ReadableStream<Uint8Array>; sink: ClientSink } {
  const encoder = new TextEncoder();
  let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
  let ended = false;
  let waiting: (() => void)[] = [];
  const releaseWaiting = (): void => {
    const released = waiting;
    waiting = [];
    for (const resolve of released) resolve();
  };

  const stream = new ReadableStream<Uint8Array>(
    {
      start(streamController) {
        controller = streamController;
      },
      // Called whenever the consumer has made room below the high-water mark.
      pull: releaseWaiting,
      cancel() {
        ended = true;
        releaseWaiting();
        onCancel();
      },
    },
    new ByteLengthQueuingStrategy({ highWaterMark: STREAM_HIGH_WATER_MARK_BYTES }),
  );

  const sink: ClientSink = {
    write(chunk) {
      if (!ended) controller?.enqueue(encoder.encode(chunk));
    },
    drained() {
      if (ended || (controller?.desiredSize ?? 1) > 0) return Promise.resolve();
      return new Promise((resolve) => waiting.push(resolve));
    },
    end() {
      if (ended) return;
      ended = true;
      controller?.close();
      releaseWaiting();
    },
    bufferedBytes() {
      // The queue is what the runtime has not pulled yet: the high-water mark minus the room left.
      if (ended || controller === undefined) return 0;
      return STREAM_HIGH_WATER_MARK_BYTES - (controller.desiredSize ?? STREAM_HIGH_WATER_MARK_BYTES);
    },
    abort() {
      if (ended) return;
      ended = true;
      // An errored body makes the runtime drop the connection instead of flushing the queue.
      controller?.error(new Error('client stream dropped: it stopped reading'));
      releaseWaiting();
    },
  };
  return { stream, sink };
}

/**
 * Reads at most `limitBytes`, within `timeoutMs` of starting. Past either the body is
 * cancelled, not read to its end: how the connection ends is then up to the runtime.
 */
async function readBody(request: Request, limitBytes: number, timeoutMs: number): Promise<BodyReading> {
  if (Number(request.headers.get('content-length')) > limitBytes) {
    await request.body?.cancel().catch(() => undefined);
    return { kind: 'too-large' };
  }
  if (request.body === null) return { kind: 'text', text: '' };
  const reader = request.body.getReader();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timedOut = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), timeoutMs);
  });
  const chunks: Uint8Array[] = [];
  let size = 0;
  try {
    for (;;) {
      const read = await Promise.race([reader.read(), timedOut]);
      if (read === TIMED_OUT) {
        reader.cancel().catch(() => undefined);
        return { kind: 'timed-out' };
      }
      if (read.done) break;
      size += read.value.byteLength;
      if (size > limitBytes) {
        reader.cancel().catch(() => undefined);
        return { kind: 'too-large' };
      }
      chunks.push(read.value);
    }
  } finally {
    clearTimeout(timer);
  }
  const bytes = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return { kind: 'text', text: new TextDecoder().decode(bytes) };
}

function toResponse(answer: PlainResponse): Response {
  return new Response(answer.body, { status: answer.status, headers: answer.headers });
}
