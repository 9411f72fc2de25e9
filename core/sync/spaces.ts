import { CONTENT_TABLES, FIELD_WORK_TABLES, REVIEW_TABLES } from '../api/tables';

/**
 * Spaces: who may read and write which synced records. Every message names its space; the server
 * checks the space against the device's user (it reads nothing else of a message), and a device
 * applies a message only when its table belongs in that kind of space and the row has always lived
 * in that space.
 *
 * - `user:<userId>`   a user's own work (customers, engagements, assessments, notes, …). Only that
 *                     user reads and writes it.
 * - `review:<userId>` what that user submitted for review. The author and knowledge managers read
 *                     and write it (the author submits, managers change the review status).
 * - `published`       the published knowledge: articles, templates, checklists, assessment
 *                     definitions. Everyone reads it; only knowledge managers write it.
 * - `team:<teamId>`   an account team's shared field work: a customer shared with the team and
 *                     everything under it (contacts, engagements, assessments, risks, notes,
 *                     proposals). The team's members read and write it; an admin manages teams.
 */

export const ROLES = ['consultant', 'presales', 'knowledge_manager', 'admin'] as const;
export type Role = (typeof ROLES)[number];

export const PUBLISHED_SPACE = 'published';
export const USER_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,63}$/;
export const TEAM_ID_PATTERN = USER_ID_PATTERN;
const SPACE_PATTERN = /^(published|(user|review|team):[a-z0-9][a-z0-9-]{0,63})$/;

export type SpaceKind = 'user' | 'review' | 'published' | 'team';

/** Who acts: a user, their role, and the teams they belong to. */
export type Actor = { userId: string; role: Role; teams?: readonly string[] };

export function teamSpace(teamId: string): string {
  return `team:${teamId}`;
}

export function ownSpace(userId: string): string {
  return `user:${userId}`;
}

export function reviewSpace(userId: string): string {
  return `review:${userId}`;
}

export function isSpace(value: unknown): value is string {
  return typeof value === 'string' && SPACE_PATTERN.test(value);
}

export function spaceKind(space: string): SpaceKind {
  if (space === PUBLISHED_SPACE) return 'published';
  if (space.startsWith('user:')) return 'user';
  if (space.startsWith('review:')) return 'review';
  if (space.startsWith('team:')) return 'team';
  throw new Error(`not a space: ${space.slice(0, 80)}`);
}

/** The user a `user:` or `review:` space belongs to, the team of a `team:` space; null for the published space. */
export function spaceOwner(space: string): string | null {
  const kind = spaceKind(space);
  return kind === 'published' ? null : space.slice(kind.length + 1);
}

const isMember = (actor: Actor, space: string): boolean => (actor.teams ?? []).includes(spaceOwner(space) ?? '');

export function canRead(actor: Actor, space: string): boolean {
  const kind = spaceKind(space);
  if (kind === 'published') return true;
  if (kind === 'user') return spaceOwner(space) === actor.userId;
  if (kind === 'team') return isMember(actor, space);
  return spaceOwner(space) === actor.userId || actor.role === 'knowledge_manager' || actor.role === 'admin';
}

export function canWrite(actor: Actor, space: string): boolean {
  const kind = spaceKind(space);
  if (kind === 'published') return actor.role === 'knowledge_manager';
  if (kind === 'user') return spaceOwner(space) === actor.userId;
  if (kind === 'team') return isMember(actor, space);
  return spaceOwner(space) === actor.userId || actor.role === 'knowledge_manager';
}

/** Whether the review spaces of every user are readable (knowledge managers and admins see all submissions). */
export function readsAllReviewSpaces(actor: Actor): boolean {
  return actor.role === 'knowledge_manager' || actor.role === 'admin';
}

/**
 * The tables a space may hold. A message for any other table is refused by the server and by
 * every device: a consultant cannot slip an "article" into the review space and have it land in a
 * manager's knowledge base.
 */
const PUBLISHED_TABLES: readonly string[] = [...CONTENT_TABLES, 'attachments'];

export function tablesOf(kind: SpaceKind): readonly string[] {
  // The published knowledge, and the pictures its articles show (records of files, by sha256).
  if (kind === 'published') return PUBLISHED_TABLES;
  if (kind === 'review') return REVIEW_TABLES;
  if (kind === 'team') return FIELD_WORK_TABLES;
  // A user's own space: field work, and content the user made (an edited template is a new version).
  return [...FIELD_WORK_TABLES, ...CONTENT_TABLES];
}

export function tableBelongs(space: string, table: string): boolean {
  return tablesOf(spaceKind(space)).includes(table);
}
