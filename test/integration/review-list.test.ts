import { describe, expect, it } from 'vitest';
import { REVIEW_LIST_MAX, type SubmissionStatus } from '../../core/review/types';
import { transact } from '../../electron/backend/db/changes';
import { putSubmission, setReview } from '../../electron/backend/repos/review-repo';
import { callFail, callOk, startBackend } from '../helpers/backend';

/**
 * The review list a knowledge manager works from: the open queue (submitted or in review), one
 * status, or all; a search over titles and authors; the count of each status beside the filter;
 * and, past REVIEW_LIST_MAX rows, the newest with the true total.
 */

type Seed = { title: string; author: string; status: SubmissionStatus };

async function withSubmissions(seeds: Seed[]) {
  const { backend } = await startBackend();
  transact(backend.db, () => {
    seeds.forEach((seed, i) => {
      const id = `lesson-s${i}`;
      // One minute apart, the first oldest.
      const at = new Date(Date.UTC(2026, 10, 1) + i * 60_000).toISOString();
      putSubmission(backend.db, { id, authorId: `u-${seed.author}`, authorName: seed.author, kind: 'lesson', sourceId: `s${i}`, title: seed.title, content: { kind: 'lesson', context: '', problem: '', action: '', result: '', recommendation: '', tags: [] }, text: seed.title, scenarios: [], submittedAt: at });
      if (seed.status !== 'submitted') setReview(backend.db, id, { status: seed.status, note: 'ok', by: 'Kim', at });
    });
  });
  return backend;
}

describe('review.list', () => {
  it('shows the open queue, one status or all, newest first, with the count of each status', async () => {
    const backend = await withSubmissions([
      { title: 'Check the VPN first', author: 'Ann', status: 'submitted' },
      { title: 'Label the cabinets', author: 'Bob', status: 'in_review' },
      { title: 'Night shift staffing', author: 'Ann', status: 'published' },
      { title: '先核对话务数据', author: '李娜', status: 'submitted' },
      { title: 'Old idea', author: 'Bob', status: 'rejected' },
      { title: 'Tidy the wording', author: 'Ann', status: 'returned' },
    ]);
    const open = await callOk(backend, 'review.list', { status: 'open' });
    expect(open.items.map((s) => s.title)).toEqual(['先核对话务数据', 'Label the cabinets', 'Check the VPN first']);
    expect(open.total).toBe(3);
    expect(open.counts).toEqual({ submitted: 2, in_review: 1, returned: 1, merged: 0, published: 1, rejected: 1 });
    const all = await callOk(backend, 'review.list', {});
    expect(all.items.map((s) => s.title)).toEqual(['Tidy the wording', 'Old idea', '先核对话务数据', 'Night shift staffing', 'Label the cabinets', 'Check the VPN first']);
    expect((await callOk(backend, 'review.list', { status: 'all' })).total).toBe(6);
    expect((await callOk(backend, 'review.list', { status: 'returned' })).items.map((s) => s.title)).toEqual(['Tidy the wording']);
  });

  it('searches titles and authors, in Chinese too, taking %, _ and \\ as themselves; the counts follow the search', async () => {
    const backend = await withSubmissions([
      { title: 'Raise the SLA to 50%', author: 'Ann', status: 'submitted' },
      { title: 'Raise the SLA to 50 points', author: 'Ann', status: 'published' },
      { title: 'call_centre naming', author: 'Bob', status: 'submitted' },
      { title: 'callXcentre', author: 'Bob', status: 'submitted' },
      { title: 'Path C:\\data', author: 'Bob', status: 'submitted' },
      { title: '先核对话务数据', author: '李娜', status: 'in_review' },
      { title: '基站节能先看空调', author: '王磊', status: 'submitted' },
    ]);
    const titles = async (query: string, status?: 'open') => (await callOk(backend, 'review.list', { query, ...(status && { status }) })).items.map((s) => s.title);
    expect(await titles('50%')).toEqual(['Raise the SLA to 50%']);
    expect(await titles('call_')).toEqual(['call_centre naming']);
    expect(await titles('C:\\data')).toEqual(['Path C:\\data']);
    expect(await titles('李娜')).toEqual(['先核对话务数据']);
    expect(await titles('节能')).toEqual(['基站节能先看空调']);
    expect(await titles('raise the sla')).toEqual(['Raise the SLA to 50 points', 'Raise the SLA to 50%']);
    expect(await titles('raise the sla', 'open')).toEqual(['Raise the SLA to 50%']);
    expect((await callOk(backend, 'review.list', { query: 'raise' })).counts).toMatchObject({ submitted: 1, published: 1, in_review: 0 });
    expect(await titles('nothing like this')).toEqual([]);
  });

  it(`answers the newest ${REVIEW_LIST_MAX} with the true total when more match`, async () => {
    const seeds: Seed[] = Array.from({ length: REVIEW_LIST_MAX + 20 }, (_, i) => ({ title: `Lesson ${i}`, author: 'Ann', status: i % 2 === 0 ? 'published' : 'submitted' }));
    const backend = await withSubmissions(seeds);
    const all = await callOk(backend, 'review.list', {});
    expect(all.items.length).toBe(REVIEW_LIST_MAX);
    expect(all.total).toBe(REVIEW_LIST_MAX + 20);
    expect(all.items[0]?.title).toBe(`Lesson ${REVIEW_LIST_MAX + 19}`);
    const open = await callOk(backend, 'review.list', { status: 'open' });
    expect(open.total).toBe((REVIEW_LIST_MAX + 20) / 2);
    expect(open.items.length).toBe((REVIEW_LIST_MAX + 20) / 2);
  });

  it('refuses an unknown status and an overlong search, naming the field', async () => {
    const { backend } = await startBackend();
    const status = await callFail(backend, 'review.list', { status: 'pending' });
    expect(status.code).toBe('bad_request');
    expect(status.issues?.[0]?.path).toBe('status');
    const query = await callFail(backend, 'review.list', { query: 'x'.repeat(201) });
    expect(query.issues?.[0]?.path).toBe('query');
  });
});
