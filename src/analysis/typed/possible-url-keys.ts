/**
 * Which URL keys the stream openings of a file of the program can have, read from TypeScript's
 * own tree of the file, so that the program index (`program-stream-index.ts`) converts to
 * ESTree only the files that may open the URL a linted file asks about. Converting every file
 * that mentions a stream was most of what the index cost (issue 16): in the type-aware
 * benchmark, 56 files whose openings were all of URLs no other file opened.
 *
 * The answer is a superset of what `streamOpeningsByUrl` finds once the file is converted, or
 * null when the tree does not show it, and the file must be converted. It is a superset
 * because every opening the ESTree side finds (`stream-sources.ts`: the global `EventSource`
 * and the exports of known libraries and `wrappers`, through `ReferenceTracker`) is reached
 * through a name the file spells: `EventSource` in some form, or a binding imported from one of
 * those modules. So every place that spells one is looked at: as the callee of a call or `new`
 * (a possible opening, whose URL is then read), as a name being declared, a type, a value the
 * file declares itself (`myEventSource`), or a read that cannot pass the value on
 * (`typeof EventSource`, `EventSource.CLOSED`), it adds nothing; anywhere else (an alias, a
 * destructuring that renames, a `require`, a string that may become a computed key) the file is
 * converted. Likewise a string that names a stream module is fine only where it cannot lead to
 * one: an import's module, the URL itself, a log message.
 *
 * A URL argument gives its key when it is written out in full (`'/api/events'`, or a `const` of
 * the file holding it), and gives none when `streamUrlOf` would find it differs between runs:
 * built from a parameter, `this` or a call of the project's code (`` `/jobs/${id}` ``).
 * Anything else converts the file. The real-world audit (`scripts/real-world-audit.js`) checks
 * the superset on every file of its repositories that mentions a stream.
 */
import type * as ts from 'typescript';
import { streamNeedles } from '../stream-mentions.js';
import { type StreamWrapper, librarySources } from '../stream-sources.js';
import { urlOfText } from '../stream-urls.js';
import { includesEventSource } from '../text-search.js';
import { skipOuterExpressions, skipOuterParents } from './ts-syntax.js';
import { symbolAt } from './type-information.js';
import type { TypeScript } from './typescript-module.js';

/** Thrown inside the walk: the file must be converted to know its keys. */
const UNKNOWN = Symbol('unknown');

type Invocation = ts.CallExpression | ts.NewExpression;

interface Reading {
  ts: TypeScript;
  checker: ts.TypeChecker;
  file: ts.SourceFile;
  /** Local names bound by imports of the exports that open streams (`import RES from 'reconnecting-eventsource'`). */
  imported: ReadonlySet<string>;
  /** The names a stream source has as a member: `EventSource` of `window`, and the libraries' and wrappers' export names. */
  sourceNames: ReadonlySet<string>;
  needles: readonly string[];
  /** Offsets of the text's needles and imported names (see `spellings`), or null to walk every node. */
  spellings: readonly number[] | null;
  /** The calls and `new`s whose callee spells a stream's name: the possible openings. */
  invocations: Set<Invocation>;
  /** Strings that name a stream module, checked once the possible openings are known. */
  strings: ts.Node[];
}

function unknown(): never {
  throw UNKNOWN;
}

/** Whether `node` is the name a declaration gives, or a key it writes: not a value read. */
function isDeclaredName(ts: TypeScript, node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isBindingElement(parent)) return parent.name === node;
  return (
    (ts.isVariableDeclaration(parent) ||
      ts.isParameter(parent) ||
      ts.isFunctionDeclaration(parent) ||
      ts.isFunctionExpression(parent) ||
      ts.isClassDeclaration(parent) ||
      ts.isClassExpression(parent) ||
      ts.isMethodDeclaration(parent) ||
      ts.isPropertyDeclaration(parent) ||
      ts.isGetAccessorDeclaration(parent) ||
      ts.isSetAccessorDeclaration(parent) ||
      ts.isPropertyAssignment(parent) ||
      ts.isEnumDeclaration(parent) ||
      ts.isEnumMember(parent) ||
      ts.isJsxAttribute(parent)) &&
    parent.name === node
  );
}

