/**
 * What counts as "a stream" on the TypeScript side: the same answer `stream-sources.ts` gives
 * for ESTree, for code in other files, which has no ESTree. A `new EventSource()` of the global
 * (bare, through `window.`/`globalThis.`/`self.`/`global.`, or a `const` alias of it), an export
 * of a known client library invoked the way it opens (`new` for a class, a call for a function)
 * under whatever name it is imported, and the user's `wrappers`, invoked either way.
 *
 * Names are resolved through the checker rather than by spelling: a project class that happens
 * to be called `EventSource` is not the global, and an import is matched by the module it names,
 * also through re-exports (`export { fetchEventSource } from '@microsoft/fetch-event-source'`
 * in a project barrel).
 */
import type * as ts from 'typescript';
import {
  GLOBAL_EVENT_SOURCE,
  GLOBAL_OBJECT_NAMES,
  type OpeningKind,
  type StreamSource,
  type StreamWrapper,
  librarySources,
} from '../stream-sources.js';
import { wrappersKey } from '../wrappers-cache.js';
import { type TypeInformation, symbolAt } from './type-information.js';
import { extendsExpression, skipOuterExpressions } from './ts-syntax.js';
import type { TypeScript } from './typescript-module.js';

/** `{ module, exportName }` pairs that open a stream, by how they are invoked. */
export type StreamSourceLookup = ReadonlyMap<string, StreamSource>;

const lookups = new Map<string, StreamSourceLookup>();
/** The modules each lookup names, for the program-wide test below. */
const lookupModules = new WeakMap<StreamSourceLookup, readonly string[]>();

function lookupKey(module: string, exportName: string, kind: OpeningKind): string {
  return `${kind}\u0000${module}\u0000${exportName}`;
}

/** The exports that open a stream, known libraries and `wrappers` alike; built once per wrapper list. */
export function streamSourceLookup(wrappers: readonly StreamWrapper[]): StreamSourceLookup {
  const key = wrappersKey(wrappers);
  let lookup = lookups.get(key);
  if (!lookup) {
    const map = new Map<string, StreamSource>();
    for (const source of librarySources(wrappers)) {
      const entry = lookupKey(source.module!, source.exportName, source.kind);
      if (!map.has(entry)) map.set(entry, source);
    }
    lookup = map;
    lookups.set(key, lookup);
    lookupModules.set(lookup, [...new Set(librarySources(wrappers).map((source) => source.module!))]);
  }
  return lookup;
}

const programsNamingModules = new WeakMap<ts.Program, WeakMap<StreamSourceLookup, boolean>>();

/**
 * Whether any file of the program, other than TypeScript's own libraries, spells the name of a
 * module the lookup knows. Every step of an import or re-export chain takes its module from a
 * string in some file of the program (the importing file holds its specifier even when the
 * module does not resolve), so without one no name can lead to a library's export, and the
 * checker need not be asked about every call of a summarised body (in a project that imports
 * no stream client, most of what the summaries asked it). Once per program and lookup.
 */
function programNamesLookupModules(program: ts.Program, lookup: StreamSourceLookup): boolean {
  let byLookup = programsNamingModules.get(program);
  if (!byLookup) {
    byLookup = new WeakMap();
    programsNamingModules.set(program, byLookup);
  }
  let names = byLookup.get(lookup);
  if (names === undefined) {
    const modules = lookupModules.get(lookup) ?? [];
    names = program
      .getSourceFiles()
      .some((file) => !program.isSourceFileDefaultLibrary(file) && modules.some((module) => file.text.includes(module)));
    byLookup.set(lookup, names);
  }
  return names;
}

/** Where an import (or a step of a re-export chain) takes a binding from. */
interface ModuleExport {
  module: string;
  /** The export's name; `default` for a default import or a module object; `*` for a namespace. */
  exportName: string;
}

function moduleText(ts: TypeScript, specifier: ts.Expression | undefined): string | null {
  return specifier && ts.isStringLiteralLike(specifier) ? specifier.text : null;
}

/** `require('m')`, the module object of a CommonJS import. */
function requiredModule(ts: TypeScript, node: ts.Expression | undefined): string | null {
  if (!node) return null;
  const call = skipOuterExpressions(ts, node);
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'require') return null;
  return call.arguments.length === 1 ? moduleText(ts, call.arguments[0]) : null;
}

