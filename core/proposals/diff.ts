import { plainText } from '../richtext/text';
import { blocksOf } from '../richtext/walk';
import { pricingTotals } from './money';
import type { DiffToken, FieldChange, ProposalDiff, ProposalSection, ProposalSnapshot, SectionDiff } from './types';

/**
 * Compares two proposal snapshots for the side-by-side view: each section word by word (Chinese
 * character by character), and every changed field of the title, success criteria, pricing and
 * timeline. The word diff is a longest-common-subsequence over tokens after the common start and
 * end are set aside; very long changed stretches are compared line by line first so the table
 * never grows past a few million cells.
 */

/** Largest LCS table (cells) computed at once. */
const MAX_LCS_CELLS = 4_000_000;

/** Words, single Han characters, runs of spaces, and single punctuation marks. */
export function tokenize(text: string): string[] {
  return text.match(/\p{Script=Han}|[\p{L}\p{N}_'’-]+|\s+|[^\s\p{L}\p{N}]/gu) ?? [];
}

type Op<T> = { op: 'same' | 'added' | 'removed'; item: T };

function lcs<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  const n = a.length;
  const m = b.length;
  // lengths[i][j] = LCS of a[i..] and b[j..], in one flat array.
  const lengths = new Uint32Array((n + 1) * (m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lengths[i * (m + 1) + j] = a[i] === b[j] ? (lengths[(i + 1) * (m + 1) + j + 1] ?? 0) + 1 : Math.max(lengths[(i + 1) * (m + 1) + j] ?? 0, lengths[i * (m + 1) + j + 1] ?? 0);
    }
  }
  const ops: Op<T>[] = [];
  let i = 0;
  let j = 0;
  while (i < n && j < m) {
    if (a[i] === b[j]) {
      ops.push({ op: 'same', item: a[i] as T });
      i++;
      j++;
    } else if ((lengths[(i + 1) * (m + 1) + j] ?? 0) >= (lengths[i * (m + 1) + j + 1] ?? 0)) {
      ops.push({ op: 'removed', item: a[i++] as T });
    } else {
      ops.push({ op: 'added', item: b[j++] as T });
    }
  }
  while (i < n) ops.push({ op: 'removed', item: a[i++] as T });
  while (j < m) ops.push({ op: 'added', item: b[j++] as T });
  return ops;
}

/** Diff of two sequences: common start and end kept, the middle by LCS when it fits, else all removed then all added. */
function diffSequence<T>(a: readonly T[], b: readonly T[], middle: (a: readonly T[], b: readonly T[]) => Op<T>[]): Op<T>[] {
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  return [
    ...a.slice(0, start).map((item): Op<T> => ({ op: 'same', item })),
    ...middle(a.slice(start, endA), b.slice(start, endB)),
    ...a.slice(endA).map((item): Op<T> => ({ op: 'same', item })),
  ];
}

function wholesale<T>(a: readonly T[], b: readonly T[]): Op<T>[] {
  return [...a.map((item): Op<T> => ({ op: 'removed', item })), ...b.map((item): Op<T> => ({ op: 'added', item }))];
}

function tokenDiff(a: string, b: string): Op<string>[] {
  return diffSequence(tokenize(a), tokenize(b), (x, y) => ((x.length + 1) * (y.length + 1) <= MAX_LCS_CELLS ? lcs(x, y) : wholesale(x, y)));
}

/** Joins neighbouring tokens with the same mark, so the view renders few spans. */
function compact(ops: readonly Op<string>[]): DiffToken[] {
  const tokens: DiffToken[] = [];
  for (const { op, item } of ops) {
    const last = tokens.at(-1);
    if (last && last.op === op) last.text += item;
    else tokens.push({ text: item, op });
  }
  return tokens;
}

/** Word-level diff of two texts; long texts are matched line by line first, then word by word inside changed lines. */
export function diffText(a: string, b: string): DiffToken[] {
  const tokensA = tokenize(a).length;
  const tokensB = tokenize(b).length;
  if ((tokensA + 1) * (tokensB + 1) <= MAX_LCS_CELLS) return compact(tokenDiff(a, b));
  const lines = diffSequence(a.split('\n'), b.split('\n'), (x, y) => ((x.length + 1) * (y.length + 1) <= MAX_LCS_CELLS ? lcs(x, y) : wholesale(x, y)));
  const ops: Op<string>[] = [];
  // A run of removed lines next to added lines is one changed stretch: compare it word by word.
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) ops.push(...tokenDiff(removed.join('\n'), added.join('\n')), { op: 'same', item: '\n' });
    removed = [];
    added = [];
  };
  for (const { op, item } of lines) {
    if (op === 'removed') removed.push(item);
    else if (op === 'added') added.push(item);
    else {
      flush();
      ops.push({ op: 'same', item: `${item}\n` });
    }
  }
  flush();
  const tokens = compact(ops);
  // Every line above ends with a line break; the text itself does not.
  const last = tokens.at(-1);
  if (last && last.op === 'same' && last.text.endsWith('\n')) {
    last.text = last.text.slice(0, -1);
    if (last.text === '') tokens.pop();
  }
  return tokens;
}

/** The text a section is compared by: its title line, then its blocks one per line. */
export function sectionText(section: ProposalSection): string {
  return [section.title, ...blocksOf(section.bodyJson).map(plainText)].join('\n');
}

