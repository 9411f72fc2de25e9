import { describe, expect, it } from 'vitest';
import { formatTimestamp } from '../../core/sync/hlc';
import { MAX_COLUMNS_PER_MESSAGE, MAX_ROW_CHARS, MAX_VALUE_CHARS, messageProblem, syncRequestSchema, PROTOCOL_VERSION } from '../../core/sync/protocol';

/**
 * Every message of every sync is checked by hand (messageProblem) rather than by a composed zod
 * schema: each rule the wire format has must still refuse what breaks it, and say where.
 */

const good = () => ({ timestamp: formatTimestamp(Date.UTC(2026, 11, 4), 0, 'a1b2c3d4e5f60718'), space: 'user:u1', dataset: 'field_notes', row: 'n1', values: { title: 'Site visit', count: 3, gone: null } });

describe('sync message check', () => {
  it('passes a well-formed message', () => {
    expect(messageProblem(good())).toBeNull();
  });

  it.each([
    ['not an object', [], []],
    ['an unknown field', { ...good(), extra: 1 }, ['extra']],
    ['a timestamp that is not an HLC one', { ...good(), timestamp: '2026-12-04' }, ['timestamp']],
    ['a space that is not one', { ...good(), space: 'everyone' }, ['space']],
    ['a table name with capitals', { ...good(), dataset: 'Field_Notes' }, ['dataset']],
    ['an empty row id', { ...good(), row: '' }, ['row']],
    ['a row id too long', { ...good(), row: 'x'.repeat(MAX_ROW_CHARS + 1) }, ['row']],
    ['a row id with a control character', { ...good(), row: 'a\u0000b' }, ['row']],
    ['a row id with DEL', { ...good(), row: 'a\u007fb' }, ['row']],
    ['a row id with half a surrogate pair', { ...good(), row: 'a\ud800b' }, ['row']],
    ['values that are a list', { ...good(), values: ['x'] }, ['values']],
    ['no values', { ...good(), values: {} }, ['values']],
    ['too many columns', { ...good(), values: Object.fromEntries(Array.from({ length: MAX_COLUMNS_PER_MESSAGE + 1 }, (_, i) => [`c${i}`, i])) }, ['values']],
    ['a column name that is not one', { ...good(), values: { __proto__x: 1 } }, ['values', '__proto__x']],
    ['a value that is an object', { ...good(), values: { title: { text: 'x' } } }, ['values', 'title']],
    ['a value that is a boolean', { ...good(), values: { title: true } }, ['values', 'title']],
    ['a text value too long', { ...good(), values: { title: 'x'.repeat(MAX_VALUE_CHARS + 1) } }, ['values', 'title']],
  ])('refuses %s and says where', (_what, message, path) => {
    expect(messageProblem(message)?.path).toEqual(path);
  });

  it('keeps a pair of surrogates (an emoji) in a row id', () => {
    expect(messageProblem({ ...good(), row: 'note-😀' })).toBeNull();
  });

  it('reports a bad message in a request by its place in the list', () => {
    const request = { protocol: PROTOCOL_VERSION, schema: 4, clientTime: new Date().toISOString(), messages: [good(), { ...good(), space: 'nowhere' }], spaces: {} };
    const parsed = syncRequestSchema.safeParse(request);
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0]?.path).toEqual(['messages', 1, 'space']);
    expect(syncRequestSchema.safeParse({ ...request, messages: [good()], limit: 0 }).success).toBe(true);
    expect(syncRequestSchema.safeParse({ ...request, messages: [good()], limit: -1 }).success).toBe(false);
  });
});
