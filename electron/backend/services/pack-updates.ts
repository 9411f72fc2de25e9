import { msg } from '../../../core/api/message';
import { ApiFailure } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import type { TemplateDetail, TemplatePackUpdate } from '../../../core/api/calls/templates';
import type { PackRecordKind } from '../../../core/content/lists';
import type { TemplateFile } from '../../../core/content/schemas';
import type { Lang } from '../../../core/i18n';
import { diffTemplates } from '../../../core/templates/diff';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { getHeldBack, settleHeldBack, type StoredPackUpdate } from '../repos/pack-update-repo';
import { getTemplate, highestTemplateVersion, insertUserTemplate } from '../repos/template-repo';
import { templateOrFail } from './templates';

/**
 * Content-pack updates held back because the user changed the record (content/import-pack.ts
 * records them): compared with the user's version, taken as a new version (templates), or
 * dismissed. Nothing the user wrote is ever overwritten: taking stores the pack's template under
 * the next free version number, and every existing version stays.
 */

/** The update waiting for a record, checked against the version the user saw. */
function heldOrFail(db: Db, kind: PackRecordKind, id: string, packVersion: number): StoredPackUpdate {
  const held = getHeldBack(db, kind, id);
  if (!held) throw new ApiFailure('not_found', msg('error.noHeldBackUpdate', { id }));
  if (held.packVersion !== packVersion) throw new ApiFailure('conflict', msg('error.heldBackUpdateChanged', { id, available: held.packVersion, asked: packVersion }));
  return held;
}

/** The pack's newer template with a comparison against the newest version on this device; null when none waits. */
export function templatePackUpdate(db: Db, id: string, lang: Lang): TemplatePackUpdate | null {
  const held = getHeldBack(db, 'template', id);
  if (!held) return null;
  // The importer stored the pack's file after the loader validated it against the content schema.
  const template = JSON.parse(held.record) as TemplateFile;
  const current = getTemplate(db, id);
  return {
    id,
    packVersion: held.packVersion,
    reason: held.reason,
    heldAt: held.heldAt,
    current: current?.versions[0] ?? null,
    nextVersion: (highestTemplateVersion(db, id) ?? 0) + 1,
    template,
    diff: current ? diffTemplates(current.template, template, lang) : null,
  };
}

/** Stores the held-back pack template as the next version of the template; the user's versions stay as they are. */
export function takeTemplateUpdate(db: Db, { id, packVersion }: ParsedArgs<'templates.takePackUpdate'>, now: Date): TemplateDetail {
  const version = transact(db, () => {
    const held = heldOrFail(db, 'template', id, packVersion);
    const template = JSON.parse(held.record) as TemplateFile;
    const next = (highestTemplateVersion(db, id) ?? 0) + 1;
    // Written on this device by the user's choice, like a save: the importer's own rows stay the
    // only ones of origin 'pack', which is how it tells what the device has from the pack.
    insertUserTemplate(db, { ...template, version: next });
    settleHeldBack(db, 'template', id, { state: 'taken', asVersion: next }, now.toISOString());
    return next;
  });
  return templateOrFail(db, id, version);
}

/** Dismisses a held-back update: the notice goes, the pack's record stays stored; a newer pack version is held back again. */
export function dismissPackUpdate(db: Db, { kind, id, packVersion }: ParsedArgs<'content.dismissUpdate'>, now: Date): { dismissed: true } {
  transact(db, () => {
    heldOrFail(db, kind, id, packVersion);
    settleHeldBack(db, kind, id, { state: 'dismissed' }, now.toISOString());
  });
  return { dismissed: true };
}
