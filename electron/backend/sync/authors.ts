import { MAX_AUTHORS_PER_REQUEST } from '../../../core/sync/protocol';
import type { Db } from '../db/connection';
import type { Transport } from './round';

/**
 * Names the other side of open conflicts: the server says which device (and user) sent each
 * conflict's incoming message, and the conflict view shows it. Asked once per conflict, after a
 * sync; nothing else depends on it, so a sync whose asking fails is still a sync that worked.
 */
export async function learnConflictAuthors(db: Db, transport: Transport): Promise<number> {
  if (transport.authors === undefined) return 0;
  // The conflict's row is in the space its messages travel in (sync_rows), which is where the server keeps them.
  const asked = db
    .prepare(
      `SELECT c.id, c.remote_timestamp AS timestamp, r.space FROM sync_conflicts c JOIN sync_rows r ON r.dataset = c.dataset AND r.row = c.row
       WHERE c.resolved_at IS NULL AND c.remote_device IS NULL ORDER BY c.id LIMIT ?`,
    )
    .all(MAX_AUTHORS_PER_REQUEST) as { id: number; timestamp: string; space: string }[];
  if (asked.length === 0) return 0;
  const answer = await transport.authors({ messages: asked.map(({ space, timestamp }) => ({ space, timestamp })) });
  const found = new Map(answer.authors.map((a) => [`${a.space}\n${a.timestamp}`, a]));
  const record = db.prepare('UPDATE sync_conflicts SET remote_device = ?, remote_user = ?, remote_user_id = ? WHERE id = ?');
  db.transaction(() => {
    // '' for one the server does not know: not asked again at every sync.
    for (const c of asked) {
      const author = found.get(`${c.space}\n${c.timestamp}`);
      record.run(author?.device ?? '', author?.user ?? '', author?.userId ?? '', c.id);
    }
  })();
  return found.size;
}
