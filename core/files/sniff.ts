import { msg, type ApiMessage } from '../api/message';
/**
 * What a file really is, judged by its first bytes rather than by its name or claimed type:
 * a file that says it is an image must start like one before the app shows or embeds it.
 */

export type SniffedType = 'image/png' | 'image/jpeg' | 'image/gif' | 'image/webp' | 'application/pdf';

export const IMAGE_TYPES: readonly SniffedType[] = ['image/png', 'image/jpeg', 'image/gif', 'image/webp'];

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false;
  return signature.every((b, i) => bytes[offset + i] === b);
}

const ascii = (text: string): number[] => [...text].map((c) => c.charCodeAt(0));

/** The type the bytes show, or null when they match none the app knows. */
export function sniffType(bytes: Uint8Array): SniffedType | null {
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'image/jpeg';
  if (startsWith(bytes, ascii('GIF87a')) || startsWith(bytes, ascii('GIF89a'))) return 'image/gif';
  if (startsWith(bytes, ascii('RIFF')) && startsWith(bytes, ascii('WEBP'), 8)) return 'image/webp';
  if (startsWith(bytes, ascii('%PDF-'))) return 'application/pdf';
  return null;
}

export function isImageType(mime: string): boolean {
  return mime.toLowerCase().startsWith('image/');
}

/**
 * Checks a claimed type against the bytes. Returns the type to store, or an error message when a
 * file claims to be an image (by type or by name) and its bytes are not one the app can show.
 */
export function checkClaimedType(name: string, claimedMime: string, bytes: Uint8Array): { mime: string; isImage: boolean } | { error: ApiMessage } {
  const sniffed = sniffType(bytes);
  const claimsImage = isImageType(claimedMime) || /\.(png|jpe?g|gif|webp|bmp|heic|tiff?)$/i.test(name);
  if (sniffed !== null && IMAGE_TYPES.includes(sniffed)) return { mime: sniffed, isImage: true };
  if (claimsImage) {
    return { error: msg('error.notAnImage', { name }) };
  }
  if (sniffed === 'application/pdf') return { mime: sniffed, isImage: false };
  // Other files are kept as opaque bytes: never shown inline, only offered for download.
  const safeMime = /^[a-z]+\/[a-z0-9.+-]+$/i.test(claimedMime) && !isImageType(claimedMime) && !/html|xml|javascript/i.test(claimedMime) ? claimedMime : 'application/octet-stream';
  return { mime: safeMime, isImage: false };
}
