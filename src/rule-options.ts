/** Option schemas that several rules share, so that users write them the same way everywhere. */
import type { JSONSchema } from '@typescript-eslint/utils';
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

const moduleExportProperties = {
  module: {
    type: 'string',
    minLength: 1,
    description: 'The module specifier, exactly as the code imports it (e.g. `@acme/live` or `eslint-plugin-sse/hub`).',
  },
  export: {
    type: 'string',
    minLength: 1,
    description: 'The export name; `default` for a default export or a CommonJS `module.exports`.',
  },
} satisfies Record<string, JSONSchema.JSONSchema4>;

export const wrappersSchema: JSONSchema.JSONSchema4 = {
  type: 'array',
  description:
    'Your own functions or classes that open a Server-Sent Events connection, counted as streams wherever they are imported or required.',
  items: {
    type: 'object',
    properties: moduleExportProperties,
    required: ['module', 'export'],
    additionalProperties: false,
  },
  uniqueItems: true,
};

export const sharedHelperSchema: JSONSchema.JSONSchema4 = {
  type: 'object',
  description:
    'A shared subscription helper with the `EventSource` constructor signature (e.g. `sharedEventSource` from `eslint-plugin-sse/hub`). When set, reports on `new EventSource(...)` carry a suggestion that calls it instead and imports it.',
  properties: moduleExportProperties,
  required: ['module', 'export'],
  additionalProperties: false,
};
