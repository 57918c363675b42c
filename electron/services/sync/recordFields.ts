import { fieldsOfRecord, groups } from '../../../domain/settings/catalogue';
import type { FieldDef } from '../../../domain/settings/types';

const isAttachment = (field: FieldDef) => field.kind === 'image' || field.kind === 'pdf';

/** Attachment fields hold a reference to bytes in the blobs table; the bytes travel on their own. */
export function attachmentFields(collection: string, recordId: string): Set<string> {
  return new Set(fieldsOfRecord(collection, recordId).filter(isAttachment).map((field) => field.key));
}

/** The settings records that can name a file (company logo, terms PDF), each with those fields. */
export function attachmentRecords(): { collection: string; recordId: string; fields: string[] }[] {
  return groups.flatMap((group) => {
    const fields = (group.fields as readonly FieldDef[]).filter(isAttachment).map((field) => field.key);
    return fields.length > 0 ? [{ collection: 'settings', recordId: group.key, fields }] : [];
  });
}
