import fs from 'node:fs';
import os from 'node:os';
import { listBackups } from '../../../db/backup';
import type { LocalStore } from '../../../db/open';
import type { SyncStatusService } from '../sync/syncStatus';

/** The versions of the runtime the app is in; the Electron host knows more than the web host. */
export interface RuntimeVersions {
  app: string;
  electron: string | null;
  chromium: string | null;
  node: string;
}

export interface SystemInfo {
  versions: RuntimeVersions;
  os: string;
  database: { path: string; sizeBytes: number; schemaVersion: number; backupDir: string; lastBackupAt: string | null; backups: number };
  sync: ReturnType<SyncStatusService['read']>;
  host: 'electron' | 'web';
  /** 'missing' when keytar could not be loaded: secrets are refused until it is installed. */
  keychain: 'present' | 'missing';
}

function fileSize(file: string): number {
  return ['', '-wal'].reduce((sum, suffix) => sum + (fs.existsSync(file + suffix) ? fs.statSync(file + suffix).size : 0), 0);
}

export function createSystemInfo(deps: {
  store: LocalStore;
  sync: SyncStatusService;
  versions: RuntimeVersions;
  host: 'electron' | 'web';
  keychain: () => 'present' | 'missing';
}) {
  const { store } = deps;
  return {
    read(): SystemInfo {
      const backups = listBackups(store.backupDir);
      return {
        versions: deps.versions,
        os: `${os.type()} ${os.release()} (${os.arch()})`,
        database: {
          path: store.path,
          sizeBytes: fileSize(store.path),
          schemaVersion: store.schemaVersion,
          backupDir: store.backupDir,
          lastBackupAt: backups[0]?.takenAt.toISOString() ?? null,
          backups: backups.length,
        },
        sync: deps.sync.read(),
        host: deps.host,
        keychain: deps.keychain(),
      };
    },
  };
}

export type SystemInfoService = ReturnType<typeof createSystemInfo>;
