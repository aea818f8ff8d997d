/**
 * What a stream connects to, read from the expression given as its URL: the text where it is
 * known, `{name}` placeholders where a value comes at run time, and the origin.
 *
 * Known: string literals, template literals, `+` concatenations, `const`s (followed through
 * scope analysis, also to other `const`s), `new URL(path, base)` and its `.href`/`.toString()`,
 * `String(x)`, and whatever `getStaticValue` evaluates. Anything else is a placeholder named
 * after its source text; a URL made only of a placeholder is `dynamic`.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from 'eslint-plugin-sse/detection';
import { SAME_ORIGIN, UNKNOWN_ORIGIN, type ReportUrl } from './types.js';

type Part = { text: string } | { placeholder: string };

export interface DescribedUrl extends ReportUrl {
  /** The text with every placeholder as `{}` and no fragment: equal keys open the same URLs. */
  key: string | null;
}

/** How many `const`s deep a URL is followed: enough for `BASE` → `API` → path, never a cycle. */
const MAX_DEPTH = 8;

/** Longer expressions become `{…}`: a placeholder names a value, it does not quote code. */
const MAX_PLACEHOLDER_LENGTH = 24;

/** Calls that only encode or convert the value they are given: `{id}` reads better than `{encodeURIComponent(id)}`. */
const TRANSPARENT_CALLS = new Set(['encodeURIComponent', 'encodeURI', 'String']);

/** `location.href`, `window.location.origin`, `document.baseURI`: a base that is the page itself. */
const PAGE_BASE = /^(?:(?:window|globalThis|self|document)\.)?location(?:\.(?:href|origin))?$|^document\.(?:baseURI|URL)$/;

function isText(part: Part): part is { text: string } {
  return 'text' in part;
}

/** Joins adjacent text parts, so that later questions see `/rows/` rather than `/`, `rows/`. */
function merged(parts: readonly Part[]): Part[] {
  const result: Part[] = [];
  for (const part of parts) {
    const last = result.at(-1);
    if (isText(part) && last && isText(last)) result[result.length - 1] = { text: last.text + part.text };
    else if (!isText(part) || part.text !== '') result.push(part);
  }
  return result;
}

function render(parts: readonly Part[], placeholder: (name: string) => string): string {
  return parts.map((part) => (isText(part) ? part.text : placeholder(part.placeholder))).join('');
}

/** The placeholder `node` becomes: its source text on one line, or `…` when long. */
function placeholderName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  let current = node;
  while (
    current.type === 'CallExpression' &&
    current.callee.type === 'Identifier' &&
    TRANSPARENT_CALLS.has(current.callee.name) &&
    current.arguments.length === 1 &&
    current.arguments[0]!.type !== 'SpreadElement'
  ) {
    current = current.arguments[0]!;
  }
  const text = sourceCode.getText(current).replace(/\s+/g, ' ');
  // The page's location is kept whole: it tells the origin.
  return text.length <= MAX_PLACEHOLDER_LENGTH || PAGE_BASE.test(text) ? text : '…';
}

/** The initialiser of a `const` that `identifier` names, or null. */
function constInitializer(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): TSESTree.Expression | null {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  const definition = variable?.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.node.type !== 'VariableDeclarator' || definition.node.id.type !== 'Identifier') return null;
  const declaration = definition.node.parent;
  return declaration?.type === 'VariableDeclaration' && declaration.kind === 'const' ? definition.node.init : null;
}

/** Whether `name` here is the global (no declaration in the file shadows it). */
function isGlobal(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}

function memberName(member: TSESTree.MemberExpression): string | null {
  return !member.computed && member.property.type === 'Identifier' ? member.property.name : null;
}

/** Placeholders survive URL resolution unchanged under these names (letters, digits and `_` are never escaped). */
const MARKER = (index: number): string => `sse_placeholder_${index}_`;
const MARKER_PATTERN = /sse_placeholder_(\d+)_/g;

