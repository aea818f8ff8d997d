import type { JSONSchema } from '@typescript-eslint/utils';
import { displayPath } from '../src/analysis/display-path.js';
import { noteFlaggedOpenings } from '../src/analysis/flagged-openings.js';
import { type UrlOpening, areConcurrent, streamOpeningsByUrl } from '../src/analysis/stream-openings-by-url.js';
import { sourceMentionsStream } from '../src/analysis/stream-sources.js';
import { isTestFile } from '../src/analysis/test-files.js';
import { programFileName, resolveImportThroughProgram } from '../src/analysis/typed/imported-values.js';
import { programStreamOpenings } from '../src/analysis/typed/program-stream-index.js';
import { typeInformationOf } from '../src/analysis/typed/type-information.js';
import { createRule } from '../src/create-rule.js';
import { sharedHelperSuggestions } from '../src/fixes/use-shared-helper.js';
import {
  type StreamOptions,
  type SuggestionOptions,
  sharedHelperSchema,
  typeAwareSchema,
  wrappersSchema,
} from '../src/rule-options.js';

export type Options = [
  StreamOptions &
    SuggestionOptions & {
      /** Compare with the openings of every file of the program when the file is linted with type information. */
      typeAware?: boolean;
    },
];
export type MessageIds = 'duplicateStream' | 'useSharedHelper';

/** How many other openers a message lists before it counts the rest. */
const MAX_LISTED = 4;

interface Opener {
  consumer: string;
  fileName: string;
  line: number;
}

/** `hook \`useEvents\` (src/use-events.ts:7), store \`useChatStore\` (src/chat.ts:4) and 2 more`. */
function describeOpeners(openers: readonly Opener[], cwd: string): string {
  const listed = openers.slice(0, MAX_LISTED).map((opener) => `${opener.consumer} (${displayPath(cwd, opener.fileName)}:${opener.line})`);
  const rest = openers.length - listed.length;
  if (rest > 0) return `${listed.join(', ')} and ${rest} more`;
  return listed.length === 1 ? listed[0]! : `${listed.slice(0, -1).join(', ')} and ${listed.at(-1)}`;
}

const typeAwareOption: JSONSchema.JSONSchema4 = {
  ...typeAwareSchema,
  description:
    'When the file is linted with type information (`parserOptions.projectService` or `project`), compare its openings with those of every file of the program, and follow imported constants into the files that declare them. `false` keeps the rule to what one file shows, with or without type information.',
};

export default createRule<Options, MessageIds>({
  name: 'no-duplicate-stream',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow several components, hooks, stores or modules each opening a Server-Sent Events stream to the same URL',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: { wrappers: wrappersSchema, sharedHelper: sharedHelperSchema, typeAware: typeAwareOption },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ wrappers: [], typeAware: true }],
    messages: {
      duplicateStream:
        '{{stream}} to `{{url}}` is opened here by {{consumer}} and also by {{others}}: each holds its own connection to the same URL, one of the ~6 the browser allows per origin (shared by all tabs), so later fetches and POSTs queue behind them. Open the stream once (a module-level singleton, a provider, a store or a service) and have every consumer subscribe to it.',
      useSharedHelper: 'Use the shared `{{helper}}()` from {{module}} instead.',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    // Cheapest checks first: reports sit at this file's openings, so a file that opens none has
    // nothing to report, with or without type information. Tests never share a page with the app.
    if (!sourceMentionsStream(sourceCode, wrappers) || isTestFile(context.filename)) return {};

    return {
      Program() {
        const typed = options.typeAware === false ? null : typeInformationOf(sourceCode, context.cwd);
        const fileName = (typed && programFileName(sourceCode)) ?? context.filename;
        const resolveImport = typed ? resolveImportThroughProgram : undefined;
        const local = streamOpeningsByUrl(sourceCode, { wrappers, fileName, resolveImport });

        for (const [key, openings] of local) {
          // Without type information a URL that one opening uses has no other consumer to compare with.
          if (!typed && openings.length < 2) continue;
          const standing = openings.filter((opening) => opening.consumer !== null);
          if (standing.length === 0) continue;
          // Each file of the program is read once, by the first file that asks about a URL it may open.
          const elsewhere = typed
            ? [...programStreamOpenings(typed.program, wrappers, key, fileName)].sort((a, b) => a.fileName.localeCompare(b.fileName) || a.line - b.line)
            : [];
          for (const opening of standing) {
            const others = otherOpeners(opening, standing, elsewhere);
            if (others.length === 0) continue;
            report(opening, others);
          }
        }

        /** The consumers of this file concurrent with `opening`, then those of other files, each once with its first opening. */
        function otherOpeners(opening: UrlOpening, standing: readonly UrlOpening[], elsewhere: readonly Opener[]): Opener[] {
          const openers: Opener[] = [];
          const seen = new Set<unknown>();
          for (const other of standing) {
            if (seen.has(other.consumer!.node) || !areConcurrent(sourceCode, opening, other)) continue;
            seen.add(other.consumer!.node);
            openers.push({ consumer: other.consumer!.label, fileName, line: other.opening.node.loc.start.line });
          }
          for (const other of elsewhere) {
            const id = `${other.fileName}\u0000${other.consumer}`;
            if (seen.has(id)) continue;
            seen.add(id);
            openers.push(other);
          }
          return openers;
        }

        function report({ opening, url, consumer }: UrlOpening, others: readonly Opener[]): void {
          noteFlaggedOpenings(context, opening.node, 'duplicateStream', [opening]);
          context.report({
            node: opening.node,
            messageId: 'duplicateStream',
            data: {
              stream: opening.source.label,
              url: url.text,
              consumer: consumer!.label,
              others: describeOpeners(others, context.cwd),
            },
            suggest: sharedHelperSuggestions(sourceCode, opening, options.sharedHelper).map((suggestion) => ({
              messageId: 'useSharedHelper' as const,
              ...suggestion,
            })),
          });
        }
      },
    };
  },
});
