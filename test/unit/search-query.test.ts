import { describe, expect, it } from 'vitest';
import { MAX_TERMS, display, parseTerms, phraseMatch, type QueryTerm } from '../../electron/backend/search/query';
import { MARK_CLOSE, MARK_OPEN, toSnippetParts } from '../../electron/backend/search/snippet';

/** The terms as short strings: words joined by spaces, "*" after a prefix, quotes, "-" for an exclusion. */
function shown(input: string): string[] {
  return parseTerms(input).terms.map((t: QueryTerm) => `${t.exclude ? '-' : ''}${t.quoted ? '"' : ''}${t.words.join(' ')}${t.prefix ? '*' : ''}${t.quoted ? '"' : ''}`);
}

/** Every term as FTS syntax must be quoted strings joined by "+", with at most a trailing "*". */
function expectSafe(input: string): void {
  for (const t of parseTerms(input).terms) {
    const outside = phraseMatch(t.words, t.prefix).replace(/"(?:[^"]|"")*"/g, 'Q');
    expect(outside).toMatch(/^Q( \+ Q)*\*?$/);
  }
}

describe('parseTerms', () => {
  it('makes every word a term, lower-cased, with no prefix after a trailing space', () => {
    expect(shown('Intent Taxonomy ')).toEqual(['intent', 'taxonomy']);
  });

  it('leaves out stop words in both languages, unless nothing else is asked', () => {
    expect(shown('how do I handle personal data export ')).toEqual(['personal', 'data', 'export']);
    expect(shown('如何向财务证明节电效果')).toEqual(['财务', '证明', '节 电', '效果']);
    // Hedges around a question are not what is searched for.
    expect(shown('POC一般多久 ')).toEqual(['poc']);
    expect(shown('通常需要多少标注 ')).toEqual(['标 注']);
    expect(shown('how to ')).toEqual(['how', 'to']);
    // The pieces of contractions say nothing either.
    expect(shown("what's the churn rule we'll use ")).toEqual(['churn', 'rule']);
  });

  it('makes the last term a prefix while the user is still typing', () => {
    expect(shown('intent tax')).toEqual(['intent', 'tax*']);
    // One or two letters would expand to much of the vocabulary: they are searched as words.
    expect(shown('intent ta')).toEqual(['intent', 'ta']);
  });

  it('honours an explicit trailing * on any term', () => {
    expect(shown('cont* sleep ')).toEqual(['cont*', 'sleep']);
    expect(shown('foo-bar* ')).toEqual(['foo', 'bar*']);
  });

  it('keeps "quoted phrases" together and exact', () => {
    expect(shown('"standard contract" export ')).toEqual(['"standard contract"', 'export']);
    expect(shown('export "standard contr')).toEqual(['export', '"standard contr*"']);
    expect(shown('"')).toEqual([]);
    expect(shown('""""')).toEqual([]);
  });

  it('excludes -words and -"phrases"', () => {
    expect(shown('churn -pilot ')).toEqual(['churn', '-pilot']);
    expect(shown('churn -"pilot plan" ')).toEqual(['churn', '-"pilot plan"']);
    expect(display(parseTerms('churn -pilot ').terms[1] as QueryTerm)).toBe('-pilot');
    // A hyphen inside a word only separates words.
    expect(shown('co-location ')).toEqual(['co', 'location']);
  });

  it.each(['"', '*', '(', ')', '-', ':', '^', '+', '{', '}'])('drops FTS syntax %j', (input) => {
    expect(shown(`${input} `)).toEqual([]);
  });

  it.each([
    'intent NEAR/2 call',
    'NEAR(intent call, 5)',
    '(intent OR call) AND NOT x',
    'title:intent',
    '{title body}: intent',
    '^intent',
    '-intent +call',
    'intent"call',
    'a "b" "c',
    "it's o'clock",
    '"NEAR( -x:* )',
    'x AND',
    '***',
    '\u0000\uE000\uE001 \uFEFF',
  ])('emits only quoted words for %j', (input) => {
    expectSafe(input);
  });

  it('searches operator words as ordinary words', () => {
    expect(shown('intent NEAR/2 call ')).toEqual(['intent', 'near', '2', 'call']);
    expect(shown('title:intent ')).toEqual(['title', 'intent']);
  });

  it('returns no terms (not an error) when nothing searchable is left', () => {
    for (const input of ['', '   ', '\n\t', '*** --- ((( )))', '"" ""', '\uE000\uE001']) {
      expect(parseTerms(input)).toEqual({ terms: [], typed: [], notice: null });
    }
  });

  it(`uses at most ${MAX_TERMS} terms and names the ignored ones`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const parsed = parseTerms(`${words.join(' ')} `);
    expect(parsed.terms.map(display)).toEqual(words.slice(0, MAX_TERMS));
    expect(parsed.notice?.key).toBe('notice.searchTermsIgnored');
    expect(parsed.notice?.params.max).toBe(MAX_TERMS);
    expect(parsed.notice?.params.ignored).toEqual({ en: 'w32, w33, w34, w35, w36 and 3 more', zh: 'w32、w33、w34、w35、w36 等另外 3 个' });
  });

  it('handles a 100 KB query', () => {
    const big = 'delivery "risk '.repeat(7000).slice(0, 100_000);
    expect(big.length).toBe(100_000);
    const parsed = parseTerms(big);
    expect(parsed.terms.length).toBeLessThanOrEqual(MAX_TERMS);
    expectSafe(big);
    expect(parseTerms('x'.repeat(100_000)).terms.map(display)).toEqual(['x'.repeat(100_000)]);
  });

  it('segments Chinese into words, each a term', () => {
    expect(shown('alarm 基站')).toEqual(['alarm', '基 站']);
    // Chinese punctuation separates terms like spaces do; stop words between words are dropped.
    expect(shown('预测，效果 ')).toEqual(['预测', '效果']);
    expect(shown('验收与交接 ')).toEqual(['验收', '交接']);
    expect(shown('节电的效果')).toEqual(['节 电', '效果']);
  });

  it('joins the characters of a word the segmenter does not know: pairs, overlapping in a longer run', () => {
    // Still typing, a Chinese word is whole (an input method commits whole words): no prefix.
    expect(shown('离网预警')).toEqual(['离 网', '预警']);
    expect(shown('基站节能 ')).toEqual(['基 站', '节 能']);
    expect(shown('无线基站 ')).toEqual(['无线', '基 站']);
    expect(shown('覆盖率 ')).toEqual(['覆盖 率']);
  });

  it('cuts off a Chinese query\'s closing qualifier (高, 太高, 过高) as a term of its own, and knows such terms', () => {
    // Paired, 误报率高 would make 率高 a word; the qualifier goes, the rest pairs as usual.
    expect(shown('误报率高 ')).toEqual(['误 报', '报 率', '高']);
    expect(shown('误报率过高 ')).toEqual(['误 报', '报 率', '过 高']);
    expect(shown('成本高 ')).toEqual(['成本', '高']);
    // Only at the end, after two characters or more: 高风险 and 提高 keep theirs.
    expect(shown('高风险 ')).toEqual(['高 风险']);
    expect(shown('准确率提高 ')).toEqual(['准确 率', '提高']);
    expect(shown('高 ')).toEqual(['高']);
    // Nor in an exclusion, which is taken as written.
    expect(shown('-误报率高')).toEqual(['-误 报', '-率 高']);
    // Before the question words that may follow, even as the segmenter cut them (怎么 + 办).
    expect(shown('误报率过高怎么办 ')).toEqual(['误 报', '报 率', '过 高']);
    expect(shown('现场没网怎么办 ')).toEqual(['现场', '没 网']);
    // More than people keep up with, however the segmenter cut it (看不 + 过来, 处理 + 不过 + 来).
    expect(shown('运维看不过来 ')).toEqual(['运 维', '看不 过来']);
    expect(shown('工单处理不过来 ')).toEqual(['工 单', '处理 不过 来']);
    expect(parseTerms('运维看不过来 ').terms.map((t) => t.optional === true)).toEqual([false, true]);
    const qualifiers = (input: string): boolean[] => parseTerms(input).terms.map((t) => t.optional === true);
    // A measure's suffix makes the second pair (报率) no word: it adds to the score, never required.
    expect(qualifiers('误报率太高 ')).toEqual([false, true, true]);
    expect(qualifiers('离网率 ')).toEqual([false, true]);
    expect(qualifiers('离网预警 ')).toEqual([false, false]);
    expect(qualifiers('false alarm rate too high ')).toEqual([false, false, false, true]);
    expect(qualifiers('"high" risk ')).toEqual([false, false]);
  });

  it('keeps a name it is told about: Chinese as one term, English as one more term after its words', () => {
    const names = new Set(['再 训练', 'handle time', '向 量化', 'transition to operations']);
    const isName = (tokens: readonly string[]): boolean => names.has(tokens.join(' '));
    const named = (input: string): string[] => parseTerms(input, isName).terms.map((t) => `${t.words.join(' ')}${t.prefix ? '*' : ''}${t.name ? ' (name)' : ''}`);
    // Without the names the qualifier goes: retraining would be searched as training.
    expect(shown('再训练 ')).toEqual(['训练']);
    expect(named('再训练 ')).toEqual(['再 训练']);
    expect(named('向量化 ')).toEqual(['向 量化']);
    expect(named('average handle time ')).toEqual(['average', 'time', 'handle time (name)']);
    expect(named('handover transition to operations ')).toEqual(['handover', 'transition', 'operations', 'transition to operations (name)']);
    // While its last word is still being typed, that word stays a prefix; stop words outside a
    // name still go; a quoted or excluded word is never part of a name.
    expect(named('handle time')).toEqual(['time*', 'handle time (name)']);
    expect(named('how to handle the time ')).toEqual(['time']);
    expect(named('"handle" time ')).toEqual(['handle', 'time']);
  });

  it('takes a last word that is a name of its own (an abbreviation typed in full) as a word, not a prefix', () => {
    const isName = (tokens: readonly string[]): boolean => tokens.join(' ') === 'wer';
    const shownWith = (input: string): string[] => parseTerms(input, isName).terms.map((t) => `${t.words.join(' ')}${t.prefix ? '*' : ''}`);
    expect(shownWith('asr WER')).toEqual(['asr', 'wer']);
    expect(shownWith('asr werk')).toEqual(['asr', 'werk*']);
    expect(shownWith('asr wer*')).toEqual(['asr', 'wer*']);
  });

  it('gives the query as typed, stop words included, up to its last term, for the glossary lookup', () => {
    const typed = (input: string): string[] => parseTerms(input).typed.map((t) => t.words.join(' '));
    expect(typed('how to handle time ')).toEqual(['how', 'to', 'handle', 'time']);
    expect(typed('how to ')).toEqual(['how', 'to']);
    expect(parseTerms(Array.from({ length: 40 }, (_, i) => `the w${i}`).join(' ')).typed.map((t) => t.words.join(' ')).at(-1)).toBe(`w${MAX_TERMS - 1}`);
  });

  it('mixes Chinese and English terms', () => {
    expect(shown('NOC 预测效果 ')).toEqual(['noc', '预测', '效果']);
    expect(shown('5G基站 ')).toEqual(['5g', '基 站']);
    expect(shown('"5G 基站" 节能 ')).toEqual(['"5g 基 站"', '节 能']);
  });
});