/** What one declaration of an imported name says about where it comes from; null for a local one. */
function moduleExportOf(ts: TypeScript, declaration: ts.Declaration): ModuleExport | null {
  if (ts.isImportSpecifier(declaration)) {
    const module = moduleText(ts, declaration.parent.parent.parent.moduleSpecifier);
    return module === null ? null : { module, exportName: (declaration.propertyName ?? declaration.name).text };
  }
  if (ts.isImportClause(declaration)) {
    const module = moduleText(ts, declaration.parent.moduleSpecifier);
    return module === null ? null : { module, exportName: 'default' };
  }
  if (ts.isNamespaceImport(declaration)) {
    const module = moduleText(ts, declaration.parent.parent.moduleSpecifier);
    return module === null ? null : { module, exportName: '*' };
  }
  if (ts.isExportSpecifier(declaration)) {
    const module = moduleText(ts, declaration.parent.parent.moduleSpecifier);
    return module === null ? null : { module, exportName: (declaration.propertyName ?? declaration.name).text };
  }
  if (ts.isNamespaceExport(declaration)) {
    const module = moduleText(ts, declaration.parent.moduleSpecifier);
    return module === null ? null : { module, exportName: '*' };
  }
  if (ts.isImportEqualsDeclaration(declaration) && ts.isExternalModuleReference(declaration.moduleReference)) {
    const module = moduleText(ts, declaration.moduleReference.expression);
    return module === null ? null : { module, exportName: 'default' };
  }
  // CommonJS: `const ES = require('m')`, `const { fetchEventSource } = require('m')`.
  if (ts.isVariableDeclaration(declaration)) {
    const module = requiredModule(ts, declaration.initializer);
    return module === null ? null : { module, exportName: 'default' };
  }
  if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent)) {
    const holder = declaration.parent.parent;
    const module = ts.isVariableDeclaration(holder) ? requiredModule(ts, holder.initializer) : null;
    const key = declaration.propertyName ?? declaration.name;
    return module !== null && (ts.isIdentifier(key) || ts.isStringLiteral(key)) ? { module, exportName: key.text } : null;
  }
  return null;
}

/** Every module and export name on the import and re-export chain of a symbol, nearest first. */
export function moduleExportsOf(information: TypeInformation, symbol: ts.Symbol): ModuleExport[] {
  const { ts, checker } = information;
  const found: ModuleExport[] = [];
  const seen = new Set<ts.Symbol>();
  for (let current: ts.Symbol | undefined = symbol; current && !seen.has(current) && seen.size < 16; ) {
    seen.add(current);
    for (const declaration of current.declarations ?? []) {
      const step = moduleExportOf(ts, declaration);
      if (step) found.push(step);
    }
    if (!(current.flags & ts.SymbolFlags.Alias)) break;
    current = checker.getImmediateAliasedSymbol(current);
  }
  return found;
}

/** Whether a symbol is the platform's global (declared only in `.d.ts` files or with `declare`), or unresolved. */
function isGlobalDeclaration(information: TypeInformation, symbol: ts.Symbol | undefined): boolean {
  const { ts } = information;
  if (!symbol) return true;
  if (symbol.flags & ts.SymbolFlags.Alias) return false;
  const declarations = symbol.declarations ?? [];
  return declarations.every((declaration) => declaration.getSourceFile().isDeclarationFile || isAmbient(ts, declaration));
}

/** Whether a declaration is only a statement that something exists: `declare const`, or inside `declare global {}`. */
function isAmbient(ts: TypeScript, declaration: ts.Node): boolean {
  for (let current: ts.Node | undefined = declaration; current && !ts.isSourceFile(current); current = current.parent) {
    if (ts.canHaveModifiers(current) && ts.getModifiers(current)?.some((modifier) => modifier.kind === ts.SyntaxKind.DeclareKeyword)) {
      return true;
    }
  }
  return false;
}

