/** Option schemas that several rules share, so that users write them the same way everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';
import { DEFAULT_ITERATION_METHODS } from './analysis/repetition.js';
import type { StreamWrapper } from './analysis/stream-sources.js';

export interface SharedHelper {
  module: string;
  export: string;
}

export interface StreamOptions {
  /** The team's own functions or classes that open a stream, besides the known libraries. */
  wrappers?: StreamWrapper[];
}

export interface SuggestionOptions {
  /** The shared subscription helper that suggestions move a stream onto. */
  sharedHelper?: SharedHelper;
}

/**
 * What an import or `require()` can name: `.`/`..`; a relative or absolute path (`./live.js`,
 * `../`, `/src/live`, which may hold spaces, as file names do); or a bare specifier without
 * whitespace: a package (`eventsource`, `@acme/live`), a subpath (`@acme/live/client`), an
 * alias (`@/lib/live`, `~/live`, `#live`, `Components/Live` through a `baseUrl`), a URL. Bare
 * specifiers are not held to npm's naming rules, since aliases and older packages
 * (`JSONStream`) break them. What is refused can never match an import: a blank name,
 * surrounding or (in a bare name) inner whitespace, control characters, a name that starts
 * with a dot but is not a relative path (`.live`, `...`).
 */
const MODULE_SPECIFIER_PATTERN = String.raw`^(?:\.\.?|\.{0,2}/(?:[^\x00-\x1f\x7f]*[^\s\x00-\x1f\x7f])?|[^\s./\x00-\x1f\x7f][^\s\x00-\x1f\x7f]*)$`;

/** `{ module, export }`, described for what it names (the doc generator lists both side by side). */
function moduleExportProperties(what: string): Record<'module' | 'export', JSONSchema.JSONSchema4> {
  return {
    module: {
      type: 'string',
      minLength: 1,
      pattern: MODULE_SPECIFIER_PATTERN,
      description: `The module ${what} is imported from, exactly as the code writes it.`,
    },
    export: {
      type: 'string',
      minLength: 1,
      description: `The export name of ${what}; \`default\` for a default export or a CommonJS \`module.exports\`.`,
    },
  };
}

export const wrappersSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  description:
    'Your own functions or classes that open a Server-Sent Events connection, counted as streams wherever they are imported or required.',
  items: {
    type: 'object',
    properties: moduleExportProperties('a wrapper (an item of `wrappers`)'),
    required: ['module', 'export'],
    additionalProperties: false,
  },
  uniqueItems: true,
};

export const sharedHelperSchema: JSONSchema.JSONSchema4 = {
  type: 'object',
  description:
    'A shared subscription helper with the `EventSource` constructor signature (e.g. `sharedEventSource` from `sse-hub`). When set, reports on `new EventSource(...)` carry a suggestion that calls it instead and imports it.',
  properties: moduleExportProperties('the shared helper (`sharedHelper`)'),
  required: ['module', 'export'],
  additionalProperties: false,
};

/** The same list for every rule that asks "does this run once per element?", so that they agree. */
export const iterationMethodsSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  description: `Method names whose first argument runs once per element (\`xs.name(fn)\`). Replaces the default list: ${DEFAULT_ITERATION_METHODS.join(', ')}.`,
  items: { type: 'string', minLength: 1 },
  uniqueItems: true,
};

/** The options of the rules that ask where a stream repeats: which streams, which iterations, which helper. */
export type RepeatedStreamOptions = StreamOptions &
  SuggestionOptions & {
    iterationMethods?: string[];
    /** Follow imports through the TypeScript program when the file is linted with type information. */
    typeAware?: boolean;
  };

export const typeAwareSchema: JSONSchema.JSONSchema4 = {
  type: 'boolean',
  description:
    'When the file is linted with type information (`parserOptions.projectService` or `project`), follow calls, `new` and rendered components into the files that declare them, through imports and re-exports. `false` keeps the rule to what one file shows, with or without type information.',
};

export const repeatedStreamOptionsSchema: JSONSchema.JSONSchema4 = {
  type: 'object',
  properties: {
    wrappers: wrappersSchema,
    iterationMethods: iterationMethodsSchema,
    sharedHelper: sharedHelperSchema,
    typeAware: typeAwareSchema,
  },
  additionalProperties: false,
};

export const REPEATED_STREAM_DEFAULTS: RepeatedStreamOptions = {
  wrappers: [],
  iterationMethods: [...DEFAULT_ITERATION_METHODS],
  typeAware: true,
};
