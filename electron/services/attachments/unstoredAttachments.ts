import { attachmentOf } from '../../../domain/attachments';
import { describe as describeReason } from '../../../domain/messages';
import type { FieldDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { BlobTable } from './blobTable';

/**
 * A change may name only files this workstation holds: a reference to bytes nobody uploaded
 * here would reach the cloud without its file. Checked inside the write's transaction.
 */
export function unstoredAttachments(blobs: BlobTable, fields: readonly FieldDef[], changes: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  return fields.flatMap((field) => {
    if ((field.kind !== 'image' && field.kind !== 'pdf') || !(field.key in changes)) return [];
    const ref = attachmentOf(changes[field.key]);
    if (!ref || blobs.has(ref.hash)) return [];
    return [{ field: field.key, reason: 'attachment.notStored' as const, message: describeReason('attachment.notStored', lang, { label: field.label[lang] }) }];
  });
}
