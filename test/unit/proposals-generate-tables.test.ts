import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { templateFile, type TemplateFile } from '../../core/content/schemas';
import type { Engagement } from '../../core/engagements/types';
import { generateProposal, type GenerationInput } from '../../core/proposals/generate';
import { checkProposalDocument } from '../../core/proposals/document';
import { plainText } from '../../core/richtext/text';
import { blocksOf, type RichNode } from '../../core/richtext/walk';
import { provenanceOf } from '../../core/proposals/provenance';
import { MAX_TABLE_ROWS } from '../../core/proposals/types';

const engagement: Engagement = {
  id: 'e1',
  title: 'Contact centre pilot',
  customer: { id: 'c1', name: 'Eastern Telecom', kind: 'enterprise', industry: 'telecom', region: 'Shanghai' },
  stage: 'proposal',
  scenarios: ['intelligent-customer-service'],
  startDate: '2026-04-06',
  endDate: '2026-06-26',
  timeZone: null,
  team: [{ name: 'Zhang Min', role: 'Delivery lead' }],
  createdAt: '2026-03-01T00:00:00.000Z',
  updatedAt: '2026-03-01T00:00:00.000Z',
};

/** The bundled template with one text section whose body is `body`. */
function input(body: string): GenerationInput {
  const bundled = templateFile.parse(parse(fs.readFileSync(path.resolve('resources', 'content', 'templates', 'poc-ics-voicebot.yaml'), 'utf8')));
  const template: TemplateFile = { ...bundled, sections: [{ id: 'sites', title: { en: 'Sites', zh: '站点' }, body: { en: body, zh: body } }] };
  return { template, lang: 'en', engagement, scenarios: [], assessment: null, risks: [], articles: [], today: '2026-03-20' };
}

function sitesBlocks(result: ReturnType<typeof generateProposal>): RichNode[] {
  const section = result.proposal.sections.find((s) => s.id === 'sites');
  if (!section) throw new Error('no sites section');
  expect(checkProposalDocument(section.bodyJson).problems).toEqual([]);
  return blocksOf(section.bodyJson);
}

function rowsOf(table: RichNode | undefined): RichNode[] {
  return Array.isArray(table?.children) ? (table.children as RichNode[]) : [];
}

describe('generateProposal with GFM tables in a template body', () => {
  it('turns the table into an editable table node with variables filled in its cells', () => {
    const result = generateProposal(input('Where {{customer.name}} runs the pilot:\n\n| Site | Lead |\n| --- | --- |\n| {{customer.region}} | **{{team.lead}}** |\n| Beijing | {{engagement.endDate}} |'));
    expect(result.problems).toEqual([]);
    const blocks = sitesBlocks(result);
    expect(blocks.map((b) => b.type)).toEqual(['paragraph', 'table']);
    const table = blocks[1];
    expect(plainText(table ?? {})).toBe('Site\tLead\nShanghai\tZhang Min\nBeijing\t2026-06-26');
    expect(rowsOf(table).map((r) => rowsOf(r).map((c) => c.headerState))).toEqual([
      [1, 1],
      [0, 0],
      [0, 0],
    ]);
    // The table block says where its values came from, like any other block.
    expect(provenanceOf(table ?? {}).map((p) => p.ref)).toEqual(['poc-ics-voicebot@2#sites', 'customer.region', 'team.lead', 'engagement.endDate']);
  });

  it('keeps the first MAX_TABLE_ROWS rows of a longer table and reports it', () => {
    const body = ['| # | Site |', '|---|---|', ...Array.from({ length: MAX_TABLE_ROWS + 50 }, (_, i) => `| ${i + 1} | site ${i + 1} |`)].join('\n');
    const result = generateProposal(input(body));
    const [table] = sitesBlocks(result);
    expect(table?.type).toBe('table');
    expect(rowsOf(table).length).toBe(MAX_TABLE_ROWS);
    expect(plainText(rowsOf(table).at(-1) ?? {})).toBe(`${MAX_TABLE_ROWS - 1}\tsite ${MAX_TABLE_ROWS - 1}`);
    expect(result.problems).toEqual([
      {
        sectionId: 'sites',
        sectionTitle: 'Sites',
        kind: 'long-table',
        subject: String(MAX_TABLE_ROWS + 51),
        message: `A table in section Sites has ${MAX_TABLE_ROWS + 51} rows; only the first ${MAX_TABLE_ROWS} were kept`,
      },
    ]);
  });
});
