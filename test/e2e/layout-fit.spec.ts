import { test, expect } from './fixtures';
import { api, completedIcsAssessment, gotoRoute } from './app-api';

/**
 * Every page fits the window, at a 1280×720 laptop and a 1920×1080 screen: the app shell never
 * scrolls as a whole (the top bar and the status bar stay put; only the main area scrolls) and no
 * page needs scrolling sideways. A wide table scrolls inside its own container.
 */

type Fit = { route: string; docWidth: number; docHeight: number; mainWidth: number; mainClient: number; width: number; height: number };

test('every page fits 1280×720 and 1920×1080 without the shell scrolling or any sideways scrolling', async ({ page, appUrl }) => {
  test.setTimeout(180_000);
  await page.goto(appUrl);
  const { engagementId, sessionId } = await completedIcsAssessment(appUrl, { customer: 'Harbour Telecom 港湾电信 with a rather long customer name', title: 'Contact centre AI readiness and voice virtual agent pilot' });
  const engagement = await api<{ customer: { id: string } }>(appUrl, 'engagements.get', { id: engagementId });
  const { proposal } = await api<{ proposal: { id: string } }>(appUrl, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
  await api(appUrl, 'risks.addFromChecklist', { engagementId, items: [{ checklistId: 'rc-personal-information', itemId: 'recording-consent' }], source: 'checklist', lang: 'en' });
  const note = await api<{ id: string }>(appUrl, 'notes.create', { engagementId, title: 'Site walk' });
  // A customer name with no place to break, as pasted from a registry: its option must not widen the form.
  await api(appUrl, 'customers.create', { name: `Eastern${'Provincial'.repeat(17)}TelecomCompanyLimited`, kind: 'enterprise' });
  const articles = await api<{ items?: { id: string }[] } | { id: string }[]>(appUrl, 'kb.list', {}).catch(() => []);
  const articleId = Array.isArray(articles) ? articles[0]?.id : articles.items?.[0]?.id;
  const routes = [
    '/kb',
    ...(articleId ? [`/kb/${articleId}`] : []),
    '/glossary',
    '/engagements',
    '/engagements/new',
    `/engagements/${engagementId}`,
    `/engagements/${engagementId}/edit`,
    '/customers',
    `/customers/${engagement.customer.id}`,
    '/assessments',
    `/assessments/${sessionId}`,
    `/assessments/${sessionId}/review`,
    `/assessments/${sessionId}/results`,
    '/proposals',
    `/proposals/${proposal.id}`,
    '/templates',
    '/templates/poc-ics-voicebot',
    '/risks',
    '/lessons',
    `/notes/${note.id}`,
    '/review',
    '/sync',
    '/settings',
  ];
  const misfits: Fit[] = [];
  for (const size of [
    { width: 1280, height: 720 },
    { width: 1920, height: 1080 },
  ]) {
    await page.setViewportSize(size);
    for (const route of routes) {
      await gotoRoute(page, appUrl, route);
      await expect(page.locator('main h1').first()).toBeVisible();
      // Let lazy content (charts, tables) settle.
      await page.waitForTimeout(150);
      const fit = await page.evaluate((r) => {
        const doc = document.scrollingElement ?? document.documentElement;
        const main = document.querySelector('main');
        return { route: r, docWidth: doc.scrollWidth, docHeight: doc.scrollHeight, mainWidth: main?.scrollWidth ?? 0, mainClient: main?.clientWidth ?? 0, width: window.innerWidth, height: window.innerHeight };
      }, route);
      if (fit.docWidth > fit.width || fit.docHeight > fit.height || fit.mainWidth > fit.mainClient + 1) misfits.push(fit);
    }
    // The price table keeps its amounts and totals in view without scrolling it sideways.
    await gotoRoute(page, appUrl, `/proposals/${proposal.id}`);
    await page.getByRole('button', { name: /Commercial terms/ }).first().click();
    const hidden = await page.locator('[data-testid="pricing-total"], [data-testid="pricing-line-net"]').evaluateAll((cells) =>
      cells.filter((cell) => {
        const box = cell.closest('.table-scroll')?.getBoundingClientRect();
        const own = cell.getBoundingClientRect();
        return box !== undefined && own.right > box.right + 1;
      }).length,
    );
    expect(hidden, `amounts out of view at ${size.width}×${size.height}`).toBe(0);
    // The risk registers keep every column, Edit last, in view without scrolling the table sideways.
    for (const route of ['/risks', `/engagements/${engagementId}`]) {
      await gotoRoute(page, appUrl, route);
      const edit = page.locator('.risk-edit-cell button').first();
      await expect(edit).toBeVisible();
      const cut = await edit.evaluate((button) => {
        const wrap = button.closest('.risk-table-wrap')?.getBoundingClientRect();
        return wrap === undefined ? 'no table' : button.getBoundingClientRect().right > wrap.right + 1 ? 'cut' : 'fits';
      });
      expect(cut, `the risk table of ${route} at ${size.width}×${size.height}`).toBe('fits');
    }
  }
  expect(misfits).toEqual([]);
});

test('the lesson page’s sticky action bar never covers the field being typed in', async ({ page, appUrl }) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.goto(appUrl);
  const engagement = await api<{ id: string }>(appUrl, 'customers.create', { name: 'Sticky Telecom', kind: 'enterprise' }).then((c) =>
    api<{ id: string }>(appUrl, 'engagements.create', { customerId: c.id, title: 'Sticky pilot', scenarios: ['intelligent-customer-service'] }),
  );
  const note = await api<{ id: string }>(appUrl, 'notes.create', { engagementId: engagement.id, title: 'Site walk' });
  const lesson = await api<{ id: string }>(appUrl, 'lessons.codify', { noteIds: [note.id] });
  await gotoRoute(page, appUrl, `/lessons/${lesson.id}`);
  const bar = page.locator('.lesson-actions');
  await expect(bar).toBeVisible();
  for (const label of ['Context', 'Problem', 'Action', 'Result', 'Recommendation']) {
    const field = page.getByRole('textbox', { name: new RegExp(`^${label}`) }).first();
    await page.locator('main').evaluate((main) => main.scrollTo(0, 0));
    await field.focus();
    const [fieldBox, barBox] = await Promise.all([field.boundingBox(), bar.boundingBox()]);
    expect(fieldBox && barBox ? fieldBox.y + fieldBox.height <= barBox.y + 1 : false, `${label} is hidden under the action bar`).toBe(true);
  }
});
