import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

/** The browser hub bundled from source into one ES module, for a test page to import as `/hub.js`. */
export async function bundleHubForPage(): Promise<string> {
  const bundled = await build({
    entryPoints: [fileURLToPath(new URL('../../../src/hub/index.ts', import.meta.url))],
    bundle: true,
    format: 'esm',
    target: 'es2022',
    platform: 'browser',
    write: false,
  });
  return bundled.outputFiles[0]!.text;
}
