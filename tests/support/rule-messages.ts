/**
 * Words the rules' messages fill in, as rule cases expect them in `data`: one spelling for every
 * test, so that a change of wording is one change here and a failure in every case it touches.
 */

/** How a message names a stream opened with `new EventSource(…)`. */
export const ES = '`EventSource`';

/** What `require-eventsource-close` calls a React effect's callback. */
export const USE_EFFECT = 'this `useEffect` callback';

/** Where each framework's teardown goes, as `require-eventsource-close`'s messages say it. */
export const IN_RETURNED_CLEANUP = 'in a cleanup function that the callback returns';
export const IN_VUE_UNMOUNT = 'in an `onBeforeUnmount` (or `onUnmounted`) callback of the same setup';
export const IN_SVELTE_TEARDOWN = 'in a cleanup function that the `onMount` callback returns, or in `onDestroy`';
export const IN_SOLID_CLEANUP = 'in an `onCleanup` callback';
export const IN_NG_ON_DESTROY = 'in `ngOnDestroy`';
export const IN_VUE_OPTION_TEARDOWN = 'in `beforeUnmount` (`beforeDestroy` in Vue 2)';
export const IN_DISCONNECTED = 'in `disconnectedCallback`';
export const IN_WILL_UNMOUNT = 'in `componentWillUnmount`';

/** The example of a cleanup for a stream held in `es`. */
export const WITH_EXAMPLE = ' (`return () => es.close();`)';
