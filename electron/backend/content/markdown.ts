/**
 * The Markdown → Lexical conversion is pure and lives in core (proposal generation uses it too);
 * re-exported here so the pack importer and its tests keep their import path.
 */
export { convertMarkdown, isAllowedLink, lintKbMarkdown, markdownToLexical } from '../../../core/content/markdown';
export type { Conversion, ConvertedText, MarkdownIssue } from '../../../core/content/markdown';
