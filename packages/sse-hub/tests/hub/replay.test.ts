/**
 * `replayLastEvent`: a subscriber that joins an open stream gets its last event after `open`
 * (issue 13: "late joiners"). Off by default, where a joiner, like a new `EventSource`, gets
 * only what comes next.
 */
import { describe, expect, it } from 'vitest';
import { resolveHubOptions } from '../../src/hub/options.js';
import { HUB_PROTOCOL_VERSION } from '../../src/sse/multiplex-protocol.js';
import { createTestHub, record } from './support/test-hub.js';

const URL_A = 'https://app.test/jobs/7/progress';

async function openWithTwoEvents(options: Parameters<typeof createTestHub>[0]) {
  const testHub = createTestHub(options, { random: () => 0.5 });
  const { hub, clock, server } = testHub;
  const first = record(hub.sharedEventSource(URL_A));
  await clock.advance(0);
  const stream = server.last.openStream();
  stream.event({ data: '10%', id: '1' });
  stream.event({ data: '20%', id: '2' });
  await clock.advance(0);
  return { ...testHub, first, stream };
}

describe('a subscriber joining an open stream', () => {
  it('gets only what comes next by default, as a new EventSource would', async () => {
    const { hub, clock, first, stream } = await openWithTwoEvents({});
    const late = record(hub.sharedEventSource(URL_A));
    await clock.advance(0);
    stream.event({ data: '30%', id: '3' });
    await clock.advance(0);
    expect(late).toEqual(['open', 'message:30%']);
    expect(first).toEqual(['open', 'message:10%', 'message:20%', 'message:30%']);
  });

  it('gets the last event after its open with replayLastEvent, with its id; the others see nothing twice', async () => {
    const { hub, clock, first, stream } = await openWithTwoEvents({ replayLastEvent: true });
    const late = hub.sharedEventSource(URL_A);
    const seen = record(late);
    const ids: string[] = [];
    late.addEventListener('message', (event) => ids.push(event.lastEventId));
    await clock.advance(0);
    stream.event({ data: '30%', id: '3' });
    await clock.advance(0);
    expect(seen).toEqual(['open', 'message:20%', 'message:30%']);
    expect(ids).toEqual(['2', '3']);
    expect(first).toEqual(['open', 'message:10%', 'message:20%', 'message:30%']);
  });

  it('gets no replay while the stream reconnects: the value may be stale, and the resumed stream sends what is current', async () => {
    const { hub, clock, stream } = await openWithTwoEvents({ replayLastEvent: true });
    stream.end();
    await clock.advance(0);
    const late = record(hub.sharedEventSource(URL_A));
    await clock.advance(0);
    expect(late).toEqual([]);
  });

  it('multiplex mode: per topic, each joiner gets its own topic last event', async () => {
    const { hub, clock, server } = createTestHub({ endpoint: '/__sse_hub', replayLastEvent: true }, { random: () => 0.5 });
    hub.sharedEventSource('/jobs/1');
    hub.sharedEventSource('/jobs/2');
    await clock.advance(0);
    const stream = server.lastGet().openStream();
    stream.frame({ kind: 'ready', connection: 'c1', maxTopics: 64, protocol: HUB_PROTOCOL_VERSION });
    await clock.advance(0);
    server.lastPost().respondJson({ accepted: ['/jobs/1', '/jobs/2'], refused: [] });
    await clock.advance(0);
    for (const topic of ['/jobs/1', '/jobs/2']) stream.frame({ kind: 'open', topic });
    stream.frame({ kind: 'event', topic: '/jobs/1', type: 'progress', data: 'one at 50%', id: '1-5' });
    stream.frame({ kind: 'event', topic: '/jobs/2', type: 'progress', data: 'two at 10%', id: '2-1' });
    await clock.advance(0);
    const lateOne = record(hub.sharedEventSource('/jobs/1'), ['open', 'progress']);
    const lateTwo = record(hub.sharedEventSource('/jobs/2'), ['open', 'progress']);
    await clock.advance(0);
    expect(lateOne).toEqual(['open', 'progress:one at 50%']);
    expect(lateTwo).toEqual(['open', 'progress:two at 10%']);
  });

  it('refuses a replayLastEvent that is not a boolean', () => {
    expect(resolveHubOptions({}).replayLastEvent).toBe(false);
    expect(() => resolveHubOptions({ replayLastEvent: 'yes' as unknown as boolean })).toThrow('replayLastEvent must be true or false, got "yes"');
  });
});
