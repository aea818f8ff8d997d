/**
 * Which URL a stream opening connects to, as far as the code says so for every run alike: the
 * text where it is known, after `const`s, template placeholders, `+`, object-literal members
 * and `new URL(path, base)` are resolved, with placeholders only for values that are the same
 * wherever the page reads them: a module-level constant whose value comes at run time, an
 * import, `import.meta.env.X` / `process.env.X`, the page's `location`, an undeclared global.
 *
 * A URL built from anything else (a prop, a parameter, state, a call) can differ between two
 * runs of the code that opens it (`/jobs/${id}`), so it has no key: two such openings are not
 * known to connect to the same URL, and whether their number grows is the per-item rules' question.
 *
 * Keys compare URLs: the fragment (which never reaches the server) dropped, an absolute URL's
 * scheme and host in lower case, and a leading `location.origin` dropped (a path on the page's
 * own origin is that URL). Imports are followed into the declaring file when the caller can
 * resolve them (type-aware mode); otherwise an import is a placeholder named after the module
 * and the export, which names the same value everywhere.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { findVariable, getStaticValue } from './eslint-utils.js';
import { GLOBAL_OBJECT_NAMES } from './stream-sources.js';
import { isInSvelteInstanceScript } from './templates/svelte-sfc.js';
import { isInScriptSetup } from './templates/vue-sfc.js';

export interface StreamUrl {
  /** How messages show it: `/api/events`, `{API_BASE}/events`. */
  text: string;
  /** Equal keys, same URL on every page. */
  key: string;
}

/** A `const` (or never reassigned `let`/`var`) declared in some file, with that file's `SourceCode`. */
export interface DeclaredValue {
  sourceCode: Readonly<TSESLint.SourceCode>;
  fileName: string;
  declarator: TSESTree.VariableDeclarator;
}

/** Finds the declaration an imported name stands for, in whichever file declares it; null when it cannot. */
export type ImportResolver = (sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier) => DeclaredValue | null;

export interface UrlContext {
  sourceCode: Readonly<TSESLint.SourceCode>;
  /** The file's name, which keys module-level values of unknown content. */
  fileName: string;
  resolveImport?: ImportResolver | undefined;
}

type Part = { text: string } | { placeholder: string; key: string };

/** A value whose parts differ between runs. */
const UNSTABLE = null;
type Parts = Part[] | typeof UNSTABLE;

/** How many names deep a URL is followed: enough for `BASE` → `API` → path, never a cycle. */
const MAX_DEPTH = 12;

/** Placeholders longer than this read as `{…}`: a placeholder names a value, it does not quote code. */
const MAX_PLACEHOLDER_LENGTH = 32;

const LOCATION_PARTS = new Set(['origin', 'protocol', 'host', 'hostname', 'port', 'href']);

function isText(part: Part): part is { text: string } {
  return 'text' in part;
}

function merged(parts: readonly Part[]): Part[] {
  const result: Part[] = [];
  for (const part of parts) {
    const last = result.at(-1);
    if (isText(part) && last && isText(last)) result[result.length - 1] = { text: last.text + part.text };
    else if (!isText(part) || part.text !== '') result.push(part);
  }
  return result;
}

function unwrap(node: TSESTree.Node): TSESTree.Node {
  let current = node;
  while (
    current.type === 'TSAsExpression' ||
    current.type === 'TSNonNullExpression' ||
    current.type === 'TSSatisfiesExpression' ||
    current.type === 'TSTypeAssertion'
  ) {
    current = current.expression;
  }
  return current;
}

