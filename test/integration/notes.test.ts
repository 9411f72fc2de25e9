import { describe, expect, it } from 'vitest';
import type { Backend } from '../../electron/backend/backend';
import { segmentForIndex } from '../../core/text/segment';
import { callFail, callOk, startBackend, issuesOf } from '../helpers/backend';

type Node = Record<string, unknown>;
const text = (t: string): Node => ({ type: 'text', text: t, format: 0, detail: 0, mode: 'normal', style: '', version: 1 });
const paragraph = (...children: Node[]): Node => ({ type: 'paragraph', children, direction: null, format: '', indent: 0, version: 1 });
const heading = (t: string): Node => ({ type: 'heading', tag: 'h2', children: [text(t)], direction: null, format: '', indent: 0, version: 1 });
const doc = (...children: Node[]): string => JSON.stringify({ root: { type: 'root', children, direction: null, format: '', indent: 0, version: 1 } });

async function makeEngagement(backend: Backend) {
  const customer = await callOk(backend, 'customers.create', { name: 'Northern Grid Branch', kind: 'operator-branch' });
  return callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Contact centre pilot', scenarios: ['intelligent-customer-service'] });
}

/** The records of one kind whose index entry matches an FTS5 query, as kb.search would find them. */
function indexed(backend: Backend, kind: 'note' | 'lesson', query: string): string[] {
  const rows = backend.db
    .prepare('SELECT d.ref_id FROM search_fts f JOIN search_docs d ON d.rowid = f.rowid WHERE search_fts MATCH ? AND d.kind = ?')
    .all(`"${segmentForIndex(query)}"`, kind) as { ref_id: string }[];
  return rows.map((r) => r.ref_id);
}

