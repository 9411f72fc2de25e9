import type { Locator, Page } from '@playwright/test';
import { test, expect } from './fixtures';
import { api, gotoRoute, newEngagement, TINY_PNG } from './app-api';

/**
 * Field notes end to end: the rich-text editor on an engagement's note, autosave, hostile pastes,
 * images from files, and codifying notes into a lesson that is marked ready.
 */

type Note = { id: string; title: string; bodyJson: string; text: string };

// An article of the bundled pack the KB link picker should find by one word of its title.
const KB_WORD = 'shutdown';
const KB_ARTICLE = 'bse-cell-sleep-strategy-method';

const editorText = (page: Page): Locator => page.getByRole('textbox', { name: 'Note text' });
const saved = (page: Page): Locator => page.locator('.note-save[role="status"]', { hasText: /^Saved \d/ });

/** Opens a new note from the engagement page's notes panel and returns its id. */
async function newNoteOnEngagement(page: Page, appUrl: string, engagementId: string): Promise<string> {
  await gotoRoute(page, appUrl, `/engagements/${engagementId}`);
  const panel = page.getByRole('region', { name: 'Field notes' });
  await panel.getByRole('button', { name: 'New note' }).click();
  await expect(page).toHaveURL(/#\/notes\/[\w-]+$/);
  return /#\/notes\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
}

test.describe('field notes', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    // The first visit hands the page its access key; later routes reuse it from the session.
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('writes a note with a heading, a checklist, a table and a KB link, and finds it after a reload', async ({ page, appUrl }) => {
    const engagement = await newEngagement(appUrl);
    const noteId = await newNoteOnEngagement(page, appUrl, engagement.id);
    await expect(page.locator('.note-context')).toContainText(engagement.title);
    // A new note opens with the cursor in its title: what is typed at once lands there.
    await expect(page.locator('#note-title')).toBeFocused();

    // The toolbar's buttons draw their icons (SVG shipped with the app): no emoji or symbol font needed.
    const buttons = await page.getByRole('toolbar', { name: 'Formatting' }).getByRole('button').evaluateAll((all) => all.filter((b) => b.tagName === 'BUTTON').map((b) => ({ name: b.getAttribute('aria-label') ?? '', icon: b.querySelector('svg') !== null, text: b.textContent?.trim() ?? '' })));
    expect(buttons.filter((b) => b.icon).length).toBeGreaterThanOrEqual(14);
    for (const b of buttons) expect(b.icon || /^[\p{L}\p{N} ]+$/u.test(b.text), `${b.name}: "${b.text}"`).toBe(true);

    await page.getByLabel('Title', { exact: true }).fill('Site visit notes');
    await editorText(page).click();
    await page.keyboard.press('Control+Alt+Digit1');
    await page.keyboard.type('Site visit');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Checklist' }).click();
    await page.keyboard.type('Collect alarm logs');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Agree the KPIs');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');

    // A knowledge-base link from the picker (Ctrl+Shift+K), found with kb.search.
    await page.keyboard.type('See ');
    await page.keyboard.press('Control+Shift+K');
    const picker = page.getByRole('dialog', { name: 'Link a knowledge-base article' });
    await picker.getByRole('combobox', { name: 'Search articles' }).fill(KB_WORD);
    const option = picker.getByRole('option').filter({ hasText: `kb:${KB_ARTICLE}` });
    await expect(option).toBeVisible();
    const articleTitle = (await option.locator('.editor-kb-title').textContent()) ?? '';
    await option.click();
    await expect(picker).toBeHidden();
    await expect(editorText(page).locator('a', { hasText: articleTitle })).toBeVisible();

    await page.keyboard.press('End');
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Insert a table (3 × 3)' }).click();
    await expect(editorText(page).locator('table')).toBeVisible();
    await page.keyboard.type('Cell A12');

    await expect(saved(page)).toBeVisible({ timeout: 10_000 });

    await page.reload();
    await expect(page.getByRole('heading', { level: 1, name: 'Site visit notes' })).toBeVisible();
    await expect(editorText(page).locator('h1')).toHaveText('Site visit');
    await expect(editorText(page).locator('li[role="checkbox"], li.rt-li-unchecked').first()).toHaveText('Collect alarm logs');
    await expect(editorText(page).locator('li.rt-li-unchecked')).toHaveCount(2);
    await expect(editorText(page).locator('table')).toContainText('Cell A12');
    await expect(editorText(page).locator('a', { hasText: articleTitle })).toBeVisible();

    const stored = await api<Note>(appUrl, 'notes.get', { id: noteId });
    expect(stored.bodyJson).toContain(`"url":"kb:${KB_ARTICLE}"`);
    expect(stored.text).toContain('Collect alarm logs');
    expect(stored.text).toContain('Cell A12');
  });

  test('pasted HTML arrives as clean text: no script runs, no handler, no javascript: link, no remote image', async ({ page, appUrl }) => {
    const engagement = await newEngagement(appUrl);
    const noteId = await newNoteOnEngagement(page, appUrl, engagement.id);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });

    await editorText(page).click();
    await page.evaluate(() => {
      const html =
        '<p>Hello <b>clean</b> world</p>' +
        '<script>window.__pwned = "script"; alert("script")</script>' +
        '<img src="x" onerror="window.__pwned = \'img\'; alert(\'img\')">' +
        '<img src="https://tracker.example.com/pixel.png">' +
        '<p><a href="javascript:window.__pwned=\'link\';alert(1)">click me</a> and <a href="https://example.com/ok">a good link</a></p>';
      const data = new DataTransfer();
      data.setData('text/html', html);
      data.setData('text/plain', 'Hello clean world');
      const target = document.querySelector('.rich-editor-text');
      target?.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });

    await expect(editorText(page)).toContainText('Hello clean world');
    await expect(editorText(page)).toContainText('click me');
    await expect(editorText(page).locator('img')).toHaveCount(0);
    await expect(editorText(page).locator('a', { hasText: 'click me' })).toHaveCount(0);
    await expect(editorText(page).locator('a', { hasText: 'a good link' })).toHaveCount(1);
    // Clicking where the link was does nothing either.
    await editorText(page).getByText('click me').click();
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });
    expect(dialogs).toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { __pwned?: string }).__pwned)).toBeUndefined();

    const stored = await api<Note>(appUrl, 'notes.get', { id: noteId });
    expect(stored.text).toContain('Hello clean world');
    for (const bad of ['javascript', 'onerror', 'script', 'tracker.example.com', '"image"']) expect(stored.bodyJson).not.toContain(bad);
    expect(stored.bodyJson).toContain('https://example.com/ok');
  });

  test('inserts an image from a file, then codifies the note into a lesson and marks it ready', async ({ page, appUrl }) => {
    const engagement = await newEngagement(appUrl);
    const noteId = await newNoteOnEngagement(page, appUrl, engagement.id);
    await page.getByLabel('Title', { exact: true }).fill('Billing intents');
    await editorText(page).click();
    await page.keyboard.press('Control+Alt+Digit2');
    await page.keyboard.type('Problem');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Billing calls bounce between queues. ');

    await page.getByTestId('editor-image-input').setInputFiles({ name: 'queue-board.png', mimeType: 'image/png', buffer: TINY_PNG });
    const image = editorText(page).locator('img.rt-image');
    await expect(image).toBeVisible();
    // A plain <img> on the read-only blob URL: no bytes pass through the page's JavaScript.
    await expect(image).toHaveAttribute('src', /^\/api\/blob\/[0-9a-f]{64}\?t=[\w-]{43}$/);
    await expect(image).toHaveAttribute('alt', 'queue-board.png');
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });
    const attachments = await api<{ name: string; isImage: boolean }[]>(appUrl, 'attachments.list', { ownerTable: 'field_notes', ownerId: noteId });
    expect(attachments).toMatchObject([{ name: 'queue-board.png', isImage: true }]);

    // Back on the engagement: select the note and codify it.
    await gotoRoute(page, appUrl, `/engagements/${engagement.id}`);
    const panel = page.getByRole('region', { name: 'Field notes' });
    await panel.getByRole('checkbox', { name: 'Select Billing intents' }).check();
    await expect(panel.getByText('1 note selected')).toBeVisible();
    await panel.getByRole('button', { name: 'Codify as lesson' }).click();
    await expect(page).toHaveURL(/#\/lessons\/[\w-]+$/);
    await expect(page.getByRole('heading', { level: 1, name: 'Billing intents' })).toBeVisible();
    await expect(page.getByLabel('Problem')).toHaveValue(/Billing calls bounce between queues\./);
    // The codified lesson opens at the first part still to write (context and problem come from the note).
    await expect(page.getByLabel('Action')).toBeFocused();
    await expect(page.getByLabel('Context')).toHaveValue(new RegExp(engagement.title));
    await expect(page.getByRole('link', { name: 'Billing intents' })).toHaveAttribute('href', `#/notes/${noteId}`);

    // Not ready yet: the action and the recommendation are missing.
    await page.getByRole('button', { name: 'Mark ready to submit' }).click();
    await expect(page.getByRole('alert')).toContainText('action, recommendation');
    await expect(page.getByLabel('Action')).toHaveAttribute('aria-invalid', 'true');
    await expect(page.locator('.lesson-status')).toHaveText(/Draft/);

    await page.getByLabel('Action').fill('Added an intent for bill disputes.');
    await page.getByLabel('Result').fill('Repeat calls fell by a fifth.');
    await page.getByLabel('Recommendation').fill('Start from the agents’ own lists of disputes.');
    await page.getByRole('button', { name: 'Mark ready to submit' }).click();
    await expect(page.locator('.lesson-status')).toHaveText(/Ready to submit/);
    await expect(page.getByRole('status').filter({ hasText: /^Saved \d/ })).toBeVisible();

    await page.reload();
    await expect(page.getByLabel('Recommendation')).toHaveValue('Start from the agents’ own lists of disputes.');
    await gotoRoute(page, appUrl, '/lessons?status=ready');
    await expect(page.getByRole('link', { name: 'Billing intents' })).toBeVisible();
  });
});
