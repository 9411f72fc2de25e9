/**
 * Joins per-domain maps (call maps, handler tables) into one, refusing a name that two maps
 * share: at compile time (the call does not type-check and the error names the duplicate) and at
 * run time (start-up throws). A plain object spread would let the later map silently win.
 */

type UnionToIntersection<U> = (U extends unknown ? (u: U) => void : never) extends (i: infer I) => void ? I : never;

/** Names that the first map shares with any later one, recursively. */
type SharedNames<M extends readonly object[]> = M extends readonly [infer Head, ...infer Rest extends readonly object[]]
  ? (keyof Head & { [I in keyof Rest]: keyof Rest[I] }[number]) | SharedNames<Rest>
  : never;

type NoSharedNames<M extends readonly object[]> = [SharedNames<M>] extends [never] ? [] : [`duplicate name: ${SharedNames<M> & string}`];

export function joinMaps<const M extends readonly object[]>(maps: M, ...noDuplicates: NoSharedNames<M>): UnionToIntersection<M[number]> {
  void noDuplicates;
  const joined: Record<string, unknown> = {};
  for (const map of maps) {
    for (const [name, value] of Object.entries(map)) {
      if (Object.prototype.hasOwnProperty.call(joined, name)) throw new Error(`"${name}" is declared by two maps; every name must be declared once`);
      joined[name] = value;
    }
  }
  return joined as UnionToIntersection<M[number]>;
}