/** `new URL(path, base)` resolved where the base is known up to its placeholders; null when it is not. */
function resolveAgainst(path: readonly Part[], base: readonly Part[]): Part[] | null {
  const names: string[] = [];
  const withMarkers = (parts: readonly Part[]): string =>
    render(parts, (name) => {
      names.push(name);
      return MARKER(names.length - 1);
    });
  let resolved: string;
  try {
    resolved = new URL(withMarkers(path), withMarkers(base)).href;
  } catch {
    return null;
  }
  const parts: Part[] = [];
  let last = 0;
  for (const match of resolved.matchAll(MARKER_PATTERN)) {
    parts.push({ text: resolved.slice(last, match.index) }, { placeholder: names[Number(match[1])] ?? '…' });
    last = match.index + match[0].length;
  }
  parts.push({ text: resolved.slice(last) });
  return merged(parts);
}

const SCHEME = /^[a-z][a-z\d+.-]*:/i;

function startsWithScheme(parts: readonly Part[]): boolean {
  const first = parts[0];
  return first !== undefined && isText(first) && SCHEME.test(first.text);
}

function urlConstructorParts(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.NewExpression, depth: number): Part[] | null {
  const [pathArgument, baseArgument] = node.arguments;
  if (!pathArgument || pathArgument.type === 'SpreadElement' || baseArgument?.type === 'SpreadElement') return null;
  const path = partsOf(sourceCode, pathArgument, depth + 1);
  if (!baseArgument || startsWithScheme(path)) return path;
  // A path unknown from its first character may be an absolute URL that ignores the base.
  const pathStart = path[0];
  if (!pathStart || !isText(pathStart)) return null;
  // A base that is the page's own location leaves the path relative to the page.
  if (PAGE_BASE.test(sourceCode.getText(baseArgument))) return path;
  const base = partsOf(sourceCode, baseArgument, depth + 1);
  const baseStart = base[0];
  if (baseStart && isText(baseStart)) return resolveAgainst(path, base);
  // The base is unknown from its first character: what follows it is still worth showing.
  const separator = pathStart.text.startsWith('/') ? [] : [{ text: '/' }];
  return merged([{ placeholder: placeholderName(sourceCode, baseArgument) }, ...separator, ...path]);
}

/** The URL `node` evaluates to, as text and placeholders. */
function partsOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth: number): Part[] {
  const unknown = (): Part[] => [{ placeholder: placeholderName(sourceCode, node) }];
  if (depth > MAX_DEPTH) return unknown();
  const evaluated = getStaticValue(node, sourceCode.getScope(node));
  if (evaluated && (typeof evaluated.value === 'string' || typeof evaluated.value === 'number')) {
    return [{ text: String(evaluated.value) }];
  }
  switch (node.type) {
    case 'TemplateLiteral': {
      const parts: Part[] = [];
      node.quasis.forEach((quasi, index) => {
        parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
        const expression = node.expressions[index];
        if (expression) parts.push(...partsOf(sourceCode, expression, depth + 1));
      });
      return merged(parts);
    }
    case 'BinaryExpression':
      if (node.operator !== '+') return unknown();
      return merged([...partsOf(sourceCode, node.left, depth + 1), ...partsOf(sourceCode, node.right, depth + 1)]);
    case 'Identifier': {
      const init = constInitializer(sourceCode, node);
      if (!init) return unknown();
      const parts = partsOf(sourceCode, init, depth + 1);
      // `const url = buildUrl(id)` says nothing: `{url}` names it better than `{buildUrl(id)}`.
      return parts.some(isText) ? parts : unknown();
    }
    case 'NewExpression':
      if (node.callee.type === 'Identifier' && node.callee.name === 'URL' && isGlobal(sourceCode, node.callee)) {
        return urlConstructorParts(sourceCode, node, depth) ?? unknown();
      }
      return unknown();
    case 'MemberExpression':
      // `url.href` of a `URL` the code built.
      return memberName(node) === 'href' ? urlObjectParts(sourceCode, node.object, depth) ?? unknown() : unknown();
    case 'CallExpression': {
      const callee = node.callee;
      if (callee.type === 'Identifier' && callee.name === 'String' && node.arguments.length === 1 && node.arguments[0]!.type !== 'SpreadElement') {
        return partsOf(sourceCode, node.arguments[0]!, depth + 1);
      }
      if (callee.type === 'MemberExpression' && memberName(callee) === 'toString' && node.arguments.length === 0) {
        return urlObjectParts(sourceCode, callee.object, depth) ?? unknown();
      }
      return unknown();
    }
    case 'TSAsExpression':
    case 'TSNonNullExpression':
    case 'TSSatisfiesExpression':
    case 'TSTypeAssertion':
      return partsOf(sourceCode, node.expression, depth + 1);
    default:
      return unknown();
  }
}

