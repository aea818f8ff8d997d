/**
 * How many streams one opening can hold open at once, and why: the report's reading of the
 * shared analysis. Per item when the plugin's rules flag it as repeated per element (or it
 * sits in a loop); per key when it is stored under a key; once when it is kept at module
 * level, opened in a context provider or at module load; per instance when a component or
 * hook opens it, directly or through the file's own functions; otherwise per call of the
 * function that opens it.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type ComponentOrHook, bindingOf, enclosingComponentOrHook, isProvider, renderSites } from 'eslint-plugin-sse/detection';
import { type FunctionNode, functionName } from 'eslint-plugin-sse/detection';
import { type RepetitionOptions, findRepetition } from 'eslint-plugin-sse/detection';
import { type ClassNode, type StreamOpeners, owningFunction } from 'eslint-plugin-sse/detection';
import type { StreamOpening } from 'eslint-plugin-sse/detection';
import { streamStorage } from 'eslint-plugin-sse/detection';
import type { TemplateUse } from './template-uses.js';
import type { Multiplicity } from './types.js';

/** One report of the plugin's rules about an opening. */
export interface OpeningFlag {
  rule: string;
  messageId: string;
  /** Where the report is (the call, the element), which may be far from the opening. */
  line: number;
}

export interface FileAnalysis {
  sourceCode: Readonly<TSESLint.SourceCode>;
  openers: StreamOpeners;
  repetitionOptions: RepetitionOptions;
}

export interface Classification {
  kind: Multiplicity;
  reason: string;
  /**
   * For `per-instance`: the places that render the component or call the hook outside any loop,
   * in its file and (with `perItemPlaces`) in the files that import it; at least 1 in all.
   */
  places: number;
  /** For `per-instance`: the places in other files that render or call it per item; each counts `items`. */
  perItemPlaces?: number;
  /**
   * For `per-instance`: the component or hook, when the file exports it, so that the report can
   * count where other files render or call it (`cross-file-uses.ts`).
   */
  exported?: ExportedUnit;
}

/** A component or hook that its file exports, and the places the file itself uses it. */
export interface ExportedUnit {
  kind: 'component' | 'hook';
  /** The exported name, `default` for a default export. */
  exportedAs: string;
  /** How the report names it: "component `Row`". */
  label: string;
  localPlaces: number;
}

const IN_LOOP_RULE = 'sse/no-eventsource-in-loop';

function once(reason: string): Classification {
  return { kind: 'once', reason, places: 1 };
}

function isClassNode(node: TSESTree.Node): node is ClassNode {
  return node.type === 'ClassDeclaration' || node.type === 'ClassExpression';
}

function unitLabel(unit: ComponentOrHook): string {
  return unit.kind === 'hook' ? `hook \`${unit.name}\`` : `component \`${unit.name ?? 'default'}\``;
}

/** Why a flagged opening counts per item, from the report that flags it. */
function perItemReason(flag: OpeningFlag, opening: StreamOpening): string {
  switch (flag.messageId) {
    case 'openerCallInLoop':
      return `called per item (line ${flag.line})`;
    case 'constructionInLoop':
      return `constructed per item (line ${flag.line})`;
    case 'renderedPerItem': {
      // The opening may sit in a hook or helper of the component that is rendered.
      const unit = enclosingComponentOrHook(opening.node);
      const component = unit && unit.kind !== 'hook' && unit.name ? `\`<${unit.name}>\`` : 'its component';
      return `${component} rendered per item (line ${flag.line})`;
    }
    default:
      return `opened per item (line ${flag.line})`;
  }
}

/** The flag that makes an opening per item: any report of the loop rule, or a component rendered per item. */
function perItemFlag(flags: readonly OpeningFlag[]): OpeningFlag | undefined {
  return flags.find((flag) => flag.rule === IN_LOOP_RULE) ?? flags.find((flag) => flag.messageId === 'renderedPerItem');
}

/** Module-level names: `es`, `window.stream`, `cache.set(…)`. */
function sharedHolder(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): string | null {
  if (node.type === 'VariableDeclarator') return sourceCode.getText(node.id);
  if (node.type === 'AssignmentExpression') return sourceCode.getText(node.left);
  if (node.type === 'CallExpression' && node.callee.type === 'MemberExpression') return `${sourceCode.getText(node.callee.object)}.set(…)`;
  return null;
}

