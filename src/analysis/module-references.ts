/**
 * Whether a file imports or requires one of a set of modules, answered from the syntax tree
 * and scope analysis that ESLint has already built, without scanning the text.
 *
 * It sees what `ReferenceTracker` follows: `import … from 'm'`, `export … from 'm'`, and a
 * `require('m')` through the global `require` (implicit, declared as a global, or declared
 * ambiently with `declare const require`). A module reached only through `import('m')` or
 * `import x = require('m')` is followed by neither.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

function staticModuleName(node: TSESTree.Node | undefined): string | null {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]!.value.cooked ?? null;
  return null;
}

function importsInBody(program: TSESTree.Program, modules: ReadonlySet<string>): boolean {
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ImportDeclaration':
      case 'ExportAllDeclaration':
        if (modules.has(statement.source.value)) return true;
        break;
      case 'ExportNamedDeclaration':
        if (statement.source && modules.has(statement.source.value)) return true;
        break;
      default:
        break;
    }
  }
  return false;
}

function requiresAnyThrough(references: readonly TSESLint.Scope.Reference[], modules: ReadonlySet<string>): boolean {
  for (const { identifier } of references) {
    if (identifier.name !== 'require') continue;
    const call = identifier.parent;
    if (call?.type !== 'CallExpression' || call.callee !== identifier) continue;
    const name = staticModuleName(call.arguments[0]);
    if (name !== null && modules.has(name)) return true;
  }
  return false;
}

/** `require` references: unresolved, of a global the config declares, or of an ambient declaration. */
function requiresAny(globalScope: TSESLint.Scope.Scope, modules: ReadonlySet<string>): boolean {
  if (requiresAnyThrough(globalScope.through, modules)) return true;
  const declared = globalScope.set.get('require');
  // A global declared in the file itself (`function require() {}` in a script) is not Node's.
  if (declared && declared.defs.length === 0 && requiresAnyThrough(declared.references, modules)) return true;
  const moduleScope = globalScope.childScopes.length > 0 ? globalScope.childScopes[0] : undefined;
  const ambient = moduleScope?.type === 'module' ? moduleScope.set.get('require') : undefined;
  return ambient !== undefined && requiresAnyThrough(ambient.references, modules);
}

/** Whether the file imports, re-exports or requires one of `modules`. */
export function referencesAnyModule(sourceCode: Readonly<TSESLint.SourceCode>, modules: ReadonlySet<string>): boolean {
  if (importsInBody(sourceCode.ast, modules)) return true;
  // A `require` call spells its name, unless escaped (`\u0072equire`); a text without either
  // saves the walk over every unresolved reference of the file.
  const { text } = sourceCode;
  if (!text.includes('require') && !text.includes('\\u')) return false;
  const globalScope = sourceCode.scopeManager?.globalScope;
  return globalScope ? requiresAny(globalScope, modules) : false;
}
