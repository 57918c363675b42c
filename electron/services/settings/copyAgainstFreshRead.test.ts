import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PulledRecord, PushOutcome } from '../../../domain/sync/protocol';
import { fixedClock, settingsOn } from '../../../test/services';
import { useTempDir } from '../../../test/tempDir';
import { pruneStore } from '../store/pruning';
import { createSqliteLedger } from '../sync/sqliteLedger';
import { createSettingsService } from './settingsService';

/**
 * The settings service writes a save from its copy of the group (settingsService.ts, `known`).
 * Two workstations' stores get the same random steps: saves (valid and not, lists, workstation-only
 * fields, the postcode rule), pulls through the real sync ledger (also deleting), the cloud's
 * answers (applied, unchanged, conflict, refused with its revert) and pruning. One keeps a single
 * service, and so its copy; the other makes a new service for every save, which reads the group
 * afresh. Their records, outbox, history, conflicts and every answer must be the same.
 */
const tempDir = useTempDir();
const anna = { by: 'Anna', userId: 'user-anna', lang: 'nl' as const };
const groups = ['backoffice', 'media.receiptPrinter', 'company.contact'] as const;
const values: Record<string, unknown[]> = {
  dashboardWidgets: [['lowStock'], ['returns', 'giftCards'], [], ['x'], ['lowStock', 'lowStock']],
  idleTimeoutMinutes: [15, 20, 0, 481, '20'],
  host: ['192.168.1.50', 'printer.local', '', 'bad host!'],
  port: [9100, 9101, 0],
  paperWidth: ['80', '58', '90'],
  cut: [true, false],
  drawerKick: [true, false],
  country: ['NL', 'BE', 'DE'],
  postcode: ['1234ab', '1000', '', '12'],
  city: ['Utrecht', 'Brussel', ''],
};
const fieldsOf: Record<string, string[]> = {
  backoffice: ['dashboardWidgets', 'idleTimeoutMinutes'],
  'media.receiptPrinter': ['host', 'port', 'paperWidth', 'cut', 'drawerKick'],
  'company.contact': ['country', 'postcode', 'city'],
};

const op = fc.oneof(
  fc.record({ kind: fc.constant('write' as const), group: fc.constantFrom(...groups), picks: fc.array(fc.tuple(fc.nat(10), fc.nat(10)), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('pull' as const), group: fc.constantFrom(...groups), picks: fc.array(fc.tuple(fc.nat(10), fc.nat(10)), { maxLength: 3 }), deleted: fc.boolean() }),
  fc.record({ kind: fc.constant('answer' as const), outcomes: fc.array(fc.constantFrom('applied', 'unchanged', 'conflict', 'rejected'), { minLength: 1, maxLength: 4 }) }),
  fc.record({ kind: fc.constant('prune' as const) }),
);

function world(dir: string, reuse: boolean) {
  const clock = fixedClock('2026-11-29T10:00:00Z');
  const { store, settings: kept } = settingsOn(dir, clock);
  const logger = { info() {}, warn() {}, error() {} };
  const service = () => (reuse ? kept : createSettingsService({ store, clock, logger }));
  const ledger = createSqliteLedger(store);
  const db = store.sqlite;
  const dump = () => ({
    records: db.prepare("SELECT id, data, base, revs, pending, deleted, updated_at, updated_by FROM records WHERE collection='settings' ORDER BY id").all(),
    outbox: db.prepare('SELECT op, collection, record_id, changes, base_revs, state, history, created_at FROM outbox ORDER BY seq').all(),
    history: db.prepare("SELECT id, collection, record_id, field, old_value, new_value, CASE WHEN by = 'sync' THEN '' ELSE at END AS at, by, origin FROM history ORDER BY id, record_id, field").all(),
    conflicts: db.prepare('SELECT collection, record_id, field, base, mine, theirs FROM conflicts ORDER BY id').all(),
  });
  return { clock, service, ledger, dump, store };
}

describe("a save from the service's copy of a group", () => {
  it('stores and answers exactly what a save that reads the group afresh does, whatever came between', () => {
    fc.assert(
      fc.property(fc.array(op, { minLength: 1, maxLength: 25 }), (ops) => {
        const a = world(tempDir(), true);
        const b = world(tempDir(), false);
        let rev = 1;
        let seq = 1;
        let minute = 0;
        try {
          for (const step of ops) {
            minute += 1;
            const at = `2026-11-29T10:${String(minute).padStart(2, '0')}:00Z`;
            a.clock.set(at);
            b.clock.set(at);
            if (step.kind === 'write') {
              const fields = fieldsOf[step.group]!;
              const input = Object.fromEntries(step.picks.map(([f, v]) => { const field = fields[f % fields.length]!; const pool = values[field]!; return [field, structuredClone(pool[v % pool.length])]; }));
              const ra = a.service().writeGroup(step.group, structuredClone(input), anna);
              const rb = b.service().writeGroup(step.group, structuredClone(input), anna);
              expect(ra, JSON.stringify(step)).toEqual(rb);
            } else if (step.kind === 'pull') {
              const fields = fieldsOf[step.group]!;
              const data = Object.fromEntries(step.picks.map(([f, v]) => { const field = fields[f % fields.length]!; const pool = values[field]!; return [field, pool[v % pool.length]]; }));
              const revs = Object.fromEntries(Object.keys(data).map((field) => [field, rev++]));
              const record: PulledRecord = { seq: seq++, collection: 'settings', recordId: step.group, data, revs, deleted: step.deleted, updatedBy: 'user-bram', updatedAt: `${at.slice(0, -1)}.000Z` };
              a.ledger.applyPulled([structuredClone(record)], String(record.seq));
              b.ledger.applyPulled([structuredClone(record)], String(record.seq));
            } else if (step.kind === 'answer') {
              const sa = a.ledger.pendingBatch(step.outcomes.length);
              const sb = b.ledger.pendingBatch(step.outcomes.length);
              expect(sa.map((m) => [m.recordId, m.changes, m.baseRevs])).toEqual(sb.map((m) => [m.recordId, m.changes, m.baseRevs]));
              const base = rev;
              const results = (sent: typeof sa): PushOutcome[] =>
                sent.map((m, i) => {
                  const kind = step.outcomes[i % step.outcomes.length];
                  if (kind === 'rejected') return { mutationId: m.mutationId, status: 'rejected', reason: { code: 'invalid', message: { nl: 'nee', en: 'no' } } };
                  let r = base + i * 10;
                  const fields = Object.fromEntries(Object.keys(m.changes).map((field) => [field, kind === 'applied' ? { status: 'applied' as const, rev: r++ } : kind === 'unchanged' ? { status: 'unchanged' as const, rev: r++ } : { status: 'conflict' as const, theirs: values[field]?.[0] ?? null, theirRev: r++, theirBy: 'user-bram', theirAt: '2026-11-29T09:00:00.000Z' }]));
                  return { mutationId: m.mutationId, status: 'accepted', fields };
                });
              rev += 100;
              a.ledger.recordOutcomes(sa, results(sa), new Date(at));
              b.ledger.recordOutcomes(sb, results(sb), new Date(at));
            } else {
              for (const side of [a, b]) pruneStore(side.store.sqlite, new Date(at));
            }
            expect(a.dump(), JSON.stringify(ops)).toEqual(b.dump());
          }
          for (const group of groups) expect(a.service().readGroup(group)).toEqual(b.service().readGroup(group));
        } finally {
          a.store.close();
          b.store.close();
        }
      }),
      { numRuns: 150 },
    );
  });
});
