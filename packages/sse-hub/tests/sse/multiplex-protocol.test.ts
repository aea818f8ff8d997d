/**
 * The topic event format shared by the server (which writes it) and the hub (which reads it).
 * Round trips go through the real event-stream parser, as on the wire.
 */
import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../../scripts/bench/generate-repository.js';
import { DEFAULT_HUB_ENDPOINT, HUB_EVENT_TYPE, HUB_PROTOCOL_VERSION, formatTopicEvent, type TopicEventFrame } from '../../src/sse/multiplex-protocol.js';
import { createEventStreamParser, formatEvent, type ParsedEvent } from '../../src/sse/parser.js';

/** Every event the parser reads from `text`, fed in one chunk; `topicNumbers` as the hub reads its stream. */
function parse(text: string, topicNumbers = true): ParsedEvent[] {
  const events: ParsedEvent[] = [];
  createEventStreamParser({ onEvent: (event) => events.push(event) }, { topicNumbers }).push(text);
  return events;
}

/** What the hub reads back from what the server wrote. */
function roundTrip(frame: Omit<TopicEventFrame, 'kind'>): ParsedEvent {
  const events = parse(formatTopicEvent(frame));
  expect(events).toHaveLength(1);
  return events[0]!;
}

describe('formatTopicEvent', () => {
  it('writes the event as its route would, with the id always and the topic number before the data', () => {
    const text = formatTopicEvent({ number: 3, type: 'message', id: '1-7', data: '{"row":1,"note":"say \\"hi\\""}' });
    expect(text).toBe('id: 1-7\ntopic: 3\ndata: {"row":1,"note":"say \\"hi\\""}\n\n');
  });

  it('writes a type other than message, an empty id, and each line of multi-line data as a data line', () => {
    expect(formatTopicEvent({ number: 0, type: 'patch', id: '', data: 'one\ntwo\r\nthree\rfour' })).toBe(
      'event: patch\nid: \ntopic: 0\ndata: one\ndata: two\ndata: three\ndata: four\n\n',
    );
  });

  it.each([
    ['a negative number', -1],
    ['a fraction', 1.5],
    ['a number past the nine digits a hub reads', 1_000_000_000],
    ['NaN', Number.NaN],
  ])('refuses %s for the topic number', (_, number) => {
    expect(() => formatTopicEvent({ number, type: 'message', id: '', data: 'd' })).toThrow(/a topic number is an integer from 0 to 999999999/);
  });

  it('refuses a type or id that would break the event apart, as formatEvent does', () => {
    expect(() => formatTopicEvent({ number: 1, type: 'a\nb', id: '', data: 'd' })).toThrow(TypeError);
    expect(() => formatTopicEvent({ number: 1, type: 'm', id: 'a\0b', data: 'd' })).toThrow(TypeError);
  });
});

