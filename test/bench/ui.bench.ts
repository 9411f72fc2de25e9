/**
 * npm run bench:ui
 *
 * "Speed a person feels" (issue 14): the built app in Debian's Chromium against the browser host,
 * driven through its screens (clicks and keys; the API only sets up data). Each figure is printed
 * with its median, p95 and target, met (✓) or missed (✗). Exits 0 either way: it is a report.
 *
 * - cold start: a new browser context per run (empty HTTP cache, no cookie), from navigation start
 *   to first contentful paint, and to the knowledge base usable (articles listed and the search box
 *   accepting input); the same after a reload in the same context (warm), for information;
 * - search: from the moment the search request is made (the debounce has fired) to its results on
 *   screen; also from the last keystroke, for information;
 * - in-app actions → updated screen: the section navigation, opening an article, saving a customer,
 *   generating a proposal, saving a proposal version, signing off an assessment;
 * - language switch en → zh until the screen is in Chinese.
 *
 * "On screen" is checked in requestAnimationFrame (the frame that paints it) and timed inside the
 * page from the trusted click/keydown/change event, so Playwright's own round trips are not counted.
 * The machine may be shared: figures are noisy; the load average is printed.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startBrowserHost } from './browser-host';
import { chromium, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { ICS_ANSWERS } from '../helpers/ics-assessment';
import { TINY_PNG } from '../e2e/app-api';

// npm runs benchmarks from the repository root.
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const COLD_RUNS = 5;
const SEARCH_QUERIES = ['delivery', 'risk', 'customer', 'network', 'energy', 'voice', 'data', 'pilot', 'model', 'integration', 'success criteria', '交付'];
const NAV_CYCLES = 3;
const ARTICLE_RUNS = 12;
const SAVE_RUNS = 10;
const GENERATE_RUNS = 10;
const VERSION_RUNS = 10;
const SIGNOFF_RUNS = 8;
const LANGUAGE_RUNS = 10;
/** Typing speed of a quick typist: faster than the search's pause, so only the last key searches. */
const KEY_DELAY_MS = 40;

/** What counts as the updated screen: an element with a box (and text), and nothing in `absent` left on screen. */
/** `call`: a text the envelope of a call made since the last reset must hold (its request has left). */
type Shown = { selector: string; text?: string; absent?: string; hash?: string; call?: string };
/** While anything still says "Loading…" in the page area, the screen has not finished updating. */
const SETTLED = '#main .loading, #main [aria-busy="true"]';

type Figure = { label: string; ms: number[]; target?: number; stat?: 'p95' | 'median' };
const figures: Figure[] = [];

function percentile(ms: number[], p: number): number {
  const sorted = [...ms].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] ?? Number.NaN;
}

function report(figure: Figure): void {
  figures.push(figure);
  const median = percentile(figure.ms, 0.5);
  const p95 = percentile(figure.ms, 0.95);
  const judged = figure.stat === 'median' ? median : p95;
  const target = figure.target === undefined ? '(for information)' : `target ${figure.stat === 'median' ? 'median' : 'p95'} ≤ ${figure.target} ms ${judged <= figure.target ? '✓ met' : '✗ MISSED'}`;
  console.log(`  ${figure.label.padEnd(58)} n=${String(figure.ms.length).padStart(2)}  median ${median.toFixed(0).padStart(5)} ms  p95 ${p95.toFixed(0).padStart(5)} ms  ${target}`);
}

/**
 * Installed in every document: the time of the last trusted user event (what a person did), the
 * time each search request left (the debounce fired), and a waiter for "shown".
 */
function instrument(): void {
  type BenchWindow = Window & { __bench: { actionAt: number | null; calls: { at: number; text: string }[]; lastKeyAt: number | null } };
  const w = window as unknown as BenchWindow;
  w.__bench = { actionAt: null, calls: [], lastKeyAt: null };
  for (const type of ['click', 'change', 'keydown'] as const) {
    window.addEventListener(
      type,
      (event) => {
        if (event.isTrusted) w.__bench.actionAt ??= performance.now();
      },
      true,
    );
  }
  // Text committed by an input method (Chinese) arrives without a keydown of its own.
  window.addEventListener(
    'input',
    (event) => {
      if (event.isTrusted) w.__bench.lastKeyAt = performance.now();
    },
    true,
  );
  // A call's envelope starts with its JSON header (method and args): kept as text when the page
  // builds the request body, so the moment the request leaves can be matched to its call at once.
  const headers = new WeakMap<Blob, string>();
  const RealBlob = window.Blob;
  window.Blob = class extends RealBlob {
    constructor(parts?: BlobPart[], options?: BlobPropertyBag) {
      super(parts, options);
      const first = parts?.[0];
      if (first instanceof Uint8Array) headers.set(this, new TextDecoder().decode(first.subarray(0, 2000)));
    }
  };
  const realFetch = window.fetch.bind(window);
  window.fetch = (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const body = init?.body;
    const text = body instanceof Blob ? headers.get(body) : undefined;
    if (text !== undefined) w.__bench.calls.push({ at: performance.now(), text });
    return realFetch(input, init);
  };
}

