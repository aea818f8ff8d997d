/**
 * Plans the rewrite of one file: the rules say which stream openings repeat, ts-morph finds
 * them by position, each becomes `sharedEventSource(…)` or gets a `TODO(sse-codemod)` comment
 * saying why not, and the edits are applied in one batch.
 *
 * The plan runs in passes until the rules flag nothing more that can be rewritten, as
 * `eslint --fix` does: a function called in a loop that opens two streams is reported for
 * the first, and the second shows once the first is gone. So one run finishes the job and a
 * second run changes nothing. Pure and synchronous: no disk access, never throws.
 */
import path from 'node:path';
import { type CallExpression, type NewExpression, Node, Project, type SourceFile, ts } from 'ts-morph';
import { type Comment, type Detection, type FlaggedSite, detectFlaggedSites } from './detect-sites.js';
import { SKIP_REASONS, conversionFor, otherUseOfName } from './conversions.js';
import { type ScriptBlock, blockAsScript, isComponentFile } from './component-files.js';
import { helperBinding } from './helper-import.js';
import { type TextEdit, applyEdits, lineAndColumn, nonOverlapping, offsetBefore } from './text-edits.js';
import type { FilePlan, PlanRequest, SiteResult, SourcePosition } from './types.js';
import { SAME_ORIGIN, UNKNOWN_ORIGIN } from './report/types.js';
import { mergeRuleFor } from './topic-urls.js';

export const TODO_MARKER = 'TODO(sse-codemod)';
export const IGNORE_MARKER = 'sse-codemod-ignore';
const MAX_PASSES = 10;
const UNLOCATED = 'internal error: the flagged opening could not be found in the syntax tree; please report this';

// One in-memory project for the whole run: nothing is read from or written to disk, no lib
// files are loaded and no imports are resolved. Each file is added, planned, and removed.
const project = new Project({
  useInMemoryFileSystem: true,
  skipLoadingLibFiles: true,
  skipFileDependencyResolution: true,
  compilerOptions: { allowJs: true, jsx: ts.JsxEmit.Preserve },
});

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.jsx': ts.ScriptKind.JSX,
};

interface PlannedSite {
  /** Offset of the opening in the text of the pass that found it. */
  offset: number;
  rule: string;
  reason?: string;
  /** The rewrite's edit, to tell whether it was applied in this pass. */
  edit?: TextEdit;
  /** A stream per item that the app's `mergeTopics` rule carries: no multiplexer involved. */
  merged?: boolean;
}

interface PassPlan {
  edits: TextEdit[];
  sites: PlannedSite[];
}

function findOpeningNode(sourceFile: SourceFile, [start, end]: readonly [number, number]): NewExpression | CallExpression | null {
  for (let node = sourceFile.getDescendantAtPos(start); node; node = node.getParent()) {
    if (node.getStart() !== start) return null;
    if (node.getEnd() === end && (Node.isNewExpression(node) || Node.isCallExpression(node))) return node;
  }
  return null;
}

/** The statement (or class member) that starts the line to put a `TODO` comment above. */
function todoAnchor(node: Node): Node {
  const text = node.getSourceFile().getFullText();
  let candidate: Node | undefined = node;
  for (; candidate; candidate = candidate.getParent()) {
    if (!Node.isStatement(candidate) && !Node.isPropertyDeclaration(candidate)) continue;
    const start = candidate.getStart(true);
    const lineStart = text.lastIndexOf('\n', start - 1) + 1;
    if (/^[ \t]*$/.test(text.slice(lineStart, start))) return candidate;
  }
  return node.getSourceFile().getStatements()[0] ?? node;
}

function hasTodoMarker(anchor: Node): boolean {
  const text = anchor.getSourceFile().getFullText();
  return anchor.getLeadingCommentRanges().some((range) => text.slice(range.getPos(), range.getEnd()).includes(TODO_MARKER));
}

function todoEdit(anchor: Node, reasons: readonly string[], eol: string): TextEdit {
  const text = anchor.getSourceFile().getFullText();
  const start = anchor.getStart(true);
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const indent = text.slice(lineStart, start);
  return { start: lineStart, end: lineStart, text: `${indent}// ${TODO_MARKER}: ${reasons.join('; ')}${eol}` };
}

