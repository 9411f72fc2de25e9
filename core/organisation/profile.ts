import { pick, type Lang, type Localized } from '../i18n';

/**
 * Who sends the documents: the organisation's names, address and contact, how long a quotation
 * stays valid and how its number is written. Kept in the settings of this device (synced later);
 * every proposal export takes its cover, validity and quote number from here. Pure.
 */

/**
 * How totals show their currency: by the document's language (¥ in Chinese, the ISO code in
 * English), always the symbol (¥1,200.00, $1,200.00), or always the code (CNY 1,200.00).
 */
export const CURRENCY_DISPLAYS = ['byLanguage', 'symbol', 'code'] as const;
export type CurrencyDisplay = (typeof CURRENCY_DISPLAYS)[number];

/** The logo on every exported document: a PNG or JPEG in the attachment store. */
export type OrganisationLogo = { sha256: string; mime: 'image/png' | 'image/jpeg'; name: string };

/** The largest logo file: a logo is small; a photo by mistake is refused with this size named. */
export const MAX_LOGO_BYTES = 2 * 1024 * 1024;

export type OrganisationProfile = {
  name: Localized;
  address: Localized;
  contact: { name: string; email: string; phone: string };
  /** Days a quotation stays valid from its date. */
  validityDays: number;
  /** How a quote number is written: {yyyy} {mm} {dd} (the proposal's creation day) and {id} (from the proposal's id). */
  quotePattern: string;
  currencyDisplay: CurrencyDisplay;
  /** The language new proposals and reports are written in; null: the app's language. */
  documentLang: Lang | null;
  logo: OrganisationLogo | null;
};

/** What the settings form edits; the logo has calls of its own (its bytes go to the attachment store). */
export type OrganisationSettings = Omit<OrganisationProfile, 'logo'>;

export const ORGANISATION_LIMITS = { text: 300, validityDays: 3650, pattern: 60 } as const;
export const QUOTE_TOKENS = ['{yyyy}', '{mm}', '{dd}', '{id}'] as const;

export const DEFAULT_ORGANISATION: OrganisationProfile = {
  name: { en: '', zh: '' },
  address: { en: '', zh: '' },
  contact: { name: '', email: '', phone: '' },
  validityDays: 60,
  quotePattern: 'Q-{yyyy}{mm}-{id}',
  currencyDisplay: 'byLanguage',
  documentLang: null,
  logo: null,
};

/**
 * A proposal's quote number: the pattern with the proposal's creation day and the first six
 * characters of its id (letters and digits, upper case), so it is the same on every export and
 * every device without a counter that two offline laptops could both advance.
 */
export function quoteNumber(pattern: string, proposal: { id: string; createdAt: string }): string {
  const day = proposal.createdAt.slice(0, 10);
  const [yyyy = '', mm = '', dd = ''] = day.split('-');
  const id = proposal.id.replace(/[^A-Za-z0-9]/g, '').slice(0, 6).toUpperCase();
  return pattern.replace(/\{yyyy\}/g, yyyy).replace(/\{mm\}/g, mm).replace(/\{dd\}/g, dd).replace(/\{id\}/g, id);
}

/** The last day a quotation dated `day` (YYYY-MM-DD) is valid. */
export function validUntil(day: string, validityDays: number): string {
  const at = Date.parse(`${day}T00:00:00Z`);
  if (Number.isNaN(at)) return day;
  return new Date(at + validityDays * 24 * 60 * 60 * 1000).toISOString().slice(0, 10);
}

/** The organisation's name in a language, or in the other when it has none in this one. */
export function organisationName(profile: OrganisationProfile, lang: Lang): string {
  return pick(profile.name, lang).trim();
}

/** The language a new document is written in: the profile's choice, else the app's. */
export function documentLanguage(profile: Pick<OrganisationProfile, 'documentLang'>, appLang: Lang): Lang {
  return profile.documentLang ?? appLang;
}

/** The logo a document shows, with the organisation's name as its alternative text; nothing without a logo. */
export function documentLogo(profile: Pick<OrganisationProfile, 'logo' | 'name'>, lang: Lang): { logo?: { sha256: string; alt: string } } {
  if (!profile.logo) return {};
  return { logo: { sha256: profile.logo.sha256, alt: organisationName({ ...DEFAULT_ORGANISATION, name: profile.name }, lang) || profile.logo.name } };
}
