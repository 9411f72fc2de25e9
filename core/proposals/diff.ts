import { diffArrays } from 'diff';
import { plainText } from '../richtext/text';
import { blocksOf } from '../richtext/walk';
import { segmentHanRun } from '../text/segment';
import { pricingTotals } from './money';
import type { DiffToken, FieldChange, ProposalDiff, ProposalSection, ProposalSnapshot, SectionDiff } from './types';

/**
 * Compares two proposal snapshots for the side-by-side view: each section word by word (Chinese
 * word by word too, after segmenting it), and every changed field of the title, success criteria,
 * pricing and timeline. Sequences are compared with jsdiff (Myers' algorithm); when two texts
 * differ in too many places to compare word by word at once, they are matched line by line first
 * and word by word inside each changed stretch, so the work stays bounded.
 */

/** Most token edits one comparison explores before it gives up and a coarser one is used. */
const MAX_EDITS = 1000;

// A word is letters and digits that are not Han; a run of Han characters is split into its words.
const TOKEN = /\p{Script=Han}+|(?:(?!\p{Script=Han})[\p{L}\p{N}_'’-])+|\s+|[^\s\p{L}\p{N}]/gu;

/** Words (Chinese ones found by the segmenter), runs of spaces, and single punctuation marks. */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const [token] of text.matchAll(TOKEN)) {
    if (/^\p{Script=Han}/u.test(token)) tokens.push(...segmentHanRun(token));
    else tokens.push(token);
  }
  return tokens;
}

type Op = { op: 'same' | 'added' | 'removed'; item: string };

/** The edit script from `a` to `b`, one op per item; null when they differ in more than MAX_EDITS places. */
function diffItems(a: readonly string[], b: readonly string[]): Op[] | null {
  const changes = diffArrays([...a], [...b], { maxEditLength: MAX_EDITS });
  if (changes === undefined) return null;
  return changes.flatMap((change) => change.value.map((item): Op => ({ op: change.added ? 'added' : change.removed ? 'removed' : 'same', item })));
}

function wholesale(a: readonly string[], b: readonly string[]): Op[] {
  return [...a.map((item): Op => ({ op: 'removed', item })), ...b.map((item): Op => ({ op: 'added', item }))];
}

function tokenDiff(a: string, b: string): Op[] | null {
  return diffItems(tokenize(a), tokenize(b));
}

/**
 * A changed stretch of lines, word by word; when even that has too many changes, line i against
 * line i (each with its line break, so both sides still read exactly as they were).
 */
function stretchDiff(removed: readonly string[], added: readonly string[]): Op[] {
  const whole = tokenDiff(removed.join('\n'), added.join('\n'));
  if (whole) return whole;
  const withBreaks = (lines: readonly string[]) => lines.map((line, i) => (i < lines.length - 1 ? `${line}\n` : line));
  const before = withBreaks(removed);
  const after = withBreaks(added);
  return Array.from({ length: Math.max(before.length, after.length) }, (_, i) => {
    const a = before[i] ?? '';
    const b = after[i] ?? '';
    return tokenDiff(a, b) ?? wholesale([a], [b]);
  }).flat();
}

/** Joins neighbouring tokens with the same mark, so the view renders few spans. */
function compact(ops: readonly Op[]): DiffToken[] {
  const tokens: DiffToken[] = [];
  for (const { op, item } of ops) {
    if (item === '') continue;
    const last = tokens.at(-1);
    if (last && last.op === op) last.text += item;
    else tokens.push({ text: item, op });
  }
  return tokens;
}

/** Word-level diff of two texts; texts with very many changes are matched line by line first, then word by word inside changed lines. */
export function diffText(a: string, b: string): DiffToken[] {
  const words = tokenDiff(a, b);
  if (words) return compact(words);
  const linesA = a.split('\n');
  const linesB = b.split('\n');
  const lines = diffItems(linesA, linesB) ?? wholesale(linesA, linesB);
  const ops: Op[] = [];
  // A run of removed lines next to added lines is one changed stretch: compare it word by word.
  let removed: string[] = [];
  let added: string[] = [];
  const flush = (): void => {
    if (removed.length > 0 || added.length > 0) ops.push(...stretchDiff(removed, added), { op: 'same', item: '\n' });
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

/**
 * Two lists of sections matched by id (proposal sections, template sections): each section in the
 * order of `to`, compared word by word as `textOf` puts it; removed ones where they were.
 */
export function diffSectionList<S extends { id: string }>(from: readonly S[], to: readonly S[], titleOf: (s: S) => string, textOf: (s: S) => string): SectionDiff[] {
  const fromById = new Map(from.map((s) => [s.id, s]));
  const toIds = new Set(to.map((s) => s.id));
  const result: SectionDiff[] = to.map((section) => {
    const before = fromById.get(section.id);
    if (!before) return { id: section.id, change: 'added', fromTitle: null, toTitle: titleOf(section), tokens: [{ text: textOf(section), op: 'added' }] };
    const a = textOf(before);
    const b = textOf(section);
    if (a === b) return { id: section.id, change: 'same', fromTitle: titleOf(before), toTitle: titleOf(section), tokens: [{ text: b, op: 'same' }] };
    return { id: section.id, change: 'changed', fromTitle: titleOf(before), toTitle: titleOf(section), tokens: diffText(a, b) };
  });
  // Removed sections go back where they were: after the nearest earlier section that is still shown.
  from.forEach((section, index) => {
    if (toIds.has(section.id)) return;
    const removed: SectionDiff = { id: section.id, change: 'removed', fromTitle: titleOf(section), toTitle: null, tokens: [{ text: textOf(section), op: 'removed' }] };
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
    sections: diffSectionList(from.sections, to.sections, (s) => s.title, sectionText),
    fields,
    totals: { from: totalOf(from), to: totalOf(to), currencyFrom: from.pricing.currency, currencyTo: to.pricing.currency },
  };
}
