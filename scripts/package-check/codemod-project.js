/**
 * sse-codemod as a user meets it: installed from its tarball with the plugin and sse-hub
 * tarballs it depends on, run with `npx` on an app with a stream per loop item and a React
 * component rendered per item: the connection budget report, then a dry run.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CheckFailure, run } from './command.js';
import { assertFromTarballs, createProject, npmInstall } from './fresh-project.js';
import { JAVASCRIPT_APP, TYPESCRIPT_APP } from './app-files.js';

const APP = { 'src/rows.js': JAVASCRIPT_APP['src/rows.js'], 'src/feed.js': JAVASCRIPT_APP['src/feed.js'], 'src/table.tsx': TYPESCRIPT_APP['src/table.tsx'] };

/** Report rows that must appear: the site, then what the WHY column must say. */
const REPORTED_SITES = [
  ['src/rows.js:4:20', 'opened in a `for...of` loop'],
  ['src/table.tsx:6:20', '`<Row>` rendered per item (line 14)'],
];

/** The files the dry run's diff must show, and a line its diff must add. */
const CHANGED_FILES = ['src/rows.js', 'src/table.tsx'];
const ADDED_LINE = '+    const source = sharedEventSource(`/items/${id}/events`);';

export async function codemodProject({ work, tarballs, check }) {
  await check('Codemod: npx sse-codemod --report, then a dry run on src/ --endpoint /__sse_hub', async () => {
    const project = createProject(work, 'codemod', APP);
    // All three tarballs in one install, so that npm resolves the codemod's eslint-plugin-sse
    // and sse-hub to them rather than to the registry.
    await npmInstall(project, [tarballs.codemod.path, tarballs.plugin.path, tarballs.hub.path]);
    assertFromTarballs(project, ['sse-codemod', 'eslint-plugin-sse', 'sse-hub']);

    const report = (await run('npx', ['sse-codemod', '--report'], { cwd: project })).stdout;
    for (const [site, why] of REPORTED_SITES) {
      const row = report.split('\n').find((line) => line.startsWith(`${site} `));
      if (!row?.includes(why)) throw new CheckFailure(`the report has no row for ${site} saying ${why}`, report);
    }
    const sites = /^(\d+) stream sites?/m.exec(report)?.[1];
    const worstCase = /^\(same origin\)\s+(\d+)/m.exec(report)?.[1];

    // --endpoint: the app will mount the multiplexer, so the per-item stream is rewritten too.
    const dryRun = (await run('npx', ['sse-codemod', 'src/', '--endpoint', '/__sse_hub'], { cwd: project })).stdout;
    const diffed = [...dryRun.matchAll(/^--- a\/(\S+)$/gm)].map((match) => match[1]).sort();
    if (diffed.join() !== CHANGED_FILES.join()) {
      throw new CheckFailure(`the dry run diffs ${diffed.join(', ') || 'no file'}, expected ${CHANGED_FILES.join(', ')}`, dryRun);
    }
    if (!dryRun.includes(ADDED_LINE)) throw new CheckFailure('the dry run does not move the per-item stream onto sharedEventSource', dryRun);
    const written = Object.entries(APP).filter(([file, text]) => readFileSync(join(project, file), 'utf8') !== text);
    if (written.length > 0 || existsSync(join(project, 'src', 'sse-hub.js'))) throw new CheckFailure('the dry run wrote files');

    return `report: ${sites} stream sites, ${worstCase} connections per origin at worst; dry run: diff of ${diffed.join(', ')}, nothing written`;
  });
}
