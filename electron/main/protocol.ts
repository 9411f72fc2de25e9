import fs from 'node:fs/promises';
import path from 'node:path';
import { protocol } from 'electron';
import { APP_BLOB_HOST, blobHeaders, blobSha256, type BlobFile } from '../../core/api/blobs';
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

/**
 * app://blob/<sha256>: a stored attachment, read-only. Main does not read the database: it asks
 * the backend (worker protocol `read-blob`), which answers only for files with an attachment row,
 * with the type recorded there.
 */
async function blobResponse(request: Request, url: URL, readBlob: (sha256: string) => Promise<BlobFile | null>): Promise<Response> {
  if (request.method !== 'GET' && request.method !== 'HEAD') return new Response('Use GET for app://blob/<sha256>.', { status: 405 });
  const sha256 = blobSha256(url.pathname);
  if (sha256 === null) return new Response('app://blob/ takes a sha256 in lowercase hex.', { status: 400 });
  const file = await readBlob(sha256);
  if (file === null) return new Response(`No stored file ${sha256.slice(0, 12)}… on this device.`, { status: 404 });
  return new Response(request.method === 'HEAD' ? null : file.data, { headers: blobHeaders(file) });
}

/**
 * Serves the built renderer from app://fieldbench/ (never file://), with the CSP as a header, and
 * stored attachments from app://blob/<sha256>.
 */
export function serveApp(rendererDir: string, readBlob: (sha256: string) => Promise<BlobFile | null>): void {
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host === APP_BLOB_HOST) return blobResponse(request, url, readBlob);
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