/** A read that tests the value without passing it on: `!x`, `typeof x`, `a instanceof x`, `x === y`, `if (x)`. */
function isTestOnly(ts: TypeScript, value: ts.Node, parent: ts.Node): boolean {
  const { SyntaxKind } = ts;
  if (ts.isPrefixUnaryExpression(parent)) return parent.operator === SyntaxKind.ExclamationToken;
  if (ts.isTypeOfExpression(parent) || ts.isVoidExpression(parent)) return true;
  if (ts.isBinaryExpression(parent)) {
    const operator = parent.operatorToken.kind;
    if (operator === SyntaxKind.InstanceOfKeyword || operator === SyntaxKind.InKeyword) return parent.right === value;
    return (
      operator === SyntaxKind.EqualsEqualsEqualsToken ||
      operator === SyntaxKind.ExclamationEqualsEqualsToken ||
      operator === SyntaxKind.EqualsEqualsToken ||
      operator === SyntaxKind.ExclamationEqualsToken
    );
  }
  if (ts.isIfStatement(parent)) return parent.expression === value;
  return ts.isConditionalExpression(parent) && parent.condition === value;
}

/**
 * What is done with a value that may be a stream's constructor or factory (`value`: the name, or
 * the member access it is the name of): called, a possible opening; tested, read for another
 * member, or assigned over, nothing; anything else may pass it on, and throws.
 */
function followValue(reading: Reading, start: ts.Expression): void {
  const { ts } = reading;
  let value = start;
  for (;;) {
    const outer = skipOuterParents(ts, value);
    const up = outer.parent;
    if ((ts.isCallExpression(up) || ts.isNewExpression(up)) && up.expression === outer) {
      reading.invocations.add(up);
      return;
    }
    if ((ts.isPropertyAccessExpression(up) || ts.isElementAccessExpression(up)) && up.expression === outer) {
      const member = ts.isPropertyAccessExpression(up) ? up.name.text : staticName(ts, up.argumentExpression);
      // `EventSource.CLOSED`: a member no stream source is, not the value passed on.
      if (member !== null && !reading.sourceNames.has(member)) return;
      // `live.fetchEventSource(…)` of a namespace import: what is done with the member decides.
      value = up;
      continue;
    }
    // `source = null`, `window.EventSource = Polyfill`: written over, not read.
    if (ts.isBinaryExpression(up) && up.operatorToken.kind === ts.SyntaxKind.EqualsToken && up.left === outer) return;
    if (isTestOnly(ts, outer, up)) return;
    unknown();
  }
}

/** The member an element access names when it is written out (`window['EventSource']`), else null. */
function staticName(ts: TypeScript, node: ts.Expression): string | null {
  const value = skipOuterExpressions(ts, node);
  return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : null;
}

/**
 * Whether a name reads a value this file declares itself (`myEventSource`, a parameter, a
 * function): it holds a stream's constructor only if the code put one there, and that code
 * spells the constructor where it passes it on, which is looked at where it is. Not a
 * destructured name (`const { EventSource } = window` binds the global), nor an ambient one
 * (`declare const EventSource: …` declares the global).
 */
function readsLocalValue(reading: Reading, node: ts.Identifier): boolean {
  const { ts } = reading;
  const declaration = declarationOf(reading, node);
  if (!declaration || declaration.getSourceFile() !== reading.file) return false;
  // `declare const EventSource`, also inside `declare global { … }`.
  const isAmbient = (node: ts.Node): boolean =>
    (ts.isVariableDeclaration(node) || ts.isModuleDeclaration(node) || ts.isFunctionDeclaration(node) || ts.isClassDeclaration(node)) &&
    (ts.getCombinedModifierFlags(node) & ts.ModifierFlags.Ambient) !== 0;
  if (ts.findAncestor(declaration, isAmbient)) return false;
  return (
    ((ts.isVariableDeclaration(declaration) || ts.isParameter(declaration)) && ts.isIdentifier(declaration.name)) ||
    ts.isFunctionDeclaration(declaration) ||
    ts.isClassDeclaration(declaration)
  );
}

