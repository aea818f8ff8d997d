import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import {
  type Component,
  type ComponentOrHook,
  type Hook,
  bindingOf,
  enclosingComponentOrHook,
  isProvider,
  parameterDependencies,
  renderSites,
} from '../src/analysis/components.js';
import { noteFlaggedOpenings } from '../src/analysis/flagged-openings.js';
import { type FunctionNode, functionName } from '../src/analysis/functions.js';
import {
  type Repetition,
  type RepetitionOptions,
  DEFAULT_ITERATION_METHODS,
  collectionHelperImports,
  findRepetition,
  findRepetitionOfCallbackReference,
} from '../src/analysis/repetition.js';
import { type OpenerCallSite, getStreamOpeners, owningFunction } from '../src/analysis/stream-openers.js';
import {
  type StreamOpening,
  getStreamOpenings,
  sourceMentionsStream,
  streamUrlArgument,
} from '../src/analysis/stream-sources.js';
import { isOneShotStream } from '../src/analysis/one-shot.js';
import { streamStorage } from '../src/analysis/stream-storage.js';
import {
  importsAnyValue,
  isResolvableComponent,
  renderedComponentName,
  shortText,
} from '../src/analysis/typed/candidates.js';
import { renderFinding } from '../src/analysis/typed/cross-file-findings.js';
import { type HookCaller, simultaneousHookCallers } from '../src/analysis/typed/hook-callers.js';
import { typeInformationOf } from '../src/analysis/typed/type-information.js';
import { displayPath } from '../src/analysis/display-path.js';
import { angularTemplateVisitor } from '../src/analysis/templates/angular-template.js';
import type { PerItemRender } from '../src/analysis/templates/component-streams.js';
import { svelteEachVisitor } from '../src/analysis/templates/svelte-template.js';
import { vueTemplateVisitor, withTemplateVisitor } from '../src/analysis/templates/vue-template.js';
import { createRule } from '../src/create-rule.js';
import { sharedHelperSuggestions } from '../src/fixes/use-shared-helper.js';
import {
  REPEATED_STREAM_DEFAULTS,
  type RepeatedStreamOptions,
  iterationMethodsSchema,
  sharedHelperSchema,
  typeAwareSchema,
  wrappersSchema,
} from '../src/rule-options.js';

export type Options = [RepeatedStreamOptions & { reportUrlFromProps?: boolean; reportHookWithoutCallers?: boolean }];
export type MessageIds =
  | 'urlFromProps'
  | 'hookOpensStream'
  | 'hookRunTogetherAcrossFiles'
  | 'renderedPerItem'
  | 'renderedPerItemAcrossFiles'
  | 'storedPerKey'
  | 'useSharedHelper';

/** One way a component or hook reaches a stream: the functions called on the way, then the opening. */
interface Route {
  /** The functions from the first one inside the component or hook to the one that opens; empty for a class field. */
  chain: readonly FunctionNode[];
  opening: StreamOpening;
}

/** What one report of a component or hook will say, gathered over all the routes that end at the same node. */
interface Finding {
  unit: ComponentOrHook;
  node: TSESTree.Node;
  opening: StreamOpening;
  /** The helper whose call is reported, when the opening is outside the component or hook. */
  helper: FunctionNode | null;
  dependencies: Set<string>;
}

function contains(outer: TSESTree.Node, inner: TSESTree.Node): boolean {
  return outer.range[0] <= inner.range[0] && inner.range[1] <= outer.range[1];
}

function isExported(unit: ComponentOrHook): boolean {
  let node: TSESTree.Node | undefined = unit.node;
  // `export function useX`, `export const useX = …`, `export default function useX`.
  if (node.type !== 'FunctionDeclaration' && node.type !== 'ClassDeclaration') node = node.parent?.parent;
  const parent = node?.parent;
  return parent?.type === 'ExportNamedDeclaration' || parent?.type === 'ExportDefaultDeclaration';
}

/** `prop \`id\`` or `props \`id\`, \`topic\`` — what a URL is built from. */
function describeInputs(names: readonly string[]): string {
  const list = names.map((name) => `\`${name}\``).join(', ');
  return names.length === 1 ? `prop ${list}` : `props ${list}`;
}

