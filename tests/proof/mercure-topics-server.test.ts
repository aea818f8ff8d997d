/**
 * The server behind the proof's pages M and M' (examples/mercure-topics/server.js): the subscribe
 * side of a Mercure-style hub, which the hub's `mergeTopics` relies on. A stream carries only the
 * updates of its topics, each with an id; `Last-Event-ID` replays what came after that id; the
 * server counts each stream request with its topics, which is what the proof's criterion on M'
 * reads. Real HTTP on 127.0.0.1, read with fetch.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { MERCURE_PATH, ROW_COUNT, rowTopic, startMercureTopicsServer } from '../../examples/mercure-topics/server.js';

type Server = Awaited<ReturnType<typeof startMercureTopicsServer>>;
let server: Server | undefined;
const readers: ReadableStreamDefaultReader<Uint8Array>[] = [];

afterEach(async () => {
  await Promise.all(readers.splice(0).map((reader) => reader.cancel().catch(() => undefined)));
  await server?.close();
  server = undefined;
});

const topicQuery = (rows: number[]) => rows.map((row) => `topic=${encodeURIComponent(rowTopic(row))}`).join('&');

/** Opens a stream and reads it until `events` events (blocks that end in a blank line and hold data) have come. */
async function readEvents(url: string, events: number, headers: Record<string, string> = {}) {
  const response = await fetch(url, { headers });
  expect(response.headers.get('content-type')).toBe('text/event-stream');
  const reader = response.body!.getReader();
  readers.push(reader);
  const decoder = new TextDecoder();
  let text = '';
  const parsed = () =>
    text
      .split('\n\n')
      .slice(0, -1)
      .filter((block) => block.includes('data: '))
      .map((block) => ({ id: /^id: (.*)$/m.exec(block)?.[1], data: JSON.parse(/^data: (.*)$/m.exec(block)![1]!) as { row: number; counter: number } }));
  while (parsed().length < events) {
    const { value, done } = await reader.read();
    if (done) break;
    text += decoder.decode(value, { stream: true });
  }
  return parsed().slice(0, events);
}

describe('the mercure-topics example server', () => {
  it('sends a stream only the updates of its topics, each with an id, and counts the request with its topics', async () => {
    server = await startMercureTopicsServer();
    const events = await readEvents(`${server.url}${MERCURE_PATH}?${topicQuery([2, 7])}`, 4);
    expect(events.map((event) => event.data.row)).toEqual([2, 7, 2, 7]);
    expect(events.map((event) => event.data.counter)).toEqual([events[0]!.data.counter, events[0]!.data.counter, events[0]!.data.counter + 1, events[0]!.data.counter + 1]);
    expect(events.every((event) => /^urn:update:\d+$/.test(event.id ?? ''))).toBe(true);
    expect(server.stats().mercure.requests).toEqual([{ topics: 2, resumed: false }]);
    expect(server.stats().streams.browser).toMatchObject({ opened: 1, open: 1 });
  });

  it('replays the updates after Last-Event-ID to the topics asked for, then goes on live', async () => {
    server = await startMercureTopicsServer();
    const [first] = await readEvents(`${server.url}${MERCURE_PATH}?${topicQuery([1])}`, 1);
    // Two publishing rounds later, a new stream resumes after the first update of row 1.
    await readEvents(`${server.url}${MERCURE_PATH}?${topicQuery([1])}`, 2);
    const resumed = await readEvents(`${server.url}${MERCURE_PATH}?${topicQuery([1, 3])}`, 4, { 'last-event-id': first!.id! });
    const counter = first!.data.counter;
    expect(resumed.slice(0, 3).map((event) => event.data)).toEqual([
      { row: 3, counter },
      { row: 1, counter: counter + 1 },
      { row: 3, counter: counter + 1 },
    ]);
    expect(server.stats().mercure.requests.at(-1)).toEqual({ topics: 2, resumed: true });
  });

  it('refuses a stream without a topic, and publishes every row', async () => {
    server = await startMercureTopicsServer();
    const refused = await fetch(`${server.url}${MERCURE_PATH}`);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toBe('at least one topic is required');
    const rows = Array.from({ length: ROW_COUNT }, (_, index) => index + 1);
    const events = await readEvents(`${server.url}${MERCURE_PATH}?${topicQuery(rows)}`, ROW_COUNT);
    expect(events.map((event) => event.data.row).sort((a, b) => a - b)).toEqual(rows);
  });

  it('answers the POST the page times, and serves the page', async () => {
    server = await startMercureTopicsServer();
    const sent = await fetch(`${server.url}/api/send`, { method: 'POST', body: '{}' });
    expect(await sent.json()).toMatchObject({ ok: true });
    expect(server.stats().posts).toBe(1);
    expect(await (await fetch(`${server.url}/topics.html`)).text()).toContain('<script type="module" src="/topic-rows.js"></script>');
    expect((await fetch(`${server.url}/../server.js`)).status).toBe(404);
  });
});
