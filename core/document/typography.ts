import type { Lang } from '../i18n';

/**
 * How each language writes the small things in a document: Chinese text uses full-width
 * punctuation (：（）；) and writes dates 2026年12月4日; English keeps ASCII punctuation and ISO
 * dates. Every document builder takes these from here, so a Chinese report and a Chinese proposal
 * cannot disagree.
 */

export type Punctuation = { colon: string; open: string; close: string; semicolon: string };

export const PUNCTUATION: Record<Lang, Punctuation> = {
  en: { colon: ': ', open: ' (', close: ')', semicolon: '; ' },
  zh: { colon: '：', open: '（', close: '）', semicolon: '；' },
};

/** "text (aside)" / "text（aside）". */
export function withAside(text: string, aside: string, lang: Lang): string {
  const p = PUNCTUATION[lang];
  return `${text}${p.open}${aside}${p.close}`;
}

/** A calendar day (YYYY-MM-DD) as a document writes it: as it is in English, 2026年12月4日 in Chinese. */
export function documentDay(day: string, lang: Lang): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (lang !== 'zh' || !match) return day;
  return `${match[1]}年${Number(match[2])}月${Number(match[3])}日`;
}

/**
 * An instant as a document writes it, in the time zone of the machine (the consultant's, on site)
 * or the one given, with its offset so a reader elsewhere knows which it is: "2026-12-04 12:15
 * (UTC+8)", "2026年12月4日 12:15（UTC+8）". Text that is no time comes back as it was.
 */
export function documentTime(iso: string, lang: Lang, timeZone?: string): string {
  const at = new Date(iso);
  if (Number.isNaN(at.getTime())) return iso;
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
    timeZoneName: 'shortOffset',
    calendar: 'gregory',
    numberingSystem: 'latn',
  }).formatToParts(at);
  const part = (type: Intl.DateTimeFormatPartTypes): string => parts.find((p) => p.type === type)?.value ?? '';
  const day = `${part('year')}-${part('month')}-${part('day')}`;
  // "GMT+8" → "UTC+8"; "GMT" and "GMT+0" are UTC itself.
  const offset = part('timeZoneName').replace(/^GMT/, '');
  const zone = offset === '' || offset === '+0' ? 'UTC' : `UTC${offset}`;
  return withAside(`${documentDay(day, lang)} ${part('hour')}:${part('minute')}`, zone, lang);
}

const CJK_CHAR = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\u3000-\u303F\uFF00-\uFFEF]$/u;

/** Whether a character is Chinese (or Japanese) writing or its full-width punctuation. */
export function isCjkChar(ch: string | undefined): boolean {
  return ch !== undefined && CJK_CHAR.test(ch);
}

/**
 * Template text and the values filled into it, joined. Chinese templates leave a space on each
 * side of a variable, as mixed text puts one between Chinese and Latin letters or figures
 * ("约处理 {{answer.monthly-contacts}} 次"); where the value itself is Chinese at that edge, the
 * space would fall inside Chinese text ("中国移动 每月"), so that one space is left out:
 * "{{customer.name}} 每月" reads "中国移动每月", while "Acme 每月" and "250,000 次" keep theirs.
 */
export function joinFilled(parts: readonly { text: string; filled: boolean }[]): string {
  const texts = parts.map((p) => p.text);
  parts.forEach((part, i) => {
    if (!part.filled) return;
    const before = texts[i - 1];
    const after = texts[i + 1];
    if (before?.endsWith(' ') && isCjkChar(before.at(-2)) && isCjkChar(part.text[0])) texts[i - 1] = before.slice(0, -1);
    if (after?.startsWith(' ') && isCjkChar(after[1]) && isCjkChar(part.text.at(-1))) texts[i + 1] = after.slice(1);
  });
  return texts.join('');
}
