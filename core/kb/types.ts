import type { Lang, Localized } from '../i18n';
import type { ApiMessage } from '../api/message';

export const KB_ARTICLE_TYPES = ['method', 'best-practice', 'lesson', 'compliance', 'integration', 'reference'] as const;
export type KbArticleType = (typeof KB_ARTICLE_TYPES)[number];

/** Where a record came from: the bundled content pack, the user on this device, or sync. */
export type Origin = 'pack' | 'user' | 'sync';

/** A serialized Lexical editor state (JSON text), rendered read-only or edited by the renderer. */
export type LexicalJson = string;

export type KbArticleSummary = {
  id: string;
  type: KbArticleType;
  scenarios: string[];
  tags: string[];
  title: Localized;
  summary: Localized;
  reviewDate: string | null;
  /** True when reviewDate is before today: the article may be out of date. */
  pastReview: boolean;
  origin: Origin;
  updatedAt: string;
};

export type KbArticle = KbArticleSummary & {
  version: number;
  author: string;
  /** Per language; null when the article has no text in that language. */
  body: { en: LexicalJson | null; zh: LexicalJson | null };
};

export type SnippetPart = { text: string; hit: boolean };

/** What kb.search finds: knowledge-base articles, field notes and lessons, in one index. */
export const SEARCH_KINDS = ['kb', 'note', 'lesson'] as const;
export type SearchKind = (typeof SEARCH_KINDS)[number];

type HitText = {
  id: string;
  /** The language of the text that matched. */
  lang: Lang;
  title: SnippetPart[];
  snippet: SnippetPart[];
  /** bm25-based; lower is better, as SQLite reports it. */
  score: number;
};

export type KbSearchHit = HitText & {
  kind: 'kb';
  type: KbArticleType;
  scenarios: string[];
  tags: string[];
  pastReview: boolean;
};

/** A field note or lesson: instead of article metadata, the engagement it belongs to, if any. */
export type RecordSearchHit = HitText & {
  kind: 'note' | 'lesson';
  engagement: { id: string; title: string } | null;
};

export type SearchHit = KbSearchHit | RecordSearchHit;

export type SearchResult = {
  hits: SearchHit[];
  /** Number of matching documents, counted up to a cap (see totalCapped). */
  total: number;
  totalCapped: boolean;
  /** The terms actually searched for, after cleaning the query. */
  terms: string[];
  /** What the user should know about how the query was taken (part of it ignored, results ranked by date, …), to be worded in the user's language. */
  notices: ApiMessage[];
  /** Words that matched nothing and were searched as the indexed word they most likely meant. */
  corrections: SearchCorrection[];
  /** Records that came by sync and are not searchable yet (the background indexer is at work). */
  indexing: number;
};

/** A mistyped word (`from`) searched as a word of the index (`to`). */
export type SearchCorrection = { from: string; to: string };

export type KbFacets = {
  scenarios: { id: string; count: number }[];
  types: { type: KbArticleType; count: number }[];
  tags: { tag: string; count: number }[];
};

export type Scenario = {
  id: string;
  name: Localized;
  summary: Localized;
  industries: string[];
  typicalKpis: Localized[];
  assessmentId: string;
  articleCount: number;
};

/** A term of the domain glossary: its English and Chinese names (the first is the main one) and abbreviations. */
export type GlossaryTerm = { id: string; en: string[]; zh: string[]; abbr: string[] };
