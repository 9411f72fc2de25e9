import { IMAGE_TYPES } from '../files/sniff';

/**
 * Stored attachments served read-only by their sha256, so screens show images with a plain <img>:
 * `app://blob/<sha256>` in Electron (electron/main/protocol.ts), `/api/blob/<sha256>` in the
 * browser host (electron/web). Both answer with blobHeaders, from the attachment's row.
 */

/** The host of Electron's blob URLs: app://blob/<sha256>. */
export const APP_BLOB_HOST = 'blob';

/** A stored file as a host serves it: type and name from its attachment row, bytes from the store. */
export type BlobFile = { mime: string; name: string; data: Uint8Array };

/** The sha256 a blob URL's path names, or null when the path is anything else. */
export function blobSha256(path: string): string | null {
  const match = /^\/?([0-9a-f]{64})$/.exec(path);
  return match?.[1] ?? null;
}

/** RFC 6266/5987 filename parameters: an ASCII fallback and the exact UTF-8 name. */
function fileNameParameters(name: string): string {
  const ascii = name.replace(/[^\x20-\x7e]|["\\]/g, '_') || 'file';
  const exact = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `filename="${ascii}"; filename*=UTF-8''${exact}`;
}

/**
 * Response headers for a stored file. Images (their bytes were checked when they were stored) are
 * shown inline; every other file is only ever offered as a download. The browser never guesses a
 * type (nosniff), and a file opened on its own runs nothing (CSP sandbox). The content never
 * changes under its sha256, so it may be cached.
 */
export function blobHeaders(file: BlobFile): Record<string, string> {
  const image = (IMAGE_TYPES as readonly string[]).includes(file.mime);
  return {
    'content-type': file.mime,
    'content-length': String(file.data.byteLength),
    'content-disposition': image ? 'inline' : `attachment; ${fileNameParameters(file.name)}`,
    'x-content-type-options': 'nosniff',
    'content-security-policy': 'sandbox',
    'cache-control': 'private, max-age=31536000, immutable',
  };
}
