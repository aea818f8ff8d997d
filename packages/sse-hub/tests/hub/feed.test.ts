/**
 * The fan-out of one stream to its sinks. Delivery reuses one array of the sinks between
 * changes (every event of a page passes through here), so these tests change the set of
 * sinks between events and during delivery, and check who gets what.
 */
import { describe, expect, it } from 'vitest';
import { Feed, type FeedSink } from '../../src/hub/feed.js';
import type { ParsedEvent } from '../../src/sse/parser.js';

/** A sink that logs `name:signal` (with the data for messages) and can run a hook on a message. */
function sink(name: string, log: string[], onMessage?: (event: ParsedEvent) => void): FeedSink {
  return {
    open: () => log.push(`${name}:open`),
    message: (event) => {
      log.push(`${name}:${event.data}`);
      onMessage?.(event);
    },
    error: () => log.push(`${name}:error`),
    waiting: (waiting) => log.push(`${name}:${waiting ? 'waiting' : 'woken'}`),
    closed: () => log.push(`${name}:closed`),
  };
}

function event(data: string): ParsedEvent {
  return { type: 'message', data, lastEventId: data, topic: -1 };
}

describe('Feed', () => {
  it('delivers to the sinks present at each event, in the order they joined, after joins and leaves between events', () => {
    const log: string[] = [];
    const feed = new Feed();
    const a = sink('a', log);
    const b = sink('b', log);
    const c = sink('c', log);
    feed.add(a);
    feed.add(b);
    feed.message(event('1'));
    feed.add(c);
    feed.message(event('2'));
    feed.remove(a);
    feed.message(event('3'));
    feed.remove(c);
    feed.add(a);
    feed.message(event('4'));
    expect(log).toEqual(['a:open', 'b:open', 'a:1', 'b:1', 'a:2', 'b:2', 'c:2', 'b:3', 'c:3', 'b:4', 'a:4']);
    expect(feed.lastEventId).toBe('4');
  });

  it('skips a sink that leaves while an event is being delivered, and gives one that joins meanwhile only later events', () => {
    const log: string[] = [];
    const feed = new Feed();
    const late = sink('late', log);
    const leaver = sink('leaver', log);
    const first = sink('first', log, ({ data }) => {
      if (data !== '1') return;
      feed.remove(leaver);
      feed.add(late);
    });
    feed.add(first);
    feed.add(leaver);
    feed.message(event('1'));
    feed.message(event('2'));
    expect(log).toEqual(['first:open', 'leaver:open', 'first:1', 'first:2', 'late:2']);
  });

  it('delivers nothing once closed, and tells the sinks present at the close', () => {
    const log: string[] = [];
    const feed = new Feed();
    feed.add(sink('a', log));
    feed.message(event('1'));
    feed.close();
    feed.add(sink('b', log));
    feed.message(event('2'));
    expect(log).toEqual(['a:open', 'a:1', 'a:closed']);
  });
});
