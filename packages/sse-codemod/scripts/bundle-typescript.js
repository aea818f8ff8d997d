/**
 * Joins the hub's TypeScript modules into one `.ts` module, for projects that compile with
 * `tsc` and no `allowJs`: there a `.js` helper is never emitted, and the built code would import
 * a file that does not exist (issue 13). esbuild and the declaration bundlers only write
 * JavaScript or declarations, so this does the one thing needed here and refuses everything
 * else: the modules are ordered so each comes after those it imports, their relative imports are
 * dropped, only the entry's exports stay exported, and declarations nothing uses are left out
 * (the runtime's shared modules also hold the server's half, which a project compiled with
 * `noUnusedLocals` would refuse).
 *
 * That is sound only because the hub's modules are written for it, and the checks below fail the
 * build the day they are not: no two modules declare the same top-level name, no import renames
 * (`as`) or namespace imports, no `export *`, no import cycles, and no import of anything outside
 * the bundle.
 */
import { readFileSync } from 'node:fs';
import { dirname, relative, resolve } from 'node:path';
import ts from 'typescript';

/** The entry's module and every module it reaches, as one TypeScript module. */
export function bundleTypeScript(entry) {
  const modules = orderedModules(resolve(entry));
  assertUniqueTopLevelNames(modules);
  return withoutUnusedDeclarations(modules.map((module) => rewriteModule(module, module.path === resolve(entry))).join('\n'));
}

function parse(path) {
  const text = readFileSync(path, 'utf8');
  return { path, text, source: ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS) };
}

/** Depth-first from the entry, each module after its imports; an import cycle is an error. */
function orderedModules(entry) {
  const ordered = [];
  const state = new Map();
  const visit = (path, from) => {
    if (state.get(path) === 'done') return;
    if (state.get(path) === 'visiting') throw new Error(`import cycle through ${relative(process.cwd(), path)} (from ${from})`);
    state.set(path, 'visiting');
    const module = parse(path);
    for (const specifier of relativeSpecifiers(module)) visit(resolveSpecifier(path, specifier), path);
    state.set(path, 'done');
    ordered.push(module);
  };
  visit(entry, 'the entry');
  return ordered;
}

function relativeSpecifiers({ source, path }) {
  const specifiers = [];
  for (const statement of source.statements) {
    const specifier = moduleSpecifierOf(statement);
    if (specifier === undefined) continue;
    if (!specifier.startsWith('.')) throw new Error(`${path} imports ${specifier}: the helper must not import anything`);
    specifiers.push(specifier);
  }
  return specifiers;
}

function moduleSpecifierOf(statement) {
  if ((ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) && statement.moduleSpecifier) {
    return statement.moduleSpecifier.text;
  }
  return undefined;
}

/** The sources import `./x.js` for `./x.ts`, as NodeNext resolution asks. */
function resolveSpecifier(from, specifier) {
  return resolve(dirname(from), specifier.replace(/\.js$/, '.ts'));
}

function topLevelNames(source) {
  const names = [];
  for (const statement of source.statements) {
    if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        if (!ts.isIdentifier(declaration.name)) throw new Error(`destructuring at the top level of ${source.fileName}`);
        names.push(declaration.name.text);
      }
    } else if (statement.name && ts.isIdentifier(statement.name)) {
      names.push(statement.name.text);
    }
  }
  return names;
}

function assertUniqueTopLevelNames(modules) {
  const owner = new Map();
  for (const { source, path } of modules) {
    for (const name of topLevelNames(source)) {
      const first = owner.get(name);
      if (first) throw new Error(`${name} is declared at the top level of both ${first} and ${path}`);
      owner.set(name, path);
    }
  }
}

/** The module's text without its relative imports, with `export` kept only in the entry. */
function rewriteModule({ source, text, path }, isEntry) {
  const edits = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      assertPlainImport(statement, path);
      edits.push({ start: statement.getFullStart(), end: statement.getEnd(), text: '' });
    } else if (ts.isExportDeclaration(statement)) {
      if (!isEntry) throw new Error(`${path} re-exports; only the entry may`);
      edits.push({ start: statement.getStart(), end: statement.getEnd(), text: localExport(statement, path) });
    } else if (!isEntry) {
      const exportKeyword = statement.modifiers?.find((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword);
      if (exportKeyword) edits.push({ start: exportKeyword.getStart(), end: exportKeyword.getEnd() + 1, text: '' });
      if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.DefaultKeyword)) {
        throw new Error(`${path} has a default export`);
      }
    }
  }
  let result = text;
  for (const edit of edits.sort((a, b) => b.start - a.start)) {
    result = result.slice(0, edit.start) + edit.text + result.slice(edit.end);
  }
  return result.replace(/^\s*\n/, '');
}

/**
 * Drops top-level declarations that are not exported and whose names nothing else in the module
 * mentions, until none is left: one that only a dropped one used goes in the next round. A name
 * counts as used wherever it appears as an identifier outside its own declaration, which can
 * only keep too much, never drop what is used.
 */
function withoutUnusedDeclarations(text) {
  for (;;) {
    const source = ts.createSourceFile('bundle.ts', text, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const unused = source.statements.filter((statement) => isDroppable(statement) && !isMentionedOutside(source, statement));
    if (unused.length === 0) return text;
    for (const statement of unused.reverse()) {
      text = text.slice(0, statement.getFullStart()) + text.slice(statement.getEnd());
    }
  }
}

function isDroppable(statement) {
  if (ts.isImportDeclaration(statement) || ts.isExportDeclaration(statement)) return false;
  if (statement.modifiers?.some((modifier) => modifier.kind === ts.SyntaxKind.ExportKeyword)) return false;
  return topLevelNames({ statements: [statement] }).length > 0;
}

function isMentionedOutside(source, statement) {
  const names = new Set(topLevelNames({ statements: [statement] }));
  let mentioned = false;
  const visit = (node) => {
    if (mentioned) return;
    if (node === statement) return;
    if (ts.isIdentifier(node) && names.has(node.text)) {
      mentioned = true;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(source, visit);
  return mentioned;
}

function assertPlainImport(statement, path) {
  const bindings = statement.importClause?.namedBindings;
  if (!statement.importClause) throw new Error(`${path} has a side-effect import`);
  if (statement.importClause.name) throw new Error(`${path} has a default import`);
  if (bindings && ts.isNamespaceImport(bindings)) throw new Error(`${path} has a namespace import`);
  for (const element of bindings?.elements ?? []) {
    if (element.propertyName) throw new Error(`${path} renames an import (${element.propertyName.text} as ${element.name.text})`);
  }
}

/** `export { a, type B } from './x.js'` becomes `export { a, type B };`: the names are now in this module. */
function localExport(statement, path) {
  const clause = statement.exportClause;
  if (!clause || !ts.isNamedExports(clause)) throw new Error(`${path} has an export *`);
  for (const element of clause.elements) {
    if (element.propertyName) throw new Error(`${path} renames an export (${element.propertyName.text} as ${element.name.text})`);
  }
  const names = clause.elements.map((element) => `${element.isTypeOnly ? 'type ' : ''}${element.name.text}`);
  return `export ${statement.isTypeOnly ? 'type ' : ''}{ ${names.join(', ')} };`;
}
