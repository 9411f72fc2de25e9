import type { Page } from '@playwright/test';
import type { TemplateDetail } from '../../core/api/calls/templates';
import { api, gotoRoute } from './app-api';
import { noSeriousViolations } from './axe';
import { test, expect } from './fixtures';

/**
 * Template conditions as a rule builder in words (issue 14): a condition built from the assessment's
 * questions is saved and shown in words on the template page, its JSON Logic under a disclosure; a
 * rule too complex for the builder, typed under Advanced, is kept exactly as written and described;
 * the words follow the language. Each test edits its own copy of a bundled template, so the shared
 * host's bundled templates stay as other specs expect them.
 */

const OSS = 'How many element-management systems (vendors) must alarms be collected from?';
const TICKETS = 'Can predictions be pushed into the trouble-ticket system as pre-emptive tickets?';
const NOC = 'How many predictive tickets can the NOC act on per shift?';
const ALARMS = 'How can alarms be collected for the POC?';

/** A copy of the network-fault-prediction template under a new id, opened on its page. */
async function openCopy(page: Page, appUrl: string): Promise<{ id: string; title: string }> {
  const stamp = `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 6)}`;
  const bundled = await api<TemplateDetail>(appUrl, 'templates.get', { id: 'poc-network-fault-prediction' });
  const id = `rules-e2e-${stamp}`;
  const title = `Rule builder check ${stamp}`;
  await api(appUrl, 'templates.save', { template: { ...bundled.template, id, title: { en: title, zh: `规则构建器检查 ${stamp}` } } });
  await gotoRoute(page, appUrl, `/templates/${id}`);
  await expect(page.getByRole('heading', { level: 1, name: title })).toBeVisible();
  return { id, title };
}

const sectionItem = (page: Page, title: string) => page.locator('.template-sections > li', { has: page.getByRole('heading', { level: 3, name: title }) });

