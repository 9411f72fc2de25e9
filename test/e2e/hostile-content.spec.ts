import JSZip from 'jszip';
import type { Page } from '@playwright/test';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { expect, test } from './fixtures';
import { gotoRoute, TINY_PNG } from './app-api';
import { HOSTILE_LINKS, HOSTILE_STRINGS, hostileDocument, STYLES } from '../fixtures/hostile/corpus';

/**
 * Hostile content everywhere a user (or, with sync, another device) can write: the corpus goes
 * through the API into every writable field, then every screen and every export is opened in
 * Chromium. Nothing may run (no `window.__pwned`, no dialog), no link may carry a dangerous scheme,
 * no user content may be positioned out of its place, and no export may carry active content.
 * Hostile link targets and styles must be refused by the backend outright. `placeContent` is the
 * one place that says how content arrives, so the suite can run again with content from sync.
 */

type Call = (method: string, args: unknown) => Promise<{ ok: true; value: unknown } | { ok: false; error: { code: string; message: string } }>;

function caller(appUrl: string): Call {
  const url = new URL(appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const bridge = createHttpBridge({ baseUrl: url.origin, secret: () => secret });
  return (method, args) => bridge.call(method, args) as ReturnType<Call>;
}

async function must<T>(call: Call, method: string, args: unknown): Promise<T> {
  const r = await call(method, args);
  if (!r.ok) throw new Error(`${method}: ${r.error.message}`);
  return r.value as T;
}

type Placed = { customerId: string; engagementId: string; noteId: string; lessonId: string; proposalId: string; sessionId: string; accepted: number; refused: number };

/** Puts the corpus into every writable field through the API; counts what was stored and what was refused. */
async function placeContent(call: Call): Promise<Placed> {
  let accepted = 0;
  let refused = 0;
  const attempt = async (method: string, args: unknown): Promise<unknown> => {
    const r = await call(method, args);
    if (r.ok) accepted += 1;
    else refused += 1;
    return r.ok ? r.value : null;
  };
  const customer = await must<{ id: string }>(call, 'customers.create', { name: 'Hostile Telecom', kind: 'enterprise', notes: HOSTILE_STRINGS.slice(0, 5).join('\n') });
  for (const s of HOSTILE_STRINGS) await attempt('customers.create', { name: s, kind: 'enterprise', industry: s, region: s, notes: s, contacts: [{ name: s, role: s }] });
  const engagement = await must<{ id: string }>(call, 'engagements.create', { customerId: customer.id, title: `Engagement ${HOSTILE_STRINGS[0]}`, scenarios: ['intelligent-customer-service'] });
  for (const s of HOSTILE_STRINGS.slice(0, 60)) await attempt('engagements.create', { customerId: customer.id, title: s, scenarios: ['intelligent-customer-service'] });
  // Notes: every string as text (stored as text), in titles and tags.
  const note = await must<{ id: string }>(call, 'notes.create', { engagementId: engagement.id, title: HOSTILE_STRINGS[1] ?? 'x', bodyJson: hostileDocument(HOSTILE_STRINGS.slice(0, 150), [], []) });
  for (const s of HOSTILE_STRINGS.slice(0, 80)) await attempt('notes.create', { engagementId: engagement.id, title: s, tags: [s.slice(0, 40)] });
  // Hostile link targets and styles: refused outright, never stored cleaned.
  for (const url of HOSTILE_LINKS) expect((await call('notes.create', { engagementId: engagement.id, bodyJson: hostileDocument([], [url], []) })).ok, url).toBe(false);
  for (const style of STYLES) expect((await call('notes.create', { engagementId: engagement.id, bodyJson: hostileDocument([], [], [style]) })).ok, style).toBe(false);
  for (const s of HOSTILE_STRINGS.slice(0, 80)) await attempt('risks.create', { engagementId: engagement.id, title: s, description: s, category: 'data', likelihood: 3, impact: 4, owner: s, mitigation: s });
  const lesson = await must<{ id: string }>(call, 'lessons.codify', { noteIds: [note.id] });
  await attempt('lessons.save', { id: lesson.id, title: HOSTILE_STRINGS[2], context: HOSTILE_STRINGS.slice(0, 20).join('\n'), problem: HOSTILE_STRINGS[40], action: HOSTILE_STRINGS[60], result: HOSTILE_STRINGS[80], recommendation: HOSTILE_STRINGS[100] });
  const session = await must<{ session: { id: string } }>(call, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  await attempt('assessments.answer', { sessionId: session.session.id, questionId: 'pain-points', value: HOSTILE_STRINGS[0], note: HOSTILE_STRINGS[3] });
  await attempt('assessments.note', { sessionId: session.session.id, questionId: 'channels', note: HOSTILE_STRINGS[5] });
  const generated = await must<{ proposal: { id: string; updatedAt: string; sections: { id: string; title: string; bodyJson: string }[] } }>(call, 'proposals.generate', { engagementId: engagement.id, templateId: 'poc-ics-voicebot', lang: 'en' });
  const sections = generated.proposal.sections.map((s, i) => (i === 0 ? { ...s, title: HOSTILE_STRINGS[4] ?? s.title, bodyJson: hostileDocument(HOSTILE_STRINGS.slice(0, 120), [], []) } : s));
  await attempt('proposals.save', { id: generated.proposal.id, title: HOSTILE_STRINGS[0], sections, baseUpdatedAt: generated.proposal.updatedAt });
  for (const [i, s] of HOSTILE_STRINGS.slice(0, 30).entries()) {
    await attempt('attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: `${s.slice(0, 200)}.png`, mime: 'image/png', data: Buffer.concat([TINY_PNG, Buffer.from([i])]), caption: s.slice(0, 400) });
    await attempt('attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: `${s.slice(0, 200)}.html`, mime: 'text/html', data: Buffer.from(`<script>${i};window.__pwned=1</script>`) });
  }
  return { customerId: customer.id, engagementId: engagement.id, noteId: note.id, lessonId: lesson.id, proposalId: generated.proposal.id, sessionId: session.session.id, accepted, refused };
}

/** What the page did with the content: scripts run, dialogs shown, dangerous links, user content out of place. */
async function inspect(page: Page): Promise<{ pwned: boolean; badLinks: string[]; escaped: string[] }> {
  return page.evaluate(() => {
    const dangerous = /^\s*(javascript|data|vbscript|file):/i;
    const badLinks = [...document.querySelectorAll('a[href], area[href], form[action], iframe[src], embed[src], object[data]')]
      .map((el) => el.getAttribute('href') ?? el.getAttribute('action') ?? el.getAttribute('src') ?? el.getAttribute('data') ?? '')
      .filter((href) => dangerous.test(href));
    // User content (rich text, tables of records) must stay in the flow of its container.
    const escaped: string[] = [];
    for (const el of document.querySelectorAll('.rt-root *, main td *, main li *, main p *')) {
      const style = getComputedStyle(el);
      if (style.position === 'fixed' || (style.position === 'absolute' && el.closest('.rt-root') !== null)) escaped.push(`${el.tagName}.${el.className}: ${style.position}`);
      const box = el.getBoundingClientRect();
      if (box.width > window.innerWidth * 4 || box.height > 20000) escaped.push(`${el.tagName}: ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return { pwned: (window as unknown as { __pwned?: unknown }).__pwned !== undefined, badLinks, escaped: escaped.slice(0, 5) };
  });
}

test('hostile content in every field runs nowhere, links nowhere dangerous and stays in place, on every screen and in every export', async ({ page, appUrl }) => {
  test.setTimeout(240_000);
  const call = caller(appUrl);
  const placed = await placeContent(call);
  expect(placed.accepted).toBeGreaterThan(200);

  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(appUrl);
  const routes = [
    '/customers',
    `/customers/${placed.customerId}`,
    '/engagements',
    `/engagements/${placed.engagementId}`,
    `/notes/${placed.noteId}`,
    '/risks',
    '/lessons',
    `/lessons/${placed.lessonId}`,
    '/proposals',
    `/proposals/${placed.proposalId}`,
    `/proposals/${placed.proposalId}/print`,
    '/assessments',
    `/assessments/${placed.sessionId}`,
    `/assessments/${placed.sessionId}/review`,
    '/kb?q=script',
    '/kb?q=javascript',
    '/settings',
  ];
  for (const route of routes) {
    await gotoRoute(page, appUrl, route);
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible({ timeout: 15_000 });
    await page.waitForTimeout(150);
    const seen = await inspect(page);
    expect(seen, route).toEqual({ pwned: false, badLinks: [], escaped: [] });
  }
  expect(dialogs).toEqual([]);

  // Exports: the Markdown has no live HTML or dangerous link; the DOCX no hyperlink to a dangerous scheme and no embedded object.
  const markdown = await must<{ data: Uint8Array }>(call, 'proposals.exportMarkdown', { id: placed.proposalId });
  const md = Buffer.from(markdown.data).toString('utf8');
  expect(md).not.toMatch(/(?<!\\)<(script|img|svg|iframe|a |object|embed|details|input|body|video|math|meta|base|link|form|style)/i);
  // An escaped bracket (`\\]`) is text, not the end of a link.
  expect(md).not.toMatch(/(?<!\\)\]\(\s*<?\s*(javascript|data|vbscript|file):/i);
  const docx = await must<{ data: Uint8Array }>(call, 'proposals.exportDocx', { id: placed.proposalId });
  const zip = await JSZip.loadAsync(Buffer.from(docx.data));
  const rels = await Promise.all(Object.keys(zip.files).filter((n) => n.endsWith('.rels')).map((n) => zip.file(n)?.async('string') ?? ''));
  for (const r of rels) expect(r).not.toMatch(/Target="\s*(javascript|data|vbscript|file):/i);
  const names = Object.keys(zip.files);
  expect(names.filter((n) => /activeX|embeddings|vbaProject|\.bin$/i.test(n))).toEqual([]);
  const documentXml = (await zip.file('word/document.xml')?.async('string')) ?? '';
  expect(documentXml).not.toMatch(/<w:object|<w:altChunk|<w:control/);
});
