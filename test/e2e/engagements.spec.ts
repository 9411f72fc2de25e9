import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { gotoRoute } from './app-api';
import { test, expect, startHost, stopHost, type Host } from './fixtures';

/**
 * Customers and engagements end to end. These tests run against their own host and data folder:
 * what they create must not show up in other specs that expect an empty device.
 */

const CONTENT = path.resolve(import.meta.dirname, '..', '..', 'resources', 'content');

function scenarioName(id: string): string {
  const scenario = parse(fs.readFileSync(path.join(CONTENT, 'scenarios', `${id}.yaml`), 'utf8')) as { name: { en: string } };
  return scenario.name.en;
}

let host: Host;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-engagements-'));
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a customer with contacts, an engagement for it, found by typing, its stage changed and kept', async ({ page }) => {
  const ics = scenarioName('intelligent-customer-service');
  const nfp = scenarioName('network-fault-prediction');
  await page.goto(host.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();

  // An empty device says so, then leads to the customers.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engagements' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No engagements on this device yet.' })).toBeVisible();
  // With no customer to pick, a new engagement starts on a new customer; untouched, it lets you leave.
  await page.getByRole('link', { name: 'New engagement' }).click();
  await expect(page.getByRole('radio', { name: 'New customer' })).toBeChecked();
  await expect(page.getByLabel('Name', { exact: true })).toBeVisible();
  await page.getByRole('link', { name: /Back to engagements/ }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No engagements on this device yet.' })).toBeVisible();
  await page.getByRole('link', { name: 'Customers' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeFocused();
  await page.getByRole('link', { name: 'New customer' }).click();

  // The customer, with two contacts.
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.locator('#field-name').fill('Harbour Logistics 港务');
  await page.getByLabel('Kind').selectOption({ label: 'Enterprise' });
  await page.getByLabel('Industry').fill('Logistics');
  await page.getByLabel('Region').fill('East');
  await page.getByRole('button', { name: 'Add contact' }).click();
  const first = page.getByRole('group', { name: 'Contacts 1' });
  // A new row takes focus at its name.
  await expect(first.getByLabel('Name')).toBeFocused();
  await first.getByLabel('Name').fill('Zhang Min');
  await first.getByLabel('Role').fill('CIO');
  await first.getByLabel('Email').fill('zhang.min@example.com');
  await page.getByRole('button', { name: 'Add contact' }).click();
  const second = page.getByRole('group', { name: 'Contacts 2' });
  await second.getByLabel('Name').fill('Ola Berg');
  await second.getByLabel('Phone').fill('+46 8 123 456');
  // Ctrl+S saves.
  await page.keyboard.press('Control+S');
  await expect(page.getByRole('heading', { level: 1, name: 'Harbour Logistics 港务' })).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Contacts' }).getByRole('row');
  await expect(contacts).toHaveCount(3);
  await expect(contacts.nth(1)).toContainText('Zhang Min');
  await expect(contacts.nth(1)).toContainText('zhang.min@example.com');
  await expect(contacts.nth(2)).toContainText('+46 8 123 456');

  // An engagement for it: the customer is already chosen.
  await page.getByRole('link', { name: 'New engagement for this customer' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'New engagement' })).toBeVisible();
  await expect(page.getByLabel('Customer', { exact: true })).toHaveValue(/.+/);
  await page.getByLabel('Title').fill('Voicebot and NOC pilot');
  await page.getByRole('checkbox', { name: ics }).check();
  await page.getByRole('checkbox', { name: nfp }).check();
  await page.getByLabel('Start date').fill('2025-06-10');
  await page.getByLabel('End date').fill('2025-06-01');
  await page.getByRole('button', { name: 'Add team member' }).click();
  const member = page.getByRole('group', { name: 'Team 1' });
  await member.getByLabel('Name').fill('Chen Jie');
  await member.getByLabel('Role').fill('Lead consultant');

  // Bad input: the end date before the start date. The message sits next to the field, which takes
  // focus, and everything typed stays.
  await page.getByRole('button', { name: 'Save' }).click();
  const endDate = page.getByLabel('End date');
  await expect(endDate).toHaveAttribute('aria-invalid', 'true');
  await expect(endDate).toHaveAccessibleDescription('Must be on or after the start date.');
  await expect(endDate).toBeFocused();
  await expect(page.getByRole('heading', { level: 1, name: 'New engagement' })).toBeVisible();
  await expect(page.getByLabel('Title')).toHaveValue('Voicebot and NOC pilot');
  await expect(page.getByRole('checkbox', { name: ics })).toBeChecked();
  await expect(page.getByRole('checkbox', { name: nfp })).toBeChecked();
  await expect(page.getByLabel('Start date')).toHaveValue('2025-06-10');
  await expect(member.getByLabel('Role')).toHaveValue('Lead consultant');

  await endDate.fill('2025-09-30');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Voicebot and NOC pilot' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Harbour Logistics 港务' })).toBeVisible();
  await expect(page.getByText('2025-06-10 – 2025-09-30')).toBeVisible();
  await expect(page.getByRole('link', { name: ics })).toHaveAttribute('href', '#/kb?scenario=intelligent-customer-service');
  await expect(page.getByRole('link', { name: nfp })).toBeVisible();
  await expect(page.getByText('Chen Jie')).toBeVisible();
  await expect(page.getByRole('heading', { level: 2, name: 'Proposals' })).toBeVisible();
  await expect(page.getByText('No proposals for this engagement yet')).toBeVisible();

  // A second engagement, so that typing has something to filter out.
  await gotoRoute(page, host.appUrl, '/engagements/new');
  // Saved with nothing filled in: the customer, the title and the scenarios are named at once.
  await expect(page.getByRole('radio', { name: 'Existing customer' })).toBeChecked();
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByLabel('Customer', { exact: true })).toBeFocused();
  await expect(page.getByLabel('Customer', { exact: true })).toHaveAccessibleDescription('Choose a customer, or create a new one.');
  await expect(page.getByLabel('Title')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByText('Choose at least one scenario.')).toBeVisible();
  await page.getByLabel('Customer', { exact: true }).selectOption({ label: 'Harbour Logistics 港务 · East' });
  await page.getByLabel('Title').fill('Churn model review');
  await page.getByRole('checkbox', { name: scenarioName('smart-marketing-churn') }).check();
  await page.getByLabel('Title').press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Churn model review' })).toBeVisible();

  // Found in the list by typing; arrows reach it and Enter opens it.
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Engagements' }).click();
  const rows = page.getByRole('table', { name: 'Engagements' }).locator('tbody tr');
  await expect(rows).toHaveCount(2);
  const filter = page.getByLabel('Title or customer');
  await filter.fill('noc');
  await expect(rows).toHaveCount(1);
  await expect(page.getByRole('status').filter({ hasText: '1 engagement' })).toBeVisible();
  await filter.press('ArrowDown');
  await expect(rows.first().getByRole('link', { name: 'Voicebot and NOC pilot' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: 'Voicebot and NOC pilot' })).toBeVisible();

  // The stage changes in place and is kept across a reload.
  const stage = page.getByLabel('Stage');
  await expect(stage).toHaveValue('discovery');
  await stage.selectOption({ label: 'POC' });
  await expect(page.getByText('Stage changed to POC.')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: 'Voicebot and NOC pilot' })).toBeVisible();
  await expect(page.getByLabel('Stage')).toHaveValue('poc');

  // The list shows the new stage and filters by it.
  await gotoRoute(page, host.appUrl, '/engagements?stage=poc');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('POC');
});

test('leaving an edited form asks first; Escape cancels and keeps what was stored', async ({ page }) => {
  // The page gets its access key from the first visit (without it the app only says so).
  await page.goto(host.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  await gotoRoute(page, host.appUrl, '/customers/new');
  await page.locator('#field-name').fill('Unsaved Co');
  await page.getByRole('navigation', { name: 'Sections' }).getByRole('link', { name: 'Knowledge base' }).click();
  const dialog = page.getByRole('dialog', { name: 'Leave without saving?' });
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Keep editing' }).click();
  await expect(page.locator('#field-name')).toHaveValue('Unsaved Co');

  // Escape asks too, and discarding leaves without storing anything.
  await page.locator('#field-name').press('Escape');
  await dialog.getByRole('button', { name: 'Discard changes' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Customers' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Unsaved Co' })).toHaveCount(0);
});
