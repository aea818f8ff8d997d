/** The browser hub as a user's bundler would ship it: one minified ESM bundle, and its gzip size. */
import { gzipSync } from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

export async function measureHubSize() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL('../../packages/sse-hub/src/hub/index.ts', import.meta.url))],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
  });
  const code = result.outputFiles[0].contents;
  return { minifiedBytes: code.byteLength, gzipBytes: gzipSync(code, { level: 9 }).byteLength };
}
