import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { documentJson, heading, image, link, list, paragraph, textNode } from '../../core/richtext/build';
import fs from 'node:fs';
import path from 'node:path';
import { attachmentsDir } from '../../electron/backend/files/attachment-store';
import { callFail, callOk, said, startBackend, type TestBackend } from '../helpers/backend';
import { newNodeId, saveIdentity } from '../../electron/backend/sync/state';
import { picturePng } from '../helpers/png';
import { startServer, TEST_PASSWORD, type TestServer } from '../helpers/server';

/**
 * Devices syncing through the real server process: a consultant's lesson goes up for review, a
 * knowledge manager publishes it, another consultant receives it, and the author sees the
 * outcome; two devices of one user editing the same field meet as a conflict; a sync that
 * deletes much waits for confirmation; a run is rolled back; clocks off by minutes still agree.
 */

let server: TestServer;
beforeAll(async () => {
  server = await startServer({ db: 'sqlite' });
  for (const [name, role] of [
    ['ann', 'consultant'],
    ['bob', 'consultant'],
    ['kim', 'knowledge_manager'],
  ] as const)
    server.addUser(name, role);
}, 120_000);
afterAll(async () => {
  await server.dispose();
});

async function device(user: string, options: { now?: () => number; name?: string } = {}): Promise<TestBackend> {
  const t = await startBackend({ sync: options.now ? { now: options.now } : {} });
  await callOk(t.backend, 'sync.enrol', { serverUrl: server.url, username: user, password: TEST_PASSWORD, deviceName: options.name ?? `${user}'s laptop` });
  return t;
}

const body = (text: string) => documentJson([paragraph([textNode(text)])]);

async function readyLesson(t: TestBackend, title: string): Promise<string> {
  const note = await callOk(t.backend, 'notes.create', { title: `${title} note`, bodyJson: body('Customer asked for weekly reports.') });
  const lesson = await callOk(t.backend, 'lessons.codify', { noteIds: [note.id] });
  await callOk(t.backend, 'lessons.save', { id: lesson.id, title, problem: 'Reports were late.', action: 'Automated them.', recommendation: 'Automate reports from day one.', status: 'ready' });
  return lesson.id;
}