function diffSections(from: readonly ProposalSection[], to: readonly ProposalSection[]): SectionDiff[] {
  const fromById = new Map(from.map((s) => [s.id, s]));
  const toIds = new Set(to.map((s) => s.id));
  const result: SectionDiff[] = to.map((section) => {
    const before = fromById.get(section.id);
    if (!before) return { id: section.id, change: 'added', fromTitle: null, toTitle: section.title, tokens: [{ text: sectionText(section), op: 'added' }] };
    const a = sectionText(before);
    const b = sectionText(section);
    if (a === b) return { id: section.id, change: 'same', fromTitle: before.title, toTitle: section.title, tokens: [{ text: b, op: 'same' }] };
    return { id: section.id, change: 'changed', fromTitle: before.title, toTitle: section.title, tokens: diffText(a, b) };
  });
  // Removed sections go back where they were: after the nearest earlier section that is still shown.
  from.forEach((section, index) => {
    if (toIds.has(section.id)) return;
    const removed: SectionDiff = { id: section.id, change: 'removed', fromTitle: section.title, toTitle: null, tokens: [{ text: sectionText(section), op: 'removed' }] };
    let at = 0;
    for (let i = index - 1; i >= 0; i--) {
      const previous = from[i];
      const position = previous ? result.findIndex((d) => d.id === previous.id) : -1;
      if (position >= 0) {
        at = position + 1;
        break;
      }
    }
    result.splice(at, 0, removed);
  });
  return result;
}

function fieldChange(changes: FieldChange[], path: string, label: string, from: string | null | undefined, to: string | null | undefined): void {
  const a = from ?? null;
  const b = to ?? null;
  if (a === b) return;
  changes.push({ path, label, change: a === null ? 'added' : b === null ? 'removed' : 'changed', from: a, to: b });
}

/** Fields of items matched by id (pricing lines, phases): added, removed, and changed fields. */
function diffById<T extends { id: string }>(
  changes: FieldChange[],
  path: string,
  what: string,
  from: readonly T[],
  to: readonly T[],
  fields: readonly { key: keyof T & string; label: string }[],
  describe: (item: T) => string,
): void {
  const fromById = new Map(from.map((x) => [x.id, x]));
  const toById = new Map(to.map((x) => [x.id, x]));
  to.forEach((item, index) => {
    const before = fromById.get(item.id);
    const where = `${what} ${index + 1}`;
    if (!before) {
      fieldChange(changes, `${path}.${item.id}`, where, null, describe(item));
      return;
    }
    for (const { key, label } of fields) {
      const a = before[key];
      const b = item[key];
      fieldChange(changes, `${path}.${item.id}.${key}`, `${label} on ${where.toLowerCase()}`, a === undefined ? null : String(a), b === undefined ? null : String(b));
    }
  });
  from.forEach((item, index) => {
    if (!toById.has(item.id)) fieldChange(changes, `${path}.${item.id}`, `${what} ${index + 1}`, describe(item), null);
  });
}

function totalOf(snapshot: ProposalSnapshot): string {
  try {
    return pricingTotals(snapshot.pricing).total;
  } catch {
    // A stored snapshot was checked when saved; an unreadable one shows as no total rather than failing the comparison.
    return '';
  }
}

export function diffProposals(from: ProposalSnapshot, to: ProposalSnapshot): ProposalDiff {
  const fields: FieldChange[] = [];
  fieldChange(fields, 'title', 'Title', from.title, to.title);
  fieldChange(fields, 'status', 'Status', from.status, to.status);
  const criteria = Math.max(from.successCriteria.length, to.successCriteria.length);
  for (let i = 0; i < criteria; i++) {
    const a = from.successCriteria[i];
    const b = to.successCriteria[i];
    if (!a || !b) {
      const text = (c: typeof a): string | null => (c ? `${c.metric}: ${c.target} (${c.measurement})` : null);
      fieldChange(fields, `successCriteria.${i}`, `Success criterion ${i + 1}`, text(a), text(b));
      continue;
    }
    fieldChange(fields, `successCriteria.${i}.metric`, `Metric of success criterion ${i + 1}`, a.metric, b.metric);
    fieldChange(fields, `successCriteria.${i}.target`, `Target of success criterion ${i + 1}`, a.target, b.target);
    fieldChange(fields, `successCriteria.${i}.measurement`, `Measurement of success criterion ${i + 1}`, a.measurement, b.measurement);
  }
  fieldChange(fields, 'pricing.currency', 'Currency', from.pricing.currency, to.pricing.currency);
  fieldChange(fields, 'pricing.taxRate', 'Tax rate', from.pricing.taxRate, to.pricing.taxRate);
  fieldChange(fields, 'pricing.discount', 'Discount', `${from.pricing.discount.value} (${from.pricing.discount.kind})`, `${to.pricing.discount.value} (${to.pricing.discount.kind})`);
  diffById(
    fields,
    'pricing.lines',
    'Pricing line',
    from.pricing.lines,
    to.pricing.lines,
    [
      { key: 'item', label: 'Item' },
      { key: 'unit', label: 'Unit' },
      { key: 'quantity', label: 'Quantity' },
      { key: 'unitPrice', label: 'Unit price' },
      { key: 'discountPercent', label: 'Discount %' },
    ],
    (l) => `${l.item}: ${l.quantity} ${l.unit} × ${l.unitPrice}`,
  );
  fieldChange(fields, 'timeline.start', 'Start date', from.timeline.start, to.timeline.start);
  diffById(
    fields,
    'timeline.phases',
    'Phase',
    from.timeline.phases,
    to.timeline.phases,
    [
      { key: 'name', label: 'Name' },
      { key: 'weeks', label: 'Weeks' },
      { key: 'deliverables', label: 'Deliverables' },
      { key: 'milestone', label: 'Milestone' },
    ],
    (p) => `${p.name} (${p.weeks} weeks)`,
  );
  return {
    sections: diffSections(from.sections, to.sections),
    fields,
    totals: { from: totalOf(from), to: totalOf(to), currencyFrom: from.pricing.currency, currencyTo: to.pricing.currency },
  };
}
