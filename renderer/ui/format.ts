import type { Lang } from '../../core/i18n';
import { groupThousands } from '../../core/proposals/money';

/** How every screen writes times, dates, money and sizes, in the UI language. */

const locale = (lang: Lang): string => (lang === 'zh' ? 'zh-CN' : 'en-GB');

/** "14:05" */
export function formatTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleTimeString(locale(lang), { hour: '2-digit', minute: '2-digit' });
}

/** "2 Mar 2026, 14:05" / "2026年3月2日 14:05" */
export function formatDateTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(locale(lang), { year: 'numeric', month: 'short', day: 'numeric', hour: '2-digit', minute: '2-digit' });
}

/** "CNY 1,234,567.00": the exact decimal string from the backend, grouped, never through a float. */
export function formatMoney(currency: string, amount: string): string {
  return `${currency} ${groupThousands(amount)}`;
}

/** A count with the UI language's digit grouping. */
export function formatCount(count: number, lang: Lang): string {
  return count.toLocaleString(locale(lang));
}

/** A file size for people: "830 kB", "41.7 MB"; a few bytes are "1 kB", none are "0 kB" (a sync that reached nothing moved nothing). */
export function formatFileSize(bytes: number): string {
  if (bytes <= 0) return '0 kB';
  return bytes < 1024 * 1024 ? `${Math.max(1, Math.round(bytes / 1024))} kB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
