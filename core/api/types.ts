import type { Lang } from '../i18n';
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
};

export type AppInfo = {
  appVersion: string;
  host: 'electron' | 'web';
  dataDir: string;
  schemaVersion: number;
};

export type KbListResult = { items: KbArticleSummary[]; total: number };

