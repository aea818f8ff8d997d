/**
 * Whether a flagged opening can move onto `sharedEventSource(url, init)` without changing what
 * the program does, and if not, why. The hub's stream has the `EventSource` surface and takes
 * only `{ withCredentials }`, so the browser's constructor always converts; a library's
 * constructor converts only when the options it is given map onto that without loss.
 */
import { type CallExpression, type NewExpression, Node, type SourceFile, SyntaxKind, ts } from 'ts-morph';
import type { StreamOpening } from 'eslint-plugin-sse/detection';
import type { ModuleKind } from './detect-sites.js';

export type Conversion = { kind: 'rewrite'; argumentsText: string } | { kind: 'skip'; reason: string };

/** The reasons a site is left alone, as they appear in reports and `TODO(sse-codemod)` comments. */
export const SKIP_REASONS = {
  commonJs:
    'CommonJS file: the shared helper is an ES module, so import `sharedEventSource` here by hand (or convert the file to ESM)',
  noUrl: 'the stream is opened without a URL argument',
  vueUseComposable:
    "VueUse's `useEventSource` returns refs (`data`, `status`, `close`) rather than an EventSource, and closes the stream with the component: call `subscribe()` from the shared hub in the component's setup by hand, and unsubscribe in `onUnmounted`",
  callbackClient: (name: string) =>
    `${name} takes callbacks and request options instead of returning an EventSource; move it onto \`subscribe()\` from the shared hub by hand`,
  libraryOption: (library: string, option: string) =>
    /retry|reconnect|backoff|heartbeat|timeout/i.test(option)
      ? `\`${library}\` option \`${option}\` has no per-stream equivalent in the shared hub (reconnects are configured once, with \`configureHub({ reconnect })\`)`
      : `\`${library}\` option \`${option}\` has no equivalent in the shared hub, which takes only \`withCredentials\``,
  libraryOptionsUnknown: (library: string) =>
    `the options passed to \`${library}\` are not an object literal, so the codemod cannot tell whether the shared hub supports them`,
  libraryExtraArguments: (library: string) => `\`${library}\` is given more arguments than a URL and options`,
  libraryNameUsed: (name: string, line: number) =>
    `\`${name}\` is also used on line ${line} (as a type, with instanceof, or to open other streams), which the shared stream cannot stand in for`,
  sseJsStream: '`sse.js` streams started with `stream()` have no equivalent in the shared hub',
  noStreamingFetch:
    '`react-native-sse` runs where fetch cannot stream a response (React Native), which the shared hub needs',
  optedOut: 'opted out with an `sse-codemod-ignore` comment',
  subclass: (name: string) =>
    `\`${name}\` extends the stream client, and the shared stream has none of what it adds (methods, fields, a constructor of its own): move its events onto \`subscribe()\` from the shared hub by hand`,
  distinctUrlsWithoutMultiplexer:
    "a different URL per item: without the server multiplexer the shared hub still opens one connection per URL. Mount createMultiplexer from 'sse-hub/server', then run sse-codemod again with --endpoint (or after configureHub({ endpoint }) is in the app)",
  topicPerItemWithoutMultiplexer:
    "a different topic per item, in a query parameter of one URL (as a Mercure hub's ?topic=): without a hub setup that merges topics, the shared hub would still open one connection per topic. A server that takes several topics on one connection (?topic=a&topic=b) lets them share one: add configureHub({ mergeTopics: [{ url, param, topicOf }] }) with this URL and parameter to the app, then run sse-codemod again; a Node server can mount createMultiplexer from 'sse-hub/server' instead, then run sse-codemod again with --endpoint",
  distinctUrlsOnAnotherOrigin: (origin: string, multiplexOrigin: string) =>
    `a different URL per item on ${origin}, which the multiplexer (on ${multiplexOrigin === '(same origin)' ? "the page's own origin" : multiplexOrigin}) does not serve: the shared hub would still open one connection per URL. Mount a multiplexer on that origin, or leave this stream as it is`,
} as const;

/** Every option the hub's `sharedEventSource(url, init)` honours. */
const HUB_INIT_OPTIONS = new Set(['withCredentials']);

function propertyName(property: Node): string | null {
  if (Node.isPropertyAssignment(property) || Node.isShorthandPropertyAssignment(property)) {
    const name = property.getNameNode();
    if (Node.isIdentifier(name) || Node.isStringLiteral(name) || Node.isNoSubstitutionTemplateLiteral(name)) {
      return Node.isIdentifier(name) ? name.getText() : name.getLiteralText();
    }
  }
  return null;
}

