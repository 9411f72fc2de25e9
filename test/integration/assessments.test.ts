import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatApiMessage, msg } from '../../core/api/message';
import type { Backend } from '../../electron/backend/backend';
import { answerVersion, noteVersion } from '../../core/assessment/answer-version';
import { callFail, callOk, startBackend } from '../helpers/backend';
import { makeTempDir } from '../helpers/temp-dir';

const PACKS = path.join(__dirname, '..', 'fixtures', 'packs', 'assessment-versions');
const V1 = path.join(PACKS, 'v1');
const V2 = path.join(PACKS, 'v2');
// A 1×1 PNG, as a drawn signature would be.
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
const SHA = 'a'.repeat(64);

async function engagement(backend: Backend, scenario = 'site-survey'): Promise<string> {
  const customer = await callOk(backend, 'customers.create', { name: 'Northwind Telecom', kind: 'enterprise' });
  const created = await callOk(backend, 'engagements.create', { customerId: customer.id, title: 'Contact centre pilot', scenarios: [scenario] });
  return created.id;
}

async function startSession(backend: Backend): Promise<string> {
  const engagementId = await engagement(backend);
  const detail = await callOk(backend, 'assessments.start', { engagementId, definitionId: 'site-readiness' });
  return detail.session.id;
}

describe('assessment sessions', () => {
  it('lists the latest definitions and starts a session on an engagement', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    expect(await callOk(backend, 'assessments.definitions', { scenario: 'site-survey' })).toEqual([
      { id: 'site-readiness', version: 1, scenarioId: 'site-survey', title: { en: 'Site readiness', zh: '现场就绪度' }, questionCount: 10, questionsAtStart: 9 },
    ]);
    expect(await callOk(backend, 'assessments.definitions', { scenario: 'nothing-here' })).toEqual([]);
    // The template rule builder names questions outside a session: every section's questions, for the scenarios asked.
    const questions = await callOk(backend, 'assessments.definitionQuestions', { scenarios: ['site-survey', 'nothing-here'] });
    expect(questions.map((d) => [d.id, d.version, d.scenarioId, d.questions.length])).toEqual([['site-readiness', 1, 'site-survey', 10]]);
    expect(await callOk(backend, 'assessments.definitionQuestions', { scenarios: ['nothing-here'] })).toEqual([]);

    const engagementId = await engagement(backend);
    const detail = await callOk(backend, 'assessments.start', { engagementId, definitionId: 'site-readiness' });
    expect(detail.session).toMatchObject({ engagementId, definitionId: 'site-readiness', definitionVersion: 1, status: 'in-progress', completedAt: null, signoff: null });
    expect(detail.engagement).toEqual({ id: engagementId, title: 'Contact centre pilot', customerName: 'Northwind Telecom' });
    expect(detail.answers).toEqual({});
    expect(detail.newerVersion).toBeNull();
    expect(detail.result.requiredMissing).toEqual(['channel', 'has-ivr']);

    const list = await callOk(backend, 'assessments.list', { engagementId });
    expect(list).toEqual([
      expect.objectContaining({ id: detail.session.id, engagementTitle: 'Contact centre pilot', customerName: 'Northwind Telecom', status: 'in-progress', answered: 0, visibleTotal: 9, overall: null }),
    ]);
    expect(await callOk(backend, 'assessments.list', { status: 'completed' })).toEqual([]);

    expect((await callFail(backend, 'assessments.start', { engagementId: 'nope', definitionId: 'site-readiness' })).code).toBe('not_found');
    expect((await callFail(backend, 'assessments.start', { engagementId, definitionId: 'no-such-definition' })).code).toBe('not_found');
    expect((await callFail(backend, 'assessments.get', { id: 'nope' })).code).toBe('not_found');
  });

  it('saves an answer of every question type and scores them', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    const sessionId = await startSession(backend);
    const answers: [string, unknown][] = [
      ['channel', 'voice'],
      ['has-ivr', true],
      ['ivr-levels', 5],
      ['features', ['routing', 'recording']],
      ['data-quality', 4],
      ['go-live', '2027-03-01'],
      ['pain-points', 'Long queues at month end'],
      ['site-photos', [SHA]],
      ['legacy-crm', 'new'],
      ['fax-volume', 12.5],
    ];
    for (const [questionId, value] of answers) {
      const saved = await callOk(backend, 'assessments.answer', { sessionId, questionId, value: value as never });
      expect(saved.savedAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    }
    const detail = await callOk(backend, 'assessments.get', { id: sessionId });
    expect(Object.fromEntries(Object.entries(detail.answers).map(([id, a]) => [id, a.value]))).toEqual(Object.fromEntries(answers));
    expect(detail.result.answeredCount).toBe(10);
    expect(detail.result.requiredMissing).toEqual([]);
    // business value: voice 4/4, yes 4/4, 5 levels 4/4 → 100; data: features 3/3, scale (4-1)/4 of 4 = 3/4 → 6/7
    expect(detail.result.dimensions.map((d) => [d.id, d.score])).toEqual([
      ['business-value', 100],
      ['data-readiness', 85.7],
    ]);
    expect(detail.result.readiness).toBe('pilot-ready');
    expect(detail.result.recommendations).toEqual([{ id: 'rec-flatten', kind: 'article', ref: 'ivr-method', triggeredBy: [{ questionId: 'ivr-levels', value: 5 }] }]);

    // Clearing an answer keeps its note; a note alone does not count as an answer.
    await callOk(backend, 'assessments.note', { sessionId, questionId: 'go-live', note: 'Depends on the tender' });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: null });
    await callOk(backend, 'assessments.note', { sessionId, questionId: 'legacy-crm', note: 'Vendor X' });
    const after = await callOk(backend, 'assessments.get', { id: sessionId });
    expect(after.answers['go-live']).toMatchObject({ value: null, note: 'Depends on the tender' });
    expect(after.answers['legacy-crm']).toMatchObject({ value: 'new', note: 'Vendor X' });
    expect(after.result.answeredCount).toBe(9);
  });

  it('refuses an answer or note saved over one changed since the edit began, apart from each other', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    const sessionId = await startSession(backend);
    const never = answerVersion(undefined);
    // Two windows open the unanswered question; the first to save wins, the second is told.
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: '2027-03-01', baseVersion: never });
    const clash = await callFail(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: '2027-06-01', baseVersion: never });
    expect(clash.code).toBe('conflict');
    expect(clash.message).toContain('changed in another window or tab');
    expect(clash.message).toContain('both answers are kept');
    // Saving what is already stored is no clash; saving over what was seen is a plain save.
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: '2027-03-01', baseVersion: never });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: '2027-06-01', baseVersion: answerVersion('2027-03-01') });
    // The note has its own version: a note saved elsewhere does not make the answer stale, nor the answer the note.
    await callOk(backend, 'assessments.note', { sessionId, questionId: 'go-live', note: 'Board decides in May', baseVersion: noteVersion('') });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'go-live', value: '2027-07-01', baseVersion: answerVersion('2027-06-01') });
    expect((await callFail(backend, 'assessments.note', { sessionId, questionId: 'go-live', note: 'Tender in June', baseVersion: noteVersion('') })).code).toBe('conflict');
    const stored = await callOk(backend, 'assessments.get', { id: sessionId });
    expect(stored.answers['go-live']).toMatchObject({ value: '2027-07-01', note: 'Board decides in May' });
    // Without a base version (older callers) there is no check.
    await callOk(backend, 'assessments.note', { sessionId, questionId: 'go-live', note: 'Tender in June' });
  });

  it('follows skip logic both ways and keeps answers to hidden questions without counting them', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    const sessionId = await startSession(backend);
    const yes = await callOk(backend, 'assessments.answer', { sessionId, questionId: 'has-ivr', value: true });
    expect(yes.result.visibleQuestions).toContain('ivr-levels');
    expect(yes.result.requiredMissing).toEqual(['channel', 'ivr-levels']);
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'ivr-levels', value: 6 });

    const no = await callOk(backend, 'assessments.answer', { sessionId, questionId: 'has-ivr', value: false });
    expect(no.result.visibleQuestions).not.toContain('ivr-levels');
    expect(no.result.requiredMissing).toEqual(['channel']);
    expect(no.result.answeredCount).toBe(1);
    expect(no.result.recommendations).toEqual([]); // the rule reads a hidden answer

    const detail = await callOk(backend, 'assessments.get', { id: sessionId });
    expect(detail.answers['ivr-levels']?.value).toBe(6); // kept, not counted

    const back = await callOk(backend, 'assessments.answer', { sessionId, questionId: 'has-ivr', value: true });
    expect(back.result.answeredCount).toBe(2);
    expect(back.result.recommendations.map((r) => r.id)).toEqual(['rec-flatten']);
  });

  it('refuses invalid answers with a message naming the question, and loses nothing', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    const sessionId = await startSession(backend);
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'has-ivr', value: true });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'ivr-levels', value: 3, note: 'Main menu plus two' });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'channel', value: 'chat' });

    const cases: [string, unknown, RegExp][] = [
      ['ivr-levels', 11, /“IVR menu levels”: 11 is above the maximum 10/],
      ['ivr-levels', 2.5, /whole number/],
      ['ivr-levels', 'three', /enter a number/],
      ['channel', 'fax', /Main channel.*"fax" is not one of the options/],
      ['has-ivr', 'yes', /answer yes or no/],
      ['features', ['routing', 'routing'], /chosen twice/],
      ['data-quality', 9, /outside the scale 1–5/],
      ['go-live', '2027-02-30', /not a real date/],
      ['pain-points', 'x'.repeat(501), /at most 500/],
      ['site-photos', ['not-a-hash'], /stored attachments/],
      ['no-such-question', 1, /Question "no-such-question" is not part of "site-readiness" version 1/],
    ];
    for (const [questionId, value, message] of cases) {
      const error = await callFail(backend, 'assessments.answer', { sessionId, questionId, value });
      expect(error.code, questionId).toBe('bad_request');
      expect(error.message, questionId).toMatch(message);
    }
    // Refused at the boundary: values no question type takes, a note too long.
    expect((await callFail(backend, 'assessments.answer', { sessionId, questionId: 'channel', value: { a: 1 } })).code).toBe('bad_request');
    expect((await callFail(backend, 'assessments.note', { sessionId, questionId: 'channel', note: 'x'.repeat(20_001) })).message).toMatch(/at most 20000/);

    const detail = await callOk(backend, 'assessments.get', { id: sessionId });
    expect(detail.answers['ivr-levels']).toMatchObject({ value: 3, note: 'Main menu plus two' });
    expect(detail.answers['channel']?.value).toBe('chat');
    expect(Object.keys(detail.answers).sort()).toEqual(['channel', 'has-ivr', 'ivr-levels']);
  });

  it('refuses completion while required questions are missing, then completes with a signature', async () => {
    const { backend } = await startBackend({ contentDir: V1 });
    const sessionId = await startSession(backend);
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'has-ivr', value: true });
    const signoff = { name: 'Li Wei', role: 'CTO', signaturePng: PNG };

    const refused = await callFail(backend, 'assessments.complete', { sessionId, signoff });
    expect(refused.code).toBe('conflict');
    expect(refused.message).toMatch(/required questions before completing: “Main channel”, “IVR menu levels”/);
    expect(formatApiMessage(refused, 'zh')).toMatch(/完成前请先回答必答问题：“主要渠道”、“IVR 菜单层数”/);
    expect(refused.issues?.map((i) => i.path)).toEqual(['channel', 'ivr-levels']);
    expect((await callFail(backend, 'assessments.complete', { sessionId, signoff: { ...signoff, name: ' ' } })).message).toMatch(/name.*empty/);
    expect((await callFail(backend, 'assessments.complete', { sessionId, signoff: { ...signoff, signaturePng: new Uint8Array(0) } })).message).toMatch(/draw a signature/);
    expect((await callFail(backend, 'assessments.complete', { sessionId, signoff: { ...signoff, signaturePng: 'iVBORw0KGgo=' } })).message).toMatch(/signaturePng: must be binary data/);

    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'channel', value: 'voice' });
    await callOk(backend, 'assessments.answer', { sessionId, questionId: 'ivr-levels', value: 2 });
    const notPng = Buffer.from('not an image');
    expect((await callFail(backend, 'assessments.complete', { sessionId, signoff: { ...signoff, signaturePng: notPng } })).code).toBe('bad_file');

    const done = await callOk(backend, 'assessments.complete', { sessionId, signoff: { ...signoff, signedAt: '2027-03-01T10:42:00Z' } });
    expect(done.session.status).toBe('completed');
    expect(done.session.completedAt).toMatch(/^\d{4}-/);
    expect(done.session.signoff).toMatchObject({ name: 'Li Wei', role: 'CTO', signedAt: '2027-03-01T10:42:00Z' });
    const stored = await callOk(backend, 'attachments.list', { ownerTable: 'assessment_sessions', ownerId: sessionId });
    expect(stored.map((a) => [a.sha256, a.mime, a.isImage])).toEqual([[done.session.signoff?.signatureSha256, 'image/png', true]]);

    // A completed session no longer changes.
    for (const [method, args] of [
      ['assessments.answer', { sessionId, questionId: 'channel', value: 'chat' }],
      ['assessments.note', { sessionId, questionId: 'channel', note: 'late' }],
      ['assessments.complete', { sessionId, signoff }],
    ] as const)
      expect((await callFail(backend, method, args)).code, method).toBe('conflict');
    expect((await callOk(backend, 'assessments.get', { id: sessionId })).answers['channel']?.value).toBe('voice');
    expect((await callOk(backend, 'assessments.list', { status: 'completed' })).map((s) => s.id)).toEqual([sessionId]);
  });

  it('previews and performs an upgrade to a newer definition version, setting unfit answers aside', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const first = await startBackend({ dataDir: dir, contentDir: V1 });
      const sessionId = await startSession(first.backend);
      for (const [questionId, value] of [
        ['channel', 'voice'],
        ['has-ivr', false],
        ['legacy-crm', 'old'],
        ['fax-volume', 40],
        ['pain-points', 'Queues'],
      ] as const)
        await callOk(first.backend, 'assessments.answer', { sessionId, questionId, value });
      await callOk(first.backend, 'assessments.note', { sessionId, questionId: 'fax-volume', note: 'Only the billing desk' });
      expect((await callFail(first.backend, 'assessments.previewUpgrade', { sessionId })).code).toBe('conflict');
      first.backend.close();

      // The pack upgrade brings version 2; the session stays on version 1 until asked.
      const { backend } = await startBackend({ dataDir: dir, contentDir: V2 });
      const before = await callOk(backend, 'assessments.get', { id: sessionId });
      expect(before.session.definitionVersion).toBe(1);
      expect(before.definition.version).toBe(1);
      expect(before.newerVersion).toBe(2);
      expect((await callOk(backend, 'assessments.definitions', {}))[0]?.version).toBe(2);

      const preview = await callOk(backend, 'assessments.previewUpgrade', { sessionId });
      expect(preview).toEqual({
        from: 1,
        to: 2,
        diff: {
          added: [{ questionId: 'agents', text: { en: 'Number of agents', zh: '坐席数量' } }],
          removed: [{ questionId: 'fax-volume', text: { en: 'Faxes per day', zh: '每日传真量' } }],
          changed: [
            { questionId: 'pain-points', text: { en: 'Pain points today', zh: '当前痛点' }, fields: ['text'] },
            { questionId: 'legacy-crm', text: { en: 'CRM', zh: 'CRM 系统' }, fields: ['options'] },
          ],
        },
        setAside: [
          { questionId: 'legacy-crm', text: { en: 'CRM', zh: 'CRM 系统' }, value: 'old', reason: msg('answer.notAnOption', { value: 'old' }) },
          { questionId: 'fax-volume', text: { en: 'Faxes per day', zh: '每日传真量' }, value: 40, reason: msg('answer.questionRemoved') },
        ],
      });
      // Nothing moved yet.
      expect((await callOk(backend, 'assessments.get', { id: sessionId })).answers['fax-volume']?.value).toBe(40);
      expect((await callFail(backend, 'assessments.upgrade', { sessionId, toVersion: 1 })).code).toBe('conflict');
      expect((await callFail(backend, 'assessments.upgrade', { sessionId, toVersion: 3 })).code).toBe('not_found');

      const moved = await callOk(backend, 'assessments.upgrade', { sessionId, toVersion: 2 });
      expect(moved.session.definitionVersion).toBe(2);
      expect(moved.definition.version).toBe(2);
      expect(moved.newerVersion).toBeNull();
      expect(Object.fromEntries(Object.entries(moved.answers).map(([id, a]) => [id, a.value]))).toEqual({
        channel: 'voice',
        'has-ivr': false,
        'pain-points': 'Queues',
        'legacy-crm': null,
      });
      expect(moved.setAside.map((s) => [s.questionId, s.value, s.note, s.fromVersion, formatApiMessage(s.reason, 'en')])).toEqual([
        ['legacy-crm', 'old', '', 1, '"old" is not one of the options'],
        ['fax-volume', 40, 'Only the billing desk', 1, 'the question was removed'],
      ]);
      // The new version accepts its own questions and refuses the removed one.
      await callOk(backend, 'assessments.answer', { sessionId, questionId: 'agents', value: 120 });
      await callOk(backend, 'assessments.answer', { sessionId, questionId: 'legacy-crm', value: 'new' });
      expect((await callFail(backend, 'assessments.answer', { sessionId, questionId: 'fax-volume', value: 1 })).message).toMatch(/not part of "site-readiness" version 2/);
      const list = await callOk(backend, 'assessments.list', {});
      expect(list[0]).toMatchObject({ id: sessionId, definitionVersion: 2, answered: 5 });
      backend.close();
    } finally {
      cleanup();
    }
  });

  it('keeps every acknowledged answer when the backend is closed with no extra step and reopened', async () => {
    const { dir, cleanup } = makeTempDir();
    try {
      const first = await startBackend({ dataDir: dir, contentDir: V1 });
      const sessionId = await startSession(first.backend);
      const written: Record<string, unknown> = {};
      for (let i = 1; i <= 10; i++) {
        await callOk(first.backend, 'assessments.answer', { sessionId, questionId: 'ivr-levels', value: i });
        written['ivr-levels'] = i;
      }
      for (const [questionId, value] of [
        ['has-ivr', true],
        ['features', ['analytics']],
        ['pain-points', '排队时间长 — long queues'],
        ['go-live', '2027-12-31'],
      ] as [string, string | boolean | string[]][]) {
        await callOk(first.backend, 'assessments.answer', { sessionId, questionId, value });
        written[questionId] = value;
      }
      await callOk(first.backend, 'assessments.note', { sessionId, questionId: 'features', note: 'Asked the ops lead' });
      first.backend.close();

      const { backend } = await startBackend({ dataDir: dir, contentDir: V1 });
      const detail = await callOk(backend, 'assessments.get', { id: sessionId });
      expect(Object.fromEntries(Object.entries(detail.answers).map(([id, a]) => [id, a.value]))).toEqual(written);
      expect(detail.answers['features']?.note).toBe('Asked the ops lead');
      backend.close();
    } finally {
      cleanup();
    }
  });
});
