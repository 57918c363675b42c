import { backupIfDue, backupNow, listBackups } from '../../../db/backup';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { Logger } from '../logger';

const dayMs = 24 * 60 * 60 * 1000;
const hourMs = 60 * 60 * 1000;

/**
 * When backups are taken: the first right after setup (so no backup ever lacks users), at start
 * when the newest is a day old, and while the app runs when a day has passed with changes since
 * the last one. Before every migration openDatabase takes one itself. The newest `keep` are kept.
 */
export function createBackupSchedule({ store, clock, logger, keep }: { store: LocalStore; clock: Clock; logger: Logger; keep: number }) {
  const hasUsers = store.sqlite.prepare("SELECT 1 FROM records WHERE collection = 'users' AND deleted = 0 LIMIT 1");
  const changes = store.sqlite.prepare('SELECT total_changes() AS n');
  let changesAtLastBackup = -1;
  let running: Promise<unknown> = Promise.resolve();
  let timer: NodeJS.Timeout | null = null;

  const changedSinceBackup = () => (changes.get() as { n: number }).n !== changesAtLastBackup;

  function take(run: () => Promise<unknown>): Promise<unknown> {
    running = running
      .then(async () => {
        const counted = (changes.get() as { n: number }).n;
        if ((await run()) !== null) changesAtLastBackup = counted;
      })
      .catch((error: Error) => logger.error('db.backupFailed', { error: error.message }));
    return running;
  }

  return {
    /** Takes a backup when one is due; safe to call at any time, runs one at a time. */
    check(): Promise<unknown> {
      if (hasUsers.get() === undefined) return running;
      const newest = listBackups(store.backupDir)[0];
      if (!newest) return take(() => backupNow(store.sqlite, store.backupDir, clock.now()));
      if (changesAtLastBackup >= 0 && !changedSinceBackup()) return running;
      return take(() => backupIfDue(store.sqlite, { dir: store.backupDir, keep, now: clock.now(), minIntervalMs: dayMs }));
    },
    start(): void {
      timer = setInterval(() => void this.check(), hourMs);
      timer.unref();
    },
    async stop(): Promise<void> {
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

export type BackupSchedule = ReturnType<typeof createBackupSchedule>;
