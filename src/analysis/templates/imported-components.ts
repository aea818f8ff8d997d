/**
 * The cross-file prefilter of a list component's template: whether any component file it
 * imports (or the file itself, when it renders itself) can open a stream, read from the text
 * of those files alone. A list whose imported components name no stream, directly or through
 * their relative composables, has nothing to report per item, so its template is never walked
 * and no component is parsed. Most lists of an app are such lists.
 */
import type { TSESLint } from '@typescript-eslint/utils';
import type { StreamWrapper } from '../stream-sources.js';
import { mayOpenStream, mayOpenStreamItself } from './component-streams.js';
import { FileTextVerdicts } from './file-verdicts.js';

/** Whether the component in a file can open a stream, from its text and its relative imports' (see `FileTextVerdicts`). */
const componentVerdicts = new FileTextVerdicts(mayOpenStream);

/** Whether the component in `file` can open a stream; false when it cannot be read. */
export const componentFileMayOpenStream = (file: string, wrappers: readonly StreamWrapper[]): boolean => componentVerdicts.get(file, wrappers);

/**
 * Whether a list may render a component that opens a stream per item: one of the component
 * files it imports can open one, or it renders itself and can open one itself. Asked of every
 * list, so the checks on the list's own file go from the cheapest: whether it names a stream
 * or a composable (known to every rule already), then its tags, and only then the files of its
 * composables.
 */
export function mayRenderStreamingComponent(
  sourceCode: Readonly<TSESLint.SourceCode>,
  filename: string,
  { importedFiles, rendersItself }: { importedFiles: Iterable<string>; rendersItself: () => boolean },
  wrappers: readonly StreamWrapper[],
): boolean {
  const itself = () => mayOpenStreamItself(sourceCode, wrappers) && mayOpenStream(filename, sourceCode.text, wrappers);
  for (const file of importedFiles) {
    if (file === filename ? itself() : componentFileMayOpenStream(file, wrappers)) return true;
  }
  return mayOpenStreamItself(sourceCode, wrappers) && rendersItself() && mayOpenStream(filename, sourceCode.text, wrappers);
}
