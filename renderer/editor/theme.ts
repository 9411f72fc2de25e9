import type { InitialConfigType } from '@lexical/react/LexicalComposer';

/**
 * The Lexical theme of every rich text in the app, editable or read-only: class names only, no
 * inline styles (ui/rich-text.css styles them).
 */
export const RICH_TEXT_THEME: InitialConfigType['theme'] = {
  heading: { h1: 'rt-h1', h2: 'rt-h2', h3: 'rt-h3', h4: 'rt-h4', h5: 'rt-h5', h6: 'rt-h6' },
  list: {
    ul: 'rt-ul',
    ol: 'rt-ol',
    listitem: 'rt-li',
    listitemChecked: 'rt-li-checked',
    listitemUnchecked: 'rt-li-unchecked',
    checklist: 'rt-checklist',
    nested: { listitem: 'rt-nested' },
  },
  quote: 'rt-quote',
  link: 'rt-link',
  code: 'rt-code',
  table: 'rt-table',
  tableRow: 'rt-tr',
  tableCell: 'rt-td',
  tableCellHeader: 'rt-th',
  image: 'rt-image-wrap',
  text: { bold: 'rt-bold', italic: 'rt-italic', code: 'rt-inline-code', underline: 'rt-underline', strikethrough: 'rt-strike' },
  paragraph: 'rt-p',
};
