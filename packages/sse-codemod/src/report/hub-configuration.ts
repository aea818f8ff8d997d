/**
 * How the project configures the shared hub, read from its `configureHub({ … })` calls: the
 * mode (multiplex with an `endpoint`, else dedupe) and cross-tab sharing decide how many
 * connections the hub's sites cost (see docs/hub.md). A value the code computes at run time
 * is taken at its worst: no cross-tab sharing, and an endpoint on the page's own origin.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { ReferenceTracker, getStaticValue } from 'eslint-plugin-sse/detection';
import { DEFAULT_HUB_ENDPOINT } from 'sse-hub';
import type { MergeTopicsSetup } from '../merge-topics-setup.js';
import { originOfText } from './describe-url.js';
import { SAME_ORIGIN, type ReportHubSetup } from './types.js';


/** What one `configureHub()` call sets; a field it does not name is absent. */
export interface HubConfigurationCall {
  location: string;
  /** The endpoint, or `null` when the call sets one the code computes. */
  endpoint?: string | null;
  mode?: 'multiplex' | 'dedupe' | null;
  crossTab?: boolean | null;
  /** The merge rules with literal `url` and `param` (`mergeTopics`); a rule written otherwise is left out. */
  mergeTopics?: MergeTopicsSetup[];
}

type TraceMap = Parameters<InstanceType<typeof ReferenceTracker>['iterateEsmReferences']>[0];

function staticValue(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): unknown {
  const evaluated = getStaticValue(node, sourceCode.getScope(node));
  return evaluated ? evaluated.value : undefined;
}

/** The `configureHub()` calls of a file that imports the hub from one of `specifiers`, in source order. */
export function hubConfigurationCalls(
  sourceCode: Readonly<TSESLint.SourceCode>,
  specifiers: readonly string[],
  locate: (node: TSESTree.Node) => string,
): HubConfigurationCall[] {
  const globalScope = sourceCode.scopeManager?.globalScope;
  if (!globalScope || specifiers.length === 0) return [];
  const entry = { configureHub: { [ReferenceTracker.CALL]: true } };
  const esm = Object.fromEntries(specifiers.map((specifier) => [specifier, { [ReferenceTracker.ESM]: true, ...entry }]));
  const cjs = Object.fromEntries(specifiers.map((specifier) => [specifier, entry]));
  const tracker = new ReferenceTracker(globalScope);
  const nodes = [...tracker.iterateEsmReferences(esm as TraceMap), ...tracker.iterateCjsReferences(cjs as TraceMap)]
    .map((reference) => reference.node)
    .filter((node): node is TSESTree.CallExpression => node.type === 'CallExpression')
    .sort((a, b) => a.range[0] - b.range[0]);
  const calls: HubConfigurationCall[] = [];
  for (const node of nodes) {
    const call: HubConfigurationCall = { location: locate(node) };
    const options = node.arguments[0];
    if (options?.type === 'ObjectExpression') {
      for (const property of options.properties) {
        if (property.type !== 'Property' || property.computed || property.key.type !== 'Identifier') continue;
        const value = staticValue(sourceCode, property.value);
        if (property.key.name === 'endpoint') call.endpoint = typeof value === 'string' ? value : null;
        if (property.key.name === 'mode') call.mode = value === 'multiplex' || value === 'dedupe' ? value : null;
        if (property.key.name === 'crossTab') call.crossTab = typeof value === 'boolean' ? value : null;
        if (property.key.name === 'mergeTopics') call.mergeTopics = literalMergeRules(property.value);
      }
    }
    calls.push(call);
  }
  return calls;
}

/** The rules of a `mergeTopics` array whose `url` and `param` are string literals, as the codemod reads them (`merge-topics-setup.ts`). */
function literalMergeRules(list: TSESTree.Node): MergeTopicsSetup[] {
  if (list.type !== 'ArrayExpression') return [];
  const literal = (rule: TSESTree.ObjectExpression, name: string) => {
    const property = rule.properties.find((entry) => entry.type === 'Property' && !entry.computed && entry.key.type === 'Identifier' && entry.key.name === name);
    return property?.type === 'Property' && property.value.type === 'Literal' && typeof property.value.value === 'string' ? property.value.value : undefined;
  };
  return list.elements.flatMap((rule) => {
    if (rule?.type !== 'ObjectExpression') return [];
    const url = literal(rule, 'url');
    const param = literal(rule, 'param');
    return url && param ? [{ url, param }] : [];
  });
}

export interface HubSetup extends ReportHubSetup {
  /** The origin the multiplexer serves, whose topics ride its one connection. */
  endpointOrigin: string | null;
}

/**
 * The hub's setup after every call, applied in order (each names only the fields it changes,
 * as `configureHub` does). Without a call: dedupe mode, each tab on its own.
 */
export function mergeHubConfiguration(calls: readonly HubConfigurationCall[]): HubSetup {
  let endpoint: string | null | undefined;
  let mode: 'multiplex' | 'dedupe' | null | undefined;
  let crossTab = false;
  let mergeTopics: MergeTopicsSetup[] = [];
  for (const call of calls) {
    // Each call's option replaces the last one's, as `configureHub` does.
    if (call.mergeTopics) mergeTopics = call.mergeTopics;
    if ('endpoint' in call) endpoint = call.endpoint;
    if ('mode' in call) mode = call.mode;
    if ('crossTab' in call) crossTab = call.crossTab === true;
  }
  // Named only when there are rules: a report without them reads as it did before `mergeTopics`.
  const merged = mergeTopics.length > 0 ? { mergeTopics } : {};
  // The hub's own default: multiplex when an endpoint is given. A mode computed at run time may be dedupe.
  const resolvedMode = mode === null ? 'dedupe' : (mode ?? (endpoint === undefined ? 'dedupe' : 'multiplex'));
  if (resolvedMode === 'dedupe') {
    return { mode: 'dedupe', endpoint: null, crossTab, configuredAt: calls.map((call) => call.location), endpointOrigin: null, ...merged };
  }
  const text = endpoint ?? DEFAULT_HUB_ENDPOINT;
  return {
    mode: 'multiplex',
    endpoint: endpoint === null ? '(computed)' : text,
    crossTab,
    configuredAt: calls.map((call) => call.location),
    endpointOrigin: endpoint === null ? SAME_ORIGIN : originOfText(text),
    ...merged,
  };
}
