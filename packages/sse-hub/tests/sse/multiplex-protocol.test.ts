/**
 * The topic event codec shared by the server (which writes it) and the hub (which reads it).
 * Round trips go through the real event-stream parser, as on the wire.
 */
import { describe, expect, it, vi } from 'vitest';
import { createRandom } from '../../../../scripts/bench/generate-repository.js';
import {
  DEFAULT_HUB_ENDPOINT,
  HUB_EVENT_TYPE,
  HUB_TOPIC_EVENT_TYPE,
  formatTopicEvent,
  parseTopicEvent,
  type TopicEventFrame,
} from '../../src/sse/multiplex-protocol.js';
import { createEventStreamParser, formatEvent, type ParsedEvent } from '../../src/sse/parser.js';

/** Every event the parser reads from `text`, fed in one chunk. */
function parse(text: string): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  createEventStreamParser({ onEvent: (event) => events.push(event) }).push(text);
  return events;
}

/** The reference reading: the header through `JSON.parse`, as the protocol defines it. */
function parseWithJson(data: string): TopicEventFrame | undefined {
  const headerEnd = data.indexOf('\n');
  if (headerEnd === -1) return undefined;
  let header: unknown;
  try {
    header = JSON.parse(data.slice(0, headerEnd));
  } catch {
    return undefined;
  }
  if (!Array.isArray(header) || header.length !== 3 || !header.every((field) => typeof field === 'string')) return undefined;
  const [topic, type, id] = header as string[];
  return { kind: 'event', topic: topic!, type: type!, data: data.slice(headerEnd + 1), id: id! };
}

/** What the hub reads back from what the server wrote. */
function roundTrip(frame: Omit<TopicEventFrame, 'kind'>): TopicEventFrame | undefined {
  const events = parse(formatTopicEvent(frame));
  expect(events).toHaveLength(1);
  expect(events[0]!.type).toBe(HUB_TOPIC_EVENT_TYPE);
  return parseTopicEvent(events[0]!.data);
}

describe('formatTopicEvent', () => {
  it('writes a JSON header line, then the data verbatim: no second escaping of a JSON payload', () => {
    const text = formatTopicEvent({ topic: '/rows/1/events', type: 'message', id: '1-7', data: '{"row":1,"note":"say \\"hi\\""}' });
    expect(text).toBe(
      'event: sse-hub-event\n' +
        'data: ["/rows/1/events","message","1-7"]\n' +
        'data: {"row":1,"note":"say \\"hi\\""}\n' +
        '\n',
    );
  });

  it('writes each line of multi-line data as a data line', () => {
    expect(formatTopicEvent({ topic: '/t', type: 'patch', id: '', data: 'one\ntwo\r\nthree\rfour' })).toBe(
      'event: sse-hub-event\ndata: ["/t","patch",""]\ndata: one\ndata: two\ndata: three\ndata: four\n\n',
    );
  });

  it('keeps the header on one line whatever the topic, type and id hold', () => {
    const text = formatTopicEvent({ topic: '/a\nb', type: 'x\r\ny\u2028', id: 'i\rd\0', data: 'd' });
    expect(text).toBe('event: sse-hub-event\ndata: ["/a\\nb","x\\r\\ny\u2028","i\\rd\\u0000"]\ndata: d\n\n');
  });
});

