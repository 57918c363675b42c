/**
 * What an attachment costs the store, before (uploads as data URLs inside the settings record,
 * commit 00bdf11, checked out from this repository's history into a temporary folder) and after
 * (the blobs table), side by side in one run on the same disk:
 *   - the bytes SQLite writes (WAL growth, checkpointing off) for one 3.7 MB terms PDF upload,
 *     and for one 1 MB logo upload;
 *   - a one-field save in the group that holds the file: its time (median of 30), the bytes
 *     SQLite writes for it, and the size of the answer the window gets back.
 * The logo field takes at most 1024 kB, so the 3.7 MB file is the terms PDF (at most 5120 kB).
 *
 *   npm run bench:attachments            (BENCH_BEFORE=<commit> to compare with another)
 */
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import type Database from 'better-sqlite3';
import os from 'node:os';
import path from 'node:path';
import { openDatabase } from '../../db/open';
import { createAttachmentService } from '../../electron/services/attachments/attachmentService';
import { createMemoryLogger } from '../../electron/services/logger';
import { createSettingsService } from '../../electron/services/settings/settingsService';
import { pngFile } from '../../test/pngFile';
import { median, printTable } from '../shared/measure';

const before = process.env.BENCH_BEFORE ?? '00bdf11';
const repo = path.resolve(import.meta.dirname, '..', '..');
const saves = 30;
const clock = { now: () => new Date() };
const actor = { by: 'bench', userId: 'u-bench', lang: 'nl' as const };

interface Side {
  name: string;
  /** Stores the file and names it in the group; answers nothing of interest. */
  upload(group: string, field: string, bytes: Buffer, type: string): void;
  save(group: string, changes: Record<string, unknown>): unknown;
  sqlite: Database.Database;
  file: string;
}

interface Settings {
  writeGroup(key: string, input: unknown, who: { by: string; userId: string; lang: 'nl' }): { ok: boolean; error?: { message: string } };
}

function check(result: { ok: boolean; error?: { message: string } }): typeof result {
  if (!result.ok) throw new Error(result.error?.message);
  return result;
}

/** The older app, as committed, in a folder of its own (its own migrations, its own settings service). */
async function oldSide(dir: string): Promise<Side> {
  const tree = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-before-'));
  execFileSync('sh', ['-c', `git -C "${repo}" archive ${before} | tar -x -C "${tree}"`]);
  fs.symlinkSync(path.join(repo, 'node_modules'), path.join(tree, 'node_modules'));
  const open = (await import(path.join(tree, 'db/open.ts'))) as { openDatabase: typeof openDatabase };
  const service = (await import(path.join(tree, 'electron/services/settings/settingsService.ts'))) as { createSettingsService: (deps: object) => Settings };
  const store = open.openDatabase(path.join(dir, 'backoffice.sqlite'));
  const settings = service.createSettingsService({ store, clock, logger: createMemoryLogger() });
  return {
    name: `before (${before}: data URLs in records)`,
    upload: (group, field, bytes, type) => check(settings.writeGroup(group, { [field]: `data:${type};base64,${bytes.toString('base64')}` }, actor)),
    save: (group, changes) => check(settings.writeGroup(group, changes, actor)),
    sqlite: store.sqlite,
    file: store.path,
  };
}

function newSide(dir: string): Side {
  const store = openDatabase(path.join(dir, 'backoffice.sqlite'));
  const logger = createMemoryLogger();
  const settings = createSettingsService({ store, clock, logger });
  const attachments = createAttachmentService({ store, clock, logger });
  return {
    name: 'after (blobs table, references in records)',
    upload(group, field, bytes) {
      const ref = attachments.upload({ group, field, name: `${field}.bin`, bytes }, 'nl');
      if (!ref.ok) throw new Error(ref.error.message);
      check(settings.writeGroup(group, { [field]: ref.value }, actor));
    },
    save: (group, changes) => check(settings.writeGroup(group, changes, actor)),
    sqlite: store.sqlite,
    file: store.path,
  };
}

/** Bytes SQLite appends to the WAL while `run` runs: every page it writes, with frame headers. */
function walBytes(side: Side, run: () => void): number {
  side.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const wal = `${side.file}-wal`;
  const size = () => (fs.existsSync(wal) ? fs.statSync(wal).size : 0);
  const start = size();
  run();
  return size() - start;
}