describe('notes', () => {
  it('creates, saves, reads, lists, tags and removes notes, keeping search in step', async () => {
    const { backend } = await startBackend();
    const engagement = await makeEngagement(backend);
    const created = await callOk(backend, 'notes.create', {
      engagementId: engagement.id,
      title: ' Kick-off ',
      bodyJson: doc(paragraph(text('The agents want intent routing for billing calls.'))),
      tags: ['POC', ' poc ', 'billing'],
    });
    expect(created).toMatchObject({
      engagementId: engagement.id,
      engagementTitle: 'Contact centre pilot',
      sessionId: null,
      questionId: null,
      title: 'Kick-off',
      text: 'The agents want intent routing for billing calls.',
      tags: ['POC', 'billing'],
    });
    expect(await callOk(backend, 'notes.get', { id: created.id })).toEqual(created);
    expect(indexed(backend, 'note', 'intent routing')).toEqual([created.id]);

    const saved = await callOk(backend, 'notes.save', {
      id: created.id,
      bodyJson: doc(paragraph(text('客服坐席希望按意图分流账单来电。'))),
      baseUpdatedAt: created.updatedAt,
    });
    expect(saved.title).toBe('Kick-off');
    expect(saved.text).toBe('客服坐席希望按意图分流账单来电。');
    expect(saved.updatedAt > created.updatedAt).toBe(true);
    // Re-indexed in its new language; the old words are gone.
    expect(indexed(backend, 'note', 'intent routing')).toEqual([]);
    expect(indexed(backend, 'note', '意图')).toEqual([created.id]);
    expect(backend.db.prepare("SELECT lang FROM search_docs WHERE kind = 'note' AND ref_id = ?").all(created.id)).toEqual([{ lang: 'zh' }]);

    const other = await callOk(backend, 'notes.create', { engagementId: engagement.id, title: 'Data', tags: ['Billing', 'data'] });
    const unattached = await callOk(backend, 'notes.create', { title: 'Loose thought' });
    expect(unattached).toMatchObject({ engagementId: null, engagementTitle: null, text: '' });

    const listed = await callOk(backend, 'notes.list', { engagementId: engagement.id });
    expect(listed.map((n) => n.id)).toEqual([other.id, created.id]);
    expect(listed[1]).toMatchObject({ title: 'Kick-off', excerpt: '客服坐席希望按意图分流账单来电。', tags: ['POC', 'billing'] });
    expect((await callOk(backend, 'notes.list', { tag: 'BILLING' })).map((n) => n.id).sort()).toEqual([created.id, other.id].sort());
    expect((await callOk(backend, 'notes.list', {})).length).toBe(3);
    expect(await callOk(backend, 'notes.tags', {})).toEqual([
      { tag: 'Billing', count: 2 },
      { tag: 'POC', count: 1 },
      { tag: 'data', count: 1 },
    ]);

    expect(await callOk(backend, 'notes.remove', { id: created.id })).toEqual({ removed: true });
    expect(await callOk(backend, 'notes.remove', { id: created.id })).toEqual({ removed: false });
    expect((await callFail(backend, 'notes.get', { id: created.id })).code).toBe('not_found');
    expect(indexed(backend, 'note', '意图')).toEqual([]);
    expect((await callOk(backend, 'notes.list', { engagementId: engagement.id })).map((n) => n.id)).toEqual([other.id]);
    // A tombstone, not a deleted row (sync carries deletes as a column).
    expect(backend.db.prepare('SELECT deleted FROM field_notes WHERE id = ?').get(created.id)).toEqual({ deleted: 1 });
  });

  it('places notes on an assessment question and checks where they go', async () => {
    const { backend } = await startBackend();
    const engagement = await makeEngagement(backend);
    const detail = await callOk(backend, 'assessments.start', { engagementId: engagement.id, definitionId: 'ics-readiness' });
    const sessionId = detail.session.id;
    const note = await callOk(backend, 'notes.create', { sessionId, questionId: 'data-volume', title: 'Call logs' });
    expect(note).toMatchObject({ engagementId: engagement.id, sessionId, questionId: 'data-volume' });
    expect((await callOk(backend, 'notes.list', { sessionId, questionId: 'data-volume' })).map((n) => n.id)).toEqual([note.id]);
    expect(await callOk(backend, 'notes.list', { sessionId, questionId: 'other' })).toEqual([]);

    const noSession = await callFail(backend, 'notes.create', { questionId: 'data-volume', title: 'x' });
    expect(noSession.code).toBe('bad_request');
    expect(noSession.message).toContain('questionId');
    expect((await callFail(backend, 'notes.create', { sessionId: 'nope', title: 'x' })).code).toBe('not_found');
    expect((await callFail(backend, 'notes.create', { engagementId: 'nope', title: 'x' })).code).toBe('not_found');
    const other = await makeEngagement(backend);
    expect((await callFail(backend, 'notes.create', { engagementId: other.id, sessionId, title: 'x' })).code).toBe('bad_request');
  });

  it('refuses a save over a newer version instead of overwriting it', async () => {
    const { backend } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Shared', bodyJson: doc(paragraph(text('first'))) });
    const fromA = await callOk(backend, 'notes.save', { id: note.id, bodyJson: doc(paragraph(text('from A'))), baseUpdatedAt: note.updatedAt });
    const stale = await callFail(backend, 'notes.save', { id: note.id, bodyJson: doc(paragraph(text('from B'))), baseUpdatedAt: note.updatedAt });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('changed elsewhere');
    expect((await callOk(backend, 'notes.get', { id: note.id })).text).toBe('from A');
    // Saving on top of the current version works; so does a save without a base (last writer wins).
    const again = await callOk(backend, 'notes.save', { id: note.id, title: 'Shared v2', baseUpdatedAt: fromA.updatedAt });
    expect(again).toMatchObject({ title: 'Shared v2', text: 'from A' });
    expect((await callFail(backend, 'notes.save', { id: 'missing', title: 'x' })).code).toBe('not_found');
  });

  it('refuses a 5 MB note with a clear message and keeps the stored one', async () => {
    const { backend } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Survey', bodyJson: doc(paragraph(text('kept'))) });
    const huge = doc(paragraph(text('x'.repeat(Math.round(5.1 * 1024 * 1024)))));
    const error = await callFail(backend, 'notes.save', { id: note.id, bodyJson: huge, baseUpdatedAt: note.updatedAt });
    expect(error).toMatchObject({ code: 'too_large', message: 'This note is 5.1 MB; it can be at most 2 MB. Move large content into attachments.' });
    expect(await callOk(backend, 'notes.get', { id: note.id })).toEqual(note);
    expect((await callFail(backend, 'notes.create', { title: 'Huge', bodyJson: huge })).code).toBe('too_large');
  });

  it('refuses hostile bodies, naming the path', async () => {
    const { backend } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Safe', bodyJson: doc(paragraph(text('safe'))) });
    const hostile = doc(paragraph({ type: 'link', url: 'javascript:alert(1)', children: [text('click')], version: 1 }));
    const error = await callFail(backend, 'notes.save', { id: note.id, bodyJson: hostile });
    expect(error.code).toBe('bad_request');
    expect(error.message).toContain('bodyJson.root.children.0.children.0');
    expect(error.issues?.[0]?.path).toBe('bodyJson.root.children.0.children.0');
    const unknown = await callFail(backend, 'notes.save', { id: note.id, bodyJson: doc({ type: 'html', version: 1 }) });
    expect(unknown.message).toContain('"html"');
    expect((await callFail(backend, 'notes.save', { id: note.id, bodyJson: 'not json' })).code).toBe('bad_request');
    expect((await callOk(backend, 'notes.get', { id: note.id })).text).toBe('safe');
  });
});

