/**
 * A feature's UI messages in both languages. Each feature folder keeps its own messages next to
 * its screens (e.g. renderer/engagements/messages.ts) and en.ts / zh.ts join them. The type
 * demands that zh has exactly the English keys: a missing or extra key fails to compile.
 */
export function defineMessages<const E extends Readonly<Record<string, string>>>(
  en: E,
  zh: { readonly [K in keyof E]: string },
): { en: E; zh: { readonly [K in keyof E]: string } } {
  return { en, zh };
}
