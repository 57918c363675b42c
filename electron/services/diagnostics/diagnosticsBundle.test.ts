import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { createFileLogger } from '../logger';
import { createSettingsService } from '../settings/settingsService';
import { createSyncStatus } from '../sync/syncStatus';
import { createDiagnostics } from './diagnosticsBundle';
import { createSystemInfo } from './systemInfo';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();

describe('diagnostics bundle', () => {
  it('holds system information, settings and the log, and no secret or image data', () => {
    const dir = tempDir();
    const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
    const logFile = path.join(dir, 'logs', 'backoffice.log');
    const logger = createFileLogger(logFile);
    const settings = createSettingsService({ store, clock: { now: () => new Date('2026-11-28T10:00:00Z') }, logger });
    const logo = `data:image/png;base64,${'A'.repeat(4000)}`;
    settings.writeGroup('company.general', { companyName: 'De Spaak bv', logo }, { by: 'Anna', lang: 'nl' });
    const refused = settings.writeGroup('email', { smtpPassword: 'Geheim-Wachtwoord-123' }, { by: 'Anna', lang: 'nl' });
    expect(refused.ok).toBe(false);
    const systemInfo = createSystemInfo({ store, sync: createSyncStatus(store), versions: { app: '1.0.0', electron: null, chromium: null, node: '22' }, host: 'web', keychain: () => 'present' });
    const bundle = createDiagnostics({ systemInfo, settings, logFile, now: () => new Date('2026-11-28T11:00:00Z') }).bundle();
    expect(bundle.system.versions.app).toBe('1.0.0');
    expect(bundle.settings['company.general']).toMatchObject({ companyName: 'De Spaak bv', logo: expect.stringMatching(/^\[bestand, \d+ tekens\]$/) });
    expect(bundle.log.some((line) => line.includes('settings.written'))).toBe(true);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('Geheim-Wachtwoord-123');
    expect(text).not.toContain('A'.repeat(100));
    expect(fs.existsSync(logFile)).toBe(true);
    store.close();
  });
});
