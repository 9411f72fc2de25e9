/** Something in a Markdown body outside the subset FORMAT.md allows; line counts from 1. */
export type MarkdownIssue = { line: number; message: string };

const HTML_TAG = /<\/?[a-zA-Z][a-zA-Z0-9-]*(\s[^<>]*)?\/?>|<!--/;

/**
 * Finds what FORMAT.md rules out of knowledge-base Markdown: tables, images, raw HTML, and
 * headings other than ## and ###. Such text would render as literal characters, so the author
 * should hear about it; fenced code and inline code are exempt.
 */
export function lintKbMarkdown(markdown: string): MarkdownIssue[] {
  const issues: MarkdownIssue[] = [];
  let inFence = false;
  markdown.split(/\r\n?|\n/).forEach((raw, i) => {
    const line = i + 1;
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      return;
    }
    if (inFence) return;
    const prose = raw.replace(/`[^`]*`/g, '');
    if (/^\s*\|.*\|\s*$/.test(prose)) issues.push({ line, message: 'tables are not supported; write the rows as a list' });
    if (/!\[[^\]]*\]\(/.test(prose)) issues.push({ line, message: 'images are not supported in articles' });
    if (HTML_TAG.test(prose)) issues.push({ line, message: 'raw HTML is not supported; it is shown as plain text' });
    const heading = /^(#{1,6})\s/.exec(prose);
    if (heading && heading[1] !== '##' && heading[1] !== '###') issues.push({ line, message: `use ## or ### headings, not ${heading[1]}` });
  });
  return issues;
}
