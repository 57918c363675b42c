import fs from 'node:fs';
import path from 'node:path';
import { openDatabase, type OpenOptions } from '../../db/open';
import { systemClock, type Clock } from './clock';
import { createDiagnostics } from './diagnostics/diagnosticsBundle';
import { createSystemInfo, type RuntimeVersions } from './diagnostics/systemInfo';
import { createEventBus } from './events';
import { lockDataFolder } from './dataFolderLock';
import { createPruningSchedule } from './store/pruningSchedule';
import { createFileLogger, type Logger } from './logger';
import { createPreferences, type KeyValueStore } from './preferences/preferences';
import { createAccessService } from './access/accessService';
import { createBackupSchedule } from './backups/backupSchedule';
import { createCarrierService, type CarrierEndpoints } from './carriers/carrierService';
import { startupNotices } from './backups/startupNotices';
import { loadLocalKey } from './access/localKey';
import type { ScryptCost } from './access/secretHash';
import { createProviderSync } from './payments/providerSync';
import { createStorekeeperPayments } from './payments/storekeeperPayments';
import { createSalesReportService } from './reports/salesReportService';
import { createReceiptPrinter } from './printing/receiptPrinter';
import { createSecretStore, type KeychainBackend } from './secrets/secretStore';
import { createListService, type TemplateDefaults } from './lists/listService';
import { createMailService } from './mail/mailService';
import { createSettingsService } from './settings/settingsService';
import { createAttachmentService } from './attachments/attachmentService';
import { createSyncService, type SyncServiceDeps } from './sync/syncService';
import { createWebhookConnector } from './webhooks/webhookConnector';
import { applyPolicy } from './policy/applyPolicy';
import { createPolicyService } from './policy/policyService';
import { loadNativePolicySource, policyFilePath } from './policy/policySources';
import { createWindowProblems } from './windowProblems';

export interface BackofficeOptions {
  dataDir: string;
  /** keytar, or null where the keychain cannot be loaded. */
  keychain: KeychainBackend | null;
  /**
   * The keychain service name the secrets are kept under ('Backoffice'). Another name keeps one
   * data folder's secrets apart from another's on the same machine: each end-to-end test's host,
   * or a second shop run side by side.
   */
  keychainService?: string;
  /** electron-store in the desktop app, conf in the web host. */
  preferences: KeyValueStore;
  versions: RuntimeVersions;
  host: 'electron' | 'web';
  migrationsFolder?: OpenOptions['migrationsFolder'];
  clock?: Clock;
  logger?: Logger;
  /** Runtime assets: default e-mail templates, label sheet templates. */
  resourcesDir: string;
  /** Certificate authorities the mail service trusts instead of the system's; only tests set it. */
  trustedCertificates?: string[];
  /** Backups kept in `backups/`; one a day at most. */
  keepBackups?: number;
  /** Sync timings and transport for tests and benchmarks; the defaults suit a shop. */
  sync?: SyncServiceDeps['engine'];
  /** The IT policy file; by default BACKOFFICE_POLICY_FILE or the machine-wide file. */
  policyFile?: string;
  /** The shipping providers' API roots; the public ones unless a test or a self-hosted proxy names its own. */
  carriers?: CarrierEndpoints;
  /** The scrypt cost of new password hashes; only tests that never sync set a cheaper one (see AccessDeps). */
  hashingCost?: ScryptCost;
}

function readTemplateDefaults(resourcesDir: string): TemplateDefaults {
  return JSON.parse(fs.readFileSync(path.join(resourcesDir, 'email-templates.json'), 'utf8')) as TemplateDefaults;
}

/**
 * The composition root both hosts share: opens the store and builds every service on it. The
 * hosts add only their transport (IPC or HTTP) and their window.
 */
