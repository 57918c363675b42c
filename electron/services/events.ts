import { EventEmitter } from 'node:events';
import type { ListItem } from './lists/listService';
import type { GroupState } from './settings/settingsService';

/** What the services tell the open windows, so every view of the data stays current. */
export interface AppEvents {
  /**
   * A committed settings write. `state` is the group as now stored when exactly one group
   * changed, so a window patches its copy instead of reading every group again; without it
   * (`group: '*'`, a pull) the window reads again.
   */
  'settings.changed': { group: string; by: string; state?: GroupState };
  /**
   * A committed list write. `item` is the one item as now stored, `removed` the one item deleted,
   * when nothing else changed with it; otherwise neither, and the window reads the list again.
   */
  'records.changed': { collection: string; by: string; item?: ListItem; removed?: string };
  'secrets.changed': { purpose: string };
  'sync.changed': Record<string, never>;
  'mail.changed': { id: number };
  /** IT's policy changed: locked fields and switched-off features may be different now. */
  'policy.changed': Record<string, never>;
}

export type EventName = keyof AppEvents;

export function createEventBus() {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(100);
  return {
    emit<K extends EventName>(name: K, payload: AppEvents[K]): void {
      emitter.emit('event', name, payload);
    },
    /** Every event, in order; returns the function that stops listening. */
    subscribe(listener: <K extends EventName>(name: K, payload: AppEvents[K]) => void): () => void {
      emitter.on('event', listener);
      return () => emitter.off('event', listener);
    },
  };
}

export type EventBus = ReturnType<typeof createEventBus>;
