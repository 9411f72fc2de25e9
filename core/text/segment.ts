/**
 * Chinese has no spaces between words, and FTS5's unicode61 tokenizer would take a whole run of
 * Han characters as one token, so a query for a word in the middle of a sentence would not match.
 * Before indexing (and before querying) every Han run is split into words with Intl.Segmenter and
 * the words are separated by spaces. Only Han runs go through the segmenter: Latin text is already
 * tokenized well by unicode61 and segmenting it would only cost time.
 */

const HAN_RUN = /[\p{Script=Han}]+/gu;
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

export function hasHan(text: string): boolean {
  HAN_RUN.lastIndex = 0;
  return HAN_RUN.test(text);
}

/** The words of one run of Han characters. */
export function segmentHanRun(run: string): string[] {
  const words: string[] = [];
  for (const s of segmenter.segment(run)) words.push(s.segment);
  return words;
}

/** Text with a space between Chinese words; everything else is left as it was. */
export function segmentForIndex(text: string): string {
  return text.replace(HAN_RUN, (run) => (run.length === 1 ? run : ` ${segmentHanRun(run).join(' ')} `));
}

/** Undoes segmentForIndex's spaces for display: drops spaces between Chinese characters and CJK punctuation. */
export function unsegment(text: string): string {
  return text.replace(/([\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]) +(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu, '$1');
}
