import { describe, expect, it } from 'vitest';
import { dispatch, type Handlers } from '../../core/api/dispatch';
import { ApiFailure } from '../../core/api/result';
import { calls } from '../../core/api/contract';
import { formatApiMessage, msg } from '../../core/api/message';

const seen: unknown[] = [];
const handlers = Object.fromEntries(
  Object.keys(calls).map((name) => [
    name,
    (args: unknown) => {
      seen.push(args);
      if (name === 'kb.get') throw new ApiFailure('not_found', msg('error.notFound', { what: msg('record.article'), id: 'x' }));
      if (name === 'kb.facets') throw new Error('disk on fire');
      return { name };
    },
  ]),
) as unknown as Handlers;

const logged: string[] = [];
const log = (message: string) => logged.push(message);

describe('dispatch', () => {
  it('runs a valid call', async () => {
    expect(await dispatch(handlers, 'kb.search', { query: 'churn' }, log)).toEqual({ ok: true, value: { name: 'kb.search' } });
  });

  it.each([['nope'], ['__proto__'], ['constructor'], ['toString'], [42], [null], [{}]])('rejects the unknown method %j', async (method) => {
    const result = await dispatch(handlers, method, {}, log);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.code).toBe('unknown_method');
  });

  it('rejects wrong argument shapes, naming the field', async () => {
    const cases: [string, unknown, RegExp][] = [
      ['kb.search', { query: 42 }, /query/],
      ['kb.search', { query: 'x', limit: 1e9 }, /limit/],
      ['kb.search', { query: 'x', extra: true }, /does not know: extra/],
      ['kb.search', 'just a string', /\(root\): has the wrong type; expected object/],
      ['kb.get', {}, /id/],
      ['settings.update', { language: 'fr' }, /language/],
      ['kb.search', { query: 'a'.repeat(100 * 1024) }, /query: is too long/],
    ];
    for (const [method, args, message] of cases) {
      const result = await dispatch(handlers, method, args, log);
      expect(result.ok, `${method} ${JSON.stringify(args).slice(0, 40)}`).toBe(false);
      if (!result.ok) {
        expect(result.error.code).toBe('bad_request');
        expect(result.error.message).toMatch(message);
        expect(result.error.issues?.length).toBeGreaterThan(0);
      }
    }
  });

  it('treats missing arguments as an empty object', async () => {
    expect((await dispatch(handlers, 'app.info', undefined, log)).ok).toBe(true);
  });

  it('passes expected failures through and hides nothing about bugs but the stack', async () => {
    const missing = await dispatch(handlers, 'kb.get', { id: 'x' }, log);
    expect(missing).toEqual({
      ok: false,
      error: { code: 'not_found', key: 'error.notFound', params: { what: msg('record.article'), id: 'x' }, message: 'No knowledge-base article with id "x" on this device.' },
    });
    // The renderer words the same error in the user's language from its key and parameters.
    if (!missing.ok) expect(formatApiMessage(missing.error, 'zh')).toBe('此设备上没有编号为“x”的知识库文章。');
    const bug = await dispatch(handlers, 'kb.facets', {}, log);
    expect(bug).toEqual({
      ok: false,
      error: { code: 'internal', key: 'error.internal', params: { call: 'kb.facets', detail: 'disk on fire' }, message: 'kb.facets failed unexpectedly: disk on fire' },
    });
    expect(logged).toContain('handler kb.facets failed');
  });
});
