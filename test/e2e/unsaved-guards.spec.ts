import { test, expect } from './fixtures';
import { gotoRoute, newEngagement } from './app-api';

/**
 * Every way out of a form with unsaved typing asks first: an in-app link, the browser's Back and
 * Forward, closing a dialog (Escape, Cancel), and closing or reloading the tab (the browser's own
 * prompt). Nothing is asked when nothing was typed.
 */

test.beforeEach(async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
});

test('Back and Forward from a half-filled new engagement ask before discarding it', async ({ page, appUrl }) => {
  // The list reached by a typed address (an entry the router did not make), the form through the app's link.
  await gotoRoute(page, appUrl, '/engagements');
  await expect(page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
  await page.getByRole('link', { name: 'New engagement' }).first().click();
  // The form's page, not the list's filters (which also have a title box).
  await expect(page).toHaveURL(/#\/engagements\/new$/);
  await expect(page.getByRole('heading', { level: 1, name: 'New engagement' })).toBeVisible();
  await page.getByLabel('Title').fill('Half-filled pilot');
  await page.goBack();
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.getByLabel('Title')).toHaveValue('Half-filled pilot');
  await expect(page).toHaveURL(/#\/engagements\/new$/);
  // Discarding lets the Back through.
  await page.goBack();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Engagements' })).toBeVisible();
  // Forward into the form again: the form is empty now, so nothing is asked.
  await page.goForward();
  await expect(page.getByLabel('Title')).toHaveValue('');
  await expect(ask).toHaveCount(0);
});

test('a new risk typed into its dialog is not lost to Escape, Cancel or Back', async ({ page, appUrl }) => {
  const engagement = await newEngagement(appUrl);
  await gotoRoute(page, appUrl, `/engagements/${engagement.id}`);
  const open = async () => {
    await page.getByRole('region', { name: 'Risk register' }).getByRole('button', { name: 'New risk' }).click();
    return page.getByRole('dialog', { name: 'New risk' });
  };
  let form = await open();
  // Nothing typed: Escape simply closes.
  await page.keyboard.press('Escape');
  await expect(form).toBeHidden();

  form = await open();
  await form.getByLabel('Title').fill('Recording consent missing');
  await page.keyboard.press('Escape');
  const ask = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Title')).toHaveValue('Recording consent missing');

  await form.getByRole('button', { name: 'Cancel' }).click();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();

  await page.goBack();
  await expect(ask).toBeVisible();
  await ask.getByRole('button', { name: 'Keep editing' }).click();
  await expect(form.getByLabel('Title')).toHaveValue('Recording consent missing');
  await expect(page).toHaveURL(new RegExp(`#/engagements/${engagement.id}$`));

  await form.getByRole('button', { name: 'Cancel' }).click();
  await ask.getByRole('button', { name: 'Discard changes' }).click();
  await expect(form).toBeHidden();
});

test('closing or reloading the tab with unsaved typing gets the browser prompt', async ({ page, appUrl }) => {
  await gotoRoute(page, appUrl, '/engagements/new');
  await page.getByLabel('Title').fill('Half-filled pilot');
  const dialogs: string[] = [];
  page.on('dialog', (d) => {
    dialogs.push(d.type());
    void d.dismiss();
  });
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => dialogs).toEqual(['beforeunload']);
});
