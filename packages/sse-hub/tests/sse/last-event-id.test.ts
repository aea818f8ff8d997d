import { describe, expect, it } from 'vitest';
import { lastEventIdHeader } from '../../src/sse/last-event-id.js';

/** The bytes a header value stands for: one per character, as `fetch` sends them. */
function bytesOf(header: string): number[] {
  return [...header].map((character) => character.charCodeAt(0));
}

describe('lastEventIdHeader', () => {
  it('leaves an ASCII id as it is', () => {
    expect(lastEventIdHeader('m-1 x:y')).toBe('m-1 x:y');
  });

  it.each([
    // Outside Latin-1: fetch would refuse the id itself.
    ['\u2713-1', [0xe2, 0x9c, 0x93, 0x2d, 0x31]],
    // Inside Latin-1 but not ASCII: fetch would send one byte (E9), a browser sends two.
    ['\u00e9', [0xc3, 0xa9]],
    ['\u{1F600}', [0xf0, 0x9f, 0x98, 0x80]],
  ])('spells the UTF-8 bytes of %j, as EventSource sends them', (id, bytes) => {
    const header = lastEventIdHeader(id);
    expect(bytesOf(header)).toEqual(bytes);
    expect(new Headers({ 'last-event-id': header }).get('last-event-id')).toBe(header);
    // What a Node route reads (Node decodes header bytes as Latin-1) turns back into the id.
    expect(Buffer.from(header, 'latin1').toString('utf8')).toBe(id);
  });
});
