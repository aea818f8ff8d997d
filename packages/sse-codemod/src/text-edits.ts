/**
 * Edits as `{start, end, text}` over a file's text, applied in one batch: no reprinting, so
 * formatting, comments and JSDoc outside the edited spans stay byte for byte.
 */

export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Sorted by position; of two overlapping edits the later one is left out (and returned), to be redone on the next pass. */
export function nonOverlapping(edits: readonly TextEdit[]): { kept: TextEdit[]; deferred: TextEdit[] } {
  const sorted = [...edits].sort((a, b) => a.start - b.start || a.end - b.end);
  const kept: TextEdit[] = [];
  const deferred: TextEdit[] = [];
  for (const edit of sorted) {
    const previous = kept.at(-1);
    // Two insertions at one point are fine (kept in order); a span may not start inside another.
    if (previous && edit.start < previous.end) deferred.push(edit);
    else kept.push(edit);
  }
  return { kept, deferred };
}

/** Applies sorted, non-overlapping edits in one pass over the text. */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  let output = '';
  let position = 0;
  for (const edit of edits) {
    if (edit.start < position || edit.end < edit.start || edit.end > text.length) {
      throw new RangeError(`edit [${edit.start}, ${edit.end}) overlaps another or lies outside the text`);
    }
    output += text.slice(position, edit.start) + edit.text;
    position = edit.end;
  }
  return output + text.slice(position);
}

/**
 * Maps an offset in the text after `edits` back to the text before them. Offsets inside an
 * edit's new text map to the edit's start.
 */
export function offsetBefore(offset: number, edits: readonly TextEdit[]): number {
  let shift = 0;
  for (const edit of edits) {
    const newStart = edit.start + shift;
    const newEnd = newStart + edit.text.length;
    if (offset < newStart) break;
    if (offset < newEnd) return edit.start;
    shift += edit.text.length - (edit.end - edit.start);
  }
  return offset - shift;
}

/** 1-based line and column of an offset. */
export function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line += 1;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
