import { chapterTitles, headingBlock, mapRuns, numberHeadings, paragraphBlock } from '../document/build';
import { richTextBlocks } from '../document/from-richtext';
import { documentMarkdown } from '../document/markdown';
import type { Block, DocumentModel } from '../document/model';
import { acceptanceBlocks, coverFields, EXPORT_LABELS, sectionTable, totalInWords, type ProposalExport } from './export-tables';
import { documentLogo } from '../organisation/profile';
import { PROPOSAL_LABELS } from './labels';
import { checkPricing } from './money';
import { timelineSchedule } from './timeline';

/**
 * A proposal as a document: the cover, the contents, then each section — its title, its body
 * under it, the Gantt chart of a timeline section, and the table of a structured section. Every
 * export (DOCX, the print page that becomes the PDF, Markdown) is written from this. Pure.
 */

function sectionBlocks(section: ProposalExport['proposal']['sections'][number], doc: ProposalExport): Block[] {
  const p = doc.proposal;
  const words = PROPOSAL_LABELS[p.lang];
  // An internal copy names the knowledge-base article behind each reference; a customer copy keeps only the words.
  const internal = doc.copy === 'internal' ? { knowledgeBase: EXPORT_LABELS[p.lang].knowledgeBase } : {};
  const blocks: Block[] = [headingBlock(2, section.title), ...richTextBlocks(section.bodyJson, { headingLevel: 3, ...internal })];
  if (section.kind === 'timeline') {
    const phases = timelineSchedule(p.timeline);
    if (phases.length > 0) {
      const labels = { title: EXPORT_LABELS[p.lang].timelineChart, phase: words.phase, start: words.start, end: words.end, weeks: words.weeks, milestone: words.milestone };
      blocks.push({ kind: 'gantt', phases, labels });
    }
  }
  // Figures that cannot be totalled have no table: the exports refuse them before this, and the print page says why.
  const totalled = section.kind !== 'pricing' || checkPricing(p.pricing).length === 0;
  const table = totalled ? sectionTable(section.kind, p, doc.organisation.currencyDisplay) : null;
  if (table && table.rows.length > 0) blocks.push(table);
  // A Chinese quotation in yuan states its total in words too (大写), so the figure cannot be altered.
  const inWords = table && section.kind === 'pricing' ? totalInWords(p.pricing, p.lang) : null;
  if (inWords) blocks.push(paragraphBlock(inWords));
  return blocks;
}

/** What a customer copy shows where a variable was never filled: a line to write on, not the template's {{name}}. */
const BLANK = '＿＿＿＿＿＿';

export function proposalDocument(doc: ProposalExport): DocumentModel {
  const p = doc.proposal;
  const labels = EXPORT_LABELS[p.lang];
  // The export checks name every unfilled variable first; a customer copy sent anyway shows blanks.
  const customer = doc.copy === 'customer';
  const title = customer ? p.title.replace(/\{\{[^{}]*\}\}/g, BLANK) : p.title;
  const sections = p.sections.flatMap((section) => sectionBlocks(section, doc));
  // Chapters and their subheadings are numbered; the contents lists the chapters as numbered.
  const body = numberHeadings([...(customer ? mapRuns(sections, (run) => (run.kind === 'variable' ? { kind: 'text', text: BLANK, ...(run.marks ? { marks: run.marks } : {}) } : run)) : sections), ...acceptanceBlocks(doc)]);
  return {
    lang: p.lang,
    title,
    ...documentLogo(doc.organisation, p.lang),
    blocks: [
      { kind: 'cover', title, fields: coverFields(doc) },
      { kind: 'pageBreak' },
      { kind: 'contents', title: labels.contents, entries: chapterTitles(body) },
      { kind: 'pageBreak' },
      ...body,
    ],
  };
}

/** The proposal as one GitHub-flavoured Markdown file. */
export function proposalMarkdown(doc: ProposalExport): string {
  return documentMarkdown(proposalDocument(doc));
}
