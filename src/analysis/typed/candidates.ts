/**
 * The cheap, syntactic half of type-aware mode: which places in the linted file are worth
 * asking the checker about. A name is worth it when scope analysis binds it to something that
 * can have a declaration in the project: an import, or a function, class or variable of this
 * file (which may reach an import). Globals (`fetch`, `setTimeout`), parameters and catch
 * bindings are not; nor is a member of anything but an import, a module-level object or `this`.
 * Where a place is rare (a rendered element, a name handed to an iteration), the rules first
 * check that it repeats (a loop, an iteration callback) and only then call these. Calls are
 * everywhere, and for them this scope lookup is the cheaper test: over every call of the
 * type-aware benchmark's project it took 5–6 ms, the walk up to a loop 13–16 ms (two profiles,
 * `node --cpu-prof --cpu-prof-interval 100 scripts/bench/type-aware-cost.js --child <project> type-aware`, 2026-12-07).
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { DefinitionType, findVariable } from '../eslint-utils.js';
import { isComponentName, isElementFactoryCall } from '../components.js';
import type { TypeInformation } from './type-information.js';

function variableOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, name: string): TSESLint.Scope.Variable | null {
  return findVariable(sourceCode.getScope(node), name);
}

/** Whether a variable can stand for a function, class or object declared in the project. */
function isDeclaredBinding(variable: TSESLint.Scope.Variable | null): boolean {
  const definition = variable?.defs[0];
  if (!definition) return false;
  switch (definition.type) {
    case DefinitionType.ImportBinding: {
      const declaration = definition.parent;
      const specifier = definition.node;
      const typeOnly =
        (declaration?.type === 'ImportDeclaration' && declaration.importKind === 'type') ||
        (specifier.type === 'ImportSpecifier' && specifier.importKind === 'type');
      return !typeOnly;
    }
    case DefinitionType.FunctionName:
    case DefinitionType.ClassName:
    case DefinitionType.Variable:
      return true;
    default:
      return false;
  }
}

/** Whether the object of a member access is an import, a module-level variable or class, or `this`. */
function isResolvableObject(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): boolean {
  if (node.type === 'ThisExpression' || (node.type === 'JSXIdentifier' && node.name === 'this')) return true;
  if (node.type === 'MemberExpression') return isResolvableObject(sourceCode, node.object);
  if (node.type === 'JSXMemberExpression') return isResolvableObject(sourceCode, node.object);
  if (node.type !== 'Identifier' && node.type !== 'JSXIdentifier') return false;
  const variable = variableOf(sourceCode, node, node.name);
  if (!variable || !isDeclaredBinding(variable)) return false;
  const definition = variable.defs[0]!;
  return definition.type === DefinitionType.ImportBinding || variable.scope.type === 'module' || variable.scope.type === 'global';
}

/** Whether a callee or `new` target names something the checker may find a project declaration for. */
export function isResolvableCallee(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): boolean {
  if (callee.type === 'Identifier') return isDeclaredBinding(variableOf(sourceCode, callee, callee.name));
  if (callee.type === 'MemberExpression') {
    const named =
      (!callee.computed && callee.property.type === 'Identifier') ||
      (callee.computed && callee.property.type === 'Literal' && typeof callee.property.value === 'string');
    return named && isResolvableObject(sourceCode, callee.object);
  }
  return false;
}

/**
 * Whether a callee is a member of a class declared in this file (`Feed.open`): a static method,
 * which the syntactic analysis does not follow, so that only the checker finds what it opens.
 */
export function isMemberOfOwnClass(sourceCode: Readonly<TSESLint.SourceCode>, callee: TSESTree.Node): boolean {
  if (callee.type !== 'MemberExpression' || callee.object.type !== 'Identifier') return false;
  const definition = variableOf(sourceCode, callee.object, callee.object.name)?.defs[0];
  return definition?.type === DefinitionType.ClassName && isResolvableCallee(sourceCode, callee);
}

/** The expression that names the component at a render site: `Row` in `<Row />`, `createElement(Row)`; null for `<div>`. */
export function renderedComponentName(site: TSESTree.JSXOpeningElement | TSESTree.CallExpression): TSESTree.Node | null {
  if (site.type === 'JSXOpeningElement') {
    const name = site.name;
    if (name.type === 'JSXIdentifier') return isComponentName(name.name) ? name : null;
    return name.type === 'JSXMemberExpression' ? name : null;
  }
  if (!isElementFactoryCall(site)) return null;
  const first = site.arguments[0];
  return first && (first.type === 'Identifier' || first.type === 'MemberExpression') ? first : null;
}

/** Whether the component at a render site names something the checker may find a project declaration for. */
export function isResolvableComponent(sourceCode: Readonly<TSESLint.SourceCode>, name: TSESTree.Node): boolean {
  if (name.type === 'JSXIdentifier') return isDeclaredBinding(variableOf(sourceCode, name, name.name));
  if (name.type === 'JSXMemberExpression') return isResolvableObject(sourceCode, name.object);
  return isResolvableCallee(sourceCode, name);
}

/**
 * Whether the file imports any value (or calls `require`). `mayReachOtherFiles` says what a file
 * without one can still reach.
 */
export function importsAnyValue(sourceCode: Readonly<TSESLint.SourceCode>): boolean {
  const imports = sourceCode.ast.body.some(
    (statement) =>
      statement.type === 'ImportDeclaration' && statement.importKind !== 'type' && statement.specifiers.length > 0,
  );
  return imports || sourceCode.text.includes('require');
}

/**
 * Whether code of this file may lead to code of another file, which only type-aware mode follows:
 * the file imports a value (or calls `require`), or it is a script (no import or export, as
 * TypeScript decides), whose functions may call the globals that other scripts declare. What the
 * rules skip with this: their type-aware listeners, and every question to the checker, in a module
 * that imports nothing (issue 16), the commonest file without a candidate. (Such a module may still
 * call another script's global through a function of its own; that is not followed.)
 */
export function mayReachOtherFiles(sourceCode: Readonly<TSESLint.SourceCode>, information: TypeInformation): boolean {
  if (importsAnyValue(sourceCode)) return true;
  const file = information.tsNodeOf(sourceCode.ast);
  return file !== undefined && information.ts.isSourceFile(file) && !information.ts.isExternalModule(file);
}

/** How a reported name reads in a message: its source text when short, else `fallback`. */
export function shortText(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node, fallback: string): string {
  const text = sourceCode.getText(node);
  return text.length <= 40 && !/\s/.test(text) ? text : fallback;
}
