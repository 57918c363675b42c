/**
 * Runs Stryker once per area: `stryker.config.mjs` (the domain and the quick services) and every
 * `stryker.<area>.config.mjs` beside it. Each area keeps its own incremental file and report under
 * reports/mutation/, so the areas are measured, committed and re-run independently, and a change
 * in one area's code re-tests only that area's touched mutants. `tsx test/mutation/run.ts sync`
 * runs only the areas named; test/mutation/thresholds.ts then judges every report found.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

const areaOf = (config: string) => /^stryker\.([a-z]+)\.config\.mjs$/.exec(config)?.[1] ?? 'main';
const configs = ['stryker.config.mjs', ...fs.readdirSync('.').filter((name) => /^stryker\.[a-z]+\.config\.mjs$/.test(name)).sort()];
const wanted = process.argv.slice(2);
const chosen = wanted.length === 0 ? configs : configs.filter((config) => wanted.includes(areaOf(config)));
if (chosen.length === 0) {
  console.error(`No Stryker area called ${wanted.join(', ')}; there are: ${configs.map(areaOf).join(', ')}`);
  process.exit(2);
}
for (const config of chosen) {
  console.log(`\n== mutation testing, area ${areaOf(config)} (${config})`);
  const run = spawnSync('npx', ['stryker', 'run', config], { stdio: 'inherit' });
  if (run.status !== 0) process.exit(run.status ?? 1);
}
