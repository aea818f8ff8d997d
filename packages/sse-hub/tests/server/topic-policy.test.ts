import { describe, expect, it } from 'vitest';
import { createTopicPolicy } from '../../src/server/topic-policy.js';

const ORIGIN = 'http://127.0.0.1:3000';
const policy = createTopicPolicy(['/rows/:id/events', '/files/*'], '/__sse_hub');

describe('the topic policy', () => {
  it('builds the upstream URL on the upstream origin, keeping the query', () => {
    const check = policy.check('/rows/7/events?fields=a,b&x=%20', ORIGIN);
    expect(check.ok).toBe(true);
    expect(check.ok && check.url.href).toBe(`${ORIGIN}/rows/7/events?fields=a,b&x=%20`);
  });

  it('matches patterns against decoded segments', () => {
    const check = policy.check('/rows/caf%C3%A9/events', ORIGIN);
    expect(check.ok && check.url.pathname).toBe('/rows/caf%C3%A9/events');
  });

  it.each([
    // Tricks that would climb out of an allowed route once a server decodes or normalises the path.
    '/files/%2e%2e/secret',
    '/files/%2E%2e/secret',
    '/files/.%2e/secret',
    '/files/./secret',
    '/files/a%2f..%2fsecret',
    '/files/a%5C..%5Csecret',
    '/files/a%00b',
    '/files/a%0d%0aInjected:%201',
    // Other hosts, however spelled.
    '//evil.example/files/a',
    '/\\evil.example/files/a',
    'http:/evil.example/files/a',
    'http://evil.example/files/a',
    'javascript:alert(1)',
    ' /files/a',
  ])('refuses %j as malformed (400)', (topic) => {
    const check = policy.check(topic, ORIGIN);
    expect(check).toMatchObject({ ok: false, status: 400 });
  });

  it('lets the query hold what the path may not', () => {
    // The query is not routed on; it reaches the app as the browser would have sent it.
    expect(policy.check('/files/a?path=..%2F..%2Fetc', ORIGIN).ok).toBe(true);
  });

  it('refuses what no pattern allows (403)', () => {
    expect(policy.check('/admin', ORIGIN)).toEqual({ ok: false, status: 403, reason: 'topic is not on the allow-list' });
    expect(policy.check('/__sse_hub', ORIGIN)).toEqual({
      ok: false,
      status: 403,
      reason: 'the multiplexer endpoint cannot be a topic',
    });
  });
});
