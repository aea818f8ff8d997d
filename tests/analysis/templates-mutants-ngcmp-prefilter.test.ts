/**
 * Pins the cross-file prefilter of `src/analysis/templates/imported-components.ts` for a list
 * that imports its own file (issue 17), so that the mutants StrykerJS left alive there fail a
 * test: the list's own file counts only when it both may open a stream by what it names and can
 * open one by its text and its relative imports; a relative import of another component alone
 * does not let the list through.
 */
import { describe, expect, it } from 'vitest';
import { mayRenderStreamingComponent } from '../../src/analysis/templates/imported-components.js';
import { analyse, parsers } from './probe.js';

const LIST = '/virtual/lists/JobList.js';

/** Whether a list with `code`, which imports its own file and does not render itself otherwise, passes the prefilter. */
function passes(parser: unknown, code: string): boolean {
  return analyse(parser, code, (sourceCode) =>
    mayRenderStreamingComponent(sourceCode, LIST, { importedFiles: [LIST], rendersItself: () => false }, []),
  );
}

describe.each(parsers)('mayRenderStreamingComponent, a list importing itself (%s)', (_name, parser) => {
  it('does not pass a list whose only relative import is a component that names no stream', () => {
    // kills imported-components.ts:32 "mayOpenStreamItself(…) && mayOpenStream(…)" -> true and && -> ||
    // (the relative import makes mayOpenStreamItself true, but the text opens no stream through it)
    expect(passes(parser, "import JobRow from './JobRow.vue';\nexport const rows = [JobRow];")).toBe(false);
  });

  it('passes a list whose own text opens a stream', () => {
    expect(passes(parser, "import JobRow from './JobRow.vue';\nexport const open = (url) => new EventSource(url);")).toBe(true);
  });
});
