import { z } from 'zod';
import { LANGS } from '../../../core/i18n';
import { THEMES, type Settings } from '../../../core/api/contract';
import type { Db } from '../db/connection';

const DEFAULTS: Settings = { language: 'en', languageChosen: false, theme: 'system', welcomeDismissed: false };

// Stored values are re-validated on read: a hand-edited or corrupted row falls back to the default
// for that key instead of breaking the app.
const schemas = { language: z.enum(LANGS), theme: z.enum(THEMES), welcomeDismissed: z.boolean() } as const;

export function readSettings(db: Db): Settings {
  const rows = db.prepare('SELECT key, value FROM settings').all() as { key: string; value: string }[];
  const settings: Settings = { ...DEFAULTS };
  for (const row of rows) {
    if (row.key === 'language') {
      const parsed = schemas.language.safeParse(JSON.parse(row.value));
      if (parsed.success) {
        settings.language = parsed.data;
        settings.languageChosen = true;
      }
    } else if (row.key === 'theme') {
      const parsed = schemas.theme.safeParse(JSON.parse(row.value));
      if (parsed.success) settings.theme = parsed.data;
    } else if (row.key === 'welcomeDismissed') {
      const parsed = schemas.welcomeDismissed.safeParse(JSON.parse(row.value));
      if (parsed.success) settings.welcomeDismissed = parsed.data;
    }
  }
  return settings;
}

export function writeSettings(db: Db, changes: Partial<Settings>): Settings {
  const upsert = db.prepare('INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value');
  db.transaction(() => {
    for (const [key, value] of Object.entries(changes)) if (value !== undefined) upsert.run(key, JSON.stringify(value));
  })();
  return readSettings(db);
}
