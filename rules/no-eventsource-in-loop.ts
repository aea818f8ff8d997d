import type { TSESTree } from '@typescript-eslint/utils';
import { noteFlaggedOpenings } from '../src/analysis/flagged-openings.js';
import { functionName } from '../src/analysis/functions.js';
import {
  type Repetition,
  type RepetitionOptions,
  DEFAULT_ITERATION_METHODS,
  collectionHelperImports,
  findRepetition,
  findRepetitionOfCallbackReference,
} from '../src/analysis/repetition.js';
import { type ConstructionSite, getStreamOpeners } from '../src/analysis/stream-openers.js';
import { isLazySingleton, streamStorage } from '../src/analysis/stream-storage.js';
import { type StreamOpening, getStreamOpenings, sourceMentionsStream } from '../src/analysis/stream-sources.js';
import { isResolvableCallee, mayReachOtherFiles, shortText } from '../src/analysis/typed/candidates.js';
import { invocationFinding } from '../src/analysis/typed/cross-file-findings.js';
import { typeInformationOf } from '../src/analysis/typed/type-information.js';
import { createRule } from '../src/create-rule.js';
import { sharedHelperSuggestions } from '../src/fixes/use-shared-helper.js';
import {
  REPEATED_STREAM_DEFAULTS,
  type RepeatedStreamOptions,
  repeatedStreamOptionsSchema,
} from '../src/rule-options.js';

