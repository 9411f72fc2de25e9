import { describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { assessedEngagement } from '../helpers/assessed-engagement';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend } from '../helpers/backend';

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
    const kinds = findings.map((f) => `${f.kind}@${f.where}`);
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
    expect((await callOk(backend, 'proposals.exportChecks', { id: proposal.id, copy: 'internal' })).some((f) => f.kind === 'internalReference')).toBe(false);

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
