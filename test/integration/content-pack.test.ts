import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../electron/backend/db/connection';
import { loadPack } from '../../electron/backend/content/load-pack';
import { importPack } from '../../electron/backend/content/import-pack';
import { searchKb } from '../../electron/backend/search/search';
import { makeTempDir } from '../helpers/temp-dir';
import { makeTestDb } from '../helpers/kb-db';

const PACKS = path.join(__dirname, '..', 'fixtures', 'packs');
const VALID = path.join(PACKS, 'valid');
const BROKEN = path.join(PACKS, 'broken');
const cleanups: (() => void)[] = [];
afterEach(() => cleanups.splice(0).forEach((c) => c()));

/** A copy of the valid fixture pack that a test may break or upgrade. */
function packCopy(): string {
  const t = makeTempDir('fieldbench-pack-');
  cleanups.push(t.cleanup);
  fs.cpSync(VALID, t.dir, { recursive: true });
  return t.dir;
}

function edit(dir: string, rel: string, change: (text: string) => string): void {
  const file = path.join(dir, rel);
  const before = fs.readFileSync(file, 'utf8');
  const after = change(before);
  // A test whose edit silently matched nothing would test the valid pack instead.
  expect(after, `edit of ${rel} changed nothing`).not.toBe(before);
  fs.writeFileSync(file, after);
}

const bumpVersion = (from: number, to: number) => (t: string) => t.replace(new RegExp(`^version: ${from}$`, 'm'), `version: ${to}`);

