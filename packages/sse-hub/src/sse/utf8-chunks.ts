/**
 * Decodes the reads of a UTF-8 byte stream to text, each read as soon as it comes, for the
 * event-stream parser (which takes text).
 *
 * `TextDecoder#decode(bytes, { stream: true })` does this, but Node's decoder leaves its fast
 * path for good once asked to stream, and is then several times slower per byte, on every
 * byte the hub reads. A read that splits a character is rare: these decode each read whole
 * and hold back only the bytes of a character the read cut off, for the next read.
 *
 * Each read gives the same text that a streaming decode gives for it. The UTF-8 decoder starts
 * afresh at every byte that cannot continue a character, so cutting before a lead byte changes
 * nothing.
 *
 * A leading byte order mark is kept: the event-stream format strips exactly one, and the
 * parser does that. A decoder that also stripped one would hide a second.
 */
export interface Utf8ChunkDecoder {
  /** The text of `bytes` with whatever an earlier read cut off, less any character `bytes` cuts off. */
  decode(bytes: Uint8Array): string;
}

const FIRST_LEAD_BYTE = 0xc0;
const FIRST_CONTINUATION_BYTE = 0x80;
/** The longest UTF-8 sequence: a lead byte and three continuation bytes. */
const MAX_SEQUENCE_BYTES = 4;

export function createUtf8ChunkDecoder(): Utf8ChunkDecoder {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  let carried: Uint8Array | undefined;
  return {
    decode(bytes: Uint8Array): string {
      let input = bytes;
      if (carried) {
        input = new Uint8Array(carried.length + bytes.length);
        input.set(carried);
        input.set(bytes, carried.length);
        carried = undefined;
      }
      const whole = wholeCharactersEnd(input);
      if (whole < input.length) {
        carried = input.slice(whole);
        input = input.subarray(0, whole);
      }
      return input.length === 0 ? '' : decoder.decode(input);
    },
  };
}

/**
 * Where the last character of `bytes` starts if the bytes after it are too few to finish it;
 * otherwise the length. A sequence that is already broken is not held back: the decoder
 * replaces it at once, as a streaming decode would.
 */
export function wholeCharactersEnd(bytes: Uint8Array): number {
  const length = bytes.length;
  const stop = Math.max(0, length - MAX_SEQUENCE_BYTES);
  for (let index = length - 1; index >= stop; index--) {
    const byte = bytes[index] as number;
    if (byte < FIRST_CONTINUATION_BYTE) return length;
    if (byte < FIRST_LEAD_BYTE) continue;
    const present = length - index;
    if (present >= sequenceLength(byte)) return length;
    if (present >= 2 && !isSecondByteOf(byte, bytes[index + 1] as number)) return length;
    return index;
  }
  // Only continuation bytes at the end: none of them can be finished by the next read.
  return length;
}

/** The bytes a character with this lead byte takes; 1 for a byte that starts none (0xC0, 0xC1, 0xF5–0xFF). */
function sequenceLength(leadByte: number): number {
  if (leadByte >= 0xc2 && leadByte <= 0xdf) return 2;
  if (leadByte >= 0xe0 && leadByte <= 0xef) return 3;
  if (leadByte >= 0xf0 && leadByte <= 0xf4) return 4;
  return 1;
}

/**
 * The Encoding standard's bounds for the byte after a lead byte: they rule out overlong forms,
 * surrogates and code points beyond U+10FFFF.
 */
function isSecondByteOf(leadByte: number, byte: number): boolean {
  const lower = leadByte === 0xe0 ? 0xa0 : leadByte === 0xf0 ? 0x90 : 0x80;
  const upper = leadByte === 0xed ? 0x9f : leadByte === 0xf4 ? 0x8f : 0xbf;
  return byte >= lower && byte <= upper;
}
