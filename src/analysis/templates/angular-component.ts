/**
 * What the TypeScript side of an Angular component says about its template, read from the
 * syntax of its `@Component({ … })` decorator: the selector it is rendered by, its template
 * (`templateUrl`, or an inline `template`), and the standalone `imports: [...]` that make
 * other components available to that template.
 */
import path from 'node:path';
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';

export interface AngularComponent {
  node: TSESTree.ClassDeclaration;
  name: string | null;
  /** `'app-job-row'`, `'tr[app-job-row], app-job-row'`; null without one (a routed page). */
  selector: string | null;
  templateUrl: string | null;
  /** Whether `template:` is a string or template literal: the inline templates angular-eslint's processor hands over. */
  hasInlineTemplate: boolean;
  /** The names listed in `imports: [...]`, in order. */
  imports: string[];
  /** The classes listed in `providers: [...]` (not `{ provide, useClass }` objects): one instance per component. */
  providers: string[];
}

/** A string literal, or a template literal without expressions. */
function staticString(node: TSESTree.Node | undefined): string | null {
  if (node?.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node?.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0]?.value.cooked ?? null;
  return null;
}

function isTemplateText(node: TSESTree.Node | undefined): boolean {
  return (node?.type === 'Literal' && typeof node.value === 'string') || node?.type === 'TemplateLiteral';
}

/** The object handed to `@Component(…)` (or the decorator `name`), when the class has that decorator. */
function componentMetadata(node: TSESTree.ClassDeclaration, name = 'Component'): TSESTree.ObjectExpression | null {
  for (const decorator of node.decorators ?? []) {
    const call = decorator.expression;
    if (call.type !== 'CallExpression' || call.callee.type !== 'Identifier' || call.callee.name !== name) continue;
    const metadata = call.arguments[0];
    return metadata?.type === 'ObjectExpression' ? metadata : null;
  }
  return null;
}

function property(metadata: TSESTree.ObjectExpression, name: string): TSESTree.Node | undefined {
  for (const entry of metadata.properties) {
    if (entry.type === 'Property' && !entry.computed && entry.key.type === 'Identifier' && entry.key.name === name) return entry.value;
  }
  return undefined;
}

function asComponent(node: TSESTree.ClassDeclaration): AngularComponent | null {
  const metadata = componentMetadata(node);
  if (!metadata) return null;
  return {
    node,
    name: node.id?.name ?? null,
    selector: staticString(property(metadata, 'selector')),
    templateUrl: staticString(property(metadata, 'templateUrl')),
    hasInlineTemplate: isTemplateText(property(metadata, 'template')),
    imports: listedNames(property(metadata, 'imports')),
    providers: listedNames(property(metadata, 'providers')),
  };
}

/** The identifiers of an array literal: `[NgFor, JobRowComponent]`. */
function listedNames(list: TSESTree.Node | undefined): string[] {
  return list?.type === 'ArrayExpression' ? list.elements.flatMap((element) => (element?.type === 'Identifier' ? [element.name] : [])) : [];
}

/** The `@Component` classes a file declares at its top level, exported or not, in source order. */
export function angularComponents(program: TSESTree.Program): AngularComponent[] {
  const components: AngularComponent[] = [];
  for (const statement of program.body) {
    const declaration =
      statement.type === 'ExportNamedDeclaration' || statement.type === 'ExportDefaultDeclaration' ? statement.declaration : statement;
    const component = declaration?.type === 'ClassDeclaration' ? asComponent(declaration) : null;
    if (component) components.push(component);
  }
  return components;
}

/** The `declarations: [...]` of each `@NgModule` class a file declares at its top level. */
export function ngModuleDeclarations(program: TSESTree.Program): string[][] {
  const modules: string[][] = [];
  for (const statement of program.body) {
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    const metadata = declaration?.type === 'ClassDeclaration' ? componentMetadata(declaration, 'NgModule') : null;
    if (metadata) modules.push(listedNames(property(metadata, 'declarations')));
  }
  return modules;
}

