import crypto from 'node:crypto';
import { clockState, createClock, type Clock } from '../../../core/sync/hlc';
import type { MeResponse, SyncTeam } from '../../../core/sync/protocol';
import { spaceKind, spaceOwner, type Actor, type Role } from '../../../core/sync/spaces';
import type { Db } from '../db/connection';
import { prepared } from '../db/statements';

/**
 * What this device knows about its sync account, kept in `sync_state` (device bookkeeping, never
 * synced). A device is enrolled once, for one user; until then nothing is recorded for sync, and
 * enrolling seeds the outbox with every record the user already has (seed.ts).
 */

export type SyncIdentity = {
  serverUrl: string;
  userId: string;
  userName: string;
  displayName: string;
  role: Role;
  deviceId: string;
  /** This device's HLC node id (16 hex digits). */
  node: string;
  enrolledAt: string;
  /** The name it was enrolled under (what an administrator sees in the device list); absent for an enrolment by an earlier version. */
  deviceName?: string;
};

/** The identity as an actor for the space rules: its user, role and current teams. */
export function actorOf(db: Db, identity: SyncIdentity): Actor {
  return { userId: identity.userId, role: identity.role, teams: readTeams(db).map((t) => t.id) };
}

const identities = new WeakMap<Db, SyncIdentity | null>();
const clocks = new WeakMap<Db, Clock>();

function read(db: Db, key: string): string | undefined {
  return (prepared(db, 'SELECT value FROM sync_state WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

function write(db: Db, key: string, value: string): void {
  prepared(db, 'INSERT INTO sync_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(key, value);
}

function remove(db: Db, key: string): void {
  prepared(db, 'DELETE FROM sync_state WHERE key = ?').run(key);
}

/** The enrolled account, or null while the device is not connected to a central repository. */
export function syncIdentity(db: Db): SyncIdentity | null {
  if (identities.has(db)) return identities.get(db) ?? null;
  const raw = read(db, 'identity');
  const identity = raw === undefined ? null : (JSON.parse(raw) as SyncIdentity);
  identities.set(db, identity);
  return identity;
}

export function saveIdentity(db: Db, identity: SyncIdentity): void {
  write(db, 'identity', JSON.stringify(identity));
  identities.set(db, identity);
}

/**
 * What the server says of the user now: their teams, role and names change there (an
 * administrator makes a consultant a knowledge manager). The user it is never changes. Returns
 * the identity to act as from here on.
 */
export function refreshAccount(db: Db, identity: SyncIdentity, me: MeResponse): SyncIdentity {
  saveTeams(db, me.teams);
  const { id, role, name, displayName } = me.user;
  if (id !== identity.userId || (role === identity.role && name === identity.userName && displayName === identity.displayName)) return identity;
  const current = { ...identity, role, userName: name, displayName };
  saveIdentity(db, current);
  return current;
}

export function forgetIdentity(db: Db): void {
  for (const key of ['identity', 'token', 'clock', 'cursors', 'teams', 'teamNames', 'batchBytes']) remove(db, key);
  identities.set(db, null);
  clocks.delete(db);
}

export function newNodeId(): string {
  return crypto.randomBytes(8).toString('hex');
}

/** The device's clock, loaded once; `saveClock` stores it in the same transaction as the messages it stamped. */
export function syncClock(db: Db, node: string): Clock {
  let clock = clocks.get(db);
  if (clock === undefined || clock.node !== node) {
    clock = createClock(node, read(db, 'clock'));
    clocks.set(db, clock);
  }
  return clock;
}

export function saveClock(db: Db, clock: Clock): void {
  write(db, 'clock', clockState(clock));
}

/** Forgets the cached clock (after a restore put another database in place). */
export function dropCaches(db: Db): void {
  identities.delete(db);
  clocks.delete(db);
}

export function readCursors(db: Db): Record<string, number> {
  const raw = read(db, 'cursors');
  return raw === undefined ? {} : (JSON.parse(raw) as Record<string, number>);
}

export function saveCursors(db: Db, cursors: Record<string, number>): void {
  write(db, 'cursors', JSON.stringify(cursors));
}

/** The account teams the user belonged to at the last sync (the server says at the start of each). */
export function readTeams(db: Db): SyncTeam[] {
  const raw = read(db, 'teams');
  return raw === undefined ? [] : (JSON.parse(raw) as SyncTeam[]);
}

export function saveTeams(db: Db, teams: readonly SyncTeam[]): void {
  write(db, 'teams', JSON.stringify(teams));
  // Every team name learnt is kept, also once the user has left the team: the changes made to a
  // left team's records stay on this device and are named by the team, not by its id.
  write(db, 'teamNames', JSON.stringify({ ...knownTeamNames(db), ...Object.fromEntries(teams.map((t) => [t.id, t.name])) }));
}

function knownTeamNames(db: Db): Record<string, string> {
  const raw = read(db, 'teamNames');
  return raw === undefined ? {} : (JSON.parse(raw) as Record<string, string>);
}

/** A team space as its members know it: the team's name as last heard (also for a team since left), else the space name. */
export function teamSpaceName(db: Db, space: string): string {
  if (spaceKind(space) !== 'team') return space;
  const id = spaceOwner(space) ?? '';
  return readTeams(db).find((t) => t.id === id)?.name ?? knownTeamNames(db)[id] ?? space;
}

/**
 * The most bytes of values a request may carry to this server, when it (or a proxy in front
 * of it) refused a larger one as too large; null until then.
 */
export function readBatchBytes(db: Db): number | null {
  const value = Number(read(db, 'batchBytes'));
  return Number.isSafeInteger(value) && value > 0 ? value : null;
}

export function saveBatchBytes(db: Db, bytes: number): void {
  write(db, 'batchBytes', String(bytes));
}

export function readSetting(db: Db, key: 'token' | 'auto'): string | undefined {
  return read(db, key);
}

export function saveSetting(db: Db, key: 'token' | 'auto', value: string): void {
  write(db, key, value);
}