type CallsBetween = (caller: FunctionNode, callee: FunctionNode) => readonly OpenerCallSite[];
/** Whether `caller` constructs a class (`new Conn()`) whose construction goes on to call `callee` (`this.connect()`). */
type ConstructsInto = (caller: FunctionNode, callee: FunctionNode) => boolean;

/**
 * Every route from a function to a per-instance stream, from `getStreamOpeners`, plus class
 * field initialisers (`es = new EventSource(…)`), which run per instance without a function.
 */
function streamRoutes(
  sourceCode: Readonly<TSESLint.SourceCode>,
  openings: readonly StreamOpening[],
): { routes: Route[]; callsBetween: CallsBetween; constructsInto: ConstructsInto } {
  const openers = getStreamOpeners(sourceCode, openings);
  const sitesByTarget = new Map<FunctionNode, OpenerCallSite[]>();
  for (const site of openers.callSites) {
    const sites = sitesByTarget.get(site.target.fn) ?? [];
    sites.push(site);
    sitesByTarget.set(site.target.fn, sites);
  }
  const callsBetween: CallsBetween = (caller, callee) =>
    (sitesByTarget.get(callee) ?? []).filter((site) => owningFunction(site.node) === caller);
  // A class's route (`via`) starts after its constructor, at the first function construction calls.
  const constructsInto: ConstructsInto = (caller, callee) =>
    openers.constructionSites.some((site) => site.target.via[0] === callee && owningFunction(site.node) === caller);

  const routes: Route[] = [...openers.byFunction.values()].map((info) => ({
    chain: [info.fn, ...info.via],
    opening: info.opening,
  }));
  for (const opening of openings) {
    if (owningFunction(opening.node) === null) routes.push({ chain: [], opening });
  }
  return { routes, callsBetween, constructsInto };
}

/**
 * The component or hook a route starts in. A component handed inline to a wrapper inside a
 * plain function (`makeRow(base) { return memo(function Row() {…}) }`) runs with that function
 * as far as callers can tell, so its routes start at the function: then the component is the
 * one that holds the route's next step, the opening or the call of the next function.
 */
function startingUnit(route: Route, callsBetween: CallsBetween): ComponentOrHook | null {
  const [start, next] = route.chain;
  if (!start) return enclosingComponentOrHook(route.opening.node);
  const unit = enclosingComponentOrHook(start);
  if (unit) return unit;
  const step = next ? callsBetween(start, next)[0]?.node : route.opening.node;
  return step ? enclosingComponentOrHook(step) : null;
}

/** The arguments passed for parameter `index` of `fn` where the route calls it; none off the route or after a spread. */
function argumentsAlong(
  chain: readonly FunctionNode[],
  fn: FunctionNode,
  index: number,
  callsBetween: CallsBetween,
): TSESTree.Node[] {
  const position = chain.indexOf(fn);
  if (position < 1) return [];
  return callsBetween(chain[position - 1]!, fn).flatMap(({ node: call }) => {
    if (call.type !== 'CallExpression') return [];
    const argument = call.arguments[index];
    const spread = call.arguments.slice(0, index + 1).some((a) => a.type === 'SpreadElement');
    return argument && !spread ? [argument] : [];
  });
}

