import type { Lang } from '../../core/i18n';

/** Dates and times as the runner shows them, in the UI language. */

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-GB');

export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit' });
}

export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(locale(lang), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}
