import { findGroup } from '../../../domain/settings/catalogue';
import { settingsTree } from '../../../domain/settings/tree';
import type { TreeNode } from '../../../domain/settings/types';
import type { Lang } from '../../../domain/text';

export interface SearchHit {
  section: string;
  field?: string;
  label: string;
  sectionLabel: string;
  score: number;
}

interface Entry {
  section: string;
  field?: string;
  label: { nl: string; en: string };
  help: string;
  key: string;
  sectionLabel: { nl: string; en: string };
}

function entries(nodes: readonly TreeNode[], parent?: TreeNode): Entry[] {
  return nodes.flatMap((node) => {
    const sectionLabel = parent ? { nl: `${parent.label.nl} › ${node.label.nl}`, en: `${parent.label.en} › ${node.label.en}` } : node.label;
    const own: Entry = { section: node.key, label: node.label, help: '', key: node.key, sectionLabel };
    const group = node.content?.kind === 'group' ? findGroup(node.content.group) : undefined;
    const fields: Entry[] = (group?.fields ?? []).map((field) => ({
      section: node.key,
      field: field.key,
      label: field.label,
      help: `${field.help?.nl ?? ''} ${field.help?.en ?? ''}`,
      key: `${group?.key}.${field.key}`,
      sectionLabel,
    }));
    return [own, ...fields, ...entries(node.children ?? [], node)];
  });
}

const fold = (text: string) => text.toLocaleLowerCase('nl').normalize('NFD').replace(/[\u0300-\u036f]/g, '');

/** Every text folded once, up front: a keystroke then only compares strings. */
const index = entries(settingsTree).map((entry) => ({
  entry,
  labels: { nl: [fold(entry.label.nl), fold(entry.label.en)], en: [fold(entry.label.en), fold(entry.label.nl)] },
  sectionLabel: { nl: fold(entry.sectionLabel.nl), en: fold(entry.sectionLabel.en) },
  help: fold(entry.help),
  key: fold(entry.key),
}));

/**
 * Finds settings by label (either language), help text, key and section. Exact label matches
 * come first, then labels that start with the query, then the rest.
 */
export function searchSettings(query: string, lang: Lang, limit = 12): SearchHit[] {
  const q = fold(query.trim());
  if (q.length < 2) return [];
  const hits: SearchHit[] = [];
  for (const folded of index) {
    const { entry } = folded;
    const labels = folded.labels[lang];
    let score = Number.POSITIVE_INFINITY;
    if (labels.includes(q)) score = 0;
    else if (labels.some((label) => label.startsWith(q))) score = 1;
    else if (labels.some((label) => label.includes(q))) score = 2;
    else if (folded.sectionLabel[lang].includes(q)) score = 3;
    else if (folded.help.includes(q)) score = 4;
    else if (folded.key.includes(q)) score = 5;
    if (score === Number.POSITIVE_INFINITY) continue;
    hits.push({ section: entry.section, ...(entry.field ? { field: entry.field } : {}), label: entry.label[lang], sectionLabel: entry.sectionLabel[lang], score: entry.field ? score : score + 0.5 });
  }
  return hits.sort((a, b) => a.score - b.score || a.label.localeCompare(b.label)).slice(0, limit);
}
