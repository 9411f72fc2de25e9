import type { Locator, Page } from '@playwright/test';
import { pricingTotals } from '../../core/proposals/money';
import type { Pricing, ProposalDetail } from '../../core/proposals/types';
import { api, completedIcsAssessment, gotoRoute as goto } from './app-api';
import { test, expect } from './fixtures';

/**
 * Proposals as pre-sales staff use them: from an engagement with a completed ICS assessment,
 * generate a proposal, edit a section, fill an unresolved variable, set prices and a discount
 * (totals checked against core's arithmetic), save a version, change the proposal, compare the two
 * with the differences marked, restore the version, send the proposal and mark it won with a reason.
 */

const outline = (page: Page): Locator => page.getByRole('navigation', { name: 'Proposal outline' });
const saved = (page: Page): Locator => page.locator('.proposal-save[role="status"]', { hasText: /^Saved \d/ });

test.describe('proposals', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('generates, edits, prices, versions, compares, restores, sends and wins a proposal', async ({ page, appUrl }) => {
    const { engagementId } = await completedIcsAssessment(appUrl);

    // From the engagement page: New proposal, with the completed assessment and an ICS template preselected.
    await goto(page, appUrl, `/engagements/${engagementId}`);
    const panel = page.getByRole('region', { name: 'Proposals' });
    await expect(panel.getByText('No proposals for this engagement yet.')).toBeVisible();
    await panel.getByRole('button', { name: 'New proposal' }).click();
    const dialog = page.getByRole('dialog', { name: 'New proposal' });
    await expect(dialog.getByLabel('Assessment')).toHaveValue(/.+/);
    await dialog.getByLabel('Template', { exact: true }).selectOption('poc-ics-voicebot');
    await dialog.getByLabel('English').check();
    await dialog.getByRole('button', { name: 'Generate' }).click();
    await expect(page).toHaveURL(/#\/proposals\/[\w-]+$/);
    const proposalId = /#\/proposals\/([\w-]+)$/.exec(page.url())?.[1] ?? '';
    await expect(page.getByRole('heading', { level: 1 })).toContainText(/voice/i);

    // The engagement has no team: the delivery lead is an unresolved variable, highlighted with its reason.
    const count = page.getByTestId('unresolved-count');
    await expect(count).toContainText(/unresolved variable/);
    const before = Number(/(\d+)/.exec((await count.textContent()) ?? '')?.[1] ?? '0');
    await page.getByRole('button', { name: 'Next unresolved' }).click();
    const variable = page.locator('.rt-variable:focus');
    await expect(variable).toBeVisible();
    await expect(variable.locator('.rt-variable-reason')).toBeVisible();
    await page.keyboard.press('Enter');
    const fill = page.getByRole('dialog', { name: /^Replace \{\{/ });
    await fill.getByLabel('Text').fill('Zhang Min');
    await fill.getByRole('button', { name: 'Replace with text' }).click();
    await expect(count).not.toContainText(`${before} unresolved`);

    // Edit the executive summary.
    await outline(page).getByRole('button', { name: /Executive summary/ }).click();
    const summary = page.getByRole('textbox', { name: /Text of “Executive summary”/ });
    // Click into the last paragraph (a click in the middle may land anywhere), then go to its end.
    await summary.locator('p').last().click();
    await expect(summary).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.press('Enter');
    await page.keyboard.type('Agreed with the contact centre director on site.');
    await expect(summary.locator('p').last()).toHaveText('Agreed with the contact centre director on site.');
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });

    // Pricing: a price that is not a number is marked at its cell and not saved; then real prices and a discount.
    await outline(page).getByRole('button', { name: /Commercial terms/ }).click();
    const unitPrice1 = page.getByLabel('Unit price, line 1');
    const amounts = page.getByTestId('pricing-line-net');
    // A decimal comma is named at its cell; the totals wait, but the other lines keep their amounts.
    await unitPrice1.fill('2800,5');
    await expect(page.locator('.cell-error').first()).toContainText('decimals take a point, e.g. 2800.5');
    await expect(page.getByTestId('pricing-total')).toHaveText('—');
    await expect(amounts.nth(0)).toHaveText('—');
    await expect(amounts.nth(1)).toHaveText(/^CNY [\d,]+\.\d\d$/);
    // Figures as people type them: grouped thousands, full-width digits.
    await unitPrice1.fill('3,000');
    await page.getByLabel('Quantity, line 2').fill('４０');
    await page.getByLabel('Overall discount', { exact: true }).selectOption('percent');
    await page.getByLabel('Overall discount value').fill('10');
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });
    const stored = await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId });
    expect(stored.pricing.lines[0]?.unitPrice).toBe('3000');
    expect(stored.pricing.discount).toEqual({ kind: 'percent', value: '10' });
    const expected = pricingTotals(stored.pricing as Pricing);
    const grouped = (v: string): string => `CNY ${v.replace(/\B(?=(\d{3})+(?!\d))/g, ',')}`;
    await expect(page.getByTestId('pricing-subtotal')).toHaveText(grouped(expected.subtotal));
    await expect(page.getByTestId('pricing-total')).toHaveText(grouped(expected.total));

    // Save a version, then change the proposal.
    await page.getByLabel('Version name').fill('Priced for review');
    await page.getByRole('button', { name: 'Save version' }).click();
    await expect(page.getByText('Saved version “Priced for review”.')).toBeVisible();
    await page.getByLabel('Overall discount value').fill('15');
    await outline(page).getByRole('button', { name: /Executive summary/ }).click();
    await summary.locator('p').last().click();
    await expect(summary).toBeFocused();
    await page.keyboard.press('Control+End');
    await page.keyboard.type(' Budget approved in principle.');
    await expect(summary.locator('p').last()).toContainText('Budget approved in principle.');
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });

    // Compare the version with the current proposal: inserted words are marked.
    const [version] = await api<{ id: string; name: string }[]>(appUrl, 'proposals.versions', { id: proposalId });
    expect(version?.name).toBe('Priced for review');
    await page.getByLabel('Compare', { exact: true }).selectOption(version?.id ?? '');
    await page.getByLabel('with', { exact: true }).selectOption('current');
    await page.getByRole('button', { name: 'Compare', exact: true }).click();
    const diff = page.getByRole('region', { name: 'Differences' });
    await expect(diff.locator('ins', { hasText: 'Budget' })).toBeVisible();
    await expect(diff.getByText(/Total: CNY .* → CNY /)).toBeVisible();
    const discountRow = diff.getByRole('row', { name: /Overall discount/ });
    await expect(discountRow.locator('del')).toHaveText('10 (percent)');
    await expect(discountRow.locator('ins')).toHaveText('15 (percent)');

    // Restore the version (after a confirmation): the added sentence is gone.
    await page.getByRole('button', { name: 'Restore Priced for review' }).click();
    const confirm = page.getByRole('dialog', { name: 'Restore “Priced for review”?' });
    await confirm.getByRole('button', { name: 'Restore this version' }).click();
    await expect(page.getByText('Restored “Priced for review”.')).toBeVisible();
    await outline(page).getByRole('button', { name: /Executive summary/ }).click();
    await expect(page.getByRole('textbox', { name: /Text of “Executive summary”/ })).toContainText('Agreed with the contact centre director on site.');
    await expect(page.getByRole('textbox', { name: /Text of “Executive summary”/ })).not.toContainText('Budget approved');
    const restored = await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId });
    expect(restored.pricing.discount.value).toBe('10');

    // Status: draft → internal review → sent.
    await page.getByRole('button', { name: 'Move to Internal review' }).click();
    await page.getByRole('button', { name: 'Move to Sent' }).click();
    await expect(page.getByRole('group', { name: 'Status' }).locator('.proposal-status')).toHaveText('Sent');
    await expect((await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId })).status).toBe('sent');

    // Won needs a reason, kept for win/loss analytics.
    await page.getByRole('button', { name: 'Move to Won' }).click();
    const reason = page.getByRole('dialog', { name: 'Mark as Won' });
    await reason.getByRole('button', { name: 'Mark as Won' }).click();
    await expect(reason.getByRole('alert')).toHaveText('Give a reason.');
    await reason.getByLabel('Reason').fill('Best containment results in the pilot');
    await reason.getByRole('button', { name: 'Mark as Won' }).click();
    await expect(page.getByRole('group', { name: 'Status' }).locator('.proposal-status')).toHaveText('Won');
    await expect(page.getByText('This proposal is closed.')).toBeVisible();
    const won = await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId });
    expect([won.status, won.statusReason]).toEqual(['won', 'Best containment results in the pilot']);

    // Won is what the customer signed: the editor shows it without a toolbar and takes no typing; each move kept a version.
    await expect(page.getByTestId('proposal-locked')).toContainText('This proposal is Won');
    await expect(page.getByRole('toolbar', { name: 'Formatting' })).toHaveCount(0);
    await expect(page.locator('.rt-root').first()).toHaveAttribute('contenteditable', 'false');
    await expect(page.locator('#proposal-title')).toHaveAttribute('readonly', '');
    const kept = await api<{ name: string }[]>(appUrl, 'proposals.versions', { id: proposalId });
    expect(kept.map((v) => v.name).slice(0, 3)).toEqual(['As Won', 'As Sent', 'As Internal review']);
    // A new revision is an editable copy, opened at once; the won proposal stays as it was.
    await page.getByRole('button', { name: 'New revision' }).click();
    await expect(page).not.toHaveURL(new RegExp(`#/proposals/${proposalId}$`));
    await expect(page.getByTestId('proposal-locked')).toHaveCount(0);
    await expect(page.getByRole('toolbar', { name: 'Formatting' })).toBeVisible();
    await expect(page.locator('#proposal-title')).toHaveValue(won.title);
    expect((await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposalId })).status).toBe('won');

    // The list shows it with its status and total.
    await goto(page, appUrl, '/proposals?status=won');
    await expect(page.getByRole('link', { name: restored.title })).toBeVisible();
  });

  test('highlights an unknown variable with its reason and fills it in', async ({ page, appUrl }) => {
    const { engagementId, sessionId } = await completedIcsAssessment(appUrl);
    const generated = await api<{ proposal: ProposalDetail }>(appUrl, 'proposals.generate', { engagementId, sessionId, templateId: 'poc-ics-voicebot', lang: 'en' });
    const proposal = generated.proposal;
    // A body written from an older template: one misspelt variable the editor must show.
    const [first, ...rest] = proposal.sections;
    const misspelt = JSON.stringify({
      root: {
        type: 'root',
        version: 1,
        direction: null,
        format: '',
        indent: 0,
        children: [
          {
            type: 'paragraph',
            version: 1,
            direction: null,
            format: '',
            indent: 0,
            textFormat: 0,
            textStyle: '',
            children: [
              { type: 'text', version: 1, text: 'Prepared for ', format: 0, style: '', mode: 'normal', detail: 0 },
              { type: 'variable', version: 1, name: 'customer.nmae', reason: 'unknown', suggestion: 'customer.name' },
            ],
            $: { provenance: [{ kind: 'template', ref: 'poc-ics-voicebot@1#executive-summary', label: 'Executive summary' }] },
          },
        ],
      },
    });
    await api(appUrl, 'proposals.save', { id: proposal.id, sections: [{ ...first!, bodyJson: misspelt }, ...rest] });

    await goto(page, appUrl, `/proposals/${proposal.id}`);
    const unknown = page.locator('.rt-variable-unknown', { hasText: '{{customer.nmae}}' });
    await expect(unknown).toBeVisible();
    await unknown.focus();
    await expect(unknown.locator('.rt-variable-reason')).toHaveText('Unknown variable: templates have no such field. Did you mean customer.name?');

    // The block's source is shown in the margin when asked for.
    await page.getByRole('button', { name: 'Show sources' }).click();
    await expect(page.getByTestId('source-marker').first()).toHaveAttribute('aria-label', 'From: template section Executive summary');

    // Pasting a table of 2,000 rows is refused with a clear message; the text stays as it was and editable.
    const text = page.getByRole('textbox', { name: /Text of/ });
    await text.click();
    await page.keyboard.press('Control+End');
    await text.evaluate((element) => {
      const rows = Array.from({ length: 2000 }, (_, i) => `<tr><td>Site ${i + 1}</td><td>${i * 3}</td></tr>`).join('');
      const data = new DataTransfer();
      data.setData('text/html', `<table><tbody>${rows}</tbody></table>`);
      data.setData('text/plain', 'rows');
      element.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    });
    await expect(page.getByRole('alert').filter({ hasText: 'The pasted table has 2,000 rows; a proposal table can have at most 500.' })).toBeVisible();
    await expect(text.locator('table')).toHaveCount(0);
    await page.keyboard.type(' Still editable.');
    await expect(text).toContainText('Still editable.');

    await unknown.click();
    const fill = page.getByRole('dialog', { name: 'Replace {{customer.nmae}}' });
    await fill.getByLabel('Text').fill('Harbour Telecom');
    await fill.getByRole('button', { name: 'Replace with text' }).click();
    await expect(text).toContainText('Prepared for Harbour Telecom');
    await expect(saved(page)).toBeVisible({ timeout: 10_000 });
    const stored = await api<ProposalDetail>(appUrl, 'proposals.get', { id: proposal.id });
    expect(stored.sections[0]?.bodyJson).not.toContain('customer.nmae');
    expect(stored.sections[0]?.bodyJson).toContain('Prepared for Harbour Telecom');
  });

  test('edits a template into a new version, with a broken rule and a misspelt variable shown at their fields', async ({ page, appUrl }) => {
    await goto(page, appUrl, '/proposals');
    await page.getByRole('link', { name: 'Templates' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'POC templates' })).toBeVisible();
    await page.getByRole('link', { name: 'Base-station energy saving POC' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Base-station energy saving POC' })).toBeVisible();
    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();

    // A rule that is not JSON (typed under Advanced) is named at its field as it is typed, and nothing is sent.
    await page.getByRole('group', { name: 'When is this section included?' }).first().getByText('Advanced (JSON Logic)').click();
    const rule = page.locator('#tpl-s0-when');
    await rule.fill('{"==": [');
    await expect(page.locator('.prop-field', { has: rule }).locator('.cell-error')).toContainText('This rule is not valid JSON');
    await rule.fill('');

    // A misspelt variable is refused by the backend and shown at the body it is in.
    const body = page.locator('#tpl-s0-body-en');
    await body.fill('Prepared for {{customer.nmae}}.');
    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.locator('.prop-field', { has: body }).locator('.cell-error')).toContainText('did you mean customer.name?');

    // Fixed with the variable picker, then saved as a new version.
    await body.fill('Prepared for ');
    await body.press('End');
    await page.getByLabel('Variables').selectOption('customer.name');
    await page.getByRole('button', { name: 'Insert into the last body edited' }).click();
    await expect(body).toHaveValue('Prepared for {{customer.name}}');
    await page.locator('#tpl-title-en').fill('Base-station energy saving POC (revised)');
    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
    await expect(page.getByRole('heading', { level: 1, name: 'Base-station energy saving POC (revised)' })).toBeVisible();
    await expect(page.locator('.template-body').first()).toHaveText('Prepared for {{customer.name}}');
  });
});
