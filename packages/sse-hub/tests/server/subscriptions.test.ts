import { afterEach, describe, expect, it } from 'vitest';
import { createMultiplexer, UPSTREAM_MARKER_HEADER } from '../../src/server/index.js';
import { MAX_TOPIC_LENGTH } from '../../src/server/topic-policy.js';
import { createRowApp, listen, openHubClient, startStack, waitUntil } from './support/loopback.js';
import type { Stack } from './support/loopback.js';

let stack: Stack | undefined;
afterEach(async () => {
  await stack?.close();
  stack = undefined;
});

const CREDENTIALS = { cookie: 'session=alice; theme=dark', authorization: 'Bearer alice-token' };

describe('subscribing to topics (POST)', () => {
  it('proxies a topic to the app route with the caller credentials and the marker header', async () => {
    stack = await startStack();
    const client = await stack.open(CREDENTIALS);

    const answer = await client.post({ connection: client.connection, subscribe: ['/rows/7/events?fields=a,b'] });
    expect(answer).toEqual({ status: 200, body: { accepted: ['/rows/7/events?fields=a,b'], refused: [] } });

    await client.nextFrame('open');
    const [upstream] = stack.app.requests;
    expect(upstream?.path).toBe('/rows/7/events?fields=a,b');
    expect(upstream?.headers.cookie).toBe(CREDENTIALS.cookie);
    expect(upstream?.headers.authorization).toBe(CREDENTIALS.authorization);
    expect(upstream?.headers[UPSTREAM_MARKER_HEADER]).toBe('1');
    expect(upstream?.headers.accept).toBe('text/event-stream');
    expect(upstream?.headers['last-event-id']).toBeUndefined();
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 1, upstreams: 1 });
  });

  it('does not forward headers outside forwardHeaders', async () => {
    stack = await startStack({ forwardHeaders: ['x-api-key'] });
    const client = await stack.open({ ...CREDENTIALS, 'x-api-key': 'k-1', 'x-other': 'no' });
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events'] });
    await client.nextFrame('open');

    const { headers } = stack.app.requests[0]!;
    expect(headers['x-api-key']).toBe('k-1');
    expect(headers.cookie).toBeUndefined();
    expect(headers.authorization).toBeUndefined();
    expect(headers['x-other']).toBeUndefined();
  });

  it('tags each upstream event with its topic, type, data and last event id', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events', '/rows/2/events'] });
    await client.nextFrame('open', (frame) => frame.topic === '/rows/1/events');
    await client.nextFrame('open', (frame) => frame.topic === '/rows/2/events');
    await waitUntil(() => stack!.app.requests.length === 2, 'both upstream requests');

    stack.app.requestsTo('/rows/2/events')[0]!.send({ data: 'two', id: 'r2-1' });
    stack.app.requestsTo('/rows/1/events')[0]!.send({ type: 'patch', data: 'line one\nline two' });
    // An event without an id keeps the last id in force, as EventSource#lastEventId does.
    stack.app.requestsTo('/rows/2/events')[0]!.send({ data: 'two again' });

    expect(await client.nextFrame('event', (frame) => frame.topic === '/rows/2/events')).toEqual({
      kind: 'event',
      topic: '/rows/2/events',
      number: 1,
      type: 'message',
      data: 'two',
      id: 'r2-1',
    });
    expect(await client.nextFrame('event', (frame) => frame.topic === '/rows/1/events')).toEqual({
      kind: 'event',
      topic: '/rows/1/events',
      number: 0,
      type: 'patch',
      data: 'line one\nline two',
      id: '',
    });
    expect(await client.nextFrame('event', (frame) => frame.topic === '/rows/2/events')).toMatchObject({
      data: 'two again',
      id: 'r2-1',
    });
  });

  it('writes a topic event as the upstream sent it, with its id and its topic number, the data verbatim', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/rows/3/events'] });
    await client.nextFrame('open');
    const upstream = await waitUntil(() => stack!.app.requests[0], 'the upstream request');
    const before = client.text.length;

    upstream.sendRaw('event: row\r\nid: r3-1\r\ndata: {"status":"say \\"hi\\""}\r\ndata: second line\r\n\r\n');
    await client.nextFrame('event');
    // The app's JSON goes out as it came, not escaped into another JSON string; CRLF became LF.
    expect(client.text.slice(before)).toBe('event: row\n' + 'id: r3-1\n' + 'topic: 0\n' + 'data: {"status":"say \\"hi\\""}\n' + 'data: second line\n' + '\n');
    expect(client.framesOf('event')).toEqual([
      { kind: 'event', topic: '/rows/3/events', number: 0, type: 'row', data: '{"status":"say \\"hi\\""}\nsecond line', id: 'r3-1' },
    ]);
  });

  it('numbers each accepted topic on its stream before anything else of it, lowest free number first, and gives a left number again', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events', '/rows/2/events', '/rows/3/events'] });
    await client.nextFrame('open', (frame) => frame.topic === '/rows/3/events');
    expect(client.framesOf('subscribed')).toEqual([
      { kind: 'subscribed', topic: '/rows/1/events', number: 0 },
      { kind: 'subscribed', topic: '/rows/2/events', number: 1 },
      { kind: 'subscribed', topic: '/rows/3/events', number: 2 },
    ]);
    // Each topic's number comes before its open.
    for (const topic of ['/rows/1/events', '/rows/2/events', '/rows/3/events']) {
      const numbered = client.frames.findIndex((frame) => frame.kind === 'subscribed' && frame.topic === topic);
      const opened = client.frames.findIndex((frame) => frame.kind === 'open' && frame.topic === topic);
      expect(numbered).toBeLessThan(opened);
    }
    // Subscribing again to a topic that is flowing keeps its number and announces nothing.
    await client.post({ connection: client.connection, subscribe: ['/rows/3/events'], unsubscribe: ['/rows/2/events'] });
    await client.post({ connection: client.connection, subscribe: ['/rows/4/events'] });
    await client.nextFrame('open', (frame) => frame.topic === '/rows/4/events');
    expect(client.framesOf('subscribed').slice(3)).toEqual([{ kind: 'subscribed', topic: '/rows/4/events', number: 1 }]);
    const upstream = await waitUntil(() => stack!.app.requestsTo('/rows/4/events')[0], 'the upstream request of /rows/4/events');
    upstream.send({ data: 'four', id: 'r4-1' });
    expect(await client.nextFrame('event')).toEqual({ kind: 'event', topic: '/rows/4/events', number: 1, type: 'message', data: 'four', id: 'r4-1' });
  });

  it('resumes a topic after the lastEventId the subscription hands back', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [{ topic: '/rows/4/events', lastEventId: 'r4-41' }] });
    await client.nextFrame('open');
    expect(stack.app.requests[0]?.headers['last-event-id']).toBe('r4-41');
  });

  it('hands a lastEventId outside Latin-1 upstream as its UTF-8 bytes, as EventSource would send it', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: [{ topic: '/rows/4/events', lastEventId: '\u2713-41 \u00e9' }] });
    await client.nextFrame('open');
    expect(Buffer.from(String(stack.app.requests[0]?.headers['last-event-id']), 'latin1')).toEqual(Buffer.from('\u2713-41 \u00e9'));
  });

  it('treats a repeated subscription as a no-op, without a second upstream', async () => {
    stack = await startStack();
    const client = await stack.open();
    await client.post({ connection: client.connection, subscribe: ['/rows/1/events'] });
    await client.nextFrame('open');

    const again = await client.post({ connection: client.connection, subscribe: ['/rows/1/events', '/rows/1/events'] });
    expect(again.body).toEqual({ accepted: ['/rows/1/events'], refused: [] });
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 1, upstreams: 1 });
    expect(stack.app.requests).toHaveLength(1);
  });
});

