import type { Backend } from '../../electron/backend/backend';
import { callOk } from './backend';
import { ICS_ANSWERS } from './ics-assessment';

// A 1×1 PNG: the sign-off signature.
const SIGNATURE = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

/** An engagement with a completed ics assessment and a risk from the checklist, as the on-site tests leave it. */
export async function assessedEngagement(backend: Backend): Promise<string> {
  return (await assessedSession(backend)).engagementId;
}

/** The same, with the assessment session; `team` is the engagement's team (its first member leads). */
export async function assessedSession(backend: Backend, team: { name: string; role: string }[] = [{ name: 'Zhang Min', role: 'Delivery lead' }]): Promise<{ engagementId: string; sessionId: string }> {
  const customer = await callOk(backend, 'customers.create', { name: '华东电信 Eastern Telecom', kind: 'enterprise', industry: 'telecom' });
  const engagement = await callOk(backend, 'engagements.create', {
    customerId: customer.id,
    title: 'Contact centre pilot',
    scenarios: ['intelligent-customer-service'],
    startDate: '2026-04-06',
    endDate: '2026-06-26',
    team,
  });
  const started = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
  for (const [questionId, value] of ICS_ANSWERS) await callOk(backend, 'assessments.answer', { sessionId: started.session.id, questionId, value });
  await callOk(backend, 'risks.addFromChecklist', {
    engagementId: engagement.id,
    items: [{ checklistId: 'rc-personal-information', itemId: 'recording-consent' }],
    source: 'assessment',
    sessionId: started.session.id,
    lang: 'en',
  });
  await callOk(backend, 'assessments.complete', { sessionId: started.session.id, signoff: { name: 'Li Wei', role: 'Head of customer service', signaturePng: SIGNATURE } });
  return { engagementId: engagement.id, sessionId: started.session.id };
}

