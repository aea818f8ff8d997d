/**
 * Decides whether a client may subscribe to a topic, and builds the only URL the server
 * will ever fetch for it. A topic is untrusted input that turns into a server-side
 * request, so the checks are strict: a same-origin path (and query), nothing that could
 * name another host, climb out of a route or smuggle bytes into a request line.
 */
import { compilePathPattern } from './path-pattern.js';
import type { PathPattern } from './path-pattern.js';

/** Longer topics are refused; real per-item routes are far shorter, and this bounds the work per topic. */
export const MAX_TOPIC_LENGTH = 2048;

export type TopicCheck =
  | { ok: true; url: URL }
  | { ok: false; status: 400 | 403; reason: string };

export interface TopicPolicy {
  /** `upstreamOrigin` must already be a normalised origin (`new URL(x).origin`). */
  check(topic: string, upstreamOrigin: string): TopicCheck;
}

// Topics are what the hub gets from `URL#pathname + URL#search`, which is always
// percent-encoded ASCII; anything else (spaces, controls, non-ASCII) is not a topic.
const VISIBLE_ASCII = /^[\x21-\x7e]+$/;
// Decoded segments must not hide a separator or a control character from the allow-list.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const FORBIDDEN_DECODED = /[/\\\x00-\x1f\x7f]/;

export function createTopicPolicy(allow: readonly string[], endpoint: string): TopicPolicy {
  const patterns: PathPattern[] = allow.map(compilePathPattern);

  return {
    check(topic, upstreamOrigin) {
      if (topic.length === 0 || topic.length > MAX_TOPIC_LENGTH) {
        return malformed(`a topic must be 1 to ${MAX_TOPIC_LENGTH} characters long`);
      }
      if (!VISIBLE_ASCII.test(topic)) {
        return malformed('a topic must be percent-encoded visible ASCII');
      }
      if (!topic.startsWith('/') || topic.startsWith('//')) {
        return malformed('a topic must be a same-origin path starting with a single "/"');
      }
      if (topic.includes('\\') || topic.includes('#')) {
        return malformed('a topic must not contain a backslash or a fragment');
      }

      const queryStart = topic.indexOf('?');
      const path = queryStart === -1 ? topic : topic.slice(0, queryStart);
      const segments = decodeSegments(path);
      if (segments === undefined) {
        return malformed('a topic path must not contain malformed escapes, "." or ".." segments, or encoded separators');
      }

      const url = new URL(topic, upstreamOrigin);
      // Defence in depth: the checks above already rule out another origin.
      if (url.origin !== upstreamOrigin) {
        return malformed('a topic must stay on the upstream origin');
      }
      if (`/${segments.join('/')}` === endpoint) {
        return { ok: false, status: 403, reason: 'the multiplexer endpoint cannot be a topic' };
      }
      if (!patterns.some((pattern) => pattern.matches(segments))) {
        return { ok: false, status: 403, reason: 'topic is not on the allow-list' };
      }
      return { ok: true, url };
    },
  };
}

function malformed(reason: string): TopicCheck {
  return { ok: false, status: 400, reason };
}

/** The path's segments, percent-decoded, or undefined when any is unsafe to route on. */
function decodeSegments(path: string): string[] | undefined {
  const decoded: string[] = [];
  for (const raw of path.slice(1).split('/')) {
    let segment: string;
    try {
      segment = decodeURIComponent(raw);
    } catch {
      return undefined;
    }
    // URL parsers treat `%2e%2e` as `..` too, so the check runs on the decoded form.
    if (segment === '.' || segment === '..' || FORBIDDEN_DECODED.test(segment)) return undefined;
    decoded.push(segment);
  }
  return decoded;
}
