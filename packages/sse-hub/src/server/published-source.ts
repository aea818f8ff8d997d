/**
 * One subscriber's view of a published topic: the retained events after its last event id,
 * then the live ones, each exactly once. It listens before it reads the history, so an event
 * published in between arrives both ways; the entry's `seq` tells the copies apart.
 */
import { compareSeq } from './backplane.js';
import type { Backplane, PublishedEntry } from './backplane.js';
import type { MultiplexerEvent } from './types.js';

/**
 * Live events wait here while the client drains what came before. A subscriber this far
 * behind is dropped (its topic closes with 500) rather than letting the server's memory
 * follow the slowest client.
 */
export const MAX_QUEUED_PUBLISHED_EVENTS = 10_000;

export async function* publishedEvents(
  backplane: Backplane,
  topic: string,
  lastEventId: string,
  signal: AbortSignal,
): AsyncGenerator<MultiplexerEvent> {
  const queue: PublishedEntry[] = [];
  let overflowed = false;
  let wake: (() => void) | undefined;
  const stopListening = await backplane.listen(topic, (entry) => {
    if (queue.length < MAX_QUEUED_PUBLISHED_EVENTS) queue.push(entry);
    else overflowed = true;
    wake?.();
  });
  const onAbort = (): void => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    // A first subscription (no id) starts with what is published from now on.
    let newestReplayed: string | undefined;
    if (lastEventId !== '') {
      for (const entry of await backplane.replay(topic, lastEventId)) {
        if (signal.aborted) return;
        newestReplayed = entry.seq;
        yield entry.event;
      }
    }
    for (;;) {
      for (let entry = queue.shift(); entry !== undefined; entry = queue.shift()) {
        if (newestReplayed !== undefined && compareSeq(entry.seq, newestReplayed) <= 0) continue;
        yield entry.event;
      }
      if (overflowed) throw new Error(`subscriber of ${topic} fell ${MAX_QUEUED_PUBLISHED_EVENTS} events behind`);
      if (signal.aborted) return;
      await new Promise<void>((resolve) => {
        wake = resolve;
      });
      wake = undefined;
    }
  } finally {
    stopListening();
    signal.removeEventListener('abort', onAbort);
  }
}
