/**
 * Binds a connection id to the credentials of the request that opened its stream.
 *
 * The id travels in the stream and in every POST, so it can leak (logs, a shared
 * screenshot, a browser extension). Without a binding, whoever holds it could attach
 * topics to, or detach them from, someone else's stream. A POST is therefore accepted
 * only when it carries exactly the same credential headers as the GET did. Only a
 * SHA-256 digest is kept, so the registry never holds a copy of anyone's cookies.
 */
import { createHash, timingSafeEqual } from 'node:crypto';

/** Headers that identify the caller; the forwarded headers are added to these. */
export const ALWAYS_BOUND_HEADERS = ['cookie', 'authorization'] as const;

export type HeaderLookup = (name: string) => string | undefined;

export function credentialFingerprint(headerNames: readonly string[], header: HeaderLookup): Buffer {
  const hash = createHash('sha256');
  for (const name of headerNames) {
    // JSON keeps "absent" apart from "empty" and stops one value from bleeding into the next.
    hash.update(JSON.stringify([name, header(name) ?? null]));
    hash.update('\n');
  }
  return hash.digest();
}

export function sameFingerprint(expected: Buffer, actual: Buffer): boolean {
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/**
 * Who counts as one caller for the upstream caps: the credentials when any bound header is
 * present, otherwise the remote address. Anonymous callers behind one reverse proxy therefore
 * share one bucket, and so do all anonymous callers of the fetch adapter, which knows no address.
 */
export function callerKey(
  headerNames: readonly string[],
  header: HeaderLookup,
  fingerprint: Buffer,
  remoteAddress: string | undefined,
): string {
  const hasCredentials = headerNames.some((name) => header(name) !== undefined);
  if (hasCredentials) return `credentials:${fingerprint.toString('base64')}`;
  return `address:${remoteAddress ?? 'unknown'}`;
}
