import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test, expect, startHost, stopHost, type Host } from './fixtures';
import { api, gotoRoute, newEngagement } from './app-api';

/**
 * Durability: answers acknowledged in the runner ("Saved" shown) survive the host being killed
 * (SIGKILL, no shutdown at all) right after, and are all there when a new host opens the folder.
 */
test('every answer shown as saved survives a SIGKILL of the host', async ({ page }) => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'fieldbench-crash-'));
  let host: Host | undefined;
  let second: Host | undefined;
  try {
    host = await startHost(dataDir);
    const engagement = await newEngagement(host.appUrl);
    const started = await api<{ session: { id: string } }>(host.appUrl, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
    const sessionId = started.session.id;
    await page.goto(host.appUrl);
    await gotoRoute(page, host.appUrl, `/assessments/${sessionId}`);
    await page.getByRole('button', { name: 'Whole section' }).click();

    const card = (id: string) => page.locator(`[data-question="${id}"]`);
    // The answer field is named by the question; the note field has its own label.
    const answerField = (id: string) => card(id).getByRole('textbox').first();
    // Quickly, without waiting between answers.
    await card('channels').getByRole('checkbox', { name: 'Voice hotline' }).check();
    await card('channels').getByRole('checkbox', { name: 'Web chat' }).check();
    await answerField('monthly-contacts').fill('250000');
    await answerField('agents').fill('120');
    await answerField('pain-points').fill('Queues at month end; 排队');
    for (const id of ['channels', 'monthly-contacts', 'agents', 'pain-points']) await expect(card(id).getByText(/^Saved \d/)).toBeVisible();

    host.process.kill('SIGKILL');
    await new Promise((resolve) => host?.process.once('exit', resolve));

    second = await startHost(dataDir);
    const detail = await api<{ answers: Record<string, { value: unknown }> }>(second.appUrl, 'assessments.get', { id: sessionId });
    expect(Object.fromEntries(Object.entries(detail.answers).map(([id, a]) => [id, a.value]))).toEqual({
      channels: ['voice', 'web-chat'],
      'monthly-contacts': 250000,
      agents: 120,
      'pain-points': 'Queues at month end; 排队',
    });
  } finally {
    if (second) await stopHost(second);
    if (host) await stopHost(host);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
});
