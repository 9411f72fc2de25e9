import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gotoRoute } from './app-api';
import { test, expect, startHost, stopHost, type Host } from './fixtures';

/**
 * The shared pieces of the customer and engagement pages that the main engagements spec does not
 * reach: a record that is not there, removing a contact row, the list's "no matches" and count,
 * and the delete confirmation. Own host and data folder: what it creates stays out of other specs.
 */

let host: Host;
let dataDir: string;

test.beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-e2e-records-'));
  host = await startHost(dataDir);
});

test.afterAll(async () => {
  await stopHost(host);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('a missing record says so, a removed contact row hands focus on, filters count, delete asks first', async ({ page }) => {
  await page.goto(host.appUrl);
  await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();

  // Links to records that are not on this device: the page says which, with the way back.
  await gotoRoute(page, host.appUrl, '/customers/no-such-customer');
  await expect(page.getByRole('heading', { level: 1, name: 'Customer not found' })).toBeVisible();
  await expect(page.getByText('There is no customer "no-such-customer" on this device.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Retry' })).toHaveCount(0);
  await gotoRoute(page, host.appUrl, '/engagements/no-such-engagement/edit');
  await expect(page.getByRole('heading', { level: 1, name: 'Engagement not found' })).toBeVisible();
  await expect(page.getByText('There is no engagement "no-such-engagement" on this device.')).toBeVisible();

  // A customer with two contact rows; the first is removed before saving.
  await gotoRoute(page, host.appUrl, '/customers/new');
  await expect(page.getByRole('heading', { level: 1, name: 'New customer' })).toBeVisible();
  await page.locator('#field-name').fill('Quayside Mobile');
  await page.getByLabel('Kind').selectOption({ label: 'Enterprise' });
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('group', { name: 'Contacts 1' }).getByLabel('Name').fill('Li Wei');
  await page.getByRole('button', { name: 'Add contact' }).click();
  await page.getByRole('group', { name: 'Contacts 2' }).getByLabel('Name').fill('Ana Costa');
  await page.getByRole('button', { name: 'Remove contact Li Wei' }).click();
  await expect(page.getByRole('button', { name: 'Add contact' })).toBeFocused();
  await expect(page.getByRole('group', { name: 'Contacts 2' })).toHaveCount(0);
  await expect(page.getByRole('group', { name: 'Contacts 1' }).getByLabel('Name')).toHaveValue('Ana Costa');
  await page.getByRole('button', { name: 'Save' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Quayside Mobile' })).toBeVisible();
  const contacts = page.getByRole('region', { name: 'Contacts' }).getByRole('row');
  await expect(contacts).toHaveCount(2);
  await expect(contacts.nth(1)).toContainText('Ana Costa');

  // The list: a filter that matches nothing says so; one that matches counts.
  await gotoRoute(page, host.appUrl, '/customers');
  const filter = page.getByLabel('Filter customers');
  await filter.fill('zzz-nothing');
  await expect(page.getByText('No customers match.')).toBeVisible();
  await filter.fill('Quayside');
  await expect(page.getByRole('status').filter({ hasText: '1 customer' })).toBeVisible();
  await page.getByRole('link', { name: 'Quayside Mobile' }).click();

  // Delete asks first: Cancel keeps the customer, Delete removes it.
  await expect(page.getByRole('heading', { level: 1, name: 'Quayside Mobile' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete customer' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete this customer?' });
  await expect(dialog).toContainText('"Quayside Mobile" and its contacts will no longer be listed on this device.');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 1, name: 'Quayside Mobile' })).toBeVisible();
  await page.getByRole('button', { name: 'Delete customer' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('heading', { level: 2, name: 'No customers on this device yet.' })).toBeVisible();
});
