import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { api, gotoRoute } from './app-api';
import { noSeriousViolations } from './axe';
import { startHost, stopHost, type Host } from './fixtures';
import { startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';
import { documentJson, list, paragraph, table, textNode } from '../../core/richtext/build';
import { picturePng } from '../helpers/png';

/**
 * The sync loop end to end: one central repository (the real server process on 127.0.0.1) and a
 * browser host per user, each on its own data folder. Consultant Ann writes and submits a lesson
 * while the server is down, then syncs; knowledge manager Kim sees it in Review and publishes it;
 * consultant Bob receives the article. Then the server is killed in the middle of a large sync and
 * restarted: the sync completes with nothing lost and nothing twice.
 */

let server: TestServer;
const hosts: Host[] = [];
const dirs: string[] = [];

test.beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  server.addUser('ann', 'consultant');
  server.addUser('kim', 'knowledge_manager');
  server.addUser('bob', 'consultant');
});
test.afterAll(async () => {
  for (const host of hosts.splice(0)) await stopHost(host);
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
  await server.dispose();
});

async function newHost(): Promise<Host> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-sync-'));
  dirs.push(dir);
  const host = await startHost(dir);
  hosts.push(host);
  return host;
}

/** Connects the device on the Sync screen, as a user would. */
async function enrol(page: Page, host: Host, user: string): Promise<void> {
  await page.goto(host.appUrl);
  await gotoRoute(page, host.appUrl, '/sync');
  await expect(page.getByRole('heading', { level: 1, name: 'Sync' })).toBeVisible();
  await page.getByLabel('Server address').fill(server.url);
  await page.getByLabel('User name').fill(user);
  await page.getByLabel('Password').fill(TEST_PASSWORD);
  // Unless named, a device is called by its computer's name (what the administrator's device list shows).
  await expect(page.getByLabel('Name of this device')).toHaveAttribute('placeholder', os.hostname());
  await page.getByLabel('Name of this device').fill(`${user}'s laptop`);
  await page.getByRole('button', { name: 'Connect', exact: true }).click();
  await expect(page.getByText(new RegExp(`Signed in as ${user}`, 'i'))).toBeVisible();
  await expect(page.getByText(`This device: ${user}'s laptop (id `)).toBeVisible();
}

/** A device of this user, connected on its Sync screen, with its page (a browser context of its own, as a separate machine). */
async function connectedDevice(browser: Browser, user: string): Promise<{ host: Host; page: Page }> {
  const host = await newHost();
  const page = await (await browser.newContext()).newPage();
  await enrol(page, host, user);
  return { host, page };
}

/** A new consultant with two devices, each connected on its Sync screen; the tablet's page stays open. */
async function laptopAndTablet(browser: Browser, user: string): Promise<{ laptopHost: Host; tabletHost: Host; tablet: Page }> {
  server.addUser(user, 'consultant');
  const laptop = await connectedDevice(browser, user);
  const tablet = await connectedDevice(browser, user);
  return { laptopHost: laptop.host, tabletHost: tablet.host, tablet: tablet.page };
}

const body = (text: string) => documentJson([paragraph([textNode(text)])]);

