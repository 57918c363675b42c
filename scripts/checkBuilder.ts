/**
 * `npm run check:builder`: validates electron-builder.yml offline, without building. Exit code 1
 * and one line per problem when something is wrong.
 */
import path from 'node:path';
import { checkBuilderConfig, loadBuilderConfig } from './builderConfig';

const root = path.resolve(import.meta.dirname, '..');
const problems = await checkBuilderConfig(await loadBuilderConfig(root));
if (problems.length > 0) {
  console.error(`electron-builder.yml has ${problems.length} problem(s):\n${problems.map((problem) => `- ${problem}`).join('\n')}`);
  process.exit(1);
}
console.log('electron-builder.yml: valid for electron-builder, and keeps the promises of README › Installing for IT.');
