import type { Lang, Localized } from '../i18n';
import type { ApiMessage } from './message';
import type { PackRecordKind } from '../content/lists';
import type { KbArticleSummary } from '../kb/types';

/** Types and limits shared by the contract's call maps and their users. */

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
/**
 * The user's preferences. `languageChosen`: the user picked `language`; until then the app speaks
 * the system's language (the renderer reads it) and `language` is English. `welcomeDismissed`: the
 * first-run welcome was put away (Help shows it again).
 */
export type Settings = { language: Lang; languageChosen: boolean; theme: Theme; welcomeDismissed: boolean };

export type ContentProblem = { file: string; field: string; message: string };
export type ContentStatus = {
  packId: string | null;
  packVersion: number | null;
  importedAt: string | null;
  counts: { scenarios: number; articles: number; assessments: number; checklists: number; templates: number };
  /** Problems found when the bundled pack was last loaded; files with problems are skipped. */
  problems: ContentProblem[];
  /** Pack updates not applied because the user changed the record (newest first); each waits to be taken or dismissed. */
  heldBack: HeldBackUpdate[];
};

/**
 * A newer version of a pack record that the importer did not apply, because the user edited or
 * deleted the record, or a record written on this device or received by sync owns its id. The
 * pack's version is kept on the device to compare and take (templates: as a new version).
 */
export type HeldBackUpdate = {
  kind: PackRecordKind;
  id: string;
  title: Localized;
  /** The record's version in the content pack. */
  packVersion: number;
  reason: 'edited' | 'deleted' | 'owned';
  heldAt: string;
};

export type AppInfo = {
  appVersion: string;
  host: 'electron' | 'web';
  dataDir: string;
  schemaVersion: number;
  /** This computer's name (its host name): what a device enrolled from here is called unless the user names it. */
  computerName: string;
};

export type KbListResult = { items: KbArticleSummary[]; total: number };


export const BACKUP_REASONS = ['daily', 'before-migration', 'before-restore', 'before-sync', 'manual'] as const;
export type BackupReason = (typeof BACKUP_REASONS)[number];

/** One verified backup in the data folder's backups/ (electron/backend/db/backups.ts). */
export type BackupInfo = {
  id: string;
  reason: BackupReason;
  createdAt: string;
  appVersion: string;
  schemaVersion: number;
  /** Bytes on disk. */
  size: number;
  counts: { customers: number; engagements: number; assessments: number; notes: number; lessons: number; proposals: number; risks: number };
};

/**
 * The state of the local database as the data-safety screens show it. `recovery` means the
 * database could not be opened safely (damaged, or missing beside user files): only the recovery
 * calls work until a backup is restored or what can be read is rescued.
 */
export type RecoveryStatus = {
  mode: 'normal' | 'recovery';
  dataDir: string;
  /** Why the app is in recovery mode; null in normal mode. */
  problem: ApiMessage | null;
  /** What was found and repaired or found damaged since start-up (e.g. an index rebuilt), newest first. */
  notices: ApiMessage[];
  /** The full integrity check run after an unclean shutdown. */
  integrity: 'not-needed' | 'checking' | 'ok' | 'damaged';
  backups: BackupInfo[];
};

/** What a rescue copied out of a damaged database, per table. */
export type RescueReport = {
  tables: { table: string; rescued: number; unreadable: number }[];
  /** Where the damaged file was kept (never deleted). */
  damagedKeptAs: string;
};

export type RestoreResult = { restored: BackupInfo; safetyBackup: BackupInfo | null; damagedKeptAs: string | null };