/**
 * In the page, each animation frame: performance.now() once `spec` is on screen (a box, optional
 * text) with nothing unsettled left, else false. Self-contained: Playwright sends its source.
 */
function shownTime(spec: Shown): number | false {
  const element = document.querySelector(spec.selector);
  const box = element?.getBoundingClientRect();
  if (!element || !box || box.width === 0 || box.height === 0) return false;
  if (spec.text !== undefined && !(element.textContent ?? '').includes(spec.text)) return false;
  if (spec.absent !== undefined && document.querySelector(spec.absent) !== null) return false;
  if (spec.hash !== undefined && !window.location.hash.includes(spec.hash)) return false;
  const calls = (window as unknown as { __bench: { calls: { text: string }[] } }).__bench.calls;
  if (spec.call !== undefined && !calls.some((c) => c.text.includes(spec.call ?? ''))) return false;
  return performance.now();
}

/** performance.now() (in the page) of the first animation frame in which `spec` is shown. */
async function shownAt(page: Page, spec: Shown): Promise<number> {
  const handle = await page.waitForFunction(shownTime, spec, { polling: 'raf', timeout: 30_000 });
  return (await handle.jsonValue()) as number;
}

/** Runs a user action and times it inside the page: its trusted event → `spec` shown. */
async function timeAction(page: Page, act: () => Promise<unknown>, spec: Shown): Promise<number> {
  await page.evaluate(() => {
    (window as unknown as { __bench: { actionAt: number | null } }).__bench.actionAt = null;
  });
  await act();
  const end = await shownAt(page, spec);
  const start = await page.evaluate(() => (window as unknown as { __bench: { actionAt: number | null } }).__bench.actionAt);
  if (start === null) throw new Error('the action sent no trusted event');
  return end - start;
}

type Api = <T>(method: string, args: unknown) => Promise<T>;

/** `-- --cpu-slowdown N`: Chromium's CPU throttling (the page's thread N times slower; the host is not), to see what a slower machine would feel. */
function cpuSlowdown(): number {
  const at = process.argv.indexOf('--cpu-slowdown');
  const rate = at < 0 ? 1 : Number(process.argv[at + 1]);
  if (!Number.isFinite(rate) || rate < 1) throw new Error('--cpu-slowdown takes a number ≥ 1');
  return rate;
}

async function newPage(browser: Browser): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await context.addInitScript(instrument);
  const page = await context.newPage();
  const rate = cpuSlowdown();
  if (rate > 1) await (await context.newCDPSession(page)).send('Emulation.setCPUThrottlingRate', { rate });
  return { context, page };
}

const KB_USABLE: Shown = { selector: '.kb-results .article-list .article-item .article-link' };

/** Navigation start → first contentful paint and → knowledge base usable, in this document. */
async function startupTimes(page: Page): Promise<{ fcp: number; usable: number }> {
  const listed = await shownAt(page, KB_USABLE);
  // Usable: the search box is there, enabled and takes a key (typed after the timing is read).
  const input = page.locator('#kb-search');
  const ready = await input.evaluate((el) => el instanceof HTMLInputElement && !el.disabled && !el.readOnly && el.getBoundingClientRect().width > 0 && performance.now());
  if (ready === false) throw new Error('the search box does not take input');
  await input.press('x');
  if ((await input.inputValue()) !== 'x') throw new Error('the search box did not take the key');
  await input.fill('');
  // Past the search's pause, with no query left in the address (the warm start reloads it).
  await page.waitForTimeout(400);
  await page.waitForFunction(() => !window.location.hash.includes('q='));
  const fcp = await page.evaluate(() => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? Number.NaN);
  return { fcp, usable: Math.max(listed, ready) };
}

