import type { Lang } from '../i18n';

/** The few words every document writer needs, in the document's language (not the UI's). */
export type DocumentWords = {
  /** After a field label ("Customer: …", "客户：…"). */
  colon: string;
  /** The footer around the page numbers: before N, between N and M, after M. */
  page: [string, string, string];
  /** Stands in for a picture that cannot be shown. */
  image: string;
};

export const DOCUMENT_WORDS: Record<Lang, DocumentWords> = {
  en: { colon: ': ', page: ['Page ', ' of ', ''], image: 'Image' },
  zh: { colon: '：', page: ['第 ', ' 页，共 ', ' 页'], image: '图片' },
};
