import { describe, expect, it } from 'vitest';
import { joinMaps } from '../../core/api/join';
import { calls } from '../../core/api/contract';
import { RECORD_TABLES } from '../../core/api/tables';

describe('joinMaps', () => {
  it('joins maps whose names differ', () => {
    const joined = joinMaps([{ 'a.one': 1 }, { 'b.two': 2 }]);
    expect(joined).toEqual({ 'a.one': 1, 'b.two': 2 });
    const typed: { 'a.one': number; 'b.two': number } = joined;
    expect(typed['b.two']).toBe(2);
  });

  it('refuses a name declared twice, at compile time and at run time', () => {
    const first = { 'notes.get': 1, 'notes.list': 2 } as const;
    const second = { 'notes.get': 3 } as const;
    // @ts-expect-error -- the compiler names the duplicate ("duplicate name: notes.get")
    expect(() => joinMaps([first, second])).toThrow('"notes.get" is declared by two maps');
  });

  it('keeps every call of the contract under its own prefix file', () => {
    const names = Object.keys(calls);
    expect(names.length).toBeGreaterThan(60);
    expect(new Set(names).size).toBe(names.length);
    for (const name of names) expect(name).toMatch(/^[a-z]+\.[A-Za-z]+$/);
    expect(RECORD_TABLES.length).toBe(new Set(RECORD_TABLES).size);
  });
});
