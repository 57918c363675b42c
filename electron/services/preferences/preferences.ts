import { z } from 'zod';
import { languages } from '../../../domain/text';

/**
 * Machine-local UI state: not synced, not part of the shop's settings. In Electron it is kept by
 * electron-store, elsewhere by conf (the library electron-store is built on); both are handed in
 * as the same small key-value interface, and every value is checked on the way in and out.
 */
export interface KeyValueStore {
  get(key: string): unknown;
  set(key: string, value: unknown): void;
}

const bounds = z.object({ x: z.number().int(), y: z.number().int(), width: z.number().int().min(200), height: z.number().int().min(200) });

export const preferenceSchemas = {
  language: z.enum(languages),
  lastSection: z.string().max(200).nullable(),
  windowBounds: bounds.nullable(),
};

export type Preferences = { [K in keyof typeof preferenceSchemas]: z.infer<(typeof preferenceSchemas)[K]> };

export const preferenceDefaults: Preferences = { language: 'nl', lastSection: null, windowBounds: null };

export function createPreferences(backing: KeyValueStore) {
  return {
    /** A value that is missing or no longer valid (edited by hand, older app) reads as the default. */
    get<K extends keyof Preferences>(key: K): Preferences[K] {
      const parsed = preferenceSchemas[key].safeParse(backing.get(key));
      return parsed.success ? (parsed.data as Preferences[K]) : preferenceDefaults[key];
    },
    /** Returns false, and stores nothing, for a value that does not fit. */
    set<K extends keyof Preferences>(key: K, value: unknown): boolean {
      const parsed = preferenceSchemas[key].safeParse(value);
      if (parsed.success) backing.set(key, parsed.data);
      return parsed.success;
    },
    all(): Preferences {
      return { language: this.get('language'), lastSection: this.get('lastSection'), windowBounds: this.get('windowBounds') };
    },
  };
}

export type PreferencesService = ReturnType<typeof createPreferences>;