test('a lesson submitted offline reaches review, is published, and reaches another consultant; a killed server loses nothing', async ({ browser }) => {
  test.setTimeout(180_000);
  const annHost = await newHost();
  const kimHost = await newHost();
  const bobHost = await newHost();
  // One browser context per person, as separate machines would be.
  const ann = await (await browser.newContext()).newPage();
  const kim = await (await browser.newContext()).newPage();
  const bob = await (await browser.newContext()).newPage();
  await enrol(ann, annHost, 'ann');
  await enrol(kim, kimHost, 'kim');
  await enrol(bob, bobHost, 'bob');

  // Ann works offline: the server is down while she writes and submits.
  await server.stop();
  const note = await api<{ id: string }>(annHost.appUrl, 'notes.create', { title: 'Night shift staffing', bodyJson: body('Agents were short at night.') });
  const lesson = await api<{ id: string }>(annHost.appUrl, 'lessons.codify', { noteIds: [note.id] });
  await gotoRoute(ann, annHost.appUrl, `/lessons/${lesson.id}`);
  await ann.getByLabel(/^Title/).fill('Staff the night shift from week one');
  await ann.getByLabel(/^Problem/).fill('Calls at night waited too long.');
  await ann.getByLabel(/^Action/).fill('Added two agents from Acme Staffing at night.');
  await ann.getByLabel(/^Recommendation/).fill('Plan night staffing before go-live.');
  await ann.getByLabel('Intelligent customer service').check();
  await ann.getByRole('combobox', { name: 'Tags' }).fill('staffing');
  await ann.getByRole('combobox', { name: 'Tags' }).press('Enter');
  await ann.getByRole('button', { name: 'Mark ready to submit' }).click();
  await ann.getByRole('button', { name: 'Submit for review' }).click();
  await expect(ann.getByText('Submitted', { exact: true }).first()).toBeVisible();
  await expect(ann.getByText(/changes? to send/)).toBeVisible();
  await gotoRoute(ann, annHost.appUrl, '/sync');
  await ann.getByRole('button', { name: 'Sync now' }).click();
  await expect(ann.getByRole('alert').filter({ hasText: 'could not be reached' })).toBeVisible({ timeout: 30_000 });
  // The status bar says so in a few words (the whole reason is its tooltip), with what waits.
  const state = ann.getByRole('contentinfo').getByRole('link', { name: /^⚠ Sync stopped \(server not reachable\)/ });
  await expect(state).toContainText(/changes? to send/);
  await expect(state).toHaveAttribute('title', /could not be reached/);

  // Back online.
  await server.restart();
  await ann.getByRole('button', { name: 'Sync now' }).click();
  await expect(ann.getByText('Everything made here has been sent')).toBeVisible({ timeout: 30_000 });

  // Kim reviews and publishes.
  await gotoRoute(kim, kimHost.appUrl, '/sync');
  await kim.getByRole('button', { name: 'Sync now' }).click();
  await expect(kim.getByText('Everything made here has been sent')).toBeVisible({ timeout: 30_000 });
  // From wherever the manager is, the navigation says something waits in Review.
  await expect(kim.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review, 1 submission waiting for a decision' })).toBeVisible();
  await gotoRoute(kim, kimHost.appUrl, '/review');
  await kim.getByRole('link', { name: 'Staff the night shift from week one' }).click();
  await expect(kim.getByRole('heading', { name: 'Problem' })).toBeVisible();
  await noSeriousViolations(kim, 'a submission under review');
  await kim.getByRole('button', { name: 'Publish…' }).click();
  // The manager files the article: the lesson's scenario and tag come preselected; one more tag.
  const publish = kim.getByRole('dialog');
  await expect(publish.getByLabel('Intelligent customer service')).toBeChecked();
  await expect(publish.getByRole('list', { name: 'Tags' })).toContainText('staffing');
  await publish.getByRole('combobox', { name: 'Tags' }).fill('night-shift');
  await publish.getByRole('combobox', { name: 'Tags' }).press('Enter');
  // What every device will read starts as the lesson; the manager takes the agency's name out of it.
  await expect(publish.getByLabel('Summary')).toHaveValue(/Acme Staffing/);
  await publish.getByLabel('Summary').fill('Night calls waited until two agents were added.');
  const text = publish.getByRole('textbox', { name: 'Article text' });
  await expect(text.getByRole('heading', { name: 'Action' })).toBeVisible();
  await text.getByText('Added two agents from Acme Staffing at night.').click({ clickCount: 3 });
  await kim.keyboard.type('Added two agents at night.');
  await expect(text).not.toContainText('Acme');
  await noSeriousViolations(kim, 'the publish dialog');
  // Escape does not throw the change away without asking.
  await kim.keyboard.press('Escape');
  await kim.getByRole('button', { name: 'Keep editing' }).click();
  await expect(text).toContainText('Added two agents at night.');
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(kim.getByText('Published', { exact: true }).first()).toBeVisible();
  // The manager's queue is empty again; the published one is a filter away.
  await gotoRoute(kim, kimHost.appUrl, '/review');
  await expect(kim.getByText(/^Nothing waits for a decision/)).toBeVisible();
  await expect(kim.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review', exact: true })).toBeVisible();
  await kim.getByLabel('Show').selectOption('published');
  await expect(kim.getByRole('link', { name: 'Staff the night shift from week one' })).toBeVisible();
  await gotoRoute(kim, kimHost.appUrl, '/sync');
  await kim.getByRole('button', { name: 'Sync now' }).click();
  await expect(kim.getByText('Everything made here has been sent')).toBeVisible({ timeout: 30_000 });

  // Bob receives it and finds it in the knowledge base.
  await gotoRoute(bob, bobHost.appUrl, '/sync');
  await bob.getByRole('button', { name: 'Sync now' }).click();
  await expect(bob.getByText(/Last synced/)).toBeVisible({ timeout: 30_000 });
  await gotoRoute(bob, bobHost.appUrl, '/kb?q=night%20shift');
  await expect(bob.getByRole('link', { name: /Staff the night shift from week one/ }).first()).toBeVisible();
  await noSeriousViolations(bob, 'the knowledge base after a sync');
  // Filed where the manager put it: under the scenario and both tags, in the language it was written in.
  await bob.getByRole('link', { name: /Staff the night shift from week one/ }).first().click();
  await expect(bob.locator('aside.article-side')).toContainText('Intelligent customer service');
  await expect(bob.getByText('#night-shift')).toBeVisible();
  await expect(bob.getByText('#staffing')).toBeVisible();
  await expect(bob.getByText('Added two agents at night.')).toBeVisible();
  await expect(bob.getByRole('main')).not.toContainText('Acme');

  // Ann sees the outcome on her lesson.
  await gotoRoute(ann, annHost.appUrl, '/sync');
  await ann.getByRole('button', { name: 'Sync now' }).click();
  await expect(ann.getByText(/Last synced/)).toBeVisible({ timeout: 30_000 });
  await gotoRoute(ann, annHost.appUrl, `/lessons/${lesson.id}`);
  await expect(ann.getByText('Published', { exact: true }).first()).toBeVisible();

  // A large sync, and the server killed in the middle of it.
  const count = 3000;
  for (let i = 0; i < count; i += 100) {
    await Promise.all(Array.from({ length: Math.min(100, count - i) }, (_, j) => api(annHost.appUrl, 'notes.create', { title: `Meter reading ${i + j}`, bodyJson: body(`Reading ${i + j}`) })));
  }
  await gotoRoute(ann, annHost.appUrl, '/sync');
  await ann.getByRole('button', { name: 'Sync now' }).click();
  // Killed as soon as the first batch is acknowledged (or at once, if the sync is quicker than the page).
  await ann
    .getByRole('status')
    .filter({ hasText: /Sending: [1-9][\d,]* of/ })
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  await server.kill();
  await expect(ann.getByRole('button', { name: 'Sync now' })).toBeEnabled({ timeout: 60_000 });
  await server.restart();
  await ann.getByRole('button', { name: 'Sync now' }).click();
  await expect(ann.getByText('Everything made here has been sent')).toBeVisible({ timeout: 60_000 });

  // A second device of Ann's receives every note exactly once.
  const tabletHost = await newHost();
  const tablet = await (await browser.newContext()).newPage();
  await enrol(tablet, tabletHost, 'ann');
  await tablet.getByRole('button', { name: 'Sync now' }).click();
  await expect(tablet.getByText(/Last synced/)).toBeVisible({ timeout: 60_000 });
  const notes = await api<{ title: string }[]>(tabletHost.appUrl, 'notes.list', {});
  const readings = notes.filter((n) => n.title.startsWith('Meter reading '));
  expect(readings).toHaveLength(count);
  expect(new Set(readings.map((n) => n.title)).size).toBe(count);
});

test('a knowledge manager adds a later note to an article published from review, as its next version', async ({ browser }) => {
  const { host: annHost } = await connectedDevice(browser, 'ann');
  const { host: kimHost, page: kim } = await connectedDevice(browser, 'kim');
  // The first source, published as an article (through the API: the publish dialog is tested above).
  const first = await api<{ id: string }>(annHost.appUrl, 'notes.create', { title: 'Cells asleep at night', bodyJson: body('Urban cells slept from 02:00 without complaints.') });
  await api(annHost.appUrl, 'review.submit', { kind: 'note', id: first.id });
  const second = await api<{ id: string }>(annHost.appUrl, 'notes.create', { title: 'Rural cells asleep too', bodyJson: body('Rural cells can sleep from 01:00.') });
  await api(annHost.appUrl, 'review.submit', { kind: 'note', id: second.id });
  await api(annHost.appUrl, 'sync.now', {});
  await api(kimHost.appUrl, 'sync.now', {});
  const queue = await api<{ items: { id: string; title: string }[] }>(kimHost.appUrl, 'review.list', { status: 'open' });
  const firstId = queue.items.find((s) => s.title === 'Cells asleep at night')?.id ?? '';
  const { articleId } = await api<{ articleId: string }>(kimHost.appUrl, 'review.publish', {
    ids: [firstId],
    title: 'Letting cells sleep at night',
    summary: 'Energy saving at night.',
    type: 'best-practice',
    scenarios: [],
    tags: ['energy'],
    lang: 'en',
  });

  await gotoRoute(kim, kimHost.appUrl, '/review');
  await kim.getByRole('link', { name: 'Rural cells asleep too' }).click();
  await kim.getByRole('button', { name: 'Publish…' }).click();
  const dialog = kim.getByRole('dialog');
  await dialog.getByRole('radio', { name: 'Added to an article published from review' }).check();
  await dialog.getByRole('combobox', { name: 'Article' }).selectOption({ label: 'Letting cells sleep at night (version 1, 1 source)' });
  // The article's title and filing to start from.
  await expect(dialog.getByLabel('Title')).toHaveValue('Letting cells sleep at night');
  await expect(dialog.getByRole('list', { name: 'Tags' })).toContainText('energy');
  await noSeriousViolations(kim, 'the publish dialog adding to an article');
  await dialog.getByRole('button', { name: 'Add to article' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(kim.getByText('Merged', { exact: true }).first()).toBeVisible();

  await api(kimHost.appUrl, 'sync.now', {});
  await api(annHost.appUrl, 'sync.now', {});
  const article = await api<{ version: number; body: { en: unknown } }>(annHost.appUrl, 'kb.get', { id: articleId });
  expect(article.version).toBe(2);
  expect(JSON.stringify(article.body.en)).toContain('Rural cells can sleep from 01:00.');
  expect(JSON.stringify(article.body.en)).toContain('Urban cells slept from 02:00');
});

test('a submission returned with comments waits for its author, who sees so from anywhere', async ({ browser }) => {
  server.addUser('rae', 'consultant');
  const { host: raeHost, page: rae } = await connectedDevice(browser, 'rae');
  const { host: kimHost, page: kim } = await connectedDevice(browser, 'kim');
  const note = await api<{ id: string }>(raeHost.appUrl, 'notes.create', { title: 'Alarm storm at night', bodyJson: body('Three hundred alarms in ten minutes.') });
  await api(raeHost.appUrl, 'review.submit', { kind: 'note', id: note.id });
  await api(raeHost.appUrl, 'sync.now', {});
  await api(kimHost.appUrl, 'sync.now', {});

  await gotoRoute(kim, kimHost.appUrl, '/review');
  await kim.getByRole('link', { name: 'Alarm storm at night' }).click();
  await kim.getByRole('button', { name: 'Return with comments…' }).click();
  await kim.getByRole('dialog').getByLabel('Comments for the author').fill('Which site, and what set it off?');
  await kim.getByRole('dialog').getByRole('button', { name: 'Send' }).click();
  await expect(kim.getByText('Returned', { exact: true }).first()).toBeVisible();
  await api(kimHost.appUrl, 'sync.now', {});

  // Rae syncs on the Sync screen; the navigation then says one of hers came back.
  await gotoRoute(rae, raeHost.appUrl, '/sync');
  await rae.getByRole('button', { name: 'Sync now' }).click();
  const review = rae.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review, 1 of yours returned with comments' });
  await expect(review).toBeVisible({ timeout: 30_000 });
  await noSeriousViolations(rae, 'the navigation with a count');
  await review.click();
  await rae.getByRole('link', { name: 'Alarm storm at night' }).click();
  await expect(rae.getByText('Which site, and what set it off?')).toBeVisible();
  // Submitted again after her changes, nothing waits for her any more.
  await api(raeHost.appUrl, 'review.submit', { kind: 'note', id: note.id });
  await expect(rae.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Review', exact: true })).toBeVisible();
});

test('a knowledge manager publishes a template version to every device from its page', async ({ browser }) => {
  const { host: kimHost, page: kim } = await connectedDevice(browser, 'kim');
  const { host: bobHost, page: bob } = await connectedDevice(browser, 'bob');
  const [first] = await api<{ id: string; version: number }[]>(kimHost.appUrl, 'templates.list', {});
  const id = first?.id ?? '';
  // Bob, a consultant, is not offered to publish.
  await gotoRoute(bob, bobHost.appUrl, `/templates/${id}`);
  await expect(bob.getByRole('button', { name: /^Edit/ })).toBeVisible();
  await expect(bob.getByRole('button', { name: 'Publish to every device…' })).toHaveCount(0);

  await gotoRoute(kim, kimHost.appUrl, `/templates/${id}`);
  await kim.getByRole('button', { name: 'Publish to every device…' }).click();
  const dialog = kim.getByRole('dialog');
  await expect(dialog).toContainText(`It becomes version ${(first?.version ?? 0) + 1} of this template`);
  await noSeriousViolations(kim, 'the publish-template dialog');
  await dialog.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(kim.getByRole('status').filter({ hasText: `Published as version ${(first?.version ?? 0) + 1}` })).toBeVisible();
  await expect(kim.getByText('This version is published: every device has it.')).toBeVisible();
  await expect(kim.locator('.version-list li').first()).toContainText('published to every device');

  await api(kimHost.appUrl, 'sync.now', {});
  await api(bobHost.appUrl, 'sync.now', {});
  await gotoRoute(bob, bobHost.appUrl, `/templates/${id}`);
  await expect(bob.locator('.version-list li').first()).toContainText(`Version ${(first?.version ?? 0) + 1}`);
  await expect(bob.locator('.version-list li').first()).toContainText('published to every device');
});

test('an article made from a note shows its picture, table and check list to the reviewer and on a reader’s device', async ({ browser }) => {
  const { host: annHost } = await connectedDevice(browser, 'ann');
  const { host: kimHost, page: kim } = await connectedDevice(browser, 'kim');
  const { host: bobHost, page: bob } = await connectedDevice(browser, 'bob');
  const note = await api<{ id: string }>(annHost.appUrl, 'notes.create', { title: 'Cabinet labels at Site 7', bodyJson: body('Label every cabinet.') });
  const added = await api<{ sha256: string }>(annHost.appUrl, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: 'labels.png', mime: 'image/png', data: picturePng(480, 320) });
  const picture = { type: 'image', version: 1, sha256: added.sha256, altText: 'Labelled cabinets' };
  await api(annHost.appUrl, 'notes.save', {
    id: note.id,
    bodyJson: documentJson([
      paragraph([textNode('Label every cabinet, as here:')]),
      paragraph([picture]),
      table(['Cabinet', 'Label'], [['C1', 'Core switch']]),
      list('check', ['Print the labels', 'Photograph each cabinet'], { checked: [0] }),
    ]),
  });
  await api(annHost.appUrl, 'review.submit', { kind: 'note', id: note.id });
  await api(annHost.appUrl, 'sync.now', {});
  await api(kimHost.appUrl, 'sync.now', {});

  const shown = async (page: Page): Promise<void> => {
    await expect(page.getByRole('img', { name: 'Labelled cabinets' })).toBeVisible();
    await expect.poll(() => page.getByRole('img', { name: 'Labelled cabinets' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(480);
    await expect(page.getByRole('cell', { name: 'Core switch' })).toBeVisible();
    await expect(page.getByText('Photograph each cabinet')).toBeVisible();
    await expect(page.getByText('Something went wrong')).toHaveCount(0);
  };
  // The reviewer reads the note as written.
  await gotoRoute(kim, kimHost.appUrl, '/review');
  await kim.getByRole('link', { name: 'Cabinet labels at Site 7' }).click();
  await shown(kim);
  const queue = await api<{ items: { id: string }[] }>(kimHost.appUrl, 'review.list', { status: 'open' });
  const { articleId } = await api<{ articleId: string }>(kimHost.appUrl, 'review.publish', { ids: [queue.items[0]?.id ?? ''], title: 'Label the cabinets', summary: 'Labels save hours.', type: 'lesson', scenarios: [], tags: [], lang: 'en' });
  await api(kimHost.appUrl, 'sync.now', {});

  // A reader's device gets the article and its picture.
  await api(bobHost.appUrl, 'sync.now', {});
  await gotoRoute(bob, bobHost.appUrl, `/kb/${articleId}`);
  await expect(bob.getByRole('heading', { level: 1, name: 'Label the cabinets' })).toBeVisible();
  await shown(bob);
  await noSeriousViolations(bob, 'an article with a picture, a table and a check list');
});

test('a lesson’s picture and file, attached on its page, reach the reviewer, and the picture the published article, which the manager edits later', async ({ browser }) => {
  const { host: annHost, page: ann } = await connectedDevice(browser, 'ann');
  const { host: kimHost, page: kim } = await connectedDevice(browser, 'kim');
  const note = await api<{ id: string }>(annHost.appUrl, 'notes.create', { title: 'Fan alarms', bodyJson: body('Fans failed in summer.') });
  const lesson = await api<{ id: string }>(annHost.appUrl, 'lessons.codify', { noteIds: [note.id] });
  await api(annHost.appUrl, 'lessons.save', { id: lesson.id, title: 'Clean the fan filters before summer', problem: 'Fans failed in the heat.', action: 'Cleaned the filters.', recommendation: 'Clean them every May.', status: 'ready' });
  await gotoRoute(ann, annHost.appUrl, `/lessons/${lesson.id}`);
  const files = ann.locator('.attached-files');
  await files.locator('input[type="file"][multiple]').setInputFiles([
    { name: 'dusty-filter.png', mimeType: 'image/png', buffer: picturePng(320, 240) },
    { name: 'maintenance-log.csv', mimeType: 'text/csv', buffer: Buffer.from('site,date\nS7,2026-05-02\n') },
  ]);
  await expect(files.getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
  await expect(files.getByText('maintenance-log.csv')).toBeVisible();
  await noSeriousViolations(ann, 'a lesson with attached files');
  await ann.getByRole('button', { name: 'Submit for review' }).click();
  await expect(ann.getByText('Submitted', { exact: true }).first()).toBeVisible();
  // Submitted, the lesson and its files wait for the review: nothing can be added or removed.
  await expect(files.getByRole('button', { name: 'Remove dusty-filter.png' })).toHaveCount(0);
  await expect(files.getByText('Attach photo or file')).toHaveCount(0);
  await api(annHost.appUrl, 'sync.now', {});

  await api(kimHost.appUrl, 'sync.now', {});
  await gotoRoute(kim, kimHost.appUrl, '/review');
  await kim.getByRole('link', { name: 'Clean the fan filters before summer' }).click();
  const sent = kim.getByRole('region', { name: 'Pictures and files' });
  await expect(sent.getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
  await expect.poll(() => sent.getByRole('img', { name: 'dusty-filter.png' }).evaluate((img) => (img as HTMLImageElement).naturalWidth)).toBe(320);
  await expect(sent).toContainText('maintenance-log.csv');
  await kim.getByRole('button', { name: 'Publish…' }).click();
  const publish = kim.getByRole('dialog');
  await expect(publish.getByRole('textbox', { name: 'Article text' }).getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
  await publish.getByRole('button', { name: 'Publish', exact: true }).click();
  await expect(kim.getByText('Published', { exact: true }).first()).toBeVisible();
  await kim.getByRole('link', { name: 'Open the article' }).click();
  await expect(kim.getByRole('heading', { level: 1, name: 'Clean the fan filters before summer' })).toBeVisible();
  await expect(kim.getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
  // Later the manager puts it right from the article's page: its next version, the picture kept.
  await kim.getByRole('button', { name: 'Edit the article…' }).click();
  const revise = kim.getByRole('dialog');
  await expect(revise.getByRole('textbox', { name: 'Article text' }).getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
  await revise.getByLabel('Summary').fill('Clean the fan filters every May.');
  await noSeriousViolations(kim, 'the edit-article dialog');
  await revise.getByRole('button', { name: 'Save as version 2' }).click();
  await expect(kim.getByRole('dialog')).toHaveCount(0);
  await expect(kim.getByText('Clean the fan filters every May.')).toBeVisible();
  await expect(kim.getByRole('img', { name: 'dusty-filter.png' })).toBeVisible();
});

test('a field changed on two devices shows both values, and the user keeps the other one', async ({ browser }) => {
  test.setTimeout(120_000);
  const { laptopHost, tabletHost, tablet } = await laptopAndTablet(browser, 'cara');
  const note = await api<{ id: string }>(laptopHost.appUrl, 'notes.create', { title: 'Roof survey', bodyJson: body('Access by ladder.') });
  await api(laptopHost.appUrl, 'sync.now', {});
  await api(tabletHost.appUrl, 'sync.now', {});
  // Apart (as offline): neither device's background sync may send its edit before the other's arrives.
  for (const host of [laptopHost, tabletHost]) await api(host.appUrl, 'sync.setAuto', { auto: false });
  await api(laptopHost.appUrl, 'notes.save', { id: note.id, title: 'Roof survey — north' });
  await api(tabletHost.appUrl, 'notes.save', { id: note.id, title: 'Roof survey — south' });
  await api(laptopHost.appUrl, 'sync.now', {});

  await gotoRoute(tablet, tabletHost.appUrl, '/sync');
  await tablet.getByRole('button', { name: 'Sync now' }).click();
  const conflict = tablet.getByRole('listitem').filter({ hasText: 'Roof survey' });
  await expect(conflict.getByText('Roof survey — north', { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(conflict.getByText('Roof survey — south', { exact: true })).toBeVisible();
  // The other change is named by the device that made it (both of Cara's are called her laptop here).
  await expect(conflict.getByText("cara's laptop (your other device)")).toBeVisible();
  // Named as the user knows it: the kind of record, its title and the field, in the UI's words.
  await expect(conflict.getByRole('heading', { name: 'Note “Roof survey — south” · title' })).toBeVisible();
  await expect(tablet.getByRole('contentinfo').getByRole('link', { name: /1 conflict/ })).toBeVisible();
  await expect(tablet.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sync, 1 conflict to settle' })).toBeVisible();
  await noSeriousViolations(tablet, 'the conflicts list');
  // The note's own page says so too, and leads to the choice.
  await gotoRoute(tablet, tabletHost.appUrl, `/notes/${note.id}`);
  const notice = tablet.getByRole('status').filter({ hasText: 'Changed here and on another device at the same time: title.' });
  await expect(notice).toBeVisible();
  await notice.getByRole('link', { name: 'Choose which to keep' }).click();
  await conflict.getByRole('button', { name: "Keep the other device's" }).click();
  await expect(tablet.getByText('No conflicts.')).toBeVisible();
  await expect(tablet.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Sync', exact: true })).toBeVisible();
  expect((await api<{ title: string }>(tabletHost.appUrl, 'notes.get', { id: note.id })).title).toBe('Roof survey — north');
  await gotoRoute(tablet, tabletHost.appUrl, `/notes/${note.id}`);
  await expect(tablet.getByRole('heading', { level: 1, name: 'Roof survey — north' })).toBeVisible();
  await expect(tablet.getByText('Changed here and on another device')).toBeHidden();
});

test('a sync that would delete many notes waits for the user, shows what, and is rolled back from the history', async ({ browser }) => {
  test.setTimeout(120_000);
  const { laptopHost, tabletHost, tablet } = await laptopAndTablet(browser, 'dan');
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) ids.push((await api<{ id: string }>(laptopHost.appUrl, 'notes.create', { title: `Cabinet ${i}`, bodyJson: body(`Reading ${i}`) })).id);
  await api(laptopHost.appUrl, 'sync.now', {});
  await api(tabletHost.appUrl, 'sync.now', {});
  for (const id of ids) await api(laptopHost.appUrl, 'notes.remove', { id });
  await api(laptopHost.appUrl, 'sync.now', {});

  await gotoRoute(tablet, tabletHost.appUrl, '/sync');
  await tablet.getByRole('button', { name: 'Sync now' }).click();
  const confirm = tablet.getByRole('region', { name: 'This sync would change much on this device' });
  await expect(confirm).toContainText('It would delete 12');
  await expect(confirm.getByRole('listitem').filter({ hasText: /^Note “Cabinet \d+” — deleted$/ }).first()).toBeVisible();
  // Nothing is gone until the user says so.
  expect((await api<unknown[]>(tabletHost.appUrl, 'notes.list', {})).length).toBe(12);
  await confirm.getByRole('button', { name: 'Apply these changes' }).click();
  await expect(confirm).toBeHidden({ timeout: 30_000 });
  // The confirmed run is the one that deletes them (the question goes as it starts; it is done once it has applied).
  const confirmedRun = tablet.getByRole('row').filter({ hasText: 'Confirmed' });
  await expect(confirmedRun).toContainText('Done', { timeout: 30_000 });
  expect(await api<unknown[]>(tabletHost.appUrl, 'notes.list', {})).toEqual([]);

  // It is rolled back from its row in the history.
  await confirmedRun.getByRole('button', { name: 'Roll back' }).click();
  await tablet.getByRole('dialog').getByRole('button', { name: 'Roll back' }).click();
  await expect(tablet.getByText('12 records put back.')).toBeVisible({ timeout: 30_000 });
  expect((await api<unknown[]>(tabletHost.appUrl, 'notes.list', {})).length).toBe(12);
});
