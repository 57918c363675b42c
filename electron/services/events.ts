import { EventEmitter } from 'node:events';

/** What the services tell the open windows, so every view of the data stays current. */
export interface AppEvents {
  'settings.changed': { group: string; by: string };
  'records.changed': { collection: string; by: string };
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
