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

/** Office documents by their extension, stored under their own type only when their bytes start as that format does. */
const OFFICE_TYPES: Readonly<Record<string, { mime: string; container: 'zip' | 'ole' }>> = {
  docx: { mime: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', container: 'zip' },
  xlsx: { mime: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', container: 'zip' },
  pptx: { mime: 'application/vnd.openxmlformats-officedocument.presentationml.presentation', container: 'zip' },
  doc: { mime: 'application/msword', container: 'ole' },
  xls: { mime: 'application/vnd.ms-excel', container: 'ole' },
  ppt: { mime: 'application/vnd.ms-powerpoint', container: 'ole' },
};
const TEXT_TYPES: Readonly<Record<string, string>> = { txt: 'text/plain', csv: 'text/csv' };

/** Every type a file is stored (and later served) under; anything else is application/octet-stream. */
export const STORED_TYPES: ReadonlySet<string> = new Set([
  ...IMAGE_TYPES,
  'application/pdf',
  ...Object.values(OFFICE_TYPES).map((t) => t.mime),
  ...Object.values(TEXT_TYPES),
  'application/octet-stream',
]);

/** Text a user would call text: well-formed UTF-8 without NUL bytes (checked on the first 64 KB; a character cut at that edge is fine). */
function looksLikeText(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length, 64 * 1024);
  for (let i = 0; i < end; ) {
    const b = bytes[i] ?? 0;
    if (b === 0) return false;
    const follow = b < 0x80 ? 0 : b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (follow < 0) return false;
    for (let k = 1; k <= follow; k += 1) {
      if (i + k >= end) return end < bytes.length;
      if (((bytes[i + k] ?? 0) & 0xc0) !== 0x80) return false;
    }
    i += follow + 1;
  }
  return true;
}

/**
 * The type a file is stored under, decided from its bytes and its name — never from the type the
 * sender claims, which comes from an untrusted renderer or another device. Images, PDF, Office
 * documents, plain text and CSV keep their own type; everything else (HTML, SVG, scripts,
 * executables, anything unknown) is stored as application/octet-stream, which the app only ever
 * offers as a download. A file that claims to be an image (by type or by name) and is not one the
 * app can show is refused, so that nobody attaches a broken photo unawares.
 */
export function checkClaimedType(name: string, claimedMime: string, bytes: Uint8Array): { mime: string; isImage: boolean } | { error: ApiMessage } {
  const sniffed = sniffType(bytes);
  const claimsImage = isImageType(claimedMime) || /\.(png|jpe?g|gif|webp|bmp|heic|tiff?)$/i.test(name);
  if (sniffed !== null && IMAGE_TYPES.includes(sniffed)) return { mime: sniffed, isImage: true };
  if (claimsImage) return { error: msg('error.notAnImage', { name }) };
  if (sniffed === 'application/pdf') return { mime: sniffed, isImage: false };
  const extension = /\.([a-z0-9]{1,5})$/i.exec(name)?.[1]?.toLowerCase() ?? '';
  const office = OFFICE_TYPES[extension];
  if (office !== undefined) {
    const opens = office.container === 'zip' ? startsWith(bytes, [0x50, 0x4b, 0x03, 0x04]) : startsWith(bytes, [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    if (opens) return { mime: office.mime, isImage: false };
  }
  const text = TEXT_TYPES[extension];
  if (text !== undefined && looksLikeText(bytes)) return { mime: text, isImage: false };
  return { mime: 'application/octet-stream', isImage: false };
}