/** Looks at one place that spells a stream's name. */
function spelledName(reading: Reading, node: ts.Identifier): void {
  const { ts } = reading;
  if (isDeclaredName(ts, node) || readsLocalValue(reading, node)) return;
  const parent = node.parent;
  if ((ts.isJsxOpeningElement(parent) || ts.isJsxSelfClosingElement(parent) || ts.isJsxClosingElement(parent)) && parent.tagName === node) return;
  // The name of a member access stands for the access: `window.EventSource`, `live.fetchEventSource`.
  followValue(reading, ts.isPropertyAccessExpression(parent) && parent.name === node ? parent : node);
}

/** How deep `varies` follows names to their initialisers: `streamUrlOf`'s own limit. */
const MAX_DEPTH = 12;

/**
 * Whether `streamUrlOf` reads the value as differing between runs (no key), and
 * `getStaticValue` cannot work it out: a parameter, `this`, a destructured or uninitialised
 * name, a function-level name holding such a value, a call of the project's code, and what is
 * built from them (a member, a call with one, a template, `+`, the test of `?:`, the left of `??`).
 */
function varies(reading: Reading, node: ts.Expression, depth = 0): boolean {
  const { ts } = reading;
  if (depth > MAX_DEPTH) return false;
  const value = skipOuterExpressions(ts, node);
  if (value.kind === ts.SyntaxKind.ThisKeyword) return true;
  if (ts.isIdentifier(value)) return nameVaries(reading, value, depth);
  if (ts.isPropertyAccessExpression(value) || ts.isElementAccessExpression(value)) return varies(reading, value.expression, depth + 1);
  if (ts.isCallExpression(value)) {
    return (
      callsProjectCode(reading, value.expression) ||
      varies(reading, value.expression, depth + 1) ||
      value.arguments.some((argument) => varies(reading, argument, depth + 1))
    );
  }
  if (ts.isTemplateExpression(value)) return value.templateSpans.some((span) => varies(reading, span.expression, depth + 1));
  if (ts.isBinaryExpression(value)) {
    const operator = value.operatorToken.kind;
    const { SyntaxKind } = ts;
    // `a || b` is `a` when `a` is known and true, whatever `b` is; `a, b` is `b`.
    if (operator === SyntaxKind.BarBarToken || operator === SyntaxKind.QuestionQuestionToken || operator === SyntaxKind.AmpersandAmpersandToken) {
      return varies(reading, value.left, depth + 1);
    }
    if (operator === SyntaxKind.CommaToken || operator === SyntaxKind.EqualsToken) return false;
    return varies(reading, value.left, depth + 1) || varies(reading, value.right, depth + 1);
  }
  if (ts.isConditionalExpression(value)) return varies(reading, value.condition, depth + 1);
  return false;
}

/** The declaration a name is bound by, with a destructuring's element as it is. */
function declarationOf(reading: Reading, node: ts.Identifier): ts.Declaration | undefined {
  return symbolAt(reading.checker, node)?.declarations?.[0];
}

function nameVaries(reading: Reading, node: ts.Identifier, depth: number): boolean {
  const { ts } = reading;
  const declaration = declarationOf(reading, node);
  if (!declaration || declaration.getSourceFile() !== reading.file) return false;
  // `getStaticValue` and `streamUrlOf` follow only a plain name's initialiser, never a destructuring.
  if (ts.isParameter(declaration) || ts.isBindingElement(declaration)) return true;
  if (ts.isFunctionDeclaration(declaration) || ts.isClassDeclaration(declaration)) return true;
  if (!ts.isVariableDeclaration(declaration)) return false;
  if (!declaration.initializer) return true;
  // A module-level name of unknown content is a placeholder with a key (`{BASE}`), not a varying
  // value: one declared at the top of the file, or a `var` in no function.
  const list = declaration.parent;
  const isVar = ts.isVariableDeclarationList(list) && (list.flags & ts.NodeFlags.BlockScoped) === 0;
  if (ts.isSourceFile(list.parent.parent) || (isVar && !ts.findAncestor(declaration, ts.isFunctionLike))) return false;
  return varies(reading, declaration.initializer, depth + 1);
}

