/**
 * `eslint-plugin-sse/detection`: what the rules know about streams, loops and components, for
 * tools that read a whole project rather than lint one file (the `sse-codemod` package). It is
 * the same code the rules run, so the codemod and its report never disagree with the lint.
 *
 * Every function takes typescript-eslint's AST and an ESLint `SourceCode`; the types come from
 * `@typescript-eslint/utils`, an optional peer of this package that such tools install.
 */
export { bindingOf, enclosingComponentOrHook, isProvider, renderSites, type ComponentOrHook } from './analysis/components.js';
export { findVariable, getStaticValue, ReferenceTracker } from './analysis/eslint-utils.js';
export { flaggedOpenings } from './analysis/flagged-openings.js';
export { functionName, type FunctionNode } from './analysis/functions.js';
export { DEFAULT_ITERATION_METHODS, collectionHelperImports, findRepetition, type RepetitionOptions } from './analysis/repetition.js';
export { mentionsStream } from './analysis/stream-mentions.js';
export { getStreamOpeners, owningFunction, type ClassNode, type StreamOpeners } from './analysis/stream-openers.js';
export { getStreamOpenings, streamUrlArgument, type StreamOpening, type StreamWrapper } from './analysis/stream-sources.js';
export { streamStorage } from './analysis/stream-storage.js';
export { streamUrlOf, type StreamUrl } from './analysis/stream-urls.js';
export { isTestFile } from './analysis/test-files.js';
export { streamOpenedAtMount } from './analysis/templates/component-streams.js';
export { componentNameOfTag } from './analysis/templates/vue-sfc.js';
export { enclosingVFor, type VueElement } from './analysis/templates/vue-template.js';
