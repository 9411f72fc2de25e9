import JSZip from 'jszip';
import { msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { TemplateFile } from '../../../core/content/schemas';
import type { Lang } from '../../../core/i18n';
import { htmlToTemplateSections, type ImportProblem } from '../../../core/templates/docx-import';
import { parseHtml } from './html-tree';
import { checkZipLimits, type ZipLimitBreach } from '../files/zip-limits';
import { convertDocxInWorker, DOCX_WORKER_LIMITS } from './docx-worker';

/**
 * Reads a Word document for import as a POC template: checks that it really is one (a zip with
 * word/document.xml) and that it stays within the archive limits, converts it with mammoth to HTML
 * in a worker thread (images are not extracted), and turns that into a template draft. A file that only carries the .docx name is refused with `bad_file`.
 */

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function notWord(name: string, why: ApiMessage): ApiFailure {
  return new ApiFailure('bad_file', msg('error.notWord', { name, why }));
}

/** The keyed message for a limit the archive breaks (files/zip-limits.ts). */
function breachMessage(name: string, breach: ZipLimitBreach): ApiFailure {
  const mb = (n: number): number => Math.round((n / 1024 / 1024) * 10) / 10;
  switch (breach.limit) {
    case 'malformed':
      return notWord(name, msg('docx.damagedZip'));
    case 'entries':
      return new ApiFailure('too_large', msg('archive.tooManyEntries', { name, figure: breach.figure, max: breach.max }));
    case 'entryBytes':
      return new ApiFailure('too_large', msg('archive.entryTooLarge', { name, entry: breach.entry, figure: mb(breach.figure), max: mb(breach.max) }));
    case 'totalBytes':
      return new ApiFailure('too_large', msg('archive.totalTooLarge', { name, entry: breach.entry, max: mb(breach.max) }));
    case 'ratio':
      return new ApiFailure('too_large', msg('archive.ratio', { name, entry: breach.entry, figure: breach.figure, max: breach.max }));
    case 'sizeLie':
      return new ApiFailure('bad_file', msg('archive.sizeLie', { name, entry: breach.entry, declared: breach.declared }));
  }
}

/**
 * The document's HTML as mammoth writes it; refuses what is not a .docx, and what would expand
 * beyond the archive limits, before anything parses it. The conversion runs in a worker thread
 * with a time and a heap limit (docx-worker.ts). `limits` are for tests.
 */
export async function docxToHtml(name: string, bytes: Buffer, limits?: { timeoutMs: number; heapMb: number }): Promise<string> {
  if (bytes.length < 4 || ZIP_MAGIC.some((b, i) => bytes[i] !== b)) throw notWord(name, msg('docx.notZip'));
  const breach = checkZipLimits(bytes);
  if (breach !== null) throw breachMessage(name, breach);
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch {
    throw notWord(name, msg('docx.damagedZip'));
  }
  if (zip.file('word/document.xml') === null) throw notWord(name, msg('docx.noDocumentXml'));
  const converted = await convertDocxInWorker(bytes, limits);
  if (converted.ok) return converted.html;
  const used = limits ?? DOCX_WORKER_LIMITS;
  switch (converted.reason) {
    case 'timeout':
      throw new ApiFailure('too_large', msg('archive.tooSlow', { name, seconds: used.timeoutMs / 1000 }));
    case 'memory':
      throw new ApiFailure('too_large', msg('archive.tooMuchMemory', { name, mb: used.heapMb }));
    case 'failed':
      throw notWord(name, msg('docx.unreadable', { detail: converted.detail }));
  }
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
export function templateFromHtml(html: string, input: { fileName: string; scenarios: string[]; variables: readonly string[] }): DocxTemplateDraft {
  const converted = htmlToTemplateSections(parseHtml(html), { variables: input.variables, introductionTitle: INTRODUCTION });
  const lang: Lang = converted.mostlyChinese ? 'zh' : 'en';
  const words = DEFAULTS[lang];
  const problems = [...converted.problems];
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
