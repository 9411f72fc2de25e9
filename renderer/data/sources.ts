import type { CallName } from '../../core/api/contract';
import { CONTENT_TABLES, RECORD_TABLES, type RecordTable } from '../../core/api/tables';

/**
 * What each call of the contract does to the renderer's query cache. A query's answer is cached
 * under its call name and arguments and dropped or refetched when a table it reads changes
 * (`data.changed`, or a mutation of this renderer that writes it). `settings` and `content_pack`
 * are not record tables: the preferences change only through `settings.update`, the content
 * pack's status only with `content.imported`; `backups` is the data folder's backups list; `sync`
 * is the sync bookkeeping (account, runs, conflicts), refreshed by every `sync.progress` event.
 *
 * A call missing here fails to compile (and `renderer-query-cache.test.ts` checks every call of the
 * contract at run time), so a new call is classified where it is added. Listing a table too many
 * costs one refetch; a table too few shows stale data, so when unsure, list it.
 */
export type Source = RecordTable | 'settings' | 'content_pack' | 'backups' | 'sync';

export type CallEffect =
  /** Reads records; cached by call name and arguments. */
  | { readonly kind: 'query'; readonly reads: readonly Source[] }
  /** Changes records; on success the cached answers that read what it writes are refreshed. */
  | { readonly kind: 'mutation'; readonly writes: readonly Source[] }
  /** Makes a file on request (exports); never cached, changes nothing. */
  | { readonly kind: 'file' };

const SESSION_READS = ['assessment_sessions', 'assessment_answers', 'assessment_answers_set_aside', 'assessment_definitions', 'engagements', 'customers'] as const;
const KB_READS = ['kb_articles', 'kb_article_texts', 'scenarios'] as const;
const ATTACHMENT_WRITES = ['attachments', 'attachment_links'] as const;

