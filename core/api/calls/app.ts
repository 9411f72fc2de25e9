import { z } from 'zod';
import { LANGS } from '../../i18n';
import type { Scenario } from '../../kb/types';
import { noArgs, returns } from './common';
import { THEMES, type AppInfo, type ContentStatus, type Settings } from '../types';

/** App, preferences and content-pack calls. */
export const appCalls = {
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
} as const;
