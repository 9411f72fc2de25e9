import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file)] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or null when the path is malformed or would leave
 * the folder (../, encoded dots and slashes, NUL, absolute paths).
 */
export function resolveStatic(root: string, urlPath: string): string | null {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return null;
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  const base = path.resolve(root);
  const file = path.resolve(base, relative);
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/** The file to send for a GET: the file itself, or index.html for client-side routes without an extension. */
export function pickStatic(root: string, urlPath: string): string | null {
  const file = resolveStatic(root, urlPath);
  if (file === null) return null;
  if (fs.existsSync(file) && fs.statSync(file).isFile()) return file;
  if (path.extname(file) === '') return path.join(path.resolve(root), 'index.html');
  return null;
}