/** The places in the file that render the component or call the hook; null when it has no binding to follow. */
function placesOf(sourceCode: Readonly<TSESLint.SourceCode>, unit: ComponentOrHook): number | null {
  const binding = bindingOf(sourceCode, unit);
  if (!binding) return null;
  if (unit.kind !== 'hook') return renderSites(sourceCode, binding).length;
  return binding.references.filter((reference) => {
    const parent = reference.identifier.parent;
    return reference.isRead() && parent?.type === 'CallExpression' && parent.callee === reference.identifier;
  }).length;
}

function perInstance(sourceCode: Readonly<TSESLint.SourceCode>, unit: ComponentOrHook, through: string | null): Classification {
  const label = `${unitLabel(unit)}${through ? ` (through ${through})` : ''}`;
  const places = placesOf(sourceCode, unit) ?? 0;
  const verb = unit.kind === 'hook' ? 'called' : 'rendered';
  const exportedAs = exportedNameOf(sourceCode, unit);
  const exported: ExportedUnit | undefined =
    exportedAs === null ? undefined : { kind: unit.kind === 'hook' ? 'hook' : 'component', exportedAs, label, localPlaces: places };
  const classification: Classification =
    places === 0
      ? { kind: 'per-instance', reason: `${label}, not ${verb} in this file: counted once`, places: 1 }
      : { kind: 'per-instance', reason: `${label}, ${verb} in ${places} ${places === 1 ? 'place' : 'places'}`, places };
  if (exported) classification.exported = exported;
  return classification;
}

/**
 * The name other files import the unit by: `export function Row`, `export const useFeed =`,
 * `export default function`, `export { Row }`, `export default Row`; null when it is not exported.
 */
function exportedNameOf(sourceCode: Readonly<TSESLint.SourceCode>, unit: ComponentOrHook): string | null {
  // The statement that declares it: its function or class, or the `const` it is assigned to,
  // through wrappers such as `memo(function Row() {})`.
  let node: TSESTree.Node = unit.node;
  while (node.parent?.type === 'CallExpression') node = node.parent;
  const declaration = node.parent?.type === 'VariableDeclarator' ? node.parent.parent : node;
  const exporter = declaration?.parent;
  if (exporter?.type === 'ExportDefaultDeclaration') return 'default';
  if (exporter?.type === 'ExportNamedDeclaration' && unit.name) return unit.name;
  const binding = bindingOf(sourceCode, unit);
  for (const reference of binding?.references ?? []) {
    const parent = reference.identifier.parent;
    if (parent?.type === 'ExportSpecifier' && parent.local === reference.identifier) {
      return parent.exported.type === 'Identifier' ? parent.exported.name : String(parent.exported.value);
    }
    if (parent?.type === 'ExportDefaultDeclaration') return 'default';
  }
  return null;
}

/** The class whose instantiation runs `fn`, when `fn` is its constructor. */
function constructedClass(fn: FunctionNode): ClassNode | null {
  const method = fn.parent;
  if (method?.type !== 'MethodDefinition' || method.kind !== 'constructor') return null;
  const classNode = method.parent.parent;
  return isClassNode(classNode) ? classNode : null;
}

/** The class field (or static block) whose code holds `node`; asked only when no function owns it. */
function enclosingClassMember(node: TSESTree.Node): TSESTree.PropertyDefinition | TSESTree.AccessorProperty | TSESTree.StaticBlock | null {
  for (let current = node.parent; current; current = current.parent) {
    if (current.type === 'PropertyDefinition' || current.type === 'AccessorProperty' || current.type === 'StaticBlock') return current;
  }
  return null;
}

/**
 * The component or hook that reaches the opening through the file's own functions, found by
 * following the call sites (and `new`s of a class) that the shared opener analysis records.
 */
function reachingUnit(analysis: FileAnalysis, start: FunctionNode | ClassNode): ComponentOrHook | null {
  const pending: (FunctionNode | ClassNode)[] = [start];
  const seen = new Set<TSESTree.Node>();
  while (pending.length > 0) {
    const unit = pending.shift()!;
    if (seen.has(unit)) continue;
    seen.add(unit);
    const classNode = builtClass(unit);
    const sites: TSESTree.Node[] = [
      ...analysis.openers.callSites.filter((site) => site.target.fn === unit).map((site) => site.node),
      ...analysis.openers.constructionSites.filter((site) => site.target.classNode === classNode).map((site) => site.node),
    ];
    for (const site of sites) {
      const owner = enclosingComponentOrHook(site);
      if (owner) return owner;
      const caller = owningFunction(site);
      if (caller) pending.push(caller);
    }
  }
  return null;
}

