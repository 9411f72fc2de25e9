import { z } from 'zod';
import { PACK_RECORD_KINDS } from '../../content/lists';
import { id, noArgs, returns } from './common';
import type { ContentStatus } from '../types';

/** The bundled content pack. */
export const contentCalls = {
  /** What the bundled content pack brought, and any problems in its files. */
  'content.status': { args: noArgs, result: returns<ContentStatus>() },
  /**
   * Dismisses a held-back pack update (the pack's version stays stored, unused); refused with
   * `conflict` when the pack has since offered a different version than the one the user saw.
   */
  'content.dismissUpdate': {
    args: z.object({ kind: z.enum(PACK_RECORD_KINDS), id, packVersion: z.number().int().min(1).max(1_000_000) }).strict(),
    result: returns<{ dismissed: true }>(),
  },
} as const;
