import mammoth from 'mammoth';
import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { TemplateFile } from '../../../core/content/schemas';
import type { Lang } from '../../../core/i18n';
import { htmlToTemplateSections, type ImportProblem } from '../../../core/templates/docx-import';
import { DOCX_ZIP_LIMITS, type ZipLimits } from '../archive/limits';
import { inspectZip, packStored, unpackZip, type ZipEntry } from '../archive/zip';
import { parseHtml } from './html-tree';

/**
 * Reads a Word document for import as a POC template: checks that it really is one (a zip with
 * word/document.xml) and that it stays within the zip limits (archive/limits.ts), converts it
 * with mammoth to HTML (images are not extracted), and turns that into a template draft. A file
 * that only carries the .docx name is refused with `bad_file`. The reading runs in a worker
 * thread (docx-thread.ts); `checkDocxPackage` also runs before it, in the backend, so an obvious
 * bomb is refused without starting one.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const DOCUMENT_XML = 'word/document.xml';

// Title-styled paragraphs name the template; Word's Subtitle is an ordinary paragraph.
const STYLE_MAP = ["p[style-name='Title'] => h1.doc-title:fresh", "p[style-name='Subtitle'] => p:fresh"];

function notWord(name: string, why: ApiMessage): ApiFailure {
  return new ApiFailure('bad_file', msg('error.notWord', { name, why }));
}

/** The package's entries from its central directory, refused when it is not a .docx or passes a limit; nothing is inflated. */
export function checkDocxPackage(name: string, bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): ZipEntry[] {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) throw notWord(name, msg('docx.notZip'));
  const entries = inspectZip(name, bytes, limits);
  if (!entries.some((e) => e.name === DOCUMENT_XML)) throw notWord(name, msg('docx.noDocumentXml'));
  return entries;
}

/**
 * The document's HTML as mammoth writes it; refuses what is not a .docx or passes a limit.
 * mammoth is given the entries inflated here (each stopped at its declared size) in an
 * uncompressed package, so it reads only bytes that were counted and inflates nothing itself.
 */
export async function docxToHtml(name: string, bytes: Uint8Array, limits: ZipLimits = DOCX_ZIP_LIMITS): Promise<{ html: string; dropped: ImportProblem[] }> {
  const entries = checkDocxPackage(name, bytes, limits);
  const unpacked = unpackZip(name, bytes, entries);
  const stored = packStored(unpacked);
  try {
    const result = await mammoth.convertToHtml(
      { buffer: stored },
      // Images are dropped (and reported) by the conversion: never decode their bytes here.
      { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(() => Promise.resolve({ src: '' })), externalFileAccess: false },
    );
    return { html: result.value, dropped: droppedParts(unpacked) };
  } catch (error) {
    throw notWord(name, msg('docx.unreadable', { detail: error instanceof Error ? error.message.slice(0, 200) : String(error) }));
  }
}

/**
 * What of the Word document a template cannot hold, said rather than lost without a word: page
 * headers and footers (and a logo in them), page breaks, heading numbers; footnotes arrive as a
 * list at the end (mammoth writes them so).
 */
function droppedParts(entries: readonly { name: string; data: Buffer }[]): ImportProblem[] {
  const part = (pattern: RegExp): string[] => entries.filter((e) => pattern.test(e.name)).map((e) => e.data.toString('utf8'));
  const document = part(/^word\/document\.xml$/)[0] ?? '';
  const margins = part(/^word\/(header|footer)\d*\.xml$/);
  const problems: ImportProblem[] = [];
  if (margins.some((xml) => /<w:t[ >][^<]*\S/.test(xml))) problems.push({ where: 'template', message: msg('import.headersDropped') });
  if (margins.some((xml) => /<w:drawing\b|<w:pict\b/.test(xml))) problems.push({ where: 'template', message: msg('import.headerPictureDropped') });
  if (/<w:br [^>]*w:type="page"|<w:pageBreakBefore\b/.test(document)) problems.push({ where: 'template', message: msg('import.pageBreaksDropped') });
  const styles = part(/^word\/styles\.xml$/)[0] ?? '';
  const numberedHeadings = [...styles.matchAll(/<w:style\b[^>]*w:styleId="(?:Heading|heading)\d"[^>]*>([\s\S]*?)<\/w:style>/g)].some((m) => /<w:numPr>/.test(m[1] ?? ''));
  if (numberedHeadings) problems.push({ where: 'template', message: msg('import.headingNumbersDropped') });
  const footnotes = (part(/^word\/footnotes\.xml$/)[0] ?? '').match(/<w:footnote (?![^>]*w:type=)[^>]*>/g)?.length ?? 0;
  if (footnotes > 0) problems.push({ where: 'template', message: msg('import.footnotesAsList', { count: footnotes }) });
  return problems;
}