/** Whether the callee is a function of the project's own code (not a global of a library's types, nor `String`). */
function callsProjectCode(reading: Reading, callee: ts.Expression): boolean {
  const { ts } = reading;
  const value = skipOuterExpressions(ts, callee);
  if (!ts.isIdentifier(value) || value.text === 'String') return false;
  const declaration = declarationOf(reading, value);
  return declaration !== undefined && !declaration.getSourceFile().isDeclarationFile;
}

/** The keys the URL argument of a possible opening can have: one for a string written out, none for a URL that differs per run. */
function urlKeys(reading: Reading, invocation: Invocation): string[] {
  const { ts } = reading;
  const first = invocation.arguments?.[0];
  if (!first || ts.isSpreadElement(first)) return [];
  const value = skipOuterExpressions(ts, first);
  const text = writtenOut(reading, value);
  if (text !== null) {
    const url = urlOfText(text);
    return url ? [url.key] : [];
  }
  return varies(reading, value) ? [] : unknown();
}

/** The string a URL argument writes out, directly or through a `const` of the same function or module: `'/api/events'`, `EVENTS`. */
function writtenOut(reading: Reading, node: ts.Expression): string | null {
  const { ts } = reading;
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) return node.text;
  if (!ts.isIdentifier(node)) return null;
  const declarations = symbolAt(reading.checker, node)?.declarations;
  const declaration = declarations?.length === 1 ? declarations[0]! : undefined;
  if (
    !declaration ||
    !ts.isVariableDeclaration(declaration) ||
    declaration.getSourceFile() !== reading.file ||
    !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const) ||
    !declaration.initializer
  ) {
    return null;
  }
  const value = skipOuterExpressions(ts, declaration.initializer);
  return ts.isStringLiteral(value) || ts.isNoSubstitutionTemplateLiteral(value) ? value.text : null;
}

/** The call or `new` whose first argument holds `node`, if any. */
function invocationOfUrl(ts: TypeScript, node: ts.Node): Invocation | null {
  let current = node;
  while (current.parent && !ts.isStatement(current.parent)) {
    const parent = current.parent;
    if ((ts.isCallExpression(parent) || ts.isNewExpression(parent)) && parent.arguments?.[0] === current) return parent;
    current = parent;
  }
  return null;
}

/** `console.warn('EventSource failed')`, `new Error('no EventSource')`: a message, which cannot become a name. */
function isMessage(ts: TypeScript, node: ts.Node): boolean {
  const parent = node.parent;
  if (!(ts.isCallExpression(parent) || ts.isNewExpression(parent)) || parent.expression === node) return false;
  const callee = skipOuterExpressions(ts, parent.expression);
  if (ts.isNewExpression(parent)) return ts.isIdentifier(callee) && callee.text.endsWith('Error');
  return ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) && callee.expression.text === 'console';
}

/** Looks at a string that names a stream module once the possible openings are known. */
function spelledString(reading: Reading, part: ts.Node): void {
  const { ts } = reading;
  // A template is looked at whole: `` console.warn(`EventSource ${state}`) ``.
  const node = ts.isTemplateHead(part) ? part.parent : ts.isTemplateMiddle(part) || ts.isTemplateTail(part) ? part.parent.parent : part;
  const parent = node.parent;
  // An import's or re-export's module: the bindings it makes are followed by name.
  if ((ts.isImportDeclaration(parent) || ts.isExportDeclaration(parent)) && parent.moduleSpecifier === node) return;
  if (ts.isJsxAttribute(parent) || isMessage(ts, node)) return;
  // `window['EventSource']`: a member access, followed as `window.EventSource` is.
  if (ts.isElementAccessExpression(parent) && parent.argumentExpression === node) {
    followValue(reading, parent);
    return;
  }
  // `'EventSource' in window`: a test.
  if (ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.InKeyword && parent.left === node) return;
  const invocation = invocationOfUrl(ts, node);
  if (invocation && reading.invocations.has(invocation)) return;
  unknown();
}

function isStringPart(ts: TypeScript, node: ts.Node): node is ts.StringLiteral | ts.NoSubstitutionTemplateLiteral | ts.TemplateLiteralLikeNode {
  return ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isTemplateHead(node) || ts.isTemplateMiddle(node) || ts.isTemplateTail(node);
}

