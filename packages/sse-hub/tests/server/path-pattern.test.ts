import { describe, expect, it } from 'vitest';
import { compilePathPattern } from '../../src/server/path-pattern.js';

/** Splits a path the way the topic policy does before matching (decoding is tested there). */
function segmentsOf(path: string): string[] {
  return path.slice(1).split('/');
}

describe('compilePathPattern', () => {
  it.each([
    // `:param` is exactly one non-empty segment.
    ['/rows/:id/events', '/rows/42/events', true],
    ['/rows/:id/events', '/rows/a-b_c.d/events', true],
    ['/rows/:id/events', '/rows//events', false],
    ['/rows/:id/events', '/rows/1/2/events', false],
    ['/rows/:id/events', '/rows/1/events/', false],
    ['/rows/:id/events', '/rows/1', false],
    // Literals are exact and case-sensitive.
    ['/feed', '/feed', true],
    ['/feed', '/Feed', false],
    ['/feed', '/feed/', false],
    ['/feed', '/feeds', false],
    // `*` is the rest of the path, and there must be some.
    ['/jobs/*', '/jobs/1', true],
    ['/jobs/*', '/jobs/1/log/tail', true],
    ['/jobs/*', '/jobs', false],
    ['/jobs/*', '/jobs/', false],
    ['/jobs/*', '/jobsx/1', false],
    ['/*', '/anything/at/all', true],
    ['/org/:org/*', '/org/acme/jobs/1', true],
    ['/org/:org/*', '/org//jobs/1', false],
  ])('%s against %s → %s', (pattern, path, expected) => {
    expect(compilePathPattern(pattern).matches(segmentsOf(path))).toBe(expected);
  });

  it('compares literals decoded, so an encoded pattern matches the decoded segment', () => {
    expect(compilePathPattern('/caf%C3%A9').matches(['café'])).toBe(true);
    expect(compilePathPattern('/café').matches(['café'])).toBe(true);
  });

  it.each([
    ['rows/:id', 'must be a path starting with a single "/"'],
    ['//host/rows', 'must be a path starting with a single "/"'],
    ['/rows?x=1', 'must be a bare path'],
    ['/rows#top', 'must be a bare path'],
    ['/rows\\x', 'must be a bare path'],
    ['/jobs/*/log', '"*" may only be the last segment'],
    ['/jobs/a*', '"*" and ":" must make up a whole segment'],
    ['/rows/:/events', 'is not a valid parameter name'],
    ['/rows/:1d/events', 'is not a valid parameter name'],
    ['/rows/../admin', 'must not contain "." or ".." segments'],
    ['/rows/%E0%A4%A', 'malformed percent-encoding'],
  ])('rejects the pattern %j at creation', (pattern, message) => {
    expect(() => compilePathPattern(pattern)).toThrow(message);
  });
});
