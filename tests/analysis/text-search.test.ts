import { describe, expect, it } from 'vitest';
import { includesEventSource, includesHeadTail } from '../../src/analysis/text-search.js';
import { createRandom } from '../../scripts/bench/generate-repository.js';

describe('includesHeadTail', () => {
  it.each([
    ['retry: 500', true],
    ['x = "retry:"', true],
    ['retry 500', false],
    ['etry:', false],
    ['y:', false],
    ['key: retr y:', false],
    ['array: 1, retry:', true],
    ['', false],
  ])('finds retry: in %j: %s', (text, expected) => {
    expect(includesHeadTail(text, 'retr', 'y:')).toBe(expected);
  });

  it('agrees with includes on random text made of the needle’s pieces', () => {
    const random = createRandom(7);
    const pieces = ['retr', 'y', ':', 're', 'try', ' ', 'Event', 'Source', 'E', '\n'];
    for (let sample = 0; sample < 2_000; sample++) {
      let text = '';
      const length = random.int(0, 12);
      for (let i = 0; i < length; i++) text += random.pick(pieces);
      expect(includesHeadTail(text, 'retr', 'y:'), text).toBe(text.includes('retry:'));
      expect(includesEventSource(text), text).toBe(text.includes('EventSource'));
    }
  });

  it('finds a match at the very start and at the very end', () => {
    expect(includesEventSource('EventSource')).toBe(true);
    expect(includesEventSource('new window.EventSource')).toBe(true);
    expect(includesEventSource('Source of Events')).toBe(false);
  });
});