describe('topics the allow-list refuses', () => {
  it.each([
    ['/admin/events', 403, 'topic is not on the allow-list'],
    ['/rows/1/events/extra', 403, 'topic is not on the allow-list'],
    ['/rows//events', 403, 'topic is not on the allow-list'],
    ['/__sse_hub', 403, 'the multiplexer endpoint cannot be a topic'],
    ['//evil.example/rows/1/events', 400, 'a topic must be a same-origin path starting with a single "/"'],
    ['http://evil/', 400, 'a topic must be a same-origin path starting with a single "/"'],
    ['https://evil.example/rows/1/events', 400, 'a topic must be a same-origin path starting with a single "/"'],
    ['rows/1/events', 400, 'a topic must be a same-origin path starting with a single "/"'],
    ['/\\evil.example/rows/1/events', 400, 'a topic must not contain a backslash or a fragment'],
    ['/rows/1/events#x', 400, 'a topic must not contain a backslash or a fragment'],
    ['/rows/%2e%2e/events', 400, expect.stringContaining('".."')],
    ['/rows/..%2Fadmin/events', 400, expect.stringContaining('encoded separators')],
    ['/rows/1/events/..', 400, expect.stringContaining('".."')],
    ['/rows/%E0%A4%A/events', 400, expect.stringContaining('malformed escapes')],
    ['/rows/1\n/events', 400, 'a topic must be percent-encoded visible ASCII'],
    ['/rows/1 /events', 400, 'a topic must be percent-encoded visible ASCII'],
    ['', 400, `a topic must be 1 to ${MAX_TOPIC_LENGTH} characters long`],
    [`/rows/${'a'.repeat(MAX_TOPIC_LENGTH)}/events`, 400, `a topic must be 1 to ${MAX_TOPIC_LENGTH} characters long`],
  ])('refuses %j with %i and never fetches it', async (topic, status, reason) => {
    stack = await startStack();
    const client = await stack.open();
    const answer = await client.post({ connection: client.connection, subscribe: [topic] });

    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({ accepted: [], refused: [{ topic, status, reason }] });
    expect(stack.multiplexer.stats()).toEqual({ connections: 1, topics: 0, upstreams: 0 });
    expect(stack.app.requests).toHaveLength(0);
  });

  it('refuses the endpoint as a topic even when a wildcard would allow it', async () => {
    stack = await startStack({ allow: ['/*'] });
    const client = await stack.open();
    const answer = await client.post({ connection: client.connection, subscribe: ['/__sse_hub?x=1', '/rows/1/events'] });
    expect(answer.body).toEqual({
      accepted: ['/rows/1/events'],
      refused: [{ topic: '/__sse_hub?x=1', status: 403, reason: 'the multiplexer endpoint cannot be a topic' }],
    });
  });

  it('refuses a lastEventId that could break the upstream request', async () => {
    stack = await startStack();
    const client = await stack.open();
    const answer = await client.post({
      connection: client.connection,
      subscribe: [{ topic: '/rows/1/events', lastEventId: 'a\r\nx-injected: 1' }],
    });
    expect(answer.body.refused).toEqual([
      { topic: '/rows/1/events', status: 400, reason: expect.stringContaining('without line breaks') },
    ]);
    expect(stack.app.requests).toHaveLength(0);
  });

  it('refuses topics over maxTopicsPerConnection with 429, and frees a slot on unsubscribe', async () => {
    stack = await startStack({ maxTopicsPerConnection: 2 });
    const client = await stack.open();
    const full = await client.post({
      connection: client.connection,
      subscribe: ['/rows/1/events', '/rows/2/events', '/rows/3/events'],
    });
    expect(full.body).toEqual({
      accepted: ['/rows/1/events', '/rows/2/events'],
      refused: [{ topic: '/rows/3/events', status: 429, reason: 'a connection may hold at most 2 topics' }],
    });

    // Unsubscribes apply first, so one change can swap a topic while at the limit.
    const swapped = await client.post({
      connection: client.connection,
      unsubscribe: ['/rows/1/events'],
      subscribe: ['/rows/3/events'],
    });
    expect(swapped.body).toEqual({ accepted: ['/rows/3/events'], refused: [] });
    expect(stack.multiplexer.stats().topics).toBe(2);
  });
});

