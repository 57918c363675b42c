/**
 * The three store goals of issue 13, measured exactly as they are stated, each next to its peer
 * in the same run on the same disk:
 *   1. one validated settings write (the real settings service: validation, history, outbox, one
 *      transaction) vs a raw better-sqlite3 single-row UPDATE with WAL + synchronous=FULL, at
 *      300 / 3,000 / 30,000 stored fields, fresh and after 100,000 edits: ≤ 1.5×;
 *   2. the same write vs conf (electron-store's base) at 3,000 fields: ≥ 10× faster;
 *   3. cold open + migration check + full snapshot, 3,000 fields, after 100,000 edits: ≤ 10 ms.
 * Exits non-zero when a goal is missed.
 *
 *   npm run bench:store
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Conf from 'conf';
import { median, printTable, timeMedian, verdict, type Goal } from '../shared/measure';
import { edits, fieldKey, fill, openService, rawPeer, settingsWrite, sizes } from './stores';

const writes = 400;
const warmUp = 1_200;

/** Our side, filled (and edited) to the size asked; `write(i)` is one validated settings write. */
function ours(dir: string, size: number, afterEdits: boolean) {
  fs.mkdirSync(dir, { recursive: true });
  const { store, settings } = openService(dir);
  fill(store, size, afterEdits);
  return {
    write: settingsWrite(settings),
    /** Closing (a WAL checkpoint) is not part of opening: it is timed out of the figure. */
    coldOpens(): number {
      store.close();
      const opens: number[] = [];
      for (let i = 0; i < 15; i += 1) {
        const started = performance.now();
        const reopened = openService(dir);
        reopened.settings.snapshot();
        opens.push(performance.now() - started);
        reopened.store.close();
      }
      return median(opens);
    },
  };
}

function raw(dir: string, size: number, afterEdits: boolean) {
  fs.mkdirSync(dir, { recursive: true });
  return rawPeer(dir, size, afterEdits);
}

function conf(dir: string, size: number) {
  const store = new Conf<Record<string, unknown>>({ projectName: 'bench', cwd: dir, configName: 'settings' });
  store.set(Object.fromEntries(Array.from({ length: size }, (_, i) => [fieldKey(i), `waarde ${i}`])));
  return { write: (i: number) => store.set(fieldKey(0), `nieuw ${i}`) };
}

/**
 * Medians of `writes` rounds in which every side writes once, in turn: a commit waits for the
 * disk, and on a shared machine the disk's speed changes from second to second, so both sides
 * of a ratio are sampled at the same moments rather than one after the other.
 *
 * Before sampling, every side makes the same `warmUp` writes, unmeasured. A WAL file grows until
 * the first checkpoint (at 1,000 pages) and is overwritten from its start after that; a commit
 * that grows the file costs ext4 a journal commit on fsync, one that overwrites does not. Without
 * the warm-up, which state a side was sampled in depended on how many pages its fill happened to
 * leave in the WAL (the raw peer's fresh figure was up to twice its figure after edits, with the
 * same UPDATE). 1,200 writes take even the raw peer, one page a write, past its first
 * checkpoint, so every side is measured as a running app finds it: the WAL at its size.
 */
function interleaved(sides: readonly ((i: number) => void)[]): number[] {
  for (let i = 0; i < warmUp; i += 1) for (const write of sides) write(-1 - i);
  const samples = sides.map((): number[] => []);
  for (let i = 0; i < writes; i += 1) {
    sides.forEach((write, side) => {
      const started = performance.now();
      write(i);
      samples[side]?.push(performance.now() - started);
    });
  }
  return samples.map(median);
}

/** Median of `writes` writes by one side alone, after `warmUp` unmeasured ones. */
function alone(write: (i: number) => void): number {
  for (let i = 0; i < warmUp; i += 1) write(-1 - i);
  return timeMedian(writes, write);
}

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'backoffice-bench-store-'));
const rows: string[][] = [['fields', 'state', 'ours write (ms)', 'raw UPDATE (ms)', 'ours / raw', 'cold open + snapshot (ms)']];
const goals: Goal[] = [];
try {
  // V8 compiles the write path as it runs it: the first row measured once had it half-compiled
  // and was the slowest of the six in every run. A throwaway pair runs first, so no row's figure
  // depends on its place in the run.
  const warm = [ours(path.join(root, 'warm-ours'), 300, false), raw(path.join(root, 'warm-raw'), 300, false)] as const;
  interleaved([warm[0].write, warm[1].write]);
  warm[1].close();

  for (const size of sizes) {
    for (const afterEdits of [false, true]) {
      const state = afterEdits ? `after ${edits.toLocaleString('en')} edits` : 'fresh';
      const ourSide = ours(path.join(root, `ours-${size}-${state.length}`), size, afterEdits);
      const rawSide = raw(path.join(root, `raw-${size}-${state.length}`), size, afterEdits);
      const withConf = size === 3_000 && !afterEdits;
      const [write = Number.NaN, peer = Number.NaN] = interleaved([ourSide.write, rawSide.write]);
      rawSide.close();
      // conf on its own, its writes back to back, against our write of the run above. In turns with
      // the others it made them pay for it: conf replaces its whole file (write, rename), which leaves
      // the file system a journal commit that the next fsync on the disk waits for, whoever's it is.
      const confWrite = withConf ? alone(conf(path.join(root, 'conf'), size).write) : Number.NaN;
      const cold = ourSide.coldOpens();
      const ratio = write / peer;
      rows.push([size.toLocaleString('en'), state, write.toFixed(3), peer.toFixed(3), ratio.toFixed(2), cold.toFixed(2)]);
      goals.push({ what: `settings write vs raw UPDATE, ${size.toLocaleString('en')} fields, ${state} (≤ 1.5×)`, met: ratio <= 1.5, figure: `${ratio.toFixed(2)}×` });
      if (size === 3_000 && afterEdits) goals.push({ what: 'cold open + migration check + snapshot, 3,000 fields after 100,000 edits (≤ 10 ms)', met: cold <= 10, figure: `${cold.toFixed(2)} ms` });
      if (withConf) {
        rows.push([size.toLocaleString('en'), 'conf.set', confWrite.toFixed(3), '', '', '']);
        goals.push({ what: 'settings write vs conf at 3,000 fields (≥ 10× faster)', met: confWrite / write >= 10, figure: `${(confWrite / write).toFixed(1)}× faster` });
      }
    }
  }
} finally {
  fs.rmSync(root, { recursive: true, force: true });
}
printTable(rows);
console.log(`median of ${writes} writes each after ${warmUp.toLocaleString('en')} unmeasured ones, ours and the raw UPDATE taking turns after a throwaway pair, conf on its own (15 cold opens); SQLite WAL, synchronous=FULL on both sides; load average ${os.loadavg().map((load) => load.toFixed(1)).join(' ')}`);
verdict(goals);