/** The component exported as `exported` (`default` for the default export). */
export function exportedComponent(program: TSESTree.Program, exported: string): AngularComponent | null {
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration' && exported === 'default' && statement.declaration.type === 'ClassDeclaration') {
      return asComponent(statement.declaration);
    }
    if (statement.type !== 'ExportNamedDeclaration' || statement.declaration?.type !== 'ClassDeclaration') continue;
    if (statement.declaration.id?.name === exported) return asComponent(statement.declaration);
  }
  return null;
}

/** The class a file declares at its top level as `name`, or exports as `exported` (`default` for the default export). */
export function declaredClass(program: TSESTree.Program, name: string): TSESTree.ClassDeclaration | null {
  for (const statement of program.body) {
    if (statement.type === 'ExportDefaultDeclaration') {
      if (name === 'default' && statement.declaration.type === 'ClassDeclaration') return statement.declaration;
      continue;
    }
    const declaration = statement.type === 'ExportNamedDeclaration' ? statement.declaration : statement;
    if (declaration?.type === 'ClassDeclaration' && declaration.id?.name === name) return declaration;
  }
  return null;
}

/** Where a name in `imports: [...]` comes from: a module specifier and the name it exports there, or this file. */
export interface ImportedName {
  /** The specifier (`./job-row.component`), or null for a class declared in the same file. */
  module: string | null;
  exported: string;
}

/** Where each name that the file imports comes from, by local name. */
export function importSources(sourceCode: Readonly<TSESLint.SourceCode>): Map<string, ImportedName> {
  const byLocal = new Map<string, ImportedName>();
  for (const statement of sourceCode.ast.body) {
    if (statement.type !== 'ImportDeclaration') continue;
    for (const specifier of statement.specifiers) {
      const exported =
        specifier.type === 'ImportSpecifier'
          ? specifier.imported.type === 'Identifier'
            ? specifier.imported.name
            : String(specifier.imported.value)
          : specifier.type === 'ImportDefaultSpecifier'
            ? 'default'
            : null;
      if (exported) byLocal.set(specifier.local.name, { module: statement.source.value, exported });
    }
  }
  return byLocal;
}

/** The names of `component.imports` with where each comes from; names from nowhere visible (a spread, a global) are left out. */
export function importedNames(sourceCode: Readonly<TSESLint.SourceCode>, component: AngularComponent): ImportedName[] {
  const byLocal = importSources(sourceCode);
  const local = new Set(angularComponents(sourceCode.ast).map((declared) => declared.name));
  return component.imports.flatMap((name) => {
    const imported = byLocal.get(name);
    if (imported) return [imported];
    return local.has(name) ? [{ module: null, exported: name }] : [];
  });
}

/** Whether `templateUrl`, relative to the component's file, names `templateFile`. */
export function templateUrlNames(componentFile: string, templateUrl: string, templateFile: string): boolean {
  return path.resolve(path.dirname(componentFile), templateUrl) === path.resolve(templateFile);
}

/** An element of a template as selectors see it: its tag and the names of its attributes, inputs and outputs. */
export interface SelectorTarget {
  name: string;
  attributes: readonly string[];
}

/**
 * The part of `selector` that `element` matches (`app-job-row`, `tr[app-job-row]`), or null.
 * Element and attribute selectors are what components use; attribute values, classes and
 * `:not()` are not told apart, and a part that has them matches nothing (precision first).
 */
export function matchingSelector(selector: string, element: SelectorTarget): string | null {
  for (const part of selector.split(',')) {
    const match = /^([a-zA-Z][\w-]*)?((?:\[[\w-]+\])*)$/.exec(part.trim());
    if (!match || (!match[1] && !match[2])) continue;
    const tag = match[1];
    const attributes = [...(match[2] ?? '').matchAll(/\[([\w-]+)\]/g)].map((attribute) => attribute[1]!);
    if (tag && tag.toLowerCase() !== element.name.toLowerCase()) continue;
    if (attributes.every((attribute) => element.attributes.includes(attribute))) return part.trim();
  }
  return null;
}
