import { expect, type Page, type Request } from '@playwright/test';
import { api, completedIcsAssessment } from './app-api';

/**
 * Every main screen of the app with the records it needs, set up once through the host's API, and
 * a way to open one and wait until it has settled. Shared by the query-cache and the accessibility
 * specs, which both walk all of them.
 */

export type Screen = { name: string; route: string };

type Summary = { id: string };

/** A completed and an in-progress assessment, a risk, a note, a lesson and a proposal on one engagement. */
export async function setUpScreens(appUrl: string): Promise<Screen[]> {
  const { engagementId, sessionId } = await completedIcsAssessment(appUrl, { customer: 'Screens Telecom', title: 'Screens pilot' });
  const engagement = await api<{ customer: { id: string } }>(appUrl, 'engagements.get', { id: engagementId });
  const running = await api<{ session: { id: string } }>(appUrl, 'assessments.start', { engagementId, definitionId: 'ics-readiness' });
  await api(appUrl, 'risks.create', { engagementId, title: 'Call recordings cannot leave the site', category: 'data', likelihood: 4, impact: 4 });
  const note = await api<Summary>(appUrl, 'notes.create', { engagementId, title: 'Queue board readings' });
  const lesson = await api<Summary>(appUrl, 'lessons.codify', { noteIds: [note.id], lang: 'en' });
  const templates = await api<Summary[]>(appUrl, 'templates.list', {});
  const template = templates[0]?.id ?? '';
  const generated = await api<{ proposal: Summary }>(appUrl, 'proposals.generate', { engagementId, sessionId, templateId: template, lang: 'en' });
  const articles = await api<{ items: Summary[] }>(appUrl, 'kb.list', { limit: 1 });
  const article = articles.items[0]?.id ?? '';
  return [
    { name: 'knowledge base', route: '/kb' },
    { name: 'article', route: `/kb/${article}` },
    { name: 'search results', route: '/kb?q=customer' },
    { name: 'glossary', route: '/glossary' },
    { name: 'customers', route: '/customers' },
    { name: 'customer', route: `/customers/${engagement.customer.id}` },
    { name: 'customer form', route: `/customers/${engagement.customer.id}/edit` },
    { name: 'engagements', route: '/engagements' },
    { name: 'engagement (notes, risks, assessments, proposals)', route: `/engagements/${engagementId}` },
    { name: 'engagement form', route: `/engagements/${engagementId}/edit` },
    { name: 'assessments', route: '/assessments' },
    { name: 'runner', route: `/assessments/${running.session.id}` },
    { name: 'review', route: `/assessments/${running.session.id}/review` },
    { name: 'results', route: `/assessments/${sessionId}/results` },
    { name: 'risks', route: '/risks' },
    { name: 'note', route: `/notes/${note.id}` },
    { name: 'lessons', route: '/lessons' },
    { name: 'lesson', route: `/lessons/${lesson.id}` },
    { name: 'proposals', route: '/proposals' },
    { name: 'proposal', route: `/proposals/${generated.proposal.id}` },
    { name: 'templates', route: '/templates' },
    { name: 'template', route: `/templates/${template}` },
    { name: 'settings', route: '/settings' },
    { name: 'sync (not connected)', route: '/sync' },
    { name: 'submissions for review', route: '/review' },
  ];
}

export type CallWatch = { calls: () => Promise<string[]>; reset: () => Promise<void>; inFlight: () => number };

/**
 * Counts the calls the page sends to the backend, by "method args". The page sends each call as a
 * Blob in the browser host's envelope (core/api/http-envelope.ts), whose body the browser does not
 * hand to Playwright, so a script in the page records the envelope's JSON header as it leaves.
 */
/** Call it before the page is opened: the recorder is installed in every document the page loads. */
export async function watchCalls(page: Page): Promise<CallWatch> {
  await page.addInitScript(() => {
    const recorded: string[] = [];
    (window as unknown as { __fieldbenchCalls: string[] }).__fieldbenchCalls = recorded;
    const send = window.fetch.bind(window);
    window.fetch = async (input, init) => {
      const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
      if (url.endsWith('/api/call') && init?.body instanceof Blob) {
        // [u32 big-endian header length][UTF-8 JSON header {"json": {method, args}, ...}]
        const bytes = new Uint8Array(await init.body.arrayBuffer());
        const length = new DataView(bytes.buffer).getUint32(0);
        const header = JSON.parse(new TextDecoder().decode(bytes.subarray(4, 4 + length))) as { json: { method: string; args: unknown } };
        recorded.push(`${header.json.method} ${JSON.stringify(header.json.args)}`);
      }
      return send(input, init);
    };
  });
  const open = new Set<Request>();
  page.on('request', (request) => {
    if (request.url().endsWith('/api/call')) open.add(request);
  });
  page.on('requestfinished', (request) => open.delete(request));
  page.on('requestfailed', (request) => open.delete(request));
  return {
    calls: () => page.evaluate(() => [...((window as unknown as { __fieldbenchCalls?: string[] }).__fieldbenchCalls ?? [])]),
    reset: () =>
      page.evaluate(() => {
        (window as unknown as { __fieldbenchCalls?: string[] }).__fieldbenchCalls?.splice(0);
      }),
    inFlight: () => open.size,
  };
}

/** Waits until the screen shows its heading, nothing on it still says "Loading", and no call has been open for a moment. */
export async function settled(page: Page, watch: { inFlight: () => number }): Promise<void> {
  await expect(page.locator('h1').first()).toBeVisible();
  await expect(page.locator('.loading')).toHaveCount(0);
  let quiet = 0;
  while (quiet < 3) {
    await page.waitForTimeout(100);
    quiet = watch.inFlight() === 0 ? quiet + 1 : 0;
  }
}
