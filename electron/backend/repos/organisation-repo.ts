import { storedOrganisation } from '../../../core/api/calls/organisation';
import { DEFAULT_ORGANISATION, type OrganisationLogo, type OrganisationProfile, type OrganisationSettings } from '../../../core/organisation/profile';
import type { Db } from '../db/connection';

/**
 * The organisation profile, kept as one settings row. It is checked again when read: a
 * hand-edited or damaged row gives the defaults (and the next save replaces it) instead of
 * breaking every export; a row saved before a field existed reads with that field's default.
 */

const KEY = 'organisation';

export function readOrganisation(db: Db): OrganisationProfile {
  const row = db.prepare('SELECT value FROM settings WHERE key = ?').get(KEY) as { value: string } | undefined;
  if (!row) return DEFAULT_ORGANISATION;
  try {
    const parsed = storedOrganisation.safeParse(JSON.parse(row.value));
    return parsed.success ? parsed.data : DEFAULT_ORGANISATION;
  } catch {
    return DEFAULT_ORGANISATION;
  }
}

function writeProfile(db: Db, profile: OrganisationProfile): OrganisationProfile {
  db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, JSON.stringify(profile));
  return readOrganisation(db);
}

/** Replaces the settings; the logo stays as it is. */
export function writeOrganisation(db: Db, settings: OrganisationSettings): OrganisationProfile {
  return writeProfile(db, { ...settings, logo: readOrganisation(db).logo });
}

export function writeOrganisationLogo(db: Db, logo: OrganisationLogo | null): OrganisationProfile {
  return writeProfile(db, { ...readOrganisation(db), logo });
}