export type Options = [RepeatedStreamOptions];
export type MessageIds =
  | 'streamInLoop'
  | 'openerCallInLoop'
  | 'constructionInLoop'
  | 'openerCallInLoopAcrossFiles'
  | 'constructionInLoopAcrossFiles'
  | 'useSharedHelper';

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
      openerCallInLoopAcrossFiles:
        '`{{callee}}()` ({{file}}) opens {{stream}} ({{opening}}){{route}} and is called inside {{repetition}}, so every item holds one of the ~6 connections the browser allows per origin and later fetches and POSTs queue behind them. Open one shared stream outside the loop and route its events by item.',
      constructionInLoopAcrossFiles:
        '`new {{className}}()` ({{file}}) opens {{stream}} ({{opening}}){{route}} and runs inside {{repetition}}, so every item holds one of the ~6 connections the browser allows per origin and later fetches and POSTs queue behind them. Open one shared stream outside the loop and route its events by item.',
      useSharedHelper: 'Use the shared `{{helper}}()` from {{module}} instead.',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    // Cheapest checks first: most files never mention a stream, and with type information
    // only a file that imports something, or a script, can reach a stream in another file.
    const mentionsStream = sourceMentionsStream(sourceCode, wrappers);
    const typed = options.typeAware === false ? null : typeInformationOf(sourceCode, context.cwd);
    const crossFile = typed && mayReachOtherFiles(sourceCode, typed) ? typed : null;
    if (!mentionsStream && !crossFile) return {};

    let repetitionOptions: RepetitionOptions | undefined;
    const repetitionOptionsOf = (program: TSESTree.Program): RepetitionOptions =>
      (repetitionOptions ??= {
        iterationMethods: options.iterationMethods ?? DEFAULT_ITERATION_METHODS,
        helperImports: collectionHelperImports(program),
      });
    /** What the syntactic analysis reported, which type-aware mode does not report again. */
    const reported = new Set<TSESTree.Node>();

    function reportOpening(node: TSESTree.Node, repetition: Repetition, opening: StreamOpening): void {
      reported.add(node);
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

    function Program(program: TSESTree.Program): void {
      const openings = getStreamOpenings(sourceCode, wrappers);
      if (openings.length === 0) return;
      const repetitionOptions = repetitionOptionsOf(program);
      // A lazy singleton (`feed ??= new EventSource(u)`) opens one stream however often it runs.
      const singletons = new Map<StreamOpening, boolean>();
      const isSingleton = (opening: StreamOpening): boolean => {
        let singleton = singletons.get(opening);
        if (singleton === undefined) {
          singleton = isLazySingleton(sourceCode, streamStorage(sourceCode, opening.node, repetitionOptions));
          singletons.set(opening, singleton);
        }
        return singleton;
      };
      for (const opening of openings) {
        const repetition = findRepetition(opening.node, repetitionOptions);
        if (repetition && !isSingleton(opening)) reportOpening(opening.node, repetition, opening);
      }
      const openers = getStreamOpeners(sourceCode, openings);
      /** A call or `new` in a loop of code of this file that opens `opening`. */
      const reportSite = (
        node: TSESTree.Node,
        messageId: 'openerCallInLoop' | 'constructionInLoop',
        opening: StreamOpening,
        repetition: Repetition,
        names: { callee: string } | { className: string },
      ): void => {
        reported.add(node);
        noteFlaggedOpenings(context, node, messageId, [opening]);
        context.report({
          node,
          messageId,
          data: { ...names, stream: opening.source.label, line: opening.node.loc.start.line, repetition: repetition.description },
        });
      };
      for (const site of openers.callSites) {
        if (isSingleton(site.target.opening)) continue;
        const repetition =
          site.node.type !== 'CallExpression'
            ? findRepetitionOfCallbackReference(site.node, repetitionOptions)
            : findRepetition(site.node, repetitionOptions);
        if (!repetition) continue;
        reportSite(site.node, 'openerCallInLoop', site.target.opening, repetition, {
          callee: functionName(site.target.fn) ?? 'this function',
        });
      }
      for (const site of openers.constructionSites) {
        if (isSingleton(site.target.opening)) continue;
        const repetition = findRepetition(site.node, repetitionOptions);
        if (repetition) reportSite(site.node, 'constructionInLoop', site.target.opening, repetition, { className: constructedName(site) });
      }
    }

    if (!crossFile) return { Program };
    const information = crossFile;

    // Type-aware mode: calls and `new` that repeat, of functions and classes whose declaration
    // (in any file) opens a stream. Collected while ESLint walks the file, resolved at the end,
    // after the syntactic reports, which they must not repeat.
    const repeated: {
      node: TSESTree.CallExpression | TSESTree.NewExpression | TSESTree.Identifier | TSESTree.MemberExpression;
      repetition: Repetition;
    }[] = [];

    function collect(node: TSESTree.CallExpression | TSESTree.NewExpression): void {
      const callee = node.callee;
      // The scope lookup of `isResolvableCallee` costs less than the ancestor walk of
      // `findRepetition`, and rules out globals and parameters' methods (`ids.map`), so it goes first.
      if ((callee.type === 'Identifier' || callee.type === 'MemberExpression') && isResolvableCallee(sourceCode, callee)) {
        const repetition = findRepetition(node, repetitionOptionsOf(sourceCode.ast));
        if (repetition) repeated.push({ node, repetition });
      }
      if (node.type !== 'CallExpression') return;
      // `ids.forEach(openRow)`, `ids.forEach(feeds.open)`: a function handed to an iteration by
      // name runs per element.
      for (const argument of node.arguments) {
        if (argument.type !== 'Identifier' && argument.type !== 'MemberExpression') continue;
        const repetition = findRepetitionOfCallbackReference(argument, repetitionOptionsOf(sourceCode.ast));
        if (repetition && isResolvableCallee(sourceCode, argument)) repeated.push({ node: argument, repetition });
      }
    }

    return {
      Program,
      CallExpression: collect,
      NewExpression: collect,
      'Program:exit'() {
        for (const { node, repetition } of repeated) {
          if (reported.has(node)) continue;
          const found = invocationFinding(information, wrappers, node);
          if (!found) continue;
          // The opening is in another file (or reached through one): the codemod, which rewrites
          // openings of the linted file, is not told about it.
          const reference = node.type === 'CallExpression' || node.type === 'NewExpression' ? node.callee : node;
          const name = shortText(sourceCode, reference, found.name);
          const { file, stream, opening, route } = found.data;
          if (node.type === 'NewExpression') {
            context.report({
              node,
              messageId: 'constructionInLoopAcrossFiles',
              data: { className: name, file, stream, opening, route, repetition: repetition.description },
            });
          } else {
            context.report({
              node,
              messageId: 'openerCallInLoopAcrossFiles',
              data: { callee: name, file, stream, opening, route, repetition: repetition.description },
            });
          }
        }
      },
    };
  },
});
