/**
 * The recorder's draft (「为此页面生成映射」), as data: what the page scan found for each form item,
 * what the maintainer corrected, and the mapping JSON built from it. Pure: no DOM here (the scan is
 * lib/mapping/recorder.ts), so the proposal of vocabulary keys, the merge of a re-scan and the JSON
 * builder are unit-tested on their own.
 */
import { VOCABULARY, vocabularyEntry, type VocabularyEntry } from '../record/vocabulary';
import { normalizeText } from '../engine/dom';
import { mappingSchema, MAPPING_SCHEMA_VERSION, type Locator, type Mapping, type MappingField } from './schema';

/** How a locator was chosen: the label (best), a stable attribute, or CSS (brittle). */
export type LocatorKind = 'label' | 'id' | 'name' | 'placeholder' | 'css' | 'none';

export interface DraftItem {
  /** Stable across re-scans of the same page: label and control attributes (see itemSignature). */
  sig: string;
  /** Proposed field id (letters, digits, `_`, `-`). */
  id: string;
  /** The label a person reads in front of the field; null when the page shows none. */
  label: string | null;
  /** Widget kind the engine detects ('table' for a table of rows; 'unknown' when none fits). */
  widget: string;
  /** Proposed vocabulary key and why; undefined when nothing fits. */
  key?: string;
  keyHow?: 'label' | 'synonym' | 'contains';
  /** Extra ways to find the field besides its label. */
  locate?: Locator;
  locatorKind: LocatorKind;
  /** Why a maintainer should look twice (Chinese). */
  warnings: string[];
  /** Options shown without opening anything (radio and checkbox groups, native selects). */
  options?: string[];
  required: boolean;
  /** Found on a later scan than the first: a conditional field revealed by the maintainer. */
  appears?: boolean;
  /** The maintainer's decision: leave this field out of the mapping. */
  skip?: boolean;
}

export interface Draft {
  url: string;
  title: string;
  /** The documents the form items live in (a form inside the portal's iframe is matched by the iframe's URL). */
  frameUrls?: string[];
  items: DraftItem[];
}

/** Terms of a vocabulary entry: its label and synonyms, normalized the way page labels are. */
function terms(e: VocabularyEntry): string[] {
  return [...new Set([e.label, ...e.synonyms].map((t) => normalizeText(t)).filter((t) => t.length >= 2))];
}

const DATE_WIDGET = /date|laydate|picker|time/;

/**
 * A vocabulary key for a page label: an exact match of the key's label, then of a synonym, then the
 * longest term contained in the label (or the label contained in a term). A date widget prefers date
 * keys when two terms tie. Undefined when nothing fits: the maintainer picks, or skips the field.
 */
export function proposeKey(label: string | null, widget?: string): { key: string; how: NonNullable<DraftItem['keyHow']> } | undefined {
  if (!label) return undefined;
  const l = normalizeText(label).replace(/[（(][^）)]*[）)]$/, '');
  if (!l) return undefined;
  for (const e of VOCABULARY) if (normalizeText(e.label) === l) return { key: e.key, how: 'label' };
  for (const e of VOCABULARY) if (e.synonyms.some((s) => normalizeText(s) === l)) return { key: e.key, how: 'synonym' };
  let best: { key: string; score: number } | undefined;
  const dateWidget = !!widget && DATE_WIDGET.test(widget);
  for (const e of VOCABULARY) {
    const dateKey = /date/.test(e.type);
    for (const t of terms(e)) {
      const overlap = l.includes(t) ? t.length : l.length >= 2 && t.includes(l) ? l.length : 0;
      if (!overlap) continue;
      const score = overlap * 2 + (dateWidget === dateKey ? 1 : 0);
      if (!best || score > best.score) best = { key: e.key, score };
    }
  }
  return best && { key: best.key, how: 'contains' };
}

/** Identity of a scanned item across scans: its label and the first control's name/id/placeholder. */
export function itemSignature(label: string | null, attrs: { name?: string; id?: string; placeholder?: string }): string {
  return [label ?? '', attrs.name ?? '', attrs.id ?? '', attrs.placeholder ?? ''].join('|');
}

/**
 * A re-scan merged into the draft: items already there keep the maintainer's corrections; new ones
 * (a conditional field the maintainer revealed) are added after them and marked `appears`.
 */
