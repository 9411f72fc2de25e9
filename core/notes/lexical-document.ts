import type { ApiMessage } from '../api/message';
import type { Lang } from '../i18n';
import { documentJson } from '../richtext/build';
import { checkRichText, sizeProblem, type CheckedDocument, type LinkPolicy, type RichTextRules } from '../richtext/check';
import { isMailLink, isWebLink } from '../richtext/links';

/**
 * What a note (and a lesson) body may be: the rich-text node list (core/richtext), links only to
 * https:, mailto: or a knowledge-base article (kb:<article-id>), images only as attachments, at most
 * 2 MB. The check itself is core/richtext/check.ts; proposal sections add their own rules on top of
 * these (core/proposals/document.ts).
 */

/** Largest serialized body a note may have; bigger content belongs in attachments. */
export const MAX_NOTE_JSON_BYTES = 2 * 1024 * 1024;

/** A knowledge-base article id as the content pack writes them (see renderer/kb/links.ts). */
const ARTICLE_LINK = /^kb:[a-z0-9]+(?:-[a-z0-9]+)*$/;

/** Whether a link target is allowed in what users write: https:, mailto: or kb:<article-id>. */
export function isAllowedNoteLink(raw: string): boolean {
  const url = raw.trim();
  if (ARTICLE_LINK.test(url)) return true;
  return isWebLink(url, true) || isMailLink(url);
}

const NOTE_LINKS: LinkPolicy = { allows: isAllowedNoteLink };

export const NOTE_RULES: RichTextRules = { what: 'docKind.note', maxBytes: MAX_NOTE_JSON_BYTES, links: NOTE_LINKS, extraNodeTypes: [] };

/** The message for a body over the limit, or null when it fits. */
export function noteSizeProblem(json: string): ApiMessage | null {
  return sizeProblem(json, NOTE_RULES);
}

/** An empty note body: one empty paragraph, as Lexical writes it. */
export const EMPTY_DOCUMENT_JSON = documentJson([]);

/** Checks a note body; problems name the place and what is wrong. */
export function checkLexicalDocument(json: string): CheckedDocument {
  return checkRichText(json, NOTE_RULES);
}

/** 'zh' when most of the letters are Han characters, else 'en'. */
export function detectLang(text: string): Lang {
  let han = 0;
  let other = 0;
  for (const ch of text) {
    if (/\p{Script=Han}/u.test(ch)) han++;
    else if (/\p{L}/u.test(ch)) other++;
  }
  // A Han character carries about as much as a short word: count it so, roughly 2 Latin letters.
  return han > 0 && han * 2 >= other ? 'zh' : 'en';
}