describe('sync between devices through the server', () => {
  it('carries a submitted lesson to review, its publication to everyone, and the outcome back to the author', async () => {
    const ann = await device('ann');
    const kim = await device('kim');
    const bob = await device('bob');
    const lessonId = await readyLesson(ann, 'Automate weekly reports');
    // Not enrolled devices cannot submit; Ann can, offline, and it waits in the outbox.
    const submitted = await callOk(ann.backend, 'review.submit', { kind: 'lesson', id: lessonId });
    expect(submitted.status).toBe('submitted');
    expect((await callOk(ann.backend, 'lessons.get', { id: lessonId })).status).toBe('submitted');
    const annStatus = await callOk(ann.backend, 'sync.status', {});
    expect(annStatus.outbox).toBeGreaterThan(0);
    // The device knows the name it was enrolled under, as the administrator's device list shows it.
    expect(annStatus.account?.deviceName).toBe("ann's laptop");
    const annRun = await callOk(ann.backend, 'sync.now', {});
    expect(annRun.status).toBe('done');
    expect(annRun.sent).toBeGreaterThan(0);
    expect((await callOk(ann.backend, 'sync.status', {})).outbox).toBe(0);

    // The manager receives the submission (not Ann's notes or engagements), and publishes it.
    await callOk(kim.backend, 'sync.now', {});
    const queue = (await callOk(kim.backend, 'review.list', { status: 'open' })).items;
    expect(queue.map((s) => s.title)).toEqual(['Automate weekly reports']);
    expect(await callOk(kim.backend, 'notes.list', {})).toEqual([]);
    const refusedForConsultant = await callFail(bob.backend, 'review.decide', { id: queue[0]?.id, status: 'in_review', note: '' });
    expect(refusedForConsultant.code).toBe('forbidden');
    await callOk(kim.backend, 'review.decide', { id: queue[0]?.id ?? '', status: 'in_review', note: '' });
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [queue[0]?.id ?? ''], title: 'Automate weekly reports', summary: 'From the field.', type: 'lesson', scenarios: [], tags: ['reporting'], lang: 'en' });
    await callOk(kim.backend, 'sync.now', {});

    // Bob receives the article and finds it.
    await callOk(bob.backend, 'sync.now', {});
    const article = await callOk(bob.backend, 'kb.get', { id: articleId });
    expect(article.title.en).toBe('Automate weekly reports');
    // Published in the language it was written in, with the manager's scenarios and tags.
    expect([article.body.en === null, article.body.zh, article.title.zh]).toEqual([false, null, '']);
    expect(article.tags).toEqual(['reporting']);
    const hits = await callOk(bob.backend, 'kb.search', { query: 'automate reports' });
    expect(JSON.stringify(hits)).toContain(articleId);
    // Bob may not publish: the server refuses his device writing the published space.
    expect((await callOk(bob.backend, 'review.list', {})).total).toBe(0);

    // Ann learns the outcome; her lesson is done.
    await callOk(ann.backend, 'sync.now', {});
    const mine = await callOk(ann.backend, 'review.forSource', { sourceId: lessonId });
    expect(mine?.status).toBe('published');
    expect(mine?.articleId).toBe(articleId);
    expect((await callOk(ann.backend, 'lessons.get', { id: lessonId })).status).toBe('merged');
    // Her lesson's new status went up in the same sync: nothing is left to send.
    expect((await callOk(ann.backend, 'sync.status', {})).outbox).toBe(0);
    expect((await callOk(ann.backend, 'kb.get', { id: articleId })).title.en).toBe('Automate weekly reports');
    expect((await callOk(ann.backend, 'review.sourcesOf', { articleId })).map((s) => s.title)).toEqual(['Automate weekly reports']);

    // Withdrawn by the manager: gone from every device's knowledge base and search; the
    // submission stays as it was decided. Only a manager may, and only an article from review.
    expect((await callFail(ann.backend, 'review.withdraw', { articleId })).code).toBe('forbidden');
    expect((await callFail(kim.backend, 'review.withdraw', { articleId: 'ics-intent-method' })).key).toBe('error.reviewNotWithdrawable');
    await callOk(kim.backend, 'review.withdraw', { articleId });
    expect((await callFail(kim.backend, 'review.withdraw', { articleId })).code).toBe('not_found');
    await callOk(kim.backend, 'sync.now', {});
    for (const reader of [bob, ann]) {
      await callOk(reader.backend, 'sync.now', {});
      expect((await callFail(reader.backend, 'kb.get', { id: articleId })).code).toBe('not_found');
      expect(JSON.stringify(await callOk(reader.backend, 'kb.search', { query: 'automate reports' }))).not.toContain(articleId);
    }
    const decided = await callOk(ann.backend, 'review.forSource', { sourceId: lessonId });
    expect([decided?.status, decided?.articleWithdrawn]).toEqual(['published', true]);
    expect(mine?.articleWithdrawn).toBe(false);
  });

  it('returns a submission with comments: the author edits and submits again', async () => {
    const ann = await device('ann');
    const kim = await device('kim');
    const lessonId = await readyLesson(ann, 'Check the VPN first');
    await callOk(ann.backend, 'review.submit', { kind: 'lesson', id: lessonId });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const submission = (await callOk(kim.backend, 'review.list', { status: 'submitted' })).items.find((s) => s.title === 'Check the VPN first');
    expect(submission).toBeDefined();
    // What the navigation counts: the open queue on a manager's device (earlier tests left some), nothing of it on a consultant's.
    const kimWaiting = await callOk(kim.backend, 'review.attention', {});
    expect(kimWaiting.open).toBe((await callOk(kim.backend, 'review.list', { status: 'open' })).total);
    expect(await callOk(ann.backend, 'review.attention', {})).toEqual({ open: null, returned: 0 });
    expect((await callFail(kim.backend, 'review.decide', { id: submission?.id, status: 'returned', note: '' })).key).toBe('error.reviewNeedsNote');
    await callOk(kim.backend, 'review.decide', { id: submission?.id ?? '', status: 'returned', note: 'Add what the customer measured.' });
    await callOk(kim.backend, 'sync.now', {});
    await callOk(ann.backend, 'sync.now', {});
    const back = await callOk(ann.backend, 'review.forSource', { sourceId: lessonId });
    expect(back).toMatchObject({ status: 'returned', reviewNote: 'Add what the customer measured.' });
    expect((await callOk(ann.backend, 'lessons.get', { id: lessonId })).status).toBe('returned');
    expect((await callOk(ann.backend, 'sync.status', {})).outbox).toBe(0);
    expect(await callOk(ann.backend, 'review.attention', {})).toEqual({ open: null, returned: 1 });
    expect((await callOk(kim.backend, 'review.attention', {})).open).toBe((kimWaiting.open ?? 0) - 1);
    await callOk(ann.backend, 'lessons.save', { id: lessonId, result: 'Outages fell by half.', status: 'ready' });
    expect((await callOk(ann.backend, 'review.submit', { kind: 'lesson', id: lessonId })).status).toBe('submitted');
    // Submitted again, it no longer waits for Ann.
    expect(await callOk(ann.backend, 'review.attention', {})).toEqual({ open: null, returned: 0 });
  });

  it('adds later submissions to an article published from review, as its next version, on any manager device', async () => {
    const ann = await device('ann');
    const bob = await device('bob');
    const kim = await device('kim');
    const lessonId = await readyLesson(ann, 'Night-shift energy saving');
    await callOk(ann.backend, 'review.submit', { kind: 'lesson', id: lessonId });
    const note = await callOk(bob.backend, 'notes.create', { title: 'Sleep mode at rural sites', bodyJson: body('Rural cells can sleep from 01:00; alarms stayed quiet.') });
    await callOk(bob.backend, 'review.submit', { kind: 'note', id: note.id });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(bob.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const open = (await callOk(kim.backend, 'review.list', { status: 'open' })).items;
    const annSubmission = open.find((s) => s.title === 'Night-shift energy saving');
    const bobSubmission = open.find((s) => s.title === 'Sleep mode at rural sites');
    const filing = { summary: 'Saving energy at night.', type: 'best-practice' as const, scenarios: [], tags: ['energy'], lang: 'en' as const };
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [annSubmission?.id ?? ''], title: 'Energy saving at night', ...filing });
    await callOk(kim.backend, 'sync.now', {});

    // On Kim's other device, where the article arrived by sync: it is offered, and Bob's note goes into it.
    const kimTablet = await device('kim');
    await callOk(kimTablet.backend, 'sync.now', {});
    expect((await callOk(kimTablet.backend, 'review.articles', { query: 'night' })).map((a) => [a.id, a.version, a.sources])).toEqual([[articleId, 1, 1]]);
    expect(await callOk(kimTablet.backend, 'review.articles', { query: 'no such title' })).toEqual([]);
    expect((await callFail(kimTablet.backend, 'review.publish', { ids: [bobSubmission?.id ?? ''], title: 'x', ...filing, into: 'ics-intent-method' })).key).toBe('error.reviewNotMergeable');
    expect((await callFail(kimTablet.backend, 'review.publish', { ids: [bobSubmission?.id ?? ''], title: 'x', ...filing, into: 'no-such-article' })).code).toBe('not_found');
    expect((await callFail(kimTablet.backend, 'review.publish', { ids: [annSubmission?.id ?? ''], title: 'x', ...filing, into: articleId })).key).toBe('error.reviewFinal');
    const merged = await callOk(kimTablet.backend, 'review.publish', { ids: [bobSubmission?.id ?? ''], title: 'Energy saving at night: sites that sleep', ...filing, tags: ['energy', 'rural'], into: articleId });
    expect(merged.articleId).toBe(articleId);
    await callOk(kimTablet.backend, 'sync.now', {});

    // Everyone gets the new version: the earlier source first, then the added one, both named.
    for (const reader of [ann, bob, kim]) {
      await callOk(reader.backend, 'sync.now', {});
      const article = await callOk(reader.backend, 'kb.get', { id: articleId });
      expect([article.version, article.title.en, article.tags]).toEqual([2, 'Energy saving at night: sites that sleep', ['energy', 'rural']]);
      const text = JSON.stringify(article.body.en);
      expect(text.indexOf('Automate reports from day one.')).toBeGreaterThan(-1);
      expect(text.indexOf('Rural cells can sleep from 01:00')).toBeGreaterThan(text.indexOf('Automate reports from day one.'));
    }
    expect((await callOk(kim.backend, 'review.sourcesOf', { articleId })).map((s) => [s.title, s.status])).toEqual([
      ['Night-shift energy saving', 'published'],
      ['Sleep mode at rural sites', 'merged'],
    ]);
    expect((await callOk(bob.backend, 'review.forSource', { sourceId: note.id }))?.status).toBe('merged');
    expect(JSON.stringify(await callOk(bob.backend, 'kb.search', { query: 'rural sleep' }))).toContain(articleId);
    for (const t of [ann, bob, kim, kimTablet]) t.backend.close();
  });

  it('publishes the text as the manager changed it, keeps that change in later versions, and names added sources after the earlier', async () => {
    const ann = await device('ann');
    const bob = await device('bob');
    const kim = await device('kim');
    const note = await callOk(ann.backend, 'notes.create', { title: 'Weekly reports at Acme Telecom', bodyJson: body('Acme Telecom asked for weekly reports; a scheduler sends them.') });
    await callOk(ann.backend, 'review.submit', { kind: 'note', id: note.id });
    const lessonId = await readyLesson(bob, 'Report templates');
    await callOk(bob.backend, 'review.submit', { kind: 'lesson', id: lessonId });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(bob.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const open = (await callOk(kim.backend, 'review.list', { status: 'open' })).items;
    const annSubmission = open.find((s) => s.title === 'Weekly reports at Acme Telecom')?.id ?? '';
    const bobSubmission = open.find((s) => s.title === 'Report templates')?.id ?? '';

    // The manager starts from the draft: the note as submitted, then its source named.
    const { bodyJson: drafted } = await callOk(kim.backend, 'review.draft', { ids: [annSubmission], lang: 'en' });
    expect(drafted).toContain('Acme Telecom asked for weekly reports');
    expect(drafted.indexOf('Weekly reports at Acme Telecom')).toBeGreaterThan(drafted.indexOf('Sources'));
    expect((await callFail(ann.backend, 'review.draft', { ids: [annSubmission], lang: 'en' })).key).toBe('error.reviewNotManager');

    const filing = { title: 'Weekly reports', summary: 'Send them on a schedule.', type: 'best-practice' as const, scenarios: [], tags: [], lang: 'en' as const };
    // What cannot be published is refused, saying what and where, and nothing is published.
    const stranger = documentJson([paragraph([textNode('See the picture.')]), image('a'.repeat(64), 'whiteboard.png')]);
    expect((await callFail(kim.backend, 'review.publish', { ids: [annSubmission], ...filing, body: stranger })).key).toBe('error.reviewPictureNotFromSources');
    const scripted = documentJson([paragraph([link('javascript:alert(1)', [textNode('x')])])]);
    const refused = await callFail(kim.backend, 'review.publish', { ids: [annSubmission], ...filing, body: scripted });
    expect([refused.code, refused.issues?.[0]?.path]).toEqual(['bad_request', 'body.root.children.0.children.0']);
    expect((await callFail(kim.backend, 'review.publish', { ids: [annSubmission], ...filing, body: 'Acme, not a document' })).code).toBe('bad_request');
    expect((await callOk(kim.backend, 'review.get', { id: annSubmission })).status).toBe('submitted');

    // The customer's name is taken out, from the text and from the source's title in the list of sources.
    const edited = documentJson([paragraph([textNode('The customer asked for weekly reports; a scheduler sends them.')]), heading('h2', 'Sources'), list('bullet', ['Weekly reports — Ann'])]);
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [annSubmission], ...filing, body: edited });
    await callOk(kim.backend, 'sync.now', {});
    await callOk(bob.backend, 'sync.now', {});
    const read = JSON.stringify((await callOk(bob.backend, 'kb.get', { id: articleId })).body.en);
    expect(read).toContain('The customer asked for weekly reports');
    expect(read).toContain('Weekly reports — Ann');
    expect(read).not.toContain('Acme');
    // Which submission it came from is kept apart from the text.
    expect((await callOk(kim.backend, 'review.sourcesOf', { articleId })).map((s) => s.title)).toEqual(['Weekly reports at Acme Telecom']);

    // Adding a submission later starts from the text as published, with the new one after it under its title.
    const { bodyJson: next } = await callOk(kim.backend, 'review.draft', { ids: [bobSubmission], lang: 'en', into: articleId });
    expect(next).not.toContain('Acme Telecom asked');
    expect(next.indexOf('Report templates')).toBeGreaterThan(next.indexOf('The customer asked'));
    await callOk(kim.backend, 'review.publish', { ids: [bobSubmission], ...filing, into: articleId });
    await callOk(kim.backend, 'sync.now', {});
    await callOk(ann.backend, 'sync.now', {});
    const article = await callOk(ann.backend, 'kb.get', { id: articleId });
    const text = JSON.stringify(article.body.en);
    expect(article.version).toBe(2);
    expect(text).not.toContain('Acme Telecom asked');
    expect(text).toContain('Automate reports from day one.');
    expect(text).not.toContain('Acme');
    expect(text.split('Sources').length).toBe(2);
    expect(text).toMatch(/Weekly reports — Ann.*Report templates — [^"]+, submitted \d{4}-\d{2}-\d{2}/);
    for (const t of [ann, bob, kim]) t.backend.close();
  });

  it('lets a manager put a published article right and add its other language, as its next versions; nobody else, and no pack article', async () => {
    const ann = await device('ann');
    const bob = await device('bob');
    const kim = await device('kim');
    const note = await callOk(ann.backend, 'notes.create', { title: 'Cell sleep windows', bodyJson: body('Cells can slepe from 01:00 to 05:00.') });
    await callOk(ann.backend, 'review.submit', { kind: 'note', id: note.id });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const [submission] = (await callOk(kim.backend, 'review.list', { status: 'open' })).items.filter((s) => s.title === 'Cell sleep windows');
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [submission?.id ?? ''], title: 'Cell sleep windows', summary: 'When cells may sleep.', type: 'best-practice', scenarios: [], tags: [], lang: 'en' });

    const fixed = documentJson([paragraph([textNode('Cells can sleep from 01:00 to 05:00.')])]);
    const en = { articleId, lang: 'en' as const, title: 'Cell sleep windows', summary: 'When cells may sleep.', body: fixed };
    expect((await callFail(ann.backend, 'review.revise', en)).key).toBe('error.reviewNotManager');
    expect((await callFail(kim.backend, 'review.revise', { ...en, articleId: 'ics-intent-method' })).key).toBe('error.reviewNotEditable');
    expect((await callFail(kim.backend, 'review.revise', { ...en, articleId: 'no-such-article' })).code).toBe('not_found');
    expect((await callFail(kim.backend, 'review.revise', { ...en, body: documentJson([image('b'.repeat(64), 'elsewhere.png')]) })).key).toBe('error.reviewPictureNotFromSources');
    expect((await callFail(kim.backend, 'review.revise', { ...en, title: '   ' })).code).toBe('bad_request');
    expect(await callOk(kim.backend, 'review.revise', en)).toEqual({ version: 2 });
    const zh = { articleId, lang: 'zh' as const, title: '小区休眠时段', summary: '小区何时可以休眠。', body: documentJson([paragraph([textNode('小区可在 01:00 至 05:00 休眠。')])]) };
    expect(await callOk(kim.backend, 'review.revise', zh)).toEqual({ version: 3 });
    await callOk(kim.backend, 'sync.now', {});

    await callOk(bob.backend, 'sync.now', {});
    const article = await callOk(bob.backend, 'kb.get', { id: articleId });
    expect([article.version, article.title.en, article.title.zh]).toEqual([3, 'Cell sleep windows', '小区休眠时段']);
    expect(JSON.stringify(article.body.en)).toContain('Cells can sleep from 01:00');
    expect(JSON.stringify(article.body.en)).not.toContain('slepe');
    expect(JSON.stringify(article.body.zh)).toContain('小区可在');
    expect(JSON.stringify(await callOk(bob.backend, 'kb.search', { query: '休眠' }))).toContain(articleId);
    // Its source still names it.
    expect((await callOk(kim.backend, 'review.sourcesOf', { articleId })).map((s) => s.title)).toEqual(['Cell sleep windows']);
    for (const t of [ann, bob, kim]) t.backend.close();
  });

  it('keeps both values when two devices of one user changed the same field, and the user picks', async () => {
    const laptop = await device('bob');
    const tablet = await device('bob', { name: "bob's tablet" });
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Base station survey', bodyJson: body('Roof access needed.') });
    await callOk(laptop.backend, 'sync.now', {});
    await callOk(tablet.backend, 'sync.now', {});
    expect((await callOk(tablet.backend, 'notes.get', { id: note.id })).title).toBe('Base station survey');
    // Both change the title while apart, the tablet a few milliseconds later: within one
    // millisecond the two clocks would tie and the devices' node ids decide which edit is later.
    await callOk(laptop.backend, 'notes.save', { id: note.id, title: 'Survey — site A' });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await callOk(tablet.backend, 'notes.save', { id: note.id, title: 'Survey — site B' });
    await callOk(laptop.backend, 'sync.now', {});
    const run = await callOk(tablet.backend, 'sync.now', {});
    expect(run.conflicts).toBe(1);
    const [conflict] = await callOk(tablet.backend, 'sync.conflicts', {});
    expect(conflict).toMatchObject({ column: 'title', localText: 'Survey — site B', remoteText: 'Survey — site A', kept: 'local' });
    // The other change is named: the server says which device sent it.
    expect(conflict?.other).toEqual({ device: "bob's laptop", user: expect.any(String), mine: true });
    // The later edit (the tablet's) is in use everywhere once it syncs; the user keeps the laptop's instead.
    await callOk(tablet.backend, 'sync.resolveConflict', { id: conflict?.id ?? 0, keep: 'remote' });
    expect((await callOk(tablet.backend, 'notes.get', { id: note.id })).title).toBe('Survey — site A');
    expect(await callOk(tablet.backend, 'sync.conflicts', {})).toEqual([]);
    await callOk(tablet.backend, 'sync.now', {});
    await callOk(laptop.backend, 'sync.now', {});
    expect((await callOk(laptop.backend, 'notes.get', { id: note.id })).title).toBe('Survey — site A');
  });

  it('meets a body changed on two devices as one conflict, and keeping a side keeps its text', async () => {
    const laptop = await device('bob');
    const tablet = await device('bob');
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Mast survey', bodyJson: body('Ladder on site.') });
    await callOk(laptop.backend, 'sync.now', {});
    await callOk(tablet.backend, 'sync.now', {});
    await callOk(laptop.backend, 'notes.save', { id: note.id, bodyJson: body('North ladder, key with the guard.') });
    await new Promise((resolve) => setTimeout(resolve, 5));
    await callOk(tablet.backend, 'notes.save', { id: note.id, bodyJson: body('South stairs; the ladder is broken.') });
    await callOk(laptop.backend, 'sync.now', {});
    const run = await callOk(tablet.backend, 'sync.now', {});
    // The history names the field that conflicted (the UI says it in the user's words).
    const items = await callOk(tablet.backend, 'sync.runItems', { runId: run.id });
    expect(items.filter((i) => i.status === 'conflict').map((i) => [i.row, i.fields, i.detail])).toEqual([[note.id, ['body_json'], null]]);
    // The body and its plain text changed together: one conflict, on the body, shown as its words.
    const conflicts = await callOk(tablet.backend, 'sync.conflicts', {});
    expect(conflicts.map((c) => [c.column, c.localText, c.remoteText])).toEqual([['body_json', 'South stairs; the ladder is broken.', 'North ladder, key with the guard.']]);
    expect((await callOk(tablet.backend, 'sync.status', {})).openConflicts).toBe(1);
    await callOk(tablet.backend, 'sync.resolveConflict', { id: conflicts[0]?.id ?? 0, keep: 'remote' });
    expect((await callOk(tablet.backend, 'notes.get', { id: note.id })).text).toBe('North ladder, key with the guard.');
    const found = await callOk(tablet.backend, 'kb.search', { query: 'guard', kinds: ['note'] });
    expect(found.hits.map((h) => h.id)).toContain(note.id);
  });

  it('asks before a sync deletes many records, backs up first, and rolls a run back as new changes', async () => {
    const laptop = await device('ann');
    const tablet = await device('ann');
    const ids: string[] = [];
    for (let i = 0; i < 12; i++) ids.push((await callOk(laptop.backend, 'notes.create', { title: `Note ${i}`, bodyJson: body(`Observation ${i}`) })).id);
    await callOk(laptop.backend, 'sync.now', {});
    await callOk(tablet.backend, 'sync.now', {});
    for (const id of ids) await callOk(laptop.backend, 'notes.remove', { id });
    await callOk(laptop.backend, 'sync.now', {});
    const waiting = await callOk(tablet.backend, 'sync.now', {});
    expect(waiting.status).toBe('needs_confirmation');
    expect(waiting.preview).toMatchObject({ deletes: 12 });
    expect((await callOk(tablet.backend, 'notes.list', {})).length).toBeGreaterThanOrEqual(12);
    const confirmed = await callOk(tablet.backend, 'sync.confirm', { runId: waiting.id });
    expect(confirmed.applied).toBe(12);
    expect(confirmed.backupId).toMatch(/before-sync$/);
    expect((await callOk(tablet.backend, 'backups.list', {})).some((b) => b.id === confirmed.backupId)).toBe(true);
    const left = new Set((await callOk(tablet.backend, 'notes.list', {})).map((n) => n.id));
    expect(ids.filter((id) => left.has(id))).toEqual([]);
    const items = await callOk(tablet.backend, 'sync.runItems', { runId: confirmed.id });
    expect(items.filter((i) => i.direction === 'down' && i.status === 'applied').map((i) => i.label)).toContain('Note 3');
    // Roll the deletions back; the rollback syncs to the laptop like any change.
    expect((await callOk(tablet.backend, 'sync.rollback', { runId: confirmed.id })).reverted).toBe(12);
    expect((await callOk(tablet.backend, 'notes.list', {})).filter((n) => ids.includes(n.id))).toHaveLength(12);
    await callOk(tablet.backend, 'sync.now', {});
    // Twelve records coming back is no deletion: it applies without asking.
    expect((await callOk(laptop.backend, 'sync.now', {})).status).toBe('done');
    expect((await callOk(laptop.backend, 'notes.list', {})).filter((n) => ids.includes(n.id))).toHaveLength(12);
    expect((await callOk(tablet.backend, 'sync.history', {}))[1]?.status).toBe('rolled_back');
  });

  it('agrees with clocks ten minutes off either way, and says clearly when a clock is hours off', async () => {
    const ahead = await device('bob', { now: () => Date.now() + 10 * 60_000 });
    const behind = await device('bob', { now: () => Date.now() - 10 * 60_000 });
    const note = await callOk(ahead.backend, 'notes.create', { title: 'Skewed', bodyJson: body('x') });
    await callOk(ahead.backend, 'sync.now', {});
    await callOk(behind.backend, 'sync.now', {});
    await callOk(behind.backend, 'notes.save', { id: note.id, title: 'Edited behind' });
    await callOk(behind.backend, 'sync.now', {});
    await callOk(ahead.backend, 'sync.now', {});
    expect((await callOk(ahead.backend, 'notes.get', { id: note.id })).title).toBe('Edited behind');
    const wrong = await device('bob');
    wrong.backend.close();
    const late = await startBackend({ dataDir: wrong.dataDir, sync: { now: () => Date.now() + 3 * 3600_000 } });
    const failure = await callFail(late.backend, 'sync.now', {});
    expect(failure.key).toBe('error.syncClockDrift');
    expect(failure.message).toMatch(/180 minutes/);
    const [last] = await callOk(late.backend, 'sync.history', {});
    expect(last?.status).toBe('failed');
  });

  it('refuses to enrol with a wrong password, says when the server cannot be reached, and keeps working offline', async () => {
    const t = await startBackend();
    const wrong = await callFail(t.backend, 'sync.enrol', { serverUrl: server.url, username: 'ann', password: 'not it', deviceName: 'x' });
    expect(wrong.key).toBe('error.syncSignIn');
    const notUrl = await callFail(t.backend, 'sync.enrol', { serverUrl: 'javascript:alert(1)', username: 'ann', password: 'x', deviceName: 'x' });
    expect(notUrl.code).toBe('bad_request');
    expect((await callFail(t.backend, 'sync.now', {})).key).toBe('error.syncNotEnrolled');
    const ann = await device('ann');
    const port = server.port;
    await server.stop();
    try {
      const note = await callOk(ann.backend, 'notes.create', { title: 'Written offline', bodyJson: body('No network here.') });
      const down = await callFail(ann.backend, 'sync.now', {});
      expect(down.key).toBe('error.syncUnreachable');
      expect(down.message).toContain(`127.0.0.1:${port}`);
      expect((await callOk(ann.backend, 'notes.get', { id: note.id })).title).toBe('Written offline');
      expect((await callOk(ann.backend, 'sync.status', {})).outbox).toBeGreaterThan(0);
    } finally {
      await server.restart();
    }
    expect((await callOk(ann.backend, 'sync.now', {})).status).toBe('done');
    expect((await callOk(ann.backend, 'sync.status', {})).outbox).toBe(0);
  });

  it('does not sync over plain http to another computer, even where an earlier version enrolled so', async () => {
    // Nothing may be sent: a request would fail the test instead of leaving this computer.
    const t = await startBackend({ sync: { fetch: () => Promise.reject(new Error('a request was made')) } });
    const refused = await callFail(t.backend, 'sync.enrol', { serverUrl: 'http://192.168.1.20:8443', username: 'ann', password: 'x', deviceName: 'x' });
    expect(refused.code).toBe('bad_request');
    saveIdentity(t.backend.db, { serverUrl: 'http://192.168.1.20:8443', userId: 'u1', userName: 'ann', displayName: 'Ann', role: 'consultant', deviceId: 'd1', node: newNodeId(), enrolledAt: new Date().toISOString() });
    const note = await callOk(t.backend, 'notes.create', { title: 'Kept here', bodyJson: body('Not sent in the clear.') });
    const failure = await callFail(t.backend, 'sync.now', {});
    expect([failure.code, failure.key]).toEqual(['forbidden', 'error.syncNotEncrypted']);
    expect(failure.message).toContain('http://192.168.1.20:8443');
    expect((await callOk(t.backend, 'sync.history', {}))[0]?.error?.key).toBe('error.syncNotEncrypted');
    expect((await callOk(t.backend, 'notes.get', { id: note.id })).title).toBe('Kept here');
    // Disconnecting needs no server; the device can then connect again over https.
    expect((await callOk(t.backend, 'sync.disconnect', {})).account).toBeNull();
  });

  it('sends a long outbox in batches and every record reaches the other device of its user once', async () => {
    server.addUser('cara', 'consultant');
    const laptop = await device('cara');
    // More than two batches of 2,000 (round.ts): all but the last go ahead of the rounds, two at a time.
    for (let i = 0; i < 4500; i++) await callOk(laptop.backend, 'notes.create', { title: `Visit ${i}`, bodyJson: body(`Site ${i}`) });
    const waiting = (await callOk(laptop.backend, 'sync.status', {})).outbox;
    expect(waiting).toBeGreaterThan(4000);
    const run = await callOk(laptop.backend, 'sync.now', {});
    expect(run).toMatchObject({ status: 'done', sent: waiting });
    expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(0);
    const desktop = await device('cara');
    await callOk(desktop.backend, 'sync.now', {});
    const titles = desktop.backend.db.prepare("SELECT title FROM field_notes WHERE title LIKE 'Visit %'").all() as { title: string }[];
    expect(titles.length).toBe(4500);
    expect(new Set(titles.map((t) => t.title)).size).toBe(4500);
  });

  it('sends a note typed offline over many autosaves as its last text, not every draft of it', async () => {
    server.addUser('dan', 'consultant');
    const laptop = await device('dan');
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Site walk' });
    let text = '';
    for (let i = 0; i < 60; i++) {
      text += `Rack ${i} runs hot in the afternoon. `;
      await callOk(laptop.backend, 'notes.save', { id: note.id, bodyJson: body(text) });
    }
    await callOk(laptop.backend, 'notes.save', { id: note.id, title: 'Site walk, north hall' });
    // The note as created, its last body and its new title: before, 62 messages (every autosave).
    expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(3);
    const run = await callOk(laptop.backend, 'sync.now', {});
    expect(run).toMatchObject({ status: 'done', sent: 3 });
    expect(run.bytesUp).toBeLessThan(4 * text.length);
    const desktop = await device('dan');
    await callOk(desktop.backend, 'sync.now', {});
    expect(await callOk(desktop.backend, 'notes.get', { id: note.id })).toMatchObject({ title: 'Site walk, north hall', bodyJson: body(text) });
  });

  it('finishes a sync while the user keeps typing, and the next sends what was typed meanwhile', async () => {
    server.addUser('eve', 'consultant');
    // The user saves during every request the sync makes: a slow link, a steady typist.
    let typing: (() => Promise<void>) | null = null;
    const typingFetch: typeof fetch = async (input, init) => {
      if (typing !== null && String(input instanceof Request ? input.url : input).endsWith('/api/v1/sync')) await typing();
      return fetch(input, init);
    };
    const laptop = await startBackend({ sync: { fetch: typingFetch } });
    await callOk(laptop.backend, 'sync.enrol', { serverUrl: server.url, username: 'eve', password: TEST_PASSWORD, deviceName: "eve's laptop" });
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Typed on site' });
    let saves = 0;
    typing = async () => {
      saves++;
      await callOk(laptop.backend, 'notes.save', { id: note.id, title: `Typed on site ${saves}` });
    };
    // A sync that waited for an empty outbox would go round after round, one save each, and never end.
    expect(await callOk(laptop.backend, 'sync.now', {})).toMatchObject({ status: 'done' });
    expect(saves).toBeLessThanOrEqual(3);
    expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(1);
    expect(await callOk(laptop.backend, 'sync.now', {})).toMatchObject({ status: 'done', sent: 1 });
    typing = null;
    await callOk(laptop.backend, 'sync.now', {});
    expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(0);
    const desktop = await device('eve');
    await callOk(desktop.backend, 'sync.now', {});
    expect((await callOk(desktop.backend, 'notes.get', { id: note.id })).title).toBe(`Typed on site ${saves}`);
  });

  it('syncs what was saved during a long sync shortly after it, not at the next interval', async () => {
    server.addUser('fay', 'consultant');
    // The first sync request waits until the test lets it go: a sync that takes longer than the
    // pause background sync leaves after a change.
    let release: () => void = () => {};
    let held: Promise<void> | null = new Promise((resolve) => (release = resolve));
    let holding = false;
    const slowFetch: typeof fetch = async (input, init) => {
      if (held !== null && String(input instanceof Request ? input.url : input).endsWith('/api/v1/sync')) {
        holding = true;
        await held;
      }
      return fetch(input, init);
    };
    const laptop = await startBackend({ sync: { fetch: slowFetch, autoIntervalMs: 3_600_000 } });
    await callOk(laptop.backend, 'sync.enrol', { serverUrl: server.url, username: 'fay', password: TEST_PASSWORD, deviceName: "fay's laptop" });
    const runs = () => laptop.backend.db.prepare('SELECT trigger, status FROM sync_runs ORDER BY started_at').all() as { trigger: string; status: string }[];
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    try {
      const first = laptop.backend.call('sync.now', {});
      await vi.waitFor(() => expect(holding).toBe(true));
      await callOk(laptop.backend, 'notes.create', { title: 'Written while it synced' });
      // The pause after that change ends while the sync still runs: the background sync it asked for cannot start.
      vi.advanceTimersByTime(25_000);
      held = null;
      release();
      expect(await first).toMatchObject({ ok: true });
      expect(runs()).toHaveLength(1);
      expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(1);
      vi.advanceTimersByTime(21_000);
      await vi.waitFor(() => expect(runs()).toEqual([{ trigger: 'manual', status: 'done' }, { trigger: 'background', status: 'done' }]));
      expect((await callOk(laptop.backend, 'sync.status', {})).outbox).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps saving once a computer date that ran days ahead is put right, and sends what was written meanwhile', async () => {
    server.addUser('rita', 'consultant');
    // Its sync reads Date.now when asked, as the write path does, so the fake date below moves both.
    const laptop = await device('rita', { now: () => Date.now() });
    const real = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      vi.setSystemTime(real + 3 * 86_400_000);
      const note = await callOk(laptop.backend, 'notes.create', { title: 'Written on the wrong date' });
      await callOk(laptop.backend, 'notes.save', { id: note.id, bodyJson: body('Chillers trip at noon.') });
      expect(await callFail(laptop.backend, 'sync.now', {})).toMatchObject({ key: 'error.syncClockDrift' });
      // The date is put right. Before, every save failed from here on ("a clock is 4320 minutes away").
      vi.setSystemTime(real + 60_000);
      await callOk(laptop.backend, 'notes.save', { id: note.id, title: 'Chiller trips' });
      const later = await callOk(laptop.backend, 'notes.create', { title: 'Written after' });
      // Nothing waits with a time from the future, and the order of the changes is kept.
      const stamps = (laptop.backend.db.prepare("SELECT timestamp FROM sync_log WHERE dataset = 'field_notes' ORDER BY timestamp").all() as { timestamp: string }[]).map((r) => Date.parse(r.timestamp.slice(0, 24)));
      expect(Math.max(...stamps)).toBeLessThan(real + 3_600_000);
      expect(await callOk(laptop.backend, 'sync.now', {})).toMatchObject({ status: 'done' });
      vi.useRealTimers();
      const desktop = await device('rita');
      expect(await callOk(desktop.backend, 'sync.now', {})).toMatchObject({ status: 'done', refused: 0 });
      expect(await callOk(desktop.backend, 'notes.get', { id: note.id })).toMatchObject({ title: 'Chiller trips', bodyJson: body('Chillers trip at noon.') });
      expect(await callOk(desktop.backend, 'notes.get', { id: later.id })).toMatchObject({ title: 'Written after' });
    } finally {
      vi.useRealTimers();
    }
  });

  it('keeps saving while the computer date is set days back, keeps the order of changes, and syncs once it is right', async () => {
    server.addUser('sam', 'consultant');
    const laptop = await device('sam', { now: () => Date.now() });
    const desktop = await device('sam');
    const note = await callOk(desktop.backend, 'notes.create', { title: 'From the desktop' });
    await callOk(desktop.backend, 'sync.now', {});
    await callOk(laptop.backend, 'sync.now', {});
    const pending = await callOk(laptop.backend, 'notes.create', { title: 'Written before the date went back' });
    const logged = () => (laptop.backend.db.prepare("SELECT timestamp FROM sync_log WHERE dataset = 'field_notes' ORDER BY rowid").all() as { timestamp: string }[]).map((r) => r.timestamp);
    const before = logged();
    const real = Date.now();
    vi.useFakeTimers({ toFake: ['Date'] });
    try {
      // A flat battery: the date is days behind. Every save still works (before: "a clock is … away").
      vi.setSystemTime(real - 3 * 86_400_000);
      await callOk(laptop.backend, 'notes.save', { id: note.id, title: 'Edited while the date was wrong' });
      expect(await callFail(laptop.backend, 'sync.now', {})).toMatchObject({ key: 'error.syncClockDrift' });
      // Nothing was stamped back, and the new change comes after everything it had seen and made.
      const after = logged();
      expect(after.slice(0, before.length)).toEqual(before);
      expect(after.length).toBe(before.length + 1);
      expect([...after].sort()).toEqual(after);
      vi.setSystemTime(real + 60_000);
      expect(await callOk(laptop.backend, 'sync.now', {})).toMatchObject({ status: 'done' });
    } finally {
      vi.useRealTimers();
    }
    expect(await callOk(desktop.backend, 'sync.now', {})).toMatchObject({ status: 'done', refused: 0 });
    expect(await callOk(desktop.backend, 'notes.get', { id: note.id })).toMatchObject({ title: 'Edited while the date was wrong' });
    expect(await callOk(desktop.backend, 'notes.get', { id: pending.id })).toMatchObject({ title: 'Written before the date went back' });
  });

  it('says to connect again when it cannot read its own stored sign-in, and connecting again sends what waited', async () => {
    server.addUser('tara', 'consultant');
    const first = await device('tara');
    const note = await callOk(first.backend, 'notes.create', { title: 'Waiting to go up' });
    first.backend.close();
    // The browser host's key file is gone (the folder came from another computer without it).
    fs.rmSync(path.join(first.dataDir, 'sync.key'));
    const again = await startBackend({ dataDir: first.dataDir });
    const refused = await callFail(again.backend, 'sync.now', {});
    expect(refused).toMatchObject({ key: 'error.syncTokenUnreadable' });
    expect(refused.message).toMatch(/cannot read the sign-in.*disconnect on the Sync screen, then connect again/);
    await callOk(again.backend, 'sync.disconnect', {});
    await callOk(again.backend, 'sync.enrol', { serverUrl: server.url, username: 'tara', password: TEST_PASSWORD, deviceName: 'again' });
    expect(await callOk(again.backend, 'sync.now', {})).toMatchObject({ status: 'done' });
    const other = await device('tara');
    await callOk(other.backend, 'sync.now', {});
    expect(await callOk(other.backend, 'notes.get', { id: note.id })).toMatchObject({ title: 'Waiting to go up' });
  });

  it('acts on a role changed on the server from its next sync: a new manager reviews, a former one keeps unsent publications here and syncs the rest', async () => {
    server.addUser('uma', 'consultant');
    server.addUser('vic', 'consultant');
    const uma = await device('uma');
    const vic = await device('vic');
    await callOk(vic.backend, 'review.submit', { kind: 'lesson', id: await readyLesson(vic, 'Label intents with the agents') });
    await callOk(vic.backend, 'sync.now', {});

    // Made a knowledge manager: her device reviews after its next sync, without connecting again.
    expect(server.admin(['user', 'role', 'uma', '--role', 'knowledge_manager']).stdout).toContain('uma is now knowledge_manager (was consultant)');
    expect(server.admin(['audit', '--limit', '1']).stdout).toContain('role_changed');
    await callOk(uma.backend, 'sync.now', {});
    expect((await callOk(uma.backend, 'sync.status', {})).account?.role).toBe('knowledge_manager');
    await callOk(uma.backend, 'sync.now', {});
    const queue = (await callOk(uma.backend, 'review.list', { status: 'open' })).items;
    expect(queue.map((s) => s.title)).toContain('Label intents with the agents');
    const submission = queue.find((s) => s.title === 'Label intents with the agents');
    await callOk(uma.backend, 'review.decide', { id: submission?.id ?? '', status: 'in_review', note: '' });
    await callOk(uma.backend, 'review.publish', { ids: [submission?.id ?? ''], title: 'Label intents with the agents', summary: 'From the field.', type: 'lesson', scenarios: [], tags: [], lang: 'en' });

    // No longer one before that went up: the publication waits here, said so; her own work goes up.
    server.admin(['user', 'role', 'uma', '--role', 'consultant']);
    const note = await callOk(uma.backend, 'notes.create', { title: 'Still hers to send' });
    const run = await callOk(uma.backend, 'sync.now', {});
    expect(run.status).toBe('done');
    expect((await callOk(uma.backend, 'sync.status', {})).account?.role).toBe('consultant');
    const items = await callOk(uma.backend, 'sync.runItems', { runId: run.id });
    expect(JSON.stringify(items)).toContain('error.syncHeldPublished');
    const other = await device('uma');
    await callOk(other.backend, 'sync.now', {});
    expect(await callOk(other.backend, 'notes.get', { id: note.id })).toMatchObject({ title: 'Still hers to send' });
  });

  it('applies what it knows of a message from a newer version and leaves the rest for later', async () => {
    const bob = await device('bob');
    const newer = await device('bob');
    const note = await callOk(newer.backend, 'notes.create', { title: 'From the future', bodyJson: body('x') });
    // A newer app version adds a column; this version applies the title and keeps the message whole.
    newer.backend.db.prepare("UPDATE sync_log SET vals = json_set(vals, '$.mood', 'sunny') WHERE state = 0 AND dataset = 'field_notes'").run();
    await callOk(newer.backend, 'sync.now', {});
    const run = await callOk(bob.backend, 'sync.now', {});
    expect(run.refused).toBe(0);
    expect((await callOk(bob.backend, 'notes.get', { id: note.id })).title).toBe('From the future');
    const items = await callOk(bob.backend, 'sync.runItems', { runId: run.id });
    expect(said(items.find((i) => i.row === note.id)?.detail)).toContain('mood');
    expect(said(items.find((i) => i.row === note.id)?.detail, 'zh')).toBe('已略过此版本不认识的字段：mood');
    // The history an earlier version kept, in English text, is shown as it was written.
    bob.backend.db.prepare("INSERT INTO sync_run_items (run_id, seq, direction, dataset, row, status, detail) VALUES (?, 9999, 'down', 'field_notes', 'n-old', 'waiting', ?)").run(run.id, JSON.stringify('waiting for the rest of the record or its parent'));
    const kept = await callOk(bob.backend, 'sync.runItems', { runId: run.id });
    expect(said(kept.find((i) => i.row === 'n-old')?.detail, 'zh')).toBe('waiting for the rest of the record or its parent');
  });

  it('brings the pictures of a submitted note to the reviewer', async () => {
    const ann = await device('ann');
    const kim = await device('kim');
    const note = await callOk(ann.backend, 'notes.create', { title: 'Cabinet labels', bodyJson: body('See below.') });
    const photo = picturePng(320, 240);
    const added = await callOk(ann.backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: 'labels.png', mime: 'image/png', data: photo });
    const picture = { type: 'image', version: 1, sha256: added.sha256, altText: 'Cabinet labels' };
    await callOk(ann.backend, 'notes.save', { id: note.id, bodyJson: documentJson([paragraph([textNode('See below.')]), paragraph([picture])]) });
    await callOk(ann.backend, 'review.submit', { kind: 'note', id: note.id });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const [summary] = (await callOk(kim.backend, 'review.list', { query: 'cabinet' })).items;
    const submission = await callOk(kim.backend, 'review.get', { id: summary?.id ?? '' });
    expect(submission.content.files).toEqual([{ sha256: added.sha256, name: 'labels.png', mime: 'image/png', size: photo.length }]);
    // Kim has no record of Ann's note or file, yet the picture shows: fetched with the submission.
    expect(await callOk(kim.backend, 'attachments.list', { ownerTable: 'field_notes', ownerId: note.id })).toEqual([]);
    expect(kim.backend.db.prepare('SELECT count(*) AS n FROM attachments WHERE sha256 = ?').get(added.sha256)).toEqual({ n: 0 });
    const file = await callOk(kim.backend, 'attachments.read', { sha256: added.sha256 });
    expect(file.mime).toBe('image/png');
    expect(Buffer.from(file.data).equals(photo)).toBe(true);

    // Published, the article shows the picture on every device: on Kim's, on a reader's, and on
    // Ann's, where the same file's record stays in her own space (nothing refused).
    // The manager publishes the draft's text as their own: a source's picture may be in it.
    const { bodyJson } = await callOk(kim.backend, 'review.draft', { ids: [submission.id], lang: 'en' });
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [submission.id], title: 'Label the cabinets', summary: '', type: 'lesson', scenarios: [], tags: [], lang: 'en', body: bodyJson });
    expect(Buffer.from(kim.backend.readBlob(added.sha256)?.data ?? []).equals(photo)).toBe(true);
    await callOk(kim.backend, 'sync.now', {});
    const bob = await device('bob');
    await callOk(bob.backend, 'sync.now', {});
    expect(JSON.stringify((await callOk(bob.backend, 'kb.get', { id: articleId })).body.en)).toContain(added.sha256);
    expect(Buffer.from(bob.backend.readBlob(added.sha256)?.data ?? []).equals(photo)).toBe(true);
    const annRun = await callOk(ann.backend, 'sync.now', {});
    expect(annRun.refused).toBe(0);
    expect(Buffer.from(ann.backend.readBlob(added.sha256)?.data ?? []).equals(photo)).toBe(true);
    for (const t of [ann, kim, bob]) t.backend.close();
  });

  it('shows a lesson’s attached pictures in the article published from it, on every device', async () => {
    const ann = await device('ann');
    const kim = await device('kim');
    const bob = await device('bob');
    const lessonId = await readyLesson(ann, 'Photograph the racks');
    const photo = picturePng(200, 150);
    const added = await callOk(ann.backend, 'attachments.add', { ownerTable: 'lessons', ownerId: lessonId, name: 'rack-3.png', mime: 'image/png', data: photo });
    await callOk(ann.backend, 'review.submit', { kind: 'lesson', id: lessonId });
    await callOk(ann.backend, 'sync.now', {});
    await callOk(kim.backend, 'sync.now', {});
    const [submission] = (await callOk(kim.backend, 'review.list', { query: 'racks' })).items;
    const { articleId } = await callOk(kim.backend, 'review.publish', { ids: [submission?.id ?? ''], title: 'Photograph the racks', summary: '', type: 'lesson', scenarios: [], tags: [], lang: 'zh' });
    await callOk(kim.backend, 'sync.now', {});
    await callOk(bob.backend, 'sync.now', {});
    const body = JSON.stringify((await callOk(bob.backend, 'kb.get', { id: articleId })).body.zh);
    expect(body).toContain('图片');
    expect(body).toContain(added.sha256);
    expect(body).toContain('rack-3.png');
    expect(Buffer.from(bob.backend.readBlob(added.sha256)?.data ?? []).equals(photo)).toBe(true);
    for (const t of [ann, kim, bob]) t.backend.close();
  });

  it('sends attachment files after their records, and a device fetches them, resuming a cut download', async () => {
    const laptop = await device('ann');
    const tablet = await device('ann');
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Cabinet photo', bodyJson: body('See photo.') });
    const photo = picturePng(900, 700);
    const added = await callOk(laptop.backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name: 'cabinet.png', mime: 'image/png', data: photo });
    await callOk(laptop.backend, 'sync.now', {});
    // A download cut after its first bytes: what arrived waits in the attachments folder.
    fs.mkdirSync(attachmentsDir(tablet.dataDir), { recursive: true });
    fs.writeFileSync(path.join(attachmentsDir(tablet.dataDir), `${added.sha256}.download`), photo.subarray(0, 1000));
    await callOk(tablet.backend, 'sync.now', {});
    const [link] = await callOk(tablet.backend, 'attachments.list', { ownerTable: 'field_notes', ownerId: note.id });
    expect(link?.sha256).toBe(added.sha256);
    expect(Buffer.from(tablet.backend.readBlob(added.sha256)?.data ?? []).equals(photo)).toBe(true);
    expect(fs.existsSync(path.join(attachmentsDir(tablet.dataDir), `${added.sha256}.download`))).toBe(false);
  });

  it('tells, at every sync, of a file this device lost or whose bytes changed on disk, and still sends the others', async () => {
    const laptop = await device('ann');
    const note = await callOk(laptop.backend, 'notes.create', { title: 'Three photos', bodyJson: body('See photos.') });
    const add = (name: string, width: number) => callOk(laptop.backend, 'attachments.add', { ownerTable: 'field_notes', ownerId: note.id, name, mime: 'image/png', data: picturePng(width, 100) });
    const lost = await add('lost.png', 110);
    const changed = await add('changed.png', 120);
    const kept = await add('kept.png', 130);
    fs.rmSync(path.join(attachmentsDir(laptop.dataDir), lost.sha256));
    fs.writeFileSync(path.join(attachmentsDir(laptop.dataDir), changed.sha256), picturePng(140, 100));
    for (let sync = 0; sync < 2; sync++) {
      const run = await callOk(laptop.backend, 'sync.now', {});
      // The records of all three are sent; the two files wait, each with why.
      const files = (await callOk(laptop.backend, 'sync.runItems', { runId: run.id })).filter((item) => item.dataset === 'attachments' && item.status === 'waiting');
      const why = new Map(files.map((item) => [item.row, [item.direction, item.detail?.key]]));
      expect(why).toEqual(
        new Map([
          [lost.sha256, ['up', 'error.syncFileGoneHere']],
          [changed.sha256, ['up', 'error.syncFileDamagedHere']],
        ]),
      );
      expect(files.find((item) => item.row === lost.sha256)?.detail?.params).toMatchObject({ name: 'lost.png', folder: attachmentsDir(laptop.dataDir) });
    }
    // The device says so where the user looks: two files are not on the server.
    expect((await callOk(laptop.backend, 'sync.status', {})).filesToSend).toBe(2);
    // The intact one reached the server; the changed bytes never did.
    const tablet = await device('ann');
    await callOk(tablet.backend, 'sync.now', {});
    expect(Buffer.from(tablet.backend.readBlob(kept.sha256)?.data ?? []).equals(picturePng(130, 100))).toBe(true);
    expect(tablet.backend.readBlob(changed.sha256)).toBeNull();
    // A file downloaded from the server is not one to send back.
    expect((await callOk(tablet.backend, 'sync.status', {})).filesToSend).toBe(0);
    for (const t of [laptop, tablet]) t.backend.close();
  });
});
