import { describe, expect, it } from 'vitest';
import { applyEdits, lineAndColumn, nonOverlapping, offsetBefore } from '../src/text-edits.js';

describe('text edits', () => {
  const text = 'const a = new EventSource(url);\nfoo();\n';
  const rewrite = { start: 10, end: 30, text: 'sharedEventSource(url)' };
  const insert = { start: 0, end: 0, text: "import { x } from './x.js';\n" };

  it('applies a batch in one pass and keeps the text between edits byte for byte', () => {
    expect(applyEdits(text, [insert, rewrite])).toBe(
      "import { x } from './x.js';\nconst a = sharedEventSource(url);\nfoo();\n",
    );
  });

  it('refuses unsorted or overlapping edits instead of corrupting the text', () => {
    expect(() => applyEdits(text, [rewrite, insert])).toThrow(RangeError);
    expect(() => applyEdits(text, [{ start: 5, end: 2, text: '' }])).toThrow(RangeError);
  });

  it('sorts edits and defers the later of two overlapping ones', () => {
    const inner = { start: 14, end: 20, text: 'X' };
    const { kept, deferred } = nonOverlapping([rewrite, inner, insert]);
    expect(kept).toEqual([insert, rewrite]);
    expect(deferred).toEqual([inner]);
  });

  it('keeps two insertions at the same point, in order', () => {
    const other = { start: 0, end: 0, text: '// a\n' };
    expect(nonOverlapping([insert, other]).kept).toEqual([insert, other]);
  });

  it('maps offsets of the edited text back to the text as read', () => {
    const edited = applyEdits(text, [insert, rewrite]);
    const fooAfter = edited.indexOf('foo');
    expect(offsetBefore(fooAfter, [insert, rewrite])).toBe(text.indexOf('foo'));
    // Inside inserted or replaced text: the start of the edit.
    expect(offsetBefore(3, [insert, rewrite])).toBe(0);
    expect(offsetBefore(edited.indexOf('sharedEventSource') + 4, [insert, rewrite])).toBe(10);
    expect(offsetBefore(edited.indexOf('const'), [insert, rewrite])).toBe(0);
  });

  it('gives 1-based lines and columns', () => {
    expect(lineAndColumn(text, 0)).toEqual({ line: 1, column: 1 });
    expect(lineAndColumn(text, text.indexOf('foo'))).toEqual({ line: 2, column: 1 });
    expect(lineAndColumn(text, 10)).toEqual({ line: 1, column: 11 });
  });
});
