import fs from 'node:fs';
import os from 'node:os';
import { isDeepStrictEqual } from 'node:util';
import { newPairingCode } from '../../cloud/accounts';
import { cloudForShop, cloudReferee, openDesktop, pairDesktop, sharedState, tempFolder, type Desktop } from '../../test/syncWorld';

export interface Convergence {
  desktops: number;
  changesPerDesktop: number;
  seconds: number;
  rounds: number;
  records: number;
  /** The 1-minute load average when the measurement ended: the machine is shared. */
  load: number;
}

/**
 * Time for `count` desktops of one shop to converge through the cloud (embedded PGlite, real HTTP
 * on 127.0.0.1, each desktop a whole backend on its own SQLite folder, device tokens in the real
 * keychain). Every desktop makes `changes` changes offline (new payment methods and an edit of one
 * shared setting, so the setting is a real conflict), then each syncs in turn until all hold
 * exactly what the cloud holds. The clock runs from the first sync to the last equal state.
 */
export async function converge(count: number, changes: number): Promise<Convergence> {
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
    for (let rounds = 1; rounds <= 10; rounds++) {
      for (const desktop of desktops) await desktop.sync.syncNow();
      if (desktops.every((desktop) => desktop.sync.read().pending === 0)) {
        const truth = await referee();
        if (desktops.every((desktop) => isDeepStrictEqual(sharedState(desktop), truth))) {
          const seconds = (performance.now() - started) / 1000;
          return { desktops: count, changesPerDesktop: changes, seconds, rounds, records: Object.keys(truth).length, load: os.loadavg()[0] ?? 0 };
        }
      }
    }
    throw new Error(`${count} desktops did not converge in 10 rounds`);
  } finally {
    for (const desktop of desktops) {
      await desktop.sync.pairing.unpair('nl');
      await desktop.office.close();
      fs.rmSync(desktop.dir, { recursive: true, force: true });
    }
    await shop.close();
  }
}

export function describeConvergence(two: Convergence, five: Convergence): string {
  const line = (result: Convergence) =>
    `${result.desktops} desktops × ${result.changesPerDesktop} changes: converged in ${result.seconds.toFixed(2)} s ` +
    `(${result.rounds} rounds of sync, ${result.records} records; load average ${result.load.toFixed(1)})`;
  return `${line(two)}\n${line(five)}\n5 desktops / 2 desktops: ${(five.seconds / two.seconds).toFixed(2)}× the time for ${(five.desktops / two.desktops).toFixed(1)}× the changes`;
}
