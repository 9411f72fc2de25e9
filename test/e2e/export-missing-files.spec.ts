import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Download, Page } from '@playwright/test';
import type { ProposalDetail } from '../../core/proposals/types';
import { documentJson, paragraph, textNode } from '../../core/richtext/build';
import { blocksOf } from '../../core/richtext/walk';
import { icsDefinition } from '../helpers/ics-assessment';
import { picturePng } from '../helpers/png';
import { api, completedIcsAssessment, docxText, gotoRoute } from './app-api';
import { test, expect } from './fixtures';
import { noSeriousViolations } from './axe';

/**
 * A photo whose file is not on this device: before the report or the proposal is exported, the
 * dialog names it and where it belongs and asks "export anyway?"; the document then keeps a
 * placeholder where the picture belongs.
 */

const sha256 = (bytes: Buffer): string => crypto.createHash('sha256').update(bytes).digest('hex');


async function downloaded(page: Page, click: () => Promise<void>): Promise<{ name: string; bytes: Buffer }> {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  return { name: download.suggestedFilename(), bytes: fs.readFileSync(await (download as Download).path()) };
}

test('the report export lists a photo that is not on this device and exports anyway with a placeholder', async ({ page, appUrl, dataDir }) => {
  const png = picturePng(120, 80);
  const { sessionId } = await completedIcsAssessment(appUrl, { customer: 'Lost Photo Telecom', photo: { name: 'queue-board.png', png, caption: 'Queue board at 10:00' } });
  fs.rmSync(path.join(dataDir, 'attachments', sha256(png)));
  const question = icsDefinition()
    .sections.flatMap((s) => s.questions)
    .find((q) => q.id === 'current-process-photos');

  await page.goto(appUrl);
  await gotoRoute(page, appUrl, `/assessments/${sessionId}/results`);
  await page.getByRole('button', { name: 'Export DOCX…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Export the report as a Word document' });
  // About how large the file will be, told before it is written: the signature; the missing photo counts for nothing.
  await expect(dialog.getByTestId('export-size')).toHaveText(/^The Word file will be about \d+ kB, with 1 picture at print size\.$/);
  await dialog.getByRole('button', { name: 'Download DOCX' }).click();
  const warning = dialog.getByTestId('missing-files');
  await expect(warning).toContainText('1 photo is not on this device:');
  await expect(warning.getByRole('listitem')).toHaveText(new RegExp(`^queue-board\\.png \\(Queue board at 10:00\\) — in “\\d+\\.\\d+ ${question?.text.en ?? '?'}”$`));
  await expect(warning).toContainText('Export anyway?');
  await noSeriousViolations(page, 'the report export dialog listing a missing photo');

  const docx = await downloaded(page, () => dialog.getByRole('button', { name: 'Export anyway' }).click());
  expect(docx.name).toMatch(/^assessment-report-Lost-Photo-Telecom-.+-en\.docx$/);
  expect(await docxText(docx.bytes)).toContain('[Image: Queue board at 10:00]');
  await expect(dialog.getByRole('status')).toContainText('Downloaded');
  await expect(warning).toBeHidden();
  // After the download the dialog still closes with Escape.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
});

test('the proposal export asks before exporting without an image that is not on this device', async ({ page, appUrl, dataDir }) => {
  const { engagementId } = await completedIcsAssessment(appUrl, { customer: 'Lost Image Telecom' });
  const { proposal } = await api<{ proposal: ProposalDetail }>(appUrl, 'proposals.generate', { engagementId, templateId: 'poc-ics-voicebot', lang: 'en' });
  const png = picturePng(90, 60, { accent: '#285ac8' });
  const attached = await api<{ sha256: string }>(appUrl, 'attachments.add', { ownerTable: 'engagements', ownerId: engagementId, name: 'site-visit.png', mime: 'image/png', data: png });
  const [first, ...rest] = proposal.sections;
  if (!first) throw new Error('the proposal has no sections');
  const bodyJson = documentJson([...blocksOf(first.bodyJson), paragraph([textNode('The site: '), { type: 'image', version: 1, sha256: attached.sha256, altText: 'Site visit' }])]);
  await api(appUrl, 'proposals.save', { id: proposal.id, sections: [{ ...first, bodyJson }, ...rest] });
  fs.rmSync(path.join(dataDir, 'attachments', attached.sha256));

  await page.goto(appUrl);
  await gotoRoute(page, appUrl, `/proposals/${proposal.id}`);
  const exportGroup = page.getByRole('group', { name: 'Export' });
  await exportGroup.getByRole('button', { name: 'Word (DOCX)' }).click();
  // One dialog before the export: what the recipient would notice (unfilled variables here), then the missing picture.
  const dialog = page.getByRole('dialog', { name: 'Before you send this' });
  await expect(dialog.getByTestId('export-findings')).toContainText('which is not filled in');
  await expect(dialog.getByTestId('missing-files')).toContainText('1 image is not on this device:');
  await expect(dialog.getByTestId('missing-files').getByRole('listitem')).toHaveText(`site-visit.png (Site visit) — in “1 ${first.title}”`);
  await noSeriousViolations(page, 'the proposal export asking about a missing image');

  // Cancel exports nothing; Export anyway writes the document with the placeholder.
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await exportGroup.getByRole('button', { name: 'Word (DOCX)' }).click();
  const docx = await downloaded(page, () => dialog.getByRole('button', { name: 'Export anyway' }).click());
  expect(docx.name).toMatch(/\.docx$/);
  expect(await docxText(docx.bytes)).toContain('The site: [Image: Site visit]');
});