function displayName(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string {
  const text = sourceCode.getText(node).replace(/\s+/g, ' ');
  return text.length <= MAX_PLACEHOLDER_LENGTH ? text : '…';
}

function propertyName(member: TSESTree.MemberExpression): string | null {
  if (!member.computed && member.property.type === 'Identifier') return member.property.name;
  if (member.computed && member.property.type === 'Literal' && typeof member.property.value === 'string') {
    return member.property.value;
  }
  return null;
}

function isGlobalName(sourceCode: Readonly<TSESLint.SourceCode>, identifier: TSESTree.Identifier): boolean {
  const variable = findVariable(sourceCode.getScope(identifier), identifier);
  return !variable || variable.defs.length === 0;
}

/** `location`, `window.location`, `globalThis.location`, `document.location`: the page's own address. */
function isPageLocation(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  const value = unwrap(node);
  if (value.type === 'Identifier') return value.name === 'location' && isGlobalName(sourceCode, value);
  if (value.type !== 'MemberExpression' || propertyName(value) !== 'location') return false;
  const object = unwrap(value.object);
  return (
    object.type === 'Identifier' &&
    (GLOBAL_OBJECT_NAMES.includes(object.name) || object.name === 'document') &&
    isGlobalName(sourceCode, object)
  );
}

/** `import.meta.env.X` and `process.env.X`: values a bundler or the server fills in, once for the page. */
function environmentName(sourceCode: Readonly<TSESLint.SourceCode>, member: TSESTree.MemberExpression): string | null {
  const name = propertyName(member);
  const object = unwrap(member.object);
  if (name === null || object.type !== 'MemberExpression' || propertyName(object) !== 'env') return null;
  const root = unwrap(object.object);
  if (root.type === 'MetaProperty' && root.meta.name === 'import' && root.property.name === 'meta') return name;
  return root.type === 'Identifier' && root.name === 'process' && isGlobalName(sourceCode, root) ? name : null;
}

/** The module an import binding names, as one string for every file that imports it: a relative path resolved. */
function importKey(fileName: string, definition: TSESLint.Scope.Definition): string | null {
  const declaration = definition.parent;
  if (declaration?.type !== 'ImportDeclaration') return null;
  const source = declaration.source.value;
  const module = source.startsWith('.') ? path.resolve(path.dirname(fileName), source).replace(/\.[cm]?[jt]sx?$/, '') : source;
  const specifier = definition.node;
  const imported =
    specifier.type === 'ImportSpecifier'
      ? specifier.imported.type === 'Identifier'
        ? specifier.imported.name
        : specifier.imported.value
      : specifier.type === 'ImportDefaultSpecifier'
        ? 'default'
        : '*';
  return `import ${module} ${imported}`;
}

/** The declarator a name is bound to once and for all: a `const`, or a `let`/`var` never assigned again. */
function constantDeclarator(variable: TSESLint.Scope.Variable): TSESTree.VariableDeclarator | null {
  const definition = variable.defs.length === 1 ? variable.defs[0] : undefined;
  if (definition?.type !== 'Variable' || definition.node.id.type !== 'Identifier' || !definition.node.init) return null;
  const declaration = definition.node.parent;
  if (declaration?.type !== 'VariableDeclaration') return null;
  if (declaration.kind !== 'const' && variable.references.some((reference) => reference.isWrite() && !reference.init)) {
    return null;
  }
  return definition.node;
}

/**
 * Whether a name holds one value for the whole page. The scope analysis puts the bindings of a
 * Vue `<script setup>` and of a Svelte instance script in module scope, but that code runs once
 * per component instance: `const props = defineProps()` or `$props()` differs per instance, as a
 * React component's props do. A plain `<script>` or `<script module>` is module code.
 */
function isModuleLevel(sourceCode: Readonly<TSESLint.SourceCode>, variable: TSESLint.Scope.Variable): boolean {
  if (variable.scope.type !== 'module' && variable.scope.type !== 'global') return false;
  const declaration = variable.defs[0]?.node;
  return !declaration || !(isInScriptSetup(sourceCode, declaration) || isInSvelteInstanceScript(sourceCode, declaration));
}

class UrlReader {
  constructor(private readonly context: UrlContext) {}

  private get sourceCode(): Readonly<TSESLint.SourceCode> {
    return this.context.sourceCode;
  }

  /** The value a declaration holds: its initialiser's parts, or a placeholder for a module-level one of unknown content. */
  declared(declarator: TSESTree.VariableDeclarator, depth: number, moduleLevel: boolean): Parts {
    const name = declarator.id.type === 'Identifier' ? declarator.id.name : null;
    const parts = declarator.init ? this.parts(declarator.init, depth + 1) : UNSTABLE;
    if (parts !== UNSTABLE || !moduleLevel || name === null) return parts;
    return [{ placeholder: name, key: `const ${this.context.fileName} ${name}` }];
  }

  /** The reader of the file that declares an imported value. */
  private elsewhere(value: DeclaredValue): UrlReader {
    return new UrlReader({ sourceCode: value.sourceCode, fileName: value.fileName, resolveImport: this.context.resolveImport });
  }

  private identifier(node: TSESTree.Identifier, depth: number): Parts {
    const variable = findVariable(this.sourceCode.getScope(node), node);
    // A global the page defines (`API_URL` from a bundler's `define`, a `<script>`): one value for the page.
    if (!variable || variable.defs.length === 0) return [{ placeholder: node.name, key: `global ${node.name}` }];
    const definition = variable.defs[0]!;
    if (definition.type === 'ImportBinding') {
      const resolved = this.context.resolveImport?.(this.sourceCode, node);
      if (resolved) {
        const parts = this.elsewhere(resolved).declared(resolved.declarator, depth, true);
        if (parts !== UNSTABLE) return parts.map((part) => (isText(part) ? part : { ...part, placeholder: node.name }));
      }
      const key = importKey(this.context.fileName, definition);
      return key === null ? UNSTABLE : [{ placeholder: node.name, key }];
    }
    const declarator = constantDeclarator(variable);
    const parts = declarator ? this.declared(declarator, depth, isModuleLevel(this.sourceCode, variable)) : UNSTABLE;
    // A name for a value of unknown content reads better than the expression it holds: `{BASE}`.
    const only = parts?.length === 1 ? parts[0]! : null;
    return only && !isText(only) ? [{ ...only, placeholder: node.name }] : parts;
  }

  /** The object literal an expression names (`config` for `const config = { api: '/api' }`, also imported), with its reader. */
  private objectLiteral(node: TSESTree.Node, depth: number): { reader: UrlReader; object: TSESTree.ObjectExpression } | null {
    const value = unwrap(node);
    if (value.type === 'ObjectExpression') return { reader: this, object: value };
    if (value.type !== 'Identifier' || depth > MAX_DEPTH) return null;
    const variable = findVariable(this.sourceCode.getScope(value), value);
    const definition = variable?.defs[0];
    if (!variable || !definition) return null;
    if (definition.type === 'ImportBinding') {
      const resolved = this.context.resolveImport?.(this.sourceCode, value);
      return resolved?.declarator.init ? this.elsewhere(resolved).objectLiteral(resolved.declarator.init, depth + 1) : null;
    }
    const declarator = constantDeclarator(variable);
    return declarator?.init ? this.objectLiteral(declarator.init, depth + 1) : null;
  }

  /** The name an object literal's key gives (`url`, `'url'`, `[URL_KEY]` of a `const`), or null when a run decides it. */
  keyName(property: TSESTree.Property): string | null {
    const key = property.key;
    if (!property.computed) {
      if (key.type === 'Identifier') return key.name;
      return key.type === 'Literal' ? String(key.value) : null;
    }
    // `[true]`, `[null]` and `[1n]` name keys too (`'true'`, `'null'`, `'1'`); a symbol or an object does not.
    const value = getStaticValue(key, this.sourceCode.getScope(key));
    if (!value) return null;
    const known = value.value;
    return typeof known === 'symbol' || typeof known === 'function' || (typeof known === 'object' && known !== null) ? null : String(known);
  }

  private member(node: TSESTree.MemberExpression, depth: number): Parts {
    const environment = environmentName(this.sourceCode, node);
    if (environment !== null) return [{ placeholder: displayName(this.sourceCode, node), key: `env ${environment}` }];
    const name = propertyName(node);
    if (name === null) return UNSTABLE;
    if (isPageLocation(this.sourceCode, node.object)) {
      return LOCATION_PARTS.has(name) ? [{ placeholder: displayName(this.sourceCode, node), key: `location.${name}` }] : UNSTABLE;
    }
    const found = this.objectLiteral(node.object, depth + 1);
    if (found) {
      for (let index = found.object.properties.length - 1; index >= 0; index--) {
        const property = found.object.properties[index]!;
        // A spread, or a computed key the code does not name (`[pick()]: …`), may hold the key.
        if (property.type === 'SpreadElement') return UNSTABLE;
        const keyName = found.reader.keyName(property);
        if (keyName === null) return UNSTABLE;
        if (keyName === name) return found.reader.parts(property.value, depth + 1);
      }
      return UNSTABLE;
    }
    // `config.apiBase` of an import or a module-level value: one value for the page.
    const object = this.parts(node.object, depth + 1);
    if (object?.length === 1 && !isText(object[0]!)) {
      return [{ placeholder: displayName(this.sourceCode, node), key: `${object[0]!.key}.${name}` }];
    }
    return UNSTABLE;
  }

  /** `new URL(path, base)`, where the base is known or is the page itself. */
  private urlConstructor(node: TSESTree.NewExpression, depth: number): Parts {
    const [pathArgument, baseArgument] = node.arguments;
    if (!pathArgument || pathArgument.type === 'SpreadElement') return UNSTABLE;
    const pathParts = this.parts(pathArgument, depth + 1);
    const first = pathParts?.[0];
    if (!pathParts || !first || !isText(first)) return UNSTABLE;
    // An absolute URL ignores its base, whatever the base is.
    if (!baseArgument || /^[a-z][a-z\d+.-]*:/i.test(first.text)) return pathParts;
    if (baseArgument.type === 'SpreadElement') return UNSTABLE;
    const base = unwrap(baseArgument);
    const pageBase =
      isPageLocation(this.sourceCode, base) ||
      (base.type === 'MemberExpression' &&
        ['href', 'origin'].includes(propertyName(base) ?? '') &&
        isPageLocation(this.sourceCode, base.object)) ||
      (base.type === 'MemberExpression' && propertyName(base) === 'baseURI' && base.object.type === 'Identifier' && base.object.name === 'document');
    // An absolute path on the page's own origin.
    if (pageBase) return first.text.startsWith('/') ? pathParts : UNSTABLE;
    const baseParts = this.parts(baseArgument, depth + 1);
    if (!baseParts?.every(isText) || !pathParts.every(isText)) return UNSTABLE;
    try {
      return [{ text: new URL(pathParts.map((part) => part.text).join(''), baseParts.map((part) => part.text).join('')).href }];
    } catch {
      return UNSTABLE;
    }
  }

  /** The parts of a `URL` object the code built: `new URL(…)`, or a `const` holding one. */
  private urlObject(node: TSESTree.Node, depth: number): Parts {
    let value = unwrap(node);
    if (value.type === 'Identifier') {
      const variable = findVariable(this.sourceCode.getScope(value), value);
      const declarator = variable && constantDeclarator(variable);
      if (!declarator?.init) return UNSTABLE;
      value = unwrap(declarator.init);
    }
    return value.type === 'NewExpression' ? this.parts(value, depth + 1) : UNSTABLE;
  }

  parts(node: TSESTree.Node, depth: number): Parts {
    if (depth > MAX_DEPTH) return UNSTABLE;
    const evaluated = getStaticValue(node, this.sourceCode.getScope(node));
    if (evaluated && (typeof evaluated.value === 'string' || typeof evaluated.value === 'number')) {
      return [{ text: String(evaluated.value) }];
    }
    const value = unwrap(node);
    switch (value.type) {
      case 'TemplateLiteral': {
        const parts: Part[] = [];
        for (const [index, quasi] of value.quasis.entries()) {
          parts.push({ text: quasi.value.cooked ?? quasi.value.raw });
          const expression = value.expressions[index];
          if (!expression) continue;
          const inner = this.parts(expression, depth + 1);
          if (inner === UNSTABLE) return UNSTABLE;
          parts.push(...inner);
        }
        return merged(parts);
      }
      case 'BinaryExpression': {
        if (value.operator !== '+') return UNSTABLE;
        const left = this.parts(value.left, depth + 1);
        const right = left && this.parts(value.right, depth + 1);
        return left && right ? merged([...left, ...right]) : UNSTABLE;
      }
      case 'LogicalExpression': {
        // `import.meta.env.VITE_API ?? '/api'`: either side, but the same one on every run of the page.
        if (value.operator === '&&') return UNSTABLE;
        const left = this.parts(value.left, depth + 1);
        const right = left && this.parts(value.right, depth + 1);
        if (!left || !right) return UNSTABLE;
        const key = (parts: readonly Part[]) => parts.map((part) => (isText(part) ? JSON.stringify(part.text) : `{${part.key}}`)).join('+');
        return [{ placeholder: displayName(this.sourceCode, value), key: `(${key(left)} ${value.operator} ${key(right)})` }];
      }
      case 'Identifier':
        return this.identifier(value, depth);
      case 'MemberExpression':
        if (propertyName(value) === 'href') {
          const url = this.urlObject(value.object, depth);
          if (url !== UNSTABLE) return url;
        }
        return this.member(value, depth);
      case 'NewExpression':
        return value.callee.type === 'Identifier' && value.callee.name === 'URL' && isGlobalName(this.sourceCode, value.callee)
          ? this.urlConstructor(value, depth)
          : UNSTABLE;
      case 'CallExpression': {
        const callee = unwrap(value.callee);
        const [argument] = value.arguments;
        if (callee.type === 'Identifier' && callee.name === 'String' && value.arguments.length === 1 && argument?.type !== 'SpreadElement') {
          return this.parts(argument!, depth + 1);
        }
        // A URL's `toString()` and `toJSON()` are its href (both ignore arguments).
        if (callee.type === 'MemberExpression' && ['toString', 'toJSON'].includes(propertyName(callee) ?? '')) {
          return this.urlObject(callee.object, depth);
        }
        return UNSTABLE;
      }
      default:
        return UNSTABLE;
    }
  }
}

/** The parts without the `#fragment`, which never reaches the server. */
function withoutFragment(parts: readonly Part[]): Part[] {
  const result: Part[] = [];
  for (const part of parts) {
    if (!isText(part)) {
      result.push(part);
      continue;
    }
    const hash = part.text.indexOf('#');
    if (hash === -1) {
      result.push(part);
      continue;
    }
    result.push({ text: part.text.slice(0, hash) });
    break;
  }
  return merged(result);
}

function isLocation(part: Part | undefined, name: string): boolean {
  return part !== undefined && !isText(part) && part.key === `location.${name}`;
}

/** Drops a leading `location.origin` (or `location.protocol + '//' + location.host`): the page's own origin. */
function withoutPageOrigin(parts: readonly Part[]): Part[] {
  if (isLocation(parts[0], 'origin')) return [...parts.slice(1)];
  const [protocol, separator, host] = parts;
  // Only `//` between them: `//api.` puts the stream on another host, a subdomain of the page's.
  if (isLocation(protocol, 'protocol') && separator && isText(separator) && separator.text === '//' && isLocation(host, 'host')) {
    return [...parts.slice(3)];
  }
  return [...parts];
}

function keyOf(parts: readonly Part[]): string {
  let text = parts.map((part) => (isText(part) ? part.text : `{${part.key}}`)).join('');
  // An absolute URL's scheme and host are case-insensitive.
  const authority = /^[a-z][a-z\d+.-]*:\/\/[^/?#{]*/i.exec(text);
  if (authority) text = authority[0].toLowerCase() + text.slice(authority[0].length);
  return text;
}

/**
 * The URL `node` (a stream opening's URL argument) connects to on every run, or null when it
 * may differ between runs (it depends on a prop, a parameter, state or a call).
 */
export function streamUrlOf(context: UrlContext, node: TSESTree.Node): StreamUrl | null {
  const parts = new UrlReader(context).parts(node, 0);
  return parts === UNSTABLE ? null : urlOfParts(parts);
}

/** The URL a string written out in full connects to (`'/api/events#top'`), as `streamUrlOf` reads it: null when nothing is left. */
export function urlOfText(text: string): StreamUrl | null {
  return urlOfParts([{ text }]);
}

function urlOfParts(parts: readonly Part[]): StreamUrl | null {
  const normalised = withoutPageOrigin(withoutFragment(parts));
  if (normalised.length === 0) return null;
  const text = normalised.map((part) => (isText(part) ? part.text : `{${part.placeholder}}`)).join('');
  return { text, key: keyOf(normalised) };
}
