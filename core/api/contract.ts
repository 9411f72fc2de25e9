import { z } from 'zod';
import { LANGS, type Lang } from '../i18n';
import { KB_ARTICLE_TYPES, type KbArticle, type KbArticleSummary, type KbFacets, type Scenario, type SearchResult } from '../kb/types';

/**
 * The one contract between renderer and backend. Each entry: a runtime schema for the arguments
 * (the renderer is not trusted: the backend validates every call) and the result type.
 * Both transports (Electron IPC and the browser host's HTTP) carry exactly these calls.
 */

/** Declares the result type of a call; the value is never read at runtime. */
function returns<T>(): T {
  return undefined as T;
}

const id = z.string().min(1).max(200);
const noArgs = z.object({}).strict();

export const SEARCH_QUERY_MAX = 2000;

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

export const calls = {
  /** Versions, host kind and where data lives. */
  'app.info': { args: noArgs, result: returns<AppInfo>() },
  /** The user's preferences stored on this device. */
  'settings.get': { args: noArgs, result: returns<Settings>() },
  /** Changes some preferences; returns all of them. */
  'settings.update': {
    args: z.object({ language: z.enum(LANGS).optional(), theme: z.enum(THEMES).optional() }).strict(),
    result: returns<Settings>(),
  },
  /** What the bundled content pack brought, and any problems in its files. */
  'content.status': { args: noArgs, result: returns<ContentStatus>() },
  /** All scenarios with their article counts. */
  'scenarios.list': { args: noArgs, result: returns<Scenario[]>() },
  /** Ranked full-text search over the knowledge base with highlighted snippets. */
  'kb.search': {
    args: z
      .object({
        query: z.string().max(SEARCH_QUERY_MAX, `is too long; at most ${SEARCH_QUERY_MAX} characters`),
        scenario: id.optional(),
        type: z.enum(KB_ARTICLE_TYPES).optional(),
        tags: z.array(id).max(20).optional(),
        lang: z.enum(LANGS).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        offset: z.number().int().min(0).max(10_000).optional(),
      })
      .strict(),
    result: returns<SearchResult>(),
  },
  /** Browses articles by scenario, type and tag. */
  'kb.list': {
    args: z
      .object({
        scenario: id.optional(),
        type: z.enum(KB_ARTICLE_TYPES).optional(),
        tags: z.array(id).max(20).optional(),
        sort: z.enum(['title', 'updated', 'review']).optional(),
        lang: z.enum(LANGS).optional(),
        limit: z.number().int().min(1).max(500).optional(),
        offset: z.number().int().min(0).optional(),
      })
      .strict(),
    result: returns<KbListResult>(),
  },
  /** Counts per scenario, type and tag, for the browse filters. */
  'kb.facets': { args: noArgs, result: returns<KbFacets>() },
  /** One article with its Lexical bodies. */
  'kb.get': { args: z.object({ id }).strict(), result: returns<KbArticle>() },
  /** Articles related to one: declared links first, then the closest by scenario and tags. */
  'kb.related': {
    args: z.object({ id, limit: z.number().int().min(1).max(20).optional() }).strict(),
    result: returns<KbArticleSummary[]>(),
  },
} as const;

export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What the renderer passes (defaults not yet applied). */
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
/** What a handler receives: validated, defaults applied. */
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> = Calls[N]['result'];

/** Push events from backend to renderer. */
export type Events = {
  /** Knowledge-base content changed (import, upgrade, edit, sync). */
  'kb.changed': { reason: 'content-import' | 'edit' | 'sync' };
  /** The bundled content pack was imported or upgraded. */
  'content.imported': { packVersion: number; added: number; updated: number; problems: number };
};
export type EventName = keyof Events;
export const EVENT_NAMES: readonly EventName[] = ['kb.changed', 'content.imported'];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
