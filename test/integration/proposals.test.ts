import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { BUNDLED_PACK, callFail, callOk, startBackend } from '../helpers/backend';
import { ICS_ANSWERS } from '../helpers/ics-assessment';

/** A completed ics assessment on an engagement with a team, dates and two risks. */
async function assessedEngagement(backend: Backend): Promise<{ engagementId: string; sessionId: string }> {
  const customer = await callOk(backend, 'customers.create', { name: '华东电信 Eastern Telecom', kind: 'enterprise', industry: 'telecom' });
  const engagement = await callOk(backend, 'engagements.create', {
    customerId: customer.id,
    title: 'Contact centre pilot',
    scenarios: ['intelligent-customer-service'],
    startDate: '2026-04-06',
    endDate: '2026-06-26',
    team: [
      { name: 'Zhang Min', role: 'Delivery lead' },
      { name: 'Anna Berg', role: 'Conversation designer' },
    ],
  });
  const started = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  const sessionId = started.session.id;
  for (const [questionId, value] of ICS_ANSWERS) await callOk(backend, 'assessments.answer', { sessionId, questionId, value });
  await callOk(backend, 'risks.addFromChecklist', {
    engagementId: engagement.id,
    items: [{ checklistId: 'rc-personal-information', itemId: 'recording-consent' }],
    source: 'assessment',
    sessionId,
    lang: 'en',
  });
  return { engagementId: engagement.id, sessionId };
}

describe('proposals', () => {
  it('explore', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const { engagementId, sessionId } = await assessedEngagement(backend);
    const { proposal, problems } = await callOk(backend, 'proposals.generate', { engagementId, sessionId, templateId: 'poc-ics-voicebot', lang: 'en' });
    const fs = await import('node:fs');
    fs.writeFileSync('/tmp/pc/proposal.json', JSON.stringify({ proposal, problems }, null, 1));
    expect(proposal.sections.length).toBeGreaterThan(3);
    void callFail;
  });
});
