import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable } from '../src/analysis/eslint-utils.js';
import { enclosingFunction, isFunctionNode, skipTransparentParents } from '../src/analysis/functions.js';
import { resolveCallee } from '../src/analysis/lifecycle/callees.js';
import { type CloseTargets, closesStream } from '../src/analysis/lifecycle/closing.js';
import { type UnclosedReopen, unclosedErrorReopens } from '../src/analysis/lifecycle/error-reopens.js';
import { testsStream } from '../src/analysis/lifecycle/guards.js';
import { holderText, isModuleLevelHolder, rootVariable } from '../src/analysis/lifecycle/holder-paths.js';
import {
  type MountCallback,
  callbackTeardownOf,
  instanceTeardownOf,
  returnedValues,
} from '../src/analysis/lifecycle/lifecycle-hooks.js';
import { localCallersOf } from '../src/analysis/lifecycle/local-callers.js';
import { mountContextOf } from '../src/analysis/lifecycle/mount-context.js';
import { closesItselfWhenDone } from '../src/analysis/one-shot.js';
import { precedingVerdict } from '../src/analysis/lifecycle/preceding-code.js';
import { type Replacement, unsafeReplacements } from '../src/analysis/lifecycle/replacements.js';
import {
  type StreamHolding,
  closesWithCallerScope,
  isFetchEventSource,
  streamHolding,
  streamFactoryOf,
} from '../src/analysis/lifecycle/stream-holders.js';
import { staticPropertyName, unwrapExpression } from '../src/analysis/reconnect/access-paths.js';
import { contains } from '../src/analysis/reconnect/walk.js';
import { getStreamOpeners } from '../src/analysis/stream-openers.js';
import { type StreamOpening, getStreamOpenings, sourceMentionsStream } from '../src/analysis/stream-sources.js';
import { isTestFile } from '../src/analysis/test-files.js';
import { createRule } from '../src/create-rule.js';
import { type StreamOptions, wrappersSchema } from '../src/rule-options.js';

export type Options = [StreamOptions];
export type MessageIds =
  | 'notClosedOnUnmount'
  | 'notKeptOnMount'
  | 'fetchWithoutSignal'
  | 'fetchNotAborted'
  | 'replacedWithoutClose'
  | 'reopenedWithoutClose'
  | 'addCleanup'
  | 'closeBeforeReplacing'
  | 'closeFailedStream';

type HeldStream = Extract<StreamHolding, { kind: 'held' }>;

/** How many local factories deep a stream is followed to the call that keeps it (`open()` calling `connect()`). */
const MAX_FACTORY_DEPTH = 2;

const BUDGET = 'one of the ~6 connections the browser allows per origin (shared by all tabs of the profile)';

function endsInReturn(statement: TSESTree.Statement): boolean {
  if (statement.type === 'ReturnStatement') return true;
  const last = statement.type === 'BlockStatement' ? statement.body.at(-1) : undefined;
  return last !== undefined && endsInReturn(last);
}

/** Where a statement-level insertion goes, and the text before and after it. */
interface Insertion {
  at: number;
  text: string;
}

