import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { loadPack } from '../../electron/backend/content/load-pack';
import { importPack } from '../../electron/backend/content/import-pack';
import { markdownToLexical } from '../../electron/backend/content/markdown';
import { searchKb } from '../../electron/backend/search/search';
import { makeTempDir } from '../helpers/temp-dir';
import { makeTestDb } from '../helpers/kb-db';

const VALID = path.join(__dirname, '..', 'fixtures', 'packs', 'valid');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A copy of the valid fixture pack that a test may break. */
function packCopy(): string {
  const t = makeTempDir('fieldbench-pack-');
  cleanups.push(t.cleanup);
  fs.cpSync(VALID, t.dir, { recursive: true });
  return t.dir;
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = path.join(dir, rel);
  fs.writeFileSync(file, change(fs.readFileSync(file, 'utf8')));
}

describe('markdown to Lexical', () => {
  it('keeps structure, kb links and safe links; drops script links; leaves HTML as text', () => {
    const { json, text } = markdownToLexical('## Title\n\n- a\n- b\n\n[x](kb:some-article) [y](https://example.org) [z](javascript:alert(1)) <script>alert(1)</script>\n\n中文');
    expect(json).toContain('"type":"heading"');
    expect(json).toContain('"type":"list"');
    expect(json).toContain('"url":"kb:some-article"');
    expect(json).toContain('"url":"https://example.org"');
    expect(json).not.toContain('javascript:');
    expect(text).toContain('<script>alert(1)</script>'); // inert text, never markup
    expect(text).toContain('中文');
  });
});

