import { attachmentOf } from '../../../domain/attachments';
import { describe as describeReason } from '../../../domain/messages';
import type { FieldDef } from '../../../domain/settings/types';
import type { FieldError } from '../../../domain/settings/validate';
import type { Lang } from '../../../domain/text';
import type { BlobTable } from './blobTable';

const filesOf = new WeakMap<readonly FieldDef[], readonly FieldDef[]>();

/** The image and PDF fields, worked out once per group: most groups have none, and a write then checks nothing. */
function fileFields(fields: readonly FieldDef[]): readonly FieldDef[] {
  let files = filesOf.get(fields);
  // Stryker disable next-line ConditionalExpression,BooleanLiteral: a cache; working the list out again gives the same list.
  if (!files) {
    files = fields.filter((field) => field.kind === 'image' || field.kind === 'pdf');
    // Stryker disable next-line CallExpression: a cache; not keeping the list only means working it out again.
    filesOf.set(fields, files);
  }
  return files;
}

/**
 * A change may name only files this workstation holds: a reference to bytes nobody uploaded
 * here would reach the cloud without its file. Checked inside the write's transaction.
 */
export function unstoredAttachments(blobs: BlobTable, fields: readonly FieldDef[], changes: Readonly<Record<string, unknown>>, lang: Lang): FieldError[] {
  return fileFields(fields).flatMap((field) => {
    if (!(field.key in changes)) return [];
    const ref = attachmentOf(changes[field.key]);
    if (!ref || blobs.has(ref.hash)) return [];
    return [{ field: field.key, reason: 'attachment.notStored' as const, message: describeReason('attachment.notStored', lang, { label: field.label[lang] }) }];
  });
}
