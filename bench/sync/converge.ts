/**
 * Only the convergence part of bench/sync: time for 2 and for 5 desktops of one shop to converge
 * through the cloud, side by side (see convergence.ts). `npm run bench:sync` runs it too.
 *
 *   npm run bench:sync:converge [-- --changes N]    (N per desktop, 100)
 */
import { parseArgs } from 'node:util';
import { converge, describeConvergence } from './convergence';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '100' } } });
const changes = Number(values.changes);
console.log(describeConvergence(await converge(2, changes), await converge(5, changes)));