/** The initializer of a `const` declared in the project, through which a name aliases another (`const ES = EventSource`). */
function constInitializer(information: TypeInformation, symbol: ts.Symbol | undefined): ts.Expression | null {
  const { ts } = information;
  const declaration = symbol?.valueDeclaration;
  if (!declaration || !ts.isVariableDeclaration(declaration) || !declaration.initializer) return null;
  if (!(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return null;
  const initializer = skipOuterExpressions(ts, declaration.initializer);
  return ts.isIdentifier(initializer) || ts.isPropertyAccessExpression(initializer) || ts.isElementAccessExpression(initializer)
    ? initializer
    : null;
}

/** The member name of `o.name` or `o['name']`. */
function memberName(ts: TypeScript, node: ts.Expression): { object: ts.Expression; name: string } | null {
  if (ts.isPropertyAccessExpression(node) && ts.isIdentifier(node.name)) return { object: node.expression, name: node.name.text };
  if (ts.isElementAccessExpression(node) && ts.isStringLiteralLike(node.argumentExpression)) {
    return { object: node.expression, name: node.argumentExpression.text };
  }
  return null;
}

/** Whether `target` names the browser's global `EventSource`. */
function isGlobalEventSource(information: TypeInformation, target: ts.Expression, depth: number): boolean {
  const { ts, checker } = information;
  const node = skipOuterExpressions(ts, target);
  if (ts.isIdentifier(node)) {
    const symbol = symbolAt(checker, node);
    if (node.text === 'EventSource' && isGlobalDeclaration(information, symbol)) return true;
    const initializer = depth < 4 ? constInitializer(information, symbol) : null;
    return initializer !== null && isGlobalEventSource(information, initializer, depth + 1);
  }
  const member = memberName(ts, node);
  if (member?.name !== 'EventSource') return false;
  const object = skipOuterExpressions(ts, member.object);
  return (
    ts.isIdentifier(object) &&
    GLOBAL_OBJECT_NAMES.includes(object.text) &&
    isGlobalDeclaration(information, symbolAt(checker, object))
  );
}

/** The library export (or wrapper) that `target` names, if invoking it the `kind` way opens a stream. */
function libraryExport(
  information: TypeInformation,
  target: ts.Expression,
  kind: OpeningKind,
  lookup: StreamSourceLookup,
): StreamSource | null {
  const { ts, checker } = information;
  const node = skipOuterExpressions(ts, target);
  let chain: ModuleExport[] = [];
  if (ts.isIdentifier(node)) {
    const symbol = symbolAt(checker, node);
    if (symbol) chain = moduleExportsOf(information, symbol);
  } else {
    // `FES.fetchEventSource(…)` on `import * as FES from '@microsoft/fetch-event-source'`.
    const member = memberName(ts, node);
    const object = member && skipOuterExpressions(ts, member.object);
    const symbol = object && ts.isIdentifier(object) ? symbolAt(checker, object) : undefined;
    if (member && symbol) {
      chain = moduleExportsOf(information, symbol)
        .filter((step) => step.exportName === '*' || step.exportName === 'default')
        .map((step) => ({ module: step.module, exportName: member.name }));
    }
  }
  for (const step of chain) {
    const source = lookup.get(lookupKey(step.module, step.exportName, kind));
    if (source) return source;
  }
  return null;
}

/** The stream client class that `target` names (the global `EventSource`, a library's class), or null. */
export function streamClassSource(information: TypeInformation, target: ts.Expression, lookup: StreamSourceLookup): StreamSource | null {
  if (isGlobalEventSource(information, target, 0)) return GLOBAL_EVENT_SOURCE;
  return programNamesLookupModules(information.program, lookup) ? libraryExport(information, target, 'construct', lookup) : null;
}

/**
 * The stream a call or `new` opens, or null when it opens none. `super(…)` in a class that
 * extends a client class opens one too: whatever the subclass does with its arguments, each
 * of its instances is a stream.
 */
export function streamSourceOf(
  information: TypeInformation,
  node: ts.CallExpression | ts.NewExpression,
  lookup: StreamSourceLookup,
): StreamSource | null {
  const { ts } = information;
  if (ts.isNewExpression(node)) return streamClassSource(information, node.expression, lookup);
  if (node.expression.kind === ts.SyntaxKind.SuperKeyword) {
    const base = extendsExpression(ts, node);
    return base ? streamClassSource(information, base, lookup) : null;
  }
  return programNamesLookupModules(information.program, lookup) ? libraryExport(information, node.expression, 'call', lookup) : null;
}
