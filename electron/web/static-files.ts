import fs from 'node:fs';
import path from 'node:path';

const CONTENT_TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.ico': 'image/x-icon',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
  '.ttf': 'font/ttf',
  '.wasm': 'application/wasm',
};

export function contentType(file: string): string {
  return CONTENT_TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
}

/**
 * Maps a request path to a file inside `root`, or null when the path is malformed or would leave
 * the folder (../, encoded dots and slashes, backslashes, NUL).
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
  // Resolve first, then check: whatever the path said, the result must sit inside the folder.
  if (file !== base && !file.startsWith(base + path.sep)) return null;
  return file;
}

/** The file to send for a GET: the file itself, or index.html for client-side routes (no extension). */
export function pickStatic(root: string, urlPath: string): string | null {
  const file = resolveStatic(root, urlPath);
  if (file === null) return null;
  // Source maps stay on the build machine: served, they would give away the sources with their comments.
  if (path.extname(file).toLowerCase() === '.map') return null;
  const stat = fs.statSync(file, { throwIfNoEntry: false });
  if (stat?.isFile()) return insideRealRoot(root, file) ? file : null;
  if (path.extname(file) === '') return path.join(path.resolve(root), 'index.html');
  return null;
}

/** A symlink inside the folder must not lead out of it either. */
function insideRealRoot(root: string, file: string): boolean {
  const realRoot = fs.realpathSync(root);
  const realFile = fs.realpathSync(file);
  return realFile.startsWith(realRoot + path.sep);
}
