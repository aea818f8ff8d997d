/**
 * Shared by the tests of `parameterDependencies` (src/analysis/components.ts): which value a case
 * asks about, and its dependencies on the component or hook around it, as `name#index`.
 */
import type { TSESTree } from '@typescript-eslint/utils';
import { enclosingComponentOrHook, parameterDependencies } from '../../src/analysis/components.js';
import { analyse, find, isMarked, isNewEventSource, type ProbeFile, type SourceCode } from './probe.js';

/** `here` when the code marks it, else the URL of the first `new EventSource(…)`. */
export function dependencyTarget(sourceCode: SourceCode): TSESTree.Node {
  try {
    return find(sourceCode.ast, isMarked);
  } catch {
    return find(sourceCode.ast, isNewEventSource).arguments[0]!;
  }
}

/** The dependencies of the case's value on the component or hook around it. */
export function dependenciesWith(parser: unknown, code: string, file?: ProbeFile): string[] {
  return analyse(
    parser,
    code,
    (sourceCode) => {
      const node = dependencyTarget(sourceCode);
      const unit = enclosingComponentOrHook(node);
      if (!unit) throw new Error('no component or hook');
      return parameterDependencies(sourceCode, node, unit).map((d) => `${String(d.name)}#${d.index}`);
    },
    file,
  );
}
