import { fieldsOfRecord } from '../../../domain/settings/catalogue';

/** Attachment fields hold the sha-256 of bytes in the blobs table; the bytes travel on their own. */
export function attachmentFields(collection: string, recordId: string): Set<string> {
  return new Set(fieldsOfRecord(collection, recordId).filter((field) => field.kind === 'image' || field.kind === 'pdf').map((field) => field.key));
}
