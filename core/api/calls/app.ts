import { noArgs, returns } from './common';
import type { AppInfo } from '../types';

/** The app itself. */
export const appCalls = {
  /** Versions, host kind and where data lives. */
  'app.info': { args: noArgs, result: returns<AppInfo>() },
} as const;
