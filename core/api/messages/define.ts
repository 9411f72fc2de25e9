/**
 * A group of API messages in both languages. `{name}` marks a parameter; a translation must use
 * the same parameters (test/unit/api-messages.test.ts checks every entry).
 */
export function defineApiMessages<const M extends Readonly<Record<string, { readonly en: string; readonly zh: string }>>>(messages: M): M {
  return messages;
}
