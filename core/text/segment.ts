/**
 * Chinese has no spaces between words, and FTS5's unicode61 tokenizer would take a whole run of
 * Han characters as one token, so a query for a word in the middle of a sentence would not match.
 * Before indexing (and before querying) every Han run is split into words with Intl.Segmenter and
 * the words are separated by spaces. Only Han runs go through the segmenter: Latin text is already
 * tokenized well by unicode61 and segmenting it would only cost time.
 */

/**
 * Makes the index segmenter. Everything it uses is created inside this function, so that its source
 * text alone can start a worker thread that segments exactly as this module does (bulk indexing,
 * electron/backend/search/segment-workers.ts) without loading any module into the worker.
 */
export function makeIndexSegmenter(): { segmentHanRun: (run: string) => string[]; segmentForIndex: (text: string) => string } {
  const hanRun = /[\p{Script=Han}]+/gu;
  const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

  function segmentHanRun(run: string): string[] {
    // containing() walks the segments without the iterator protocol: about a quarter faster, and
    // segmentation is most of the time it takes to index Chinese text.
    const words: string[] = [];
    const segments = segmenter.segment(run);
    let i = 0;
    while (i < run.length) {
      const s = segments.containing(i);
      if (s === undefined) break;
      words.push(s.segment);
      i = s.index + s.segment.length;
    }
    return words;
  }

  function segmentForIndex(text: string): string {
    return text.replace(hanRun, (run) => (run.length === 1 ? ` ${run} ` : ` ${segmentHanRun(run).join(' ')} `));
  }

  return { segmentHanRun, segmentForIndex };
}

const HAN_RUN = /[\p{Script=Han}]+/gu;
const indexSegmenter = makeIndexSegmenter();

export function hasHan(text: string): boolean {
  HAN_RUN.lastIndex = 0;
  return HAN_RUN.test(text);
}

/** The words of one run of Han characters. */
export const segmentHanRun: (run: string) => string[] = indexSegmenter.segmentHanRun;

/**
 * Text with a space around every Chinese word; everything else is left as it was. A single Han
 * character gets spaces too, so that "第3季度" is indexed as 第 3 季度 and a search for 3季度 finds it.
 */
export const segmentForIndex: (text: string) => string = indexSegmenter.segmentForIndex;

/** Undoes segmentForIndex's spaces for display: drops spaces between Chinese characters and CJK punctuation. */
export function unsegment(text: string): string {
  return text.replace(/([\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF]) +(?=[\p{Script=Han}\u3000-\u303F\uFF00-\uFFEF])/gu, '$1');
}
