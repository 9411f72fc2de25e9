import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../electron/backend/content/load-pack';
import { importPack } from '../../electron/backend/content/import-pack';
import { listGlossary } from '../../electron/backend/repos/glossary-repo';
import { searchKb } from '../../electron/backend/search/search';
import { makeTempDir } from '../helpers/temp-dir';
import { makeTestDb } from '../helpers/kb-db';

/** The bilingual domain glossary: validated with the pack, imported, listed, and read defensively. */
const VALID = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

function packWithGlossary(yaml: string): string {
  const t = makeTempDir('fieldbench-pack-');
  cleanups.push(t.cleanup);
  fs.cpSync(VALID, t.dir, { recursive: true });
  fs.writeFileSync(path.join(t.dir, 'glossary.yaml'), yaml);
  return t.dir;
}

describe('the glossary', () => {
  it('comes with the bundled pack: at least 150 bilingual terms, none in two entries', () => {
    const pack = loadPack(path.resolve('resources/content'));
    expect(pack.problems).toEqual([]);
    const entries = pack.glossary?.entries ?? [];
    expect(entries.length).toBeGreaterThanOrEqual(150);
    for (const e of entries) {
      expect(e.en.length, e.id).toBeGreaterThan(0);
      expect(e.zh.length, e.id).toBeGreaterThan(0);
    }
  });

  it('refuses a file with an empty term, naming the field', () => {
    const pack = loadPack(
      packWithGlossary(`version: 1
entries:
  - { id: churn, en: [churn, attrition], zh: [离网] }
  - { id: attrition, en: [Attrition], zh: [流失] }
  - { id: empty, en: ["  "], zh: [空] }
  - { id: base-station, en: [base station], zh: [基站], abbr: [BTS] }
`),
    );
    expect(pack.problems).toEqual([{ file: 'glossary.yaml', field: 'entries.2.en.0', message: expect.stringContaining('empty term') }]);
    expect(pack.glossary).toBeNull();
  });

  it('refuses a term already in another entry, naming both; the other entries load', () => {
    const pack = loadPack(
      packWithGlossary(`version: 1
entries:
  - { id: churn, en: [churn, attrition], zh: [离网] }
  - { id: attrition, en: [Attrition], zh: [流失] }
  - { id: base-station, en: [base station], zh: [基站], abbr: [BTS] }
`),
    );
    expect(pack.problems).toEqual([{ file: 'glossary.yaml', field: 'entries.1.en.0', message: '"Attrition" is already a term of "churn"; a term may belong to one entry only' }]);
    expect(pack.glossary?.entries.map((e) => e.id)).toEqual(['churn', 'base-station']);
  });

  it('is imported, listed by English name and filtered by any name', async () => {
    const { db, cleanup } = await makeTestDb();
    cleanups.push(cleanup);
    importPack(db, loadPack(path.resolve('resources/content')), new Date('2026-12-01T00:00:00Z'));
    const all = listGlossary(db, undefined);
    expect(all.length).toBeGreaterThanOrEqual(150);
    const names = all.map((t) => t.en[0] ?? '');
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'en', { sensitivity: 'base' })));
    expect(listGlossary(db, '客户流失').map((t) => t.id)).toEqual(['churn']);
    expect(listGlossary(db, 'ATTRITION').map((t) => t.id)).toContain('churn');
    expect(listGlossary(db, 'no such term at all')).toEqual([]);
  });

  it('reads published rows defensively: names that are not strings are ignored, never a crash', async () => {
    const { db, cleanup } = await makeTestDb();
    cleanups.push(cleanup);
    const at = '2026-12-01T00:00:00.000Z';
    db.prepare(
      `INSERT INTO glossary_entries (id, version, terms_en, terms_zh, abbreviations, origin, updated_at) VALUES ('odd', 1, '[1, null, {"x": 1}, "odd term"]', '"not a list"', '[]', 'sync', ?)`,
    ).run(at);
    const many = JSON.stringify(Array.from({ length: 500 }, (_, i) => `alias${i}`));
    db.prepare(`INSERT INTO glossary_entries (id, version, terms_en, terms_zh, abbreviations, origin, updated_at) VALUES ('many', 1, ?, '[]', '[]', 'sync', ?)`).run(many, at);
    expect(listGlossary(db, 'odd')).toEqual([{ id: 'odd', en: ['odd term'], zh: [], abbr: [] }]);
    expect(() => searchKb(db, { query: 'odd term alias3' })).not.toThrow();
  });
});
