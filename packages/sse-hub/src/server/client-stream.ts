/**
 * What goes down a client's multiplexed stream, and the small interface both adapters
 * implement to carry it (a Node `ServerResponse`, or a web `ReadableStream`).
 */
import { HUB_EVENT_TYPE } from '../sse/multiplex-protocol.js';
import type { HubControlFrame } from '../sse/multiplex-protocol.js';
import { formatEvent } from '../sse/parser.js';

export interface ClientSink {
  /** Queues text for the client and flushes it; ignored once the sink has ended. */
  write(chunk: string): void;
  /**
   * Resolves once the client has taken what was queued (at once if nothing waits, or
   * when the sink ends). Sources await it between reads, so a slow client slows its
   * upstreams down instead of making the server buffer without bound.
   */
  drained(): Promise<void>;
  /** Ends the response; the client's `EventSource`-like reader sees the stream close. */
  end(): void;
  /** Bytes written but not yet taken by the client (or its socket); 0 once the sink has ended. */
  bufferedBytes(): number;
  /**
   * Drops the connection without flushing what is queued: `end()` would wait for a client
   * that does not read, holding its buffer for as long as it stays connected.
   */
  abort(): void;
}

export const STREAM_HEADERS: Readonly<Record<string, string>> = {
  'content-type': 'text/event-stream; charset=utf-8',
  // `no-transform` keeps compressing proxies from buffering the stream.
  'cache-control': 'no-cache, no-transform',
  // nginx buffers proxied responses unless told otherwise.
  'x-accel-buffering': 'no',
};

/** A comment line: ignored by every parser, but keeps proxies from closing an idle stream. */
export const HEARTBEAT_CHUNK = ': ping\n\n';

export function retryChunk(milliseconds: number): string {
  return `retry: ${milliseconds}\n\n`;
}

/** A control frame; a topic's events are written with `formatTopicEvent` instead. */
export function frameChunk(frame: HubControlFrame): string {
  // JSON never contains a raw line break, so a frame is always one `data:` line.
  return formatEvent({ type: HUB_EVENT_TYPE, data: JSON.stringify(frame) });
}
