import type { Locator, Page } from '@playwright/test';
import mammoth from 'mammoth';
import * as pdfjs from 'pdfjs-dist/legacy/build/pdf.mjs';
import { createHttpBridge } from '../../renderer/lib/http-bridge';
import { ICS_ANSWERS } from '../helpers/ics-assessment';

/**
 * What several e2e specs share: the host's API called directly (to set up data a test is not about,
 * and to read back what a screen stored), navigation to a route, a few ready-made set-ups, and the
 * text of exported reports.
 * `appUrl` is the host's URL with its `#k=<secret>` fragment (the `appUrl` fixture, or `host.appUrl`).
 */

/** Calls the host's API with the page's secret through the renderer's own HTTP transport; throws with the call's message on failure. */
export async function api<T>(appUrl: string, method: string, args: unknown): Promise<T> {
  const url = new URL(appUrl);
  const secret = new URLSearchParams(url.hash.slice(1)).get('k') ?? '';
  const result = await createHttpBridge({ baseUrl: url.origin, secret: () => secret }).call(method, args);
  if (!result.ok) throw new Error(`${method}: ${result.error.message}`);
  return result.value as T;
}

/**
 * Opens a hash route of the app. The page must have visited `appUrl` once before (that first visit
 * hands it the access key, which it keeps for the tab).
 */
export function gotoRoute(page: Page, appUrl: string, route: string): Promise<unknown> {
  return page.goto(appUrl.replace(/#.*$/, `#${route}`));
}

/** A tiny valid PNG (1×1), as a phone photo would arrive. */
export const TINY_PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** A new customer and an intelligent-customer-service engagement, named uniquely unless names are given. */
export async function newEngagement(appUrl: string, names: { customer?: string; title?: string } = {}): Promise<{ id: string; title: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const customer = await api<{ id: string }>(appUrl, 'customers.create', { name: names.customer ?? `Harbour Telecom ${stamp}`, kind: 'enterprise' });
  const title = names.title ?? `Contact centre ${stamp}`;
  const engagement = await api<{ id: string }>(appUrl, 'engagements.create', { customerId: customer.id, title, scenarios: ['intelligent-customer-service'] });
  return { id: engagement.id, title };
}

/** A question's card in the assessment runner, by question id. */
export type QuestionCardOf = (questionId: string) => Locator;

/**
 * A new intelligent-customer-service readiness session on a new engagement; `openRunner(tab)`
 * opens it in a tab in the whole-section view and returns that tab's question cards.
 */
export async function newIcsSession(appUrl: string): Promise<{ sessionId: string; openRunner: (tab: Page) => Promise<QuestionCardOf> }> {
  const engagement = await newEngagement(appUrl);
  const { session } = await api<{ session: { id: string } }>(appUrl, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const openRunner = async (tab: Page): Promise<QuestionCardOf> => {
    await tab.goto(appUrl);
    await gotoRoute(tab, appUrl, `/assessments/${session.id}`);
    await tab.getByRole('button', { name: 'Whole section' }).click();
    return (questionId) => tab.locator(`[data-question="${questionId}"]`);
  };
  return { sessionId: session.id, openRunner };
}

export type CompletedIcsSetup = {
  customer?: string;
  title?: string;
  /** A photo on the "current process" evidence question. */
  photo?: { name: string; png: Buffer; caption: string };
  /** The drawn signature; TINY_PNG unless given. */
  signaturePng?: Buffer;
};

/**
 * An engagement with the ics-readiness assessment answered with ICS_ANSWERS (and their notes) and
 * signed off by Li Wei, Head of customer service.
 */
export async function completedIcsAssessment(appUrl: string, setup: CompletedIcsSetup = {}): Promise<{ engagementId: string; title: string; sessionId: string }> {
  const engagement = await newEngagement(appUrl, { ...(setup.customer ? { customer: setup.customer } : {}), ...(setup.title ? { title: setup.title } : {}) });
  const started = await api<{ session: { id: string } }>(appUrl, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const sessionId = started.session.id;
  for (const [questionId, value, note] of ICS_ANSWERS) await api(appUrl, 'assessments.answer', { sessionId, questionId, value, ...(note ? { note } : {}) });
  if (setup.photo) {
    await api(appUrl, 'attachments.add', {
      ownerTable: 'assessment_answers',
      ownerId: `${sessionId}:current-process-photos`,
      name: setup.photo.name,
      mime: 'image/png',
      data: setup.photo.png,
      caption: setup.photo.caption,
    });
  }
  const signature = setup.signaturePng ?? TINY_PNG;
  await api(appUrl, 'assessments.complete', { sessionId, signoff: { name: 'Li Wei', role: 'Head of customer service', signaturePng: signature } });
  return { engagementId: engagement.id, title: engagement.title, sessionId };
}

/** The page printed to PDF by Chromium, as text (NFKC-folded: compare with `folded(expected)`), and its page count. */
export async function printedPdf(page: Page): Promise<{ text: string; pages: number }> {
  const bytes = await page.pdf({ format: 'A4', printBackground: true });
  const doc = await pdfjs.getDocument({ data: new Uint8Array(bytes), useSystemFonts: false }).promise;
  const pages: string[] = [];
  for (let i = 1; i <= doc.numPages; i++) {
    const content = await (await doc.getPage(i)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(''));
  }
  // CJK fonts map some glyphs back to compatibility code points (Kangxi radical ⼾ for 户): NFKC
  // folds them to the ideographs, and the expected texts are folded the same way.
  return { text: pages.join('\n').normalize('NFKC'), pages: doc.numPages };
}

/** The page printed to PDF, as folded text. */
export async function pdfText(page: Page): Promise<string> {
  return (await printedPdf(page)).text;
}

/** Folds an expected text the way pdfText folds the PDF's. */
export const folded = (text: string): string => text.normalize('NFKC');

/** The plain text of a DOCX file. */
export async function docxText(bytes: Buffer): Promise<string> {
  return (await mammoth.extractRawText({ buffer: bytes })).value;
}