describe('loading a content pack', () => {
  it('loads a valid pack with no problems', () => {
    const pack = loadPack(VALID);
    expect(pack.problems).toEqual([]);
    expect(pack.manifest).toEqual({ id: 'test-pack', version: 1, title: { en: 'Test pack', zh: '测试内容包' } });
    expect(pack.scenarios.map((s) => s.id)).toEqual(['base-station-energy-saving', 'intelligent-customer-service']);
    expect(pack.articles.map((a) => a.id)).toEqual(['bse-sleep-method', 'comp-pi-export', 'ics-intent-method']);
    expect(pack.assessments.map((a) => a.id)).toEqual(['bse-readiness', 'ics-readiness']);
    expect(pack.checklists.map((c) => c.id)).toEqual(['rc-data']);
    expect(pack.templates.map((t) => t.id)).toEqual(['poc-ics-voicebot']);
    const article = pack.articles.find((a) => a.id === 'ics-intent-method');
    expect(article?.related).toEqual(['comp-pi-export']);
    expect(article?.body.en.text).toContain('Label a sample and see export rules.');
    expect(article?.body.en.json).toContain('"url":"kb:comp-pi-export"');
    expect(article?.body.zh.text).toContain('先对通话转写进行聚类');
    expect(article?.body.zh.text).not.toContain('Cluster');
  });

  const cases: [string, (dir: string) => void, { file: string; field: RegExp | string; message: RegExp }][] = [
    [
      'bad YAML, with its line',
      (d) => edit(d, 'checklists/rc-data.yaml', (t) => t.replace('likelihood: 3', 'likelihood: [3')),
      // The unclosed [ is on line 11; the parser notices it on the next line.
      { file: 'checklists/rc-data.yaml', field: '(line 12)', message: /is not valid YAML: Flow sequence/ },
    ],
    [
      'bad YAML in front matter, with its line in the .md file',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('tags: [energy, night-time]', 'tags: [energy, night-time')),
      // Line 7 of the .md file: the front matter starts on line 2, and the parser notices the open [ one line later.
      { file: 'kb/bse-sleep-method.md', field: '(line 7)', message: /is not valid YAML/ },
    ],
    [
      'a wrong type, with its line',
      (d) => edit(d, 'checklists/rc-data.yaml', (t) => t.replace('likelihood: 3', 'likelihood: high')),
      { file: 'checklists/rc-data.yaml', field: 'items.0.likelihood', message: /expected number.*\(line 11\)/ },
    ],
    [
      'a missing language',
      (d) => edit(d, 'scenarios/base-station-energy-saving.yaml', (t) => t.replace('zh: 基站节能', 'zh: ""')),
      { file: 'scenarios/base-station-energy-saving.yaml', field: 'name.zh', message: /Chinese text is empty/ },
    ],
    [
      'a missing language body',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('<!-- lang: zh -->', '')),
      { file: 'kb/bse-sleep-method.md', field: '(body)', message: /found: en\)/ },
    ],
    [
      'languages in the wrong order',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('<!-- lang: en -->', '<!-- lang: tmp -->').replace('<!-- lang: zh -->', '<!-- lang: en -->').replace('<!-- lang: tmp -->', '<!-- lang: zh -->')),
      { file: 'kb/bse-sleep-method.md', field: '(body)', message: /found: zh,en\)/ },
    ],
    [
      'a language marker given twice',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => `${t}\n<!-- lang: zh -->\nagain\n`),
      { file: 'kb/bse-sleep-method.md', field: '(body)', message: /found: en,zh,zh\)/ },
    ],
    [
      'text before the first language marker',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('---\n<!-- lang: en -->', '---\nstray words\n<!-- lang: en -->')),
      { file: 'kb/bse-sleep-method.md', field: '(body)', message: /text before "<!-- lang: en -->"/ },
    ],
    [
      'an unknown rule operator',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('visibleIf: { "=="', 'visibleIf: { "eval"')),
      { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.1.visibleIf', message: /unknown rule operator/ },
    ],
    [
      'a rule referring to a later question',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('var: has-ivr }, true ] }\n        number', 'var: data-quality }, 3 ] }\n        number')),
      { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.1.visibleIf', message: /"data-quality", which is not asked before it/ },
    ],
    [
      'a rule referring to an unknown question',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('{ "<=": [ { var: data-quality }', '{ "<=": [ { var: data-qualty }')),
      { file: 'assessments/ics-readiness.yaml', field: 'recommendations.1.when', message: /unknown question "data-qualty"/ },
    ],
    [
      'a rule with the wrong number of operands',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('visibleIf: { "==": [ { var: has-ivr }, true ] }', 'visibleIf: { "==": [ { var: has-ivr } ] }')),
      { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.1.visibleIf', message: /"==" takes 2 operands, not 1/ },
    ],
    [
      'a template rule whose var is not a question id',
      (d) => edit(d, 'templates/poc-ics-voicebot.yaml', (t) => t.replace('{ var: has-ivr }', '{ var: 3 }')),
      { file: 'templates/poc-ics-voicebot.yaml', field: 'sections.2.when', message: /"var" needs a question id/ },
    ],
    [
      'weights that do not sum to 1',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('weight: 0.5, label: { en: "Data', 'weight: 0.4, label: { en: "Data')),
      { file: 'assessments/ics-readiness.yaml', field: 'dimensions', message: /sum to 0.900/ },
    ],
    [
      'a score key that is not a dimension',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('scores: { data-readiness: 4 }', 'scores: { data-ready: 4 }')),
      { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.2.scores', message: /unknown dimension "data-ready"/ },
    ],
    [
      'a dangling fromArticle',
      (d) => edit(d, 'templates/poc-ics-voicebot.yaml', (t) => t.replace('fromArticle: ics-intent-method', 'fromArticle: no-such-article')),
      { file: 'templates/poc-ics-voicebot.yaml', field: 'sections.1.fromArticle', message: /"no-such-article", which is not in the pack/ },
    ],
    [
      'a dangling scenario assessment',
      (d) => edit(d, 'scenarios/intelligent-customer-service.yaml', (t) => t.replace('assessment: ics-readiness', 'assessment: ics-readyness')),
      { file: 'scenarios/intelligent-customer-service.yaml', field: 'assessment', message: /assessment "ics-readyness", which is not in the pack/ },
    ],
    [
      'a dangling related article',
      (d) => edit(d, 'kb/ics-intent-method.md', (t) => t.replace('related: [comp-pi-export]', 'related: [comp-pi-export, gone]')),
      { file: 'kb/ics-intent-method.md', field: 'related.1', message: /article "gone"/ },
    ],
    [
      'a dangling help article',
      (d) => edit(d, 'assessments/ics-readiness.yaml', (t) => t.replace('helpArticles: [ics-intent-method]', 'helpArticles: [gone]')),
      { file: 'assessments/ics-readiness.yaml', field: 'sections.0.questions.0.helpArticles.0', message: /article "gone"/ },
    ],
    [
      'a dangling checklist article',
      (d) => edit(d, 'checklists/rc-data.yaml', (t) => t.replace('articles: [comp-pi-export]', 'articles: [gone]')),
      { file: 'checklists/rc-data.yaml', field: 'items.0.articles.0', message: /article "gone"/ },
    ],
    [
      'a risk ref to an unknown item',
      (d) => edit(d, 'assessments/bse-readiness.yaml', (t) => t.replace('rc-data#no-data', 'rc-data#nothing')),
      { file: 'assessments/bse-readiness.yaml', field: 'recommendations.1.ref', message: /risk-checklist item "rc-data#nothing"/ },
    ],
    [
      'an assessment for an unknown scenario',
      (d) => edit(d, 'assessments/bse-readiness.yaml', (t) => t.replace('scenario: base-station-energy-saving', 'scenario: base-station')),
      { file: 'assessments/bse-readiness.yaml', field: 'scenario', message: /scenario "base-station"/ },
    ],
    [
      'a file name that differs from the id',
      (d) => fs.renameSync(path.join(d, 'kb/bse-sleep-method.md'), path.join(d, 'kb/bse-other.md')),
      { file: 'kb/bse-other.md', field: 'id', message: /file is named "bse-other"/ },
    ],
    [
      'a misspelt field, named by its key',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('author: Test Team', 'author: Test Team\nauthr: typo')),
      { file: 'kb/bse-sleep-method.md', field: 'authr', message: /not a known field.*\(line 10\)/ },
    ],
    [
      'a missing field',
      (d) => edit(d, 'scenarios/intelligent-customer-service.yaml', (t) => t.replace(/^summary:.*\n/m, '')),
      { file: 'scenarios/intelligent-customer-service.yaml', field: 'summary', message: /is required/ },
    ],
    [
      'too few tags (FORMAT.md: 2-6)',
      (d) => edit(d, 'kb/bse-sleep-method.md', (t) => t.replace('tags: [energy, night-time]', 'tags: [energy]')),
      { file: 'kb/bse-sleep-method.md', field: 'tags', message: /needs 2 to 6 tags \(line 6\)/ },
    ],
    [
      'too few typical KPIs (FORMAT.md: 3-6)',
      (d) => edit(d, 'scenarios/intelligent-customer-service.yaml', (t) => t.replace(/^ {2}- \{ en: User satisfaction.*\n/m, '')),
      { file: 'scenarios/intelligent-customer-service.yaml', field: 'typicalKpis', message: /needs 3 to 6 entries/ },
    ],
    [
      'an empty file',
      (d) => fs.writeFileSync(path.join(d, 'checklists/rc-data.yaml'), ''),
      { file: 'checklists/rc-data.yaml', field: '(file)', message: /expected object/ },
    ],
    [
      'a file that is not UTF-8',
      (d) => fs.writeFileSync(path.join(d, 'checklists/rc-data.yaml'), Buffer.from([0x69, 0x64, 0x3a, 0x20, 0xff, 0xfe, 0x0a])),
      { file: 'checklists/rc-data.yaml', field: '(file)', message: /not valid UTF-8/ },
    ],
  ];

  it.each(cases)('names file and field for %s', (_name, breakIt, expected) => {
    const dir = packCopy();
    breakIt(dir);
    const pack = loadPack(dir);
    const problem = pack.problems.find((p) => p.file === expected.file && (typeof expected.field === 'string' ? p.field === expected.field : expected.field.test(p.field)));
    expect(problem, JSON.stringify(pack.problems, null, 1)).toBeDefined();
    expect(problem?.message).toMatch(expected.message);
  });

  it('reports a duplicate id in a second file of the same kind', () => {
    const dir = packCopy();
    fs.copyFileSync(path.join(dir, 'checklists/rc-data.yaml'), path.join(dir, 'checklists/rc-data.yml'));
    const pack = loadPack(dir);
    expect(pack.problems).toEqual([{ file: 'checklists/rc-data.yml', field: 'id', message: '"rc-data" is already used by checklists/rc-data.yaml' }]);
    expect(pack.checklists).toHaveLength(1);
  });

  it('names a .yml file by its real name in reference problems', () => {
    const dir = packCopy();
    fs.renameSync(path.join(dir, 'checklists/rc-data.yaml'), path.join(dir, 'checklists/rc-data.yml'));
    edit(dir, 'checklists/rc-data.yml', (t) => t.replace('articles: [comp-pi-export]', 'articles: [gone]'));
    expect(loadPack(dir).problems).toEqual([{ file: 'checklists/rc-data.yml', field: 'items.0.articles.0', message: 'names article "gone", which is not in the pack' }]);
  });

  it('skips a schema-invalid file and keeps every other one', () => {
    const dir = packCopy();
    edit(dir, 'kb/bse-sleep-method.md', (t) => t.replace('type: method', 'type: rumour'));
    const pack = loadPack(dir);
    expect(pack.problems.map((p) => `${p.file}: ${p.field}`)).toEqual(['kb/bse-sleep-method.md: type']);
    expect(pack.articles.map((a) => a.id)).toEqual(['comp-pi-export', 'ics-intent-method']);
    expect(pack.scenarios).toHaveLength(2);
  });

  it('keeps a file whose only problem is a dangling reference, and does not cascade', () => {
    const dir = packCopy();
    fs.rmSync(path.join(dir, 'kb/comp-pi-export.md'));
    const pack = loadPack(dir);
    // Three files point at the missing article; each is reported and each is still loaded.
    expect(pack.problems.map((p) => `${p.file}: ${p.field}`).sort()).toEqual([
      'checklists/rc-data.yaml: items.0.articles.0',
      'kb/ics-intent-method.md: body.en',
      'kb/ics-intent-method.md: body.zh',
      'kb/ics-intent-method.md: related.0',
    ]);
    expect(pack.articles.map((a) => a.id)).toEqual(['bse-sleep-method', 'ics-intent-method']);
    expect(pack.checklists).toHaveLength(1);
  });

  it('accepts Windows line endings and a byte-order mark', () => {
    const dir = packCopy();
    for (const rel of ['kb/ics-intent-method.md', 'assessments/ics-readiness.yaml']) {
      edit(dir, rel, (t) => `\uFEFF${t.replace(/\n/g, '\r\n')}`);
    }
    const pack = loadPack(dir);
    expect(pack.problems).toEqual([]);
    expect(pack.articles.find((a) => a.id === 'ics-intent-method')?.body).toEqual(loadPack(VALID).articles.find((a) => a.id === 'ics-intent-method')?.body);
  });

  it('reports a missing or broken manifest and loads nothing', () => {
    const dir = packCopy();
    fs.writeFileSync(path.join(dir, 'pack.yaml'), 'id: Not Kebab\nversion: 0\n');
    const broken = loadPack(dir);
    expect(broken.manifest).toBeNull();
    expect(broken.articles).toEqual([]);
    expect(broken.problems.map((p) => `${p.file}: ${p.field}`)).toEqual(['pack.yaml: id', 'pack.yaml: version', 'pack.yaml: title']);

    fs.rmSync(path.join(dir, 'pack.yaml'));
    const missing = loadPack(dir);
    expect(missing.manifest).toBeNull();
    expect(missing.problems).toEqual([{ file: 'pack.yaml', field: '(file)', message: expect.stringMatching(/cannot be read/) }]);
    expect(loadPack(path.join(dir, 'no-such-folder')).manifest).toBeNull();
  });

  it('reports a missing folder and stray files instead of ignoring them', () => {
    const dir = packCopy();
    fs.rmSync(path.join(dir, 'templates'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'kb', 'draft.markdown'), '# draft');
    fs.writeFileSync(path.join(dir, 'kb', '.DS_Store'), '');
    fs.mkdirSync(path.join(dir, 'scenarios', 'old'));
    const problems = loadPack(dir).problems.filter((p) => !p.message.includes('not in the pack'));
    expect(problems).toEqual([
      { file: 'scenarios/old', field: '(folder)', message: 'sub-folders are not read; move its files up' },
      { file: 'templates/', field: '(folder)', message: 'is missing' },
      { file: 'kb/draft.markdown', field: '(file)', message: 'is not a .md file, so it is not loaded' },
    ]);
  });

  it('reports every defect of the broken fixture pack, naming file and field, and loads what is sound', () => {
    const pack = loadPack(BROKEN);
    const found = pack.problems.map((p) => `${p.file}: ${p.field}`).sort();
    expect(found).toEqual(
      [
        'assessments/bad-operator.yaml: sections.0.questions.1.visibleIf',
        'assessments/ics-readiness.yaml: dimensions',
        'assessments/ics-readiness.yaml: readinessLevels.0.min',
        'assessments/ics-readiness.yaml: readinessLevels.1.min',
        'assessments/ics-readiness.yaml: recommendations.0.ref',
        'assessments/ics-readiness.yaml: recommendations.1.ref',
        'assessments/ics-readiness.yaml: sections.0.questions.0.helpArticles.1',
        'assessments/ics-readiness.yaml: sections.0.questions.0.visibleIf',
        'assessments/ics-readiness.yaml: sections.0.questions.1.scores',
        'assessments/ics-readiness.yaml: sections.0.questions.2.id',
        'checklists/rc-dup.yaml: items.0.articles.1',
        'checklists/rc-dup.yml: id',
        'kb/bad-front-matter.md: (line 6)',
        'kb/dangling-links.md: body.en',
        'kb/dangling-links.md: related.1',
        'kb/dangling-links.md: scenarios.0',
        'kb/empty-zh.md: (body)',
        'kb/missing-zh.md: (body)',
        'kb/notes.txt: (file)',
        'kb/typo-field.md: author',
        'kb/typo-field.md: authr',
        'kb/unsafe-markup.md: body.en',
        'kb/unsafe-markup.md: body.en',
        'kb/unsafe-markup.md: body.en',
        'kb/unsafe-markup.md: body.en',
        'kb/unsafe-markup.md: body.en',
        'kb/unsafe-markup.md: body.zh',
        'scenarios/bad-yaml.yaml: (line 7)',
        'scenarios/dangling-assessment.yaml: assessment',
        'scenarios/missing-chinese.yaml: name.zh',
        'scenarios/name-differs.yaml: id',
        'scenarios/wrong-type.yaml: version',
        'templates/poc-vars.yaml: sections.0.body.en',
        'templates/poc-vars.yaml: sections.0.body.en',
        'templates/poc-vars.yaml: sections.0.body.zh',
        'templates/poc-vars.yaml: sections.0.body.zh',
        'templates/poc-vars.yaml: sections.1.fromArticle',
        'templates/poc-vars.yaml: sections.1.when',
      ].sort(),
    );
    const message = (file: string, field: string): string[] => pack.problems.filter((p) => p.file === file && p.field === field).map((p) => p.message);
    expect(message('kb/unsafe-markup.md', 'body.en')).toEqual([
      'use ## or ### headings, not # (line 12)',
      'raw HTML is not supported; it is shown as plain text (line 14)',
      'tables are not supported; write the rows as a list (line 16)',
      'tables are not supported; write the rows as a list (line 17)',
      'link to "javascript:alert(1)" was made plain text: only https, http, mailto and kb:<article-id> links are allowed (line 14)',
    ]);
    expect(message('templates/poc-vars.yaml', 'sections.0.body.en')).toEqual([
      'Section Summary: unknown variable {{customer.nam}} — did you mean customer.name?',
      'Section Summary: {{item.name}} can only be used in a section that repeats',
    ]);
    expect(message('kb/typo-field.md', 'authr')).toEqual(['is not a known field (misspelt?) (line 9)']);
    expect(message('scenarios/wrong-type.yaml', 'version')[0]).toMatch(/expected number, received string \(line 2\)/);

    // Skipped: files that fail on their own. Kept: files valid on their own, whatever they point at.
    expect(pack.scenarios.map((s) => s.id)).toEqual(['dangling-assessment', 'intelligent-customer-service']);
    expect(pack.articles.map((a) => a.id)).toEqual(['dangling-links', 'good-article', 'unsafe-markup']);
    expect(pack.assessments.map((a) => a.id)).toEqual(['ics-readiness']);
    expect(pack.checklists.map((c) => c.id)).toEqual(['rc-dup']);
    expect(pack.templates.map((t) => t.id)).toEqual(['poc-vars']);
    const unsafe = pack.articles.find((a) => a.id === 'unsafe-markup');
    expect(unsafe?.body.en.json.toLowerCase()).not.toContain('javascript:');
    expect(unsafe?.body.en.text).toContain('<script>alert(2)</script>');
  });
});

