import { z } from 'zod';
import { CURRENCY_DISPLAYS, DEFAULT_ORGANISATION, MAX_LOGO_BYTES, ORGANISATION_LIMITS, QUOTE_TOKENS, type OrganisationProfile } from '../../organisation/profile';
import { bytes, noArgs, returns } from './common';

const text = z.string().trim().max(ORGANISATION_LIMITS.text);
const localized = z.object({ en: text, zh: text }).strict();

/** The settings the form saves, as every call and the store check them. Fields added later default, so a profile saved before them still reads. */
export const organisationSettings = z
  .object({
    name: localized,
    address: localized,
    contact: z.object({ name: text, email: z.union([z.literal(''), z.email('issue.notEmail').max(ORGANISATION_LIMITS.text)]), phone: text }).strict(),
    validityDays: z.number().int('issue.wholeNumber').min(1).max(ORGANISATION_LIMITS.validityDays),
    quotePattern: z
      .string()
      .trim()
      .min(1)
      .max(ORGANISATION_LIMITS.pattern)
      // Only the known tokens may stand in braces, so a typo is caught here rather than printed on a quotation.
      .refine((p) => (p.match(/\{[^}]*\}/g) ?? []).every((token) => (QUOTE_TOKENS as readonly string[]).includes(token)), 'issue.unknownQuoteToken'),
    currencyDisplay: z.enum(CURRENCY_DISPLAYS).default(DEFAULT_ORGANISATION.currencyDisplay),
    documentLang: z.enum(['en', 'zh']).nullable().default(DEFAULT_ORGANISATION.documentLang),
  })
  .strict();

/** The profile as stored: the settings and the logo. */
export const storedOrganisation = organisationSettings
  .extend({
    logo: z
      .object({ sha256: z.string().regex(/^[0-9a-f]{64}$/), mime: z.enum(['image/png', 'image/jpeg']), name: z.string().max(255) })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();

/** Who sends the documents (core/organisation/profile.ts): on this device for now. */
export const organisationCalls = {
  'organisation.get': { args: noArgs, result: returns<OrganisationProfile>() },
  /** Replaces the settings (the logo stays); returns the profile as stored. */
  'organisation.save': { args: z.object({ profile: organisationSettings }).strict(), result: returns<OrganisationProfile>() },
  /** A PNG or JPEG as the logo on every export; returns the profile with it. */
  'organisation.setLogo': {
    args: z
      .object({
        name: z.string().trim().min(1).max(255),
        mime: z.string().max(100),
        data: bytes(MAX_LOGO_BYTES, { tooLarge: 'issue.fileTooLargeMb', empty: 'issue.fileEmpty' }),
      })
      .strict(),
    result: returns<OrganisationProfile>(),
  },
  /** Exports go out without a logo again; the file stays in the store for documents that showed it. */
  'organisation.removeLogo': { args: noArgs, result: returns<OrganisationProfile>() },
} as const;
