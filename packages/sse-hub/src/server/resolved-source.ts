/**
 * A topic fed by the app's `resolve` hook: an async iterable of events, consumed until
 * it ends, throws, or the topic is aborted.
 */
import { ABORTED, unlessAborted } from './abort-race.js';
import type { TopicEnd, TopicOutput } from './topic-output.js';
import type { MultiplexerEvent } from './types.js';

/**
 * Returns why the topic ended, or undefined when `signal` aborted. On abort the
 * iterator's `return()` is called so that a generator's `finally` blocks run; it is
 * not awaited, because a source stuck in an `await` must not hold up the teardown.
 */
export async function consumeResolvedSource(
  source: AsyncIterable<MultiplexerEvent>,
  initialLastEventId: string,
  output: TopicOutput,
  signal: AbortSignal,
): Promise<TopicEnd | undefined> {
  let iterator: AsyncIterator<MultiplexerEvent>;
  try {
    iterator = source[Symbol.asyncIterator]();
  } catch {
    return sourceFailed();
  }
  let finished = false;
  let lastEventId = initialLastEventId;
  output.open();
  try {
    for (;;) {
      const next = await unlessAborted(iterator.next(), signal);
      if (next === ABORTED) return undefined;
      if (next.done) {
        finished = true;
        return { status: 204, reason: 'source ended' };
      }
      const event = next.value;
      if (!isMultiplexerEvent(event)) return { status: 500, reason: 'source yielded an invalid event' };
      if (event.id !== undefined) lastEventId = event.id;
      output.event(event.type ?? 'message', event.data, lastEventId);
      await output.drained();
      if (signal.aborted) return undefined;
    }
  } catch {
    // The app's source threw: its message stays on the server (it may hold internals).
    if (signal.aborted) return undefined;
    finished = true;
    return sourceFailed();
  } finally {
    if (!finished) Promise.resolve(iterator.return?.()).catch(() => undefined);
  }
}

function sourceFailed(): TopicEnd {
  return { status: 500, reason: 'source failed' };
}

function isMultiplexerEvent(value: unknown): value is MultiplexerEvent {
  if (value === null || typeof value !== 'object') return false;
  const { type, data, id } = value as Record<string, unknown>;
  return typeof data === 'string' && (type === undefined || typeof type === 'string') && (id === undefined || typeof id === 'string');
}
