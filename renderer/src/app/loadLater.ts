import { useEffect, useState } from 'react';

/** Code fetched on demand, started now; `current` is its value once it has arrived. */
export interface LaterModule<T> {
  current: T | undefined;
  ready: Promise<T>;
}

export function loadLater<T>(load: () => Promise<T>): LaterModule<T> {
  const module: LaterModule<T> = { current: undefined, ready: load() };
  void module.ready.then((value) => (module.current = value));
  return module;
}

/**
 * The module once it is here, else undefined (and a render when it arrives). Not React.lazy: a
 * lazy component suspends, and React reveals a Suspense boundary no sooner than 300 ms after its
 * fallback appeared (it throttles fallback reveals), which held the settings tree back by that
 * much on every start.
 */
export function useLater<T>(module: LaterModule<T>): T | undefined {
  const [value, setValue] = useState(() => module.current);
  useEffect(() => {
    if (value === undefined) void module.ready.then((arrived) => setValue(() => arrived));
  }, [module, value]);
  return value;
}
