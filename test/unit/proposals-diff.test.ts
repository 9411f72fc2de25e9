import { describe, expect, it } from 'vitest';
import { diffProposals, diffText, tokenize } from '../../core/proposals/diff';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import type { DiffToken, ProposalSection, ProposalSnapshot } from '../../core/proposals/types';

function section(id: string, title: string, ...paragraphs: string[]): ProposalSection {
  return { id, title, kind: 'text', bodyJson: documentJson(paragraphs.map((p) => paragraph([textNode(p)]))), source: [] };
}

const base: ProposalSnapshot = {
  title: 'Voice agent POC',
  lang: 'en',
  status: 'draft',
  statusReason: '',
  templateId: 't',
  templateVersion: 1,
  sections: [section('a', 'Summary', 'The pilot runs for eight weeks.'), section('b', 'Scope', 'Voice only.'), section('c', 'Team', 'Two people.')],
  successCriteria: [{ metric: 'Containment', target: '≥ 40%', measurement: 'Logs' }],
  pricing: {
    currency: 'CNY',
    taxRate: '0.06',
    discount: { kind: 'percent', value: '0' },
    lines: [
      { id: 'l1', item: 'Build', unit: 'day', quantity: '10', unitPrice: '1000' },
      { id: 'l2', item: 'Cloud', unit: 'month', quantity: '3', unitPrice: '500' },
    ],
  },
  timeline: { start: '2026-04-06', phases: [{ id: 'p1', name: 'Discovery', weeks: 2, deliverables: 'Report' }] },
};

/** The left column (what was) and the right column (what is) of a side-by-side view. */
function sides(tokens: DiffToken[]): { left: string; right: string } {
  return {
    left: tokens.filter((t) => t.op !== 'added').map((t) => t.text).join(''),
    right: tokens.filter((t) => t.op !== 'removed').map((t) => t.text).join(''),
  };
}

describe('diffText', () => {
  it('marks changed words and keeps both sides readable', () => {
    const tokens = diffText('The pilot runs for eight weeks.', 'The pilot runs for ten weeks.');
    expect(tokens).toEqual([
      { text: 'The pilot runs for ', op: 'same' },
      { text: 'eight', op: 'removed' },
      { text: 'ten', op: 'added' },
      { text: ' weeks.', op: 'same' },
    ]);
  });

  it('compares Chinese word by word, after segmenting it', () => {
    expect(tokenize('我们的客户服务中心')).toEqual(['我们', '的', '客户', '服务', '中心']);
    expect(tokenize('第3季度 AI 试点')).toEqual(['第', '3', '季度', ' ', 'AI', ' ', '试', '点']);
    // A changed word is marked whole, not as the characters that happen to differ.
    expect(diffText('我们的客户服务中心', '我们的客户管理中心').filter((t) => t.op !== 'same')).toEqual([
      { text: '服务', op: 'removed' },
      { text: '管理', op: 'added' },
    ]);
    expect(diffText('试点运行八周。', '试点运行十周。').filter((t) => t.op !== 'same')).toEqual([
      { text: '八', op: 'removed' },
      { text: '十', op: 'added' },
    ]);
  });

  it('property: the left side is always the old text and the right side the new one', () => {
    const texts = ['', 'a b c', 'a  c d', '客服 AI 试点', 'AI 试点 客服\nline two', 'x\ny\nz', 'x\nz\ny'];
    for (const a of texts) for (const b of texts) expect(sides(diffText(a, b))).toEqual({ left: a, right: b });
  });

  it('compares texts with very many changes line by line, then word by word inside changed lines', () => {
    const lines = Array.from({ length: 800 }, (_, i) => `Line ${i} says something about the pilot and its scope.`);
    // Every line changes a little: thousands of word edits, more than one word-level pass explores.
    const changed = lines.map((line, i) => line.replace('something', `thing ${i}`));
    const a = lines.join('\n');
    const b = changed.join('\n');
    const tokens = diffText(a, b);
    expect(sides(tokens)).toEqual({ left: a, right: b });
    // Word by word: only "something" goes, and the words around it stay on every line.
    const removed = tokens.filter((t) => t.op === 'removed');
    expect(removed).toHaveLength(800);
    expect(removed.every((t) => t.text === 'something')).toBe(true);
    const same = tokens.filter((t) => t.op === 'same').map((t) => t.text).join('');
    expect(same.match(/about the pilot and its scope\./g)).toHaveLength(800);
  });

  it('handles long texts without comparing more than it must', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => `Line ${i} says something about the pilot and its scope.`);
    const changed = [...lines];
    changed[1500] = 'Line 1500 says something different about the pilot.';
    const a = lines.join('\n');
    const b = changed.join('\n');
    const tokens = diffText(a, b);
    expect(sides(tokens)).toEqual({ left: a, right: b });
    expect(tokens.filter((t) => t.op !== 'same').map((t) => t.text).join('|')).not.toContain('Line 1499');
  });
});

describe('diffProposals', () => {
  it('finds added, removed and changed sections in place', () => {
    const to: ProposalSnapshot = {
      ...base,
      sections: [section('a', 'Summary', 'The pilot runs for ten weeks.'), section('c', 'Team', 'Two people.'), section('d', 'Risks', 'Latency.')],
    };
    const diff = diffProposals(base, to);
    expect(diff.sections.map((s) => [s.id, s.change])).toEqual([
      ['a', 'changed'],
      ['b', 'removed'],
      ['c', 'same'],
      ['d', 'added'],
    ]);
    expect(diff.sections[0]?.tokens.filter((t) => t.op !== 'same').map((t) => t.text)).toEqual(['eight', 'ten']);
    expect(diff.fields).toEqual([]);
  });

  it('lists field changes in title, criteria, pricing lines and phases, with the totals', () => {
    const to: ProposalSnapshot = {
      ...base,
      title: 'Voice agent POC v2',
      successCriteria: [{ metric: 'Containment', target: '≥ 45%', measurement: 'Logs' }],
      pricing: {
        ...base.pricing,
        discount: { kind: 'percent', value: '10' },
        lines: [{ id: 'l1', item: 'Build', unit: 'day', quantity: '12', unitPrice: '1000' }, { id: 'l3', item: 'Training', unit: 'day', quantity: '1', unitPrice: '800' }],
      },
      timeline: { start: '2026-04-13', phases: [{ id: 'p1', name: 'Discovery', weeks: 3, deliverables: 'Report' }] },
    };
    const diff = diffProposals(base, to);
    expect(diff.fields.map((f) => [f.path, f.change, f.from, f.to])).toEqual([
      ['title', 'changed', 'Voice agent POC', 'Voice agent POC v2'],
      ['successCriteria.0.target', 'changed', '≥ 40%', '≥ 45%'],
      ['pricing.discount', 'changed', '0 (percent)', '10 (percent)'],
      ['pricing.lines.l1.quantity', 'changed', '10', '12'],
      ['pricing.lines.l3', 'added', null, 'Training: 1 day × 800'],
      ['pricing.lines.l2', 'removed', 'Cloud: 3 month × 500', null],
      ['timeline.start', 'changed', '2026-04-06', '2026-04-13'],
      ['timeline.phases.p1.weeks', 'changed', '2', '3'],
    ]);
    expect(diff.fields[3]?.label).toBe('Quantity on pricing line 1');
    // 11500 × 1.06 = 12190.00 before; (12000 + 800) × 0.9 × 1.06 = 12211.20 after.
    expect(diff.totals).toEqual({ from: '12190.00', to: '12211.20', currencyFrom: 'CNY', currencyTo: 'CNY' });
  });
});