describe('loading a content pack', () => {
  it('loads a valid pack with no problems', () => {
    const pack = loadPack(VALID);
    expect(pack.problems).toEqual([]);
    expect(pack.manifest?.version).toBe(1);
    expect(pack.articles.map((a) => a.id).sort()).toEqual(['bse-sleep-method', 'comp-pi-export', 'ics-intent-method']);
    expect(pack.articles.find((a) => a.id === 'comp-pi-export')?.body.en.json).not.toContain('javascript:');
  });

  const cases: [string, (dir: string) => void, { file: string; field: RegExp | string; message: RegExp }][] = [
    ['bad YAML with its line', (d) => edit(d, 'checklists/rc-data.yaml', (t) => t.replace('likelihood: 3', 'likelihood: [3')), { file: 'checklists/rc-data.yaml', field: /\(line \d+\)/, message: /not valid YAML/ }],
    ['a wrong type', (d) => edit(d, 'checklists/rc-data.yaml', (t) => t.replace('likelihood: 3', 'likelihood: high')), { file: 'checklists/rc-data.yaml', field: 'items.0.likelihood', message: /number/ }],
    ['a missing language', (d) => edit(d, 'scenarios/base-station-energy-saving.yaml', (t) => t.replace('zh: 基站节能', 'zh: ""')), { file: 'scenarios/base-station-energy-saving.yaml', field: 'name.zh', message: /Chinese text is empty/ }],
    ['an unknown rule operator', (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('visibleIf: { "=="', 'visibleIf: { "eval"')), { file: 'assessments/ics-readiness.yaml', field: /visibleIf/, message: /unknown rule operator/ }],
    ['a rule referring to a later question', (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('var: has-ivr }, true ] }\n        number', 'var: data-quality }, 3 ] }\n        number')), { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.1.visibleIf', message: /not asked before it/ }],
    ['a dangling reference', (d) => edit(d, 'templates/poc-ics-voicebot.yaml', (t) => t.replace('fromArticle: ics-intent-method', 'fromArticle: no-such-article')), { file: 'templates/poc-ics-voicebot.yaml', field: 'sections.1.fromArticle', message: /"no-such-article", which is not in the pack/ }],
    ['a file name that differs from the id', (d) => fs.renameSync(path.join(d, 'kb/bse-sleep-method.md'), path.join(d, 'kb/bse-other.md')), { file: 'kb/bse-other.md', field: 'id', message: /file is named "bse-other"/ }],
    ['missing language markers', (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('<!-- lang: zh -->', '')), { file: 'kb/bse-sleep-method.md', field: '(body)', message: /found: en/ }],
    ['an unknown field', (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('author: Test Team', 'author: Test Team\nauthr: typo')), { file: 'kb/bse-sleep-method.md', field: '(root)', message: /authr/ }],
    ['a risk ref to an unknown item', (d) => edit(d, 'assessments/bse-readiness.yaml', (t) => t.replace('rc-data#no-data', 'rc-data#nothing')), { file: 'assessments/bse-readiness.yaml', field: 'recommendations.1.ref', message: /risk-checklist item "rc-data#nothing"/ }],
  ];

  it.each(cases)('names file and field for %s', (_name, breakIt, expected) => {
    const dir = packCopy();
    breakIt(dir);
    const pack = loadPack(dir);
    const problem = pack.problems.find((p) => p.file === expected.file);
    expect(problem, JSON.stringify(pack.problems)).toBeDefined();
    if (typeof expected.field === 'string') expect(problem?.field).toBe(expected.field);
    else expect(problem?.field).toMatch(expected.field);
    expect(problem?.message).toMatch(expected.message);
  });

  it('skips only the broken file and keeps the rest', () => {
    const dir = packCopy();
    edit(dir, 'kb/bse-sleep-method.md', (t) => t.replace('type: method', 'type: rumour'));
    const pack = loadPack(dir);
    expect(pack.articles.map((a) => a.id).sort()).toEqual(['comp-pi-export', 'ics-intent-method']);
    expect(pack.scenarios).toHaveLength(2);
  });

  it('reports a missing or broken manifest and loads nothing', () => {
    const dir = packCopy();
    fs.writeFileSync(path.join(dir, 'pack.yaml'), 'id: Not Kebab\nversion: 0\n');
    const pack = loadPack(dir);
    expect(pack.manifest).toBeNull();
    expect(pack.articles).toEqual([]);
    expect(pack.problems.map((p) => `${p.file}:${p.field}`)).toEqual(expect.arrayContaining(['pack.yaml:id', 'pack.yaml:version', 'pack.yaml:title']));
  });

  it('reports duplicate ids across files', () => {
    const dir = packCopy();
    fs.copyFileSync(path.join(dir, 'checklists/rc-data.yaml'), path.join(dir, 'checklists/rc-data.yml'));
    const problems = loadPack(dir).problems;
    expect(problems).toContainEqual({ file: 'checklists/rc-data.yml', field: 'id', message: '"rc-data" is already used by checklists/rc-data.yaml' });
  });
});

describe('importing a content pack', () => {
  async function imported() {
    const t = await makeTestDb();
    cleanups.push(t.cleanup);
    return t.db;
  }

  it('imports everything on first run, with search documents in both languages', async () => {
    const db = await imported();
    const report = importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    expect(report).toEqual({ imported: true, packVersion: 1, added: 9, updated: 0, unchanged: 0, skippedUserModified: 0 });
    expect(db.prepare("SELECT count(*) AS n FROM search_docs WHERE kind = 'kb'").get()).toEqual({ n: 6 });
    expect(searchKb(db, { query: '聚类' }).hits.map((h) => h.id)).toEqual(['ics-intent-method']);
    expect(searchKb(db, { query: 'carriers' }).hits.map((h) => h.id)).toEqual(['bse-sleep-method']);
  });

  it('does nothing when the same version is imported again', async () => {
    const db = await imported();
    importPack(db, loadPack(VALID), new Date());
    const again = importPack(db, loadPack(VALID), new Date());
    expect(again.imported).toBe(false);
  });

  it('upgrades unchanged pack records and never touches what users changed or wrote', async () => {
    const db = await imported();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    // The user edited one article and wrote another of their own.
    db.prepare("UPDATE kb_articles SET locally_modified = 1 WHERE id = 'comp-pi-export'").run();
    db.prepare("UPDATE kb_article_texts SET title = 'My edited title' WHERE article_id = 'comp-pi-export' AND lang = 'en'").run();
    db.prepare("UPDATE kb_articles SET origin = 'user' WHERE id = 'bse-sleep-method'").run();

    const dir = packCopy();
    edit(dir, 'pack.yaml', (t) => t.replace('version: 1', 'version: 2'));
    for (const rel of ['kb/ics-intent-method.md', 'kb/comp-pi-export.md', 'kb/bse-sleep-method.md']) {
      edit(dir, rel, (t) => t.replace('version: 1', 'version: 2').replace(/title: \{ en: "([^"]+)"/, 'title: { en: "$1 (v2)"'));
    }
    edit(dir, 'assessments/ics-readiness.yaml', (t) => t.replace('version: 1', 'version: 2'));
    const report = importPack(db, loadPack(dir), new Date('2026-12-01T00:00:00Z'));
    expect(report).toMatchObject({ imported: true, packVersion: 2, added: 0, updated: 2, skippedUserModified: 2 });

    const title = (id: string) => (db.prepare("SELECT title FROM kb_article_texts WHERE article_id = ? AND lang = 'en'").get(id) as { title: string }).title;
    expect(title('ics-intent-method')).toBe('Building an intent taxonomy (v2)');
    expect(title('comp-pi-export')).toBe('My edited title');
    expect(title('bse-sleep-method')).toBe('Cell sleep strategy');
    // Sessions record the definition version they began on, so both versions stay.
    expect(db.prepare("SELECT version FROM assessment_definitions WHERE id = 'ics-readiness' ORDER BY version").all()).toEqual([{ version: 1 }, { version: 2 }]);
    expect(searchKb(db, { query: '"(v2)" taxonomy' }).hits.map((h) => h.id)).toEqual(['ics-intent-method']);
  });

  it('leaves the database unchanged when an import fails midway', async () => {
    const db = await imported();
    const pack = loadPack(VALID);
    const broken = { ...pack, templates: [{ ...pack.templates[0]!, title: null as unknown as { en: string; zh: string } }] };
    expect(() => importPack(db, broken, new Date())).toThrow();
    expect(db.prepare('SELECT count(*) AS n FROM kb_articles').get()).toEqual({ n: 0 });
    expect(db.prepare('SELECT count(*) AS n FROM content_packs').get()).toEqual({ n: 0 });
  });
});
