import type { SnippetPart } from '../../core/kb/types';

/**
 * Normalizes highlighted parts for display: drops empty parts and joins neighbours of the same
 * kind, so "<mark>告</mark><mark>警</mark>" from a segmented match shows as one highlight.
 */
export function mergeSnippetParts(parts: readonly SnippetPart[]): SnippetPart[] {
  const merged: SnippetPart[] = [];
  for (const part of parts) {
    if (part.text === '') continue;
    const last = merged[merged.length - 1];
    if (last && last.hit === part.hit) merged[merged.length - 1] = { text: last.text + part.text, hit: last.hit };
    else merged.push({ text: part.text, hit: part.hit });
  }
  return merged;
}

/** The plain text of parts (for accessible names and titles). */
export function snippetText(parts: readonly SnippetPart[]): string {
  return parts.map((p) => p.text).join('');
}
