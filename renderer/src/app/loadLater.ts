import { useSyncExternalStore } from 'react';
import { bridge } from '../bridge/backoffice';

/** Code fetched on demand, started now; `current` is its value once it has arrived. */
export interface LaterModule<T> {
  current: T | undefined;
  /** Why the last try failed (the network, a build replaced under a running window); cleared by a new try. */
  failure: Error | undefined;
  /** Tries that failed in a row; a second one means fetching again does not help (a build replaced under the window). */
  failures: number;
  /** Tells the listener of every arrival, failure and new try; returns how to stop listening. */
  subscribe(listener: () => void): () => void;
  /** Fetches the code again after a failure. */
  retry(): void;
  /** An optional page's code: the page's own place says when it cannot be fetched, and the rest of the app stays usable. */
  inPlace: boolean;
}

/** Every module still failing, so one notice can say so and retry them all. */
const failing = new Set<LaterModule<unknown>>();
const failingListeners = new Set<() => void>();
let failingSnapshot: readonly LaterModule<unknown>[] = [];

function failingChanged(): void {
  failingSnapshot = [...failing];
  for (const listener of failingListeners) listener();
}

/**
 * Each failed try goes to the console and to the host's log, which the diagnostics bundle carries
 * to support. The browser's text names the file it could not fetch; an address's query and
 * fragment are cut off all the same, so nothing a window was opened with can reach the log.
 */
function reportFailure(error: Error): void {
  console.error(error);
  const detail = error.message.replace(/[?#]\S*/g, '').slice(0, 300);
  bridge()
    .call('app.logProblem', { problem: 'codeNotLoaded', detail })
    .catch(() => undefined);
}

export function loadLater<T>(load: () => Promise<T>, { inPlace = false }: { inPlace?: boolean } = {}): LaterModule<T> {
  const listeners = new Set<() => void>();
  const changed = () => {
    for (const listener of listeners) listener();
  };
  const module: LaterModule<T> = {
    current: undefined,
    failure: undefined,
    failures: 0,
    inPlace,
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    retry() {
      module.failure = undefined;
      if (failing.delete(module)) failingChanged();
      changed();
      load().then(
        (value) => {
          module.current = value;
          module.failures = 0;
          changed();
        },
        (error: unknown) => {
          module.failure = error instanceof Error ? error : new Error(String(error));
          module.failures += 1;
          failing.add(module);
          failingChanged();
          changed();
          reportFailure(module.failure);
        },
      );
    },
  };
  module.retry();
  return module;
}

/**
 * The module once it is here, else undefined (and a render when it arrives). Not React.lazy: a
 * lazy component suspends, and React reveals a Suspense boundary no sooner than 300 ms after its
 * fallback appeared (it throttles fallback reveals), which held the settings tree back by that
 * much on every start.
 */
export function useLater<T>(module: LaterModule<T>): T | undefined {
  return useSyncExternalStore(module.subscribe, () => module.current);
}

/** The modules whose code could not be fetched, for the notice that offers to try again. */
export function useFailedLoads(): readonly LaterModule<unknown>[] {
  return useSyncExternalStore(
    (listener) => {
      failingListeners.add(listener);
      return () => failingListeners.delete(listener);
    },
    () => failingSnapshot,
  );
}
