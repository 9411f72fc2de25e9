import { z } from 'zod';
import { ORGANISATION_LIMITS, QUOTE_TOKENS, type OrganisationProfile } from '../../organisation/profile';
import { noArgs, returns } from './common';

const text = z.string().trim().max(ORGANISATION_LIMITS.text);
const localized = z.object({ en: text, zh: text }).strict();

/** The profile as every call and the store check it. */
export const organisationProfile = z
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
  })
  .strict();

/** Who sends the documents (core/organisation/profile.ts): on this device for now. */
export const organisationCalls = {
  'organisation.get': { args: noArgs, result: returns<OrganisationProfile>() },
  /** Replaces the profile; returns it as stored. */
  'organisation.save': { args: z.object({ profile: organisationProfile }).strict(), result: returns<OrganisationProfile>() },
} as const;
