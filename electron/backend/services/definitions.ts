import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { Db } from '../db/connection';
import { getDefinition, type StoredDefinition } from '../repos/assessment-repo';

/**
 * Parsed assessment definitions by id and version. A stored version never changes (a change is a
 * new version), so a parsed one can be kept for the life of the backend: an answer then costs one
 * read of the answers, the evaluation and one write. The one cache every service uses.
 */
export type DefinitionCache = {
  /** The definition version, or a not_found failure naming it. */
  get(id: string, version: number): StoredDefinition;
  /** The definition version, or null when it is not on this device. */
  find(id: string, version: number): StoredDefinition | null;
};

export function createDefinitionCache(db: Db): DefinitionCache {
  const parsed = new Map<string, StoredDefinition>();
  const find = (id: string, version: number): StoredDefinition | null => {
    const key = `${id}@${version}`;
    let found = parsed.get(key);
    if (!found) {
      const stored = getDefinition(db, id, version);
      if (!stored) return null;
      parsed.set(key, (found = stored));
    }
    return found;
  };
  return {
    find,
    get(id, version) {
      const found = find(id, version);
      if (!found) throw new ApiFailure('not_found', msg('error.definitionMissing', { id, version }));
      return found;
    },
  };
}