describe('toSnippetParts', () => {
  it('turns markers into hit parts and never treats other text as markup', () => {
    expect(toSnippetParts(`Cell ${MARK_OPEN}sleep${MARK_CLOSE} <b>strategy</b>`)).toEqual([
      { text: 'Cell ', hit: false },
      { text: 'sleep', hit: true },
      { text: ' <b>strategy</b>', hit: false },
    ]);
  });

  it('removes the spaces segmentation put between Chinese words, across markers too', () => {
    expect(toSnippetParts(`夜间 业务量 低时 ${MARK_OPEN}关闭${MARK_CLOSE} 容量 层`)).toEqual([
      { text: '夜间业务量低时', hit: false },
      { text: '关闭', hit: true },
      { text: '容量层', hit: false },
    ]);
    expect(toSnippetParts(`${MARK_OPEN}基${MARK_CLOSE} ${MARK_OPEN}站${MARK_CLOSE} 节能`)).toEqual([
      { text: '基站', hit: true },
      { text: '节能', hit: false },
    ]);
  });

  it('keeps the spaces of English text', () => {
    expect(toSnippetParts(`the ${MARK_OPEN}standard${MARK_CLOSE} ${MARK_OPEN}contract${MARK_CLOSE}…`)).toEqual([
      { text: 'the ', hit: false },
      { text: 'standard', hit: true },
      { text: ' ', hit: false },
      { text: 'contract', hit: true },
      { text: '…', hit: false },
    ]);
  });
});
