import JSZip from 'jszip';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { assessedEngagement, assessedSession } from '../helpers/assessed-engagement';
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
    // …once: not again as placeholder text, which is how the unfilled variable reads.
    expect(findings.filter((f) => 'where' in f && f.where === first.title).map((f) => f.kind)).toEqual(['variable']);
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
    // Fields the form did not send (a profile saved before they existed) take their defaults.
    expect(await callOk(backend, 'organisation.save', { profile })).toEqual({ ...profile, currencyDisplay: 'byLanguage', documentLang: null, logo: null });

    const engagementId = await assessedEngagement(backend);
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'zh' });
    const fresh = await callOk(backend, 'proposals.exportChecks', { id: proposal.id });
    expect(fresh.some((f) => f.kind === 'noSender')).toBe(false);
    // The bundled template states the schedule's own dates ({{timeline.start}} to {{timeline.end}}), so its text and chart agree.
    expect(fresh.filter((f) => f.kind === 'timelineDates')).toEqual([]);
    const markdown = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id })).toString('utf8');
    const quote = `NW-${proposal.createdAt.slice(0, 4)}-${proposal.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase()}`;
    expect(markdown).toContain('- **报价方：** 北风智能');
    expect(markdown).toContain(`- **报价编号：** ${quote}`);
    expect(markdown).toMatch(/- \*\*有效期至：\*\* \d{4}年\d{1,2}月\d{1,2}日/);
    expect(markdown).toMatch(/^## \d+ 客户确认$/m);
    expect(markdown).toContain(`| 单位 | 华东电信 Eastern Telecom | 北风智能 |`);
    // In Word: the sender heads every page after the cover, and is the document's author.
    const zip = await JSZip.loadAsync(exportedBytes(await callOk(backend, 'proposals.exportDocx', { id: proposal.id })));
    const headers = await Promise.all(Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => zip.file(n)?.async('string') ?? ''));
    expect(headers.some((h) => h.includes('北风智能'))).toBe(true);
    expect(await zip.file('docProps/core.xml')?.async('string')).toContain('<dc:creator>北风智能</dc:creator>');
  });

  it('takes a PNG or JPEG logo by its bytes, puts it at the top of every page of a Word export and on the print page, and drops it when removed', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const png = await sharp({ create: { width: 400, height: 100, channels: 3, background: '#1f3a5f' } }).png().toBuffer();
    const gif = Buffer.from('474946383961010001000000002c00000000010001000002024401003b', 'hex');
    // A GIF is a picture, but not one every word processor shows: refused with its name, nothing stored.
    const refused = await callFail(backend, 'organisation.setLogo', { name: 'logo.gif', mime: 'image/gif', data: new Uint8Array(gif) });
    expect(refused.code).toBe('bad_file');
    expect(refused.message).toBe('"logo.gif" is a picture, but a logo must be a PNG or JPEG file.');
    const notAPicture = await callFail(backend, 'organisation.setLogo', { name: 'logo.png', mime: 'image/png', data: new TextEncoder().encode('<svg onload="alert(1)"/>') });
    expect(notAPicture.code).toBe('bad_file');
    expect((await callOk(backend, 'organisation.get', {})).logo).toBeNull();
    const tooLarge = await callFail(backend, 'organisation.setLogo', { name: 'huge.png', mime: 'image/png', data: new Uint8Array(2 * 1024 * 1024 + 1) });
    expect(issuesOf(tooLarge).map((i) => i.path)).toEqual(['data']);

    // The name "logo.jpg" does not matter: the bytes say PNG.
    const withLogo = await callOk(backend, 'organisation.setLogo', { name: 'logo.jpg', mime: 'image/jpeg', data: new Uint8Array(png) });
    expect(withLogo.logo).toMatchObject({ mime: 'image/png', name: 'logo.jpg' });
    // Saving the form keeps the logo.
    const settings = { ...withLogo, name: { en: 'Northwind AI', zh: '北风智能' }, currencyDisplay: 'symbol' as const, documentLang: 'zh' as const };
    const { logo: _logo, ...form } = settings;
    expect((await callOk(backend, 'organisation.save', { profile: form })).logo).toEqual(withLogo.logo);

    const { engagementId, sessionId } = await assessedSession(backend);
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
    const zip = await JSZip.loadAsync(exportedBytes(await callOk(backend, 'proposals.exportDocx', { id: proposal.id })));
    const headerNames = Object.keys(zip.files).filter((n) => /^word\/header\d+\.xml$/.test(n));
    const headers = await Promise.all(headerNames.map((n) => zip.file(n)?.async('string') ?? ''));
    // The first page's header and the running header both show the logo, described by the organisation's name.
    expect(headers.filter((h) => h.includes('<pic:pic') && h.includes('descr="Northwind AI"'))).toHaveLength(2);
    expect(headers.some((h) => h.includes('Northwind AI</w:t>'))).toBe(true);
    const media = Object.keys(zip.files).filter((n) => n.startsWith('word/media/'));
    expect(await Promise.all(media.map((n) => zip.file(n)?.async('nodebuffer')))).toContainEqual(png);
    // Totals with the currency symbol, as chosen, in an English document too.
    const markdown = exportedBytes(await callOk(backend, 'proposals.exportMarkdown', { id: proposal.id })).toString('utf8');
    expect(markdown).toMatch(/\| \*\*Total\*\* \|[ |]*\*\*¥[\d,]+\.\d\d\*\* \|/);
    // The report's document carries it too (the print page shows it above the title).
    const report = exportedBytes(await callOk(backend, 'reports.assessmentDocx', { sessionId, lang: 'en' }));
    const reportZip = await JSZip.loadAsync(report);
    const reportHeaders = await Promise.all(Object.keys(reportZip.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => reportZip.file(n)?.async('string') ?? ''));
    expect(reportHeaders.some((h) => h.includes('<pic:pic'))).toBe(true);

    const removed = await callOk(backend, 'organisation.removeLogo', {});
    expect(removed.logo).toBeNull();
    const plain = await JSZip.loadAsync(exportedBytes(await callOk(backend, 'proposals.exportDocx', { id: proposal.id })));
    const plainHeaders = await Promise.all(Object.keys(plain.files).filter((n) => /^word\/header\d+\.xml$/.test(n)).map((n) => plain.file(n)?.async('string') ?? ''));
    expect(plainHeaders.some((h) => h.includes('<pic:pic'))).toBe(false);
  });
});
