import type { Lang, Localized } from '../i18n';
import type { PackRecordKind } from '../content/lists';
import type { KbArticleSummary } from '../kb/types';

/** Types and limits shared by the contract's call maps and their users. */

export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];
export type Settings = { language: Lang; theme: Theme };

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
};

export type KbListResult = { items: KbArticleSummary[]; total: number };

