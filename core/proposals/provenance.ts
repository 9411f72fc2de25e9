import { msg, type ApiMessage } from '../api/message';
import {
  MAX_PROVENANCE_LABEL_CHARS,
  MAX_PROVENANCE_PER_BLOCK,
  MAX_PROVENANCE_REF_CHARS,
  PROVENANCE_KINDS,
  PROVENANCE_STATE_KEY,
  type Provenance,
  type ProvenanceKind,
  type ProvenanceRef,
} from './types';

/**
 * Provenance of generated blocks: read from untrusted JSON (the editor's NodeState `parse`, the
 * backend's document check) and written onto serialized Lexical nodes by generation.
 */

const KINDS = new Set<string>(PROVENANCE_KINDS);

export type ParsedProvenance = { provenance: Provenance; problems: ApiMessage[] };

/** Reads a provenance value; entries that are not well-formed are left out and named in problems. */
export function parseProvenance(value: unknown): ParsedProvenance {
  if (!Array.isArray(value)) return { provenance: [], problems: value === undefined ? [] : [msg('provenance.notList')] };
  const problems: ApiMessage[] = [];
  const provenance: Provenance = [];
  value.forEach((entry: unknown, index) => {
    if (provenance.length >= MAX_PROVENANCE_PER_BLOCK) {
      if (index === MAX_PROVENANCE_PER_BLOCK) problems.push(msg('provenance.tooMany', { max: MAX_PROVENANCE_PER_BLOCK }));
      return;
    }
    if (typeof entry !== 'object' || entry === null || Array.isArray(entry)) {
      problems.push(msg('provenance.notObject', { entry: index + 1 }));
      return;
    }
    const { kind, ref, label } = entry as { kind?: unknown; ref?: unknown; label?: unknown };
    if (typeof kind !== 'string' || !KINDS.has(kind)) {
      problems.push(msg('provenance.badKind', { entry: index + 1, kind: String(kind).slice(0, 40), kinds: PROVENANCE_KINDS.join(', ') }));
      return;
    }
    if (typeof ref !== 'string' || ref.length === 0 || ref.length > MAX_PROVENANCE_REF_CHARS) {
      problems.push(msg('provenance.badRef', { entry: index + 1, max: MAX_PROVENANCE_REF_CHARS }));
      return;
    }
    const out: ProvenanceRef = { kind: kind as ProvenanceKind, ref };
    if (typeof label === 'string') out.label = label.slice(0, MAX_PROVENANCE_LABEL_CHARS);
    provenance.push(out);
  });
  return { provenance, problems };
}

/** The provenance a serialized block carries under its NodeState, or [] when it has none. */
export function provenanceOf(node: unknown): Provenance {
  if (typeof node !== 'object' || node === null) return [];
  const state = (node as { $?: unknown }).$;
  if (typeof state !== 'object' || state === null) return [];
  return parseProvenance((state as Record<string, unknown>)[PROVENANCE_STATE_KEY]).provenance;
}

/** A serialized node with the provenance set in its NodeState (Lexical keeps NodeState under `$`). */
export function withProvenance<T extends object>(node: T, provenance: Provenance): T & { $: Record<string, unknown> } {
  return { ...node, $: { [PROVENANCE_STATE_KEY]: provenance } };
}

const KIND_WORDS: Record<ProvenanceKind, string> = {
  template: 'template section',
  answer: 'answer',
  score: 'score',
  article: 'article',
  risk: 'risk',
  engagement: 'engagement',
  default: 'template default',
};

/** "From: template section Executive summary; answer Monthly contacts = 250,000" (English; the editor has its own words). */
export function describeProvenance(provenance: Provenance): string {
  return `From: ${provenance.map((p) => `${KIND_WORDS[p.kind]} ${p.label ?? p.ref}`).join('; ')}`;
}
