import { shell } from 'electron';
import { isAllowedExternalUrl } from './security';

/** The one way a URL leaves the app: only https and mailto reach the operating system. */
export function openExternalSafely(url: string): boolean {
  if (!isAllowedExternalUrl(url)) return false;
  void shell.openExternal(url);
  return true;
}
