/**
 * The event-stream parser against the WHATWG "interpreting an event stream" steps: worked
 * examples, and a property test that feeds random streams in random chunks (splitting lines
 * and `\r\n` pairs anywhere, with a reconnect between two streams) and compares with a
 * reading written from the spec's own wording, line by line.
 */
import { describe, expect, it } from 'vitest';
import { createEventStreamParser, formatEvent } from '../../src/sse/parser.js';
import { seededRandom } from '../hub/support/fake-clock.js';

type Output = (string | number)[];

/** Feeds each stream in its chunks, with `reset()` between streams, as a reconnect does. */
function parseStreams(streams: readonly (readonly string[])[], lastEventId = ''): Output[] {
  const out: Output[] = [];
  const parser = createEventStreamParser(
    {
      onEvent: (event) => out.push(['event', event.type, event.data, event.lastEventId]),
      onRetry: (ms) => out.push(['retry', ms]),
      onComment: (text) => out.push(['comment', text]),
    },
    { lastEventId },
  );
  for (const [index, chunks] of streams.entries()) {
    if (index > 0) parser.reset();
    for (const chunk of chunks) parser.push(chunk);
  }
  out.push(['lastEventId', parser.lastEventId]);
  return out;
}

function parseChunks(chunks: readonly string[], lastEventId = ''): Output[] {
  return parseStreams([chunks], lastEventId);
}

/**
 * The spec's steps, one by one, over whole streams. Each stream is split into lines first
 * (CRLF, LF or CR end a line; what follows the last line end is an unfinished line, which the
 * end of the stream discards), then each line is interpreted.
 *
 * One departure from the letter of the spec, to match browsers: the spec gives each stream a
 * fresh, empty last event ID buffer, while Chromium starts a resumed stream's buffer at the
 * last event ID string, so an event without `id:` after a reconnect keeps the id it resumed
 * from. tests/browser/last-event-id.test.ts checks that against Chromium.
 */
function specReading(streams: readonly string[], initialLastEventId = ''): Output[] {
  const out: Output[] = [];
  // Kept by the event source across its connections.
  let lastEventIdString = initialLastEventId;

  for (const stream of streams) {
    // UTF-8 decode ignores one leading byte order mark, on each stream.
    const text = stream.startsWith('\uFEFF') ? stream.slice(1) : stream;
    let dataBuffer = '';
    let eventTypeBuffer = '';
    let lastEventIdBuffer = lastEventIdString;

    const dispatchTheEvent = (): void => {
      // 1. The id becomes the event source's own only now, when its event is complete.
      lastEventIdString = lastEventIdBuffer;
      // 2. No data: nothing to dispatch.
      if (dataBuffer === '') {
        eventTypeBuffer = '';
        return;
      }
      // 3. Remove the line feed that the last `data` field appended.
      if (dataBuffer.endsWith('\n')) dataBuffer = dataBuffer.slice(0, -1);
      // 4-6. A MessageEvent of type "message", or the event type buffer when it is not empty.
      out.push(['event', eventTypeBuffer === '' ? 'message' : eventTypeBuffer, dataBuffer, lastEventIdString]);
      // 7.
      dataBuffer = '';
      eventTypeBuffer = '';
    };

    const processTheField = (field: string, value: string): void => {
      if (field === 'event') {
        eventTypeBuffer = value;
      } else if (field === 'data') {
        dataBuffer += `${value}\n`;
      } else if (field === 'id') {
        if (!value.includes('\u0000')) lastEventIdBuffer = value;
      } else if (field === 'retry') {
        const onlyAsciiDigits = value !== '' && [...value].every((character) => '0123456789'.includes(character));
        if (onlyAsciiDigits) out.push(['retry', parseInt(value, 10)]);
      }
      // Any other field is ignored.
    };

    for (const line of linesOf(text)) {
      if (line === '') {
        dispatchTheEvent();
      } else if (line.startsWith(':')) {
        // A comment: the spec ignores it; the parser reports it without the colon and one space.
        out.push(['comment', line.startsWith(': ') ? line.slice(2) : line.slice(1)]);
      } else if (line.includes(':')) {
        const colon = line.indexOf(':');
        let value = line.slice(colon + 1);
        if (value.startsWith(' ')) value = value.slice(1);
        processTheField(line.slice(0, colon), value);
      } else {
        processTheField(line, '');
      }
    }
    // The end of the stream: a half-read event (data, type and id) is discarded.
  }
  out.push(['lastEventId', lastEventIdString]);
  return out;
}

