import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { editDistance, editsAllowed } from '../../core/text/edit-distance';
import { americanSpelling, stemKey } from '../../electron/backend/search/stem';
import { indexTokens, unicodeIndexTokens } from '../../electron/backend/search/vocabulary';
import { correctedQuery } from '../../core/kb/corrected-query';
import { isStopWord } from '../../core/text/stopwords';

describe('editDistance (Damerau–Levenshtein, optimal string alignment)', () => {
  it.each([
    ['churn', 'churn', 0],
    ['chrun', 'churn', 1], // a swap is one edit
    ['privcy', 'privacy', 1],
    ['hotine', 'hotline', 1],
    ['containmnet', 'containment', 1],
    ['stakholder', 'stakeholder', 1],
    ['kitten', 'sitting', 3],
    ['', 'abc', 3],
  ])('%s → %s is %i edits', (a, b, d) => {
    expect(editDistance(a, b, 5)).toBe(d);
    expect(editDistance(b, a, 5)).toBe(d);
  });

  it('stops at the bound, answering bound + 1', () => {
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
    expect(editDistance('a', 'abcdef', 2)).toBe(3);
  });

  it('allows no edit to short words, one to middling and two to long ones', () => {
    expect(editsAllowed('kpi')).toBe(0);
    expect(editsAllowed('chrun')).toBe(1);
    expect(editsAllowed('containmnet')).toBe(2);
  });
});

describe('stemKey and americanSpelling', () => {
  it('gives the forms of a word one key', () => {
    for (const [a, b] of [
      ['voiceprint', 'voiceprints'],
      ['clause', 'clauses'],
      ['extraction', 'extracting'],
      ['sleeping', 'sleep'],
      ['anonymisation', 'anonymization'],
      ['organise', 'organized'],
      ['colour', 'color'],
      ['fibre', 'fiber'],
      ['modelling', 'modeling'],
      ['catalogue', 'catalog'],
      ['analyse', 'analyze'],
    ]) {
      expect(stemKey(a ?? ''), `${a} / ${b}`).toBe(stemKey(b ?? ''));
    }
  });

  it('keeps apart words Porter would join though they mean different things', () => {
    for (const [a, b] of [
      ['business', 'busy'],
      ['experience', 'experiment'],
      ['product', 'production'],
      ['product', 'productivity'],
      ['general', 'generation'],
      ['generic', 'generated'],
      ['community', 'communication'],
      ['author', 'authority'],
      ['new', 'news'],
    ]) {
      expect(stemKey(a ?? ''), `${a} / ${b}`).not.toBe(stemKey(b ?? ''));
    }
    // Their own forms still share a key.
    expect(stemKey('experiments')).toBe(stemKey('experiment'));
    expect(stemKey('experimental')).toBe(stemKey('experiment'));
    expect(stemKey('generative')).toBe(stemKey('generation'));
    expect(stemKey('communications')).toBe(stemKey('communicating'));
    expect(stemKey('businesses')).toBe(stemKey('business'));
  });

  it('leaves words whose -ise is the root, numbers, identifiers and Chinese alone', () => {
    expect(americanSpelling('enterprise')).toBe('enterprise');
    expect(americanSpelling('expertise')).toBe('expertise');
    expect(stemKey('5g')).toBe('5g');
    expect(stemKey('2024')).toBe('2024');
    expect(stemKey('基站')).toBe('基站');
    expect(stemKey('oss')).toBe('oss');
  });
});

describe('correctedQuery', () => {
  it('replaces whole words in any case, and nothing inside other words', () => {
    expect(correctedQuery('Chrun model for chrun', [{ from: 'chrun', to: 'churn' }])).toBe('churn model for churn');
    expect(correctedQuery('chrunky chrun', [{ from: 'chrun', to: 'churn' }])).toBe('chrunky churn');
    expect(correctedQuery('a.b (x) chrun', [{ from: 'chrun', to: 'churn' }])).toBe('a.b (x) churn');
  });
});

describe('stop words', () => {
  it('knows question words of both languages and not domain words', () => {
    for (const w of ['how', 'do', 'i', 'the', '如何', '怎么', '的']) expect(isStopWord(w), w).toBe(true);
    for (const w of ['churn', 'kpi', 'export', '基站', '节能']) expect(isStopWord(w), w).toBe(false);
  });
});

describe('index tokens', () => {
  it('takes the ASCII short way only where it gives what the general way gives', () => {
    const ascii = fc.string({ unit: fc.constantFrom(...'abcXYZ019 -_.,/\'\t\n\u0000~'.split('')), maxLength: 60 });
    const mixed = fc.string({ unit: fc.constantFrom(...'aZ9 -é́ßΣς中文ＡＢ１😀\u0301\u0080'.split('')), maxLength: 40 });
    fc.assert(
      fc.property(fc.oneof(ascii, mixed, fc.string({ unit: 'grapheme', maxLength: 30 })), (text) => {
        expect([...indexTokens(text)].sort()).toEqual([...unicodeIndexTokens(text)].sort());
      }),
    );
  });

  it('lowercases, keeps digits and splits on everything else', () => {
    expect([...indexTokens('5G Base-Station KPI_2024 (v2.1)')]).toEqual(['5g', 'base', 'station', 'kpi', '2024', 'v2', '1']);
    expect([...indexTokens('Café 基站 节能')]).toEqual(['cafe', '基站', '节能']);
    expect([...indexTokens(' -- ')]).toEqual([]);
  });
});
