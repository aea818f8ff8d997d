/**
 * A hub configuration in a comment configures nothing. The codemod's own TODO for a stream left
 * in dedupe mode names `configureHub({ endpoint })`; read as the app's setup, it made the next
 * run rewrite the stream the TODO had left alone (found by the Mercure fixture of
 * fixture-repositories.test.ts, whose second run must change nothing).
 */
import { describe, expect, it } from 'vitest';
import { SKIP_REASONS } from '../src/conversions.js';
import { multiplexSetupIn } from '../src/multiplex-setup.js';
import { TODO_MARKER } from '../src/plan-file.js';

describe('multiplexSetupIn and comments', () => {
  it.each([
    ['the codemod\'s own TODO', `  // ${TODO_MARKER}: ${SKIP_REASONS.distinctUrlsWithoutMultiplexer}\n  new EventSource(url);\n`],
    ['a commented-out call', "// configureHub({ endpoint: '/__sse_hub' });\n"],
    ['a call after code on its line, commented out', "start(); // configureHub({ endpoint: '/__sse_hub' });\n"],
    ['a JSDoc example', "/**\n * Call once:\n *   configureHub({ endpoint: '/__sse_hub' });\n */\nexport function start() {}\n"],
    ['a block comment', "/* configureHub({ endpoint: '/__sse_hub' }); */\n"],
  ])('finds none in %s', (_, text) => {
    expect(multiplexSetupIn(text)).toBeUndefined();
  });

  it.each([
    ['after a URL with // on its line', "fetch('https://example.test/ready'); configureHub({ endpoint: '/__sse_hub' });\n"],
    ['after a string that holds /*', "const pattern = '/api/*';\nconfigureHub({ endpoint: '/__sse_hub' });\n"],
    ['after a closed block comment', "/* start-up */\nconfigureHub({ endpoint: '/__sse_hub' });\n"],
  ])('still finds the call %s', (_, text) => {
    expect(multiplexSetupIn(text)).toEqual({ endpoint: '/__sse_hub' });
  });
});
