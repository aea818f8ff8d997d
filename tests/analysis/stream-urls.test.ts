import { describe, expect, it } from 'vitest';
import { streamUrlOf } from '../../src/analysis/stream-urls.js';
import { analyse, find, isNewEventSource, parsers } from './probe.js';

describe.each(parsers)('streamUrlOf (%s)', (_name, parser) => {
  /** The URL of the first `new EventSource(…)` of `code`, as `text` and `key`; null when it may differ between runs. */
  function url(code: string): { text: string; key: string } | null {
    return analyse(parser, code, (sourceCode) => {
      const opening = find(sourceCode.ast, isNewEventSource);
      return streamUrlOf({ sourceCode, fileName: '/app/src/feed.js' }, opening.arguments[0]!);
    });
  }
  const textOf = (code: string) => url(code)?.text ?? null;
  const keyOf = (code: string) => url(code)?.key ?? null;

  it('resolves literals, constants, templates, + and object members', () => {
    expect(textOf(`new EventSource('/api/events');`)).toBe('/api/events');
    expect(textOf(`const API = '/api'; new EventSource(\`\${API}/events\`);`)).toBe('/api/events');
    expect(textOf(`const API = '/api'; const URL_ = API + '/events'; new EventSource(URL_);`)).toBe('/api/events');
    expect(textOf(`const config = { api: { events: '/api/events' } }; new EventSource(config.api.events);`)).toBe('/api/events');
    expect(textOf(`let base = '/api'; new EventSource(base + '/events');`)).toBe('/api/events');
  });

  it('keeps values that are the same for the whole page as named placeholders', () => {
    expect(textOf(`import { EVENTS_URL } from './config'; new EventSource(EVENTS_URL);`)).toBe('{EVENTS_URL}');
    expect(keyOf(`import { EVENTS_URL } from './config'; new EventSource(EVENTS_URL);`)).toBe('{import /app/src/config EVENTS_URL}');
    expect(keyOf(`import { EVENTS_URL as E } from '../src/config.js'; new EventSource(E);`)).toBe('{import /app/src/config EVENTS_URL}');
    expect(textOf(`new EventSource(\`\${import.meta.env.VITE_API}/events\`);`)).toBe('{import.meta.env.VITE_API}/events');
    expect(keyOf(`new EventSource(\`\${import.meta.env.VITE_API}/events\`);`)).toBe(keyOf(`new EventSource(process.env.VITE_API + '/events');`));
    expect(textOf(`const BASE = getBase(); new EventSource(BASE + '/events');`)).toBe('{BASE}/events');
    expect(textOf(`import config from './config'; new EventSource(config.eventsUrl);`)).toBe('{config.eventsUrl}');
    expect(textOf(`new EventSource(API_URL + '/events');`)).toBe('{API_URL}/events');
    expect(textOf(`const BASE = import.meta.env.VITE_API ?? '/api'; new EventSource(\`\${BASE}/events\`);`)).toBe('{BASE}/events');
  });

  it('compares URLs without the fragment, the page origin, or the case of the host', () => {
    expect(keyOf(`new EventSource('/api/events#alerts');`)).toBe('/api/events');
    expect(keyOf(`new EventSource(\`\${window.location.origin}/api/events\`);`)).toBe('/api/events');
    expect(keyOf(`new EventSource(location.protocol + '//' + location.host + '/api/events');`)).toBe('/api/events');
    expect(keyOf(`new EventSource(new URL('/api/events', location.href));`)).toBe('/api/events');
    expect(keyOf(`new EventSource(new URL('events', 'https://Example.com/api/').href);`)).toBe('https://example.com/api/events');
    expect(keyOf(`new EventSource('HTTPS://API.Example.com/Events');`)).toBe('https://api.example.com/Events');
  });

  it('keeps a subdomain of the page whole: another host, not the page\'s origin', () => {
    expect(url('new EventSource(`${location.protocol}//api.${location.host}/events`);')).toEqual({
      text: '{location.protocol}//api.{location.host}/events',
      key: '{location.protocol}//api.{location.host}/events',
    });
  });

  it('reads an absolute URL whatever its base, and a URL object\'s toString() and toJSON()', () => {
    expect(keyOf(`new EventSource(new URL('https://h.example/events', ...bases));`)).toBe('https://h.example/events');
    expect(url(`new EventSource(new URL('/events', ...bases));`)).toBeNull();
    const built = `const u = new URL('/events', 'https://h.example/');`;
    expect(keyOf(`${built} new EventSource(u.toJSON());`)).toBe('https://h.example/events');
    expect(keyOf(`${built} new EventSource(u.toString(1));`)).toBe('https://h.example/events');
    expect(url(`${built} new EventSource(u.valueOf());`)).toBeNull();
  });

  it('gives no URL when it may differ between runs', () => {
    expect(url(`function Row({ id }) { new EventSource(\`/jobs/\${id}\`); }`)).toBeNull();
    expect(url(`function open(url) { new EventSource(url); }`)).toBeNull();
    expect(url(`new EventSource(apiUrl('/events'));`)).toBeNull();
    expect(url(`let base = '/api'; base = '/v2'; new EventSource(base + '/events');`)).toBeNull();
    expect(url(`const config = { ...defaults }; new EventSource(config.url);`)).toBeNull();
    expect(url(`new EventSource(cond ? '/a' : '/b');`)).toBeNull();
    expect(url(`new EventSource(new URL('events', location.href));`)).toBeNull();
  });
});