/** The class that `start` builds: the class itself, or the class of a constructor. */
function builtClass(start: FunctionNode | ClassNode): ClassNode | null {
  return isClassNode(start) ? start : constructedClass(start);
}

/** How the code names running `start`: "`connect()`", "`new Feed()`"; null when it has no name. */
function invocationName(start: FunctionNode | ClassNode): string | null {
  if (isClassNode(start)) return start.id ? `\`new ${start.id.name}()\`` : null;
  const classNode = constructedClass(start);
  if (classNode) return classNode.id ? `\`new ${classNode.id.name}()\`` : null;
  const name = functionName(start);
  return name ? `\`${name}()\`` : null;
}

function perCall(start: FunctionNode | ClassNode): Classification {
  const name = invocationName(start);
  const isClass = builtClass(start) !== null;
  const unnamed = `${isClass ? 'instance of the class' : 'call of the function'} at line ${start.loc.start.line}`;
  return { kind: 'per-call', reason: `each ${name === null ? unnamed : `${isClass ? '' : 'call of '}${name}`}`, places: 1 };
}

/** Once for a context provider (mounted once near the root), else per instance. */
function ofUnit(sourceCode: Readonly<TSESLint.SourceCode>, unit: ComponentOrHook, through: string | null): Classification {
  if (unit.kind !== 'hook' && isProvider(unit)) return once(`provider \`${unit.name ?? 'default'}\`, mounted once`);
  return perInstance(sourceCode, unit, through);
}

/**
 * A Vue or Svelte component whose every instance opens the stream (at mount): per instance,
 * counted where templates render it (`ownUses`: its own template, for a tree that renders
 * itself), or per item when its own template renders it under a `v-for`.
 */
export function classifyComponentInstance(name: string, ownUses: readonly TemplateUse[]): Classification {
  const label = `component \`${name}\``;
  const repeated = ownUses.find((use) => use.perItem);
  if (repeated) return { kind: 'per-item', reason: `\`<${name}>\` renders itself per item (line ${repeated.line})`, places: 1 };
  const places = ownUses.length;
  const exported: ExportedUnit = { kind: 'component', exportedAs: 'default', label, localPlaces: places };
  return places === 0
    ? { kind: 'per-instance', reason: `${label}, not rendered in this file: counted once`, places: 1, exported }
    : { kind: 'per-instance', reason: `${label}, rendered in ${places} ${places === 1 ? 'place' : 'places'}`, places, exported };
}

export function classifyOpening(analysis: FileAnalysis, opening: StreamOpening, flags: readonly OpeningFlag[]): Classification {
  const { sourceCode, repetitionOptions } = analysis;
  const repetition = findRepetition(opening.node, repetitionOptions);
  if (repetition) return { kind: 'per-item', reason: `opened in ${repetition.description}`, places: 1 };
  const flag = perItemFlag(flags);
  if (flag) return { kind: 'per-item', reason: perItemReason(flag, opening), places: 1 };

  const storage = streamStorage(sourceCode, opening.node, repetitionOptions);
  if (storage.kind === 'per-key') return { kind: 'per-key', reason: `stored per key: \`${storage.description}\``, places: 1 };

  const owner = owningFunction(opening.node);
  const member = owner ? null : enclosingClassMember(opening.node);
  if (!owner && (!member || member.type === 'StaticBlock' || member.static)) return once('module level');
  if (storage.kind === 'shared') {
    const holder = sharedHolder(sourceCode, storage.node);
    return once(holder ? `kept in \`${holder}\` at module level` : 'kept at module level');
  }

  const unit = enclosingComponentOrHook(opening.node);
  if (unit) return ofUnit(sourceCode, unit, null);
  // An instance field's initialiser runs with each `new` of its class.
  const start = owner ?? member!.parent.parent;
  const reaching = reachingUnit(analysis, start);
  return reaching ? ofUnit(sourceCode, reaching, invocationName(start)) : perCall(start);
}
