/**
 * The allow-list's path patterns: `/rows/:id/events`, `/jobs/*`, `/feed`.
 *
 * - `:name` matches exactly one non-empty path segment,
 * - `*` (only as the last segment) matches one or more remaining segments,
 * - any other segment matches itself; both sides are compared percent-decoded, so
 *   `/caf%C3%A9` and `/café` are the same pattern and match the same topics.
 *
 * Patterns are compiled once, when the multiplexer is created, so that a typo fails at
 * start-up rather than silently refusing every topic.
 */

type PatternSegment = { kind: 'literal'; text: string } | { kind: 'param' } | { kind: 'rest' };

export interface PathPattern {
  readonly source: string;
  /** `segments` are the topic's decoded path segments (the path split on `/`, leading empty one dropped). */
  matches(segments: readonly string[]): boolean;
}

const PARAM_NAME = /^:[A-Za-z_$][\w$]*$/;

export function compilePathPattern(source: string): PathPattern {
  if (typeof source !== 'string' || !source.startsWith('/') || source.startsWith('//')) {
    throw new TypeError(`Allow-list pattern ${JSON.stringify(source)} must be a path starting with a single "/"`);
  }
  if (/[?#\\\s]/.test(source)) {
    throw new TypeError(`Allow-list pattern ${JSON.stringify(source)} must be a bare path (no query, fragment, backslash or whitespace)`);
  }
  const rawSegments = source.slice(1).split('/');
  const segments = rawSegments.map((raw, index): PatternSegment => {
    if (raw === '*') {
      if (index !== rawSegments.length - 1) {
        throw new TypeError(`Allow-list pattern ${JSON.stringify(source)}: "*" may only be the last segment`);
      }
      return { kind: 'rest' };
    }
    if (raw.startsWith(':')) {
      if (!PARAM_NAME.test(raw)) {
        throw new TypeError(`Allow-list pattern ${JSON.stringify(source)}: ${JSON.stringify(raw)} is not a valid parameter name`);
      }
      return { kind: 'param' };
    }
    if (raw.includes('*') || raw.includes(':')) {
      throw new TypeError(`Allow-list pattern ${JSON.stringify(source)}: "*" and ":" must make up a whole segment`);
    }
    if (raw === '.' || raw === '..') {
      throw new TypeError(`Allow-list pattern ${JSON.stringify(source)} must not contain "." or ".." segments`);
    }
    return { kind: 'literal', text: decodePatternSegment(source, raw) };
  });

  return {
    source,
    matches(topicSegments) {
      for (const [index, segment] of segments.entries()) {
        if (segment.kind === 'rest') {
          // "The rest" must exist: `/jobs/*` does not match `/jobs` or `/jobs/`.
          return topicSegments.length > index && topicSegments.slice(index).some((part) => part !== '');
        }
        const candidate = topicSegments[index];
        if (candidate === undefined) return false;
        if (segment.kind === 'param' ? candidate === '' : candidate !== segment.text) return false;
      }
      return topicSegments.length === segments.length;
    },
  };
}

function decodePatternSegment(source: string, raw: string): string {
  try {
    return decodeURIComponent(raw);
  } catch {
    throw new TypeError(`Allow-list pattern ${JSON.stringify(source)} has malformed percent-encoding`);
  }
}
