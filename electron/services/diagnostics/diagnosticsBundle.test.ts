import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../../db/open';
import { createFileLogger } from '../logger';
import { createSettingsService } from '../settings/settingsService';
import { createAttachmentService } from '../attachments/attachmentService';
import { pngFile } from '../../../test/pngFile';
import { createSyncStatus } from '../sync/syncStatus';
import { createDiagnostics } from './diagnosticsBundle';
import { createSystemInfo } from './systemInfo';
import { useTempDir } from '../../../test/tempDir';

const tempDir = useTempDir();

describe('diagnostics bundle', () => {
  it('holds system information, settings and the log, and no secret or file bytes: a 1 MB logo adds only its reference', () => {
    const dir = tempDir();
    const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
    const logFile = path.join(dir, 'logs', 'backoffice.log');
    const logger = createFileLogger(logFile);
    const settings = createSettingsService({ store, clock: { now: () => new Date('2026-11-28T10:00:00Z') }, logger });
    const attachments = createAttachmentService({ store, clock: { now: () => new Date('2026-11-28T10:00:00Z') }, logger });
    const bytes = pngFile(590, 590, [0, 0, 0], 7);
    expect(bytes.length).toBeGreaterThan(1_000_000);
    const upload = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes }, 'nl');
    if (!upload.ok) throw new Error(upload.error.message);
    expect(settings.writeGroup('company.general', { companyName: 'De Spaak bv', logo: upload.value }, { by: 'Anna', lang: 'nl' }).ok).toBe(true);
    const refused = settings.writeGroup('email', { smtpPassword: 'Geheim-Wachtwoord-123' }, { by: 'Anna', lang: 'nl' });
    expect(refused.ok).toBe(false);
    const systemInfo = createSystemInfo({ store, sync: createSyncStatus(store), versions: { app: '1.0.0', electron: null, chromium: null, node: '22' }, host: 'web', keychain: () => 'present' });
    const bundle = createDiagnostics({ systemInfo, settings, logFile, logger, now: () => new Date('2026-11-28T11:00:00Z') }).bundle();
    expect(bundle.system.versions.app).toBe('1.0.0');
    expect(bundle.settings['company.general']).toMatchObject({ companyName: 'De Spaak bv', logo: { hash: upload.value.hash, type: 'image/png', name: 'logo.png', size: bytes.length } });
    expect(bundle.log.some((line) => line.includes('settings.written'))).toBe(true);
    const text = JSON.stringify(bundle);
    expect(text).not.toContain('Geheim-Wachtwoord-123');
    expect(text).not.toContain(bytes.subarray(100, 160).toString('base64'));
    expect(text.length).toBeLessThan(200_000);
    expect(fs.existsSync(logFile)).toBe(true);
    store.close();
  });
});