describe('reading topic events', () => {
  it('gives the hub each event with its topic number, type, data and id, for awkward values', () => {
    const values = ['', ' ', '"', '\\', ':', 'é ü 😀', '\u2028\u2029', '\t', '{"k":"v"}', 'topic: 9', 'data: x'];
    for (const [number, value] of values.entries()) {
      const event = roundTrip({ number, type: `t${value}`, id: value, data: value });
      expect(event).toEqual({ type: `t${value}`, data: value, lastEventId: value, topic: number });
    }
    // An empty type is the default type, as for any event stream.
    expect(roundTrip({ number: 2, type: '', id: 'x', data: 'd' })).toEqual({ type: 'message', data: 'd', lastEventId: 'x', topic: 2 });
  });

  it('delivers the data an EventSource on the topic route would see: line breaks become \\n, spaces and blank lines stay', () => {
    const datas = ['', '\n', '\n\n', 'a\r\nb\rc\nd', ' leading space', 'trailing space ', 'ends with a break\n', ': not a comment', 'data: not a field', 'id: 9', 'topic: 4'];
    for (const data of datas) {
      // What a native EventSource on the route would report, had the route written this data.
      const [direct] = parse(formatEvent({ type: 'row', data, id: 'r-1' }), false);
      const event = roundTrip({ number: 12, type: 'row', id: 'r-1', data });
      expect(event).toEqual({ ...direct, topic: 12 });
    }
  });

  it('resets the id between events of different topics: an event with an empty id does not inherit the one before it', () => {
    const text = formatTopicEvent({ number: 0, type: 'message', id: 'a-5', data: 'a' }) + formatTopicEvent({ number: 1, type: 'message', id: '', data: 'b' });
    expect(parse(text).map((event) => [event.topic, event.lastEventId])).toEqual([
      [0, 'a-5'],
      [1, ''],
    ]);
  });

  it('leaves control frames and other streams without a topic number', () => {
    const control = formatEvent({ type: HUB_EVENT_TYPE, data: JSON.stringify({ kind: 'open', topic: '/t' }) });
    expect(parse(control)).toEqual([{ type: HUB_EVENT_TYPE, data: '{"kind":"open","topic":"/t"}', lastEventId: '', topic: -1 }]);
    // A parser not asked for numbers treats `topic:` as the unknown field the spec says it is.
    expect(parse(formatTopicEvent({ number: 5, type: 'message', id: '1', data: 'd' }), false)).toEqual([{ type: 'message', data: 'd', lastEventId: '1', topic: -1 }]);
  });

  it.each([
    ['an empty value', 'topic:\ndata: d\n\n'],
    ['a sign', 'topic: -1\ndata: d\n\n'],
    ['a fraction', 'topic: 1.5\ndata: d\n\n'],
    ['hex', 'topic: 0x1\ndata: d\n\n'],
    ['two spaces', 'topic:  1\ndata: d\n\n'],
    ['trailing text', 'topic: 1a\ndata: d\n\n'],
    ['ten digits', 'topic: 1000000000\ndata: d\n\n'],
  ])('reads no topic number from %s', (_, text) => {
    expect(parse(text).map((event) => event.topic)).toEqual([-1]);
  });

  it('reads only the topic field: another five-letter field, or one of another length, is no number', () => {
    expect(parse('topik: 4\ndata: a\n\ntopics: 5\ndata: b\n\ntopi: 6\ndata: c\n\n').map((event) => event.topic)).toEqual([-1, -1, -1]);
  });

  it('reads the largest number it writes, nine digits', () => {
    expect(formatTopicEvent({ number: 999_999_999, type: 'message', id: '', data: 'd' })).toContain('topic: 999999999\n');
    expect(parse('topic: 999999999\ndata: d\n\n').map((event) => event.topic)).toEqual([999_999_999]);
  });

  it('forgets a topic number read in an event that a reconnect cut off', () => {
    const events: ParsedEvent[] = [];
    const parser = createEventStreamParser({ onEvent: (event) => events.push(event) }, { topicNumbers: true });
    parser.push('topic: 5\ndata: half');
    parser.reset();
    parser.push('data: whole\n\n');
    expect(events).toEqual([{ type: 'message', data: 'whole', lastEventId: '', topic: -1 }]);
  });

  it('keeps the last topic field of an event, and forgets it once the event is dispatched', () => {
    expect(parse('topic: 1\ntopic: 002\ndata: a\n\ndata: b\n\ntopic: 7\n\ndata: c\n\n').map((event) => [event.data, event.topic])).toEqual([
      ['a', 2],
      ['b', -1],
      ['c', -1],
    ]);
  });

  it('reads the same events however the stream is cut into chunks, on 2,000 random streams', () => {
    const random = createRandom(11);
    for (let sample = 0; sample < 2_000; sample++) {
      let text = '';
      const expected: [number, string, string, string][] = [];
      for (let index = random.int(1, 6); index > 0; index--) {
        const frame = { number: random.int(0, 120), type: random.pick(['message', 'patch', '']), id: random.pick(['', '7', 'a b']), data: random.pick(['x', '', 'a\nb', 'topic: 3']) };
        text += formatTopicEvent(frame);
        expected.push([frame.number, frame.type || 'message', frame.data, frame.id]);
      }
      const events: ParsedEvent[] = [];
      const parser = createEventStreamParser({ onEvent: (event) => events.push(event) }, { topicNumbers: true });
      for (let offset = 0; offset < text.length; ) {
        const size = random.int(1, 9);
        parser.push(text.slice(offset, offset + size));
        offset += size;
      }
      expect(events.map((event) => [event.topic, event.type, event.data, event.lastEventId])).toEqual(expected);
    }
  });
});

describe('the protocol names', () => {
  // A tab keeps the hub it loaded while the server is redeployed, so these are wire format, not internals.
  it('keeps the endpoint and control event name that deployed hubs and servers use, at version 3', () => {
    expect(DEFAULT_HUB_ENDPOINT).toBe('/__sse_hub');
    expect(HUB_EVENT_TYPE).toBe('sse-hub');
    expect(HUB_PROTOCOL_VERSION).toBe(3);
  });
});
