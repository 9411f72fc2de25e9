import type { SyncMessage } from '../core/sync/protocol';
import { PUBLISHED_SPACE, spaceKind, spaceOwner } from '../core/sync/spaces';
import type { AuditAction } from './store/store';

/**
 * What the audit log says about the messages a sync stored: what reached the published space
 * (the articles by id and title, what was withdrawn), which submissions a knowledge manager
 * published into which article (a merge of one or several), and the other review decisions. An
 * administrator reads it with `server:admin -- audit` and learns who did what to the knowledge
 * base, not only that something happened. Only the few columns that say so are read (a
 * submission's decision, an article's title); the rest of each message stays uninterpreted.
 */

export type AuditEntry = { action: Extract<AuditAction, 'publish' | 'withdraw' | 'merge' | 'review'>; detail: Record<string, unknown> };

/** Most records one entry names; `count` says how many there were in all. */
export const AUDIT_NAMED_MAX = 20;

/** A submission as the audit names it: its author's name and its id. */
type AuditedSubmission = { author: string; submission: string };

/** Names a user by id (the caller reads the names of decisionAuthors first). */
export type NameOf = (userId: string) => string;

const text = (value: unknown): string | null => (typeof value === 'string' && value !== '' ? value : null);

/** The article a text row belongs to (`<article id>/<lang>`). */
function articleOfText(m: SyncMessage): string {
  const slash = m.row.lastIndexOf('/');
  return text(m.values.article_id) ?? (slash > 0 ? m.row.slice(0, slash) : m.row);
}

export function auditEntriesOf(messages: readonly SyncMessage[], nameOf: NameOf): AuditEntry[] {
  return [...publicationEntries(messages.filter((m) => m.space === PUBLISHED_SPACE)), ...decisionEntries(messages, nameOf)];
}

/** The users whose submissions these messages decide (whose names the entries give). */
export function decisionAuthors(messages: readonly SyncMessage[]): string[] {
  return [...new Set(messages.flatMap((m) => (decisionOf(m) === null ? [] : [spaceOwner(m.space) ?? ''])))];
}

function publicationEntries(messages: readonly SyncMessage[]): AuditEntry[] {
  if (messages.length === 0) return [];
  const withdrawn = new Set(messages.filter((m) => m.dataset === 'kb_articles' && m.values.deleted === 1).map((m) => m.row));
  const titles = new Map<string, string | null>();
  const other: Record<string, number> = {};
  for (const m of messages) {
    if (m.dataset === 'kb_articles') {
      if (!withdrawn.has(m.row) && !titles.has(m.row)) titles.set(m.row, null);
    } else if (m.dataset === 'kb_article_texts') {
      const id = articleOfText(m);
      if (!withdrawn.has(id)) titles.set(id, text(m.values.title) ?? titles.get(id) ?? null);
    } else {
      other[m.dataset] = (other[m.dataset] ?? 0) + 1;
    }
  }
  const entries: AuditEntry[] = [];
  if (titles.size > 0 || Object.keys(other).length > 0) {
    const articles = [...titles].slice(0, AUDIT_NAMED_MAX).map(([id, title]) => (title === null ? { id } : { id, title }));
    entries.push({ action: 'publish', detail: { messages: messages.length, ...(titles.size > 0 ? { count: titles.size, articles } : {}), ...(Object.keys(other).length > 0 ? { other } : {}) } });
  }
  if (withdrawn.size > 0) entries.push({ action: 'withdraw', detail: { count: withdrawn.size, articles: [...withdrawn].slice(0, AUDIT_NAMED_MAX) } });
  return entries;
}

/**
 * A submission message that sets a decision. An author's own messages may only say "submitted"
 * (core/review/authority.ts, checked before anything is stored), so any other status is a
 * knowledge manager's decision, in whichever review space it is.
 */
function decisionOf(m: SyncMessage): { status: string; article: string | null } | null {
  const status = text(m.values.status);
  if (m.dataset !== 'submissions' || spaceKind(m.space) !== 'review' || status === null || status === 'submitted') return null;
  return { status, article: text(m.values.article_id) };
}

function decisionEntries(messages: readonly SyncMessage[], nameOf: NameOf): AuditEntry[] {
  const merged = new Map<string, AuditedSubmission[]>();
  const others: (AuditedSubmission & { status: string })[] = [];
  for (const m of messages) {
    const decision = decisionOf(m);
    if (decision === null) continue;
    const submission = { author: nameOf(spaceOwner(m.space) ?? ''), submission: m.row };
    if ((decision.status === 'published' || decision.status === 'merged') && decision.article !== null) {
      merged.set(decision.article, [...(merged.get(decision.article) ?? []), submission]);
    } else {
      others.push({ ...submission, status: decision.status });
    }
  }
  const entries: AuditEntry[] = [...merged].map(([article, submissions]) => ({
    action: 'merge' as const,
    detail: { article, count: submissions.length, submissions: submissions.slice(0, AUDIT_NAMED_MAX) },
  }));
  if (others.length > 0) entries.push({ action: 'review', detail: { count: others.length, decisions: others.slice(0, AUDIT_NAMED_MAX) } });
  return entries;
}
