import { formatApiMessage } from '../../core/api/message';
import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { localDay } from '../../core/dates';
import { BUNDLED_PACK, callFail, callOk, issuesOf, startBackend } from '../helpers/backend';
import { msg } from '../../core/api/message';

/** A backend on the bundled pack with one customer and engagement; returns the engagement id. */
async function withEngagement(title = 'Voicebot POC'): Promise<{ backend: Backend; engagementId: string }> {
  const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
  const engagementId = await addEngagement(backend, title);
  return { backend, engagementId };
}

async function addEngagement(backend: Backend, title: string): Promise<string> {
  const customer = await callOk(backend, 'customers.create', { name: `${title} customer`, kind: 'enterprise' });
  const engagement = await callOk(backend, 'engagements.create', { customerId: customer.id, title, scenarios: ['intelligent-customer-service'] });
  return engagement.id;
}

/** A day relative to today (local), as YYYY-MM-DD. */
function dayFromToday(offset: number): string {
  const d = new Date();
  d.setDate(d.getDate() + offset);
  return localDay(d);
}

describe('risk checklists', () => {
  it('lists checklists for a scenario (with the ones for every scenario) and reads one bilingually', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const all = await callOk(backend, 'checklists.list', {});
    expect(all.length).toBe(6);
    const forIcs = await callOk(backend, 'checklists.list', { scenario: 'intelligent-customer-service' });
    const ids = forIcs.map((c) => c.id);
    expect(ids).toContain('rc-customer-service-ai');
    expect(ids).toContain('rc-data-readiness'); // scenarios: [] = every scenario
    expect(ids).not.toContain('rc-video-and-marketing');
    expect(forIcs.find((c) => c.id === 'rc-customer-service-ai')).toMatchObject({ itemCount: 10, version: 1 });

    const checklist = await callOk(backend, 'checklists.get', { id: 'rc-customer-service-ai' });
    const item = checklist.items.find((i) => i.id === 'intent-sprawl');
    expect(item).toMatchObject({ category: 'technical', likelihood: 4, impact: 3, articles: ['ics-intent-taxonomy-method'] });
    expect(item?.title.zh).toBe('意图数量超出数据支撑能力');
    expect((await callFail(backend, 'checklists.get', { id: 'no-such-list' })).code).toBe('not_found');
  });
});

