import fs from 'node:fs';
import type { Logger } from '../logger';
import type { SettingsService } from '../settings/settingsService';
import type { SystemInfoService } from './systemInfo';

/**
 * What a shop sends along with a support question: system information, the settings (secrets
 * are never in them: they live in the keychain) and the end of the log (which holds events and
 * identifiers, never values). Attachments appear as their reference (name, type, size, hash),
 * never their bytes, so a shop with a large logo still sends a small bundle.
 */
export function createDiagnostics(deps: { systemInfo: SystemInfoService; settings: SettingsService; logFile: string; logger?: Logger; now: () => Date }) {
  function logTail(lines: number): string[] {
    // Lines the logger still holds (the last moments' saves) belong in the bundle too.
    deps.logger?.flush?.();
    if (!fs.existsSync(deps.logFile)) return [];
    const text = fs.readFileSync(deps.logFile, 'utf8');
    return text.split('\n').filter(Boolean).slice(-lines);
  }

  return {
    bundle() {
      const settings = Object.fromEntries(Object.entries(deps.settings.snapshot()).map(([key, group]) => [key, group.values]));
      return { createdAt: deps.now().toISOString(), system: deps.systemInfo.read(), settings, log: logTail(300) };
    },
  };
}
