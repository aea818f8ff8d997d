import type { TSESTree } from '@typescript-eslint/utils';
import { noteFlaggedOpenings } from '../src/analysis/flagged-openings.js';
import { functionName } from '../src/analysis/functions.js';
import {
  type Repetition,
  DEFAULT_ITERATION_METHODS,
  collectionHelperImports,
  findRepetition,
  findRepetitionOfCallbackReference,
} from '../src/analysis/repetition.js';
import { type ConstructionSite, getStreamOpeners } from '../src/analysis/stream-openers.js';
import { type StreamOpening, getStreamOpenings, sourceMentionsStream } from '../src/analysis/stream-sources.js';
import { createRule } from '../src/create-rule.js';
import { sharedHelperSuggestions } from '../src/fixes/use-shared-helper.js';
import {
  REPEATED_STREAM_DEFAULTS,
  type RepeatedStreamOptions,
  repeatedStreamOptionsSchema,
} from '../src/rule-options.js';

export type Options = [RepeatedStreamOptions];
export type MessageIds = 'streamInLoop' | 'openerCallInLoop' | 'constructionInLoop' | 'useSharedHelper';

/** How the code at a construction site names the class: `new Row()` says `Row`. */
function constructedName(site: ConstructionSite): string {
  if (site.node.callee.type === 'Identifier') return site.node.callee.name;
  return site.target.classNode.id?.name ?? 'this class';
}

export default createRule<Options, MessageIds>({
  name: 'no-eventsource-in-loop',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow opening a Server-Sent Events stream once per loop iteration or per element',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [repeatedStreamOptionsSchema],
    defaultOptions: [REPEATED_STREAM_DEFAULTS],
    messages: {
      streamInLoop:
        '{{stream}} is opened inside {{repetition}}, so every item holds one of the ~6 connections the browser allows per origin and later fetches and POSTs queue behind them. Open one shared stream outside the loop and route its events by item.',
      openerCallInLoop:
        '`{{callee}}()` opens {{stream}} (line {{line}}) and is called inside {{repetition}}, so every item holds one of the ~6 connections the browser allows per origin and later fetches and POSTs queue behind them. Open one shared stream outside the loop and route its events by item.',
      constructionInLoop:
        '`new {{className}}()` opens {{stream}} (line {{line}}) and runs inside {{repetition}}, so every item holds one of the ~6 connections the browser allows per origin and later fetches and POSTs queue behind them. Open one shared stream outside the loop and route its events by item.',
      useSharedHelper: 'Use the shared `{{helper}}()` from {{module}} instead.',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    // Cheapest check first: most files never mention a stream.
    if (!sourceMentionsStream(sourceCode, wrappers)) return {};

    function reportOpening(node: TSESTree.Node, repetition: Repetition, opening: StreamOpening): void {
      noteFlaggedOpenings(context, node, 'streamInLoop', [opening]);
      context.report({
        node,
        messageId: 'streamInLoop',
        data: { stream: opening.source.label, repetition: repetition.description },
        suggest: sharedHelperSuggestions(sourceCode, opening, options.sharedHelper).map((suggestion) => ({
          messageId: 'useSharedHelper' as const,
          ...suggestion,
        })),
      });
    }

    return {
      Program(program) {
        const openings = getStreamOpenings(sourceCode, wrappers);
        if (openings.length === 0) return;
        const repetitionOptions = {
          iterationMethods: options.iterationMethods ?? DEFAULT_ITERATION_METHODS,
          helperImports: collectionHelperImports(program),
        };
        for (const opening of openings) {
          const repetition = findRepetition(opening.node, repetitionOptions);
          if (repetition) reportOpening(opening.node, repetition, opening);
        }
        const openers = getStreamOpeners(sourceCode, openings);
        for (const site of openers.callSites) {
          const repetition =
            site.node.type === 'Identifier'
              ? findRepetitionOfCallbackReference(site.node, repetitionOptions)
              : findRepetition(site.node, repetitionOptions);
          if (!repetition) continue;
          noteFlaggedOpenings(context, site.node, 'openerCallInLoop', [site.target.opening]);
          context.report({
            node: site.node,
            messageId: 'openerCallInLoop',
            data: {
              callee: functionName(site.target.fn) ?? 'this function',
              stream: site.target.opening.source.label,
              line: site.target.opening.node.loc.start.line,
              repetition: repetition.description,
            },
          });
        }
        for (const site of openers.constructionSites) {
          const repetition = findRepetition(site.node, repetitionOptions);
          if (!repetition) continue;
          noteFlaggedOpenings(context, site.node, 'constructionInLoop', [site.target.opening]);
          context.report({
            node: site.node,
            messageId: 'constructionInLoop',
            data: {
              className: constructedName(site),
              stream: site.target.opening.source.label,
              line: site.target.opening.node.loc.start.line,
              repetition: repetition.description,
            },
          });
        }
      },
    };
  },
});
