import type { LocalStore } from '../../../db/open';
import { findCollection, findGroup } from '../../../domain/settings/catalogue';
import { describe as describeReason } from '../../../domain/messages';
import type { Lang, Text } from '../../../domain/text';

/** What happened to the data at start-up, in both languages, for the first screen the user sees. */
export interface StartupNotice {
  kind: 'restored' | 'recordRestored' | 'recordRemoved';
  message: Text;
}

const when = (iso: Date, lang: Lang) => new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'nl-NL', { dateStyle: 'long', timeStyle: 'short', timeZone: 'Europe/Amsterdam' }).format(iso);

function recordLabel(collection: string, id: string, lang: Lang): string {
  if (collection === 'settings') return findGroup(id)?.label[lang] ?? id;
  const list = findCollection(collection);
  return list ? `${list.itemLabel[lang]} (${list.label[lang]})` : `${collection} ${id}`;
}

const inBoth = (text: (lang: Lang) => string): Text => ({ nl: text('nl'), en: text('en') });

export function startupNotices(store: LocalStore): StartupNotice[] {
  const notices: StartupNotice[] = [];
  const { restored } = store;
  if (restored) {
    notices.push({ kind: 'restored', message: inBoth((lang) => describeReason('startup.restored', lang, { when: when(restored.backup.takenAt, lang), file: restored.damagedCopy })) });
  }
  for (const record of store.quarantined) {
    const from = record.restoredFrom;
    notices.push(
      from
        ? { kind: 'recordRestored', message: inBoth((lang) => describeReason('startup.recordRestored', lang, { label: recordLabel(record.collection, record.id, lang), when: when(from.takenAt, lang), file: record.savedAs })) }
        : { kind: 'recordRemoved', message: inBoth((lang) => describeReason('startup.recordRemoved', lang, { label: recordLabel(record.collection, record.id, lang), file: record.savedAs })) },
    );
  }
  return notices;
}