/** Why a library's options cannot be kept as the hub's `init`, or null when they can. */
function libraryOptionsProblem(library: string, options: Node | undefined): string | null {
  if (!options) return null;
  if (!Node.isObjectLiteralExpression(options)) return SKIP_REASONS.libraryOptionsUnknown(library);
  for (const property of options.getProperties()) {
    const name = propertyName(property);
    if (name === null) return SKIP_REASONS.libraryOptionsUnknown(library);
    if (!HUB_INIT_OPTIONS.has(name)) return SKIP_REASONS.libraryOption(library, name);
  }
  return null;
}

/** The text from `(` to the end of the call, `(url, init)`; null for `new EventSource` without parentheses. */
function argumentListText(node: NewExpression | CallExpression): string | null {
  const openParen = node.getFirstChildByKind(SyntaxKind.OpenParenToken);
  if (!openParen) return null;
  return node.getSourceFile().getFullText().slice(openParen.getStart(), node.getEnd());
}

/** The first line, outside the given spans and the import or require that binds it, where `name` is used. */
export function otherUseOfName(sourceFile: SourceFile, name: string, allowed: readonly { start: number; end: number }[]): number | null {
  // The compiler's own nodes: wrapping every identifier of a large file in ts-morph nodes costs far more.
  const root = sourceFile.compilerNode;
  let found: ts.Node | null = null;
  const visit = (node: ts.Node): void => {
    if (found || ts.isImportDeclaration(node) || isRequireBinding(node)) return;
    if (ts.isIdentifier(node) && node.text === name) {
      const position = node.getStart(root);
      if (!allowed.some((span) => span.start <= position && position < span.end)) found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return found ? root.getLineAndCharacterOfPosition((found as ts.Node).getStart(root)).line + 1 : null;
}

function isRequireBinding(node: ts.Node): boolean {
  return (
    ts.isVariableDeclaration(node) &&
    node.initializer !== undefined &&
    ts.isCallExpression(node.initializer) &&
    ts.isIdentifier(node.initializer.expression) &&
    node.initializer.expression.text === 'require'
  );
}

export interface ConversionContext {
  moduleKind: ModuleKind;
  /** Spans of every opening of the file flagged for rewriting: uses of a library's name there are what is being replaced. */
  flaggedSpans: readonly { start: number; end: number }[];
}

export function conversionFor(
  opening: StreamOpening,
  node: NewExpression | CallExpression,
  context: ConversionContext,
): Conversion {
  const { source } = opening;
  if (source.subclass !== undefined) return { kind: 'skip', reason: SKIP_REASONS.subclass(source.subclass) };
  if (source.module === '@vueuse/core') return { kind: 'skip', reason: SKIP_REASONS.vueUseComposable };
  if (source.kind === 'call' || !Node.isNewExpression(node)) {
    return { kind: 'skip', reason: SKIP_REASONS.callbackClient(source.label) };
  }
  if (context.moduleKind === 'commonjs') return { kind: 'skip', reason: SKIP_REASONS.commonJs };
  const argumentsText = argumentListText(node);
  const args = node.getArguments();
  if (argumentsText === null || args.length === 0) return { kind: 'skip', reason: SKIP_REASONS.noUrl };
  if (source.module === null) return { kind: 'rewrite', argumentsText };

  const library = source.module;
  if (library === 'react-native-sse') return { kind: 'skip', reason: SKIP_REASONS.noStreamingFetch };
  if (args.length > 2) return { kind: 'skip', reason: SKIP_REASONS.libraryExtraArguments(library) };
  // Checked before the options: `start: false` and a later `stream()` call go together.
  if (library === 'sse.js' && /\.stream\s*\(/.test(node.getSourceFile().getFullText())) {
    return { kind: 'skip', reason: SKIP_REASONS.sseJsStream };
  }
  const problem = libraryOptionsProblem(library, args[1]);
  if (problem) return { kind: 'skip', reason: problem };
  // `new Lib(url)` through a local name: if the name serves anything else (a type annotation,
  // `instanceof`, a subclass), the shared stream would not satisfy it.
  const callee = node.getExpression();
  if (Node.isIdentifier(callee)) {
    const line = otherUseOfName(node.getSourceFile(), callee.getText(), context.flaggedSpans);
    if (line !== null) return { kind: 'skip', reason: SKIP_REASONS.libraryNameUsed(callee.getText(), line) };
  }
  return { kind: 'rewrite', argumentsText };
}
