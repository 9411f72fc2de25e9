import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { msg } from '../../core/api/message';
import type { Db } from '../../electron/backend/db/connection';
import { loadPack } from '../../electron/backend/content/load-pack';
import { importPack } from '../../electron/backend/content/import-pack';
import { searchKb } from '../../electron/backend/search/search';
import { upsertSearchDoc } from '../../electron/backend/search/documents';
import { detectLang } from '../../core/notes/lexical-document';
import { makeTestDb } from '../helpers/kb-db';

/**
 * Search over the bundled content pack as consultants type: questions, Chinese without spaces,
 * word forms, typos, tags and scenario names, words from both languages of one article.
 */
let db: Db;
let cleanup: () => void;

beforeAll(async () => {
  ({ db, cleanup } = await makeTestDb());
  const pack = loadPack(path.resolve('resources/content'));
  expect(pack.problems).toEqual([]);
  importPack(db, pack, new Date('2026-12-01T00:00:00Z'));
});
afterAll(() => cleanup());

const top = (query: string, n = 3): string[] => searchKb(db, { query, kinds: ['kb'], lang: 'en' }).hits.slice(0, n).map((h) => h.id);

describe('search over the bundled pack', () => {
  it.each([
    ['how to handle personal data export', 'comp-personal-information-export'],
    ['how do I prove energy savings to finance', 'bse-pilot-lesson'],
    ['如何向财务证明节电效果', 'bse-pilot-lesson'],
    ['验收与交接', 'dm-acceptance-handover'],
    ['离网预警', 'mkt-churn-label-definition'],
    ['clauses', 'cdi-clause-extraction-method'],
    ['anonymization', 'comp-log-retention-anonymisation'],
    ['stakeholder mapping', 'dm-stakeholder-mapping'],
    ['RAG', 'fma-knowledge-retrieval-method'],
    ['OSS glossary', 'nfp-glossary'],
    ['NOC 预测', 'nfp-noc-workflow-integration'],
  ])('finds what %j means', (query, expected) => {
    expect(top(query)).toContain(expected);
  });

  it('ranks an article whose words are split across its two languages', () => {
    // "NOC" only in the English text, 工作流 only in the Chinese.
    expect(top('NOC 工作流', 1)).toEqual(['nfp-noc-workflow-integration']);
  });

  it('corrects a word that matches nothing, says so, and searches as typed when asked', () => {
    const result = searchKb(db, { query: 'chrun model', kinds: ['kb'] });
    expect(result.corrections).toEqual([{ from: 'chrun', to: 'churn' }]);
    expect(result.hits.slice(0, 3).map((h) => h.id)).toContain('mkt-churn-model-lesson');
    for (const [typo, fixed, article] of [
      ['containmnet', 'containment', 'ics-containment-kpi-best-practice'],
      ['stakholder', 'stakeholder', 'dm-stakeholder-mapping'],
    ] as const) {
      const r = searchKb(db, { query: `${typo} `, kinds: ['kb'] });
      expect(r.corrections).toEqual([{ from: typo, to: fixed }]);
      expect(r.hits.slice(0, 3).map((h) => h.id)).toContain(article);
    }
    const asTyped = searchKb(db, { query: 'chrun ', kinds: ['kb'], asTyped: true });
    expect(asTyped.corrections).toEqual([]);
    expect(asTyped.hits).toEqual([]);
    // Short words are never corrected: one edit makes another word.
    expect(searchKb(db, { query: 'kpu ' }).corrections).toEqual([]);
  });

  it('finds the other forms of a word, the exact form first', () => {
    const forms = searchKb(db, { query: 'extracting ', kinds: ['kb'] });
    expect(forms.hits.map((h) => h.id)).toContain('cdi-clause-extraction-method');
    // British and American spellings find each other.
    expect(top('anonymisation')).toContain('comp-log-retention-anonymisation');
  });

  it('searches tags, scenario names and article ids', () => {
    expect(top('fma-knowledge-retrieval-method', 1)).toEqual(['fma-knowledge-retrieval-method']);
    const scenario = searchKb(db, { query: 'base station energy saving', kinds: ['kb'] }).hits.slice(0, 5);
    expect(scenario.every((h) => h.kind === 'kb' && h.scenarios.includes('base-station-energy-saving'))).toBe(true);
  });

  it('leaves out -words and keeps a quoted phrase exact', () => {
    const all = searchKb(db, { query: 'churn ', kinds: ['kb'], limit: 50 }).hits.map((h) => h.id);
    const without = searchKb(db, { query: 'churn -lesson ', kinds: ['kb'], limit: 50 }).hits.map((h) => h.id);
    expect(all).toContain('mkt-churn-model-lesson');
    expect(without).not.toContain('mkt-churn-model-lesson');
    expect(without.length).toBeGreaterThan(0);
    expect(searchKb(db, { query: '-churn ' }).notices).toEqual([msg('notice.searchOnlyExclusions')]);
    expect(searchKb(db, { query: '"finance did not accept"' }).hits.map((h) => h.id)).toEqual(['bse-pilot-lesson']);
  });

  it('expands through the glossary both ways, a direct match ranking first', () => {
    const at = '2026-12-01T00:00:00.000Z';
    const note = (id: string, title: string, body: string): void => {
      db.prepare(`INSERT INTO field_notes (id, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?)`).run(id, title, body, at, at);
      upsertSearchDoc(db, { kind: 'note', refId: id, lang: detectLang(`${title}\n${body}`), title, keys: '', body });
    };
    note('zh-only', '机房巡检：夜间基站节能', '夜间业务量低时关断容量层载波，客户流失风险不大。');
    note('en-direct', 'Base station energy saving check', 'Night shutdown of the capacity layer.');
    const english = searchKb(db, { query: 'base station energy saving', kinds: ['note'] }).hits.map((h) => h.id);
    expect(english).toEqual(['en-direct', 'zh-only']);
    // Chinese to English, and an abbreviation.
    expect(searchKb(db, { query: '节能', kinds: ['note'] }).hits.map((h) => h.id)).toContain('en-direct');
    expect(searchKb(db, { query: 'attrition', kinds: ['note'] }).hits.map((h) => h.id)).toEqual(['zh-only']);
    // A glossary word no text holds is what the user meant, not a typo: never corrected.
    const defection = searchKb(db, { query: 'defection ', kinds: ['kb'] });
    expect(defection.corrections).toEqual([]);
    expect(defection.hits.slice(0, 3).map((h) => h.id)).toContain('mkt-churn-model-lesson');
    // Across the pack: an abbreviation finds articles that spell it out.
    expect(top('M&V')).toContain('bse-energy-baseline-reference');
    // Spellings written as one word that no text uses: golive found nothing before the glossary named it.
    expect(top('golive', 3)).toContain('dm-acceptance-handover');
    expect(top('customer signoff', 1)).toEqual(['dm-acceptance-handover']);
  });

  it('keeps the qualifier of a glossary name the query spells: 再训练 is retraining, not training', () => {
    // 再 is a stop word to a query; as part of the glossary's 再训练 it stays, so the article
    // that writes 再训练 and those that say 重训 or retrain come before ones that only say 训练.
    const retraining = top('再训练', 2);
    expect(retraining).toContain('vid-false-alarm-tuning');
    expect(retraining).toContain('dm-mlops-monitoring-handover');
    // A name's lone word is not the name: "time" is not average handling time, 训练 not 重训.
    expect(searchKb(db, { query: 'time ', kinds: ['kb'] }).hits.slice(0, 3).map((h) => h.id)).not.toContain('ics-kpi-glossary');
    expect(top('handle time')).toContain('ics-kpi-glossary');
    // An English name keeps its words as terms: texts with the words rank as before, not below
    // texts that hold only another of its names (human handoff).
    expect(top('transfer to agent', 1)).toEqual(['ics-cti-ivr-integration']);
    // …and a text naming the same thing another way ranks above one holding the words scattered:
    // data access for "give us data" (the GDPR article has customer, give and data apart), the
    // cutover article for "cut over".
    const giveUsData = top("customer won't give us data", 2);
    expect(giveUsData).toContain('dm-data-access-request');
    expect(giveUsData).toContain('gov-hotline-data-access');
    expect(top('cut over plan', 1)).toEqual(['oss-change-window-practice']);
    // Yet a generic name is no band of its own: "good practice" (best practice) does not lift every best-practice article.
    expect(top('good practice for labelling', 5)).toContain('ics-intent-labelling-lesson');
  });

  it('reads "how long" as asking for a duration, without making it a word a text must hold', () => {
    // Stop words only, yet a glossary name: it stands for duration, timeline, weeks, 周期 …
    expect(top('how long should a poc last', 1)).toEqual(['dm-poc-success-criteria-method']);
    // The name never joins the word after it ("how long" + "poc" read as the POC entry twice put
    // a glossary of call durations first).
    expect(top('how long poc', 3)).toContain('dm-poc-effort-estimation');
    expect(top('how long poc', 1)).toEqual(['dm-poc-success-criteria-method']);
    const marked = searchKb(db, { query: 'how long poc', kinds: ['kb'], limit: 1 }).hits[0]?.snippet.filter((p) => p.hit).map((p) => p.text.toLowerCase());
    expect(marked).toEqual(expect.arrayContaining(['duration', 'weeks']));
    // … and a text about the other words still comes first ("keep logs" is retention).
    expect(top('how long should we keep logs', 1)).toEqual(['comp-log-retention-anonymisation']);
    // Shown back as the one name it is.
    expect(searchKb(db, { query: 'how long poc', kinds: ['kb'] }).terms).toEqual(['how long', 'poc']);
  });

  it('reads "误报率高", "too high" and "how to write" as asking about the thing, not for texts that say high or write', () => {
    // The contract article says 误报 once and 高 often (高风险); it came first before.
    expect(top('误报率高', 1)).toEqual(['vid-false-alarm-tuning']);
    // 误报率 is about 误报: the article that says 误报 throughout comes before one that writes 误报率 once.
    expect(top('误报率过高怎么办', 1)).toEqual(['vid-false-alarm-tuning']);
    expect(top('误报率高', 3)).not.toContain('cdi-template-comparison-best-practice');
    expect(top('false alarm rate too high', 3)).toContain('vid-false-alarm-tuning');
    expect(top('false alarm rate too high', 3)).not.toContain('cdi-template-comparison-best-practice');
    // A text that holds only the qualifier is not found for it.
    const onlyHigh = new Set(top('high', 100));
    for (const id of top('high availability', 100)) expect(top('availability', 100)).toContain(id);
    expect(onlyHigh.size).toBeGreaterThan(top('high availability', 100).length);
    // A how-to question's verb is no word the answer must use: the business case article never says write.
    expect(top('how to write the business case', 1)).toEqual(['dm-business-case-roi']);
    expect(top('商业论证怎么写', 1)).toEqual(['dm-business-case-roi']);
    // Nor is the verb of bringing someone round: no article says convince, and the answer is about sharing data.
    expect(top('how do I convince the customer to share data', 2)).toContain('dm-data-access-request');
    expect(top('怎么说服客户给数据', 2)).toContain('dm-data-access-request');
    // Getting data is asking for access to it (the glossary's data access), not the GDPR article's customers and data.
    expect(top('how to get data from the customer', 1)).toEqual(['dm-data-access-request']);
    // Nor a remedy's verb: how to control (reduce, avoid, 控制, 减少) hallucination is about hallucination.
    // "control" put the OMC article ("Controlling energy features") above the grounding ones.
    const hallucination = top('how to control hallucination', 2);
    expect(hallucination).toContain('gov-reply-drafting-best-practice');
    expect(hallucination).toContain('fma-knowledge-retrieval-method');
    expect(top('幻觉怎么控制', 2)).toContain('fma-knowledge-retrieval-method');
    // 处理 and 应对 frame the question as handle does: the alarm-storm article never says 处理.
    expect(top('告警风暴怎么处理', 1)).toEqual(['nfp-alarm-storm-compression']);
    // Every article is about AI: "AI model monitoring" asks for model monitoring, which the
    // monitoring article never calls AI (the business case, which says AI in passing, came first).
    expect(top('AI model monitoring', 1)).toEqual(['dm-mlops-monitoring-handover']);
    expect(top('合同审查 AI', 3)).not.toContain('dm-business-case-roi');
    expect(searchKb(db, { query: 'AI', kinds: ['kb'] }).total).toBeGreaterThan(0);
    // An abbreviation typed in full is what it names, not the start of a longer word (WER, "were").
    expect(top('WER', 2)).toEqual(expect.arrayContaining(['ics-kpi-glossary', 'ics-speech-recognition-tuning']));
    expect(top('CER', 2)).toEqual(expect.arrayContaining(['ics-kpi-glossary', 'ics-speech-recognition-tuning']));
    // Alone, a qualifier is what is asked for.
    expect(searchKb(db, { query: '高', kinds: ['kb'] }).total).toBeGreaterThan(0);
  });

  it('searches the character pairs of Chinese that matched nothing as it was cut, and says so', () => {
    // The segmenter cuts 数据大概要多少 as 数据 + 大 + 概要 + 多少: nothing holds 数据大 and 概要.
    const close = searchKb(db, { query: '数据大概要多少', kinds: ['kb'] });
    expect(close.hits.slice(0, 3).map((h) => h.id)).toContain('dm-data-access-request');
    expect(close.notices.map((n) => n.key)).toContain('notice.searchRelaxed');
    expect(close.terms).toEqual(searchKb(db, { query: '数据大概要多少', kinds: ['kb'], asTyped: true }).terms);
    // Only when nothing matched; and what has no words left but stop words stays empty.
    expect(searchKb(db, { query: '基站节能', kinds: ['kb'] }).notices).toEqual([]);
    expect(searchKb(db, { query: 'qzx怎么算', kinds: ['kb'] }).total).toBe(0);
    expect(searchKb(db, { query: '数据大概要多少', kinds: ['kb'], asTyped: true }).total).toBe(0);
  });

  it('finds Simplified text for a query in Traditional characters, and a Traditional note for one in Simplified', () => {
    // Cut into the same words as the Simplified query, and so ranked alike; Taiwan's words too.
    expect(top('離網預警')).toEqual(top('离网预警'));
    expect(top('資料分類分級')).toEqual(top('数据分类分级'));
    expect(top('軟體升級後準確率為什麼下降')).toEqual(top('软件升级后准确率为什么下降'));
    expect(top('如何向財務證明節電效果')).toContain('bse-pilot-lesson');
    // The glossary is written in Simplified: 離網 still means churn.
    expect(top('離網', 5)).toContain('mkt-churn-model-lesson');
    // Notes written on colleagues' devices, indexed as they were written.
    const at = '2026-12-01T00:00:00.000Z';
    const addNote = (id: string, title: string, body: string): void => {
      db.prepare(`INSERT INTO field_notes (id, title, body_json, body_text, created_at, updated_at) VALUES (?, ?, '{}', ?, ?, ?)`).run(id, title, body, at, at);
      upsertSearchDoc(db, { kind: 'note', refId: id, lang: 'zh', title, keys: '', body });
    };
    const notes = (query: string): string[] => searchKb(db, { query, kinds: ['note'] }).hits.map((h) => h.id);
    // One from Hong Kong, found by a Simplified query and by the Traditional one.
    addNote('hk-note', '配電房巡視記錄', '空調冷凝水滲漏，需要在驗收前修復。');
    expect(notes('配电房巡视')).toEqual(['hk-note']);
    expect(notes('配電房巡視')).toEqual(['hk-note']);
    expect(notes('冷凝水渗漏')).toEqual(['hk-note']);
    // A quoted phrase keeps its words in either script, and its words only.
    expect(notes('"配電房巡視"')).toEqual(['hk-note']);
    expect(notes('"配电房巡视"')).toEqual(['hk-note']);
    expect(notes('"巡视配电房"')).toEqual([]);
    expect(notes('冷凝水 -"配电房巡视"')).toEqual([]);
    // One from Taipei in Taiwan's words, found in the mainland's words and in its own.
    addNote('tw-note', '客服軟體升級', '升級後使用者資料需要重新匯入，請先備份資料庫。');
    for (const query of ['用户数据', '使用者資料', '用戶數據', '软件升级', '軟體升級']) expect(notes(query), query).toEqual(['tw-note']);
    // In Simplified characters 资料 is the mainland's word for documents: a search for 数据 does not match it.
    addNote('docs-note', '验收资料', '验收资料已归档。');
    expect(notes('数据')).toEqual(['tw-note']);
  });

  it('searches a query of only stop words as written, and survives hostile input', () => {
    expect(() => searchKb(db, { query: 'how to the' })).not.toThrow();
    expect(() => searchKb(db, { query: 'x'.repeat(100_000) })).not.toThrow();
    expect(() => searchKb(db, { query: 'NEAR(a b) OR "x" NOT * ^ : { } -' })).not.toThrow();
  });
});