export default createRule<Options, MessageIds>({
  name: 'no-eventsource-per-item',
  meta: {
    type: 'problem',
    docs: {
      description:
        'Disallow Server-Sent Events streams whose number grows with component instances, hook calls or keys',
      recommended: true,
    },
    hasSuggestions: true,
    schema: [
      {
        type: 'object',
        properties: {
          wrappers: wrappersSchema,
          iterationMethods: iterationMethodsSchema,
          sharedHelper: sharedHelperSchema,
          typeAware: typeAwareSchema,
          reportUrlFromProps: {
            type: 'boolean',
            description:
              'Report every component whose stream URL comes from its props (`urlFromProps`), even when this file shows no sign that it is rendered more than once. By default a component is reported for it only when this file renders it per item or from several parents.',
          },
          reportHookWithoutCallers: {
            type: 'boolean',
            description:
              'Report every hook that opens its own stream (`hookOpensStream`), even when this file shows no sign that it runs more than once at a time. By default a hook is reported only when this file calls it twice or more, or per item, or from a component or hook that is itself repeated.',
          },
        },
        additionalProperties: false,
      },
    ],
    defaultOptions: [{ ...REPEATED_STREAM_DEFAULTS, reportUrlFromProps: false, reportHookWithoutCallers: false }],
    messages: {
      urlFromProps:
        'Component `{{component}}` opens {{stream}}{{route}} with a URL built from its {{inputs}}, so every rendered instance holds its own connection, one of the ~6 the browser allows per origin across all tabs; later fetches and POSTs queue behind them. Open one shared stream (in a provider or a module) and route its events to each instance.',
      hookOpensStream:
        'Hook `{{hook}}` opens its own {{stream}}{{route}}, so every component that calls it holds another connection, one of the ~6 the browser allows per origin across all tabs; later fetches and POSTs queue behind them. Open one shared stream (in a provider or a module) and have the hook subscribe to it.',
      hookRunTogetherAcrossFiles:
        'Hook `{{hook}}` opens its own {{stream}}{{route}}, and {{together}}: two connections at once, and one more for every other component that calls it, each one of the ~6 the browser allows per origin across all tabs; later fetches and POSTs queue behind them. Open one shared stream (in a provider or a module) and have the hook subscribe to it.',
      renderedPerItem:
        '`<{{component}}>` opens {{stream}} (line {{line}}) and is rendered inside {{repetition}}, so every item holds its own connection, one of the ~6 the browser allows per origin; later fetches and POSTs queue behind them. Open one shared stream above the list and pass each item its events.',
      renderedPerItemAcrossFiles:
        '`<{{component}}>` ({{file}}) opens {{stream}} ({{opening}}){{route}} and is rendered inside {{repetition}}, so every item holds its own connection, one of the ~6 the browser allows per origin; later fetches and POSTs queue behind them. Open one shared stream above the list and pass each item its events.',
      storedPerKey:
        '{{stream}} is stored per key (`{{storage}}`), so open connections grow with the number of keys or entries, each one of the ~6 the browser allows per origin; later fetches and POSTs queue behind them. Open one shared stream and route its events by key.',
      useSharedHelper: 'Use the shared `{{helper}}()` from {{module}} instead.',
    },
    // Reads JavaScript syntax trees (espree or typescript-eslint).
    languages: ['js/js'],
  },
  create(context, [options]) {
    const sourceCode = context.sourceCode;
    const wrappers = options.wrappers ?? [];
    // Cheapest checks first: most files never mention a stream, and with type information
    // only a file that imports something can render a component that opens one elsewhere.
    const mentionsStream = sourceMentionsStream(sourceCode, wrappers);
    const typed = options.typeAware === false ? null : typeInformationOf(sourceCode, context.cwd);
    const crossFile = typed && importsAnyValue(sourceCode) ? typed : null;
    // A Vue template's `v-for` over a component that opens a stream in its own file: found
    // whether or not this file mentions a stream.
    const vueTemplate = vueTemplateVisitor(context, wrappers, (render) => reportRender(render));
    const svelteEach = svelteEachVisitor(context, wrappers, (render) => reportRender(render));
    const angularFor = angularTemplateVisitor(context, wrappers, (render) => reportRender(render));
    function reportRender({ node: tag, component, repetition, stream, file, self }: PerItemRender): void {
      const node = tag as unknown as TSESTree.Node;
      if (self) {
        context.report({ node, messageId: 'renderedPerItem', data: { component, stream: stream.stream, line: stream.line, repetition } });
        return;
      }
      context.report({
        node,
        messageId: 'renderedPerItemAcrossFiles',
        data: {
          component,
          file: displayPath(context.cwd, file),
          stream: stream.stream,
          opening: `${displayPath(context.cwd, stream.file)}:${stream.line}`,
          route: stream.route,
          repetition,
        },
      });
    }
    /**
     * The rule's listeners, plus those of a Vue template, Svelte markup or an Angular template.
     * Spread only when there is a template visitor: object spreads were about half of `create`'s
     * own samples in CPU profiles of the type-aware benchmark's project, which has none.
     */
    const withTemplates = (listeners: TSESLint.RuleListener): TSESLint.RuleListener =>
      svelteEach || angularFor || vueTemplate
        ? withTemplateVisitor(sourceCode, { ...listeners, ...svelteEach, ...angularFor }, vueTemplate)
        : listeners;
    if (!mentionsStream && !crossFile) return withTemplates({});
    /** Render sites the syntactic analysis reported, which type-aware mode does not report again. */
    const reported = new Set<TSESTree.Node>();

    /** Offered only where the report is at the opening itself, which the fix replaces. */
    function suggestionsFor(node: TSESTree.Node, opening: StreamOpening) {
      if (node !== opening.node) return [];
      return sharedHelperSuggestions(sourceCode, opening, options.sharedHelper).map((suggestion) => ({
        messageId: 'useSharedHelper' as const,
        ...suggestion,
      }));
    }


    /** A hook that only providers of this file call (and no other module can) shares what it opens. */
    function isCalledOnlyByProviders(hook: Hook): boolean {
      if (isExported(hook)) return false;
      const references = bindingOf(sourceCode, hook)?.references.filter((reference) => reference.isRead()) ?? [];
      return (
        references.length > 0 &&
        references.every((reference) => {
          const call = reference.identifier.parent;
          if (call?.type !== 'CallExpression' || call.callee !== reference.identifier) return false;
          const caller = enclosingComponentOrHook(call);
          return caller !== null && caller.kind !== 'hook' && isProvider(caller);
        })
      );
    }

    /**
     * A URL from props is not repetition by itself (a detail pane, a drawer, a chat panel):
     * the component is reported for it when this file renders it per item, or from several
     * components (or from module code and a component). Rendered per item in another file,
     * type-aware mode reports it where it is rendered.
     */
    function isRenderedRepeatedly(component: Component, repetitionOptions: RepetitionOptions): boolean {
      const binding = bindingOf(sourceCode, component);
      if (!binding) return false;
      const sites = renderSites(sourceCode, binding);
      if (sites.some((site) => findRepetition(site.node, repetitionOptions) !== null)) return true;
      return new Set(sites.map((site) => enclosingComponentOrHook(site.node)?.node ?? null)).size > 1;
    }

    /**
     * A hook opens one stream per call, but one call is one stream: a hook is reported when this
     * file shows it running several times at once — called twice or more, called per item, or
     * called by a component or hook that is itself repeated. A hook defined for other files (or
     * called once, by the app's root) shows none of that here; with type information,
     * `callersTogether` looks at the other files.
     */
    function runsSeveralTimes(hook: Hook, repetitionOptions: RepetitionOptions, seen = new Set<TSESTree.Node>()): boolean {
      if (seen.has(hook.node)) return false;
      seen.add(hook.node);
      const calls = (bindingOf(sourceCode, hook)?.references ?? []).flatMap((reference) => {
        const call = reference.identifier.parent;
        return reference.isRead() && call?.type === 'CallExpression' && call.callee === reference.identifier ? [call] : [];
      });
      if (calls.length > 1) return true;
      return calls.some((call) => {
        if (findRepetition(call, repetitionOptions) !== null) return true;
        const caller = enclosingComponentOrHook(call);
        if (!caller) return false;
        return caller.kind === 'hook'
          ? runsSeveralTimes(caller, repetitionOptions, seen)
          : isRenderedRepeatedly(caller, repetitionOptions);
      });
    }

    /**
     * Type-aware: an exported hook that the program runs twice at once, as other files show it
     * (`hook-callers.ts`), described for the message; null when they do not.
     */
    function callersTogether(hook: Hook): string | null {
      const declaration = typed && isExported(hook) ? typed.tsNodeOf(hook.node) : undefined;
      const found = declaration && simultaneousHookCallers(typed!, declaration);
      if (!found) return null;
      const at = (caller: HookCaller) => `\`<${caller.name}>\` (${displayPath(context.cwd, caller.fileName)}:${caller.line})`;
      return found.inner
        ? `${at(found.outer)} calls it and renders ${at(found.inner)}, which calls it too`
        : `${at(found.outer)} calls it twice`;
    }

    const sharedUnits = new Map<TSESTree.Node, boolean>();
    /** A provider, or a hook that belongs to one: what it opens is shared, not per instance. */
    function isShared(unit: ComponentOrHook): boolean {
      let shared = sharedUnits.get(unit.node);
      if (shared === undefined) {
        shared = unit.kind === 'hook' ? isCalledOnlyByProviders(unit) : isProvider(unit);
        sharedUnits.set(unit.node, shared);
      }
      return shared;
    }

    let repetitionOptions: RepetitionOptions | undefined;
    const repetitionOptionsOf = (program: TSESTree.Program): RepetitionOptions =>
      (repetitionOptions ??= {
        iterationMethods: options.iterationMethods ?? DEFAULT_ITERATION_METHODS,
        helperImports: collectionHelperImports(program),
      });

    // Only `Program`: type-aware mode below hands it on by name, so a listener added here must be added there too.
    const listeners: Pick<TSESLint.RuleListener, 'Program'> = {
      Program(program: TSESTree.Program) {
        const openings = getStreamOpenings(sourceCode, wrappers);
        if (openings.length === 0) return;
        const repetitionOptions = repetitionOptionsOf(program);

        /** `no-eventsource-in-loop` reports openings and opener calls made per element; this rule leaves them to it. */
        const belongsToLoopRule = (node: TSESTree.Node): boolean =>
          node.type === 'Identifier'
            ? findRepetitionOfCallbackReference(node, repetitionOptions) !== null
            : findRepetition(node, repetitionOptions) !== null;

        // 1. Where each stream is kept. Streams stored per key are reported as such; shared
        // ones (module level, lazy singletons) are fine; the rest live once per instance.
        const perInstance: StreamOpening[] = [];
        for (const opening of openings) {
          const storage = streamStorage(sourceCode, opening.node, repetitionOptions);
          const reportable = storage.kind === 'instance' || (storage.kind === 'per-key' && !belongsToLoopRule(opening.node));
          // A stream that ends when its work is done answers one request; it is not a connection per
          // consumer. Asked last: it follows the stream's handlers into the functions they call.
          if (!reportable || isOneShotStream(sourceCode, opening)) continue;
          if (storage.kind === 'instance') {
            perInstance.push(opening);
          } else {
            noteFlaggedOpenings(context, opening.node, 'storedPerKey', [opening]);
            context.report({
              node: opening.node,
              messageId: 'storedPerKey',
              data: { stream: opening.source.label, storage: storage.description },
              suggest: suggestionsFor(opening.node, opening),
            });
          }
        }
        if (perInstance.length === 0) return;

        // 2. Which components and hooks reach those streams, by which route, and where to say so.
        const { routes, callsBetween, constructsInto } = streamRoutes(sourceCode, perInstance.length === openings.length ? openings : perInstance);
        const findings = new Map<TSESTree.Node, Finding>();
        // Components that open a stream however they get there, their own hooks included, with the first such opening.
        const openingComponents = new Map<TSESTree.Node, { component: Component; opening: StreamOpening }>();

        for (const route of routes) {
          const { chain, opening } = route;
          const unit = startingUnit(route, callsBetween);
          if (!unit || isShared(unit)) continue;
          // A route through another component or hook starts at that one, which is reported itself.
          const others = chain.slice(1).flatMap((fn) => {
            const other = enclosingComponentOrHook(fn);
            return other !== null && other.node !== unit.node ? [other] : [];
          });
          // `createElement(Row)` hands a component over by reference; that is rendering, which
          // `renderedPerItem` follows for JSX and factories alike, not a call.
          if (others.some((other) => other.kind !== 'hook')) continue;
          if (unit.kind !== 'hook') {
            const known = openingComponents.get(unit.node);
            if (!known || opening.node.range[0] < known.opening.node.range[0]) {
              openingComponents.set(unit.node, { component: unit, opening });
            }
          }
          if (others.length > 0) continue;

          // Reported where the route leaves the unit: at the call of an outside helper, or at the
          // opening. A route that leaves by constructing a class is reported at the opening, as
          // one whose constructor opens the stream itself is.
          const leaves = chain.findIndex((fn, index) => index > 0 && !contains(unit.node, fn));
          const site = leaves === -1 ? null : callsBetween(chain[leaves - 1]!, chain[leaves]!)[0];
          if (leaves !== -1 && !site && !constructsInto(chain[leaves - 1]!, chain[leaves]!)) continue;
          const node = site ? site.node : opening.node;
          if (belongsToLoopRule(node)) continue;

          let finding = findings.get(node);
          if (!finding) {
            finding = { unit, node, opening, helper: site ? chain[leaves]! : null, dependencies: new Set() };
            findings.set(node, finding);
          }
          const url = streamUrlArgument(opening);
          if (unit.kind !== 'hook' && url) {
            const argumentsOf = (fn: FunctionNode, index: number) => argumentsAlong(chain, fn, index, callsBetween);
            for (const dependency of parameterDependencies(sourceCode, url, unit, { argumentsOf })) {
              finding.dependencies.add(dependency.name);
            }
          }
        }

        // 3. Hooks when this file runs them several times; components when the URL varies per instance and they repeat.
        for (const { unit, node, opening, helper, dependencies } of findings.values()) {
          const helperName = helper ? functionName(helper) : null;
          const route = helperName ? ` through \`${helperName}()\`` : '';
          const stream = opening.source.label;
          if (unit.kind === 'hook') {
            if (!options.reportHookWithoutCallers && !runsSeveralTimes(unit, repetitionOptions)) {
              const together = callersTogether(unit);
              if (!together) continue;
              noteFlaggedOpenings(context, node, 'hookRunTogetherAcrossFiles', [opening]);
              context.report({
                node,
                messageId: 'hookRunTogetherAcrossFiles',
                data: { hook: unit.name, stream, route, together },
                suggest: suggestionsFor(node, opening),
              });
              continue;
            }
            noteFlaggedOpenings(context, node, 'hookOpensStream', [opening]);
            context.report({
              node,
              messageId: 'hookOpensStream',
              data: { hook: unit.name, stream, route },
              suggest: suggestionsFor(node, opening),
            });
          } else if (dependencies.size > 0 && (options.reportUrlFromProps || isRenderedRepeatedly(unit, repetitionOptions))) {
            const inputs = describeInputs([...dependencies].sort());
            noteFlaggedOpenings(context, node, 'urlFromProps', [opening]);
            context.report({
              node,
              messageId: 'urlFromProps',
              data: { component: unit.name ?? 'default', stream, route, inputs },
              suggest: suggestionsFor(node, opening),
            });
          }
        }

        // 4. Components that open a stream, rendered per item in this file.
        for (const { component, opening } of openingComponents.values()) {
          const binding = bindingOf(sourceCode, component);
          if (!binding) continue;
          for (const site of renderSites(sourceCode, binding)) {
            const repetition = findRepetition(site.node, repetitionOptions);
            if (!repetition) continue;
            reported.add(site.node);
            noteFlaggedOpenings(context, site.node, 'renderedPerItem', [opening]);
            context.report({
              node: site.node,
              messageId: 'renderedPerItem',
              data: {
                component: component.name ?? binding.name,
                stream: opening.source.label,
                line: opening.node.loc.start.line,
                repetition: repetition.description,
              },
            });
          }
        }
      },
    };
    if (!crossFile) return withTemplates(listeners);
    const information = crossFile;

    // Type-aware mode: components rendered per item whose declaration, in any file, opens a
    // stream per instance (directly, or through the hooks and helpers it calls, imported ones
    // included). Collected while ESLint walks the file, resolved after the syntactic reports.
    const repeated: { site: TSESTree.JSXOpeningElement | TSESTree.CallExpression; name: TSESTree.Node; repetition: Repetition }[] = [];
    function collect(site: TSESTree.JSXOpeningElement | TSESTree.CallExpression): void {
      const name = renderedComponentName(site);
      if (!name) return;
      const repetition = findRepetition(site, repetitionOptionsOf(sourceCode.ast));
      if (repetition && isResolvableComponent(sourceCode, name)) repeated.push({ site, name, repetition });
    }

    return withTemplates({
      Program: listeners.Program,
      JSXOpeningElement: collect,
      CallExpression: collect,
      'Program:exit'() {
        for (const { site, name, repetition } of repeated) {
          if (reported.has(site)) continue;
          const found = renderFinding(information, wrappers, name);
          if (!found) continue;
          // The opening is in another file (or reached through one): not noted for the codemod,
          // which rewrites openings of the linted file only.
          const { file, stream, opening, route } = found.data;
          context.report({
            node: site,
            messageId: 'renderedPerItemAcrossFiles',
            data: {
              component: shortText(sourceCode, name, found.name),
              file,
              stream,
              opening,
              route,
              repetition: repetition.description,
            },
          });
        }
      },
    });
  },
});