describe('lessons', () => {
  it('codifies notes into a prefilled draft and marks it ready once complete', async () => {
    const { backend } = await startBackend();
    const engagement = await makeEngagement(backend);
    const structured = await callOk(backend, 'notes.create', {
      engagementId: engagement.id,
      title: 'Billing intents',
      bodyJson: doc(heading('Problem'), paragraph(text('Billing calls bounce between queues.')), heading('Action'), paragraph(text('Added an intent for bill disputes.'))),
      tags: ['billing', 'intents'],
    });
    const loose = await callOk(backend, 'notes.create', {
      engagementId: engagement.id,
      title: 'Observations',
      bodyJson: doc(paragraph(text('Agents keep a paper list of common disputes.'))),
      tags: ['Billing', 'agents'],
    });

    const lesson = await callOk(backend, 'lessons.codify', { noteIds: [structured.id, loose.id], lang: 'en' });
    expect(lesson).toMatchObject({
      engagementId: engagement.id,
      engagementTitle: 'Contact centre pilot',
      status: 'draft',
      title: 'Billing intents',
      context: 'Engagement "Contact centre pilot" for Northern Grid Branch (operator branch). Scenarios: Intelligent customer service.\n\nObservations\nAgents keep a paper list of common disputes.',
      problem: 'Billing calls bounce between queues.',
      action: 'Added an intent for bill disputes.',
      result: '',
      recommendation: '',
      scenarios: ['intelligent-customer-service'],
      tags: ['billing', 'intents', 'agents'],
      sourceNotes: [
        { id: structured.id, title: 'Billing intents', removed: false },
        { id: loose.id, title: 'Observations', removed: false },
      ],
    });
    expect(backend.db.prepare('SELECT source_notes FROM lessons WHERE id = ?').get(lesson.id)).toEqual({ source_notes: JSON.stringify([structured.id, loose.id]) });
    expect(indexed(backend, 'lesson', 'bill disputes')).toEqual([lesson.id]);

    const refused = await callFail(backend, 'lessons.save', { id: lesson.id, status: 'ready' });
    expect(refused.code).toBe('bad_request');
    expect(refused.message).toContain('recommendation');
    expect(issuesOf(refused)).toEqual([{ path: 'recommendation', message: 'must not be empty for a ready lesson' }]);
    expect((await callOk(backend, 'lessons.get', { id: lesson.id })).status).toBe('draft');

    const missingTwo = await callFail(backend, 'lessons.save', { id: lesson.id, problem: '  ', status: 'ready' });
    expect(missingTwo.issues?.map((i) => i.path)).toEqual(['problem', 'recommendation']);

    const ready = await callOk(backend, 'lessons.save', {
      id: lesson.id,
      result: 'Repeat calls fell.',
      recommendation: 'Start with the agents’ own lists of disputes.',
      scenarios: ['intelligent-customer-service', 'base-station-energy-saving'],
      status: 'ready',
    });
    expect(ready).toMatchObject({ status: 'ready', result: 'Repeat calls fell.', problem: 'Billing calls bounce between queues.' });
    expect(ready.updatedAt > lesson.updatedAt).toBe(true);
    expect(indexed(backend, 'lesson', 'agents own lists')).toEqual([lesson.id]);
    // Emptying a required field of a ready lesson is refused too.
    expect((await callFail(backend, 'lessons.save', { id: lesson.id, action: '' })).code).toBe('bad_request');
    expect((await callFail(backend, 'lessons.save', { id: lesson.id, scenarios: ['no-such-scenario'] })).message).toContain('no-such-scenario');
    expect((await callFail(backend, 'lessons.save', { id: lesson.id, status: 'merged' })).code).toBe('bad_request');

    expect((await callOk(backend, 'lessons.list', { engagementId: engagement.id })).map((l) => [l.id, l.status, l.sourceNoteCount])).toEqual([[lesson.id, 'ready', 2]]);
    expect(await callOk(backend, 'lessons.list', { status: 'draft' })).toEqual([]);

    // A removed source note stays named by the lesson, marked removed.
    await callOk(backend, 'notes.remove', { id: loose.id });
    expect((await callOk(backend, 'lessons.get', { id: lesson.id })).sourceNotes[1]).toEqual({ id: loose.id, title: 'Observations', removed: true });
  });

  it('refuses a lesson save over a newer version instead of overwriting it', async () => {
    const { backend } = await startBackend();
    const note = await callOk(backend, 'notes.create', { title: 'Seen', bodyJson: doc(paragraph(text('Queues overflow at nine.'))) });
    const lesson = await callOk(backend, 'lessons.codify', { noteIds: [note.id], lang: 'en' });
    const fromA = await callOk(backend, 'lessons.save', { id: lesson.id, problem: 'From A', baseUpdatedAt: lesson.updatedAt });
    const stale = await callFail(backend, 'lessons.save', { id: lesson.id, problem: 'From B', baseUpdatedAt: lesson.updatedAt });
    expect(stale.code).toBe('conflict');
    expect(stale.message).toContain('changed elsewhere');
    expect((await callOk(backend, 'lessons.get', { id: lesson.id })).problem).toBe('From A');
    expect((await callOk(backend, 'lessons.save', { id: lesson.id, problem: 'On top', baseUpdatedAt: fromA.updatedAt })).problem).toBe('On top');
  });

  it('codifies Chinese notes with Chinese headings', async () => {
    const { backend } = await startBackend();
    const engagement = await makeEngagement(backend);
    const note = await callOk(backend, 'notes.create', {
      engagementId: engagement.id,
      title: '账单意图',
      bodyJson: doc(heading('问题'), paragraph(text('账单来电在队列间来回转接。')), heading('措施'), paragraph(text('新增账单争议意图。')), heading('结果'), paragraph(text('重复来电减少。'))),
    });
    const lesson = await callOk(backend, 'lessons.codify', { noteIds: [note.id] });
    expect(lesson).toMatchObject({
      title: '账单意图',
      context: '项目“Contact centre pilot”，客户：Northern Grid Branch（运营商分公司）。场景：智能客服。',
      problem: '账单来电在队列间来回转接。',
      action: '新增账单争议意图。',
      result: '重复来电减少。',
    });
  });

  it('refuses to codify missing notes or notes of different engagements', async () => {
    const { backend } = await startBackend();
    const a = await callOk(backend, 'notes.create', { engagementId: (await makeEngagement(backend)).id, title: 'A' });
    const b = await callOk(backend, 'notes.create', { engagementId: (await makeEngagement(backend)).id, title: 'B' });
    expect((await callFail(backend, 'lessons.codify', { noteIds: [a.id, b.id] })).message).toContain('different engagements');
    expect((await callFail(backend, 'lessons.codify', { noteIds: [a.id, 'gone'] })).code).toBe('not_found');
    expect((await callFail(backend, 'lessons.codify', { noteIds: [] })).code).toBe('bad_request');
    expect((await callFail(backend, 'lessons.codify', { noteIds: [a.id, a.id] })).code).toBe('bad_request');
    expect((await callFail(backend, 'lessons.get', { id: 'gone' })).code).toBe('not_found');
  });
});
