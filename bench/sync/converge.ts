/**
 * Time for 2 and for 5 desktops of one shop to converge through the cloud (embedded PGlite,
 * real HTTP on 127.0.0.1, each desktop a whole backend on its own SQLite folder, device tokens in
 * the real keychain). Every desktop makes the same number of changes offline (new payment methods
 * and an edit of a shared setting), then each syncs in turn until all hold exactly what the cloud
 * holds. Printed side by side, with the 5-to-2 ratio.
 *
 *   npm run bench:sync:converge [-- --changes N]    (N per desktop, 100)
 */
import fs from 'node:fs';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { newPairingCode } from '../../cloud/accounts';
import { cloudForShop, cloudReferee, openDesktop, pairDesktop, sharedState, tempFolder, type Desktop } from '../../test/syncWorld';

const { values } = parseArgs({ options: { changes: { type: 'string', default: '100' } } });
const changes = Number(values.changes);

async function converge(count: number): Promise<{ desktops: number; seconds: number; rounds: number; records: number }> {
  const shop = await cloudForShop(`Winkel met ${count} werkplekken`);
  const desktops: Desktop[] = [];
  try {
    for (let index = 0; index < count; index++) {
      const desktop = await openDesktop(tempFolder(`backoffice-bench-${index}-`));
      await pairDesktop(desktop, shop.cloud.url, index === 0 ? shop.shop.code : await shop.pairingCode());
      desktops.push(desktop);
    }
    for (const [index, desktop] of desktops.entries()) {
      const actor = { by: `Medewerker ${index}`, userId: `user-${index}`, lang: 'nl' as const };
      for (let change = 0; change < changes - 1; change++) desktop.lists.create('paymentMethods', { nameNl: `Betaalwijze ${index}-${change}` }, actor);
      desktop.settings.writeGroup('company.general', { backOfficeName: `Werkplek ${index}` }, actor);
    }
    const referee = await cloudReferee(shop.cloud.url, (await newPairingCode(shop.cloud.database.db, shop.shop.id)).code);
    const started = performance.now();
    let rounds = 0;
    for (;;) {
      rounds += 1;
      for (const desktop of desktops) await desktop.sync.syncNow();
      if (desktops.every((desktop) => desktop.sync.read().pending === 0)) {
        const truth = await referee();
        if (desktops.every((desktop) => isDeepStrictEqual(sharedState(desktop), truth))) {
          return { desktops: count, seconds: (performance.now() - started) / 1000, rounds, records: Object.keys(truth).length };
        }
      }
      if (rounds > 10) throw new Error(`${count} desktops did not converge in 10 rounds`);
    }
  } finally {
    for (const desktop of desktops) {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(desktop.dir, { recursive: true, force: true });
    }
    await shop.close();
  }
}

const two = await converge(2);
const five = await converge(5);
for (const result of [two, five]) {
  console.log(`${result.desktops} desktops × ${changes} changes: converged in ${result.seconds.toFixed(2)} s (${result.rounds} rounds of sync, ${result.records} records)`);
}
console.log(`5 desktops / 2 desktops: ${(five.seconds / two.seconds).toFixed(2)}× the time for ${(5 / 2).toFixed(1)}× the changes`);
