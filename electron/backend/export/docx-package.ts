import JSZip from 'jszip';
import { Packer, type Document } from 'docx';

/**
 * Packs a `docx` Document with its photos stored in the zip as they are.
 *
 * docx's ImageRun names every image by a pure-JS SHA-1 of its bytes and its Packer deflates every
 * part with a pure-JS DEFLATE: for 20 photos (~40 MB of JPEG/PNG, which hardly compresses) that
 * was ~1.4 s of hashing and ~2 s of deflating, ~4 s per export. So each photo goes to ImageRun as
 * a short unique stand-in; docx writes the XML, the relationships and a media part holding the
 * stand-in, and after packing the stand-ins are swapped for the real bytes, stored uncompressed
 * (the XML parts stay deflated). Only public docx and JSZip calls are used.
 */

/** Real image bytes by the stand-in text handed to docx in their place. */
export type StoredMedia = Map<string, Buffer>;

const STAND_IN_PREFIX = 'fieldbench-stored-media:';
const MEDIA_FOLDER = 'word/media/';
const MAX_STAND_IN_BYTES = 256;
/** Office writes this part first, and some tools sniff for it to recognise the package. */
const CONTENT_TYPES = '[Content_Types].xml';

/** Remembers `bytes` under `id` (same id, same bytes: one part) and returns what to give ImageRun instead. */
export function storedImage(media: StoredMedia, id: string, bytes: Buffer): Buffer {
  const standIn = `${STAND_IN_PREFIX}${id}`;
  media.set(standIn, bytes);
  return Buffer.from(standIn, 'latin1');
}

/**
 * Puts Word XML in place of paragraphs of the document part: each key is the text of a stand-in
 * paragraph, each value the XML that replaces the whole paragraph (what docx cannot write, such as
 * a contents page whose field characters each need their own run).
 */
function replaceParagraphs(xml: string, replacements: ReadonlyMap<string, string>): string {
  let out = xml;
  for (const [standIn, replacement] of replacements) {
    const at = out.indexOf(standIn);
    const start = Math.max(out.lastIndexOf('<w:p>', at), out.lastIndexOf('<w:p ', at));
    const end = out.indexOf('</w:p>', at);
    if (at === -1 || start === -1 || end === -1) throw new Error('the DOCX document lacks a stand-in paragraph it was written with');
    out = out.slice(0, start) + replacement + out.slice(end + '</w:p>'.length);
  }
  return out;
}

/**
 * Numbers every drawing of the document part 1, 2, 3…: docx gives each picture id 1, and Word
 * wants them unique (it may offer to repair a file where two drawings share one).
 */
function uniqueDrawingIds(xml: string): string {
  let next = 0;
  return xml.replace(/<wp:docPr id="\d+"/g, () => `<wp:docPr id="${++next}"`);
}

/** The .docx bytes: docx's parts with the stored images swapped in (and raw paragraphs put in place), [Content_Types].xml first. */
export async function packDocx(doc: Document, media: StoredMedia, paragraphs: ReadonlyMap<string, string> = new Map()): Promise<Buffer> {
  const packed = await JSZip.loadAsync(await Packer.toBuffer(doc));
  const entries = Object.values(packed.files).filter((entry) => !entry.dir);
  const ordered = [...entries.filter((e) => e.name === CONTENT_TYPES), ...entries.filter((e) => e.name !== CONTENT_TYPES)];
  const out = new JSZip();
  const swapped = new Set<string>();
  for (const entry of ordered) {
    const bytes = entry.name === 'word/document.xml' ? Buffer.from(uniqueDrawingIds(replaceParagraphs(await entry.async('string'), paragraphs)), 'utf8') : await entry.async('nodebuffer');
    const standIn = entry.name.startsWith(MEDIA_FOLDER) && bytes.length <= MAX_STAND_IN_BYTES ? bytes.toString('latin1') : '';
    const real = media.get(standIn);
    if (real) swapped.add(standIn);
    // JPEG, PNG and GIF are compressed already: deflating them in pure JS costs seconds and saves little.
    out.file(entry.name, real ?? bytes, { createFolders: false, compression: real ? 'STORE' : 'DEFLATE' });
  }
  // A stand-in left in the document would be a broken picture: fail rather than write one.
  if (swapped.size !== media.size) throw new Error(`the DOCX package lacks ${media.size - swapped.size} of its ${media.size} images`);
  return out.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
