import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { assessedEngagement } from '../helpers/assessed-engagement';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, issuesOf, startBackend } from '../helpers/backend';

/** What a sender is told before a proposal leaves the house, and the customer and internal copies. */

describe('proposal export checks and copies', () => {
  it('lists what the customer would notice, section by section, and the internal copy keeps what the customer copy leaves out', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const engagementId = await assessedEngagement(backend);
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
    const [first, ...rest] = proposal.sections;
    if (!first) throw new Error('no sections');
    const timeline = rest.find((s) => s.kind === 'timeline');
    if (!timeline) throw new Error('no timeline section');
    const sections = [
      { ...first, bodyJson: documentJson([paragraph([textNode('Dear '), { type: 'variable', version: 1, name: 'customer.contact', reason: 'unknown' }])]) },
      { ...first, id: 'empty', title: 'Notes for later', bodyJson: documentJson([]) },
      ...rest.map((s) => (s.id === timeline.id ? { ...s, bodyJson: documentJson([paragraph([textNode('The POC runs from 2026-01-05 to 2026-02-27.')])]) } : s)),
    ];
    const saved = await callOk(backend, 'proposals.save', { id: proposal.id, title: 'POC for {{customer.name}}', sections, pricing: { ...proposal.pricing, lines: proposal.pricing.lines.map((l) => ({ ...l, unitPrice: '0' })) } });

    const findings = await callOk(backend, 'proposals.exportChecks', { id: proposal.id });
    const kinds = findings.map((f) => `${f.kind}@${'where' in f ? f.where : ''}`);
    // No organisation profile yet: the cover would not say who sends it.
    expect(kinds[0]).toBe('noSender@');
    expect(kinds).toContain(`variable@${saved.title}`);
    expect(findings).toContainEqual({ kind: 'variable', where: first.title, inTitle: false, name: 'customer.contact' });
    expect(kinds).toContain('emptySection@Notes for later');
    const pricing = saved.sections.find((s) => s.kind === 'pricing');
    expect(kinds).toContain(`zeroTotal@${pricing?.title ?? '?'}`);
    const dates = findings.find((f) => f.kind === 'timelineDates');
    expect(dates).toMatchObject({ where: timeline.title, written: ['2026-01-05', '2026-02-27'], start: saved.timeline.start });
    // The template's success criteria refer to a knowledge-base note: fine inside, not for the customer.
    const references = findings.filter((f) => f.kind === 'internalReference');
    expect(references).toContainEqual({ kind: 'internalReference', where: 'Success criteria', text: 'the containment measurement note' });
    expect((await callOk(backend, 'proposals.exportChecks', { id: proposal.id, copy: 'internal' })).some((f) => f.kind === 'internalReference' || f.kind === 'noSender')).toBe(false);

    const customer = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id })).toString('utf8');
    const internal = await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id, copy: 'internal' });
    const internalText = exportedBytes(internal).toString('utf8');
    expect(internal.fileName).toMatch(/-internal-\d{4}-\d{2}-\d{2}\.md$/);
    expect(customer).not.toMatch(/Status|Version|knowledge base|ics-containment-kpi-best-practice/);
    expect(customer).toContain('the containment measurement note');
    expect(internalText).toContain('**Status:** Draft');
    expect(internalText).toContain('the containment measurement note (knowledge base: ics-containment-kpi-best-practice)');
    expect(internalText).toContain('Internal — not for the customer');

    expect((await callFail(backend, 'proposals.exportChecks', { id: proposal.id, copy: 'everyone' })).code).toBe('bad_request');
  });
});

describe('organisation profile', () => {
  it('is stored whole, refused with the field named when it is wrong, and puts the sender, quote number and validity on the cover', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    expect(await callOk(backend, 'organisation.get', {})).toMatchObject({ validityDays: 60, quotePattern: 'Q-{yyyy}{mm}-{id}' });
    const profile = {
      name: { en: 'Northwind AI Solutions', zh: '北风智能' },
      address: { en: '88 Century Avenue, Shanghai', zh: '上海市世纪大道 88 号' },
      contact: { name: 'Wang Fang', email: 'wang.fang@example.com', phone: '+86 21 5555 0100' },
      validityDays: 30,
      quotePattern: 'NW-{yyyy}-{id}',
    };
    const bad = await callFail(backend, 'organisation.save', { profile: { ...profile, contact: { ...profile.contact, email: 'not an address' }, quotePattern: 'Q-{year}' } });
    expect(bad.code).toBe('bad_request');
    expect(issuesOf(bad).map((i) => i.path).sort()).toEqual(['profile.contact.email', 'profile.quotePattern']);
    // Nothing was stored by the refused save.
    expect((await callOk(backend, 'organisation.get', {})).name.en).toBe('');
    expect(await callOk(backend, 'organisation.save', { profile })).toEqual(profile);

    const engagementId = await assessedEngagement(backend);
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'zh' });
    expect((await callOk(backend, 'proposals.exportChecks', { id: proposal.id })).some((f) => f.kind === 'noSender')).toBe(false);
    const markdown = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id })).toString('utf8');
    const quote = `NW-${proposal.createdAt.slice(0, 4)}-${proposal.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase()}`;
    expect(markdown).toContain('- **报价方：** 北风智能');
    expect(markdown).toContain(`- **报价编号：** ${quote}`);
    expect(markdown).toMatch(/- \*\*有效期至：\*\* \d{4}年\d{1,2}月\d{1,2}日/);
    expect(markdown).toContain('## 客户确认');
    expect(markdown).toContain(`| 单位 | 华东电信 Eastern Telecom | 北风智能 |`);
    // In Word: the sender heads every page after the cover, and is the document's author.
    const zip = await JSZip.loadAsync(exportedBytes(await callOk(backend, 'proposals.exportDocx', { id: proposal.id })));
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string') ?? ''));
    expect(headers.some((h) => h.includes('北风智能'))).toBe(true);
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('<dc:creator>北风智能</dc:creator>');
  });
});
