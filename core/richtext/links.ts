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

/** The parameters a mailto: link may carry: an email program acts on others (`attach=` a local file, `bcc=`, …). */
const MAILTO_PARAMETERS = new Set(['subject', 'body', 'cc']);
const MAIL_ADDRESS = /^[^\s\p{Cc}\p{Cf}@,;:<>()[\]\\"]+@[^\s\p{Cc}\p{Cf}@,;:<>()[\]\\"]+$/u;

function decoded(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

function addressesAllowed(list: string): boolean {
  const text = decoded(list);
  return text !== null && text.split(',').every((a) => MAIL_ADDRESS.test(a.trim()));
}

/**
 * Whether a mailto: link is one to hand to the operating system: one or more addresses and at most
 * `subject`, `body` and `cc` (each once), however the link is spelt (case, percent-encoding). Used
 * by the renderer before it shows a link and by Electron main before it opens one.
 */
export function isAllowedMailto(url: string): boolean {
  const match = /^mailto:([^?#]*)(?:\?([^#]*))?$/i.exec(url);
  if (!match) return false;
  const [, to = '', query] = match;
  if (to === '' || !addressesAllowed(to)) return false;
  if (query === undefined || query === '') return true;
  const seen = new Set<string>();
  for (const pair of query.split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const name = decoded(eq === -1 ? pair : pair.slice(0, eq))?.trim().toLowerCase() ?? '';
    const value = decoded(eq === -1 ? '' : pair.slice(eq + 1));
    if (!MAILTO_PARAMETERS.has(name) || seen.has(name) || value === null) return false;
    if (name === 'cc' && !addressesAllowed(pair.slice(eq + 1))) return false;
    seen.add(name);
  }
  return true;
}

/** A mailto: link to one address, or null when the address would not make an allowed link. */
export function mailtoHref(address: string): string | null {
  const href = `mailto:${address.trim()}`;
  return isMailLink(href) && isAllowedMailto(href) ? href : null;
}