const kb = (bytes: number) => `${(bytes / 1000).toFixed(1)} kB`;
const mb = (bytes: number) => `${(bytes / 1_000_000).toFixed(2)} MB`;

async function measure(makeSide: (dir: string) => Side | Promise<Side>) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'bench-attachments-'));
  const side = await makeSide(dir);
  side.sqlite.pragma('wal_autocheckpoint = 0');
  const terms = Buffer.concat([Buffer.from('%PDF-1.4\n'), randomBytes(3_700_000 - 9)]);
  const logo = pngFile(590, 590, [0, 0, 0], 42);
  const termsUpload = walBytes(side, () => {
    side.save('orders.terms', { generalTermsFormat: 'pdf' });
    side.upload('orders.terms', 'generalTermsPdf', terms, 'application/pdf');
  });
  const logoUpload = walBytes(side, () => side.upload('company.general', 'logo', logo, 'image/png'));
  const one = (group: string, field: string) => {
    const times: number[] = [];
    const written: number[] = [];
    let answer = 0;
    for (let i = 0; i < saves; i += 1) {
      written.push(
        walBytes(side, () => {
          const started = performance.now();
          // Lengths vary as real edits do: a value of the same length lets SQLite overwrite the row in place.
          const value = field === 'generalTermsUrl' ? `https://despaak.nl/${'voorwaarden/'.repeat(i % 4)}${i}` : `De Spaak ${'bv '.repeat(i % 4)}${i}`;
          answer = JSON.stringify(side.save(group, { [field]: value })).length;
          times.push(performance.now() - started);
        }),
      );
    }
    return { ms: median(times), written: median(written), answer };
  };
  const termsSave = one('orders.terms', 'generalTermsUrl');
  const logoSave = one('company.general', 'companyName');
  side.sqlite.pragma('wal_checkpoint(TRUNCATE)');
  const fileSize = fs.statSync(side.file).size;
  fs.rmSync(dir, { recursive: true, force: true });
  return { name: side.name, termsUpload, logoUpload, termsSave, logoSave, fileSize, sizes: { terms: terms.length, logo: logo.length } };
}

const old = await measure(oldSide);
const now = await measure(newSide);
console.log(`files: terms PDF ${now.sizes.terms.toLocaleString('en')} bytes, logo PNG ${now.sizes.logo.toLocaleString('en')} bytes; one-field saves: median of ${saves}\n`);
printTable([
  ['', 'before', 'after', 'after/before'],
  ['SQLite bytes written, 3.7 MB PDF upload', mb(old.termsUpload), mb(now.termsUpload), (now.termsUpload / old.termsUpload).toFixed(2)],
  ['SQLite bytes written, 1 MB logo upload', mb(old.logoUpload), mb(now.logoUpload), (now.logoUpload / old.logoUpload).toFixed(2)],
  ['one-field save next to the PDF: time', `${old.termsSave.ms.toFixed(2)} ms`, `${now.termsSave.ms.toFixed(2)} ms`, (now.termsSave.ms / old.termsSave.ms).toFixed(3)],
  ['  SQLite bytes written', kb(old.termsSave.written), kb(now.termsSave.written), (now.termsSave.written / old.termsSave.written).toFixed(3)],
  ['  answer to the window', kb(old.termsSave.answer), kb(now.termsSave.answer), (now.termsSave.answer / old.termsSave.answer).toFixed(4)],
  ['one-field save next to the logo: time', `${old.logoSave.ms.toFixed(2)} ms`, `${now.logoSave.ms.toFixed(2)} ms`, (now.logoSave.ms / old.logoSave.ms).toFixed(3)],
  ['  SQLite bytes written', kb(old.logoSave.written), kb(now.logoSave.written), (now.logoSave.written / old.logoSave.written).toFixed(3)],
  ['  answer to the window', kb(old.logoSave.answer), kb(now.logoSave.answer), (now.logoSave.answer / old.logoSave.answer).toFixed(4)],
  [`database after both uploads and ${2 * saves} saves`, mb(old.fileSize), mb(now.fileSize), (now.fileSize / old.fileSize).toFixed(2)],
]);
