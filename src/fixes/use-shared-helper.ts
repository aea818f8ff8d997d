/**
 * The suggestion that moves `new EventSource(url, init)` onto a shared helper with the same
 * signature, e.g. `sharedEventSource(url, init)`, importing it once. Offered as a suggestion,
 * never an autofix: a shared stream behaves differently (it outlives one consumer's close()).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type StreamOpening, isNativeEventSource } from '../analysis/stream-sources.js';
import type { SharedHelper } from '../rule-options.js';

/** The local name under which the file already imports the helper, if it does. */
function existingImport(program: TSESTree.Program, helper: SharedHelper): string | null {
  for (const statement of program.body) {
    if (statement.type !== 'ImportDeclaration' || statement.source.value !== helper.module) continue;
    if (statement.importKind === 'type') continue;
    for (const specifier of statement.specifiers) {
      if (helper.export === 'default' && specifier.type === 'ImportDefaultSpecifier') return specifier.local.name;
      if (specifier.type === 'ImportSpecifier' && specifier.importKind !== 'type') {
        const imported = specifier.imported.type === 'Identifier' ? specifier.imported.name : specifier.imported.value;
        if (imported === helper.export) return specifier.local.name;
      }
    }
  }
  return null;
}

function localNameFor(helper: SharedHelper): string {
  if (helper.export !== 'default') return helper.export;
  // `@acme/live-stream` → `liveStream`: a readable name for a default import.
  const base = helper.module.split('/').pop()!.replace(/\.[cm]?[jt]sx?$/, '');
  const camel = base.replace(/[^A-Za-z0-9]+(.)?/g, (_, next: string | undefined) => (next ? next.toUpperCase() : ''));
  return /^[A-Za-z_$]/.test(camel) ? camel : `shared${camel}`;
}

function isNameFree(scope: TSESLint.Scope.Scope, name: string): boolean {
  let outermost = scope;
  for (let current: TSESLint.Scope.Scope | null = scope; current; current = current.upper) {
    if (current.set.has(name)) return false;
    outermost = current;
  }
  // A name read but declared nowhere, anywhere in the file, would be shadowed by the import
  // too: the import binds it for the whole module, not only where the stream opens.
  return !outermost.through.some((reference) => reference.identifier.name === name);
}

/**
 * Builds the suggestion's fixer, or returns null where it cannot be made safely: a stream
 * that is not the native constructor, a script (no `import`), or a helper name already taken.
 */
export function sharedHelperFix(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  helper: SharedHelper,
): { helperName: string; fix: TSESLint.ReportFixFunction } | null {
  const node = opening.node;
  // A subclass (`new Feed(url)`) adds what the shared stream lacks: no suggestion.
  if (!isNativeEventSource(opening) || opening.source.subclass !== undefined || node.type !== 'NewExpression') return null;
  const program = sourceCode.ast;
  if (program.sourceType !== 'module') return null;

  const existing = existingImport(program, helper);
  const helperName = existing ?? localNameFor(helper);
  if (!existing && !isNameFree(sourceCode.getScope(node), helperName)) return null;

  const calleeEnd = (node.typeArguments ?? node.callee).range[1];
  const hasArgumentList = sourceCode.getTokenAfter(node.callee, { filter: (token) => token.value === '(' })?.range[0] ?? -1;
  const argumentsText =
    hasArgumentList >= calleeEnd && hasArgumentList < node.range[1]
      ? sourceCode.text.slice(hasArgumentList, node.range[1])
      : '()';

  return {
    helperName,
    fix(fixer) {
      const fixes = [fixer.replaceTextRange([node.range[0], node.range[1]], `${helperName}${argumentsText}`)];
      if (!existing) {
        const specifier = helper.export === 'default' ? helperName : `{ ${helperName} }`;
        const imports = program.body.filter((statement) => statement.type === 'ImportDeclaration');
        // Follow the file's own quote style, taken from its first import.
        const quote = imports[0]?.source.raw.startsWith('"') ? '"' : "'";
        const declaration = `import ${specifier} from ${quote}${helper.module.replaceAll(quote, `\\${quote}`)}${quote};`;
        const lastImport = imports.at(-1);
        if (lastImport) {
          fixes.push(fixer.insertTextAfter(lastImport, `\n${declaration}`));
        } else {
          // After directives such as 'use client', which must stay first.
          const directives = program.body.filter(
            (statement) => statement.type === 'ExpressionStatement' && statement.directive !== undefined,
          );
          const lastDirective = directives.at(-1);
          fixes.push(
            lastDirective
              ? fixer.insertTextAfter(lastDirective, `\n${declaration}`)
              : fixer.insertTextBeforeRange([0, 0], `${declaration}\n`),
          );
        }
      }
      return fixes;
    },
  };
}

/**
 * The data and fix of the `useSharedHelper` suggestion for a report about `opening`: one
 * entry when the `sharedHelper` option is set and the fix can be made, else none. Both
 * repeated-stream rules offer it with the same message (the rule names the message id).
 */
export function sharedHelperSuggestions(
  sourceCode: Readonly<TSESLint.SourceCode>,
  opening: StreamOpening,
  helper: SharedHelper | undefined,
): { data: Record<string, string>; fix: TSESLint.ReportFixFunction }[] {
  const fix = helper ? sharedHelperFix(sourceCode, opening, helper) : null;
  if (!helper || !fix) return [];
  return [{ data: { helper: fix.helperName, module: `\`${helper.module}\`` }, fix: fix.fix }];
}