describe('importing a content pack', () => {
  async function freshDb(): Promise<Db> {
    const t = await makeTestDb();
    cleanups.push(t.cleanup);
    return t.db;
  }
  const changes = (db: Db): number => (db.prepare('SELECT total_changes() AS n').get() as { n: number }).n;
  const one = <T>(db: Db, sql: string, ...params: unknown[]): T => db.prepare(sql).get(...params) as T;
  const titleOf = (db: Db, id: string): string => one<{ title: string }>(db, "SELECT title FROM kb_article_texts WHERE article_id = ? AND lang = 'en'", id).title;

  /** The valid pack at pack version 2 with every file raised to version 2 and its English titles marked. */
  function upgradedPack(): string {
    const dir = packCopy();
    edit(dir, 'pack.yaml', bumpVersion(1, 2));
    for (const sub of ['scenarios', 'kb', 'assessments', 'checklists', 'templates'])
      for (const name of fs.readdirSync(path.join(dir, sub))) {
        edit(dir, `${sub}/${name}`, (t) =>
          bumpVersion(1, 2)(t)
            .replace(/^(title|name): \{ en: "?([^",]+)"?/m, '$1: { en: "$2 (v2)"'),
        );
      }
    return dir;
  }

  it('imports everything on first run as pack records, with search documents in both languages', async () => {
    const db = await freshDb();
    const report = importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    expect(report).toEqual({ imported: true, packVersion: 1, added: 9, updated: 0, unchanged: 0, skippedUserModified: 0, heldBack: 0 });

    for (const table of ['scenarios', 'kb_articles', 'assessment_definitions', 'risk_checklists', 'poc_templates'])
      expect(db.prepare(`SELECT DISTINCT origin FROM ${table}`).all(), table).toEqual([{ origin: 'pack' }]);
    expect(one(db, 'SELECT id, version, imported_at, problems FROM content_packs')).toEqual({
      id: 'test-pack',
      version: 1,
      imported_at: '2026-11-01T00:00:00.000Z',
      problems: '[]',
    });
    expect(db.prepare("SELECT ref_id, lang FROM search_docs WHERE kind = 'kb' ORDER BY ref_id, lang").all()).toEqual(
      ['bse-sleep-method', 'comp-pi-export', 'ics-intent-method'].flatMap((id) => [
        { ref_id: id, lang: 'en' },
        { ref_id: id, lang: 'zh' },
      ]),
    );
    const text = one<{ body_json: string; body_text: string; summary: string }>(db, "SELECT * FROM kb_article_texts WHERE article_id = 'ics-intent-method' AND lang = 'zh'");
    expect(text.summary).toBe('将通话日志聚类为意图。');
    expect(JSON.parse(text.body_json)).toHaveProperty('root.type', 'root');
    // Body, title and summary are all searchable, in each language.
    expect(searchKb(db, { query: '聚类' }).hits.map((h) => [h.id, h.lang])).toEqual([['ics-intent-method', 'zh']]);
    expect(searchKb(db, { query: 'carriers' }).hits.map((h) => h.id)).toEqual(['bse-sleep-method']);
    expect(searchKb(db, { query: 'leaves the country' }).hits.map((h) => h.id)).toEqual(['comp-pi-export']);
    expect(searchKb(db, { query: '休眠' }).hits.map((h) => h.id)).toEqual(['bse-sleep-method']);
  });

  it('stores the problems of the pack it imported', async () => {
    const db = await freshDb();
    const dir = packCopy();
    edit(dir, 'kb/ics-intent-method.md', (t) => t.replace('related: [comp-pi-export]', 'related: [gone]'));
    const pack = loadPack(dir);
    importPack(db, pack, new Date());
    const stored = JSON.parse(one<{ problems: string }>(db, 'SELECT problems FROM content_packs').problems) as unknown;
    expect(stored).toEqual(pack.problems);
    expect(stored).toEqual([{ file: 'kb/ics-intent-method.md', field: 'related.0', message: 'names article "gone", which is not in the pack' }]);
    // The article with the dangling reference is still imported.
    expect(titleOf(db, 'ics-intent-method')).toBe('Building an intent taxonomy');
  });

  it('writes nothing when the same pack is imported again', async () => {
    const db = await freshDb();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    const before = changes(db);
    const again = importPack(db, loadPack(VALID), new Date('2026-12-01T00:00:00Z'));
    expect(again).toEqual({ imported: false, packVersion: 1, added: 0, updated: 0, unchanged: 0, skippedUserModified: 0, heldBack: 0 });
    expect(changes(db)).toBe(before);
    expect(one(db, 'SELECT imported_at FROM content_packs')).toEqual({ imported_at: '2026-11-01T00:00:00.000Z' });
  });

  it('upgrades unchanged pack records and never touches what users changed, deleted or wrote', async () => {
    const db = await freshDb();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    // The user edited one article, deleted another, and a sync brought a scenario of the same id;
    // a user-written checklist edit is marked too.
    db.prepare("UPDATE kb_articles SET locally_modified = 1 WHERE id = 'comp-pi-export'").run();
    db.prepare("UPDATE kb_article_texts SET title = 'My edited title' WHERE article_id = 'comp-pi-export' AND lang = 'en'").run();
    db.prepare("UPDATE kb_articles SET deleted = 1 WHERE id = 'bse-sleep-method'").run();
    db.prepare("UPDATE scenarios SET origin = 'sync', name_en = 'From the knowledge space' WHERE id = 'base-station-energy-saving'").run();
    db.prepare("UPDATE risk_checklists SET locally_modified = 1 WHERE id = 'rc-data'").run();

    const report = importPack(db, loadPack(upgradedPack()), new Date('2026-12-01T00:00:00Z'));
    // Updated: ics scenario, ics article, both definitions (new versions), the template (new version).
    expect(report).toEqual({ imported: true, packVersion: 2, added: 0, updated: 5, unchanged: 0, skippedUserModified: 4, heldBack: 4 });

    expect(titleOf(db, 'ics-intent-method')).toBe('Building an intent taxonomy (v2)');
    expect(titleOf(db, 'comp-pi-export')).toBe('My edited title');
    expect(one(db, "SELECT version, deleted FROM kb_articles WHERE id = 'bse-sleep-method'")).toEqual({ version: 1, deleted: 1 });
    expect(titleOf(db, 'bse-sleep-method')).toBe('Cell sleep strategy');
    expect(one(db, "SELECT origin, name_en FROM scenarios WHERE id = 'base-station-energy-saving'")).toEqual({ origin: 'sync', name_en: 'From the knowledge space' });
    expect(one(db, "SELECT name_en, version FROM scenarios WHERE id = 'intelligent-customer-service'")).toEqual({ name_en: 'Intelligent customer service (v2)', version: 2 });
    expect(one(db, "SELECT version FROM risk_checklists WHERE id = 'rc-data'")).toEqual({ version: 1 });
    // Sessions and proposals record the version they began on, so both versions stay.
    expect(db.prepare("SELECT version, title_en FROM assessment_definitions WHERE id = 'ics-readiness' ORDER BY version").all()).toEqual([
      { version: 1, title_en: 'Readiness ics' },
      { version: 2, title_en: 'Readiness ics (v2)' },
    ]);
    expect(db.prepare("SELECT version, title_en FROM poc_templates WHERE id = 'poc-ics-voicebot' ORDER BY version").all()).toEqual([
      { version: 1, title_en: 'Voicebot POC' },
      { version: 2, title_en: 'Voicebot POC (v2)' },
    ]);
    expect(one(db, 'SELECT version, imported_at FROM content_packs')).toEqual({ version: 2, imported_at: '2026-12-01T00:00:00.000Z' });
    // What was skipped is recorded as held back, with the pack's record, and why.
    expect(db.prepare("SELECT kind, id, pack_version, reason, state, held_at, json_extract(record, '$.version') AS v FROM pack_updates ORDER BY kind, id").all()).toEqual(
      [
        ['article', 'bse-sleep-method', 'deleted'],
        ['article', 'comp-pi-export', 'edited'],
        ['checklist', 'rc-data', 'edited'],
        ['scenario', 'base-station-energy-saving', 'owned'],
      ].map(([kind, id, reason]) => ({ kind, id, pack_version: 2, reason, state: 'held', held_at: '2026-12-01T00:00:00.000Z', v: 2 })),
    );
    // The index follows the upgrade, and a deleted article stays out of search.
    expect(searchKb(db, { query: '"(v2)" taxonomy' }).hits.map((h) => h.id)).toEqual(['ics-intent-method']);
    expect(searchKb(db, { query: 'carriers' }).hits).toEqual([]);
  });

  it('adds new records, keeps records that left the pack, and skips ids owned by user records', async () => {
    const db = await freshDb();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    // A user-written definition under an id the next pack also uses.
    db.prepare(
      `INSERT INTO assessment_definitions (id, version, scenario_id, title_en, title_zh, definition, origin, imported_at)
       VALUES ('mine-readiness', 7, 'intelligent-customer-service', 'Mine', '我的', '{}', 'user', '2026-11-02T00:00:00Z')`,
    ).run();

    const dir = packCopy();
    edit(dir, 'pack.yaml', bumpVersion(1, 2));
    fs.rmSync(path.join(dir, 'kb/bse-sleep-method.md'));
    fs.writeFileSync(
      path.join(dir, 'kb/new-article.md'),
      fs.readFileSync(path.join(VALID, 'kb/bse-sleep-method.md'), 'utf8').replace('id: bse-sleep-method', 'id: new-article').replace('Cell sleep strategy', 'A new article'),
    );
    const mine = fs.readFileSync(path.join(dir, 'assessments/ics-readiness.yaml'), 'utf8').replace('id: ics-readiness', 'id: mine-readiness').replace(/^version: 1$/m, 'version: 9');
    fs.writeFileSync(path.join(dir, 'assessments/mine-readiness.yaml'), mine);

    const pack = loadPack(dir);
    expect(pack.problems).toEqual([]);
    const report = importPack(db, pack, new Date('2026-12-01T00:00:00Z'));
    expect(report).toEqual({ imported: true, packVersion: 2, added: 1, updated: 0, unchanged: 8, skippedUserModified: 1, heldBack: 1 });
    expect(titleOf(db, 'new-article')).toBe('A new article');
    expect(one(db, "SELECT deleted FROM kb_articles WHERE id = 'bse-sleep-method'")).toEqual({ deleted: 0 });
    expect(db.prepare("SELECT version, origin FROM assessment_definitions WHERE id = 'mine-readiness'").all()).toEqual([{ version: 7, origin: 'user' }]);
    expect(db.prepare('SELECT kind, id, pack_version, reason FROM pack_updates').all()).toEqual([{ kind: 'assessment', id: 'mine-readiness', pack_version: 9, reason: 'owned' }]);
  });

  it('imports a file whose version was raised even when the pack version was not', async () => {
    const db = await freshDb();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    const dir = packCopy();
    edit(dir, 'kb/comp-pi-export.md', (t) => bumpVersion(1, 2)(t).replace('Personal information export', 'PI export, revised'));
    const report = importPack(db, loadPack(dir), new Date('2026-12-01T00:00:00Z'));
    expect(report).toEqual({ imported: true, packVersion: 1, added: 0, updated: 1, unchanged: 8, skippedUserModified: 0, heldBack: 0 });
    expect(titleOf(db, 'comp-pi-export')).toBe('PI export, revised');
  });

  it('records an update held back by a user change even when the pack version was not raised', async () => {
    const db = await freshDb();
    importPack(db, loadPack(VALID), new Date('2026-11-01T00:00:00Z'));
    db.prepare("UPDATE kb_articles SET locally_modified = 1 WHERE id = 'comp-pi-export'").run();
    const dir = packCopy();
    edit(dir, 'kb/comp-pi-export.md', (t) => bumpVersion(1, 2)(t).replace('Personal information export', 'PI export, revised'));
    const report = importPack(db, loadPack(dir), new Date('2026-12-01T00:00:00Z'));
    // Nothing is imported (so nothing is counted), but the update the user's change keeps out is recorded.
    expect(report).toEqual({ imported: false, packVersion: 1, added: 0, updated: 0, unchanged: 0, skippedUserModified: 0, heldBack: 1 });
    expect(db.prepare("SELECT kind, id, pack_version, reason, json_extract(record, '$.title.en') AS title FROM pack_updates").all()).toEqual([
      { kind: 'article', id: 'comp-pi-export', pack_version: 2, reason: 'edited', title: 'PI export, revised' },
    ]);
    // Importing the same again records nothing new.
    expect(importPack(db, loadPack(dir), new Date('2026-12-02T00:00:00Z')).heldBack).toBe(0);
    expect(one(db, 'SELECT held_at FROM pack_updates')).toEqual({ held_at: '2026-12-01T00:00:00.000Z' });
  });

  it('does not step back when an older pack meets a newer database', async () => {
    const db = await freshDb();
    importPack(db, loadPack(upgradedPack()), new Date('2026-12-01T00:00:00Z'));
    const before = changes(db);
    const report = importPack(db, loadPack(VALID), new Date('2027-01-01T00:00:00Z'));
    expect(report.imported).toBe(false);
    expect(changes(db)).toBe(before);
    expect(one(db, 'SELECT version FROM content_packs')).toEqual({ version: 2 });
    expect(titleOf(db, 'ics-intent-method')).toBe('Building an intent taxonomy (v2)');
  });

  it('imports nothing from a pack without a valid manifest', async () => {
    const db = await freshDb();
    const dir = packCopy();
    fs.rmSync(path.join(dir, 'pack.yaml'));
    expect(importPack(db, loadPack(dir), new Date())).toMatchObject({ imported: false, added: 0 });
    expect(one(db, 'SELECT count(*) AS n FROM kb_articles')).toEqual({ n: 0 });
  });

  it('leaves the database unchanged when an import fails midway', async () => {
    const db = await freshDb();
    const pack = loadPack(VALID);
    const template = pack.templates[0];
    if (!template) throw new Error('the valid fixture has a template');
    // The template is written last: everything before it must be rolled back.
    const broken = { ...pack, templates: [{ ...template, title: null as unknown as { en: string; zh: string } }] };
    expect(() => importPack(db, broken, new Date())).toThrow();
    for (const table of ['kb_articles', 'kb_article_texts', 'search_docs', 'scenarios', 'content_packs'])
      expect(one(db, `SELECT count(*) AS n FROM ${table}`), table).toEqual({ n: 0 });
  });
});

