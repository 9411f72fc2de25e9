import type { MenuItemConstructorOptions, WebPreferences } from 'electron';
import { isAllowedMailto } from '../../core/richtext/links';
import { APP_BLOB_HOST } from '../../core/api/blobs';

/**
 * The security configuration of the shell, as plain data and pure functions so tests can assert
 * it without an Electron binary. Follows Electron's security checklist.
 */

export const APP_SCHEME = 'app';
export const APP_HOST = 'fieldbench';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/** No inline script or style, no eval; only our own origin. */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  // app://blob/<sha256>: stored attachments (protocol.ts).
  `img-src 'self' ${APP_SCHEME}://${APP_BLOB_HOST} data:`,
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-src 'none'",
  "frame-ancestors 'none'",
  "form-action 'none'",
].join('; ');

/** Where the app runs: a packaged build on a platform, or a development run. */
export type Runtime = { packaged: boolean; platform: NodeJS.Platform };

/**
 * Spell checking only where the operating system's own checker does it (macOS). On Windows and
 * Linux Chromium would download Hunspell dictionaries from Google's servers at run time — an
 * offline product on a customer's network must not — so it stays off there until dictionaries ship
 * with the app.
 */
export function spellcheckEnabled(platform: NodeJS.Platform): boolean {
  return platform === 'darwin';
}

export function webPreferences(preloadPath: string, runtime: Runtime): WebPreferences {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    navigateOnDragDrop: false,
    spellcheck: spellcheckEnabled(runtime.platform),
    // No DevTools in a build a customer's laptop runs: they would open every record and the backend port.
    devTools: !runtime.packaged,
  };
}

/** True for URLs inside the app itself (the custom protocol), the only place windows may show. */
export function isAppUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return u.protocol === `${APP_SCHEME}:` && u.host === APP_HOST;
  } catch {
    return false;
  }
}

const EXTERNAL_PROTOCOLS = new Set(['https:', 'mailto:']);

/** The allowlist for handing a URL to the operating system: https and mailto, nothing else. */
export function isAllowedExternalUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (!EXTERNAL_PROTOCOLS.has(u.protocol)) return false;
    if (u.protocol === 'https:' && (u.username !== '' || u.password !== '')) return false;
    // An email program acts on parameters (`attach=~/.ssh/id_rsa`): only an address, subject, body and cc.
    if (u.protocol === 'mailto:' && !isAllowedMailto(url)) return false;
    return true;
  } catch {
    return false;
  }
}

/** Every permission a page may ask for (camera, notifications, geolocation, ...) is refused. */
export function allowPermission(_permission: string): boolean {
  return false;
}

/**
 * Resolves a request path of the app protocol to a file inside the renderer folder, or null when
 * it would leave that folder (traversal, encoded dots, absolute paths).
 */
export function resolveAppFile(rendererDir: string, requestUrl: string, join: (...p: string[]) => string, normalize: (p: string) => string): string | null {
  let pathname: string;
  try {
    const u = new URL(requestUrl);
    if (u.host !== APP_HOST) return null;
    pathname = decodeURIComponent(u.pathname);
  } catch {
    return null;
  }
  if (pathname.includes('\0')) return null;
  const relative = pathname === '/' || pathname === '' ? 'index.html' : pathname.replace(/^\/+/, '');
  const root = normalize(rendererDir);
  const file = normalize(join(root, relative));
  const sep = root.endsWith('/') || root.endsWith('\\') ? '' : root.includes('\\') ? '\\' : '/';
  return file.startsWith(root + sep) ? file : null;
}

/**
 * The application menu: none on Windows and Linux; on macOS the standard menus, with a View menu
 * that has no DevTools item or reload in a packaged build (the standard `viewMenu` role brings both).
 */
export function applicationMenuTemplate(runtime: Runtime): MenuItemConstructorOptions[] | null {
  if (runtime.platform !== 'darwin') return null;
  const view: MenuItemConstructorOptions = runtime.packaged
    ? { label: 'View', submenu: [{ role: 'resetZoom' }, { role: 'zoomIn' }, { role: 'zoomOut' }, { type: 'separator' }, { role: 'togglefullscreen' }] }
    : { role: 'viewMenu' };
  return [{ role: 'appMenu' }, { role: 'editMenu' }, view, { role: 'windowMenu' }];
}
