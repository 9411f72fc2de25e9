import type { Page } from '@playwright/test';
import { api, gotoRoute } from './app-api';
import { test, expect } from './fixtures';
import { settled, setUpScreens, watchCalls, type Screen } from './screens';
import { noSeriousViolations } from './axe';

/**
 * axe-core on every main screen and the dialogs, in the light theme in English and the dark theme
 * in Chinese (contrast and the language of the page change with them): no serious or critical
 * violation is allowed.
 */

type Look = { theme: 'light' | 'dark'; language: 'en' | 'zh' };
const LOOKS: Look[] = [
  { theme: 'light', language: 'en' },
  { theme: 'dark', language: 'zh' },
];


async function useLook(page: Page, appUrl: string, look: Look): Promise<void> {
  await api(appUrl, 'settings.update', look);
  await page.goto(appUrl);
  await page.reload();
  await expect(page.locator('html')).toHaveAttribute('data-theme', look.theme);
}

test.describe('accessibility', () => {
  let screens: Screen[] = [];
  test.beforeAll(async ({ appUrl }) => {
    screens = await setUpScreens(appUrl);
  });

  for (const look of LOOKS) {
    test(`every main screen, ${look.theme} theme, ${look.language}`, async ({ page, appUrl }) => {
      test.setTimeout(120_000);
      await useLook(page, appUrl, look);
      const watch = await watchCalls(page);
      for (const screen of screens) {
        await gotoRoute(page, appUrl, screen.route);
        await settled(page, watch);
        await noSeriousViolations(page, `${screen.name} (${screen.route}, ${look.theme}, ${look.language})`);
      }
    });

    test(`the dialogs, ${look.theme} theme, ${look.language}`, async ({ page, appUrl }) => {
      test.setTimeout(60_000);
      await useLook(page, appUrl, look);
      const watch = await watchCalls(page);
      const engagement = screens.find((s) => s.name.startsWith('engagement ('));
      const note = screens.find((s) => s.name === 'note');
      if (!engagement || !note) throw new Error('screens are missing');

      // The quick search with results.
      await gotoRoute(page, appUrl, '/kb');
      await settled(page, watch);
      await page.keyboard.press('Control+K');
      const palette = page.getByRole('dialog');
      await expect(palette).toBeVisible();
      await page.keyboard.type('customer');
      await expect(palette.getByRole('option').first()).toBeVisible();
      await noSeriousViolations(page, `the quick search (${look.theme}, ${look.language})`);
      await page.keyboard.press('Escape');
      await expect(palette).toBeHidden();

      // Start an assessment, a new risk, a new proposal: each from the engagement page.
      await gotoRoute(page, appUrl, engagement.route);
      await settled(page, watch);
      for (const panel of ['engagement-assessments-title', 'engagement-risks-title', 'proposals-title']) {
        // The panel's own action sits next to its heading.
        await page.locator(`#${panel}`).locator('..').getByRole('button').last().click();
        const dialog = page.getByRole('dialog');
        await expect(dialog).toBeVisible();
        await settled(page, watch);
        await noSeriousViolations(page, `the dialog from ${panel} (${look.theme}, ${look.language})`);
        await page.keyboard.press('Escape');
        await expect(dialog).toBeHidden();
      }

      // A confirmation: deleting a note.
      await gotoRoute(page, appUrl, note.route);
      await settled(page, watch);
      await page.locator('.note-header').getByRole('button').last().click();
      await expect(page.getByRole('dialog')).toBeVisible();
      await noSeriousViolations(page, `the delete confirmation (${look.theme}, ${look.language})`);
      await page.keyboard.press('Escape');
      await expect(page.getByRole('dialog')).toBeHidden();
    });
  }
});