async function coldStart(browser: Browser, appUrl: string): Promise<void> {
  const fcp: number[] = [];
  const usable: number[] = [];
  const warmFcp: number[] = [];
  const warmUsable: number[] = [];
  for (let i = 0; i < COLD_RUNS; i++) {
    const { context, page } = await newPage(browser);
    try {
      await page.goto(appUrl);
      const cold = await startupTimes(page);
      fcp.push(cold.fcp);
      usable.push(cold.usable);
      await page.reload();
      const warm = await startupTimes(page);
      warmFcp.push(warm.fcp);
      warmUsable.push(warm.usable);
    } finally {
      await context.close();
    }
  }
  console.log('— start (navigation start →)');
  report({ label: 'cold: first contentful paint', ms: fcp, target: 800, stat: 'median' });
  report({ label: 'cold: knowledge base usable (list + search box)', ms: usable, target: 1500, stat: 'median' });
  report({ label: 'warm (reload): first contentful paint', ms: warmFcp });
  report({ label: 'warm (reload): knowledge base usable', ms: warmUsable });
}

/** The envelope text of a search for exactly `query`. */
const searchCall = (query: string): string => `"method":"kb.search","args":{"query":${JSON.stringify(query)}`;

/** When the search request for `query` left: the first one (a later one is a background refresh of results shown). */
function searchRequestAt(page: Page, query: string): Promise<number | null> {
  return page.evaluate((text) => {
    const calls = (window as unknown as { __bench: { calls: { at: number; text: string }[] } }).__bench.calls;
    return calls.find((c) => c.text.includes(text))?.at ?? null;
  }, searchCall(query));
}

async function search(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/kb`);
  await shownAt(page, KB_USABLE);
  const fromRequest: number[] = [];
  const fromKey: number[] = [];
  const input = page.locator('#kb-search');
  for (const query of SEARCH_QUERIES) {
    await input.fill('');
    await shownAt(page, { selector: KB_USABLE.selector, absent: SETTLED });
    await page.evaluate(() => {
      const bench = (window as unknown as { __bench: { calls: unknown[]; lastKeyAt: number | null } }).__bench;
      bench.calls = [];
      bench.lastKeyAt = null;
    });
    await input.pressSequentially(query, { delay: KEY_DELAY_MS });
    // Results of this query: its request has left, then the list is no longer busy and the count
    // says "N results" (until the page has rendered the new query, the previous results show).
    const end = await shownAt(page, { selector: '.kb-results .result-count', text: 'result', absent: SETTLED, call: searchCall(query) });
    if ((await page.locator('.kb-results .article-item').count()) === 0) throw new Error(`search for ${query}: no results`);
    const requested = await searchRequestAt(page, query);
    const lastKey = await page.evaluate(() => (window as unknown as { __bench: { lastKeyAt: number | null } }).__bench.lastKeyAt);
    if (requested === null || lastKey === null) throw new Error(`search for ${query}: no request seen`);
    fromRequest.push(end - requested);
    fromKey.push(end - lastKey);
  }
  console.log('— search (typed into the knowledge base’s box)');
  report({ label: 'search request made (debounce fired) → results', ms: fromRequest, target: 100, stat: 'median' });
  report({ label: 'last keystroke → results (includes the pause)', ms: fromKey });
}

/**
 * The left navigation's sections (each page's heading is its section's name), timed from the link's
 * click to the page settled. The first visit to each fetches its page's code: reported apart.
 */
async function navigate(page: Page, origin: string): Promise<void> {
  const sections = ['Engagements', 'Assessments', 'Proposals', 'Risks', 'Lessons', 'Knowledge base'];
  await page.goto(`${origin}/#/kb`);
  await shownAt(page, KB_USABLE);
  const nav = page.getByRole('navigation', { name: 'Sections' });
  const visit = (name: string): Promise<number> =>
    timeAction(page, () => nav.getByRole('link', { name, exact: true }).click(), { selector: '#page-title', text: name, absent: SETTLED });
  const first: number[] = [];
  for (const name of sections) first.push(await visit(name));
  const again: number[] = [];
  for (let cycle = 0; cycle < NAV_CYCLES; cycle++) for (const name of sections) again.push(await visit(name));
  report({ label: `navigate: first visit of a section (${sections.length} sections)`, ms: first, target: 300 });
  report({ label: 'navigate: between sections visited before', ms: again, target: 300 });
}

async function openArticle(page: Page, origin: string): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < ARTICLE_RUNS; i++) {
    await page.goto(`${origin}/#/kb`);
    await shownAt(page, { selector: KB_USABLE.selector, absent: SETTLED });
    const link = page.locator(KB_USABLE.selector).nth(i);
    const title = (await link.textContent()) ?? '';
    // Opened: its title, its body drawn (Lexical's root with text), related articles listed.
    ms.push(
      await timeAction(page, () => link.click(), { selector: '.article-page .article-main [data-lexical-editor="true"]', absent: SETTLED }),
    );
    if (!((await page.locator('#page-title').textContent()) ?? '').includes(title.slice(0, 20))) throw new Error(`opened the wrong article for ${title}`);
  }
  report({ label: 'open a knowledge-base article', ms, target: 300 });
}

