import { findCollection, findGroup } from '../../../domain/settings/catalogue';
import type { FieldDef } from '../../../domain/settings/types';

/** The catalogue's fields of a record: a settings group's, or the fields of a list's items. */
export function fieldsOfRecord(collection: string, recordId: string): readonly FieldDef[] {
  if (collection === 'settings') return findGroup(recordId)?.fields ?? [];
  return findCollection(collection)?.fields ?? [];
}

/** Fields that belong to this machine only (receipt printer, start label): never sent, never pulled over. */
export function workstationFields(collection: string, recordId: string): Set<string> {
  return new Set(fieldsOfRecord(collection, recordId).filter((field) => field.scope === 'workstation').map((field) => field.key));
}

/** Attachment fields hold a sha-256 of bytes in the blobs table. */
export function attachmentFields(collection: string, recordId: string): Set<string> {
  return new Set(fieldsOfRecord(collection, recordId).filter((field) => field.kind === 'image' || field.kind === 'pdf').map((field) => field.key));
}
