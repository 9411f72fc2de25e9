import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { TemplateDetail } from '../../core/api/calls/templates';
import { api, gotoRoute } from './app-api';
import { startHost, stopHost, test, expect, type Host } from './fixtures';
import { noSeriousViolations } from './axe';

/**
 * A content-pack update to templates the user edited, end to end: a host on the bundled pack where
 * two templates are edited, then a host on the same data folder with a newer pack. The status bar
 * says two updates are held back; on the template's page the user compares the pack's version with
 * theirs and takes it as a new version, and dismisses the other.
 */

const root = path.resolve(import.meta.dirname, '..', '..');
const BUNDLED = path.join(root, 'resources', 'content');
const VOICEBOT = 'poc-ics-voicebot';
const ASSIST = 'poc-ics-agent-assist';


let dataDir = '';
let packDir = '';
let host: Host | undefined;

/** The bundled pack one version on, with both templates raised one version (to 3) and the voice bot's summary reworded. */
function newerPack(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-pack-'));
  fs.cpSync(BUNDLED, dir, { recursive: true });
  const edit = (rel: string, change: (text: string) => string): void => {
    const file = path.join(dir, rel);
    const before = fs.readFileSync(file, 'utf8');
    const after = change(before);
    if (after === before) throw new Error(`the edit of ${rel} changed nothing`);
    fs.writeFileSync(file, after);
  };
  const raise = (text: string): string => text.replace(/^version: (\d+)$/m, (_line, version: string) => `version: ${Number(version) + 1}`);
  edit('pack.yaml', raise);
  edit(`templates/${VOICEBOT}.yaml`, (t) => raise(t).replace('This proof of concept shows, on live traffic', 'This pilot proves, on live traffic'));
  edit(`templates/${ASSIST}.yaml`, (t) => raise(t).replace('title: { en: "Agent and operator assist POC"', 'title: { en: "Agent assist POC"'));
  return dir;
}

/** Saves the newest version of a template again with one section's English body changed: version 3, the user's. */
async function editTemplate(appUrl: string, id: string): Promise<void> {
  const current = await api<TemplateDetail>(appUrl, 'templates.get', { id });
  const [first, ...rest] = current.template.sections;
  if (!first?.body) throw new Error(`${id} has no first section with a body`);
  const template = { ...current.template, sections: [{ ...first, body: { ...first.body, en: `${first.body.en}\n\nAgreed with the customer on site.` } }, ...rest] };
  await api(appUrl, 'templates.save', { basedOn: { id, version: current.version }, template });
}

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-'));
  const first = await startHost(dataDir);
  try {
    await editTemplate(first.appUrl, VOICEBOT);
    await editTemplate(first.appUrl, ASSIST);
  } finally {
    await stopHost(first);
  }
  packDir = newerPack();
  host = await startHost(dataDir, { contentDir: packDir });
});

test.afterAll(async () => {
  if (host) await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
  fs.rmSync(packDir, { recursive: true, force: true });
});

test('a newer pack version of an edited template is offered, compared and taken as a new version, or dismissed', async ({ page }) => {
  const appUrl = host?.appUrl ?? '';
  await page.goto(appUrl);
  const status = page.getByRole('contentinfo', { name: 'Status' });
  await status.getByRole('button', { name: '⚠ 2 content-pack updates held back' }).click();
  const dialog = page.getByRole('dialog', { name: 'Content-pack updates held back' });
  await expect(dialog.getByRole('row', { name: /Voice virtual agent POC/ })).toContainText('Edited on this device');
  await noSeriousViolations(page, 'the held-back updates dialog');
  await dialog.getByRole('link', { name: 'Compare Voice virtual agent POC with the pack’s version' }).click();
  await expect(dialog).toBeHidden();

  // The template's page: the user's version 3 is shown, and the pack's version 3 is offered.
  await expect(page.getByRole('heading', { level: 1, name: 'Voice virtual agent POC' })).toBeVisible();
  await expect(page.getByText('Showing version 3 (newest)')).toBeVisible();
  const notice = page.getByTestId('pack-update');
  await expect(notice.getByRole('heading', { name: 'A newer version from the content pack is available (version 3)' })).toBeVisible();
  await expect(notice).toContainText('because this template was edited on this device');

  // Side by side: the user's line on the left (deleted from the pack's), the pack's rewording on the right.
  await notice.getByRole('button', { name: 'Compare with version 3' }).click();
  const compare = notice.getByTestId('template-compare');
  const summary = compare.getByTestId('compare-section').filter({ hasText: 'Executive summary' });
  await expect(summary.locator('del.diff-removed').filter({ hasText: 'Agreed with the customer on site.' })).toBeVisible();
  await expect(summary.locator('ins.diff-added').filter({ hasText: 'proves' })).toBeVisible();
  await expect(compare.getByRole('columnheader', { name: 'Version 3 (on this device)' })).toBeVisible();
  await expect(compare.getByRole('columnheader', { name: 'Content pack, version 3' })).toBeVisible();
  await noSeriousViolations(page, 'the template page with the comparison open');

  await notice.getByRole('button', { name: 'Take it as version 4' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Saved the content pack’s version 3 as version 4. Your earlier versions stay in the list.' })).toBeVisible();
  await expect(notice).toBeHidden();
  await expect(page.getByText('Showing version 4 (newest)')).toBeVisible();
  const versions = page.getByRole('complementary').getByRole('listitem');
  await expect(versions).toHaveCount(3);
  await expect(versions.nth(1)).toContainText('Version 3');
  // The user's edit is still there as version 3.
  const mine = await api<TemplateDetail>(appUrl, 'templates.get', { id: VOICEBOT, version: 3 });
  expect(mine.template.sections[0]?.body?.en).toContain('Agreed with the customer on site.');
  await expect(status.getByRole('button', { name: '⚠ 1 content-pack update held back' })).toBeVisible();

  // The other template: dismissed on its page; the status bar has nothing left to say.
  await gotoRoute(page, appUrl, `/templates/${ASSIST}`);
  const other = page.getByTestId('pack-update');
  await expect(other.getByRole('heading', { name: 'A newer version from the content pack is available (version 3)' })).toBeVisible();
  await other.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Dismissed the content pack’s version 3.' })).toBeVisible();
  await expect(other).toBeHidden();
  await expect(status.getByRole('button', { name: /held back/ })).toBeHidden();
  await expect(page.getByText('Showing version 3 (newest)')).toBeVisible();
});
