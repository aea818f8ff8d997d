// Preloaded with `node --import` by the CLI tests: makes vue-eslint-parser and
// svelte-eslint-parser unresolvable to `require`, as in a project that has neither installed.
import Module from 'node:module';

const hidden = new Set(['vue-eslint-parser', 'svelte-eslint-parser']);
const resolve = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  if (hidden.has(request)) {
    const error = new Error(`Cannot find module '${request}'`);
    error.code = 'MODULE_NOT_FOUND';
    throw error;
  }
  return resolve.call(this, request, ...rest);
};