export default createRule<Options, MessageIds>({
  name: 'require-eventsource-close',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Require closing a Server-Sent Events stream when its component unmounts, before replacing it, and before re-opening it after an error',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: { wrappers: wrappersSchema },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ wrappers: [] }],
    messages: {
      notClosedOnUnmount: `{{stream}} is opened in {{lifecycle}} but not closed when the component goes away: it keeps ${BUDGET} until the tab closes, and every mount opens one more, so fetches and POSTs start to queue behind them. Close it {{where}}{{example}}.`,
      notKeptOnMount: `{{stream}} is opened in {{lifecycle}} and kept nowhere, so nothing can ever close it: it keeps ${BUDGET} until the tab closes, and every mount opens one more. Keep it in a variable and close it {{where}}.`,
      fetchWithoutSignal: `\`fetchEventSource\` is started in {{lifecycle}} without a \`signal\`, so nothing can stop it: after the component is gone it keeps ${BUDGET} and keeps retrying, and every mount starts one more. Pass \`signal: controller.signal\` from an \`AbortController\` and call \`controller.abort()\` {{where}}.`,
      fetchNotAborted: `\`fetchEventSource\` is started in {{lifecycle}}, but \`{{controller}}\`, whose signal stops it, is not aborted when the component goes away: the stream keeps ${BUDGET} and keeps retrying, and every mount starts one more. Call \`{{controller}}.abort()\` {{where}}.`,
      replacedWithoutClose: `\`{{target}}\` may still hold an open {{stream}} when this puts a new one in it: the old stream can no longer be reached but stays connected (and keeps reconnecting) until the tab closes, holding ${BUDGET}. Close the old one first, or return early when it is already open.`,
      reopenedWithoutClose: `This error handler opens {{stream}} again without closing the one that failed: after a network error the browser keeps reconnecting that one by itself, so every error adds a connection that also keeps reconnecting, until the ~6 connections the browser allows per origin (shared by all tabs) are spent. Call \`close()\` on the failed stream first, or re-open only when its \`readyState\` is \`CLOSED\`.`,
      addCleanup: 'Return a cleanup that closes it: `{{code}}`.',
      closeBeforeReplacing: 'Close the old stream first: `{{code}}`.',
      closeFailedStream: 'Close the failed stream first: `{{code}}`.',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    // Cheapest check first: most files never mention a stream.
    // Tests open streams against mocks in setup code that no page runs; the real-code audit found
    // 18 findings in one test file (sse.js's lib/sse.test.js), none about a connection left open.
    if (!sourceMentionsStream(sourceCode, wrappers) || isTestFile(context.filename)) return {};

    /** The statement around `node` that sits directly in a block inside `within`. */
    function blockStatementOf(node: TSESTree.Node, within: TSESTree.Node): TSESTree.Node | null {
      for (let current: TSESTree.Node | undefined = node; current?.parent; current = current.parent) {
        const parent: TSESTree.Node = current.parent;
        if (!contains(within, parent)) return null;
        const type = parent.type;
        if (type === 'BlockStatement' || type === 'Program' || type === 'SwitchCase' || type === 'StaticBlock') return current;
      }
      return null;
    }

    /** Text that puts `code` on a line of its own before `statement`, indented like it. */
    function insertionBefore(statement: TSESTree.Node, code: string): Insertion {
      const line = sourceCode.lines[statement.loc.start.line - 1] ?? '';
      const before = line.slice(0, statement.loc.start.column);
      const ownLine = before.trim() === '';
      return { at: statement.range[0], text: ownLine ? `${code}\n${before}` : `${code} ` };
    }

    function insertionFix(insertion: Insertion): TSESLint.ReportFixFunction {
      return (fixer) => fixer.insertTextBeforeRange([insertion.at, insertion.at], insertion.text);
    }

    // ── A stream opened at mount and never closed at teardown ──

    /**
     * `return () => es.close();` at the end of a mount callback whose return value is its
     * cleanup, when it returns nothing yet and keeps the stream in a variable of its own body.
     */
    function cleanupSuggestion(
      mount: MountCallback,
      opening: StreamOpening,
      holding: HeldStream,
    ): TSESLint.SuggestionReportDescriptor<MessageIds>[] {
      const fn = mount.body;
      if (!mount.returnsCleanup || !isFunctionNode(fn) || fn.body.type !== 'BlockStatement') return [];
      if (fn.async || fn.generator || opening.source.userDefined) return [];
      if (returnedValues(fn, sourceCode.visitorKeys).length > 0) return [];
      const store = holding.store;
      if (store.type !== 'VariableDeclarator' || store.id.type !== 'Identifier') return [];
      if (store.parent?.parent !== fn.body) return [];
      const last = fn.body.body.at(-1);
      if (!last || last.type === 'ReturnStatement' || last.type === 'ThrowStatement') return [];
      const method = isFetchEventSource(opening) ? 'abort' : 'close';
      const code = `return () => ${store.id.name}.${method}();`;
      const lastLine = sourceCode.lines[last.loc.start.line - 1] ?? '';
      const indent = /^\s*/.exec(lastLine)?.[0] ?? '';
      const text = last.loc.start.line === fn.body.loc.start.line ? ` ${code}` : `\n${indent}${code}`;
      return [
        {
          messageId: 'addCleanup',
          data: { code },
          fix: (fixer) => fixer.insertTextAfter(last, text),
        },
      ];
    }

    /** A stream kept in a module-level variable behind a guard (`if (!es) es = …`) is a page-wide singleton on purpose. */
    function isSharedSingleton(holding: HeldStream, targets: CloseTargets): boolean {
      if (!holding.paths.some(isModuleLevelHolder)) return false;
      const store = holding.store;
      if (store.type === 'AssignmentExpression' && store.operator !== '=') return true;
      const verdict = precedingVerdict(sourceCode, store, targets, {
        isGuard: (test) => testsStream(sourceCode, test, targets),
        storesStream: () => false,
        declaresHolder: () => false,
      });
      return verdict.kind === 'safe';
    }

    /** Whether every read of a variable names one of its properties: `box.es`, never `box` alone. */
    function isReadOnlyByProperty(variable: TSESLint.Scope.Variable): boolean {
      return variable.references.every((reference) => {
        if (reference.init) return true;
        const node = skipTransparentParents(reference.identifier as TSESTree.Node);
        const parent = node.parent;
        return parent?.type === 'MemberExpression' && parent.object === node && staticPropertyName(parent) !== null;
      });
    }

    /**
     * Whether a variable holds a data object of its own, met only through its properties:
     * `const box = { es: null }; box.es = …`. Whoever could close the stream on it must name
     * it. An object with methods (its own or spread in) may close it through `this`, and one
     * handed on, destructured or written over (`register(box)`, `const { es } = box`) goes
     * under other names: not followed.
     */
    function holdsOwnDataObject(variable: TSESLint.Scope.Variable): boolean {
      const declarator = variable.defs[0]?.node;
      if (declarator?.type !== 'VariableDeclarator') return false;
      const init = declarator.init && unwrapExpression(declarator.init);
      if (init?.type !== 'ObjectExpression') return false;
      const plainData = init.properties.every((property) => property.type === 'Property' && !isFunctionNode(property.value));
      return plainData && isReadOnlyByProperty(variable);
    }

    /**
     * Whether every name the stream is held under is a variable declared inside a hook's
     * callback, or a property of an object of its own declared there: then only that callback's
     * own cleanup can reach it. (A class's teardown is found wherever the class registers it,
     * `destroyRef.onDestroy(() => es.close())` included.)
     */
    function isLocalTo(holding: HeldStream, mount: MountCallback): boolean {
      if (mount.style !== 'hook') return false;
      return holding.paths.every((path) => {
        const root = rootVariable(path);
        const definition = root?.defs[0];
        if (!root || !definition || !contains(mount.body, definition.name)) return false;
        return path.properties.length === 0 || holdsOwnDataObject(root);
      });
    }

    /**
     * Whether the mount callback opens the stream only under a condition: inside an `if` or a
     * conditional expression, or after an `if (…) return;` (`if (!question) return;`).
     */
    function opensOnlyUnderCondition(node: TSESTree.Node, body: TSESTree.Node): boolean {
      let child = node;
      for (let current = node.parent; current && current !== body; child = current, current = current.parent) {
        if ((current.type === 'IfStatement' || current.type === 'ConditionalExpression') && current.test !== child) return true;
        if (current.type === 'LogicalExpression' && current.right === child) return true;
        if (current.type === 'BlockStatement') {
          const earlier = current.body.slice(0, current.body.indexOf(child as TSESTree.Statement));
          if (earlier.some((statement) => statement.type === 'IfStatement' && endsInReturn(statement.consequent))) return true;
        }
      }
      return false;
    }

    function isClosedAtTeardown(mount: MountCallback, holding: HeldStream): boolean {
      const targets: CloseTargets = { paths: holding.paths, close: holding.close };
      if (isSharedSingleton(holding, targets)) return true;
      const teardown = isLocalTo(holding, mount)
        ? callbackTeardownOf(sourceCode, mount)
        : instanceTeardownOf(sourceCode, mount);
      // A cleanup this file cannot follow, or a returned value that is not a function of the file, may close it.
      if (teardown.unknown || teardown.returnedValues.length > 0) return true;
      return teardown.regions.some((region) => closesStream(sourceCode, region, targets));
    }

    /** Factory calls already checked as openings: several openings of one factory lead to the same calls. */
    const checkedFactoryCalls = new Set<TSESTree.Node>();

    /**
     * A local factory's stream is held by whoever calls it: each call is checked as an opening
     * of that stream (`const es = open(url);` in an effect must be closed by its cleanup).
     */
    function checkFactoryCalls(opening: StreamOpening, depth: number): void {
      const factory = depth < MAX_FACTORY_DEPTH ? streamFactoryOf(sourceCode, opening) : null;
      if (!factory) return;
      for (const call of localCallersOf(sourceCode, factory).calls) {
        // `setTimeout(open, d)` runs it too, but hands its stream to no one.
        if (resolveCallee(sourceCode, call.callee) !== factory) continue;
        // A retry from the factory itself (`return open(url, tries - 1)`) hands the stream to the
        // same callers, checked here at this depth.
        if (enclosingFunction(call) === factory || checkedFactoryCalls.has(call)) continue;
        checkedFactoryCalls.add(call);
        checkTeardown({ node: call, source: opening.source }, depth + 1);
      }
    }

    function checkTeardown(opening: StreamOpening, depth = 0): void {
      const mount = mountContextOf(sourceCode, opening.node);
      if (!mount) return;
      const holding = streamHolding(sourceCode, opening);
      const lifecycle = mount.description;
      switch (holding.kind) {
        case 'escapes':
          checkFactoryCalls(opening, depth);
          return;
        case 'no-signal':
          context.report({ node: opening.node, messageId: 'fetchWithoutSignal', data: { lifecycle, where: mount.where } });
          return;
        case 'unheld':
          context.report({
            node: opening.node,
            messageId: 'notKeptOnMount',
            data: { stream: opening.source.label, lifecycle, where: mount.where },
          });
          return;
        case 'held':
          break;
      }
      if (isClosedAtTeardown(mount, holding)) return;
      // Opened for one answer, when state set by a user action says so, and closed by its own
      // terminal event: not a subscription the mount holds.
      if (opensOnlyUnderCondition(opening.node, mount.body) && closesItselfWhenDone(sourceCode, opening)) return;
      const name = holderText(holding.paths[0]!);
      if (isFetchEventSource(opening)) {
        context.report({
          node: opening.node,
          messageId: 'fetchNotAborted',
          data: { lifecycle, where: mount.where, controller: name ?? 'controller' },
          suggest: cleanupSuggestion(mount, opening, holding),
        });
        return;
      }
      const example =
        mount.returnsCleanup && name !== null && !opening.source.userDefined ? ` (\`return () => ${name}.close();\`)` : '';
      context.report({
        node: opening.node,
        messageId: 'notClosedOnUnmount',
        data: { stream: opening.source.label, lifecycle, where: mount.where, example },
        suggest: cleanupSuggestion(mount, opening, holding),
      });
    }

    // ── A stream put over one that may still be open ──

    function reportReplacement(replacement: Replacement): void {
      const target = holderText(replacement.target) ?? sourceCode.getText(replacement.assignment.left);
      const statement = replacement.assignment.parent;
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const name = holderText(replacement.target);
      if (
        name !== null &&
        !replacement.opening.source.userDefined &&
        statement?.type === 'ExpressionStatement' &&
        statement.expression === replacement.assignment &&
        blockStatementOf(statement, sourceCode.ast) === statement
      ) {
        const code = `${name}?.close();`;
        const fix = insertionFix(insertionBefore(statement, code));
        suggest.push({ messageId: 'closeBeforeReplacing', data: { code }, fix });
      }
      context.report({
        node: replacement.assignment,
        messageId: 'replacedWithoutClose',
        data: { target, stream: replacement.opening.source.label },
        suggest,
      });
    }

    // ── A stream re-opened from the error handler of one that keeps reconnecting ──

    /**
     * The statement that closes the failed stream before `statement`: under a name that means
     * the same there (`es.close();` when `es` was declared with that very stream, `es?.close();`
     * or `this.es?.close();` when it may be empty), or `this.close();` in a `function` handler.
     */
    function closeFailedStreamCode(reopen: UnclosedReopen, statement: TSESTree.Node): string | null {
      const region = reopen.handler.region;
      for (const path of reopen.failed.paths) {
        const text = holderText(path);
        if (text === null) continue;
        const root = rootVariable(path);
        if (!root) {
          // `this` in an arrow handler is the class instance, as where the stream was stored.
          if (region.type === 'ArrowFunctionExpression') return `${text}?.close();`;
          continue;
        }
        const variable = findVariable(sourceCode.getScope(statement), root.name);
        if (variable !== root || contains(region, variable.defs[0]?.name ?? region)) continue;
        const declarator = variable.defs[0]?.node;
        const definite =
          path.properties.length === 0 &&
          declarator?.type === 'VariableDeclarator' &&
          declarator.id.type === 'Identifier' &&
          !declarator.id.typeAnnotation &&
          declarator.init != null &&
          unwrapExpression(declarator.init) === reopen.handler.opening.node;
        return definite ? `${text}.close();` : `${text}?.close();`;
      }
      return reopen.failed.selfFunction ? 'this.close();' : null;
    }

    function reportReopen(reopen: UnclosedReopen): void {
      const suggest: TSESLint.SuggestionReportDescriptor<MessageIds>[] = [];
      const statement = blockStatementOf(reopen.point.node, reopen.handler.region.body);
      const code = statement && !reopen.handler.opening.source.userDefined ? closeFailedStreamCode(reopen, statement) : null;
      if (statement && code) {
        const fix = insertionFix(insertionBefore(statement, code));
        suggest.push({ messageId: 'closeFailedStream', data: { code }, fix });
      }
      context.report({
        node: reopen.point.node,
        messageId: 'reopenedWithoutClose',
        data: { stream: reopen.point.opening.source.label },
        suggest,
      });
    }

    return {
      Program() {
        // VueUse's `useEventSource` closes its stream when the component's scope is disposed.
        const openings = getStreamOpenings(sourceCode, wrappers).filter((opening) => !closesWithCallerScope(opening));
        if (openings.length === 0) return;
        const openers = getStreamOpeners(sourceCode, openings);
        const errorReopens = unclosedErrorReopens(sourceCode, openings, openers);
        const reported = new Set<TSESTree.Node>();
        for (const reopen of errorReopens.unclosed) {
          reported.add(reopen.point.node);
          // `setTimeout(connect, d)`: the scheduler call is where `connect` runs from.
          const parent = reopen.point.node.parent;
          if (parent?.type === 'CallExpression' && parent.callee !== reopen.point.node) reported.add(parent);
          reportReopen(reopen);
        }
        for (const opening of openings) checkTeardown(opening);
        const handled = { nodes: reported, units: errorReopens.handlers };
        for (const replacement of unsafeReplacements(sourceCode, openings, handled)) reportReplacement(replacement);
      },
    };
  },
});
