/**
 * The event-stream parser against the WHATWG "interpreting an event stream" steps: worked
 * examples, and a property test that feeds random streams in random chunks (splitting lines
 * and `\r\n` pairs anywhere) and compares with a line-at-a-time reading of the whole text.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../scripts/bench/generate-repository.js';
import { createEventStreamParser, formatEvent } from '../../src/sse/parser.js';

type Output = (string | number)[];

function parseChunks(chunks: readonly string[], lastEventId = ''): Output[] {
  const out: Output[] = [];
  const parser = createEventStreamParser(
    {
      onEvent: (event) => out.push(['event', event.type, event.data, event.lastEventId]),
      onRetry: (ms) => out.push(['retry', ms]),
      onComment: (text) => out.push(['comment', text]),
    },
    lastEventId,
  );
  for (const chunk of chunks) parser.push(chunk);
  out.push(['lastEventId', parser.lastEventId]);
  return out;
}

/** The spec's steps, as plainly as they read: split the whole text into lines, then interpret each. */
function referenceParse(text: string): Output[] {
  const out: Output[] = [];
  const lines = (text.startsWith('\uFEFF') ? text.slice(1) : text).split(/\r\n|\r|\n/);
  lines.pop(); // the text after the last line break is not a line yet
  let data: string[] = [];
  let type = '';
  let lastEventId = '';
  for (const line of lines) {
    if (line === '') {
      if (data.length > 0) out.push(['event', type || 'message', data.join('\n'), lastEventId]);
      data = [];
      type = '';
      continue;
    }
    if (line.startsWith(':')) {
      out.push(['comment', line.startsWith(': ') ? line.slice(2) : line.slice(1)]);
      continue;
    }
    const [field, ...rest] = line.split(':');
    let value = rest.join(':');
    if (value.startsWith(' ')) value = value.slice(1);
    if (field === 'data') data.push(value);
    else if (field === 'event') type = value;
    else if (field === 'id' && !value.includes('\0')) lastEventId = value;
    else if (field === 'retry' && /^\d+$/.test(value)) out.push(['retry', Number(value)]);
  }
  out.push(['lastEventId', lastEventId]);
  return out;
}

describe('createEventStreamParser', () => {
  it('dispatches on a blank line, joins data lines and keeps the last id', () => {
    expect(parseChunks(['id: 7\nevent: add\ndata: a\ndata:b\n\ndata: c\n\n'])).toEqual([
      ['event', 'add', 'a\nb', '7'],
      ['event', 'message', 'c', '7'],
      ['lastEventId', '7'],
    ]);
  });

  it('accepts \r, \n and \r\n line ends, even with \r\n split between chunks', () => {
    expect(parseChunks(['data: a\r', '\ndata: b\r\r', '\n', 'data: c\n\n'])).toEqual([
      ['event', 'message', 'a\nb', ''],
      ['event', 'message', 'c', ''],
      ['lastEventId', ''],
    ]);
  });

  it('removes one space after the colon, no more', () => {
    expect(parseChunks(['data:  two\n\ndata\n\n'])).toEqual([
      ['event', 'message', ' two', ''],
      ['event', 'message', '', ''],
      ['lastEventId', ''],
    ]);
  });

  it('reports comments and valid retry fields, and ignores the rest', () => {
    expect(parseChunks([': ping\n:\nretry: 2500\nretry: 1e3\nretry: -1\nfoo: bar\n\n'])).toEqual([
      ['comment', 'ping'],
      ['comment', ''],
      ['retry', 2500],
      ['lastEventId', ''],
    ]);
  });

  it('ignores an id containing NULL and a leading byte order mark, and keeps an event without a blank line pending', () => {
    expect(parseChunks(['\uFEFFid: 1\nid: a\0b\ndata: x\n\ndata: pending\n'])).toEqual([
      ['event', 'message', 'x', '1'],
      ['lastEventId', '1'],
    ]);
  });

  it('starts from the given last event id and forgets a half-read event on reset', () => {
    const events: string[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(`${event.data}@${event.lastEventId}`) }, '41');
    parser.push('data: half');
    parser.reset();
    parser.push('data: whole\n\n');
    expect(events).toEqual(['whole@41']);
  });

  it('reads what formatEvent writes', () => {
    const text = formatEvent({ type: 'row', id: '9', data: 'a\r\nb\nc' }) + formatEvent({ data: '{"x":1}' });
    expect(parseChunks([text])).toEqual([
      ['event', 'row', 'a\nb\nc', '9'],
      ['event', 'message', '{"x":1}', '9'],
      ['lastEventId', '9'],
    ]);
  });

  it('agrees with the line-at-a-time reading on 5,000 random streams cut into random chunks', () => {
    const random = createRandom(2024);
    const pieces = ['data: a', 'data:b', 'data', 'event: x', 'event:', 'id: 5', 'id', 'id: a\0b', 'retry: 100', 'retry: x',
      ': c', ':', '', 'foo: bar', 'data:  sp', 'data: ü€😀', 'data: a:b'];
    const breaks = ['\n', '\r', '\r\n'];
    for (let sample = 0; sample < 5_000; sample++) {
      let text = random.chance(0.1) ? '\uFEFF' : '';
      const lines = random.int(0, 12);
      for (let i = 0; i < lines; i++) text += random.pick(pieces) + random.pick(breaks);
      if (random.chance(0.3)) text += random.pick(pieces);
      const chunks: string[] = [];
      for (let offset = 0; offset < text.length; ) {
        const size = random.int(0, 6);
        chunks.push(text.slice(offset, offset + size));
        offset += size;
      }
      expect(parseChunks(chunks), JSON.stringify(chunks)).toEqual(referenceParse(text));
    }
  });
});
