import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ClientOptionProblem, clientOptionProblem } from '../src/analysis/reconnect/client-options.js';
import { findErrorHandlers } from '../src/analysis/reconnect/error-handlers.js';
import { findIntervalReopens } from '../src/analysis/reconnect/interval-reopens.js';
import {
  globalReconnectingEventSources,
  reconnectingEventSourceForever,
  shortReconnectIntervals,
} from '../src/analysis/reconnect/library-retries.js';
import { findLoopReopens } from '../src/analysis/reconnect/loop-reopens.js';
import { reopenPointsIn } from '../src/analysis/reconnect/reopen-points.js';
import { outermostConcatenation, retryFieldValues, staticText } from '../src/analysis/reconnect/retry-field.js';
import { findUnboundedRxjsRetries } from '../src/analysis/reconnect/rxjs-retries.js';
import { getServerStops } from '../src/analysis/reconnect/server-stops.js';
import { ReopenVerdicts, type SafeguardRequirements } from '../src/analysis/reconnect/safeguards.js';
import {
  type RetryOption,
  betterSseRetries,
  honoWriteSseRetry,
  serverImports,
} from '../src/analysis/reconnect/server-retry-options.js';
import { type StreamOpeners, getStreamOpeners } from '../src/analysis/stream-openers.js';
import {
  type StreamOpening,
  getDeferredStreamOpenings,
  getStreamOpenings,
  sourceMentionsStream,
} from '../src/analysis/stream-sources.js';
import { includesHeadTail } from '../src/analysis/text-search.js';
import {
  importsAnyValue,
  isMemberOfOwnClass,
  isResolvableCallee,
  mayReachOtherFiles,
  shortText,
} from '../src/analysis/typed/candidates.js';
import { invocationFinding } from '../src/analysis/typed/cross-file-findings.js';
import { programFileName, resolveImportedDeclarationThroughProgram } from '../src/analysis/typed/imported-values.js';
import { type TypeInformation, typeInformationOf } from '../src/analysis/typed/type-information.js';
import { displayPath } from '../src/analysis/display-path.js';
import { owningFunction } from '../src/analysis/stream-openers.js';
import { unwrapExpression } from '../src/analysis/reconnect/access-paths.js';
import { walkTree } from '../src/analysis/reconnect/walk.js';
import type { ReopenPoint, ReopenRegion } from '../src/analysis/reconnect/reopen-points.js';
import { isTestFile } from '../src/analysis/test-files.js';
import { createRule } from '../src/create-rule.js';
import { type StreamOptions, wrappersSchema } from '../src/rule-options.js';

export type Options = [
  StreamOptions & {
    requireAttemptLimit?: boolean;
    requireBackoff?: boolean;
    requireJitter?: boolean;
    minRetryMs?: number;
  },
];
export type MessageIds =
  | 'unboundedErrorReconnect'
  | 'unboundedErrorReconnectAcrossFiles'
  | 'unboundedIntervalReconnect'
  | 'unboundedRxjsRetry'
  | 'unboundedRxjsRetryAcrossFiles'
  | 'fetchEventSourceWithoutOnerror'
  | 'onerrorNeverThrows'
  | 'asyncOnerror'
  | 'sseUnlimitedRetries'
  | 'useEventSourceUnlimitedRetries'
  | 'retryTimeImmediate'
  | 'retryTimeTooShort'
  | 'reconnectingEventSourceForever'
  | 'reconnectIntervalTooShort'
  | 'unboundedLoopReconnect'
  | 'retryFieldTooShort';

interface CrossFileData {
  callee: string;
  file: string;
  stream: string;
  opening: string;
}

const DEFAULT_MIN_RETRY_MS = 1000;
const SAFE_SCHEDULE = 'wait `random(0, min(cap, base * 2 ** attempt))` before each attempt, give up after a few attempts (at once on HTTP 4xx) and reset the count only after a healthy period';