describe('risk register', () => {
  it('adds checklist items in the chosen language, skipping duplicates and unknown items, in one call', async () => {
    const { backend, engagementId } = await withEngagement();
    const first = await callOk(backend, 'risks.addFromChecklist', {
      engagementId,
      source: 'checklist',
      lang: 'zh',
      items: [
        { checklistId: 'rc-customer-service-ai', itemId: 'intent-sprawl' },
        { checklistId: 'rc-customer-service-ai', itemId: 'asr-dialect' },
        { checklistId: 'rc-customer-service-ai', itemId: 'asr-dialect' },
        { checklistId: 'rc-customer-service-ai', itemId: 'no-such-item' },
        { checklistId: 'no-such-list', itemId: 'x' },
      ],
    });
    expect(first.added.map((r) => r.checklistItemId)).toEqual(['intent-sprawl', 'asr-dialect']);
    const sprawl = first.added[0];
    expect(sprawl).toMatchObject({
      engagementId,
      engagementTitle: 'Voicebot POC',
      customerName: 'Voicebot POC customer',
      checklistId: 'rc-customer-service-ai',
      source: 'checklist',
      lang: 'zh',
      title: '意图数量超出数据支撑能力',
      category: 'technical',
      likelihood: 4,
      impact: 3,
      score: 12,
      status: 'open',
      dueDate: null,
      owner: '',
      overdue: false,
      articles: ['ics-intent-taxonomy-method'],
    });
    expect(sprawl?.mitigation).toContain('30');
    expect(sprawl?.articleRefs[0]?.title?.en).toBeTruthy();
    expect(first.skipped.map((s) => [s.itemId, s.reason])).toEqual([
      ['asr-dialect', 'listed-twice'],
      ['no-such-item', 'unknown-item'],
      ['x', 'unknown-checklist'],
    ]);
    expect(first.skipped[1]?.message).toEqual(msg('notice.unknownChecklistItem', { checklist: 'rc-customer-service-ai', item: 'no-such-item' }));

    // Again, with one new item: the ones already in the register are skipped with the reason.
    const second = await callOk(backend, 'risks.addFromChecklist', {
      engagementId,
      source: 'assessment',
      lang: 'en',
      items: [
        { checklistId: 'rc-customer-service-ai', itemId: 'intent-sprawl' },
        { checklistId: 'rc-data-readiness', itemId: 'labels-missing', reason: 'Outcomes are not recorded' },
      ],
    });
    expect(second.skipped).toMatchObject([{ itemId: 'intent-sprawl', reason: 'already-in-register' }]);
    // Named by its title, never by its ids.
    const already = second.skipped[0]?.message;
    expect(already && formatApiMessage(already, 'en')).toMatch(/^“[^”#]+” is already in this engagement's risk register\.$/);
    expect(already && formatApiMessage(already, 'en')).not.toContain('intent-sprawl');
    expect(second.added).toMatchObject([
      { checklistItemId: 'labels-missing', source: 'assessment', lang: 'en', title: 'No ground-truth labels', recommendationReason: 'Outcomes are not recorded' },
    ]);

    const listed = await callOk(backend, 'risks.list', { engagementId });
    expect(listed).toHaveLength(3);
    // Highest score first: labels-missing 15, asr-dialect 16, intent-sprawl 12.
    expect(listed.map((r) => r.score)).toEqual([16, 15, 12]);

    // Once removed, the item can be added again.
    expect(await callOk(backend, 'risks.remove', { id: sprawl?.id ?? '' })).toEqual({ removed: true });
    expect(await callOk(backend, 'risks.remove', { id: sprawl?.id ?? '' })).toEqual({ removed: false });
    const again = await callOk(backend, 'risks.addFromChecklist', {
      engagementId,
      source: 'checklist',
      lang: 'en',
      items: [{ checklistId: 'rc-customer-service-ai', itemId: 'intent-sprawl' }],
    });
    expect(again.added.map((r) => r.title)).toEqual(['Too many intents for the data available']);
  });

  it('creates, updates and filters risks; computes overdue from due date and status', async () => {
    const { backend, engagementId } = await withEngagement();
    const otherEngagement = await addEngagement(backend, 'Churn model');
    const created = await callOk(backend, 'risks.create', {
      engagementId,
      title: 'Firewall change window missed',
      category: 'integration',
      likelihood: 2,
      impact: 5,
      owner: ' Li Wei ',
      dueDate: dayFromToday(-1),
      articles: ['ics-intent-taxonomy-method'],
    });
    expect(created).toMatchObject({ source: 'manual', lang: null, checklistId: null, status: 'open', owner: 'Li Wei', score: 10, overdue: true });
    await callOk(backend, 'risks.create', { engagementId: otherEngagement, title: 'Budget cut', category: 'commercial', likelihood: 3, impact: 3, dueDate: dayFromToday(0) });
    await callOk(backend, 'risks.create', { engagementId: otherEngagement, title: 'Model drift', category: 'technical', likelihood: 1, impact: 1, owner: 'Zhang' });

    expect((await callOk(backend, 'risks.list', {})).length).toBe(3);
    expect((await callOk(backend, 'risks.list', { overdue: true })).map((r) => r.title)).toEqual(['Firewall change window missed']);
    expect((await callOk(backend, 'risks.list', { overdue: false })).length).toBe(2); // due today is not overdue
    expect((await callOk(backend, 'risks.list', { engagementId: otherEngagement })).map((r) => r.title)).toEqual(['Budget cut', 'Model drift']);
    expect((await callOk(backend, 'risks.list', { category: 'technical' })).map((r) => r.title)).toEqual(['Model drift']);
    expect((await callOk(backend, 'risks.list', { owner: 'li' })).map((r) => r.title)).toEqual(['Firewall change window missed']);
    expect((await callOk(backend, 'risks.list', { query: 'budget' })).map((r) => r.title)).toEqual(['Budget cut']);
    expect(await callOk(backend, 'risks.list', { query: '%' })).toEqual([]); // wildcards are literal

    // Mitigated risks are never overdue; a cleared due date neither.
    const mitigated = await callOk(backend, 'risks.update', { id: created.id, status: 'mitigated', mitigation: 'Booked the next window' });
    expect(mitigated).toMatchObject({ status: 'mitigated', overdue: false, mitigation: 'Booked the next window', title: created.title });
    expect(mitigated.updatedAt >= created.updatedAt).toBe(true);
    expect((await callOk(backend, 'risks.list', { status: 'mitigated' })).map((r) => r.id)).toEqual([created.id]);
    const reopened = await callOk(backend, 'risks.update', { id: created.id, status: 'mitigating', dueDate: null, likelihood: 5, articles: [] });
    expect(reopened).toMatchObject({ dueDate: null, overdue: false, score: 25, articles: [], articleRefs: [] });
    expect((await callOk(backend, 'risks.list', { overdue: true })).length).toBe(0);
  });

  it('refuses bad input with a reason and loses nothing', async () => {
    const { backend, engagementId } = await withEngagement();
    const risk = await callOk(backend, 'risks.create', { engagementId, title: 'Kept', category: 'data', likelihood: 3, impact: 3 });
    const base = { engagementId, title: 'New', category: 'data', likelihood: 3, impact: 3 };

    const tooLikely = await callFail(backend, 'risks.create', { ...base, likelihood: 7 });
    expect(tooLikely.code).toBe('bad_request');
    expect(tooLikely.message).toMatch(/likelihood.*1 to 5/);
    expect((await callFail(backend, 'risks.update', { id: risk.id, impact: 2.5 })).message).toContain('impact');
    expect((await callFail(backend, 'risks.create', { ...base, dueDate: '2026-02-30' })).message).toContain('dueDate');
    expect((await callFail(backend, 'risks.create', { ...base, dueDate: '31/01/2026' })).message).toContain('YYYY-MM-DD');
    expect((await callFail(backend, 'risks.create', { ...base, title: '  ' })).message).toContain('title');
    expect((await callFail(backend, 'risks.create', { ...base, title: 'x'.repeat(301) })).message).toContain('title');
    expect((await callFail(backend, 'risks.create', { ...base, category: 'weather' })).code).toBe('bad_request');
    expect((await callFail(backend, 'risks.update', { id: risk.id, status: 'closed' })).code).toBe('bad_request');

    const unknownArticle = await callFail(backend, 'risks.update', { id: risk.id, articles: ['ics-intent-taxonomy-method', 'no-such-article'] });
    expect(unknownArticle.code).toBe('bad_request');
    expect(unknownArticle.message).toContain('no-such-article');
    expect(unknownArticle.message).not.toContain('ics-intent-taxonomy-method');
    expect((await callFail(backend, 'risks.create', { ...base, articles: ['nope'] })).message).toContain('nope');

    const unknownEngagement = await callFail(backend, 'risks.create', { ...base, engagementId: 'no-such-engagement' });
    expect(unknownEngagement.code).toBe('not_found');
    expect(unknownEngagement.message).toContain('no-such-engagement');
    const addToUnknown = await callFail(backend, 'risks.addFromChecklist', {
      engagementId: 'no-such-engagement',
      source: 'checklist',
      lang: 'en',
      items: [{ checklistId: 'rc-data-readiness', itemId: 'labels-missing' }],
    });
    expect(addToUnknown.code).toBe('not_found');
    const noSession = await callFail(backend, 'risks.addFromChecklist', {
      engagementId,
      source: 'assessment',
      sessionId: 'no-such-session',
      lang: 'en',
      items: [{ checklistId: 'rc-data-readiness', itemId: 'labels-missing' }],
    });
    expect(issuesOf(noSession)).toEqual([{ path: 'sessionId', message: 'is not an assessment of this engagement' }]);
    const tooMany = Array.from({ length: 201 }, (_, i) => ({ checklistId: 'rc-data-readiness', itemId: `item-${i}` }));
    expect((await callFail(backend, 'risks.addFromChecklist', { engagementId, source: 'checklist', lang: 'en', items: tooMany })).message).toContain('200');
    expect((await callFail(backend, 'risks.addFromChecklist', { engagementId, source: 'checklist', lang: 'en', items: [] })).code).toBe('bad_request');
    expect((await callFail(backend, 'risks.addFromChecklist', { engagementId, source: 'manual', lang: 'en', items: [{ checklistId: 'a', itemId: 'b' }] })).code).toBe(
      'bad_request',
    );
    expect((await callFail(backend, 'risks.update', { id: 'no-such-risk', status: 'open' })).code).toBe('not_found');
    expect((await callFail(backend, 'risks.list', { query: 'x'.repeat(201) })).code).toBe('bad_request');

    const after = await callOk(backend, 'risks.list', {});
    expect(after).toEqual([{ ...risk }]);
  });

  it('keeps the register across a restart (durable writes)', async () => {
    const { backend, dataDir } = await startBackend({ contentDir: BUNDLED_PACK });
    const engagementId = await addEngagement(backend, 'Durable');
    const { added } = await callOk(backend, 'risks.addFromChecklist', {
      engagementId,
      source: 'checklist',
      lang: 'en',
      items: [{ checklistId: 'rc-data-readiness', itemId: 'labels-missing' }],
    });
    backend.close();
    const reopened = await startBackend({ dataDir, contentDir: BUNDLED_PACK });
    expect(await callOk(reopened.backend, 'risks.list', {})).toEqual(added);
  });
});
