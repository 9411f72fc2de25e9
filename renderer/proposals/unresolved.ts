import { VARIABLE_NODE_TYPE } from '../../core/proposals/types';

/**
 * Unfilled variables in proposal sections, counted from the serialized bodies (no editor needed),
 * for the count in the header and "next unresolved" across sections.
 */

/** How many VariableNodes a serialized Lexical body holds (0 when it is not valid JSON). */
export function countVariables(bodyJson: string): number {
  // A quick test first: most sections have none, and parsing 40 pages on each keystroke is waste.
  if (!bodyJson.includes(`"type":"${VARIABLE_NODE_TYPE}"`)) return 0;
  let count = 0;
  const walk = (node: unknown): void => {
    if (typeof node !== 'object' || node === null) return;
    const record = node as { type?: unknown; children?: unknown; root?: unknown };
    if (record.type === VARIABLE_NODE_TYPE) count += 1;
    if (Array.isArray(record.children)) record.children.forEach(walk);
    if (record.root !== undefined) walk(record.root);
  };
  try {
    walk(JSON.parse(bodyJson));
  } catch {
    return 0;
  }
  return count;
}

export type UnresolvedSpot = { sectionId: string; index: number };

/** Every unresolved variable in document order: section, then its n-th variable. */
export function unresolvedSpots(sections: readonly { id: string; bodyJson: string }[]): UnresolvedSpot[] {
  return sections.flatMap((s) => Array.from({ length: countVariables(s.bodyJson) }, (_, index) => ({ sectionId: s.id, index })));
}

/** The spot after the current one (wrapping around); the first when nothing is current. */
export function nextSpot(spots: readonly UnresolvedSpot[], current: UnresolvedSpot | null): UnresolvedSpot | null {
  if (spots.length === 0) return null;
  if (current === null) return spots[0] ?? null;
  const at = spots.findIndex((s) => s.sectionId === current.sectionId && s.index === current.index);
  if (at >= 0) return spots[(at + 1) % spots.length] ?? null;
  // The current one was just replaced: the next is the first after it in the same section, else the next section.
  const sectionOrder = [...new Set(spots.map((s) => s.sectionId))];
  const after = spots.find((s) => s.sectionId === current.sectionId && s.index >= current.index);
  if (after) return after;
  const later = spots.find((s) => sectionOrder.indexOf(s.sectionId) > sectionOrder.indexOf(current.sectionId));
  return later ?? spots[0] ?? null;
}