/** A comment with the opt-out marker on the opening's line, the line above it, or the line above its statement. */
function isOptedOut(comments: readonly Comment[], siteLine: number, anchorLine: number): boolean {
  return comments.some(
    (comment) =>
      comment.value.includes(IGNORE_MARKER) &&
      ((comment.endLine >= siteLine - 1 && comment.startLine <= siteLine) || comment.endLine === anchorLine - 1),
  );
}

/** The first syntax error TypeScript finds, as `syntax error: message (line:column)`, or null. */
function syntaxError(sourceFile: SourceFile): string | null {
  const [first] = project.getProgram().getSyntacticDiagnostics(sourceFile);
  if (!first) return null;
  const { line, column } = lineAndColumn(sourceFile.getFullText(), first.getStart() ?? 0);
  return `syntax error: ${ts.flattenDiagnosticMessageText(first.compilerObject.messageText, ' ')} (${line}:${column})`;
}

/**
 * One pass over `text`: the file must parse, then the rules say what to rewrite. The openings
 * of URLs other files open too are positions in the text as read: the first pass takes them.
 */
function planPass(request: PlanRequest, text: string, first: boolean): PassPlan | { error: string } {
  const shared = first ? (request.sharedUrlOpenings ?? []) : [];
  if (isComponentFile(request.path)) return planComponentPass(request, text, shared);
  const extension = path.extname(request.path).toLowerCase();
  const sourceFile = project.createSourceFile(`/input${extension || '.js'}`, text, {
    overwrite: true,
    scriptKind: SCRIPT_KINDS[extension] ?? ts.ScriptKind.JS,
  });
  try {
    // typescript-estree recovers from some errors that TypeScript reports; a file either
    // parser rejects is never rewritten.
    const error = syntaxError(sourceFile);
    if (error) return { error };
    const detection = detectFlaggedSites(request.path, text, shared);
    if (!detection.ok) return { error: detection.error };
    return planSites(sourceFile, request, detection);
  } finally {
    project.removeSourceFile(sourceFile);
  }
}

function blockScriptKind(block: ScriptBlock): ts.ScriptKind {
  if (block.typeScript) return block.jsx ? ts.ScriptKind.TSX : ts.ScriptKind.TS;
  return block.jsx ? ts.ScriptKind.JSX : ts.ScriptKind.JS;
}

/**
 * One pass over a `.vue` or `.svelte` file: its parser finds the `<script>` blocks and the rules
 * the sites; each block is then planned as a file of its own (the rest of the component blanked,
 * so offsets stay the component's), and its helper import lands in that block.
 */
function planComponentPass(request: PlanRequest, text: string, shared: readonly SourcePosition[]): PassPlan | { error: string } {
  const detection = detectFlaggedSites(request.path, text, shared);
  if (!detection.ok) return { error: detection.error };
  const plan: PassPlan = { edits: [], sites: [] };
  const blocks = detection.blocks ?? [];
  for (const block of blocks) {
    const sites = detection.sites.filter((site) => block.start <= site.opening.node.range[0] && site.opening.node.range[1] <= block.end);
    if (sites.length === 0) continue;
    const sourceFile = project.createSourceFile(`/input${block.typeScript ? '.ts' : '.js'}`, blockAsScript(text, block), {
      overwrite: true,
      scriptKind: blockScriptKind(block),
    });
    try {
      const error = syntaxError(sourceFile);
      if (error) return { error };
      const shared = blocks.filter((other) => other !== block && block.seesImportsOf(other)).map((other) => existingHelperName(text, other, request));
      const blockPlan = planSites(sourceFile, request, { ...detection, sites }, shared.find((name) => name !== null) ?? undefined);
      plan.sites.push(...blockPlan.sites);
      plan.edits.push(...blockPlan.edits.map((edit) => indentedImport(insideBlock(edit, text, block), text, block)));
    } finally {
      project.removeSourceFile(sourceFile);
    }
  }
  return plan;
}

/** The name under which `block` imports the helper, or null. */
function existingHelperName(text: string, block: ScriptBlock, request: PlanRequest): string | null {
  const sourceFile = project.createSourceFile(`/other${block.typeScript ? '.ts' : '.js'}`, blockAsScript(text, block), { overwrite: true, scriptKind: blockScriptKind(block) });
  try {
    const binding = helperBinding(sourceFile, request.helperSpecifier);
    return binding.importEdit === null ? binding.localName : null;
  } finally {
    project.removeSourceFile(sourceFile);
  }
}

