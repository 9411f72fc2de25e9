import { organisationName, type OrganisationProfile } from '../organisation/profile';
import { childrenOf, rootOf, stringField, type RichNode } from '../richtext/walk';
import { plainText } from '../richtext/text';
import type { ProposalExport } from './export-tables';
import { pricingTotals } from './money';
import { timelineSchedule } from './timeline';
import type { ProposalSection } from './types';

/**
 * What a sender should see before a proposal leaves the house: the things a customer would notice
 * that the editor lets pass while drafting. Each finding names the section it is in (or the
 * title); the export dialog lists them, and the user fixes them or exports anyway. Pure.
 */

/** A copy for the customer leaves out internal matter (status, version, knowledge-base references); an internal copy keeps it. */
export const EXPORT_COPIES = ['customer', 'internal'] as const;
export type ExportCopy = (typeof EXPORT_COPIES)[number];

export type ExportFinding =
  /** A template variable nobody filled: written as {{name}} in the document. */
  | { kind: 'variable'; where: string; inTitle: boolean; name: string }
  /** A section with nothing in it. */
  | { kind: 'emptySection'; where: string }
  /** A price table that adds up to nothing. */
  | { kind: 'zeroTotal'; where: string }
  /** Dates in a section's text that are not the schedule's: the text says one plan, the chart another. */
  | { kind: 'timelineDates'; where: string; written: string[]; start: string; end: string }
  /** A link into the knowledge base, which the customer cannot open (customer copies only). */
  | { kind: 'internalReference'; where: string; text: string }
  /** No organisation profile: the cover would not say who sends the proposal (customer copies only). */
  | { kind: 'noSender' }
  /** A merge field or placeholder left as text («sponsor name», {{x}} typed by hand): Word templates leave these. */
  | { kind: 'placeholderText'; where: string; text: string };

const TITLE_VARIABLE = /\{\{\s*([^{}]+?)\s*\}\}/g;
const ISO_DATE = /\b\d{4}-\d{2}-\d{2}\b/g;
const PLACEHOLDER_TEXT = /«[^«»\n]{1,80}»|\{\{[^{}\n]{1,80}\}\}/g;

function walk(node: RichNode, visit: (node: RichNode) => void): void {
  visit(node);
  for (const child of childrenOf(node)) walk(child, visit);
}

function sectionFindings(section: ProposalSection, doc: ProposalExport['proposal'], copy: ExportCopy): ExportFinding[] {
  const where = section.title;
  const root = rootOf(section.bodyJson);
  const findings: ExportFinding[] = [];
  const names = new Set<string>();
  let pictures = 0;
  if (root) {
    walk(root, (node) => {
      if (node.type === 'variable') names.add(stringField(node, 'name'));
      if (node.type === 'image') pictures += 1;
      if ((node.type === 'link' || node.type === 'autolink') && stringField(node, 'url').trim().startsWith('kb:') && copy === 'customer') {
        findings.push({ kind: 'internalReference', where, text: plainText(node).trim() });
      }
    });
  }
  for (const name of names) findings.push({ kind: 'variable', where, inTitle: false, name });
  const text = root ? plainText(root).trim() : '';
  // An unfilled variable reads as {{name}} too: it is named once, as the variable it is.
  const variableTexts = new Set([...names].map((name) => `{{${name}}}`));
  for (const placeholder of new Set(text.match(PLACEHOLDER_TEXT) ?? [])) {
    if (!variableTexts.has(placeholder)) findings.push({ kind: 'placeholderText', where, text: placeholder });
  }
  const structured =
    section.kind === 'pricing' ? doc.pricing.lines.length : section.kind === 'success-criteria' ? doc.successCriteria.length : section.kind === 'timeline' ? doc.timeline.phases.length : 0;
  if (text === '' && pictures === 0 && structured === 0) findings.push({ kind: 'emptySection', where });
  if (section.kind === 'pricing' && doc.pricing.lines.length > 0 && Number(pricingTotals(doc.pricing).total) === 0) findings.push({ kind: 'zeroTotal', where });
  return findings;
}

/** A text section about the plan, by its title: templates often state the dates in a "Timeline" section beside the schedule table. */
const PLAN_TITLE = /timeline|schedule|milestone|planning|时间|进度|里程碑|计划|排期/i;

/** Dates written in the text of the timeline sections (and of sections titled as the plan) that are none of the schedule's own dates. */
function timelineFindings(doc: ProposalExport['proposal']): ExportFinding[] {
  const phases = timelineSchedule(doc.timeline);
  const first = phases[0];
  const last = phases.at(-1);
  if (!first || !last) return [];
  const known = new Set(phases.flatMap((p) => [p.start, p.end]));
  return doc.sections
    .filter((s) => s.kind === 'timeline' || (s.kind === 'text' && PLAN_TITLE.test(s.title)))
    .flatMap((section): ExportFinding[] => {
      const root = rootOf(section.bodyJson);
      const written = [...new Set(root ? (plainText(root).match(ISO_DATE) ?? []) : [])];
      const other = written.filter((d) => !known.has(d));
      return other.length > 0 ? [{ kind: 'timelineDates', where: section.title, written: other, start: first.start, end: last.end }] : [];
    });
}

export function exportFindings(doc: ProposalExport['proposal'], copy: ExportCopy, organisation: OrganisationProfile): ExportFinding[] {
  const inTitle = [...new Set([...doc.title.matchAll(TITLE_VARIABLE)].map((m) => m[1] ?? ''))].map((name): ExportFinding => ({ kind: 'variable', where: doc.title, inTitle: true, name }));
  const sender: ExportFinding[] = copy === 'customer' && organisationName(organisation, doc.lang) === '' ? [{ kind: 'noSender' }] : [];
  return [...sender, ...inTitle, ...doc.sections.flatMap((s) => sectionFindings(s, doc, copy)), ...timelineFindings(doc)];
}