/** The complete lines of a stream, read one character at a time. */
function linesOf(text: string): string[] {
  const lines: string[] = [];
  let line = '';
  for (let index = 0; index < text.length; index++) {
    const character = text[index];
    if (character === '\r' || character === '\n') {
      lines.push(line);
      line = '';
      if (character === '\r' && text[index + 1] === '\n') index++;
    } else {
      line += character;
    }
  }
  return lines;
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

  it('gives a comment its text after one optional space, with or without the space', () => {
    expect(parseChunks([':x\n:  two\n: \n\n'])).toEqual([
      ['comment', 'x'],
      ['comment', ' two'],
      ['comment', ''],
      ['lastEventId', ''],
    ]);
  });

  it('needs no comment or retry callback: a stream with both still dispatches its events', () => {
    const events: string[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(`${event.data}@${event.lastEventId}`) });
    expect(parser.lastEventId).toBe('');
    parser.push(': ping\nretry: 10\ndata: a\n\n');
    expect(events).toEqual(['a@']);
  });

  it('ignores an empty retry field: an empty value is not "only ASCII digits"', () => {
    // Read as 0, it would make every reconnect immediate.
    expect(parseChunks(['retry\nretry:\nretry: \nretry:  1\nretry: 007\n\n'])).toEqual([['retry', 7], ['lastEventId', '']]);
  });

  it('ignores an id containing NULL and a leading byte order mark, and keeps an event without a blank line pending', () => {
    expect(parseChunks(['\uFEFFid: 1\nid: a\0b\ndata: x\n\ndata: pending\n'])).toEqual([
      ['event', 'message', 'x', '1'],
      ['lastEventId', '1'],
    ]);
  });

  it('makes an id the last event id only when its event is dispatched, as EventSource does', () => {
    // The stream is cut after `id: m-2`: a reconnect must ask for m-1, or m-2 is never sent again.
    expect(parseChunks(['id: m-1\ndata: one\n\nid: m-2\ndata: two\n'])).toEqual([
      ['event', 'message', 'one', 'm-1'],
      ['lastEventId', 'm-1'],
    ]);
    // A blank line dispatches the id even without data.
    expect(parseChunks(['id: m-1\ndata: one\n\nid: m-2\n\n'])).toEqual([
      ['event', 'message', 'one', 'm-1'],
      ['lastEventId', 'm-2'],
    ]);
  });

  it('starts from the given last event id and forgets a half-read event on reset, its id included', () => {
    const events: string[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(`${event.data}@${event.lastEventId}`) }, { lastEventId: '41' });
    parser.push('id: 42\ndata: half');
    parser.reset();
    expect(parser.lastEventId).toBe('41');
    parser.push('data: whole\n\n');
    expect(events).toEqual(['whole@41']);
  });

  it('strips a byte order mark again at the start of the stream after reset (a reconnect)', () => {
    expect(parseStreams([['data: one\n'], ['\uFEFFdata: two\n\n']])).toEqual([['event', 'message', 'two', ''], ['lastEventId', '']]);
  });

  it('reads what formatEvent writes', () => {
    const text = formatEvent({ type: 'row', id: '9', data: 'a\r\nb\nc' }) + formatEvent({ data: '{"x":1}' });
    expect(parseChunks([text])).toEqual([
      ['event', 'row', 'a\nb\nc', '9'],
      ['event', 'message', '{"x":1}', '9'],
      ['lastEventId', '9'],
    ]);
  });

  it.each([
    ['a line break in the type', { type: 'a\nb', data: '' }],
    ['a line break in the id', { id: 'a\rb', data: '' }],
    // A parser ignores such an id, so the event would carry the previous one.
    ['NUL in the id', { id: 'a\0b', data: '' }],
  ])('formatEvent refuses %s', (_, event) => {
    expect(() => formatEvent(event)).toThrow(
      new TypeError('SSE event type and id must not contain line breaks, and an id must not contain NUL'),
    );
  });

  it('formatEvent leaves out the type line for the default type, and keeps an empty id', () => {
    // `message` is what a parser assumes without a type line; writing it would only cost bytes.
    expect(formatEvent({ type: 'message', data: 'a' })).toBe('data: a\n\n');
    expect(formatEvent({ type: '', id: '', data: 'a' })).toBe('id: \ndata: a\n\n');
  });

  it('agrees with the spec reading on 5,000 random streams, cut into random chunks, some resumed after a reconnect', () => {
    const random = seededRandom(2024);
    const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    const pieces = ['data: a', 'data:b', 'data', 'data:', 'event: x', 'event:', 'id: 5', 'id:6', 'id', 'id: a\0b', 'id: ✓',
      'retry: 100', 'retry: x', 'retry:', 'retry: ', 'retry:007', ': c', ':', '', '', 'foo: bar', 'data:  sp', 'data: ü€😀',
      'data: a:b', '\uFEFFdata: not a byte order mark here',
      // Unknown fields as long as the known ones, which the parser tells apart by their length
      // first, then `data` and `id` code by code: each of their letters is missed once here.
      'date: x', 'ix: 8', 'evnt: y', 'retri: 7', 'topic: 3', 'bata: 1', 'dbta: 2', 'daha: 3', 'xd: 4', 'tvent: 5',
      'id: \0', 'id: 1\0'];
    const breaks = ['\n', '\r', '\r\n'];
    const randomStream = (): string => {
      let text = random() < 0.2 ? '\uFEFF' : '';
      const lines = int(0, 12);
      for (let i = 0; i < lines; i++) text += pick(pieces) + pick(breaks);
      if (random() < 0.3) text += pick(pieces);
      return text;
    };
    const randomChunks = (text: string): string[] => {
      const chunks: string[] = [];
      for (let offset = 0; offset < text.length; ) {
        const size = int(0, 6);
        chunks.push(text.slice(offset, offset + size));
        offset += size;
      }
      return chunks;
    };
    for (let sample = 0; sample < 5_000; sample++) {
      const streams = Array.from({ length: int(1, 2) }, randomStream);
      const initial = random() < 0.2 ? 'resumed' : '';
      const chunked = streams.map(randomChunks);
      expect(parseStreams(chunked, initial), JSON.stringify(chunked)).toEqual(specReading(streams, initial));
    }
  });
});