describe('subscription requests the multiplexer rejects as a whole', () => {
  async function rawPost(body: string, headers: Record<string, string> = {}): Promise<{ status: number; json: unknown }> {
    const response = await fetch(stack!.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    return { status: response.status, json: await response.json() };
  }

  it('answers malformed JSON with 400', async () => {
    stack = await startStack();
    expect(await rawPost('{"connection": ')).toEqual({ status: 400, json: { error: 'body is not valid JSON' } });
  });

  it.each([
    ['[]', 'body must be a JSON object'],
    ['{"subscribe": ["/rows/1/events"]}', '"connection" must be the id from the stream\'s ready frame'],
    ['{"connection": "c", "subscribe": "/rows/1/events"}', '"subscribe" must be an array of topics or { topic, lastEventId? } objects'],
    ['{"connection": "c", "subscribe": [{"topic": 1}]}', '"subscribe" must be an array of topics or { topic, lastEventId? } objects'],
    ['{"connection": "c", "unsubscribe": [null]}', '"unsubscribe" must be an array of topics'],
  ])('answers the wrong shape %s with 400', async (body, error) => {
    stack = await startStack();
    expect(await rawPost(body)).toEqual({ status: 400, json: { error } });
  });

  it('answers an unknown connection with 404', async () => {
    stack = await startStack();
    expect(await rawPost(JSON.stringify({ connection: 'not-a-connection', subscribe: ['/rows/1/events'] }))).toEqual({
      status: 404,
      json: { error: 'unknown or closed connection' },
    });
  });

  it('answers a body over 64 KiB with 413', async () => {
    stack = await startStack();
    const client = await stack.open();
    const huge = JSON.stringify({ connection: client.connection, subscribe: ['/rows/1/events'], padding: 'x'.repeat(70_000) });
    expect((await rawPost(huge)).status).toBe(413);
    expect(stack.app.requests).toHaveLength(0);
  });

  it('answers a non-JSON content type with 415', async () => {
    stack = await startStack();
    const client = await stack.open();
    const answer = await rawPost(JSON.stringify({ connection: client.connection, subscribe: ['/rows/1/events'] }), {
      'content-type': 'text/plain',
    });
    expect(answer.status).toBe(415);
    expect(stack.multiplexer.stats().topics).toBe(0);
  });

  it('answers a cross-site request with 403', async () => {
    stack = await startStack();
    const client = await stack.open();
    const answer = await client.post(
      { connection: client.connection, subscribe: ['/rows/1/events'] },
      { headers: { 'sec-fetch-site': 'cross-site' } },
    );
    expect(answer.status).toBe(403);
    expect(stack.multiplexer.stats().topics).toBe(0);
  });
});

describe('credential binding of connection ids', () => {
  it.each([
    ['another cookie', { cookie: 'session=mallory' }],
    ['no cookie', { cookie: '' }],
    ['another authorization', { authorization: 'Bearer mallory-token' }],
  ])('refuses a POST with %s than the stream was opened with (403)', async (_label, override) => {
    stack = await startStack();
    const victim = await stack.open(CREDENTIALS);
    const response = await fetch(stack.endpointUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...CREDENTIALS, ...override },
      body: JSON.stringify({ connection: victim.connection, subscribe: ['/rows/1/events'] }),
    });
    expect(response.status).toBe(403);
    expect(await response.json()).toEqual({ error: 'this connection was opened with other credentials' });
    expect(stack.multiplexer.stats().topics).toBe(0);
    expect(stack.app.requests).toHaveLength(0);
  });

  it('binds forwarded headers too', async () => {
    stack = await startStack({ forwardHeaders: ['x-api-key'] });
    const client = await stack.open({ 'x-api-key': 'k-1' });
    const wrongKey = await client.post(
      { connection: client.connection, subscribe: ['/rows/1/events'] },
      { headers: { 'x-api-key': 'k-2' } },
    );
    expect(wrongKey.status).toBe(403);
    const sameKey = await client.post({ connection: client.connection, subscribe: ['/rows/1/events'] });
    expect(sameKey.status).toBe(200);
  });
});

