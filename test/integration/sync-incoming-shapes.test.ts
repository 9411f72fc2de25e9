import { describe, expect, it } from 'vitest';
import { formatApiMessage } from '../../core/api/message';
import { transact } from '../../electron/backend/db/changes';
import { checkIncomingValue } from '../../electron/backend/sync/incoming';
import { INCOMING_SHAPES } from '../../electron/backend/sync/incoming-shapes';
import { outbox } from '../../electron/backend/sync/log';
import { publishPackContent } from '../../electron/backend/sync/publish';
import { newNodeId, saveIdentity, type SyncIdentity } from '../../electron/backend/sync/state';
import { tableSpec } from '../../electron/backend/db/tables';
import { isRecordTable, RECORD_TABLES } from '../../core/api/tables';
import { assessedSession } from '../helpers/assessed-engagement';
import { BUNDLED_PACK, callOk, startBackend } from '../helpers/backend';
import { syntheticDefinition } from '../helpers/synthetic-definition';

/**
 * The shapes a JSON column must have when it arrives by sync (sync/incoming-shapes.ts) are what
 * this device reads back: everything it writes itself must pass them, and values that would break
 * a screen are refused with a reason that names the column and the place.
 */

describe('the shape of JSON that arrives by sync', () => {
  it('has a shape for every JSON column', () => {
    const jsonColumns = RECORD_TABLES.flatMap((table) =>
      Object.entries(tableSpec(table).columns)
        .filter(([, kind]) => kind.startsWith('json'))
        .map(([column]) => `${table}.${column}`),
    );
    // Rich text and templates are checked on their own (incoming.ts).
    const own = ['kb_article_texts.body_json', 'field_notes.body_json', 'poc_templates.template'];
    expect(jsonColumns.filter((c) => !own.includes(c) && INCOMING_SHAPES[c] === undefined)).toEqual([]);
  });

  it('takes every value this device writes: field work, proposals and their versions, submissions, and the published pack', async () => {
    const { backend } = await startBackend({ contentDir: BUNDLED_PACK });
    const identity: SyncIdentity = { serverUrl: 'http://127.0.0.1:1', userId: 'km1', userName: 'kim', displayName: 'Kim', role: 'knowledge_manager', deviceId: 'd1', node: newNodeId(), enrolledAt: new Date().toISOString() };
    saveIdentity(backend.db, identity);

    // A completed, signed assessment with a risk from the checklist.
    const { engagementId, sessionId } = await assessedSession(backend, [{ name: '张敏', role: '交付负责人' }, { name: 'Li Lei', role: '' }]);
    const { proposal } = await callOk(backend, 'proposals.generate', { engagementId, sessionId, templateId: 'poc-ics-voicebot', lang: 'zh' });
    await callOk(backend, 'proposals.saveVersion', { id: proposal.id, name: '发给客户' });
    const note = await callOk(backend, 'notes.create', { engagementId, title: '机房巡检', tags: ['现场', 'noc'] });
    const lesson = await callOk(backend, 'lessons.codify', { noteIds: [note.id], lang: 'zh' });
    await callOk(backend, 'review.submit', { kind: 'note', id: note.id });
    await callOk(backend, 'lessons.save', {
      id: lesson.id,
      context: '省公司客服中心',
      problem: '账单类来电在队列之间来回转接。',
      action: '按坐席整理的争议清单建立意图。',
      result: '重复来电减少。',
      recommendation: '先从坐席自己的争议清单入手。',
      scenarios: ['intelligent-customer-service'],
      tags: ['账单'],
      status: 'ready',
    });
    await callOk(backend, 'review.submit', { kind: 'lesson', id: lesson.id });
    await callOk(backend, 'risks.create', { engagementId, title: 'Recordings stay on site', category: 'data', likelihood: 3, impact: 4 });
    transact(backend.db, () => publishPackContent(backend.db, identity));

    const messages = outbox(backend.db, 1_000_000);
    const checked = new Set<string>();
    const refused: string[] = [];
    for (const m of messages) {
      if (!isRecordTable(m.dataset)) continue;
      for (const [column, value] of Object.entries(m.values)) {
        const result = checkIncomingValue(m.dataset, column, value);
        if (!result.ok) refused.push(`${m.dataset}.${column}: ${formatApiMessage(result.reason, 'en')}`);
        else if (result.cleaned) refused.push(`${m.dataset}.${column} was cleaned`);
        checked.add(`${m.dataset}.${column}`);
      }
    }
    expect(refused).toEqual([]);
    // The test wrote every kind of JSON value there is, but for answers set aside when a session
    // moves to a newer definition (the same shape as an answer, checked below).
    expect(Object.keys(INCOMING_SHAPES).filter((c) => !checked.has(c))).toEqual(['assessment_answers_set_aside.value']);
  });

  it('refuses what would break a screen, saying which field and where in it, in the user\'s language', () => {
    const refused = (where: string, value: unknown): string => {
      const [table, column] = where.split('.') as [string, string];
      if (!isRecordTable(table)) throw new Error(table);
      const result = checkIncomingValue(table, column, JSON.stringify(value));
      return result.ok ? 'taken' : formatApiMessage(result.reason, 'en');
    };
    expect(refused('proposals.pricing', { currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' }, lines: {} })).toBe(
      'the pricing does not have the shape this version reads (lines: Invalid input: expected array, received object)',
    );
    const zh = checkIncomingValue('proposals', 'pricing', JSON.stringify({ currency: 'CNY' }));
    expect(zh.ok ? '' : formatApiMessage(zh.reason, 'zh')).toBe('报价的结构不符合此版本的要求（taxRate: is required (string)）');
    expect(refused('proposals.pricing', { currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' }, lines: [{ id: 'l1', item: 'x', unit: 'd', quantity: 'many', unitPrice: '1' }] })).toMatch(
      /^the pricing does not have the shape this version reads \(has a figure that is not a valid amount\)$/,
    );
    expect(refused('proposals.timeline', { start: '2026-01-05', phases: [{ id: 'p1', name: 'Pilot', weeks: 1e9, deliverables: '' }] })).toMatch(/^the timeline .* \(phases\.0\.weeks: /);
    expect(refused('assessment_answers.value', { not: 'an answer' })).toMatch(/^the answer does not have the shape/);
    expect(refused('assessment_answers.value', ['voice', 'chat'])).toBe('taken');
    expect(refused('assessment_answers_set_aside.value', 42)).toBe('taken');
    expect(refused('assessment_answers_set_aside.value', [1, 2])).toMatch(/^the answer does not have the shape/);
    expect(refused('field_notes.tags', 'noc')).toMatch(/^the tags .*expected array/);
    expect(refused('proposal_versions.snapshot', { title: 'x' })).toMatch(/^the snapshot does not have the shape this version reads \(lang: /);
    expect(refused('submissions.content', { kind: 'photo' })).toMatch(/^the content does not have the shape this version reads \(kind: /);
    // A published definition must be sound: a rule comparing a yes/no question with "yes" never fires.
    expect(refused('assessment_definitions.definition', { id: 'x' })).toMatch(/^the definition does not have the shape this version reads \(/);
    const definition = syntheticDefinition(40);
    expect(refused('assessment_definitions.definition', definition)).toBe('taken');
    const [first] = definition.recommendations;
    if (first) first.when = { '==': [{ var: 'q-0' }, 'yes'] };
    expect(refused('assessment_definitions.definition', definition)).toBe(
      'the definition does not have the shape this version reads (recommendations.0.when: question "q-0" is answered yes or no (true or false), not "yes")',
    );
    // Keys this version does not know are a newer device's: taken.
    expect(refused('engagements.team', [{ name: 'Ann', role: 'Lead', phone: '123' }])).toBe('taken');
  });

  it('cleans hostile rich text in a saved proposal version as in the proposal itself', () => {
    const section = (bodyJson: string) => ({ id: 's1', title: 'Summary', kind: 'text', bodyJson, source: [] });
    const hostile = JSON.stringify({
      root: { type: 'root', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'paragraph', version: 1, direction: null, format: '', indent: 0, children: [{ type: 'link', url: 'javascript:alert(1)', version: 1, direction: null, format: '', indent: 0, rel: null, target: null, title: null, children: [{ type: 'text', text: 'click', version: 1, format: 0, detail: 0, mode: 'normal', style: '' }] }] }] },
    });
    const snapshot = {
      title: 'POC',
      lang: 'en',
      status: 'draft',
      statusReason: '',
      sections: [section(hostile)],
      successCriteria: [],
      pricing: { currency: 'CNY', taxRate: '0.06', discount: { kind: 'percent', value: '0' }, lines: [] },
      timeline: { start: '2026-01-05', phases: [] },
      templateId: 'poc-ics-voicebot',
      templateVersion: 1,
    };
    const result = checkIncomingValue('proposal_versions', 'snapshot', JSON.stringify(snapshot));
    expect(result.ok && result.cleaned).toBe(true);
    expect(result.ok ? String(result.value) : '').not.toContain('javascript:');
    expect(result.ok ? String(result.value) : '').toContain('click');
  });
});