export function mergeScan(draft: Draft, scan: Draft): { draft: Draft; added: DraftItem[] } {
  const scanned = scan.items;
  const have = new Set(draft.items.map((i) => i.sig));
  const ids = new Set(draft.items.map((i) => i.id));
  const added: DraftItem[] = [];
  for (const it of scanned) {
    if (have.has(it.sig)) continue;
    have.add(it.sig);
    let id = it.id;
    for (let n = 2; ids.has(id); n++) id = `${it.id}${n}`;
    ids.add(id);
    added.push({ ...it, id, appears: true, warnings: [...it.warnings, '重新扫描时才出现：已标为条件字段（appears）；若它在折叠区、标签页或对话框里，请改写 section / tab / dialog'] });
  }
  return { draft: { ...draft, items: [...draft.items, ...added], frameUrls: [...new Set([...(draft.frameUrls ?? []), ...(scan.frameUrls ?? [])])] }, added };
}

/** Unique field ids for a fresh scan. */
export function uniqueIds(items: DraftItem[]): DraftItem[] {
  const seen = new Set<string>();
  return items.map((it) => {
    let id = it.id;
    for (let n = 2; seen.has(id); n++) id = `${it.id}${n}`;
    seen.add(id);
    return id === it.id ? it : { ...it, id };
  });
}

/** `http://host:port/path/form.html?x` → `http://host:port/path/form.html*`, the form's page and its queries. */
export function urlPattern(url: string): string {
  const u = new URL(url);
  return `${u.protocol}//${u.host}${u.pathname}*`;
}

/** A mapping id from the page's host and path: lowercase letters, digits, dots and hyphens. */
export function proposeMappingId(url: string): string {
  const u = new URL(url);
  const parts = [...u.hostname.split('.').filter((p) => !/^(www|gov|cn|com|\d+)$/.test(p)), ...u.pathname.split('/').map((p) => p.replace(/\.\w+$/, ''))]
    .map((p) => p.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-+|-+$/g, ''))
    .filter(Boolean);
  const id = ['draft', ...parts].join('.').slice(0, 80);
  return id.length >= 3 ? id : 'draft.mapping';
}

export interface MappingMeta {
  id: string;
  name: string;
  urls: string[];
  maintainer: string;
  /** YYYY-MM-DD */
  date: string;
  version?: number;
}

/** One mapping field from a draft item; undefined when the item is skipped or cannot be a field yet. */
export function fieldOf(item: DraftItem): MappingField | undefined {
  if (item.skip || !item.label) return undefined;
  // A table of rows needs its columns written by hand (rows.columns): the draft cannot guess them.
  if (item.widget === 'table') return undefined;
  const f: MappingField = { id: item.id, label: item.label, widget: item.widget === 'unknown' ? 'auto' : item.widget };
  if (item.locate && Object.keys(item.locate).length) f.locate = item.locate;
  if (item.key && vocabularyEntry(item.key)) f.key = item.key;
  if (item.appears) f.appears = true;
  return f;
}

/**
 * The mapping JSON a draft stands for, validated with the same schema as every mapping file (it
 * throws on a draft that would not load, which would be a bug here). Fields without a key are kept:
 * the label, locator and widget are the hard part, and a maintainer adds pipes by hand.
 */
export function buildMapping(draft: Draft, meta: MappingMeta): Mapping {
  const fields = draft.items.map(fieldOf).filter((f): f is MappingField => !!f);
  const json = {
    id: meta.id,
    name: meta.name,
    version: meta.version ?? 1,
    schemaVersion: MAPPING_SCHEMA_VERSION,
    maintainers: [{ name: meta.maintainer }],
    lastVerified: meta.date,
    match: { urls: meta.urls },
    fields,
  };
  return mappingSchema.parse(json);
}

/** Vocabulary entries whose key, label or synonyms contain the query (the searchable Chinese list). */
export function searchVocabulary(query: string): VocabularyEntry[] {
  const q = normalizeText(query).toLowerCase();
  if (!q) return [...VOCABULARY];
  return VOCABULARY.filter((e) => e.key.toLowerCase().includes(q) || [e.label, ...e.synonyms].some((t) => normalizeText(t).includes(q)));
}
