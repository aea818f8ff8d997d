import { describe, expect, it } from 'vitest';
import { resolveOptions } from '../../src/server/options.js';
import type { MultiplexerOptions } from '../../src/server/index.js';

describe('resolveOptions', () => {
  it('fills in the documented defaults', () => {
    const resolved = resolveOptions({ allow: ['/rows/:id/events'] });
    expect(resolved).toMatchObject({
      endpoint: '/__sse_hub',
      upstreamOrigin: undefined,
      forwardHeaders: ['cookie', 'authorization'],
      boundHeaders: ['cookie', 'authorization'],
      heartbeatMs: 15_000,
      upstreamHeadersTimeoutMs: 30_000,
      retryMs: [2000, 8000],
      maxTopicsPerConnection: 64,
    });
  });

  it('lower-cases forwarded headers and always binds cookie and authorization', () => {
    const resolved = resolveOptions({ allow: ['/feed'], forwardHeaders: ['X-Api-Key', 'Cookie'] });
    expect(resolved.forwardHeaders).toEqual(['x-api-key', 'cookie']);
    expect(resolved.boundHeaders).toEqual(['cookie', 'authorization', 'x-api-key']);
  });

  it('normalises upstreamOrigin to an origin', () => {
    expect(resolveOptions({ allow: ['/feed'], upstreamOrigin: 'HTTP://LocalHost:3000/' }).upstreamOrigin).toBe(
      'http://localhost:3000',
    );
  });

  it.each<[string, Partial<MultiplexerOptions>, string]>([
    ['no allow-list', { allow: [] }, 'allow must list at least one path pattern'],
    ['a bad pattern', { allow: ['rows/:id'] }, 'must be a path starting with a single "/"'],
    ['a relative endpoint', { endpoint: 'hub' }, 'endpoint must be a path'],
    ['an endpoint with a query', { endpoint: '/hub?x=1' }, 'endpoint must be a path'],
    ['a non-http upstream', { upstreamOrigin: 'file:///etc' }, 'must be an http: or https: origin'],
    ['an upstream with a path', { upstreamOrigin: 'http://localhost:3000/api' }, 'must be an origin only'],
    ['an upstream that is not a URL', { upstreamOrigin: '127.0.0.1:3000' }, 'must be an absolute http(s) origin'],
    ['a bad header name', { forwardHeaders: ['x api'] }, 'is not a header name'],
    ['a zero heartbeat', { heartbeatMs: 0 }, 'heartbeatMs must be a positive number'],
    ['a heartbeat setInterval cannot hold', { heartbeatMs: 2 ** 31 }, 'heartbeatMs must be a positive number'],
    ['a zero upstream headers timeout', { upstreamHeadersTimeoutMs: 0 }, 'upstreamHeadersTimeoutMs must be a positive number'],
    ['an endless upstream headers timeout', { upstreamHeadersTimeoutMs: Infinity }, 'upstreamHeadersTimeoutMs must be a positive number'],
    ['an inverted retry range', { retryMs: [5000, 1000] }, 'retryMs must be [min, max]'],
    ['a negative retry', { retryMs: [-1, 1000] }, 'retryMs must be [min, max]'],
    ['a fractional topic limit', { maxTopicsPerConnection: 1.5 }, 'maxTopicsPerConnection must be a positive integer'],
    ['a zero topic limit', { maxTopicsPerConnection: 0 }, 'maxTopicsPerConnection must be a positive integer'],
  ])('rejects %s at creation', (_label, override, message) => {
    expect(() => resolveOptions({ allow: ['/rows/:id/events'], ...override })).toThrow(message);
  });
});