async function saveCustomer(page: Page, origin: string): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < SAVE_RUNS; i++) {
    await page.goto(`${origin}/#/customers/new`);
    await page.locator('#field-name').waitFor();
    const name = `Bench Telecom ${i} ${Date.now().toString(36)}`;
    await page.locator('#field-name').fill(name);
    await page.getByLabel('Region').fill('South');
    ms.push(await timeAction(page, () => page.getByRole('button', { name: 'Save', exact: true }).click(), { selector: '#page-title', text: name, absent: SETTLED }));
  }
  report({ label: 'save a customer (new customer form → its page)', ms, target: 300 });
}

/** A new engagement with the ICS assessment answered; completed (signed off) when asked. */
async function assessedEngagement(api: Api, completed: boolean): Promise<{ engagementId: string; sessionId: string; title: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customer = await api<{ id: string }>('customers.create', { name: `Harbour Telecom ${stamp}`, kind: 'enterprise' });
  const title = `Contact centre ${stamp}`;
  const engagement = await api<{ id: string }>('engagements.create', { customerId: customer.id, title, scenarios: ['intelligent-customer-service'] });
  const started = await api<{ session: { id: string } }>('assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const sessionId = started.session.id;
  for (const [questionId, value, note] of ICS_ANSWERS) await api('assessments.answer', { sessionId, questionId, value, ...(note ? { note } : {}) });
  if (completed) await api('assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'Head of customer service', signaturePng: TINY_PNG } });
  return { engagementId: engagement.id, sessionId, title };
}

const PROPOSAL_SHOWN: Shown = { selector: '.proposal-page [data-lexical-editor="true"]', absent: SETTLED };

async function proposals(page: Page, origin: string, api: Api): Promise<void> {
  const { engagementId } = await assessedEngagement(api, true);
  const generate: number[] = [];
  let proposalUrl = '';
  for (let i = 0; i < GENERATE_RUNS; i++) {
    await page.goto(`${origin}/#/engagements/${engagementId}`);
    const panel = page.getByRole('region', { name: 'Proposals' });
    await panel.getByRole('button', { name: 'New proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposal' });
    await dialog.getByLabel('Template', { exact: true }).selectOption('poc-ics-voicebot');
    await dialog.getByLabel('English').check();
    // Generated: the proposal's page with its first section's text in the editor.
    generate.push(await timeAction(page, () => dialog.getByRole('button', { name: 'Generate' }).click(), PROPOSAL_SHOWN));
    proposalUrl = page.url();
  }
  report({ label: 'generate a proposal (Generate → its editor)', ms: generate, target: 300 });

  const version: number[] = [];
  await page.goto(proposalUrl);
  await shownAt(page, PROPOSAL_SHOWN);
  for (let i = 0; i < VERSION_RUNS; i++) {
    const name = `Bench version ${i}`;
    await page.getByLabel('Version name').fill(name);
    version.push(await timeAction(page, () => page.getByRole('button', { name: 'Save version' }).click(), { selector: '.proposal-page', text: `Saved version “${name}”.` }));
  }
  report({ label: 'save a proposal version (→ confirmed on screen)', ms: version, target: 300 });
}

async function signOff(page: Page, origin: string, api: Api): Promise<void> {
  const ms: number[] = [];
  for (let i = 0; i < SIGNOFF_RUNS; i++) {
    const { sessionId } = await assessedEngagement(api, false);
    await page.goto(`${origin}/#/assessments/${sessionId}/review`);
    await page.getByRole('button', { name: 'Complete and sign off' }).click();
    const dialog = page.getByRole('dialog', { name: 'Sign off' });
    await dialog.getByLabel('Name').fill('Zhou Ming');
    await dialog.getByLabel('Role').fill('Contact centre director');
    const box = await dialog.getByTestId('signature-canvas').boundingBox();
    if (!box) throw new Error('the signature canvas has no box');
    await page.mouse.move(box.x + 20, box.y + box.height / 2);
    await page.mouse.down();
    for (let k = 1; k <= 10; k++) await page.mouse.move(box.x + 20 + k * 25, box.y + box.height / 2 + (k % 2 === 0 ? -20 : 20));
    await page.mouse.up();
    // A person's pause before pressing the button; the pad encodes the drawing meanwhile (toBlob is
    // asynchronous, and pressed at once the dialog waits for it: not what this figure is about).
    await page.waitForTimeout(500);
    // Signed off: the results page with the radar's polygon drawn.
    ms.push(await timeAction(page, () => dialog.getByRole('button', { name: 'Sign and complete' }).click(), { selector: '[data-testid="radar"] .radar-area', absent: SETTLED }));
  }
  report({ label: 'sign off an assessment (→ results with radar)', ms, target: 300 });
}

async function languageSwitch(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/#/kb`);
  await shownAt(page, { selector: KB_USABLE.selector, absent: SETTLED });
  const ms: number[] = [];
  // With the keyboard (the options are English, then Chinese): selectOption() sends no trusted event.
  const select = page.locator('.top-controls select').first();
  for (let i = 0; i < LANGUAGE_RUNS; i++) {
    await select.focus();
    // Chinese on screen: the page heading, the navigation and the list's count are in Chinese.
    ms.push(await timeAction(page, () => page.keyboard.press('ArrowDown'), { selector: '#page-title', text: '知识库', absent: SETTLED }));
    await shownAt(page, { selector: 'nav', text: '项目' });
    await page.keyboard.press('ArrowUp');
    await shownAt(page, { selector: '#page-title', text: 'Knowledge base', absent: SETTLED });
  }
  report({ label: 'switch language en → zh (→ screen in Chinese)', ms, target: 200, stat: 'median' });
}

const PARTS = ['cold', 'search', 'nav', 'article', 'save', 'proposal', 'signoff', 'language'] as const;

/** `-- --only cold,search,nav,article,save,proposal,signoff,language` runs only those parts; another name is refused. */
function parts(): (part: (typeof PARTS)[number]) => boolean {
  const at = process.argv.indexOf('--only');
  if (at < 0) return () => true;
  const only = new Set((process.argv[at + 1] ?? '').split(',').filter(Boolean));
  const unknown = [...only].filter((p) => !(PARTS as readonly string[]).includes(p));
  if (only.size === 0 || unknown.length > 0) throw new Error(`--only takes parts among ${PARTS.join(', ')}${unknown.length > 0 ? `, not ${unknown.join(', ')}` : ''}`);
  return (part) => only.has(part);
}

async function main(): Promise<void> {
  const run = parts();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-bench-ui-'));
  const host = await startBrowserHost(dir);
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
  try {
    const appUrl = new URL(host.url);
    const origin = appUrl.origin;
    const secret = new URLSearchParams(appUrl.hash.slice(1)).get('k') ?? '';
    const bridge = createHttpBridge({ baseUrl: origin, secret: () => secret });
    const api: Api = async <T>(method: string, args: unknown): Promise<T> => {
      const result = await bridge.call(method, args);
      if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
      return result.value as T;
    };
    // A returning user: the first-run welcome put away.
    await api('settings.update', { language: 'en', welcomeDismissed: true });
    console.log(`Chromium ${browser.version()}, ${os.cpus().length} cores, load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    if (cpuSlowdown() > 1) console.log(`The page's CPU is throttled ${cpuSlowdown()}× (--cpu-slowdown): not this machine's figures.`);

    if (run('cold')) await coldStart(browser, host.url);

    const { context, page } = await newPage(browser);
    try {
      // The first visit hands the tab the access key; later visits use the cookie.
      await page.goto(host.url);
      await shownAt(page, KB_USABLE);
      if (run('search')) await search(page, origin);
      if ((['nav', 'article', 'save', 'proposal', 'signoff'] as const).some((part) => run(part))) console.log('— in-app actions (user event → updated screen)');
      if (run('nav')) await navigate(page, origin);
      if (run('article')) await openArticle(page, origin);
      if (run('save')) await saveCustomer(page, origin);
      if (run('proposal')) await proposals(page, origin, api);
      if (run('signoff')) await signOff(page, origin, api);
      if (run('language')) await languageSwitch(page, origin);
    } finally {
      await context.close();
    }
    console.log(`load average after: ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    const missed = figures.filter((f) => f.target !== undefined && percentile(f.ms, f.stat === 'median' ? 0.5 : 0.95) > f.target);
    if (figures.length === 0) console.log('Nothing was measured.');
    else console.log(missed.length === 0 ? 'All targets met.' : `Missed: ${missed.map((f) => f.label).join('; ')}`);
  } finally {
    await browser.close();
    host.stop();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
