import { imageRefusal, sniffAttachmentType, isTypeOfKind, type AttachmentRef } from '../../../domain/attachments';
import { describe as describeReason } from '../../../domain/messages';
import { failure, success, type Result } from '../../../domain/result';
import { findField, findGroup } from '../../../domain/settings/catalogue';
import type { Lang } from '../../../domain/text';
import type { LocalStore } from '../../../db/open';
import type { Clock } from '../clock';
import type { Logger } from '../logger';
import { blobTable, type StoredBlob } from './blobTable';

/** How fetching a file this workstation does not have yet from the cloud went. */
export type BlobDownload = 'stored' | 'notPaired' | 'offline' | 'notInCloud';

/** A file as the renderer gets it, or why it is not here yet ("nog niet gedownload"). */
export type AttachmentContent =
  | { state: 'ready'; hash: string; type: string; size: number; base64: string }
  | { state: 'notDownloaded'; hash: string; reason: Exclude<BlobDownload, 'stored'> };

export interface AttachmentDeps {
  store: LocalStore;
  clock: Clock;
  logger: Logger;
  /** Fetches a file from the cloud into the blobs table (the sync engine); absent before sync is built. */
  download?: (hash: string) => Promise<BlobDownload>;
}

export interface Upload {
  group: string;
  field: string;
  /** The file name the user chose. */
  name: string;
  bytes: Buffer;
}

const extensions: Record<string, string> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/svg+xml': 'svg', 'application/pdf': 'pdf' };

/** The name as shown and attached: without folders or control characters, never empty. */
function fileName(chosen: string, fallback: string, type: string): string {
  const base = (chosen.split(/[\\/]/).pop() ?? '').replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, 200);
  return base || `${fallback}.${extensions[type] ?? 'bin'}`;
}

/**
 * Uploads into, and files out of, the content-addressed blobs table. An upload is checked as
 * strictly as the field asks (its real type by its bytes, its size in kB, an image's size in
 * pixels, and that an SVG only draws) before anything is stored; the settings write that names it comes after and carries only the reference. A file
 * another workstation uploaded is fetched from the cloud the first time it is asked for.
 */
export function createAttachmentService({ store, clock, logger, download }: AttachmentDeps) {
  const blobs = blobTable(store.sqlite);
  const fetching = new Map<string, Promise<BlobDownload>>();

  function fetchOnce(hash: string): Promise<BlobDownload> {
    if (!download) return Promise.resolve('notPaired');
    const running = fetching.get(hash);
    if (running) return running;
    const started = download(hash).finally(() => fetching.delete(hash));
    fetching.set(hash, started);
    return started;
  }

  return {
    upload({ group: groupKey, field: fieldKey, name, bytes }: Upload, lang: Lang): Result<AttachmentRef> {
      const group = findGroup(groupKey);
      if (!group) return failure({ code: 'unknown_group', message: describeReason('unknown_group', lang, { label: groupKey }) });
      const field = findField(group, fieldKey);
      if (!field || (field.kind !== 'image' && field.kind !== 'pdf')) {
        const message = describeReason(field ? 'attachment.notAnUpload' : 'unknown_field', lang, { label: field?.label[lang] ?? fieldKey });
        return failure({ code: 'invalid', message, fields: [{ field: fieldKey, reason: 'invalid', message }] });
      }
      const label = field.label[lang];
      type Reason = 'image.type' | 'image.tooLarge' | 'image.tooManyPixels' | 'image.unsafeSvg' | 'pdf.type' | 'pdf.tooLarge';
      const refuse = (reason: Reason, values: Record<string, number> = { max: field.max ?? 0 }) => {
        const message = describeReason(reason, lang, { label, ...values });
        return failure({ code: 'invalid', message, fields: [{ field: fieldKey, reason, message }] });
      };
      const type = sniffAttachmentType(bytes);
      if (!type || !isTypeOfKind(field.kind, type)) return refuse(field.kind === 'pdf' ? 'pdf.type' : 'image.type');
      if (bytes.length > (field.max ?? 0) * 1024) return refuse(field.kind === 'pdf' ? 'pdf.tooLarge' : 'image.tooLarge');
      const image = imageRefusal(bytes, type);
      if (image) return refuse(image.reason, 'values' in image ? image.values : undefined);
      const hash = blobs.keep(bytes, type, clock.now());
      logger.info('attachment.stored', { group: groupKey, field: fieldKey, hash, size: bytes.length });
      return success({ hash, type, name: fileName(name, fieldKey, type), size: bytes.length });
    },

    /** The bytes of a file here, for the mail service and exports; null when not downloaded yet. */
    file: (hash: string): StoredBlob | null => blobs.read(hash),

    has: (hash: string) => blobs.has(hash),

    /** A file for the screen: from this machine, or fetched from the cloud once when it is not here yet. */
    async content(hash: string): Promise<AttachmentContent> {
      let stored = blobs.read(hash);
      if (!stored) {
        const fetched = await fetchOnce(hash);
        if (fetched !== 'stored') return { state: 'notDownloaded', hash, reason: fetched };
        stored = blobs.read(hash);
        if (!stored) return { state: 'notDownloaded', hash, reason: 'notInCloud' };
      }
      return { state: 'ready', hash, type: stored.type, size: stored.size, base64: stored.bytes.toString('base64') };
    },
  };
}

export type AttachmentService = ReturnType<typeof createAttachmentService>;