/**
 * Where the file's text spells a needle or an imported name, in order; null when an escape
 * (`Event\u0053ource`) could spell one that the text does not show. Subtrees without one are not walked.
 */
function spellings(text: string, needles: readonly string[]): number[] | null {
  if (/\\[ux0-7]/.test(text)) return null;
  const offsets: number[] = [];
  for (const needle of needles) {
    for (let index = text.indexOf(needle); index !== -1; index = text.indexOf(needle, index + 1)) offsets.push(index);
  }
  return offsets.sort((a, b) => a - b);
}

/** Whether any offset lies in [start, end). */
function spellsWithin(offsets: readonly number[], start: number, end: number): boolean {
  let low = 0;
  let high = offsets.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (offsets[middle]! < start) low = middle + 1;
    else high = middle;
  }
  return low < offsets.length && offsets[low]! < end;
}

function walk(reading: Reading, node: ts.Node): void {
  const { ts } = reading;
  if (reading.spellings && !spellsWithin(reading.spellings, node.pos, node.end)) return;
  // Types, and the imports read before the walk, pass no value on.
  // (`class Feed extends EventSource` is walked: a heritage clause holds a value.)
  if (
    (ts.isTypeNode(node) && !ts.isExpressionWithTypeArguments(node)) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isImportDeclaration(node)
  ) {
    return;
  }
  if (ts.isIdentifier(node)) {
    if (includesEventSource(node.text) || reading.imported.has(node.text)) spelledName(reading, node);
    return;
  }
  if (isStringPart(ts, node)) {
    if (reading.needles.some((needle) => node.text.includes(needle))) reading.strings.push(node);
    return;
  }
  ts.forEachChild(node, (child) => walk(reading, child));
}

/** The local names bound by the file's imports of the exports that open streams (known libraries and `wrappers`). */
function importedStreamNames(ts: TypeScript, file: ts.SourceFile, wrappers: readonly StreamWrapper[]): Set<string> {
  const exportsByModule = new Map<string, Set<string>>();
  for (const source of librarySources(wrappers)) {
    const names = exportsByModule.get(source.module!) ?? new Set<string>();
    names.add(source.exportName);
    exportsByModule.set(source.module!, names);
  }
  const names = new Set<string>();
  for (const statement of file.statements) {
    if (!ts.isImportDeclaration(statement) || !ts.isStringLiteral(statement.moduleSpecifier)) continue;
    const exported = exportsByModule.get(statement.moduleSpecifier.text);
    const clause = statement.importClause;
    if (!exported || !clause) continue;
    if (clause.name && exported.has('default')) names.add(clause.name.text);
    const bindings = clause.namedBindings;
    if (bindings && ts.isNamespaceImport(bindings)) names.add(bindings.name.text);
    else if (bindings) {
      for (const element of bindings.elements) if (exported.has((element.propertyName ?? element.name).text)) names.add(element.name.text);
    }
  }
  return names;
}

/**
 * The URL keys the file's openings may have (a superset), or null when only converting the
 * file tells. `checker` answers which names are parameters.
 */
export function possibleUrlKeys(
  ts: TypeScript,
  checker: ts.TypeChecker,
  file: ts.SourceFile,
  wrappers: readonly StreamWrapper[],
): ReadonlySet<string> | null {
  const imported = importedStreamNames(ts, file, wrappers);
  const needles = streamNeedles(wrappers);
  const reading: Reading = {
    ts,
    checker,
    file,
    imported,
    sourceNames: new Set(['EventSource', ...librarySources(wrappers).map((source) => source.exportName)]),
    needles,
    spellings: spellings(file.text, [...needles, ...imported]),
    invocations: new Set(),
    strings: [],
  };
  try {
    walk(reading, file);
    for (const node of reading.strings) spelledString(reading, node);
    const keys = new Set<string>();
    for (const invocation of reading.invocations) for (const key of urlKeys(reading, invocation)) keys.add(key);
    return keys;
  } catch (error) {
    if (error === UNKNOWN) return null;
    throw error;
  }
}