const NEW_IMPORT = /^(\r?\n)?(import \{)/;

/** A new import indented as the block's code is (Svelte scripts are often indented, Vue's rarely). */
function indentedImport(edit: TextEdit, text: string, block: ScriptBlock): TextEdit {
  const indent = /^(?:[ \t]*\r?\n)*([ \t]*)\S/.exec(text.slice(block.start, block.end))?.[1] ?? '';
  if (indent === '' || !NEW_IMPORT.test(edit.text)) return edit;
  const lineStart = text.lastIndexOf('\n', edit.start - 1) + 1;
  const atLineStart = /^[ \t]*$/.test(text.slice(lineStart, edit.start));
  // After the last import (`\nimport …`) or at the start of a line; an insertion at a line's
  // start that is already indented keeps that indentation.
  if (!edit.text.startsWith('\n') && !edit.text.startsWith('\r\n') && !(atLineStart && edit.start === lineStart)) return edit;
  return { ...edit, text: edit.text.replace(NEW_IMPORT, `$1${indent}$2`) };
}

/**
 * An edit of a block planned as a file of its own, moved into the block when it would land
 * before it: an import for a block without imports goes on the block's first line, not at the
 * top of the component (where the template or another block is).
 */
function insideBlock(edit: TextEdit, text: string, block: ScriptBlock): TextEdit {
  if (edit.start >= block.start) return edit;
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const position = block.start + (/^[ \t]*\r?\n/.exec(text.slice(block.start))?.[0].length ?? 0);
  const blankAfter = /^[ \t]*\r?\n/.test(text.slice(position)) ? '' : eol;
  return { start: position, end: position, text: `${edit.text.trimEnd()}${eol}${blankAfter}` };
}

/**
 * Whether a URL's origin is known to differ from the multiplexer's: an absolute URL on another
 * host, or one given in full while the endpoint is relative to the page (apps write their own
 * origin's streams as paths). A URL whose origin is only known at run time may be the page's.
 */
function onAnotherOrigin(urlOrigin: string, multiplexOrigin: string): boolean {
  return urlOrigin !== UNKNOWN_ORIGIN && urlOrigin !== SAME_ORIGIN && urlOrigin !== multiplexOrigin;
}

/**
 * `sharedBinding`: the name under which another `<script>` block of the component, whose imports
 * this block sees, already imports the helper; a second import would declare the name twice.
 */
function planSites(sourceFile: SourceFile, request: PlanRequest, detection: Extract<Detection, { ok: true }>, sharedBinding?: string): PassPlan {
  const text = sourceFile.getFullText();
  const eol = text.includes('\r\n') ? '\r\n' : '\n';
  const sites: PlannedSite[] = [];
  const located = detection.sites.flatMap((site: FlaggedSite) => {
    const node = findOpeningNode(sourceFile, site.opening.node.range);
    // The two parsers disagree on where it is: say so rather than drop it.
    if (!node) sites.push({ offset: site.opening.node.range[0], rule: site.rule, reason: UNLOCATED });
    return node ? [{ site, node }] : [];
  });
  const context = {
    moduleKind: detection.moduleKind,
    flaggedSpans: located.map(({ node }) => ({ start: node.getStart(), end: node.getEnd() })),
  };

  const rewrites: { node: Node; argumentsText: string; planned: PlannedSite }[] = [];
  const todos = new Map<Node, string[]>();
  for (const { site, node } of located) {
    const offset = node.getStart();
    const anchor = todoAnchor(node);
    if (isOptedOut(detection.comments, node.getStartLineNumber(), anchor.getStartLineNumber(true))) {
      sites.push({ offset, rule: site.rule, reason: SKIP_REASONS.optedOut });
      continue;
    }
    // A merge rule shares one connection for the server's topics in any mode, on any origin (`mergedTarget` in sse-hub).
    const merged = site.urlPerItem && mergeRuleFor(request.mergeTopics ?? [], site.urlKey) !== undefined;
    const conversion: ReturnType<typeof conversionFor> = !site.urlPerItem || merged
      ? conversionFor(site.opening, node, context)
      : !request.multiplex
        ? { kind: 'skip', reason: site.topicParameters ? SKIP_REASONS.topicPerItemWithoutMultiplexer : SKIP_REASONS.distinctUrlsWithoutMultiplexer }
        : onAnotherOrigin(site.urlOrigin, request.multiplexOrigin ?? SAME_ORIGIN)
          ? { kind: 'skip', reason: SKIP_REASONS.distinctUrlsOnAnotherOrigin(site.urlOrigin, request.multiplexOrigin ?? SAME_ORIGIN) }
          : conversionFor(site.opening, node, context);
    if (conversion.kind === 'skip') {
      sites.push({ offset, rule: site.rule, reason: conversion.reason });
      const reasons = todos.get(anchor) ?? [];
      if (!reasons.includes(conversion.reason)) reasons.push(conversion.reason);
      todos.set(anchor, reasons);
      continue;
    }
    const planned: PlannedSite = merged ? { offset, rule: site.rule, merged } : { offset, rule: site.rule };
    sites.push(planned);
    rewrites.push({ node, argumentsText: conversion.argumentsText, planned });
  }

  const edits: TextEdit[] = [];
  if (rewrites.length > 0) {
    const helper = sharedBinding
      ? { localName: sharedBinding, importEdit: null, declaration: '' }
      : helperBinding(sourceFile, request.helperSpecifier);
    for (const { node, argumentsText, planned } of rewrites) {
      planned.edit = { start: node.getStart(), end: node.getEnd(), text: `${helper.localName}${argumentsText}` };
      edits.push(planned.edit);
    }
    const removals = unusedConstructorBindings(sourceFile, rewrites);
    const insertion = helper.importEdit;
    // The new import goes after the last import; when that is the library import being
    // removed, the new one takes its place instead.
    const replaced = insertion && removals.find((removal) => removal.start < insertion.start && insertion.start < removal.end);
    if (replaced) {
      // Keep the blank line the deletion would have taken with it.
      const removed = text.slice(replaced.start, replaced.end);
      replaced.text = `${helper.declaration}${eol}${removed.slice(removed.indexOf('\n') + 1)}`;
    }
    else if (insertion) edits.push(insertion);
    edits.push(...removals);
  }
  for (const [anchor, reasons] of todos) {
    if (!hasTodoMarker(anchor)) edits.push(todoEdit(anchor, reasons, eol));
  }
  return { edits, sites };
}

/**
 * The span of whole lines that `statement` occupies, with one blank line after it when it
 * also has one before (or starts the file), so that deleting it leaves no double gap. Null
 * when other code shares its lines.
 */
function wholeLines(text: string, start: number, end: number): TextEdit | null {
  const lineStart = text.lastIndexOf('\n', start - 1) + 1;
  const lineEnd = text.indexOf('\n', end);
  if (!/^[ \t]*$/.test(text.slice(lineStart, start))) return null;
  if (!/^[ \t]*\r?$/.test(text.slice(end, lineEnd === -1 ? undefined : lineEnd))) return null;
  let removeTo = lineEnd === -1 ? text.length : lineEnd + 1;
  const blankBefore = lineStart === 0 || /\n[ \t]*\r?\n$/.test(text.slice(0, lineStart));
  const blankAfter = /^[ \t]*\r?\n/.exec(text.slice(removeTo));
  if (blankBefore && blankAfter) removeTo += blankAfter[0].length;
  return { start: lineStart, end: removeTo, text: '' };
}

/** `const ES = EventSource`, `const ES = window.EventSource`, `const { EventSource: ES } = window`. */
function isAliasDeclaration(declaration: ts.VariableDeclaration, name: string): boolean {
  const initializer = declaration.initializer;
  const pure = (node: ts.Expression | undefined): boolean =>
    node !== undefined &&
    (ts.isIdentifier(node) || (ts.isPropertyAccessExpression(node) && pure(node.expression)) || ts.isParenthesizedExpression(node) && pure(node.expression));
  if (!pure(initializer)) return false;
  if (ts.isIdentifier(declaration.name)) return declaration.name.text === name;
  const pattern = declaration.name;
  return (
    ts.isObjectBindingPattern(pattern) &&
    pattern.elements.length === 1 &&
    ts.isIdentifier(pattern.elements[0]!.name) &&
    pattern.elements[0]!.name.text === name &&
    pattern.elements[0]!.initializer === undefined
  );
}

/** The statement that binds `name` and does nothing else: a one-name import or a side-effect-free alias. */
function bindingStatement(sourceFile: SourceFile, name: string): ts.Statement | null {
  let found: ts.Statement | null = null;
  const visit = (node: ts.Node): void => {
    if (found) return;
    if (ts.isImportDeclaration(node)) {
      const clause = node.importClause;
      const bindings = [
        clause?.name,
        clause?.namedBindings && ts.isNamespaceImport(clause.namedBindings) ? clause.namedBindings.name : undefined,
        ...(clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements.map((element) => element.name) : []),
      ].filter((binding) => binding !== undefined);
      if (bindings.length === 1 && bindings[0]!.text === name) found = node;
      return;
    }
    if (ts.isVariableStatement(node)) {
      const declarations = node.declarationList.declarations;
      if (declarations.length === 1 && isAliasDeclaration(declarations[0]!, name)) found = node;
      return;
    }
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(sourceFile.compilerNode, visit);
  return found;
}

/**
 * Deletes what bound a rewritten constructor when nothing uses it any more: a library's
 * import, or an alias of the global (`const ES = window.EventSource`). Left dangling they
 * would fail `noUnusedLocals` and lint. A statement that binds other names too stays.
 */
function unusedConstructorBindings(sourceFile: SourceFile, rewrites: readonly { node: Node }[]): TextEdit[] {
  const names = new Set<string>();
  for (const { node } of rewrites) {
    const callee = Node.isNewExpression(node) ? node.getExpression() : null;
    if (callee && Node.isIdentifier(callee)) names.add(callee.getText());
  }
  const root = sourceFile.compilerNode;
  const rewrittenSpans = rewrites.map(({ node }) => ({ start: node.getStart(), end: node.getEnd() }));
  const edits: TextEdit[] = [];
  for (const name of names) {
    const statement = bindingStatement(sourceFile, name);
    if (!statement) continue;
    const ownSpan = { start: statement.getStart(root), end: statement.getEnd() };
    // Still used where no rewrite happens (a skipped opening, a type): keep it.
    if (otherUseOfName(sourceFile, name, [...rewrittenSpans, ownSpan]) !== null) continue;
    const edit = wholeLines(root.getFullText(), ownSpan.start, ownSpan.end);
    if (edit) edits.push(edit);
  }
  return edits;
}

function failed(error: string): FilePlan {
  return { status: 'failed', output: null, sites: [], error };
}

function plan(request: PlanRequest): FilePlan {
  const original = request.text;
  let text = original;
  // The edit batches applied so far, to report every site where it was in the file as read.
  const history: TextEdit[][] = [];
  const toOriginal = (offset: number) => history.reduceRight((position, edits) => offsetBefore(position, edits), offset);
  const siteResult = (site: PlannedSite, action: SiteResult['action']): SiteResult => {
    const result: SiteResult = { ...lineAndColumn(original, toOriginal(site.offset)), rule: site.rule, action };
    if (site.reason) result.reason = site.reason;
    if (site.merged && action === 'rewritten') result.via = 'mergeTopics';
    return result;
  };
  const rewritten: SiteResult[] = [];

  for (let pass = 0; pass < MAX_PASSES; pass += 1) {
    const passPlan = planPass(request, text, pass === 0);
    if ('error' in passPlan) {
      return failed(pass === 0 ? passPlan.error : `internal error: the rewrite would not parse (${passPlan.error})`);
    }
    const { edits, sites } = passPlan;
    const { kept, deferred } = nonOverlapping(edits);
    // A rewrite nested in another waits for the next pass; an import or comment edit never
    // collides by construction, and rewrites must not land without their import.
    if (deferred.some((edit) => !sites.some((site) => site.edit === edit))) {
      return failed('internal error: two edits of one pass overlap');
    }
    for (const site of sites) {
      if (site.edit && kept.includes(site.edit)) rewritten.push(siteResult(site, 'rewritten'));
    }
    if (kept.length === 0) {
      const skipped = sites.filter((site) => site.reason).map((site) => siteResult(site, 'skipped'));
      const all = [...rewritten, ...skipped].sort((a, b) => a.line - b.line || a.column - b.column);
      return text === original
        ? { status: 'unchanged', output: null, sites: all }
        : { status: 'changed', output: text, sites: all };
    }
    text = applyEdits(text, kept);
    history.push(kept);
  }
  return failed(`internal error: the rewrite did not settle after ${MAX_PASSES} passes`);
}

/** Plans one file; see the module comment. */
export function planFile(request: PlanRequest): FilePlan {
  try {
    return plan(request);
  } catch (error) {
    return failed(`internal error: ${error instanceof Error ? error.message : String(error)}`);
  }
}
