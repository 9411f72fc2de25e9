/**
 * Link targets that are safe to keep, checked as a whole against a strict grammar (core has no URL
 * type): scheme, `//`, a host of letters, digits, dots and hyphens, an optional port, then a path
 * without spaces or control characters. So `http:javascript:…`, `https:evil.example`,
 * `https://user@host`, ` javascript:` or `java\tscript:` never pass, however they are spelt.
 */

const WEB_LINK = /^(https?):\/\/[\p{L}\p{N}](?:[\p{L}\p{N}.-]{0,252}[\p{L}\p{N}])?(?::\d{1,5})?(?:[/?#][^\s\p{Cc}\p{Cf}]*)?$/iu;
const MAIL_LINK = /^mailto:[^\s\p{Cc}\p{Cf}@?&]+@[^\s\p{Cc}\p{Cf}@?&]+$/iu;

/** An http: or https: link (`secureOnly`: https: only). */
export function isWebLink(url: string, secureOnly = false): boolean {
  const scheme = WEB_LINK.exec(url)?.[1]?.toLowerCase();
  return scheme === 'https' || (scheme === 'http' && !secureOnly);
}

/** A mailto: link to one address, without parameters. */
export function isMailLink(url: string): boolean {
  return MAIL_LINK.test(url);
}
