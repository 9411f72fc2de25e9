import { describe, expect, it } from 'vitest';
import { commit, update } from '../../electron/backend/db/changes';
import type { Backend } from '../../electron/backend/backend';
import type { TemplateFile } from '../../core/content/schemas';
import { documentJson, paragraph, table, textNode } from '../../core/richtext/build';
import { plainText } from '../../core/richtext/text';
import { blocksOf } from '../../core/richtext/walk';
import type { ProposalDetail } from '../../core/proposals/types';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend, issuesOf } from '../helpers/backend';
import { assessedSession } from '../helpers/assessed-engagement';
import { largeProposalContent, storeLargeProposal } from '../helpers/large-proposal';

/** A completed ics assessment on an engagement with a team of two, dates and a risk from the checklist. */
const assessedEngagement = (backend: Backend) =>
  assessedSession(backend, [
    { name: 'Zhang Min', role: 'Delivery lead' },
    { name: 'Anna Berg', role: 'Conversation designer' },
  ]);

async function generated(): Promise<{ backend: Backend; proposal: ProposalDetail; engagementId: string; sessionId: string }> {
  const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
  const { engagementId, sessionId } = await assessedEngagement(backend);
  const { proposal, problems } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
  expect(problems).toEqual([]);
  return { backend, proposal, engagementId, sessionId };
}

function sectionText(proposal: ProposalDetail, id: string): string {
  return blocksOf(proposal.sections.find((s) => s.id === id)?.bodyJson ?? '').map(plainText).join('\n');
}

/** What is stored, without the fields that a read adds. */
function stored(p: ProposalDetail): unknown {
  return { ...p, stale: undefined };
}

