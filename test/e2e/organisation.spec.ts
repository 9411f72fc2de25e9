import sharp from 'sharp';
import { DEFAULT_ORGANISATION } from '../../core/organisation/profile';
import type { ProposalDetail } from '../../core/proposals/types';
import { api, completedIcsAssessment, gotoRoute } from './app-api';
import { test, expect } from './fixtures';
import { noSeriousViolations } from './axe';

/** A 300 × 80 PNG logo. */
const logoPng = (): Promise<Buffer> => sharp({ create: { width: 300, height: 80, channels: 3, background: '#1f3a5f' } }).png().toBuffer();

/**
 * The organisation profile in Settings: a wrong field is named under it and nothing is saved;
 * once saved, the proposal's cover names the sender, its quote number and how long it is valid,
 * and ends with an acceptance block for both sides.
 */

test('the organisation profile is saved in Settings and names the sender on every proposal', async ({ page, appUrl }) => {
  await page.goto(appUrl);
  await page.getByRole('link', { name: 'Settings' }).click();
  const section = page.getByRole('region', { name: 'Your organisation' });
  await expect(section.getByLabel('Name (English)')).toHaveValue('');

  await section.getByLabel('Name (English)').fill('Northwind AI Solutions');
  await section.getByLabel('Name (Chinese)').fill('北风智能');
  await section.getByLabel('Contact person').fill('Wang Fang');
  await section.getByLabel('Contact e-mail').fill('wang.fang at example');
  await section.getByLabel('Quotations valid for (days)').fill('thirty');
  await section.getByRole('button', { name: 'Save organisation' }).click();
  await expect(section.getByText('Enter a whole number of days.')).toBeVisible();
  await section.getByLabel('Quotations valid for (days)').fill('30');
  await section.getByRole('button', { name: 'Save organisation' }).click();
  // The e-mail is named under its field; nothing was stored.
  await expect(section.getByLabel('Contact e-mail')).toHaveAttribute('aria-invalid', 'true');
  await expect(section.locator('#field-contact-email-error')).toHaveText(/e-mail/);
  expect((await api<{ name: { en: string } }>(appUrl, 'organisation.get', {})).name.en).toBe('');
  await noSeriousViolations(page, 'the organisation form with an error');

  await section.getByLabel('Contact e-mail').fill('wang.fang@example.com');
  await section.getByRole('button', { name: 'Save organisation' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  expect(await api(appUrl, 'organisation.get', {})).toMatchObject({ name: { en: 'Northwind AI Solutions', zh: '北风智能' }, validityDays: 30 });

  // The logo is stored as soon as it is chosen; amounts with symbols; new documents in Chinese.
  const logo = page.getByRole('region', { name: 'Logo' });
  await expect(logo).toContainText('No logo');
  await logo.locator('input[type="file"]').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('not a picture') });
  await expect(logo.getByRole('alert')).toContainText('The logo was not changed');
  await logo.locator('input[type="file"]').setInputFiles({ name: 'northwind.png', mimeType: 'image/png', buffer: await logoPng() });
  await expect(logo.getByRole('img', { name: 'Your logo (northwind.png)' })).toBeVisible();
  await expect(logo.getByRole('alert')).toHaveCount(0);
  await section.getByLabel('Amounts in documents').selectOption('symbol');
  await section.getByLabel('Language of new documents').selectOption('zh');
  await section.getByRole('button', { name: 'Save organisation' }).click();
  await expect(section.getByRole('status')).toHaveText('Saved.');
  // Saving the form kept the logo.
  await expect(logo.getByRole('img', { name: 'Your logo (northwind.png)' })).toBeVisible();

  // A proposal's print page (what its PDF is): the sender on the cover, the acceptance block at the end.
  const { engagementId } = await completedIcsAssessment(appUrl, { customer: 'Harbour Telecom 港湾电信', title: 'Voice pilot' });
  const { proposal } = await api<{ proposal: ProposalDetail }>(appUrl, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
  await gotoRoute(page, appUrl, `/proposals/${proposal.id}/print`);
  const sheet = page.getByTestId('proposal-print');
  await expect(sheet).toContainText('Prepared by:');
  await expect(sheet).toContainText('Northwind AI Solutions');
  await expect(sheet).toContainText('Wang Fang · wang.fang@example.com');
  await expect(sheet).toContainText(/Quote no\.:\s*Q-\d{6}-[A-Z0-9]{6}/);
  await expect(sheet).toContainText('Valid until:');
  await expect(sheet).not.toContainText('Status:');
  await expect(sheet.getByRole('heading', { name: 'Acceptance' })).toBeVisible();
  await expect(sheet.getByRole('columnheader', { name: 'Northwind AI Solutions' })).toBeVisible();
  // The logo heads the sheet, loaded, and totals carry the symbol.
  const sheetLogo = sheet.getByRole('img', { name: 'Northwind AI Solutions' });
  await expect(sheetLogo).toBeVisible();
  expect(await sheetLogo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(300);
  await expect(sheet.locator('tr.doc-total').last()).toContainText(/¥[\d,]+\.\d\d/);

  // A new proposal starts in the language chosen for new documents.
  await gotoRoute(page, appUrl, `/engagements/${engagementId}`);
  await page.getByRole('region', { name: 'Proposals' }).getByRole('button', { name: 'New proposal' }).click();
  const dialog = page.getByRole('dialog', { name: 'New proposal' });
  await expect(dialog.getByRole('radio', { name: '简体中文' })).toBeChecked();
  await page.keyboard.press('Escape');

  // The host is shared with the specs that follow: leave no organisation behind.
  const { logo: _logo, ...defaults } = DEFAULT_ORGANISATION;
  await api(appUrl, 'organisation.save', { profile: defaults });
  await api(appUrl, 'organisation.removeLogo', {});
});
