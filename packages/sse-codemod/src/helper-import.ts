/**
 * The `sharedEventSource` binding a file uses after the rewrite: an import it already has, or
 * a new `import { sharedEventSource } from '<helper>';` placed where a person would put it,
 * in the file's own quote, semicolon and line-ending style.
 */
import { type ImportDeclaration, Node, type SourceFile, SyntaxKind, ts } from 'ts-morph';
import type { TextEdit } from './text-edits.js';

export const HELPER_EXPORT = 'sharedEventSource';
/** The published entry of the hub; an import of the helper from there is as good as ours. */
const PACKAGE_HUB = 'sse-hub';

export interface HelperBinding {
  /** The name to call: `sharedEventSource`, or another when the file already uses that name. */
  localName: string;
  /** The edit that adds the import; null when the file already imports the helper. */
  importEdit: TextEdit | null;
  /** The import declaration the edit adds (`import { sharedEventSource } from './sse-hub.js';`). */
  declaration: string;
}

function existingBinding(sourceFile: SourceFile, specifier: string): string | null {
  for (const declaration of helperImports(sourceFile, specifier)) {
    for (const named of declaration.getNamedImports()) {
      if (named.getName() === HELPER_EXPORT && !named.isTypeOnly()) return named.getAliasNode()?.getText() ?? HELPER_EXPORT;
    }
  }
  return null;
}

/** Value imports from the helper, ours first, then the published hub's. */
function helperImports(sourceFile: SourceFile, specifier: string): ImportDeclaration[] {
  const imports = sourceFile.getImportDeclarations().filter((declaration) => !declaration.isTypeOnly());
  return [
    ...imports.filter((declaration) => declaration.getModuleSpecifierValue() === specifier),
    ...imports.filter((declaration) => declaration.getModuleSpecifierValue() === PACKAGE_HUB),
  ];
}

/**
 * `import { configureHub } from './sse-hub.js'` gains `sharedEventSource` rather than a second
 * import of the module; above all when it is the published hub, whose `configureHub` would
 * otherwise configure another hub than the one the streams use.
 */
function extendableImport(sourceFile: SourceFile, specifier: string): ImportDeclaration | undefined {
  return helperImports(sourceFile, specifier).find((declaration) => declaration.getNamedImports().length > 0);
}

/** Any mention counts, even in a string or comment: a needless alias is harmless, a clash is not. */
function isNameUsed(sourceFile: SourceFile, name: string): boolean {
  return new RegExp(`(?<![\\w$])${name}(?![\\w$])`).test(sourceFile.getFullText());
}

function freeName(sourceFile: SourceFile): string {
  for (let suffix = 1; ; suffix += 1) {
    const name = suffix === 1 ? HELPER_EXPORT : `${HELPER_EXPORT}${suffix}`;
    if (!isNameUsed(sourceFile, name)) return name;
  }
}

interface Style {
  quote: string;
  semicolon: string;
  eol: string;
}

const TERMINATED_STATEMENTS = new Set([
  ts.SyntaxKind.VariableStatement,
  ts.SyntaxKind.ExpressionStatement,
  ts.SyntaxKind.ReturnStatement,
  ts.SyntaxKind.ThrowStatement,
  ts.SyntaxKind.ImportDeclaration,
  ts.SyntaxKind.ExportDeclaration,
  ts.SyntaxKind.ExportAssignment,
]);

/** Whether most statements that may end in `;` do, at any depth (a file may hold only functions). */
function usesSemicolons(sourceFile: SourceFile): boolean {
  const root = sourceFile.compilerNode;
  const text = root.getFullText();
  let withSemicolon = 0;
  let without = 0;
  const visit = (node: ts.Node): void => {
    if (TERMINATED_STATEMENTS.has(node.kind)) {
      if (text[node.getEnd() - 1] === ';') withSemicolon += 1;
      else without += 1;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(root, visit);
  return withSemicolon >= without;
}

function styleOf(sourceFile: SourceFile): Style {
  const text = sourceFile.getFullText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const semicolon = usesSemicolons(sourceFile) ? ';' : '';
  const firstImport = sourceFile.getImportDeclarations()[0];
  // The quote of the first import, else of the first string literal.
  const literal = firstImport?.getModuleSpecifier() ?? sourceFile.getFirstDescendantByKind(SyntaxKind.StringLiteral);
  const quote = literal?.getText().startsWith('"') ? '"' : "'";
  return { quote, semicolon, eol };
}

function quoted(specifier: string, quote: string): string {
  return `${quote}${specifier.replaceAll('\\', '\\\\').replaceAll(quote, `\\${quote}`)}${quote}`;
}

/** Where a new import goes when the file has none: after directives, else after a header comment set off by a blank line. */
function topInsertion(sourceFile: SourceFile, declaration: string, eol: string): TextEdit {
  const statements = sourceFile.getStatements();
  const directives = [];
  for (const statement of statements) {
    if (!Node.isExpressionStatement(statement) || !Node.isStringLiteral(statement.getExpression())) break;
    directives.push(statement);
  }
  const text = sourceFile.getFullText();
  const lastDirective = directives.at(-1);
  if (lastDirective) {
    // Set off from the directives as the code after them is.
    const gap = /^[ \t]*\r?\n[ \t]*\r?\n/.test(text.slice(lastDirective.getEnd())) ? `${eol}${eol}` : eol;
    return { start: lastDirective.getEnd(), end: lastDirective.getEnd(), text: `${gap}${declaration}` };
  }

  const shebang = /^#![^\n]*\n/.exec(text)?.[0].length ?? 0;
  let position = shebang;
  for (const comment of ts.getLeadingCommentRanges(text, shebang) ?? []) {
    // A comment followed by a blank line is the file's header; one that touches the code documents the code.
    const blankLine = /^[ \t]*\r?\n[ \t]*\r?\n/.exec(text.slice(comment.end));
    if (blankLine) position = comment.end + blankLine[0].length;
  }
  const next = text.slice(position);
  const blankAfter = /^[ \t]*\r?\n/.test(next) || next.length === 0 ? '' : eol;
  return { start: position, end: position, text: `${declaration}${eol}${blankAfter}` };
}

function lastImport(sourceFile: SourceFile): ImportDeclaration | undefined {
  return sourceFile.getImportDeclarations().at(-1);
}

/** The binding to call and, when the file does not import the helper yet, the edit that does. */
export function helperBinding(sourceFile: SourceFile, specifier: string): HelperBinding {
  const existing = existingBinding(sourceFile, specifier);
  if (existing) return { localName: existing, importEdit: null, declaration: '' };

  const localName = freeName(sourceFile);
  const imported = localName === HELPER_EXPORT ? HELPER_EXPORT : `${HELPER_EXPORT} as ${localName}`;
  const extendable = extendableImport(sourceFile, specifier);
  if (extendable) {
    const last = extendable.getNamedImports().at(-1)!;
    return { localName, importEdit: { start: last.getEnd(), end: last.getEnd(), text: `, ${imported}` }, declaration: '' };
  }
  const { quote, semicolon, eol } = styleOf(sourceFile);
  const declaration = `import { ${imported} } from ${quoted(specifier, quote)}${semicolon}`;
  const previous = lastImport(sourceFile);
  const importEdit = previous
    ? { start: previous.getEnd(), end: previous.getEnd(), text: `${eol}${declaration}` }
    : topInsertion(sourceFile, declaration, eol);
  return { localName, importEdit, declaration };
}