describe('proposals', () => {
  it('keeps a sent, won or lost proposal as the customer received it: saves and restores are refused, each status move keeps a version, and a new revision is an editable copy', async () => {
    const { backend, proposal } = await generated();
    const early = await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: 'Early draft' });
    await callOk(backend, 'proposals.setStatus', { id: proposal.id, status: 'internal-review' });
    const sent = await callOk(backend, 'proposals.setStatus', { id: proposal.id, status: 'sent' });
    const versions = await callOk(backend, 'proposals.versions', { id: proposal.id });
    expect(versions.map((v) => v.name).slice(0, 2)).toEqual(['As Sent', 'As Internal review']);
    const refused = await callFail(backend, 'proposals.save', { id: proposal.id, title: 'Changed after sending' });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toBe('This proposal is Sent, so it stays as the customer received it. Make a new revision to change it.');
    expect((await callFail(backend, 'proposals.restore', { versionId: early.id })).code).toBe('conflict');
    expect((await callOk(backend, 'proposals.get', { id: proposal.id })).title).toBe(sent.title);

    const won = await callOk(backend, 'proposals.setStatus', { id: proposal.id, status: 'won', reason: 'Best containment plan' });
    expect((await callFail(backend, 'proposals.save', { id: won.id, title: 'x' })).code).toBe('conflict');
    const revision = await callOk(backend, 'proposals.revise', { id: won.id });
    expect(revision.id).not.toBe(won.id);
    expect(revision).toMatchObject({ status: 'draft', title: won.title, engagementId: won.engagementId });
    expect(revision.sections.map((x) => x.bodyJson)).toEqual(won.sections.map((x) => x.bodyJson));
    expect((await callOk(backend, 'proposals.versions', { id: revision.id })).map((v) => v.name)).toEqual(['Copied from the Won proposal']);
    expect((await callOk(backend, 'proposals.save', { id: revision.id, title: 'Revised offer' })).title).toBe('Revised offer');
    expect((await callOk(backend, 'proposals.get', { id: won.id })).status).toBe('won');
  });

  it('stores figures typed with thousands separators or full-width digits as plain digits, and names a decimal comma', async () => {
    const { backend, proposal } = await generated();
    const [first, ...rest] = proposal.pricing.lines;
    if (!first) throw new Error('no pricing lines');
    const saved = await callOk(backend, 'proposals.save', { id: proposal.id, pricing: { ...proposal.pricing, lines: [{ ...first, quantity: '１２', unitPrice: '2,950.5' }, ...rest] } });
    expect(saved.pricing.lines[0]).toMatchObject({ quantity: '12', unitPrice: '2950.5' });
    const refused = await callFail(backend, 'proposals.save', { id: proposal.id, pricing: { ...saved.pricing, lines: [{ ...first, unitPrice: '2950,5' }, ...rest] } });
    expect(refused.message).toContain('decimals take a point, e.g. "2950.5"');
    const markdown = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id, copy: 'internal' })).toString('utf8');
    // Unit prices read alike: grouped, two decimals.
    expect(markdown).toContain(`| ${first.item} | ${first.unit} | 12 | 2,950.50 |`);
  });

  it('generates from the completed assessment of the engagement, in English and Chinese', async () => {
    const { backend, proposal, engagementId, sessionId } = await generated();
    expect(proposal).toMatchObject({ engagementId, sessionId, templateId: 'poc-ics-voicebot', templateVersion: 2, status: 'draft', lang: 'en' });
    expect(proposal.templateTitle).toEqual({ en: 'Voice virtual agent POC', zh: '语音虚拟坐席 POC' });
    expect(sectionText(proposal, 'executive-summary')).toContain('华东电信 Eastern Telecom handles about 250,000');
    expect(proposal.sections.map((s) => s.kind)).toEqual(expect.arrayContaining(['text', 'risks', 'success-criteria', 'pricing', 'timeline']));
    expect(sectionText(proposal, 'risks')).toContain('Call recordings without a recording notice');
    expect(proposal.articleReviewDates).toMatchObject({ 'ics-intent-taxonomy-method': expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) });
    expect(proposal.stale).toEqual([]);
    expect(await callOk(backend, 'proposals.get', { id: proposal.id })).toEqual(proposal);

    const zh = await callOk(backend, 'proposals.generate', { engagementId, sessionId, templateId: 'poc-ics-voicebot', lang: 'zh', title: '语音坐席 POC 建议书' });
    expect(zh.problems).toEqual([]);
    expect(zh.proposal.title).toBe('语音坐席 POC 建议书');
    expect(sectionText(zh.proposal, 'executive-summary')).toContain('华东电信 Eastern Telecom 每月约处理 250,000');

    const list = await callOk(backend, 'proposals.list', { engagementId });
    expect(list.map((p) => [p.title, p.customerName, p.engagementTitle, p.status, p.currency, p.versionCount])).toEqual([
      ['语音坐席 POC 建议书', '华东电信 Eastern Telecom', 'Contact centre pilot', 'draft', 'CNY', 0],
      ['Voice virtual agent POC — 华东电信 Eastern Telecom', '华东电信 Eastern Telecom', 'Contact centre pilot', 'draft', 'CNY', 0],
    ]);
    expect(list[0]?.total).toMatch(/^\d+\.\d{2}$/);
    expect(await callOk(backend, 'proposals.list', { status: 'won' })).toEqual([]);
  });

  it('refuses unknown engagements, templates and sessions of another engagement', async () => {
    const { backend, sessionId } = await generated();
    expect((await callFail(backend, 'proposals.generate', { engagementId: 'nope', templateId: 'poc-ics-voicebot', lang: 'en' })).code).toBe('not_found');
    const customer = await callOk(backend, 'customers.create', { name: 'Other', kind: 'enterprise' });
    const other = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Other', scenarios: ['intelligent-customer-service'] });
    expect((await callFail(backend, 'proposals.generate', { engagementId: other.id, templateId: 'poc-nope', lang: 'en' })).code).toBe('not_found');
    const wrong = await callFail(backend, 'proposals.generate', { engagementId: other.id, sessionId, templateId: 'poc-ics-voicebot', lang: 'en' });
    expect(wrong).toMatchObject({ code: 'bad_request', issues: [{ path: 'sessionId', message: 'is not an assessment of this engagement' }] });
    // Without any assessment the answers are left to fill in, and said so.
    const bare = await callOk(backend, 'proposals.generate', { engagementId: other.id, templateId: 'poc-ics-voicebot', lang: 'en' });
    expect(bare.proposal.sessionId).toBeNull();
    expect(bare.problems.some((p) => p.subject === 'answer.monthly-contacts' && p.kind === 'missing-value')).toBe(true);
  });

  it('saves edits, prices and a discount; refuses a stale base, bad prices and a huge table with nothing lost', async () => {
    const { backend, proposal } = await generated();
    const sections = proposal.sections.map((s) =>
      s.id === 'executive-summary' ? { ...s, bodyJson: documentJson([paragraph([textNode('A shorter summary written by pre-sales.')])]) } : s,
    );
    const pricing = {
      ...proposal.pricing,
      discount: { kind: 'percent' as const, value: '10' },
      lines: proposal.pricing.lines.map((l, i) => (i === 0 ? { ...l, quantity: '20', unitPrice: '2650.50' } : l)),
    };
    const saved = await callOk(backend, 'proposals.save', { id: proposal.id, sections, pricing, title: 'Edited proposal', baseUpdatedAt: proposal.updatedAt });
    expect(saved.title).toBe('Edited proposal');
    expect(sectionText(saved, 'executive-summary')).toBe('A shorter summary written by pre-sales.');
    expect(saved.pricing.lines[0]).toMatchObject({ quantity: '20', unitPrice: '2650.50' });
    expect(saved.updatedAt > proposal.updatedAt).toBe(true);
    const [summary] = await callOk(backend, 'proposals.list', {});
    expect(summary?.title).toBe('Edited proposal');

    // Someone saved since this copy was loaded.
    const stale = await callFail(backend, 'proposals.save', { id: proposal.id, title: 'Lost update', baseUpdatedAt: proposal.updatedAt });
    expect(stale.code).toBe('conflict');

    const badLines = saved.pricing.lines.map((l, i) => (i === 2 ? { ...l, unitPrice: '12,5x' } : l));
    const badPrice = await callFail(backend, 'proposals.save', { id: proposal.id, title: 'Should not stick', pricing: { ...saved.pricing, lines: badLines } });
    expect(badPrice.code).toBe('bad_request');
    expect(badPrice.message).toContain('Unit price on line 3: "12,5x" is not a number');
    expect(issuesOf(badPrice)).toEqual([{ path: 'pricing.lines.2.unitPrice', message: 'Unit price on line 3: "12,5x" is not a number' }]);

    const rows = Array.from({ length: 2000 }, (_, i) => [`Site ${i}`, String(i)]);
    const huge = sections.map((s) => (s.id === 'data-requirements' ? { ...s, bodyJson: documentJson([table(['Site', 'Calls'], rows)]) } : s));
    const tooMany = await callFail(backend, 'proposals.save', { id: proposal.id, sections: huge });
    expect(tooMany.code).toBe('bad_request');
    expect(tooMany.message).toContain('Section "Data requirements": Tables can have at most 500 rows; this one has 2,001.');

    const script = sections.map((s, i) => (i === 0 ? { ...s, bodyJson: JSON.stringify({ root: { type: 'root', children: [{ type: 'html', html: '<script>x</script>' }] } }) } : s));
    expect((await callFail(backend, 'proposals.save', { id: proposal.id, sections: script })).message).toContain('has the node type "html", which a proposal section does not allow');

    expect(stored(await callOk(backend, 'proposals.get', { id: proposal.id }))).toEqual(stored(saved));
  });

  it('moves through statuses, needs a reason to win or lose, and keeps the history', async () => {
    const { backend, proposal } = await generated();
    const id = proposal.id;
    expect(await callFail(backend, 'proposals.setStatus', { id, status: 'sent' })).toMatchObject({ code: 'conflict', message: 'A proposal cannot move from Draft to Sent: from Draft it can move to Internal review.' });
    await callOk(backend, 'proposals.setStatus', { id, status: 'internal-review' });
    await callOk(backend, 'proposals.setStatus', { id, status: 'draft', reason: 'Pricing needs another look' });
    await callOk(backend, 'proposals.setStatus', { id, status: 'internal-review' });
    await callOk(backend, 'proposals.setStatus', { id, status: 'sent' });
    expect(await callFail(backend, 'proposals.setStatus', { id, status: 'lost', reason: '  ' })).toMatchObject({ code: 'bad_request', issues: [{ path: 'reason' }] });
    const lost = await callOk(backend, 'proposals.setStatus', { id, status: 'lost', reason: 'Budget moved to next year' });
    expect(lost).toMatchObject({ status: 'lost', statusReason: 'Budget moved to next year' });
    expect((await callFail(backend, 'proposals.setStatus', { id, status: 'won', reason: 'x' })).message).toContain('Lost is final');
    const history = backend.db
      .prepare('SELECT from_status, to_status, reason FROM proposal_status_history WHERE proposal_id = ? ORDER BY changed_at, rowid')
      .all(id) as { from_status: string | null; to_status: string; reason: string }[];
    expect(history.map((h) => [h.from_status, h.to_status, h.reason])).toEqual([
      [null, 'draft', ''],
      ['draft', 'internal-review', ''],
      ['internal-review', 'draft', 'Pricing needs another look'],
      ['draft', 'internal-review', ''],
      ['internal-review', 'sent', ''],
      ['sent', 'lost', 'Budget moved to next year'],
    ]);
  });

  it('saves versions, compares them with the current state, and restores one after keeping the current state', async () => {
    const { backend, proposal } = await generated();
    const v1 = await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: 'First draft' });
    expect(v1).toMatchObject({ name: 'First draft', automatic: false, proposalId: proposal.id });

    const sections = proposal.sections.map((s) =>
      s.id === 'executive-summary' ? { ...s, bodyJson: documentJson([paragraph([textNode('Eastern Telecom wants faster answers for callers.')])]) } : s,
    );
    const lines = proposal.pricing.lines.map((l, i) => (i === 1 ? { ...l, quantity: '25' } : l));
    const edited = await callOk(backend, 'proposals.save', { id: proposal.id, title: 'Second draft', sections, pricing: { ...proposal.pricing, lines } });
    const v2 = await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: 'Second draft' });

    const comparison = await callOk(backend, 'proposals.compare', { proposalId: proposal.id, from: v1.id, to: 'current' });
    expect(comparison.from).toMatchObject({ kind: 'version', name: 'First draft' });
    expect(comparison.to).toMatchObject({ kind: 'current', savedAt: edited.updatedAt });
    const changed = comparison.diff.sections.filter((s) => s.change !== 'same');
    expect(changed.map((s) => s.id)).toEqual(['executive-summary']);
    expect(changed[0]?.tokens.some((t) => t.op === 'added' && t.text.includes('faster'))).toBe(true);
    expect(comparison.diff.fields.map((f) => [f.path, f.from, f.to])).toEqual([
      ['title', proposal.title, 'Second draft'],
      ['pricing.lines.line-2.quantity', proposal.pricing.lines[1]?.quantity, '25'],
    ]);
    expect(comparison.diff.totals.from).not.toBe(comparison.diff.totals.to);
    expect((await callOk(backend, 'proposals.compare', { proposalId: proposal.id, from: v2.id, to: 'current' })).diff.fields).toEqual([]);

    const restored = await callOk(backend, 'proposals.restore', { versionId: v1.id });
    expect(restored.title).toBe(proposal.title);
    expect(sectionText(restored, 'executive-summary')).toBe(sectionText(proposal, 'executive-summary'));
    const versions = await callOk(backend, 'proposals.versions', { id: proposal.id });
    expect(versions.map((v) => [v.name, v.automatic])).toEqual([
      ['Before restoring First draft', true],
      ['Second draft', false],
      ['First draft', false],
    ]);
    const kept = await callOk(backend, 'proposals.version', { versionId: versions[0]?.id ?? '' });
    expect(kept.snapshot.title).toBe('Second draft');
    expect((await callOk(backend, 'proposals.list', {}))[0]?.versionCount).toBe(3);
    expect((await callFail(backend, 'proposals.compare', { proposalId: proposal.id, from: 'nope', to: 'current' })).code).toBe('not_found');
  });

  it('warns about content from articles past their review date', async () => {
    const { backend, proposal } = await generated();
    commit(backend.db, [update('kb_articles', { id: 'ics-intent-taxonomy-method' }, { review_date: '2020-01-31' })]);
    const detail = await callOk(backend, 'proposals.get', { id: proposal.id });
    expect(detail.stale.length).toBeGreaterThan(0);
    expect(new Set(detail.stale.map((s) => [s.sectionId, s.articleId, s.reviewDate].join(' ')))).toEqual(new Set(['approach ics-intent-taxonomy-method 2020-01-31']));
  });

  it('removes a proposal as a tombstone', async () => {
    const { backend, proposal } = await generated();
    expect(await callOk(backend, 'proposals.remove', { id: proposal.id })).toEqual({ removed: true });
    expect(await callOk(backend, 'proposals.remove', { id: proposal.id })).toEqual({ removed: false });
    expect((await callFail(backend, 'proposals.get', { id: proposal.id })).code).toBe('not_found');
    expect(await callOk(backend, 'proposals.list', {})).toEqual([]);
    expect(backend.db.prepare('SELECT deleted FROM proposals WHERE id = ?').get(proposal.id)).toEqual({ deleted: 1 });
  });
});

