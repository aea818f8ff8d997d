/**
 * The chunk decoder against the platform's own `TextDecoder`: whatever the reads, the text
 * they give together is what one decode of all their bytes gives, invalid bytes included.
 */
import { describe, expect, it } from 'vitest';
import { createUtf8ChunkDecoder, wholeCharactersEnd } from '../../src/sse/utf8-chunks.js';
import { seededRandom } from '../hub/support/fake-clock.js';

const encoder = new TextEncoder();

/** What one decode of every byte gives, with the byte order mark kept as this decoder keeps it. */
function decodeAtOnce(bytes: Uint8Array): string {
  return new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes);
}

function decodeInReads(reads: readonly Uint8Array[]): string[] {
  const decoder = createUtf8ChunkDecoder();
  return reads.map((read) => decoder.decode(read));
}

describe('wholeCharactersEnd', () => {
  it.each([
    ['nothing', [], 0],
    ['ASCII', [0x61, 0x62], 2],
    ['a finished two-byte character', [0x61, 0xc3, 0xa9], 3],
    ['a lead byte alone', [0x61, 0xc3], 1],
    ['two of three bytes', [0xe2, 0x82], 0],
    ['three of four bytes', [0x61, 0xf0, 0x9f, 0x98], 1],
    ['a finished four-byte character', [0xf0, 0x9f, 0x98, 0x80], 4],
    ['a finished character and a stray continuation byte', [0xf0, 0x9f, 0x98, 0x80, 0x80], 5],
    ['four continuation bytes', [0x80, 0x80, 0x80, 0x80], 4],
    ['the lowest two-byte lead byte alone', [0x61, 0xc2], 1],
    ['the highest two-byte lead byte alone', [0x61, 0xdf], 1],
    ['a byte that starts no character', [0x61, 0xf8], 2],
    ['an unfinished sequence broken by a byte that starts no character', [0xf0, 0x9f, 0xc0], 3],
    ['an overlong lead byte', [0x61, 0xc0], 2],
    ['a lead byte and a second byte out of its bounds (a surrogate)', [0x61, 0xed, 0xa0], 3],
    ['a lead byte and a second byte within its bounds', [0x61, 0xed, 0x9f], 1],
    ['the last lead byte and a second byte beyond U+10FFFF', [0xf4, 0x90], 2],
    ['the first four-byte lead and an overlong second byte', [0xf0, 0x8f, 0x80], 3],
  ])('%s', (_, bytes, end) => {
    expect(wholeCharactersEnd(Uint8Array.from(bytes))).toBe(end);
  });
});

describe('createUtf8ChunkDecoder', () => {
  const text = 'a é € 😀 z';

  it('gives the same text wherever one cut falls, each character as soon as its bytes are all there', () => {
    const bytes = encoder.encode(text);
    // The characters whose bytes all come before the cut.
    const wholeBefore = (cut: number): string => {
      let whole = '';
      for (const character of text) {
        if (encoder.encode(whole + character).length > cut) break;
        whole += character;
      }
      return whole;
    };
    for (let cut = 0; cut <= bytes.length; cut++) {
      const first = wholeBefore(cut);
      expect(decodeInReads([bytes.subarray(0, cut), bytes.subarray(cut)]), `cut at byte ${cut}`).toEqual([first, text.slice(first.length)]);
    }
  });

  it('gives each character once its last byte comes, when the bytes come one by one', () => {
    const reads = [...encoder.encode('é😀')].map((byte) => Uint8Array.of(byte));
    expect(decodeInReads(reads)).toEqual(['', 'é', '', '', '', '😀']);
  });

  it('keeps a leading byte order mark: the event-stream parser strips exactly one', () => {
    expect(decodeInReads([Uint8Array.of(0xef, 0xbb), Uint8Array.of(0xbf, 0x61)])).toEqual(['', '\uFEFFa']);
  });

  it('agrees with one decode of all the bytes on 2,000 random byte strings, valid or not, cut into random reads', () => {
    const random = seededRandom(7);
    const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
    // Whole characters of every length, and pieces that are not UTF-8: a stray continuation
    // byte, unfinished sequences, an overlong form, a surrogate, a lead byte beyond U+10FFFF.
    const pieces = [[0x61], [0x0a], [0xc3, 0xa9], [0xe2, 0x82, 0xac], [0xf0, 0x9f, 0x98, 0x80], [0xef, 0xbb, 0xbf],
      [0x80], [0xc3], [0xe2, 0x82], [0xf0, 0x9f], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xed, 0x9f], [0xe0, 0x80],
      [0xe0, 0xa0], [0xf0, 0x8f], [0xf4, 0x8f], [0xf4, 0x90], [0xf8, 0x88], [0xff]];
    for (let sample = 0; sample < 2_000; sample++) {
      const bytes = Uint8Array.from(Array.from({ length: Math.floor(random() * 12) }, () => pick(pieces)).flat());
      const reads: Uint8Array[] = [];
      for (let offset = 0; offset < bytes.length; ) {
        const size = Math.floor(random() * 5);
        reads.push(bytes.subarray(offset, offset + size));
        offset += size;
      }
      // Both hold back a sequence the last read leaves unfinished; one decode of all the bytes
      // ends it with U+FFFD instead, so it only starts with what they give.
      const streaming = new TextDecoder('utf-8', { ignoreBOM: true });
      const expected = reads.map((read) => streaming.decode(read, { stream: true })).join('');
      const decoded = decodeInReads(reads).join('');
      expect(decoded, JSON.stringify([...bytes])).toBe(expected);
      expect(decodeAtOnce(bytes).startsWith(decoded), JSON.stringify([...bytes])).toBe(true);
    }
  });
});