describe('a body parser mounted before the multiplexer', () => {
  it('uses the body it already parsed instead of waiting for a consumed stream', async () => {
    stack = await startStack();
    const client = await stack.open();
    // Simulates `app.use(express.json())` followed by the multiplexer.
    const parsingServer = await listen((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        Object.assign(req, { body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as unknown });
        stack!.multiplexer.node(req, res);
      });
    });
    try {
      const response = await fetch(`${parsingServer.origin}/__sse_hub`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ connection: client.connection, subscribe: ['/bad/topic'] }),
      });
      expect(response.status).toBe(200);
      expect(await response.json()).toEqual({
        accepted: [],
        refused: [{ topic: '/bad/topic', status: 403, reason: 'topic is not on the allow-list' }],
      });
    } finally {
      await parsingServer.close();
    }
  });
});

describe('upstreamOrigin', () => {
  it('fetches topics from the configured origin instead of the one the request arrived on', async () => {
    const app = createRowApp();
    const appServer = await listen((req, res) => app.handle(req, res, () => res.writeHead(404).end()));
    const multiplexer = createMultiplexer({ allow: ['/rows/:id/events'], upstreamOrigin: appServer.origin });
    const hubServer = await listen((req, res) => multiplexer.node(req, res));
    const client = await openHubClient(`${hubServer.origin}/__sse_hub`);
    try {
      await client.post({ connection: client.connection, subscribe: ['/rows/3/events'] });
      await client.nextFrame('open');
      expect(app.requests.map((request) => request.path)).toEqual(['/rows/3/events']);
      expect(app.requests[0]?.headers.host).toBe(new URL(appServer.origin).host);
    } finally {
      client.disconnect();
      await multiplexer.close();
      await hubServer.close();
      await appServer.close();
    }
  });
});
