import type { Actor } from '../sync/spaces';
import { spaceKind, spaceOwner } from '../sync/spaces';

/**
 * Who may write what of a submission. Its author writes it in their own review space, and a
 * knowledge manager writes the decision there too; the space rules (spaces.ts) cannot tell the
 * two apart. So an author's message may set the decision columns only to "waiting for a
 * decision" (a submission or a resubmission) and may not name another author: otherwise a
 * consultant could mark their own submission published, or as a source of any article, and have
 * its text merged into published knowledge without review. The server refuses such a message;
 * a device never sends one of another's decisions back on the author's behalf (sync/log.ts).
 */

/**
 * What the author's own messages may hold in the decision columns (what putSubmission writes);
 * nor may an author delete a submission, which would take it out of the article it went into.
 */
const UNDECIDED: Readonly<Record<string, string | number | null>> = { status: 'submitted', review_note: '', reviewed_by: '', reviewed_at: null, article_id: null, deleted: 0 };

/** The first column of a submission message this actor may not write as given, or null when it may. */
export function submissionColumnRefused(actor: Actor, message: { space: string; dataset: string; values: Record<string, unknown> }): string | null {
  if (message.dataset !== 'submissions' || spaceKind(message.space) !== 'review' || actor.role === 'knowledge_manager') return null;
  if ('author_id' in message.values && message.values.author_id !== spaceOwner(message.space)) return 'author_id';
  for (const [column, allowed] of Object.entries(UNDECIDED)) {
    if (column in message.values && message.values[column] !== allowed) return column;
  }
  return null;
}