/** The parts of an expression that is a `URL` object the code built (`new URL(…)` or a `const` holding one). */
function urlObjectParts(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, depth: number): Part[] | null {
  const target = node.type === 'Identifier' ? constInitializer(sourceCode, node) : node;
  if (target?.type !== 'NewExpression') return null;
  const parts = partsOf(sourceCode, target, depth + 1);
  return parts.some(isText) ? parts : null;
}

/** `https://api.example.com` for a URL whose scheme and host are known; null otherwise. */
function absoluteOrigin(parts: readonly Part[]): string | null {
  const first = parts[0];
  if (!first || !isText(first)) return null;
  const complete = parts.length === 1;
  // The host must end before the first placeholder: `https://{tenant}.example.com` has no known origin.
  const match = /^([a-z][a-z\d+.-]*:)\/\/([^/?#]*)([/?#]|$)/i.exec(first.text);
  if (!match || (!complete && match[3] === '')) return null;
  try {
    const origin = new URL(`${match[1]}//${match[2]}/`).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

function originOf(parts: readonly Part[]): string {
  const first = parts[0];
  // `${location.origin}/events` starts with the page's own origin.
  if (!first || !isText(first)) return first && PAGE_BASE.test(first.placeholder) ? SAME_ORIGIN : UNKNOWN_ORIGIN;
  if (first.text.startsWith('//')) {
    // Protocol-relative: the page's scheme, this host.
    const host = /^\/\/([^/?#]+)([/?#]|$)/.exec(first.text);
    return host && (parts.length === 1 || host[2] !== '') ? `//${host[1]!.toLowerCase()}` : UNKNOWN_ORIGIN;
  }
  if (SCHEME.test(first.text)) return absoluteOrigin(parts) ?? UNKNOWN_ORIGIN;
  return SAME_ORIGIN;
}

/** The text without its `#fragment`, which never reaches the server. */
function withoutFragment(text: string): string {
  const hash = text.indexOf('#');
  return hash === -1 ? text : text.slice(0, hash);
}

/** Same key, same URLs: the fragment dropped, placeholders as `{}`, an absolute URL's scheme and host in lower case. */
function keyOf(parts: readonly Part[], origin: string): string {
  let text = withoutFragment(render(parts, () => '{}'));
  if (origin !== SAME_ORIGIN && origin !== UNKNOWN_ORIGIN) {
    const authority = /^[^/]*\/\/[^/?#]*/.exec(text);
    if (authority) text = authority[0].toLowerCase() + text.slice(authority[0].length);
  }
  return text;
}

/** Describes the URL argument of a stream opening; `null` (no argument) is `dynamic`. */
export function describeUrl(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node | null): DescribedUrl {
  if (!node) return { kind: 'dynamic', text: null, origin: UNKNOWN_ORIGIN, key: null };
  const parts = partsOf(sourceCode, node, 0);
  if (!parts.some(isText)) return { kind: 'dynamic', text: null, origin: UNKNOWN_ORIGIN, key: null };
  const origin = originOf(parts);
  return {
    kind: parts.every(isText) ? 'static' : 'template',
    text: render(parts, (name) => `{${name}}`),
    origin,
    key: keyOf(parts, origin),
  };
}

/** The origin of a URL given as text (the hub's endpoint). */
export function originOfText(text: string): string {
  return originOf([{ text }]);
}