/** Lowercase kebab-case from a file name; '' when nothing of it is Latin letters or digits. */
export function templateIdFrom(fileName: string): string {
  return fileName
    .replace(/\.docx$/i, '')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 70)
    .replace(/-+$/, '');
}

function sectionId(title: string, index: number, used: Set<string>): string {
  const base = templateIdFrom(title).slice(0, 60).replace(/-+$/, '') || `section-${index + 1}`;
  let id = base;
  for (let n = 2; used.has(id); n++) id = `${base}-${n}`;
  used.add(id);
  return id;
}

const INTRODUCTION = 'Introduction';

const DEFAULTS: Record<Lang, { introduction: string; pricingItem: string; unit: string; phase: string; deliverables: string }> = {
  en: { introduction: 'Introduction', pricingItem: 'POC delivery', unit: 'lot', phase: 'POC delivery', deliverables: 'As described in this proposal' },
  zh: { introduction: '引言', pricingItem: 'POC 交付', unit: '项', phase: 'POC 交付', deliverables: '见本方案所述' },
};

export type DocxTemplateDraft = { template: TemplateFile; problems: ImportProblem[] };

/**
 * The template draft for a document: sections from its headings, the same text in English and
 * Chinese (a Word document is written in one language; the problems say which to translate), one
 * pricing line at 0.00 and one timeline phase to edit (the document's tables are kept as text).
 */
export function templateFromHtml(html: string, input: { fileName: string; scenarios: string[]; variables: readonly string[]; dropped?: readonly ImportProblem[] }): DocxTemplateDraft {
  const converted = htmlToTemplateSections(parseHtml(html), { variables: input.variables, introductionTitle: INTRODUCTION });
  const lang: Lang = converted.mostlyChinese ? 'zh' : 'en';
  const words = DEFAULTS[lang];
  const problems = [...converted.problems, ...(input.dropped ?? [])];
  const fileTitle = input.fileName.replace(/\.docx$/i, '').trim() || input.fileName;
  const title = (converted.title ?? fileTitle).slice(0, 200);
  const both = (text: string) => ({ en: text, zh: text });
  const used = new Set<string>();
  const loc = (key: keyof (typeof DEFAULTS)['en']) => ({ en: DEFAULTS.en[key], zh: DEFAULTS.zh[key] });
  const sections = converted.sections.map((s, i) => {
    // Text before the first heading: its title is ours, so it can be in both languages.
    const isIntroduction = i === 0 && s.title === INTRODUCTION;
    const sectionTitle = s.title.slice(0, 200);
    return { id: sectionId(sectionTitle, i, used), title: isIntroduction ? loc('introduction') : both(sectionTitle), body: both(s.markdown) };
  });
  if (sections.length === 0) {
    throw new ApiFailure('bad_file', msg('error.docxNoText', { name: input.fileName }));
  }
  problems.push({ where: 'template', message: msg('import.oneLanguage', { lang: msg(`langName.${lang}`), other: msg(lang === 'en' ? 'langName.zh' : 'langName.en') }) });
  problems.push({ where: 'pricing', message: msg('import.pricingAdded', { item: words.pricingItem }) });
  problems.push({ where: 'timeline', message: msg('import.timelineAdded', { phase: words.phase }) });
  const template: TemplateFile = {
    id: templateIdFrom(input.fileName) || 'imported-template',
    version: 1,
    scenarios: input.scenarios,
    title: both(title),
    description: { en: `Imported from ${input.fileName}`, zh: `从 ${input.fileName} 导入` },
    durationWeeks: 4,
    sections,
    successCriteria: [],
    pricing: { currency: 'CNY', taxRate: '0.06', lines: [{ item: loc('pricingItem'), unit: loc('unit'), quantity: '1', unitPrice: '0.00' }] },
    timeline: [{ phase: loc('phase'), weeks: 4, deliverables: loc('deliverables') }],
  };
  return { template, problems };
}
