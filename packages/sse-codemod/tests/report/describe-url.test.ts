/**
 * What a stream connects to: each URL shape the report reads (literal, template,
 * concatenation, `const` through scope, `new URL(path, base)`) and the origin it belongs to.
 */
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { collectFileSites } from '../../src/report/collect-sites.js';
import { originOfText } from '../../src/report/describe-url.js';
import { hubModules } from '../../src/report/hub-modules.js';

/** The URL of the file's only (or last) stream: `kind text origin`. */
function url(text: string): string {
  const collection = collectFileSites({ file: path.resolve('/project/src/app.ts'), reportPath: 'src/app.ts', text }, hubModules(null, null));
  if (!collection.ok) throw new Error(collection.error);
  const site = collection.sites.at(-1);
  if (!site) throw new Error('no stream site');
  return `${site.url.kind} ${site.url.text ?? '-'} ${site.url.origin}`;
}

function key(text: string): string | null {
  const collection = collectFileSites({ file: path.resolve('/project/src/app.ts'), reportPath: 'src/app.ts', text }, hubModules(null, null));
  if (!collection.ok) throw new Error(collection.error);
  return collection.sites.at(-1)!.url.key;
}

describe('describeUrl', () => {
  it('reads a string literal', () => {
    expect(url("new EventSource('/api/feed');")).toBe('static /api/feed (same origin)');
    expect(url("new EventSource('https://Live.Example.com:8443/feed?x=1');")).toBe('static https://Live.Example.com:8443/feed?x=1 https://live.example.com:8443');
  });

  it('keeps a template literal with its values as placeholders', () => {
    expect(url('new EventSource(`/rows/${row.id}/events?since=${since}`);')).toBe('template /rows/{row.id}/events?since={since} (same origin)');
  });

  it('names an encoded value after what is encoded, and a long expression …', () => {
    expect(url('new EventSource(`/rows/${encodeURIComponent(id)}`);')).toBe('template /rows/{id} (same origin)');
    expect(url('new EventSource(`/rows/${computeTheIdentifier(row, options)}`);')).toBe('template /rows/{…} (same origin)');
  });

  it('joins a concatenation', () => {
    expect(url("new EventSource('/rows/' + id + '/events');")).toBe('template /rows/{id}/events (same origin)');
  });

  it('follows consts through scope, also to other consts', () => {
    const text = [
      "const HOST = 'https://api.example.com';",
      'const FEED = `${HOST}/feed`;',
      'export function open(id: string) {',
      '  const url = FEED + `/${id}`;',
      '  return new EventSource(url);',
      '}',
    ].join('\n');
    expect(url(text)).toBe('template https://api.example.com/feed/{id} https://api.example.com');
  });

  it('keeps the name of a variable that holds nothing it can read', () => {
    // `let` may change; a call's result is unknown: the whole URL is dynamic.
    expect(url("let feed = '/feed';\nfeed = pick();\nnew EventSource(feed);")).toBe('dynamic - (unknown)');
    expect(url('const url = build(id);\nnew EventSource(url);')).toBe('dynamic - (unknown)');
    expect(url('export function open(url: string) { return new EventSource(url); }')).toBe('dynamic - (unknown)');
    expect(url('new EventSource();')).toBe('dynamic - (unknown)');
  });

  it('resolves new URL(path, base) when the base is known', () => {
    expect(url("new EventSource(new URL('/events', 'https://API.example.com/v1/'));")).toBe('static https://api.example.com/events https://api.example.com');
    expect(url("const API = 'https://api.example.com/v1/';\nnew EventSource(new URL(`jobs/${id}/events`, API));")).toBe(
      'template https://api.example.com/v1/jobs/{id}/events https://api.example.com',
    );
    expect(url("new EventSource(new URL('https://other.example.com/feed', base));")).toBe('static https://other.example.com/feed https://other.example.com');
  });

  it('reads new URL(path, location.origin) as the page\'s own origin', () => {
    expect(url("new EventSource(new URL('/events', window.location.origin));")).toBe('static /events (same origin)');
    expect(url("new EventSource(new URL('/events', document.baseURI).href);")).toBe('static /events (same origin)');
  });

  it('places a URL built on the page\'s location in the page\'s origin', () => {
    expect(url('new EventSource(`${window.location.origin}/events`);')).toBe('template {window.location.origin}/events (same origin)');
    expect(url("new EventSource(location.href + '/events');")).toBe('template {location.href}/events (same origin)');
    expect(url('new EventSource(`${globalThis.location.origin}/events`);')).toBe('template {globalThis.location.origin}/events (same origin)');
  });

  it('shows what it knows of new URL(path, base) with an unknown base', () => {
    expect(url("new EventSource(new URL('/events', apiBase));")).toBe('template {apiBase}/events (unknown)');
    expect(url('new EventSource(new URL(path, apiBase));')).toBe('dynamic - (unknown)');
  });

  it('reads a URL object through .href, .toString() and String()', () => {
    const built = "const target = new URL('/feed', 'https://api.example.com');\n";
    expect(url(`${built}new EventSource(target.href);`)).toBe('static https://api.example.com/feed https://api.example.com');
    expect(url(`${built}new EventSource(target.toString());`)).toBe('static https://api.example.com/feed https://api.example.com');
    expect(url(`${built}new EventSource(String(target));`)).toBe('static https://api.example.com/feed https://api.example.com');
  });

  it('gives no origin to a host with a placeholder, and the host to a protocol-relative URL', () => {
    expect(url('new EventSource(`https://${tenant}.example.com/feed`);')).toBe('template https://{tenant}.example.com/feed (unknown)');
    expect(url('new EventSource(`https://api.example.com/${tenant}/feed`);')).toBe('template https://api.example.com/{tenant}/feed https://api.example.com');
    expect(url("new EventSource('//cdn.example.com/feed');")).toBe('static //cdn.example.com/feed //cdn.example.com');
    expect(url('new EventSource(`${base}/feed`);')).toBe('template {base}/feed (unknown)');
  });

  it('keys URLs so that the same URL matches however its values are named', () => {
    expect(key('new EventSource(`/rows/${id}/events#top`);')).toBe('/rows/{}/events');
    expect(key("new EventSource('/rows/' + row.id + '/events');")).toBe('/rows/{}/events');
    expect(key("new EventSource('HTTPS://API.example.com/Feed');")).toBe('https://api.example.com/Feed');
    expect(key('new EventSource(url);')).toBeNull();
  });

  it('reads the origin of an endpoint given as text', () => {
    expect(originOfText('/__sse_hub')).toBe('(same origin)');
    expect(originOfText('https://hub.example.com/__sse_hub')).toBe('https://hub.example.com');
    expect(originOfText('data:text/plain,hi')).toBe('(unknown)');
  });
});
