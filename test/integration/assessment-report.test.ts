import JSZip from 'jszip';
import { commit, insert } from '../../electron/backend/db/changes';
import mammoth from 'mammoth';
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { BUNDLED_PACK, callFail, callOk, exportedBytes, startBackend } from '../helpers/backend';
import { ICS_ANSWERS, icsDefinition } from '../helpers/ics-assessment';
import { picturePng } from '../helpers/png';
import { webpHeader } from '../helpers/image-headers';

/** A photo-sized PNG (wider than the page, so it must be scaled down in Word). */
const photo = (width: number, height: number): Buffer => picturePng(width, height);

const SIGNATURE = photo(300, 100);
// A WebP header: an image the app shows but Word cannot embed, so the report lists it by name.
const WEBP = webpHeader(64, 48);

/** A completed bundled-pack assessment with photos, a note, a risk and a drawn signature. */
async function completedSession(backend: Backend): Promise<{ sessionId: string; engagementId: string }> {
  const customer = await callOk(backend, 'customers.create', { name: '华东电信 Eastern Telecom', kind: 'enterprise' });
  const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Contact centre pilot', scenarios: ['intelligent-customer-service'] });
  const started = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const sessionId = started.session.id;
  for (const [questionId, value, note] of ICS_ANSWERS) await callOk(backend, 'assessments.answer', { sessionId, questionId, value, ...(note ? { note } : {}) });
  const owner = { ownerTable: 'assessment_answers', ownerId: `${sessionId}:current-process-photos` } as const;
  await callOk(backend, 'attachments.add', { ...owner, name: 'queue-board.png', mime: 'image/png', data: photo(1600, 1200), caption: 'Queue board at 10:00' });
  await callOk(backend, 'attachments.add', { ...owner, name: 'wallboard.webp', mime: 'image/webp', data: WEBP });
  await callOk(backend, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${sessionId}:has-ivr`, name: 'ivr-menu.png', mime: 'image/png', data: photo(400, 300) });
  await callOk(backend, 'risks.addFromChecklist', {
    engagementId: engagement.id,
    items: [{ checklistId: 'rc-personal-information', itemId: 'recording-consent' }],
    source: 'assessment',
    sessionId,
    lang: 'en',
  });
  // A field note written during the assessment (as the notes screen stores it: Lexical JSON plus its text).
  commit(backend.db, [
    insert('field_notes', {
      id: 'n1',
      engagement_id: engagement.id,
      session_id: sessionId,
      question_id: null,
      title: 'Site walk',
      body_json: '{}',
      body_text: 'Supervisor keeps a paper log of callbacks.',
      tags: '[]',
      created_at: '2026-03-14T10:00:00.000Z',
    }),
  ]);
  await callOk(backend, 'assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'Head of customer service', signaturePng: SIGNATURE } });
  return { sessionId, engagementId: engagement.id };
}

async function openDocx(backend: Backend, sessionId: string, lang: 'en' | 'zh') {
  const file = await callOk(backend, 'reports.assessmentDocx', { sessionId, lang });
  const bytes = exportedBytes(file);
  const zip = await JSZip.loadAsync(bytes);
  const names = Object.values(zip.files).filter((f) => !f.dir).map((f) => f.name);
  const read = (name: string): Promise<Buffer> => {
    const entry = zip.file(name);
    if (!entry) throw new Error(`${name} is missing from the DOCX`);
    return entry.async('nodebuffer');
  };
  const media = await Promise.all(names.filter((n) => n.startsWith('word/media/')).map(async (name) => ({ name, bytes: await read(name) })));
  const text = (await mammoth.extractRawText({ buffer: bytes })).value;
  const documentXml = (await read('word/document.xml')).toString('utf8');
  const footerXml = (await Promise.all(names.filter((n) => /^word\/footer\d*\.xml$/.test(n)).map(read))).map((b) => b.toString('utf8')).join('');
  const stylesXml = (await read('word/styles.xml')).toString('utf8');
  return { file, text, media, documentXml, footerXml, stylesXml };
}

describe('assessment report export', () => {
  it('writes a DOCX in English with the answers, radar, photos, risks, note and signature', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const { sessionId, engagementId } = await completedSession(backend);
    const def = icsDefinition();
    const { file, text, media, documentXml, footerXml } = await openDocx(backend, sessionId, 'en');
    const [risk] = await callOk(backend, 'risks.list', { engagementId });

    expect(file.fileName).toMatch(/^assessment-report-华东电信-Eastern-Telecom-\d{4}-\d{2}-\d{2}-en\.docx$/);
    expect(file.mime).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    expect(text).toContain(`Assessment report: ${def.title.en}`);
    expect(text).toContain('华东电信 Eastern Telecom');
    expect(text).toContain('Which channels do customers use to contact you?');
    expect(text).toContain('Voice hotline, WeChat official account or mini program');
    expect(text).toContain('250,000 contacts / month');
    expect(text).toContain('Peak in January after billing runs.');
    expect(text).toContain('Overall score: 76.4 / 100');
    expect(text).toContain('Queue board at 10:00');
    expect(text).toContain('Attached files (not shown): wallboard.webp');
    expect(text).toContain('Supervisor keeps a paper log of callbacks.');
    expect(text).toContain('Li Wei');
    // The risk added from the recommendation is in the register section.
    expect(risk).toBeDefined();
    const register = text.slice(text.indexOf('Risk register'));
    expect(register).toContain(risk?.title);
    expect(register).toContain(`${risk?.likelihood} × ${risk?.impact} = ${risk?.score}`);

    // Media: the radar as SVG with its PNG fallback, two embeddable photos and the signature.
    const svgs = media.filter((m) => m.name.endsWith('.svg'));
    const pngs = media.filter((m) => m.name.endsWith('.png'));
    expect(svgs).toHaveLength(1);
    expect(svgs[0]?.bytes.toString('utf8')).toContain('Business value');
    expect(pngs).toHaveLength(4);
    expect(pngs.map((p) => p.bytes.length).sort((a, b) => a - b)).toContain(SIGNATURE.length);
    // Tables are real tables; the large photo is scaled to the page width (600 px = 5715000 EMU).
    expect(documentXml).toContain('<w:tbl>');
    expect(documentXml).toContain('cx="5715000"');
    // The radar at 476 × 357 px (85 % of its drawing), small enough to share the first page with the scores table.
    expect(documentXml).toContain('cx="4533900" cy="3400425"');
    expect(footerXml).toContain('PAGE');
    expect(footerXml).toContain('NUMPAGES');
  });

  it('tells about how large the Word file will be before writing it, counting photos at print size', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const { sessionId } = await completedSession(backend);
    // A phone-sized photo: 12 megapixels of detail, which the document carries at 1,600 pixels.
    const pixels = Buffer.alloc(4000 * 3000 * 3);
    for (let i = 0; i < pixels.length; i++) pixels[i] = (i * 2654435761) >>> 24;
    const big = await sharp(pixels, { raw: { width: 4000, height: 3000, channels: 3 } }).jpeg({ quality: 90 }).toBuffer();
    await callOk(backend, 'attachments.add', { ownerTable: 'assessment_answers', ownerId: `${sessionId}:has-ivr`, name: 'ivr-room.jpg', mime: 'image/jpeg', data: big });
    // Before its print copy is made, the photo counts as its original scaled to print size.
    const early = await callOk(backend, 'reports.assessmentDocxSize', { sessionId, lang: 'en' });
    // Four photos (one a WebP Word cannot show) and the signature.
    expect(early.pictures).toBe(5);
    expect(early.bytes).toBeLessThan(big.length / 2);
    const { file } = await openDocx(backend, sessionId, 'en');
    // Once the copies exist (the export made them), the estimate is close to the file.
    const later = await callOk(backend, 'reports.assessmentDocxSize', { sessionId, lang: 'en' });
    expect(later.bytes / file.size).toBeGreaterThan(0.75);
    expect(later.bytes / file.size).toBeLessThan(1.33);
    // A session that does not exist is refused, as for the export itself.
    expect((await callFail(backend, 'reports.assessmentDocxSize', { sessionId: 'nope', lang: 'en' })).code).toBe('not_found');
  });

  it('writes the same report in Chinese with CJK fonts set', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const { sessionId } = await completedSession(backend);
    const def = icsDefinition();
    const { file, text, stylesXml } = await openDocx(backend, sessionId, 'zh');
    expect(file.fileName).toMatch(/-zh\.docx$/);
    expect(text).toContain(`评估报告：${def.title.zh}`);
    expect(text).toContain('客户通过哪些渠道联系你们？');
    expect(text).toContain('语音热线、微信公众号或小程序');
    expect(text).toContain('250,000 次/月');
    expect(text).toContain('供应商需要变更开发，预计两周。');
    expect(text).toContain('签核');
    expect(text).not.toContain('Which channels do customers use to contact you?');
    expect(stylesXml).toContain('w:eastAsia="Microsoft YaHei"');
    expect(stylesXml).toContain('w:eastAsia="zh-CN"');
  });

  it('gives the report model to the print page and refuses unknown sessions and languages', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const { sessionId } = await completedSession(backend);
    const model = await callOk(backend, 'reports.assessment', { sessionId, lang: 'en' });
    expect(model.blocks.some((b) => b.kind === 'radar')).toBe(true);
    const photos = model.blocks.filter((b) => b.kind === 'files' && b.role === 'photos');
    expect(photos).toHaveLength(2);
    // Recommendation titles come from the pack (templates, checklist items), not their ids.
    const recTables = model.blocks.filter((b) => b.kind === 'table' && b.columns[0] === 'Recommendation');
    const titles = recTables.flatMap((b) => (b.kind === 'table' ? b.rows.map((r) => r[0]) : []));
    expect(titles.length).toBeGreaterThan(2);
    for (const title of titles) expect(title).not.toMatch(/^[a-z0-9-]+(#[a-z0-9-]+)?$/);

    expect((await callFail(backend, 'reports.assessmentDocx', { sessionId: 'nope', lang: 'en' })).code).toBe('not_found');
    const badLang = await callFail(backend, 'reports.assessmentDocx', { sessionId, lang: 'fr' });
    expect(badLang.code).toBe('bad_request');
    expect(badLang.message).toContain('lang');
  });

  it('lists POC templates with both titles, optionally for one scenario', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const ics = await callOk(backend, 'templates.list', { scenario: 'intelligent-customer-service' });
    expect(ics.map((t) => t.id).sort()).toEqual(['poc-ics-agent-assist', 'poc-ics-voicebot']);
    expect(ics[0]?.title.zh).toBeTruthy();
    expect((await callOk(backend, 'templates.list', {})).length).toBe(6);
  });
});
