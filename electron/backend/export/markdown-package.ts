import JSZip from 'jszip';
import { sniffType } from '../../../core/files/sniff';
import type { DocumentWords } from '../../../core/document/words';
import { imageSize, withinImageLimits } from '../files/image-size';

/**
 * A Markdown export that stands on its own. The document writer refers to pictures as
 * `attachment:<sha256>`, which no viewer can open; here each becomes a file beside the text
 * (`images/<name>.png`, the Markdown and its images together in one zip), and a picture whose file
 * is not on this device (or is no picture) becomes its words, as in the DOCX. Without pictures the
 * Markdown goes alone.
 */

const EXTENSIONS: Readonly<Record<string, string>> = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp' };
// The writer escapes "[" in text, so only its own picture syntax can match.
const PICTURE = /!\[([^\]]*)\]\(attachment:([0-9a-f]{64})\)/g;

export type MarkdownPackage = { kind: 'markdown'; text: string } | { kind: 'zip'; bytes: Buffer };

export async function markdownPackage(markdown: string, fileStem: string, read: (sha256: string) => Buffer | null, words: DocumentWords): Promise<MarkdownPackage> {
  const files = new Map<string, { path: string; bytes: Buffer }>();
  const text = markdown.replace(PICTURE, (_whole, alt: string, sha256: string) => {
    const known = files.get(sha256);
    if (known) return `![${alt}](${known.path})`;
    const bytes = read(sha256);
    const type = bytes ? sniffType(bytes) : null;
    const extension = type ? EXTENSIONS[type] : undefined;
    const size = bytes && extension ? imageSize(bytes) : null;
    if (!bytes || !extension || !size || !withinImageLimits(size)) return `*[${words.image}${alt ? `${words.colon}${alt}` : ''}]*`;
    const path = `images/${sha256.slice(0, 16)}.${extension}`;
    files.set(sha256, { path, bytes });
    return `![${alt}](${path})`;
  });
  if (files.size === 0) return { kind: 'markdown', text };
  const zip = new JSZip();
  zip.file(`${fileStem}.md`, text);
  // Pictures are compressed already: stored as they are.
  for (const { path, bytes } of files.values()) zip.file(path, bytes, { compression: 'STORE' });
  return { kind: 'zip', bytes: await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' }) };
}