describe('a pack is not trusted', () => {
  it('reads no file through a symbolic link or a folder linked from outside the pack', () => {
    const dir = packCopy();
    const outside = makeTempDir('fieldbench-outside-');
    cleanups.push(outside.cleanup);
    // An article replaced by a link to a file elsewhere (on a real attack: ~/.ssh/id_rsa).
    const article = path.join(dir, 'kb', 'comp-pi-export.md');
    fs.copyFileSync(article, path.join(outside.dir, 'comp-pi-export.md'));
    fs.rmSync(article);
    fs.symlinkSync(path.join(outside.dir, 'comp-pi-export.md'), article);
    // The checklists folder replaced by a link to a folder elsewhere.
    fs.cpSync(path.join(dir, 'checklists'), path.join(outside.dir, 'checklists'), { recursive: true });
    fs.rmSync(path.join(dir, 'checklists'), { recursive: true });
    fs.symlinkSync(path.join(outside.dir, 'checklists'), path.join(dir, 'checklists'));

    const pack = loadPack(dir);
    const problems = pack.problems.map((p) => `${p.file}: ${p.message}`);
    expect(problems).toContain('kb/comp-pi-export.md: is a symbolic link; pack files must be plain files, so it is not read');
    expect(problems).toContain('checklists/rc-data.yaml: lies outside the pack folder (through a linked folder), so it is not read');
    expect(pack.articles.map((a) => a.id)).not.toContain('comp-pi-export');
    expect(pack.checklists).toEqual([]);
  });
});