export default createRule<Options, MessageIds>({
  name: 'no-unbounded-reconnect',
  meta: {
    type: 'problem',
    docs: {
      description: 'Disallow reconnecting a Server-Sent Events stream without an attempt limit, a growing delay and jitter',
      recommended: true,
    },
    schema: [
      {
        type: 'object',
        properties: {
          wrappers: wrappersSchema,
          requireAttemptLimit: {
            type: 'boolean',
            description:
              'Whether a reconnect must give up after a limited number of attempts: a comparison of a counter (or of the time spent) with a finite limit that decides whether it runs.',
          },
          requireBackoff: {
            type: 'boolean',
            description:
              'Whether the delay before a reconnect must grow with each attempt (`2 ** attempt`, `Math.pow`, `<<`, or a multiplication by a value that grows).',
          },
          requireJitter: {
            type: 'boolean',
            description:
              'Whether the delay before a reconnect must be randomised (`Math.random()`, `crypto.getRandomValues()`), so that clients dropped together do not return together.',
          },
          minRetryMs: {
            type: 'integer',
            minimum: 0,
            description:
              'The shortest reconnection time, in milliseconds, that server code may send in a `retry:` field and that `reconnecting-eventsource` may get as `max_retry_time`.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [
      {
        wrappers: [],
        requireAttemptLimit: true,
        requireBackoff: true,
        requireJitter: true,
        minRetryMs: DEFAULT_MIN_RETRY_MS,
      },
    ],
    messages: {
      unboundedErrorReconnect: `This error handler re-opens {{stream}} with {{missing}}: when the server fails, every open page retries in step and never stops, a reconnect storm that also keeps a connection slot busy in each tab. Instead, ${SAFE_SCHEDULE}; or use the shared hub, which does all of this.`,
      unboundedErrorReconnectAcrossFiles: `This error handler re-opens {{stream}} through \`{{callee}}()\` ({{file}}, opening at {{opening}}), with {{missing}}: when the server fails, every open page retries in step and never stops, a reconnect storm that also keeps a connection slot busy in each tab. Instead, ${SAFE_SCHEDULE}; or use the shared hub, which does all of this.`,
      unboundedIntervalReconnect: `This \`setInterval\` re-opens {{stream}} whenever it finds it closed, with {{missing}}: every page retries on the same fixed beat forever, so a recovering server is hit by all of them at once. Use a \`setTimeout\` chain instead and ${SAFE_SCHEDULE}; or use the shared hub, which does all of this.`,
      unboundedRxjsRetry: `This \`{{operator}}\` re-subscribes to an observable that opens {{stream}}, with {{missing}}: every retry opens a new connection, and when the server fails every open page retries together, a reconnect storm that also keeps a connection slot busy in each tab. Use \`retry({ count: 5, delay: (_, attempt) => timer(Math.random() * Math.min(30_000, 1000 * 2 ** attempt)) })\` (capped exponential backoff with full jitter; throw from \`delay\` at once on HTTP 4xx), or the shared hub, which does all of this.`,
      unboundedRxjsRetryAcrossFiles: `This \`{{operator}}\`{{helper}} re-subscribes to an observable that opens {{stream}} (opening at {{opening}}), with {{missing}}: every retry opens a new connection, and when the server fails every open page retries together, a reconnect storm that also keeps a connection slot busy in each tab. Use \`retry({ count: 5, delay: (_, attempt) => timer(Math.random() * Math.min(30_000, 1000 * 2 ** attempt)) })\` (capped exponential backoff with full jitter; throw from \`delay\` at once on HTTP 4xx), or the shared hub, which does all of this.`,
      fetchEventSourceWithoutOnerror:
        '`fetchEventSource` without an `onerror` retries every second forever, also after HTTP 4xx and wrong content types. Pass an `onerror` that throws to stop (at once on 4xx, and after a few attempts) and otherwise returns a growing delay with jitter.',
      onerrorNeverThrows:
        'This `onerror` can never throw, so `fetchEventSource` retries forever (every second unless it returns a delay), also after HTTP 4xx. Throw to stop (at once on 4xx, and after a few attempts) and otherwise return a growing delay with jitter.',
      asyncOnerror:
        'This `onerror` is async, but `fetchEventSource` calls it without awaiting: a `throw` in it never stops the retries, and the promise it returns is taken as the retry delay, which the timer reads as 0 ms, so it retries without pause. Make `onerror` synchronous: throw to stop, return a growing delay with jitter otherwise.',
      sseUnlimitedRetries:
        '`autoReconnect: true` with {{maxRetries}} makes sse.js retry every `reconnectDelay` (3 s by default) forever, also after HTTP errors. Set a finite `maxRetries`.',
      useEventSourceUnlimitedRetries:
        "{{setting}} makes VueUse's `useEventSource` open a new stream {{delay}} forever once the browser gives up on one (after an HTTP error such as a 401, or a wrong content type), every page on the same beat: no backoff, no jitter. Set a finite `retries` in `autoReconnect`.",
      retryTimeImmediate:
        'A `max_retry_time` of {{value}} makes `reconnecting-eventsource` retry at once, forever: its timer reads the delay as 0 ms. Use a finite value of at least {{min}} ms (the default is 3000).',
      retryTimeTooShort:
        'A `max_retry_time` of {{value}} ms makes `reconnecting-eventsource` retry within {{value}} ms, forever (it has no attempt limit), so every client of a failing server retries several times a second. Use at least {{min}} ms (the default is 3000).',
      reconnectingEventSourceForever:
        'A stream opened with {{stream}} reconnects after every error, HTTP 4xx included, with {{missing}}: it waits a random time below {{delay}}, which spreads clients out but never grows, and it has no option to give up, so a failing server gets a steady stream of retries from every open page, and a 401 is retried forever. Call `close()` from an `error` listener after a few attempts (at once on 4xx) or on a stop message from the server; or use the shared hub, which backs off and gives up.',
      reconnectIntervalTooShort:
        '`reconnectInterval = {{value}}` makes the `eventsource` client (v1 and v2) reconnect {{when}} after every network error, forever, every client on the same beat: it has no attempt limit, no backoff and no jitter. Leave the default (1000 ms) or set at least {{min}} ms, or handle `error` yourself with capped exponential backoff and jitter.',
      unboundedLoopReconnect: `This loop opens {{stream}} again each time the previous one ends, with {{missing}}: when the server fails, every open page retries in step and never stops, a reconnect storm that also keeps a connection slot busy in each tab. Instead, ${SAFE_SCHEDULE}; or use the shared hub, which does all of this.`,
      retryFieldTooShort:
        'This `retry: {{value}}` tells every client to reconnect {{value}} ms after a drop, all on the same beat: when this server restarts, they all come back at once. Send at least {{min}} ms, randomised per connection (e.g. `{{min}} + Math.floor(Math.random() * {{min}})`).',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    // A test's `retry:` text is a fixture fed to a parser, and its streams run against mocks: no
    // server sends it and no page keeps them open (mpetazzoni/sse.js `lib/sse.test.js`).
    if (isTestFile(context.filename)) return {};
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    const minRetryMs = options.minRetryMs ?? DEFAULT_MIN_RETRY_MS;
    const text = sourceCode.text;
    const hasStreams = sourceMentionsStream(sourceCode, wrappers);
    // Server code that sets the reconnection time needs no stream in the file: a `retry:`
    // field written as text, or a `retry` given to better-sse or to Hono's `writeSSE`.
    const writesRetryField = includesHeadTail(text, 'retr', 'y:');
    const servers = serverImports(sourceCode.ast);
    const usesBetterSse = servers.betterSse;
    const usesHonoWriteSse = servers.hono && text.includes('writeSSE');
    // Type-aware: RxJS code may retry an observable, or call a retry helper, that another file
    // declares; a file that never spells `pipe` has neither.
    const followsRxjsImports =
      text.includes('pipe') && typeInformationOf(sourceCode, context.cwd) !== null && importsAnyValue(sourceCode);
    if (!hasStreams && !followsRxjsImports && !writesRetryField && !usesBetterSse && !usesHonoWriteSse) return {};
    const requirements: SafeguardRequirements = {
      attemptLimit: options.requireAttemptLimit ?? true,
      backoff: options.requireBackoff ?? true,
      jitter: options.requireJitter ?? true,
    };
    const checkedTexts = new Set<TSESTree.Node>();

    function reportClientOption(problem: ClientOptionProblem): void {
      switch (problem.kind) {
        case 'sseUnlimitedRetries':
          context.report({ node: problem.node, messageId: problem.kind, data: { maxRetries: problem.maxRetries } });
          return;
        case 'useEventSourceUnlimitedRetries':
          context.report({ node: problem.node, messageId: problem.kind, data: { setting: problem.setting, delay: problem.delay } });
          return;
        case 'retryTimeImmediate':
        case 'retryTimeTooShort':
          context.report({ node: problem.node, messageId: problem.kind, data: { value: problem.value, min: minRetryMs } });
          return;
        default:
          context.report({ node: problem.node, messageId: problem.kind });
      }
    }

    /**
     * Type-aware: calls in the handler (and references handed to a call, `setTimeout(reopen, d)`)
     * of functions declared in other files whose summary says they open a stream. In a module that
     * imports nothing (`reachesOtherFiles` false) only a static method of the file's own class
     * (`Feed.open()`), which the syntactic analysis does not follow, is worth asking the checker about.
     */
    function crossFileReopens(
      information: TypeInformation,
      reachesOtherFiles: boolean,
      region: ReopenRegion,
      known: ReadonlySet<TSESTree.Node>,
      opening: StreamOpening,
    ): { point: ReopenPoint; data: CrossFileData }[] {
      const owner = owningFunction(region.body);
      const found: { point: ReopenPoint; data: CrossFileData }[] = [];
      const isCandidate = (name: TSESTree.Node): boolean =>
        reachesOtherFiles ? isResolvableCallee(sourceCode, name) : isMemberOfOwnClass(sourceCode, name);
      const consider = (node: TSESTree.CallExpression | TSESTree.Identifier | TSESTree.MemberExpression, name: TSESTree.Node): void => {
        if (known.has(node) || owningFunction(node) !== owner || !isCandidate(name)) return;
        const finding = invocationFinding(information, wrappers, node);
        if (!finding) return;
        const { file, stream, opening: at } = finding.data;
        found.push({
          point: { node, opening, route: [] },
          data: { callee: shortText(sourceCode, name, finding.name), file, stream, opening: at },
        });
      };
      walkTree(region, sourceCode.visitorKeys, (node) => {
        if (node.type !== 'CallExpression') return true;
        const callee = unwrapExpression(node.callee);
        if (callee.type === 'Identifier' || callee.type === 'MemberExpression') consider(node, callee);
        for (const argument of node.arguments) {
          if (argument.type === 'Identifier' || argument.type === 'MemberExpression') consider(argument, argument);
        }
        return true;
      });
      return found;
    }

    function reportHandlerReopens(openings: readonly StreamOpening[], openers: StreamOpeners): void {
      const reported = new Set<TSESTree.Node>();
      const information = typeInformationOf(sourceCode, context.cwd);
      const reachesOtherFiles = information !== null && mayReachOtherFiles(sourceCode, information);
      for (const handler of findErrorHandlers(sourceCode, openings)) {
        // A re-open reached from two registrations of one handler is reported once.
        const points = reopenPointsIn(handler.region, openings, openers, sourceCode).filter((point) => !reported.has(point.node));
        const across = information
          ? crossFileReopens(information, reachesOtherFiles, handler.region, new Set([...reported, ...points.map((point) => point.node)]), handler.opening)
          : [];
        const verdicts = new ReopenVerdicts(
          sourceCode,
          handler.region,
          [...points, ...across.map((item) => item.point)],
          openers,
          requirements,
          getServerStops(sourceCode, openings),
        );
        for (const { point, data } of across) {
          const missing = verdicts.missing(point);
          if (missing.length === 0) continue;
          reported.add(point.node);
          const { callee, file, stream, opening } = data;
          context.report({
            node: point.node,
            messageId: 'unboundedErrorReconnectAcrossFiles',
            data: { callee, file, stream, opening, missing: missing.join(', ') },
          });
        }
        for (const point of points) {
          const missing = verdicts.missing(point);
          if (missing.length === 0) continue;
          reported.add(point.node);
          context.report({
            node: point.node,
            messageId: 'unboundedErrorReconnect',
            data: { stream: point.opening.source.label, missing: missing.join(', ') },
          });
        }
      }
    }

    function reportIntervalReopens(openings: readonly StreamOpening[], openers: StreamOpeners): void {
      for (const interval of findIntervalReopens(sourceCode, openings, openers)) {
        const verdicts = new ReopenVerdicts(sourceCode, interval.callback, interval.points, openers, requirements, getServerStops(sourceCode, openings));
        const missing = new Set(interval.points.flatMap((point) => verdicts.missing(point)));
        if (missing.size === 0) continue;
        context.report({
          node: interval.call,
          messageId: 'unboundedIntervalReconnect',
          data: { stream: interval.points[0]!.opening.source.label, missing: [...missing].join(', ') },
        });
      }
    }

    function reportRxjsRetries(openings: readonly StreamOpening[], openers: StreamOpeners): void {
      const following = followsRxjsImports ? { resolve: resolveImportedDeclarationThroughProgram, wrappers } : undefined;
      for (const retry of findUnboundedRxjsRetries(sourceCode, openings, openers, requirements, following)) {
        const missing = retry.missing.join(', ');
        const stream = retry.opening.source.label;
        if (!retry.openingFile && !retry.helper) {
          context.report({ node: retry.call, messageId: 'unboundedRxjsRetry', data: { operator: retry.operator, stream, missing } });
          continue;
        }
        const at = (fileName: string, line: number) => `${displayPath(context.cwd, fileName)}:${line}`;
        context.report({
          node: retry.call,
          messageId: 'unboundedRxjsRetryAcrossFiles',
          data: {
            operator: retry.operator,
            helper: retry.helper ? ` returned by \`${retry.helper.name}()\` (${at(retry.helper.fileName, retry.helper.line)})` : '',
            stream,
            // The program's name for this file: absolute, as other files' names are.
            opening: at(retry.openingFile ?? programFileName(sourceCode) ?? context.filename, retry.opening.node.loc.start.line),
            missing,
          },
        });
      }
    }

    function reportLoopReopens(openings: readonly StreamOpening[], openers: StreamOpeners): void {
      for (const found of findLoopReopens(sourceCode, openings, openers, requirements, getServerStops(sourceCode, openings))) {
        context.report({
          node: found.loop,
          messageId: 'unboundedLoopReconnect',
          data: { stream: found.points[0]!.opening.source.label, missing: found.missing.join(', ') },
        });
      }
    }

    /** What a client library that retries by itself is set to do; one report per opening. */
    function checkLibraryRetries(openings: readonly StreamOpening[]): void {
      for (const opening of openings) {
        const problem = clientOptionProblem(sourceCode, opening, minRetryMs);
        if (problem) {
          reportClientOption(problem);
          continue;
        }
        const forever = reconnectingEventSourceForever(sourceCode, opening, openings, requirements);
        if (forever) {
          context.report({
            node: forever.node,
            messageId: 'reconnectingEventSourceForever',
            data: { stream: opening.source.label, missing: forever.missing.join(', '), delay: forever.delay },
          });
        }
        for (const interval of shortReconnectIntervals(sourceCode, opening, minRetryMs)) {
          context.report({
            node: interval.node,
            messageId: 'reconnectIntervalTooShort',
            data: { value: interval.value, when: interval.immediate ? 'at once' : `${interval.value} ms`, min: minRetryMs },
          });
        }
      }
    }

    function checkReconnects(): void {
      // A `<script>` tag's `ReconnectingEventSource` is a global that no import names.
      checkLibraryRetries(globalReconnectingEventSources(sourceCode));
      // A client that connects later (`useEventSource(url, [], { immediate: false })`) still retries as configured once it does.
      checkLibraryRetries(getDeferredStreamOpenings(sourceCode, wrappers));
      const openings = getStreamOpenings(sourceCode, wrappers);
      if (openings.length === 0 && !followsRxjsImports) return;
      if (requirements.attemptLimit || requirements.backoff || requirements.jitter) {
        const openers = getStreamOpeners(sourceCode, openings);
        if (openings.length > 0) {
          reportHandlerReopens(openings, openers);
          reportIntervalReopens(openings, openers);
          reportLoopReopens(openings, openers);
        }
        // An observable opens a stream only where a file opens one: this file, or with type
        // information one it imports the observable or its factory from.
        reportRxjsRetries(openings, openers);
      }
      checkLibraryRetries(openings);
    }

    function reportShortRetry(node: TSESTree.Node, value: number): void {
      context.report({ node, messageId: 'retryFieldTooShort', data: { value, min: minRetryMs } });
    }

    // Text that is a type, JSX, a module name or an object key is never written to a stream.
    function isWrittenValue(node: TSESTree.Node): boolean {
      const parent = node.parent;
      switch (parent?.type) {
        case 'TSLiteralType':
        case 'JSXAttribute':
        case 'JSXExpressionContainer':
        case 'ImportDeclaration':
        case 'ImportExpression':
        case 'ExportNamedDeclaration':
        case 'ExportAllDeclaration':
          return false;
        case 'Property':
          return parent.key !== node;
        default:
          return true;
      }
    }

    function checkRetryText(piece: TSESTree.Node): void {
      const whole = outermostConcatenation(piece);
      if (checkedTexts.has(whole) || !isWrittenValue(whole)) return;
      checkedTexts.add(whole);
      const tooShort = retryFieldValues(staticText(sourceCode, whole)).find((value) => value < minRetryMs);
      if (tooShort !== undefined) reportShortRetry(whole, tooShort);
    }

    function checkRetryOption(option: RetryOption | null): void {
      if (option && option.value < minRetryMs) reportShortRetry(option.property, option.value);
    }

    const listeners: TSESLint.RuleListener = {
      Program() {
        if (hasStreams || followsRxjsImports) checkReconnects();
        if (usesBetterSse) betterSseRetries(sourceCode).forEach(checkRetryOption);
      },
    };
    // Listeners that ESLint calls for every string of the file are added only where one can matter.
    if (writesRetryField) {
      listeners['Literal[value=/retry:/]'] = (node: TSESTree.StringLiteral) => checkRetryText(node);
      listeners['TemplateElement[value.raw=/retry:/]'] = (node: TSESTree.TemplateElement) => {
        if (node.parent.type === 'TemplateLiteral') checkRetryText(node.parent);
      };
    }
    // `writeSSE` is Hono's only in files that import Hono; elsewhere the listener is not even added.
    if (usesHonoWriteSse) {
      listeners['CallExpression[callee.property.name="writeSSE"]'] = (node: TSESTree.CallExpression) =>
        checkRetryOption(honoWriteSseRetry(sourceCode, node));
    }
    return listeners;
  },
});
