import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_SCHEME, CONTENT_SECURITY_POLICY, resolveAppFile } from './security';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
};

/** Must run before app 'ready': the app scheme behaves like https (origin, fetch, storage). */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

/** Serves the built renderer from app://fieldbench/ (never file://), with the CSP as a header. */
export function serveRenderer(rendererDir: string): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const file = resolveAppFile(rendererDir, request.url, path.join, path.normalize);
    if (file === null) return new Response('Not found', { status: 404 });
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        headers: {
          'content-type': CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream',
          'content-security-policy': CONTENT_SECURITY_POLICY,
          'x-content-type-options': 'nosniff',
        },
      });
    } catch {
      // Client-side routes fall back to the app entry.
      const index = await fs.readFile(path.join(rendererDir, 'index.html'));
      return new Response(index, { headers: { 'content-type': CONTENT_TYPES['.html'] ?? 'text/html', 'content-security-policy': CONTENT_SECURITY_POLICY } });
    }
  });
}