test.describe('template rules in words', () => {
  test.beforeEach(async ({ page, appUrl }) => {
    await page.goto(appUrl);
    await expect(page.getByRole('heading', { level: 1, name: 'Knowledge base' })).toBeVisible();
  });

  test('builds a condition from the questions, saves it and shows it in words, with the JSON under a disclosure', async ({ page, appUrl }) => {
    const { id } = await openCopy(page, appUrl);

    // The bundled rules read as words, not JSON.
    const multiVendor = sectionItem(page, 'Collecting alarms from several vendors');
    await expect(multiVendor).toContainText(`Included when “${OSS}” ≥ 2`);
    await expect(multiVendor.locator('code', { hasText: '{">="' })).toBeHidden();
    await expect(sectionItem(page, 'Executive summary')).toContainText('Always included');

    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();
    const rule = page.getByRole('group', { name: 'When is this section included?' }).first();
    await expect(rule.getByRole('radio', { name: 'Always' })).toBeChecked();
    await rule.getByRole('radio', { name: 'Only when…' }).check();
    await rule.getByLabel('Question of condition 1').selectOption({ label: OSS });
    await rule.getByLabel('Comparison of condition 1').selectOption({ label: '≥' });

    // A value that is not a number is named at the value, and the save waits for it.
    const value = rule.getByLabel('Value of condition 1');
    await value.fill('two');
    await expect(rule.locator('.cell-error')).toHaveText('Enter a number, such as 2 or 1,200.');
    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByRole('alert').filter({ hasText: 'A section’s rule is not finished or not valid' })).toBeVisible();

    // Typed as people type numbers; the words and the JSON under Advanced follow.
    await value.fill('1,200');
    await expect(rule.locator('.cell-error')).toHaveCount(0);
    await expect(rule.locator('.tpl-rule-preview')).toHaveText(`Include when “${OSS}” ≥ 1,200`);
    await rule.getByText('Advanced (JSON Logic)').click();
    await expect(rule.getByLabel('Rule in JSON Logic (empty: always)')).toHaveValue('{">=":[{"var":"oss-vendor-count"},1200]}');

    // A second condition, any of the two.
    await rule.getByRole('button', { name: 'Add a condition' }).click();
    await rule.getByLabel('Question of condition 2').selectOption({ label: TICKETS });
    await rule.getByLabel('Value of condition 2').selectOption({ label: 'No' });
    await rule.getByLabel('Conditions to meet').selectOption({ label: 'Any of these' });
    await expect(rule.locator('.tpl-rule-preview')).toHaveText(`Include when “${OSS}” ≥ 1,200 or “${TICKETS}” is No`);
    await noSeriousViolations(page, 'the template editor with a rule built');

    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
    const summary = sectionItem(page, 'Executive summary');
    await expect(summary).toContainText(`Included when “${OSS}” ≥ 1,200 or “${TICKETS}” is No`);
    await summary.getByText('JSON Logic').click();
    await expect(summary.locator('details code')).toHaveText('{"or":[{">=":[{"var":"oss-vendor-count"},1200]},{"==":[{"var":"ticket-api"},false]}]}');
    const saved = await api<TemplateDetail>(appUrl, 'templates.get', { id });
    expect(saved.template.sections[0]?.when).toEqual({ or: [{ '>=': [{ var: 'oss-vendor-count' }, 1200] }, { '==': [{ var: 'ticket-api' }, false] }] });

    // The editor opens the saved rule in the builder again.
    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();
    const again = page.getByRole('group', { name: 'When is this section included?' }).first();
    await expect(again.getByRole('radio', { name: 'Only when…' })).toBeChecked();
    await expect(again.getByLabel('Value of condition 1')).toHaveValue('1200');
    await expect(again.getByLabel('Conditions to meet')).toHaveValue('any');
  });

  test('builds "is one of" with a checkbox per choice, saves it as an in-list rule and words it', async ({ page, appUrl }) => {
    const { id } = await openCopy(page, appUrl);
    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();
    const rule = page.getByRole('group', { name: 'When is this section included?' }).first();
    await rule.getByRole('radio', { name: 'Only when…' }).check();
    await rule.getByLabel('Question of condition 1').selectOption({ label: ALARMS });
    await rule.getByLabel('Value of condition 1').selectOption({ label: 'Periodic exports by the OSS team' });
    await rule.getByLabel('Comparison of condition 1').selectOption({ label: 'is one of' });
    // The choice the row had stays ticked; nothing ticked is named at the choices.
    const choices = rule.getByRole('group', { name: 'Choices for condition 1' });
    await expect(choices.getByRole('checkbox', { name: 'Periodic exports by the OSS team' })).toBeChecked();
    await choices.getByRole('checkbox', { name: 'Periodic exports by the OSS team' }).uncheck();
    await expect(rule.locator('.cell-error')).toHaveText('Choose or enter a value.');
    await choices.getByRole('checkbox', { name: 'Not available' }).check();
    await choices.getByRole('checkbox', { name: 'Periodic exports by the OSS team' }).check();
    await expect(rule.locator('.tpl-rule-preview')).toHaveText(`Include when “${ALARMS}” is one of “Periodic exports by the OSS team”, “Not available”`);
    await noSeriousViolations(page, 'the template editor with an "is one of" condition');

    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
    const saved = await api<TemplateDetail>(appUrl, 'templates.get', { id });
    expect(saved.template.sections[0]?.when).toEqual({ in: [{ var: 'alarm-interface' }, ['file-dump', 'none']] });
    await expect(sectionItem(page, 'Executive summary')).toContainText(`Included when “${ALARMS}” is one of “Periodic exports by the OSS team”, “Not available”`);

    // Opened again, in the builder; back to "is" keeps the first choice.
    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();
    const again = page.getByRole('group', { name: 'When is this section included?' }).first();
    await expect(again.getByLabel('Comparison of condition 1')).toHaveValue('oneOf');
    await again.getByLabel('Comparison of condition 1').selectOption({ label: 'is' });
    await expect(again.getByLabel('Value of condition 1')).toHaveValue('file-dump');
  });

  test('keeps a rule too complex for the builder as written, describes it, and words it in Chinese', async ({ page, appUrl }) => {
    const { id } = await openCopy(page, appUrl);
    await page.getByRole('button', { name: /^Edit \(saves version \d+\)$/ }).click();

    const rule = page.getByRole('group', { name: 'When is this section included?' }).nth(1);
    const complex = '{"and":[{"==":[{"var":"ticket-api"},true]},{"or":[{">":[{"var":"noc-capacity"},0]},{"<":[1,{"var":"oss-vendor-count"},5]}]}]}';
    await rule.getByText('Advanced (JSON Logic)').click();
    await rule.getByLabel('Rule in JSON Logic (empty: always)').fill(complex);
    await expect(rule).toContainText('This rule is too complex for the builder and is kept as written; edit it under Advanced.');
    await expect(rule).toContainText(`Include when “${TICKETS}” is Yes and (“${NOC}” > 0 or 1 < “${OSS}” < 5)`);
    await expect(rule.getByRole('radio')).toHaveCount(0);

    await page.getByRole('button', { name: /^Save as version \d+$/ }).click();
    await expect(page.getByText(/^Saved as version \d+\.$/)).toBeVisible();
    const saved = await api<TemplateDetail>(appUrl, 'templates.get', { id });
    expect(JSON.stringify(saved.template.sections[1]?.when)).toBe(complex);
    const objectives = sectionItem(page, 'Objectives and scope');
    await expect(objectives).toContainText(`Included when “${TICKETS}” is Yes and (“${NOC}” > 0 or 1 < “${OSS}” < 5)`);

    // The same rules in Chinese.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
    await expect(sectionItem(page, '多厂商告警采集')).toContainText('满足以下条件时包含：“需要从多少套网元管理系统（厂商）采集告警？” ≥ 2');
    await expect(sectionItem(page, '目标与范围')).toContainText('满足以下条件时包含：“预测结果能否作为预防性工单推送到故障工单系统？”为“是” 且');
    await expect(sectionItem(page, '执行摘要')).toContainText('始终包含');
  });
});