describe('templates', () => {
  it('saves an edited template as a new version, refusing broken rules and unknown variables', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const original = await callOk(backend, 'templates.get', { id: 'poc-ics-voicebot' });
    expect(original).toMatchObject({ id: 'poc-ics-voicebot', version: 2, origin: 'pack', versions: [{ version: 2, origin: 'pack' }] });
    const template: TemplateFile = original.template;
    const withSection = (section: TemplateFile['sections'][number]): TemplateFile => ({ ...template, sections: [...template.sections, section] });

    const misspelt = await callFail(backend, 'templates.save', {
      basedOn: { id: template.id, version: 2 },
      template: withSection({ id: 'closing', title: { en: 'Closing', zh: '结语' }, body: { en: 'Thank you, {{custmer.name}}.', zh: '感谢 {{customer.name}}。' } }),
    });
    expect(misspelt).toMatchObject({
      code: 'bad_request',
      issues: [{ path: 'template.sections.10.body.en', message: 'Section Closing: unknown variable {{custmer.name}} — did you mean customer.name?' }],
    });

    const broken = await callFail(backend, 'templates.save', {
      template: withSection({ id: 'closing', title: { en: 'Closing', zh: '结语' }, when: { '==': [{ var: 'has-ivr' }] }, body: { en: 'x', zh: 'x' } }),
    });
    expect(issuesOf(broken)).toEqual([{ path: 'template.sections.10.when', message: 'Section Closing: the rule is broken: "==" takes 2 operands, not 1' }]);
    const badOperator = await callFail(backend, 'templates.save', { template: withSection({ id: 'closing', title: { en: 'C', zh: 'C' }, when: { xor: [] }, body: { en: 'x', zh: 'x' } } as never) });
    expect(badOperator.code).toBe('bad_request');

    const saved = await callOk(backend, 'templates.save', {
      basedOn: { id: template.id, version: 2 },
      template: withSection({ id: 'closing', title: { en: 'Closing', zh: '结语' }, body: { en: 'Thank you, {{customer.name}}.', zh: '感谢 {{customer.name}}。' } }),
    });
    expect(saved).toMatchObject({ version: 3, origin: 'user', versions: [{ version: 3, origin: 'user' }, { version: 2, origin: 'pack' }] });
    expect(saved.template.version).toBe(3);
    expect((await callOk(backend, 'templates.get', { id: template.id, version: 2 })).template.sections).toHaveLength(10);
    expect((await callOk(backend, 'templates.list', {})).find((t) => t.id === template.id)?.version).toBe(3);

    // An editor still on version 2 does not overwrite version 3.
    const late = await callFail(backend, 'templates.save', { basedOn: { id: template.id, version: 2 }, template });
    expect(late.code).toBe('conflict');

    const { engagementId } = await assessedEngagement(backend);
    const fromNew = await callOk(backend, 'proposals.generate', { engagementId, templateId: template.id, lang: 'en' });
    expect(fromNew.proposal.templateVersion).toBe(3);
    expect(sectionText(fromNew.proposal, 'closing')).toBe('Thank you, 华东电信 Eastern Telecom.');
  });
});

describe('large proposal (benchmark input)', () => {
  it('stores and reads back the 40-page proposal', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const saved = await storeLargeProposal(backend);
    const expected = largeProposalContent();
    expect(saved.sections.map((s) => s.id)).toEqual(expected.sections.map((s) => s.id));
    const words = saved.sections.map((s) => blocksOf(s.bodyJson).map(plainText).join(' ')).join(' ').split(/\s+/).length;
    // About 450 words to a printed page, before the tables.
    expect(words).toBeGreaterThan(15_000);
    const [summary] = await callOk(backend, 'proposals.list', {});
    expect(summary?.total).toMatch(/^\d+\.\d{2}$/);
  });
});
