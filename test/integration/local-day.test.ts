import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callOk, startBackend } from '../helpers/backend';

// The consultant is in Shanghai (UTC+8) at 07:30 on 1 February 2026, when the UTC day is still
// 31 January. Everything the backend calls "today" must be 1 February. The fixture article
// comp-pi-export is due for review on 2026-01-31, so it is past review today.
const SHANGHAI_0730 = new Date('2026-01-31T23:30:00Z');

describe('today is the local day in the backend', () => {
  const zoneBefore = process.env.TZ;
  beforeAll(() => {
    // Node re-reads the zone when TZ is assigned; this test file runs in its own process.
    process.env.TZ = 'Asia/Shanghai';
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(SHANGHAI_0730);
  });
  afterAll(() => {
    vi.useRealTimers();
    if (zoneBefore === undefined) delete process.env.TZ;
    else process.env.TZ = zoneBefore;
  });

  it('marks an article whose review day was yesterday (local) as past review in lists, pages and search', async () => {
    const { backend } = await startBackend();
    const list = await callOk(backend, 'kb.list', { type: 'compliance' });
    expect(list.items).toMatchObject([{ id: 'comp-pi-export', reviewDate: '2026-01-31', pastReview: true }]);
    expect(await callOk(backend, 'kb.get', { id: 'comp-pi-export' })).toMatchObject({ pastReview: true });
    const found = await callOk(backend, 'kb.search', { query: 'security assessment' });
    expect(found.hits).toMatchObject([{ kind: 'kb', id: 'comp-pi-export', pastReview: true }]);
  });

  it('counts a risk due yesterday (local) as overdue', async () => {
    const { backend } = await startBackend();
    const customer = await callOk(backend, 'customers.create', { name: 'Eastern Telecom', kind: 'enterprise' });
    const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Voicebot POC', scenarios: ['intelligent-customer-service'] });
    const risk = await callOk(backend, 'risks.create', { engagementId: engagement.id, title: 'Export approval', category: 'compliance', likelihood: 3, impact: 4, dueDate: '2026-01-31' });
    expect(risk.overdue).toBe(true);
    const listed = await callOk(backend, 'risks.list', { overdue: true });
    expect(listed.map((r) => r.id)).toEqual([risk.id]);
  });
});
