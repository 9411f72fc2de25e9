import { api, gotoRoute } from './app-api';
import { test, expect } from './fixtures';
import { settled, setUpScreens, watchCalls, type Screen } from './screens';

/**
 * The renderer's query cache end to end: opening any main screen asks the backend for each thing
 * (call and arguments) once, however many parts of the screen show it; a proposal just generated
 * opens without being fetched again; and an editor keeps what is being typed when its own
 * autosave makes the record be fetched again.
 */

test.describe('query cache', () => {
  let screens: Screen[] = [];
  test.beforeAll(async ({ appUrl }) => {
    screens = await setUpScreens(appUrl);
  });

  test('every main screen fetches each key once', async ({ page, appUrl }) => {
    test.setTimeout(90_000);
    const watch = await watchCalls(page);
    await page.goto(appUrl);
    for (const screen of screens) {
      await gotoRoute(page, appUrl, screen.route);
      await settled(page, watch);
      // A fresh start on the screen: nothing cached from the screens before (a new document records anew).
      await page.reload();
      await settled(page, watch);
      const calls = await watch.calls();
      const repeated = calls.filter((call, i) => calls.indexOf(call) !== i);
      expect(repeated, `${screen.name} (${screen.route}) fetched again: ${repeated.join(', ')}`).toEqual([]);
      expect(calls.length, `${screen.name} made no call at all`).toBeGreaterThan(0);
    }
  });

  test('the engagement page asks for the engagement once, and a generated proposal opens without a fetch', async ({ page, appUrl }) => {
    const engagementPage = screens.find((s) => s.route.startsWith('/engagements/') && !s.route.endsWith('/edit'));
    if (!engagementPage) throw new Error('no engagement screen');
    const engagementId = engagementPage.route.split('/')[2] ?? '';
    const watch = await watchCalls(page);
    await page.goto(appUrl);
    await gotoRoute(page, appUrl, engagementPage.route);
    await settled(page, watch);
    expect((await watch.calls()).filter((c) => c === `engagements.get ${JSON.stringify({ id: engagementId })}`)).toHaveLength(1);

    const panel = page.getByRole('region', { name: 'Proposals' });
    await panel.getByRole('button', { name: 'New proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposal' });
    await expect(dialog.getByLabel('Assessment')).toHaveValue(/.+/);
    await dialog.getByLabel('English').check();
    await watch.reset();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(page).toHaveURL(/#\/proposals\/[\w-]+$/);
    const proposalId = /#\/proposals\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
    await settled(page, watch);
    const calls = await watch.calls();
    expect(calls.some((c) => c.startsWith('proposals.generate '))).toBe(true);
    expect(calls.filter((c) => c === `proposals.get ${JSON.stringify({ id: proposalId })}`)).toEqual([]);
  });

  test('typing in a note survives the refetch its own autosave causes', async ({ page, appUrl }) => {
    const note = await api<{ id: string }>(appUrl, 'notes.create', { title: 'Morning' });
    const watch = await watchCalls(page);
    await page.goto(appUrl);
    await gotoRoute(page, appUrl, `/notes/${note.id}`);
    const title = page.getByRole('textbox', { name: 'Title' });
    await expect(title).toHaveValue('Morning');
    const gets = async (): Promise<number> => (await watch.calls()).filter((c) => c === `notes.get ${JSON.stringify({ id: note.id })}`).length;
    const before = await gets();

    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' walk-through');
    await expect(page.locator('.note-save[role="status"]', { hasText: /^Saved \d/ })).toBeVisible({ timeout: 10_000 });
    // The save changed the note: the cache fetched it again while the editor stayed open.
    await expect.poll(gets).toBeGreaterThan(before);
    await title.click();
    await page.keyboard.press('End');
    await page.keyboard.type(' at the site');
    const body = page.getByRole('textbox', { name: 'Note text' });
    await body.click();
    await page.keyboard.type('Queue board shows 14 waiting.');
    await expect(page.locator('.note-save[role="status"]', { hasText: /^Saved \d/ })).toBeVisible({ timeout: 10_000 });
    await settled(page, watch);

    await expect(title).toHaveValue('Morning walk-through at the site');
    await expect(body).toContainText('Queue board shows 14 waiting.');
    const stored = await api<{ title: string; bodyText?: string; bodyJson: string }>(appUrl, 'notes.get', { id: note.id });
    expect(stored.title).toBe('Morning walk-through at the site');
    expect(stored.bodyJson).toContain('Queue board shows 14 waiting.');
  });
});
