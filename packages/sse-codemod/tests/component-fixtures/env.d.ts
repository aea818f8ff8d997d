/**
 * The slice of Vue and Svelte that the component fixtures' `<script>` blocks use, typed as those
 * packages type it (neither is installed here): lifecycle hooks, `ref`, the `<script setup>`
 * compiler macros and Svelte 5's runes.
 */

declare module 'vue' {
  export interface Ref<T> {
    value: T;
  }
  export function ref<T>(value: T): Ref<T>;
  export function onMounted(hook: () => void): void;
  export function onUnmounted(hook: () => void): void;
  export function onBeforeUnmount(hook: () => void): void;
  // `this` in the options' methods is the component instance, which this slice does not model.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- any instance field may be read
  export function defineComponent<T extends object>(options: T & ThisType<any>): T;
}

declare module 'svelte' {
  export function onMount(fn: () => void | (() => void)): void;
  export function onDestroy(fn: () => void): void;
}

declare module '*.svelte' {
  const component: (...args: unknown[]) => unknown;
  export default component;
}

declare function defineProps<T>(): T;
declare function defineModel<T>(name: string, options?: { default?: () => T }): { value: T | undefined };
declare function $props<T>(): T;
declare function $state<T>(initial: T): T;
declare function $effect(fn: () => void | (() => void)): void;
