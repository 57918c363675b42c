import fs from 'node:fs';
import { fc, test } from '@fast-check/vitest';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect } from 'vitest';
import { newPairingCode, newShop } from '../../../cloud/accounts';
import { mutations } from '../../../cloud/db/schema';
import { startCloud, type RunningCloud } from '../../../cloud/start';
import { cloudBackends, cloudStorage, stopCloudPostgres, type CloudStorage } from '../../../test/cloudBackends';
import type { PushOutcome } from '../../../domain/sync/protocol';
import { startFaultProxy, type Fault, type FaultProxy } from '../../../test/faultProxy';
import { cloudReferee, openDesktop, pairDesktop, sharedState, tempFolder, type Desktop } from '../../../test/syncWorld';

/**
 * Model-based: N desktops of one shop make random edits to a few shared fields, sync in a random
 * order, and the proxy breaks random pushes (lost answer, reset, duplicate, 503, latency). When
 * the faults stop: every desktop equals the cloud, the cloud took every acknowledged write exactly
 * once, every conflict the cloud answered is on the desktop that made the change, at most once.
 * The seed is printed; SYNC_MODEL_SEED and SYNC_MODEL_RUNS replay or widen a run.
 */
const seed = Number(process.env.SYNC_MODEL_SEED ?? 20261129);
const numRuns = Number(process.env.SYNC_MODEL_RUNS ?? 6);
const desktopsPerShop = 3;
const fields = [
  { group: 'company.general', field: 'companyName' },
  { group: 'company.general', field: 'backOfficeName' },
  { group: 'company.contact', field: 'city' },
] as const;

type Command =
  | { kind: 'edit'; desktop: number; target: number; value: string }
  | { kind: 'sync'; desktop: number }
  | { kind: 'fault'; fault: Fault };

const command: fc.Arbitrary<Command> = fc.oneof(
  fc.record({ kind: fc.constant('edit' as const), desktop: fc.nat(desktopsPerShop - 1), target: fc.nat(fields.length - 1), value: fc.constantFrom('Spaak', 'De Spaak', 'Utrecht', 'Zeist', 'Fiets & Co') }),
  fc.record({ kind: fc.constant('sync' as const), desktop: fc.nat(desktopsPerShop - 1) }),
  fc.record({
    kind: fc.constant('fault' as const),
    fault: fc.constantFrom<Fault>({ kind: 'drop-response' }, { kind: 'reset' }, { kind: 'duplicate' }, { kind: 'status', status: 503 }, { kind: 'latency', ms: 30 }),
  }),
);

const actor = (desktop: number) => ({ by: `Medewerker ${desktop}`, userId: `user-${desktop}`, lang: 'nl' as const });

afterAll(stopCloudPostgres);

describe.each(cloudBackends)('on %s', (backend) => {
  let storage: CloudStorage;
  let cloud: RunningCloud;
  let proxy: FaultProxy;

  beforeAll(async () => {
    storage = await cloudStorage(backend);
    cloud = await startCloud({ database: storage.choice });
    proxy = await startFaultProxy(cloud.url);
    console.log(`sync model on ${backend}: fast-check seed ${seed}, ${numRuns} runs (SYNC_MODEL_SEED / SYNC_MODEL_RUNS to change)`);
  }, 60_000);

  afterAll(async () => {
    await proxy?.close();
    await cloud?.close();
    await storage?.remove();
  });

  describe('sync model', () => {
    test.prop([fc.array(command, { minLength: 5, maxLength: 25 })], { seed, numRuns, endOnFailure: true })(
      'N desktops converge on the cloud whatever the edits, faults and sync order',
      async (commands) => {
        // A shop of its own per run: runs share the cloud but never each other's data.
        const shop = await newShop(cloud.database.db, `Winkel ${Math.random().toString(36).slice(2, 8)}`);
        const desktops: Desktop[] = [];
        const dirs: string[] = [];
        const written: { desktop: number; mutationId: string; field: string; recordId: string }[] = [];
        try {
          for (let index = 0; index < desktopsPerShop; index++) {
            const dir = tempFolder(`backoffice-model-${index}-`);
            dirs.push(dir);
            const desktop = await openDesktop(dir);
            await pairDesktop(desktop, proxy.url, index === 0 ? shop.code : (await newPairingCode(cloud.database.db, shop.id)).code);
            desktops.push(desktop);
          }
          let pendingFault: Fault | null = null;
          proxy.setPlan((request) => {
            if (request.path !== '/v1/push' || !pendingFault) return null;
            const fault = pendingFault;
            pendingFault = null;
            return fault;
          });
          for (const step of commands) {
            if (step.kind === 'fault') pendingFault = step.fault;
            if (step.kind === 'sync') await desktops[step.desktop]!.sync.syncNow();
            if (step.kind === 'edit') {
              const desktop = desktops[step.desktop]!;
              const { group, field } = fields[step.target]!;
              const saved = desktop.settings.writeGroup(group, { [field]: step.value }, actor(step.desktop));
              expect(saved.ok).toBe(true);
              if (saved.ok && saved.value.changed.length > 0) {
                const row = desktop.office.store.sqlite.prepare('SELECT mutation_id AS id FROM outbox ORDER BY seq DESC LIMIT 1').get() as { id: string };
                written.push({ desktop: step.desktop, mutationId: row.id, field, recordId: group });
              }
            }
          }

          proxy.setPlan(null);
          for (let round = 0; round < 2; round++) {
            for (const desktop of desktops) {
              await desktop.sync.syncNow();
              expect(desktop.sync.read()).toMatchObject({ pending: 0, rejected: 0 });
            }
          }
          const truth = await (await cloudReferee(proxy.url, (await newPairingCode(cloud.database.db, shop.id)).code))();
          for (const desktop of desktops) expect(sharedState(desktop)).toEqual(truth);

          for (const write of written) {
            const taken = await cloud.database.db
              .select({ outcome: mutations.outcome })
              .from(mutations)
              .where(and(eq(mutations.shopId, shop.id), eq(mutations.mutationId, write.mutationId)));
            // Acknowledged here means taken by the cloud, exactly once.
            expect(taken).toHaveLength(1);
            const outcome = taken[0]!.outcome as PushOutcome;
            expect(outcome.status).toBe('accepted');
            const answer = outcome.status === 'accepted' ? outcome.fields[write.field] : undefined;
            // A real conflict is with someone else's change, never with this desktop's own earlier edit.
            if (answer?.status === 'conflict') expect(answer.theirBy).not.toBe(actor(write.desktop).userId);
            if (answer?.status === 'conflict') {
              const rows = desktops[write.desktop]!.office.store.sqlite
                .prepare("SELECT count(*) AS n FROM conflicts WHERE collection = 'settings' AND record_id = ? AND field = ?")
                .get(write.recordId, write.field) as { n: number };
              expect(rows.n).toBeGreaterThanOrEqual(1);
            }
          }
          for (const [index, desktop] of desktops.entries()) {
            const conflictsByField = desktop.office.store.sqlite.prepare('SELECT field, count(*) AS n FROM conflicts GROUP BY field').all() as { field: string; n: number }[];
            for (const { field, n } of conflictsByField) {
              // No phantom conflicts: never more conflict rows than this desktop's conflicting writes of that field.
              const conflicting = written.filter((write) => write.desktop === index && write.field === field).length;
              expect(n).toBeLessThanOrEqual(conflicting);
            }
          }
        } finally {
          proxy.setPlan(null);
          for (const desktop of desktops) {
            await desktop.sync.pairing.unpair('nl');
            await desktop.office.close();
          }
          for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
        }
      },
      600_000,
    );
  });
});