export function createBackoffice(options: BackofficeOptions) {
  const clock = options.clock ?? systemClock;
  // First of all: a second host on the same folder stops here, before it opens anything.
  const unlock = lockDataFolder(options.dataDir, clock.now());
  const logFile = path.join(options.dataDir, 'logs', 'backoffice.log');
  const logger = options.logger ?? createFileLogger(logFile);
  const store = openDatabase(path.join(options.dataDir, 'backoffice.sqlite'), { migrationsFolder: options.migrationsFolder, now: () => clock.now() });
  if (store.restored) logger.warn('db.restoredFromBackup', { backup: store.restored.backup.path, damagedCopy: store.restored.damagedCopy });
  for (const record of store.quarantined) logger.warn('db.recordQuarantined', { collection: record.collection, id: record.id, savedAs: record.savedAs, restored: record.restoredFrom !== null });
  if (store.movedAttachments && store.movedAttachments.files > 0) logger.info('db.attachmentsMoved', { ...store.movedAttachments });
  const events = createEventBus();
  const settings = createSettingsService({ store, clock, logger, events });
  const policy = createPolicyService({ file: options.policyFile ?? policyFilePath(undefined), native: loadNativePolicySource(process.platform, logger), logger });
  const secrets = createSecretStore({ backend: options.keychain, logger, now: () => clock.now(), ...(options.keychainService ? { service: options.keychainService } : {}) });
  const lists = createListService({ store, clock, logger, events, templateDefaults: readTemplateDefaults(options.resourcesDir) });
  const sync = createSyncService({ store, secrets, clock, logger, events, settings, lists, policy, engine: options.sync });
  const attachments = createAttachmentService({ store, clock, logger, download: (hash) => sync.fetchBlob(hash) });
  const mail = createMailService({ store, settings, lists, secrets, clock, logger, events, attachments, trustedCertificates: options.trustedCertificates });
  const backups = createBackupSchedule({ store, clock, logger, keep: options.keepBackups ?? 7 });
  const systemInfo = createSystemInfo({ store, sync, versions: options.versions, host: options.host, keychain: () => secrets.binding() });
  const services = {
    settings,
    attachments,
    lists,
    mail,
    carriers: createCarrierService({ settings, secrets, logger, endpoints: options.carriers }),
    access: createAccessService({ store, clock, logger, settings, failureKey: loadLocalKey(path.join(options.dataDir, 'sign-in.key')), onSetUp: () => void backups.check(), hashingCost: options.hashingCost }),
    secrets,
    preferences: createPreferences(options.preferences),
    sync,
    storekeeperPayments: createStorekeeperPayments({ store, secrets, clock, logger, fetch: options.sync?.fetch }),
    paymentProvider: createProviderSync({ store, secrets, lists, clock, logger, fetch: options.sync?.fetch }),
    salesReport: createSalesReportService({ store, secrets, clock, logger, fetch: options.sync?.fetch }),
    webhooks: createWebhookConnector({
      store,
      secrets,
      lists,
      logger,
      syncNow: () => sync.syncNow(),
      privateTargetsAllowed: () => policy.state().allowPrivateWebhookTargets,
      fetch: options.sync?.fetch,
    }),
    receiptPrinter: createReceiptPrinter({ settings, logger }),
    clock,
    /** For what only the window knows went wrong (its code could not be fetched), bounded. */
    windowProblems: createWindowProblems({ logger, clock }),
    systemInfo,
    diagnostics: createDiagnostics({ systemInfo, settings, logFile, logger, now: () => clock.now() }),
    policy,
    /** What the user must be told at the next screen: a restore from backup, records put aside as damaged. */
    startupNotices: () => startupNotices(store),
  };
  const pruning = createPruningSchedule({ store, clock, logger });
  const stopApplyingPolicy = applyPolicy({ policy, settings, logger, events });
  void backups.check();

  return {
    services,
    events,
    logger,
    store,
    /** Shown once after start-up when the database was restored from a backup. */
    restored: store.restored,
    backups,
    /** Background work (the mail queue, watching IT's policy, the sync loop, backups while running); only the host that owns the data folder calls this. */
    start(): void {
      mail.start();
      policy.start();
      sync.start();
      pruning.start();
      backups.start();
    },
    async close(): Promise<void> {
      policy.stop();
      stopApplyingPolicy();
      await sync.stop();
      await mail.stop();
      pruning.stop();
      await backups.stop();
      store.close();
      // The lines of the last moments are in the file before the app is gone.
      logger.flush?.();
      unlock();
    },
  };
}

export type Backoffice = ReturnType<typeof createBackoffice>;
export type Services = Backoffice['services'];
