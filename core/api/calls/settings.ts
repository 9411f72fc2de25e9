import { z } from 'zod';
import { LANGS } from '../../i18n';
import { noArgs, returns } from './common';
import { THEMES, type Settings } from '../types';

/** The user's preferences on this device (never synced). */
export const settingsCalls = {
  /** The user's preferences stored on this device. */
  'settings.get': { args: noArgs, result: returns<Settings>() },
  /** Changes some preferences; returns all of them. */
  'settings.update': {
    args: z.object({ language: z.enum(LANGS).optional(), theme: z.enum(THEMES).optional(), welcomeDismissed: z.boolean().optional() }).strict(),
    result: returns<Settings>(),
  },
} as const;
