/**
 * The mount-time callback a piece of code runs in: the effect, `onMounted`, `ngOnInit` or
 * component constructor whose run reaches it, directly, through callbacks that run once where
 * they stand (an async IIFE, a `.then()` or `setTimeout` callback), or through local
 * functions it calls (`useEffect(() => { connect(); })`, `ngOnInit() { this.connect(); }`).
 * A handler it merely registers (`es.onerror = () => …`, `button.onclick = …`) runs later,
 * on its own schedule, and is not part of the mount.
 */
import type { TSESLint, TSESTree } from '@typescript-eslint/utils';
import { type FunctionNode, isExecutionBoundary, isFunctionNode, runsOncePerEvaluation } from '../functions.js';
import { isInSvelteInstanceScript } from '../templates/svelte-sfc.js';
import { isInScriptSetup } from '../templates/vue-sfc.js';
import { type MountCallback, fieldMountOf, mountCallbackOf, svelteInstanceMount, vueSetupMount } from './lifecycle-hooks.js';
import { localCallersOf } from './local-callers.js';

/** How many calls away from its mount callback code is still followed. */
const MAX_CALL_DEPTH = 3;

function search(
  sourceCode: Readonly<TSESLint.SourceCode>,
  node: TSESTree.Node,
  depth: number,
  visiting: Set<FunctionNode>,
): MountCallback | null {
  let child: TSESTree.Node = node;
  for (let current = node.parent; current; child = current, current = current.parent) {
    if (isFunctionNode(current)) {
      const mount = mountCallbackOf(sourceCode, current);
      if (mount) return mount;
      if (runsOncePerEvaluation(current)) continue;
      if (depth >= MAX_CALL_DEPTH || visiting.has(current)) return null;
      visiting.add(current);
      for (const call of localCallersOf(sourceCode, current).calls) {
        const found = search(sourceCode, call, depth + 1, visiting);
        if (found) return found;
      }
      return null;
    }
    if (current.type === 'PropertyDefinition') return current.value === child ? fieldMountOf(current) : null;
    if (isExecutionBoundary(current)) return null;
  }
  // Top-level code of a `<script setup>` is the component's `setup()`, run per instance.
  if (isInScriptSetup(sourceCode, node)) return vueSetupMount(sourceCode.ast, '`<script setup>`');
  // A Svelte component's instance script runs once per instance, as a setup does.
  return isInSvelteInstanceScript(sourceCode, node) ? svelteInstanceMount(sourceCode.ast) : null;
}

/** The mount callback whose run reaches `node`, or null when none does. */
export function mountContextOf(sourceCode: Readonly<TSESLint.SourceCode>, node: TSESTree.Node): MountCallback | null {
  return search(sourceCode, node, 0, new Set());
}
