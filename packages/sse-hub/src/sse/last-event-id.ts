/**
 * The `Last-Event-ID` header as browsers send it. An `EventSource` sends the id's UTF-8
 * bytes (Chromium: `id: ✓-1` goes out as the bytes E2 9C 93 2D 31). `fetch` takes header
 * values as byte strings, one character per byte, and refuses a character above U+00FF, so
 * an id outside Latin-1 could not be sent at all, and one inside it but outside ASCII (`é`)
 * would go out as one Latin-1 byte instead of its two UTF-8 bytes. Both the hub and the
 * server's upstream proxy send the header through this, so a route sees the same bytes
 * from them as from a native `EventSource`.
 */

const encoder = new TextEncoder();

/** The header value for `id`: its UTF-8 bytes, each spelled as the character of that code. */
export function lastEventIdHeader(id: string): string {
  const bytes = encoder.encode(id);
  // As many bytes as characters: all ASCII, which is its own UTF-8.
  if (bytes.length === id.length) return id;
  let header = '';
  for (const byte of bytes) header += String.fromCharCode(byte);
  return header;
}
