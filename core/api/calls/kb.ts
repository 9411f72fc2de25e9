import { z } from 'zod';
import { LANGS } from '../../i18n';
import { KB_ARTICLE_TYPES, SEARCH_KINDS, type KbArticle, type KbArticleSummary, type GlossaryTerm, type KbFacets, type SearchResult } from '../../kb/types';
import { id, maxText, noArgs, returns } from './common';
import { SEARCH_QUERY_MAX } from '../limits';
import type { KbListResult } from '../types';

/** Knowledge-base calls: browse, search, read. */
export const kbCalls = {
  /** Ranked full-text search over articles, field notes and lessons (or the given kinds) with highlighted snippets. */
  'kb.search': {
    args: z
      .object({
        query: maxText(SEARCH_QUERY_MAX),
        kinds: z
          .array(z.enum(SEARCH_KINDS))
          .min(1)
          .max(SEARCH_KINDS.length)
          .optional(),
        scenario: id.optional(),
        type: z.enum(KB_ARTICLE_TYPES).optional(),
        tags: z.array(id).max(20).optional(),
        lang: z.enum(LANGS).optional(),
        limit: z.number().int().min(1).max(100).optional(),
        offset: z.number().int().min(0).max(10_000).optional(),
        /** Search the words as typed: no correction of words that match nothing. */
        asTyped: z.boolean().optional(),
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
  /** The domain glossary, or the terms with a name containing `query` (any case, either language), by English name. */
  'glossary.list': {
    args: z.object({ query: maxText(200).optional() }).strict(),
    result: returns<GlossaryTerm[]>(),
  },
} as const;