export const CALL_EFFECTS = {
  'app.info': { kind: 'query', reads: [] },
  'settings.get': { kind: 'query', reads: ['settings'] },
  'organisation.get': { kind: 'query', reads: ['settings'] },
  'organisation.save': { kind: 'mutation', writes: ['settings'] },
  'organisation.setLogo': { kind: 'mutation', writes: ['settings', 'attachments'] },
  'organisation.removeLogo': { kind: 'mutation', writes: ['settings'] },
  'settings.update': { kind: 'mutation', writes: ['settings'] },
  'content.status': { kind: 'query', reads: ['content_pack', ...CONTENT_TABLES] },
  // Held-back pack updates are content-pack bookkeeping: 'content_pack' covers them.
  'content.dismissUpdate': { kind: 'mutation', writes: ['content_pack'] },
  'scenarios.list': { kind: 'query', reads: KB_READS },

  'kb.search': { kind: 'query', reads: [...KB_READS, 'field_notes', 'lessons', 'engagements'] },
  'kb.list': { kind: 'query', reads: KB_READS },
  'kb.facets': { kind: 'query', reads: KB_READS },
  'kb.get': { kind: 'query', reads: KB_READS },
  'kb.related': { kind: 'query', reads: KB_READS },
  'glossary.list': { kind: 'query', reads: ['glossary_entries'] },

  'attachments.add': { kind: 'mutation', writes: ATTACHMENT_WRITES },
  'attachments.list': { kind: 'query', reads: ATTACHMENT_WRITES },
  'attachments.read': { kind: 'query', reads: ['attachments'] },
  'attachments.caption': { kind: 'mutation', writes: ATTACHMENT_WRITES },
  'attachments.remove': { kind: 'mutation', writes: ATTACHMENT_WRITES },

  'checklists.list': { kind: 'query', reads: ['risk_checklists', 'scenarios'] },
  'checklists.get': { kind: 'query', reads: ['risk_checklists'] },
  'risks.list': { kind: 'query', reads: ['risk_items', 'engagements', 'customers', 'kb_articles'] },
  'risks.addFromChecklist': { kind: 'mutation', writes: ['risk_items'] },
  'risks.create': { kind: 'mutation', writes: ['risk_items'] },
  'risks.update': { kind: 'mutation', writes: ['risk_items'] },
  'risks.remove': { kind: 'mutation', writes: ['risk_items'] },

  'customers.create': { kind: 'mutation', writes: ['customers', 'customer_contacts'] },
  'customers.update': { kind: 'mutation', writes: ['customers', 'customer_contacts'] },
  'customers.list': { kind: 'query', reads: ['customers', 'engagements'] },
  'customers.get': { kind: 'query', reads: ['customers', 'customer_contacts'] },
  'customers.remove': { kind: 'mutation', writes: ['customers', 'customer_contacts'] },
  'engagements.create': { kind: 'mutation', writes: ['engagements'] },
  'engagements.update': { kind: 'mutation', writes: ['engagements'] },
  'engagements.list': { kind: 'query', reads: ['engagements', 'customers'] },
  'engagements.get': { kind: 'query', reads: ['engagements', 'customers'] },
  'engagements.remove': { kind: 'mutation', writes: ['engagements'] },

  'assessments.definitions': { kind: 'query', reads: ['assessment_definitions', 'scenarios'] },
  'assessments.definitionQuestions': { kind: 'query', reads: ['assessment_definitions'] },
  'assessments.start': { kind: 'mutation', writes: ['assessment_sessions'] },
  'assessments.list': { kind: 'query', reads: SESSION_READS },
  'assessments.get': { kind: 'query', reads: SESSION_READS },
  'assessments.answer': { kind: 'mutation', writes: ['assessment_answers', 'assessment_sessions'] },
  'assessments.note': { kind: 'mutation', writes: ['assessment_answers', 'assessment_sessions'] },
  'assessments.previewUpgrade': { kind: 'query', reads: SESSION_READS },
  'assessments.upgrade': { kind: 'mutation', writes: ['assessment_sessions', 'assessment_answers', 'assessment_answers_set_aside'] },
  'assessments.complete': { kind: 'mutation', writes: ['assessment_sessions', ...ATTACHMENT_WRITES] },

  'templates.list': { kind: 'query', reads: ['poc_templates', 'scenarios'] },
  'templates.get': { kind: 'query', reads: ['poc_templates'] },
  'templates.save': { kind: 'mutation', writes: ['poc_templates'] },
  'templates.importDocx': { kind: 'mutation', writes: ['poc_templates'] },
  'templates.publish': { kind: 'mutation', writes: ['poc_templates'] },
  'templates.packUpdate': { kind: 'query', reads: ['content_pack', 'poc_templates'] },
  'templates.takePackUpdate': { kind: 'mutation', writes: ['poc_templates', 'content_pack'] },

  'reports.assessment': { kind: 'query', reads: [...SESSION_READS, 'risk_items', 'kb_articles', 'kb_article_texts', 'risk_checklists', 'poc_templates', ...ATTACHMENT_WRITES] },
  // Whether files are on the device is not in any table: asked afresh before each export (callSafe), never cached.
  'reports.assessmentMissingFiles': { kind: 'query', reads: [...SESSION_READS, 'field_notes', ...ATTACHMENT_WRITES] },
  'reports.assessmentDocxSize': { kind: 'query', reads: [...SESSION_READS, 'field_notes', 'settings', ...ATTACHMENT_WRITES] },
  'reports.assessmentPdf': { kind: 'file' },
  'reports.assessmentDocx': { kind: 'file' },

  'notes.create': { kind: 'mutation', writes: ['field_notes'] },
  'notes.save': { kind: 'mutation', writes: ['field_notes'] },
  'notes.get': { kind: 'query', reads: ['field_notes', 'engagements', 'assessment_sessions'] },
  'notes.list': { kind: 'query', reads: ['field_notes'] },
  'notes.remove': { kind: 'mutation', writes: ['field_notes'] },
  'notes.tags': { kind: 'query', reads: ['field_notes'] },
  'lessons.codify': { kind: 'mutation', writes: ['lessons', 'field_notes'] },
  'lessons.save': { kind: 'mutation', writes: ['lessons'] },
  'lessons.get': { kind: 'query', reads: ['lessons', 'field_notes', 'engagements'] },
  'lessons.list': { kind: 'query', reads: ['lessons', 'engagements'] },

  'proposals.generate': { kind: 'mutation', writes: ['proposals', 'proposal_status_history'] },
  'proposals.list': { kind: 'query', reads: ['proposals', 'proposal_versions', 'engagements', 'customers'] },
  'proposals.get': { kind: 'query', reads: ['proposals', 'proposal_status_history', 'kb_articles', 'kb_article_texts', 'poc_templates', 'engagements', 'customers'] },
  'proposals.save': { kind: 'mutation', writes: ['proposals'] },
  'proposals.setStatus': { kind: 'mutation', writes: ['proposals', 'proposal_status_history', 'proposal_versions'] },
  'proposals.saveVersion': { kind: 'mutation', writes: ['proposal_versions'] },
  'proposals.revise': { kind: 'mutation', writes: ['proposals', 'proposal_versions'] },
  'proposals.versions': { kind: 'query', reads: ['proposal_versions'] },
  'proposals.version': { kind: 'query', reads: ['proposal_versions'] },
  'proposals.compare': { kind: 'query', reads: ['proposals', 'proposal_versions'] },
  'proposals.restore': { kind: 'mutation', writes: ['proposals', 'proposal_versions'] },
  'proposals.remove': { kind: 'mutation', writes: ['proposals'] },
  'proposals.exportMissingFiles': { kind: 'query', reads: ['proposals', 'proposal_versions', ...ATTACHMENT_WRITES] },
  'proposals.exportChecks': { kind: 'query', reads: ['proposals', 'proposal_versions', 'engagements', 'customers', 'settings'] },
  'proposals.exportDocxSize': { kind: 'query', reads: ['proposals', 'proposal_versions', 'settings', ...ATTACHMENT_WRITES] },
  'proposals.exportDocx': { kind: 'file' },
  'proposals.exportPdf': { kind: 'file' },
  'proposals.exportMarkdown': { kind: 'file' },

  // Backups live beside the database; a restore or a rescue replaces every record, so the app reloads after either.
  'backups.list': { kind: 'query', reads: ['backups'] },
  'backups.create': { kind: 'mutation', writes: ['backups'] },
  'backups.restore': { kind: 'mutation', writes: ['backups'] },
  'recovery.status': { kind: 'query', reads: ['backups'] },
  'recovery.restoreBackup': { kind: 'mutation', writes: ['backups'] },
  'recovery.rescue': { kind: 'mutation', writes: ['backups'] },

  // Records a sync changes announce themselves with data.changed; these are its own bookkeeping.
  // Any local change may add to the outbox the status counts.
  'sync.status': { kind: 'query', reads: ['sync', ...RECORD_TABLES] },
  'sync.enrol': { kind: 'mutation', writes: ['sync'] },
  'sync.now': { kind: 'mutation', writes: ['sync', 'backups'] },
  'sync.confirm': { kind: 'mutation', writes: ['sync', 'backups'] },
  'sync.setAuto': { kind: 'mutation', writes: ['sync'] },
  'sync.history': { kind: 'query', reads: ['sync'] },
  'sync.runItems': { kind: 'query', reads: ['sync'] },
  'sync.rollback': { kind: 'mutation', writes: ['sync'] },
  'sync.conflicts': { kind: 'query', reads: ['sync'] },
  'sync.resolveConflict': { kind: 'mutation', writes: ['sync'] },
  'sync.disconnect': { kind: 'mutation', writes: ['sync'] },
  'sync.sharing': { kind: 'query', reads: ['sync'] },
  'sync.share': { kind: 'mutation', writes: ['sync'] },

  'review.submit': { kind: 'mutation', writes: ['submissions', 'lessons'] },
  'review.list': { kind: 'query', reads: ['submissions'] },
  // The role it counts for comes with the account (sync bookkeeping).
  'review.attention': { kind: 'query', reads: ['submissions', 'sync'] },
  'review.forSource': { kind: 'query', reads: ['submissions'] },
  'review.get': { kind: 'query', reads: ['submissions'] },
  'review.decide': { kind: 'mutation', writes: ['submissions'] },
  'review.publish': { kind: 'mutation', writes: ['submissions', ...KB_READS] },
  'review.articles': { kind: 'query', reads: ['submissions', ...KB_READS] },
  'review.draft': { kind: 'query', reads: ['submissions', ...KB_READS] },
  'review.sourcesOf': { kind: 'query', reads: ['submissions'] },
  'review.withdraw': { kind: 'mutation', writes: KB_READS },
  'review.revise': { kind: 'mutation', writes: KB_READS },
} as const satisfies Record<CallName, CallEffect>;

type Effects = typeof CALL_EFFECTS;
/** Calls whose answers are cached (`useQuery`, `fetchQuery`). */
export type QueryName = { [N in CallName]: Effects[N]['kind'] extends 'query' ? N : never }[CallName];
/** Calls that change records (`mutate`). */
export type MutationName = { [N in CallName]: Effects[N]['kind'] extends 'mutation' ? N : never }[CallName];
/** Calls that make a file (`exportFile`). */
export type FileName = { [N in CallName]: Effects[N]['kind'] extends 'file' ? N : never }[CallName];

/** The sources a cached answer of `method` depends on. */
export function readsOf(method: CallName): readonly Source[] {
  const effect: CallEffect = CALL_EFFECTS[method];
  return effect.kind === 'query' ? effect.reads : [];
}

/** The sources a successful `method` changes. */
export function writesOf(method: CallName): readonly Source[] {
  const effect: CallEffect = CALL_EFFECTS[method];
  return effect.kind === 'mutation' ? effect.writes : [];
}
