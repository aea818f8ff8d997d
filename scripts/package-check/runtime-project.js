/**
 * sse-hub alone in a project: it must bring no other package, and both of its entries must
 * load and run in Node (runtime-probe.js does the running).
 */
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { CheckFailure, run } from './command.js';
import { assertFromTarballs, createProject, installedPackages, npmInstall } from './fresh-project.js';

const PROBE = fileURLToPath(new URL('runtime-probe.js', import.meta.url));

export async function runtimeProject({ work, tarballs, check }) {
  await check('Runtime: sse-hub alone, sse-hub/server behind node:http, sse-hub imported in Node', async () => {
    const project = createProject(work, 'runtime', {});
    await npmInstall(project, [tarballs.hub.path], { dev: false });
    assertFromTarballs(project, ['sse-hub']);
    const installed = [...installedPackages(project).values()];
    if (installed.length !== 1) throw new CheckFailure(`node_modules holds ${installed.join(', ')}, not sse-hub alone`);

    copyFileSync(PROBE, join(project, 'probe.js'));
    const { stdout } = await run('node', ['probe.js'], { cwd: project, timeoutMs: 30_000 });
    const seen = JSON.parse(stdout.trim().split('\n').at(-1));
    if (seen.status !== 200 || !seen.contentType?.startsWith('text/event-stream')) {
      throw new CheckFailure(`the hub endpoint answered ${seen.status} ${seen.contentType}`);
    }
    if (seen.accepted?.join() !== '/rows/7/events') throw new CheckFailure(`the subscription was not accepted: ${JSON.stringify(seen.accepted)}`);
    if (seen.hubFunctions.length !== 2) throw new CheckFailure(`sse-hub exports ${seen.hubExports.join(', ')}: configureHub or sharedEventSource is missing`);
    return `node_modules: ${installed[0]} only; a subscribed topic's event arrived on the hub stream; sse-hub exports ${seen.hubExports.join(', ')}`;
  });
}
