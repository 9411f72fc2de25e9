import { CONTENT_TWIPS } from './docx-common';

/**
 * The contents page of a Word document, written as Word itself writes one: a content control
 * marked as a table of contents holding a TOC field whose result — each chapter's title linked to
 * its bookmark, a dot leader, and its page number as a PAGEREF field — is filled in already. Word
 * shows it as it is (no "update fields" prompt on open) and offers "Update table"; LibreOffice
 * and WPS read it as their own index. Each field character and instruction sits in its own run:
 * readers that find them in one run print the field code as text.
 */

/** The bookmark of chapter `n` (from 1): hidden (a leading underscore), as Word names its own. */
export function chapterBookmark(n: number): string {
  return `_TocFieldbench${n}`;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

const run = (inner: string): string => `<w:r>${inner}</w:r>`;
const fieldStart = (instruction: string): string =>
  run('<w:fldChar w:fldCharType="begin"/>') + run(`<w:instrText xml:space="preserve"> ${escapeXml(instruction)} </w:instrText>`) + run('<w:fldChar w:fldCharType="separate"/>');
const fieldEnd = run('<w:fldChar w:fldCharType="end"/>');

/** The contents as a block-level content control; `page` null leaves the number for Word to fill in. */
export function contentsXml(entries: readonly { title: string; page: number | null }[]): string {
  const paragraphs = entries.map((entry, i) => {
    const bookmark = chapterBookmark(i + 1);
    const page = entry.page === null ? '' : String(entry.page);
    const link =
      `<w:hyperlink w:anchor="${bookmark}" w:history="1">` +
      run(`<w:t xml:space="preserve">${escapeXml(entry.title)}</w:t>`) +
      run('<w:tab/>') +
      fieldStart(`PAGEREF ${bookmark} \\h`) +
      run(`<w:t>${page}</w:t>`) +
      fieldEnd +
      '</w:hyperlink>';
    const properties = `<w:pPr><w:pStyle w:val="TOC1"/><w:tabs><w:tab w:val="right" w:leader="dot" w:pos="${CONTENT_TWIPS}"/></w:tabs><w:spacing w:after="100"/></w:pPr>`;
    return `<w:p>${properties}${i === 0 ? fieldStart('TOC \\o "1-1" \\h \\z \\u') : ''}${link}</w:p>`;
  });
  const close = `<w:p>${fieldEnd}</w:p>`;
  return `<w:sdt><w:sdtPr><w:docPartObj><w:docPartGallery w:val="Table of Contents"/><w:docPartUnique/></w:docPartObj></w:sdtPr><w:sdtContent>${paragraphs.join('')}${close}</w:sdtContent></w:sdt>`;
}
