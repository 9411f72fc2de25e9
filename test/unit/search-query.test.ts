import { describe, expect, it } from 'vitest';
import { MAX_TERMS, parseQuery } from '../../electron/backend/search/query';
import { MARK_CLOSE, MARK_OPEN, toSnippetParts } from '../../electron/backend/search/snippet';
import { segmentHanRun } from '../../core/text/segment';

/**
 * The only FTS5 syntax parseQuery may emit outside quoted strings: AND between terms, + between
 * the words of a phrase, and * after a prefix. Returns what is left outside the quotes.
 */
function syntaxOutsideQuotes(match: string): string {
  return match.replace(/"(?:[^"]|"")*"/g, 'Q');
}

function expectSafe(match: string | null): void {
  if (match === null) return;
  const outside = syntaxOutsideQuotes(match);
  expect(outside).toMatch(/^Q( \+ Q)*\*?( AND Q( \+ Q)*\*?)*$/);
}

const phrase = (words: string[]) => words.map((w) => `"${w}"`).join(' + ');

describe('parseQuery', () => {
  it('ANDs plain terms, lower-cased, with no prefix after a trailing space', () => {
    expect(parseQuery('Intent Taxonomy ')).toEqual({ match: '"intent" AND "taxonomy"', terms: ['intent', 'taxonomy'], notice: null });
  });

  it('makes the last term a prefix while the user is still typing', () => {
    expect(parseQuery('intent tax').match).toBe('"intent" AND "tax"*');
    // One or two letters would expand to much of the vocabulary: they are searched as words.
    expect(parseQuery('intent ta').match).toBe('"intent" AND "ta"');
  });

  it('honours an explicit trailing * on any term', () => {
    expect(parseQuery('cont* sleep ').match).toBe('"cont"* AND "sleep"');
    expect(parseQuery('foo-bar* ').match).toBe('"foo" AND "bar"*');
  });

  it('keeps "quoted phrases" together', () => {
    expect(parseQuery('"standard contract" export ').match).toBe('"standard" + "contract" AND "export"');
    expect(parseQuery('"standard contract"').match).toBe('"standard" + "contract"');
  });

  it('treats an unbalanced quote as a phrase running to the end, its last word still being typed', () => {
    expect(parseQuery('export "standard contr').match).toBe('"export" AND "standard" + "contr"*');
    expect(parseQuery('export "standard contract ').match).toBe('"export" AND "standard" + "contract"');
    expect(parseQuery('"').match).toBeNull();
    expect(parseQuery('""""').match).toBeNull();
  });

  it.each([
    ['"', null],
    ['*', null],
    ['(', null],
    [')', null],
    ['-', null],
    [':', null],
    ['^', null],
    ['+', null],
    ['{', null],
    ['}', null],
    ['NEAR', '"near"'],
    ['AND', '"and"'],
    ['OR', '"or"'],
    ['NOT', '"not"'],
  ])('neutralises FTS syntax %j', (input, expected) => {
    expect(parseQuery(`${input} `).match).toBe(expected);
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
  ])('emits only quoted words and AND/+/* for %j', (input) => {
    const parsed = parseQuery(input);
    expectSafe(parsed.match);
    expect(parsed.match ?? '').not.toMatch(/\bNEAR\b|\bOR\b|\bNOT\b|[():^{}-]/);
  });

  it('searches operator words as ordinary words', () => {
    expect(parseQuery('intent NEAR/2 call ').match).toBe('"intent" AND "near" AND "2" AND "call"');
    expect(parseQuery('(intent OR call) ').match).toBe('"intent" AND "or" AND "call"');
    expect(parseQuery('title:intent ').match).toBe('"title" AND "intent"');
  });

  it('returns an empty query (not an error) when nothing searchable is left', () => {
    for (const input of ['', '   ', '\n\t', '*** --- ((( )))', '"" ""', '\uE000\uE001']) {
      expect(parseQuery(input)).toEqual({ match: null, terms: [], notice: null });
    }
  });

  it(`uses at most ${MAX_TERMS} terms and names the ignored ones`, () => {
    const words = Array.from({ length: 40 }, (_, i) => `w${i}`);
    const parsed = parseQuery(`${words.join(' ')} `);
    expect(parsed.terms).toEqual(words.slice(0, MAX_TERMS));
    expect(parsed.match?.split(' AND ')).toHaveLength(MAX_TERMS);
    expect(parsed.notice).toContain(`first ${MAX_TERMS}`);
    expect(parsed.notice).toContain('w32');
    expect(parsed.notice).toContain('3 more');
  });

  it('handles a 100 KB query', () => {
    const big = 'delivery "risk '.repeat(7000).slice(0, 100_000);
    expect(big.length).toBe(100_000);
    const parsed = parseQuery(big);
    expect(parsed.terms.length).toBe(MAX_TERMS);
    expect(parsed.notice).not.toBeNull();
    expectSafe(parsed.match);

    const oneWord = parseQuery('x'.repeat(100_000));
    expect(oneWord.terms).toEqual(['x'.repeat(100_000)]);
    expectSafe(oneWord.match);
  });

  it('segments Chinese into words and searches the words of one run as a phrase', () => {
    const words = segmentHanRun('基站节能');
    expect(parseQuery('基站节能 ').match).toBe(phrase(words));
    // Still typing, a Chinese word is still whole (an input method commits whole words): no
    // prefix, which would also match across word boundaries. An explicit * asks for one.
    expect(parseQuery('基站节能').match).toBe(phrase(words));
    expect(parseQuery('基站节能*').match).toBe(`${phrase(words)}*`);
    expect(parseQuery('"基站节能').match).toBe(phrase(words));
    expect(parseQuery('alarm 基站').match).toBe(`"alarm" AND ${phrase(segmentHanRun('基站'))}`);
    expect(parseQuery('基站节能 ').terms).toEqual(['基站节能']);
    // Chinese punctuation separates terms like spaces do.
    expect(parseQuery('基站，节能 ').match).toBe(`${phrase(segmentHanRun('基站'))} AND ${phrase(segmentHanRun('节能'))}`);
  });

  it('mixes Chinese and English terms', () => {
    expect(parseQuery('KPI 覆盖率 ').match).toBe(`"kpi" AND ${phrase(segmentHanRun('覆盖率'))}`);
    expect(parseQuery('网络 alarm ').match).toBe(`${phrase(segmentHanRun('网络'))} AND "alarm"`);
    // Latin glued to Chinese is one phrase, tokenized as the index tokenizes it.
    expect(parseQuery('5G基站 ').match).toBe(phrase(['5g', ...segmentHanRun('基站')]));
    expect(parseQuery('"5G 基站" 节能 ').terms).toEqual(['5g 基站', '节能']);
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
