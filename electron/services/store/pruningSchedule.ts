import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { pruneStore } from './pruning';

const daily = 24 * 60 * 60 * 1000;

/** Prunes at start and once a day after, in the host that owns the data folder only. */
export function createPruningSchedule({ store, clock, logger }: { store: LocalStore; clock: Clock; logger: Logger }) {
  let timer: NodeJS.Timeout | undefined;
  const prune = () => {
    try {
      const removed = pruneStore(store.sqlite, clock.now());
      if (removed.history + removed.handledMutations + removed.files + removed.pendingCleared > 0) logger.info('store.pruned', removed);
    } catch (error) {
      logger.error('store.pruneFailed', { error: (error as Error).message });
    }
  };
  return {
    start(): void {
      if (timer) return;
      prune();
      timer = setInterval(prune, daily);
      timer.unref();
    },
    stop(): void {
      clearInterval(timer);
      timer = undefined;
    },
  };
}
