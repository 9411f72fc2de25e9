import { REGIONAL_WORDS, SIMPLIFIED_FROM, SIMPLIFIED_TO, TRADITIONAL_FROM, TRADITIONAL_TO } from './chinese-variants.data';

/**
 * Chinese written in the other script, character by character: 客戶服務 → 客户服务 and back. A
 * consultant in Hong Kong or Taiwan types Traditional characters where the knowledge base is
 * written in Simplified ones (and a synced note may be the other way round); search looks for the
 * other script's form of each Chinese word too. Character tables from OpenCC
 * (chinese-variants.data.ts); where a character has several counterparts, the most common one.
 * Taiwan's and Hong Kong's own words (資料 for 数据, 網路 for 网络) are a separate step,
 * mainlandWords, since a word must be replaced whole, never a piece of a longer one.
 */

const HAN = /\p{Script=Han}/gu;

function table(from: string, to: string): Map<string, string> {
  const keys = [...from];
  const values = [...to];
  return new Map(keys.map((k, i) => [k, values[i] ?? k]));
}

let simplified: Map<string, string> | null = null;
let traditional: Map<string, string> | null = null;

/** The text with each Traditional character in its Simplified form; everything else as it was. */
export function toSimplified(text: string): string {
  const map = (simplified ??= table(TRADITIONAL_FROM, SIMPLIFIED_TO));
  return text.replace(HAN, (ch) => map.get(ch) ?? ch);
}

/** The text with each Simplified character in its most common Traditional form. */
export function toTraditional(text: string): string {
  const map = (traditional ??= table(SIMPLIFIED_FROM, TRADITIONAL_TO));
  return text.replace(HAN, (ch) => map.get(ch) ?? ch);
}

let regional: { words: Map<string, string>; segmenter: Intl.Segmenter } | null = null;
let regionalByMainland: Map<string, string[]> | null = null;

function regionalPairs(): [string, string][] {
  return REGIONAL_WORDS.split('|').map((pair) => pair.split('=') as [string, string]);
}

/**
 * The words Taiwan and Hong Kong write for a mainland word, in Traditional characters: 數據 →
 * 資料, 視頻 → 影片 and 視訊. The other way from mainlandWords, so a search for 数据 also finds a
 * note a colleague in Taipei wrote with 資料. A regional word is not looked for in Simplified
 * characters: there 资料 is the mainland's own word for documents, not data.
 */
export function regionalWordsFor(mainland: string): readonly string[] {
  if (regionalByMainland === null) {
    regionalByMainland = new Map();
    for (const [word, mainlandWord] of regionalPairs()) {
      const list = regionalByMainland.get(mainlandWord);
      if (list) list.push(word);
      else regionalByMainland.set(mainlandWord, [word]);
    }
  }
  return regionalByMainland.get(mainland) ?? [];
}
/** Longest regional word, in the segmenter's words (行動網路 is 行動 + 網路). */
const MAX_WORDS_PER_PHRASE = 4;

/**
 * Taiwan's and Hong Kong's words in the mainland's (資料 → 數據, 網路 → 網絡, 人工智慧 →
 * 人工智能), still in Traditional characters (toSimplified follows). Only whole words are replaced,
 * as the word segmenter cuts the text: 程式 becomes 程序, but 方程式 (an equation) stays.
 */
export function mainlandWords(text: string): string {
  if (!/\p{Script=Han}/u.test(text)) return text;
  regional ??= {
    words: new Map(regionalPairs()),
    segmenter: new Intl.Segmenter('zh-TW', { granularity: 'word' }),
  };
  const { words, segmenter } = regional;
  const pieces = [...segmenter.segment(text)].map((s) => s.segment);
  let out = '';
  for (let i = 0; i < pieces.length; ) {
    let taken = 0;
    // The longest run of whole pieces that is a regional word.
    for (let n = Math.min(MAX_WORDS_PER_PHRASE, pieces.length - i); n >= 1 && taken === 0; n--) {
      const candidate = pieces.slice(i, i + n).join('');
      const mainland = words.get(candidate);
      if (mainland !== undefined) {
        out += mainland;
        taken = n;
      }
    }
    if (taken === 0) {
      out += pieces[i] ?? '';
      taken = 1;
    }
    i += taken;
  }
  return out;
}
