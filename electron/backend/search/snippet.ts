import { unsegment } from '../../../core/text/segment';
import type { SnippetPart } from '../../../core/kb/types';

/**
 * FTS5's highlight() and snippet() wrap matches in markers we choose. Private-use characters are
 * used so nothing a user or an article can type is mistaken for a marker, and the renderer gets
 * structured parts (never HTML) to draw.
 */
export const MARK_OPEN = '\uE000';
export const MARK_CLOSE = '\uE001';
export const ELLIPSIS = '…';

export function toSnippetParts(marked: string): SnippetPart[] {
  const parts: SnippetPart[] = [];
  const push = (text: string, hit: boolean): void => {
    if (text === '') return;
    const last = parts.at(-1);
    if (last && last.hit === hit) last.text += text;
    else parts.push({ text, hit });
  };
  // Remove segmentation spaces first, across marker boundaries too ("基\uE001 \uE000站" → "基\uE001\uE000站").
  const cjk = '[\\p{Script=Han}\\u3000-\\u303F\\uFF00-\\uFFEF]';
  const cleaned = unsegment(marked.replace(new RegExp(`(${cjk})([\uE000\uE001]*) +([\uE000\uE001]*)(?=${cjk})`, 'gu'), '$1$2$3'))
    .replace(/\s+/g, ' ')
    .trim();
  let hit = false;
  let buffer = '';
  for (const ch of cleaned) {
    if (ch === MARK_OPEN || ch === MARK_CLOSE) {
      push(buffer, hit);
      buffer = '';
      hit = ch === MARK_OPEN;
    } else buffer += ch;
  }
  push(buffer, hit);
  return parts;
}