describe('parseTopicEvent', () => {
  it('reads back what formatTopicEvent wrote, for awkward topics, types, ids and data', () => {
    const values = ['', ' ', '"', '\\', '","', '["x"]', 'é ü 😀', '\u2028\u2029', '\t', '\0', 'a\nb', 'a\rb', '{"k":"v"}'];
    for (const value of values) {
      const frame = { topic: `/rows/${value}`, type: value, id: value, data: value.replace(/\r/g, '\n') };
      expect(roundTrip(frame)).toEqual({ kind: 'event', ...frame });
    }
  });

  it('delivers the data an EventSource on the topic route would see: line breaks become \\n, spaces and blank lines stay', () => {
    const datas = ['', '\n', '\n\n', 'a\r\nb\rc\nd', ' leading space', 'trailing space ', 'ends with a break\n', ': not a comment', 'data: not a field', 'id: 9'];
    for (const data of datas) {
      // What a native EventSource on the route would report, had the route written this data.
      const [direct] = parse(formatEvent({ type: 'row', data, id: 'r-1' }));
      const frame = roundTrip({ topic: '/rows/1/events', type: 'row', id: 'r-1', data });
      expect(frame?.data).toBe(direct!.data);
    }
  });

  it('leaves the data after the header untouched, including further line breaks', () => {
    expect(parseTopicEvent('["/t","m","5"]\nfirst\n\nthird')).toEqual({ kind: 'event', topic: '/t', type: 'm', id: '5', data: 'first\n\nthird' });
  });

  it('accepts any JSON spelling of the header, as JSON.parse does', () => {
    expect(parseTopicEvent(' [ "/t" , "m" , "5" ] \nd')).toEqual({ kind: 'event', topic: '/t', type: 'm', id: '5', data: 'd' });
  });

  it.each([
    ['no line break after the header', '["/t","m","5"]'],
    // Read without its last character, this would be a whole header.
    ['no line break after a header with one character more', '["/t","m","5"]]'],
    // Headers that differ from a plain one in one character, each at a place the plain reader checks.
    ['a plain-looking header without its closing bracket', '["/t","m","5"\nd'],
    ['a plain-looking header without its opening bracket', '"/t","m","5"]\nd'],
    ['a plain-looking header with another character for its opening bracket', 'x"/t","m","5"]\nd'],
    ['a plain-looking header without its first quote', '[/t","m","5"]\nd'],
    ['a plain-looking header with a character after its last quote', '["/t","m","5"x\nd'],
    ['a plain-looking header with a character for its first comma', '["/t"x"m","5"]\nd'],
    ['a plain-looking header with a number for the type', '["/t",5,"5"]\nd'],
    ['a header that is not JSON', '["/t","m",\nd'],
    ['a header that is not an array', '{"topic":"/t"}\nd'],
    ['two fields', '["/t","m"]\nd'],
    ['four fields', '["/t","m","5","x"]\nd'],
    ['a number for the id', '["/t","m",5]\nd'],
    ['null for the topic', '[null,"m","5"]\nd'],
    ['an empty header', '\nd'],
    ['the old JSON frame', '{"kind":"event","topic":"/t","type":"m","data":"d","id":"5"}'],
  ])('rejects %s', (_, data) => {
    expect(parseTopicEvent(data)).toBeUndefined();
  });

  it('reads plain headers without JSON.parse, but accepts and rejects exactly what JSON.parse does, on 20,000 random headers', () => {
    const random = createRandom(5);
    // Pieces that matter to the plain reader: quotes, separators, escapes, brackets, control characters.
    const pieces = ['/rows/1/events', 'message', '42', '', '"', '","', '\\', '\\"', '\\n', '\\u0041', ',', '[', ']', ' ', '\t', '\0', '\x1f', 'é', '\u2028', '\ud800', '"]', '["'];
    const plainPieces = ['/rows/1/events', 'message', '42', '', ',', '[', ']', ' ', 'é', '\u2028', '\ud800', '"]', '["'];
    // Half the headers need no escape, so that the plain reader's own checks are exercised too.
    const field = (from: string[]) => Array.from({ length: random.int(0, 3) }, () => random.pick(from)).join('');
    let plain = 0;
    let accepted = 0;
    for (let index = 0; index < 20_000; index++) {
      const from = random.chance(0.5) ? plainPieces : pieces;
      let header = JSON.stringify([field(from), field(from), field(from)]);
      if (random.chance(0.5)) {
        // Damage it: a piece inserted, or a character dropped, somewhere.
        const at = random.int(0, header.length);
        header = random.chance(0.5) ? header.slice(0, at) + random.pick(pieces) + header.slice(at) : header.slice(0, at) + header.slice(at + 1);
      }
      const data = `${header}\n${field(pieces)}\n${field(pieces)}`;
      const expected = parseWithJson(data);
      const jsonParse = vi.spyOn(JSON, 'parse');
      expect(parseTopicEvent(data)).toEqual(expected);
      const parsedWithJson = jsonParse.mock.calls.length > 0;
      jsonParse.mockRestore();
      if (expected) accepted += 1;
      // Plain: spelled exactly as JSON.stringify writes it, with no escape and no control character.
      const isPlain = expected !== undefined && header === JSON.stringify([expected.topic, expected.type, expected.id]) && !/[\\\p{Cc}]/u.test(header);
      if (isPlain) plain += 1;
      // The plain reader exists for speed (about 90 against 480 ns per event), so it must take every plain header.
      if (isPlain) expect({ header, parsedWithJson }).toEqual({ header, parsedWithJson: false });
    }
    // Both paths were taken many times.
    expect(plain).toBeGreaterThan(2000);
    expect(accepted - plain).toBeGreaterThan(2000);
  });
});

describe('the protocol names', () => {
  // A tab keeps the hub it loaded while the server is redeployed, so these are wire format, not internals.
  it('keeps the endpoint and event names that deployed hubs and servers use', () => {
    expect(DEFAULT_HUB_ENDPOINT).toBe('/__sse_hub');
    expect(HUB_EVENT_TYPE).toBe('sse-hub');
    expect(HUB_TOPIC_EVENT_TYPE).toBe('sse-hub-event');
  });
});
