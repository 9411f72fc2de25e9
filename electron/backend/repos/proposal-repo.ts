import type { Lang } from '../../../core/i18n';
import { pricingTotals } from '../../../core/proposals/money';
import type {
  Pricing,
  Proposal,
  ProposalSection,
  ProposalSnapshot,
  ProposalStatus,
  ProposalSummary,
  ProposalVersion,
  ProposalVersionSummary,
  StatusHistoryEntry,
  SuccessCriterion,
  Timeline,
} from '../../../core/proposals/types';
import type { Db } from '../db/connection';
import { commit, insert, remove, stampNow, transact, update, type Change } from '../db/changes';
import { newId } from './ids';

/**
 * Proposals, their named versions and their status history. A proposal row keeps its sections and
 * success criteria in body_json, the plain text of all sections in body_text, pricing and timeline
 * in their own columns, and in provenance the ids of the knowledge-base articles it took content
 * from. Deleting is a tombstone.
 */

type ProposalRow = {
  id: string;
  engagement_id: string;
  session_id: string | null;
  template_id: string;
  template_version: number;
  title: string;
  lang: Lang;
  status: ProposalStatus;
  status_reason: string;
  body_json: string;
  pricing: string;
  timeline: string;
  created_at: string;
  updated_at: string;
};

/** What body_json holds. */
type StoredBody = { sections: ProposalSection[]; successCriteria: SuccessCriterion[] };

const SELECT_PROPOSAL = `SELECT id, engagement_id, session_id, template_id, template_version, title, lang, status, status_reason,
  body_json, pricing, timeline, created_at, updated_at FROM proposals`;

function toProposal(row: ProposalRow): Proposal {
  // Everything stored here was checked before it was written: by the handlers, or on arrival by sync (sync/incoming-shapes.ts).
  const body = JSON.parse(row.body_json) as StoredBody;
  return {
    id: row.id,
    engagementId: row.engagement_id,
    sessionId: row.session_id,
    templateId: row.template_id,
    templateVersion: row.template_version,
    title: row.title,
    lang: row.lang,
    status: row.status,
    statusReason: row.status_reason,
    sections: body.sections,
    successCriteria: body.successCriteria,
    pricing: JSON.parse(row.pricing) as Pricing,
    timeline: JSON.parse(row.timeline) as Timeline,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function getProposal(db: Db, id: string): Proposal | null {
  const row = db.prepare(`${SELECT_PROPOSAL} WHERE id = ? AND deleted = 0`).get(id) as ProposalRow | undefined;
  return row ? toProposal(row) : null;
}

/** The stored content of a proposal: what save, restore and generation write. */
export type ProposalContent = {
  title: string;
  sections: ProposalSection[];
  successCriteria: SuccessCriterion[];
  pricing: Pricing;
  timeline: Timeline;
  /** Plain text of all sections, for search and excerpts. */
  text: string;
  /** Knowledge-base articles the sections took content from. */
  articleIds: string[];
};

function bodyJson(content: ProposalContent): string {
  const body: StoredBody = { sections: content.sections, successCriteria: content.successCriteria };
  return JSON.stringify(body);
}

export function insertProposal(
  db: Db,
  head: { engagementId: string; sessionId: string | null; templateId: string; templateVersion: number; lang: Lang },
  content: ProposalContent,
): Proposal {
  const id = newId();
  commit(db, [
    insert('proposals', {
      id,
      engagement_id: head.engagementId,
      session_id: head.sessionId,
      template_id: head.templateId,
      template_version: head.templateVersion,
      lang: head.lang,
      status: 'draft',
      status_reason: '',
      ...contentColumns(content),
    }),
    statusHistoryEntry(id, null, 'draft', ''),
  ]);
  const proposal = getProposal(db, id);
  if (!proposal) throw new Error('proposal vanished after insert');
  return proposal;
}

function contentColumns(content: ProposalContent) {
  return {
    title: content.title,
    body_json: bodyJson(content),
    body_text: content.text,
    pricing: JSON.stringify(content.pricing),
    timeline: JSON.stringify(content.timeline),
    provenance: JSON.stringify({ articles: content.articleIds }),
  };
}

export function updateProposalContent(db: Db, existing: Proposal, content: ProposalContent): Proposal {
  // Guarded by the revision the caller read: another writer's save in between fails this one (StaleWriteError) instead of being overwritten.
  commit(db, [update('proposals', { id: existing.id }, contentColumns(content), { updated_at: existing.updatedAt })]);
  const proposal = getProposal(db, existing.id);
  if (!proposal) throw new Error('proposal vanished after update');
  return proposal;
}

export function updateProposalStatus(db: Db, existing: Proposal, status: ProposalStatus, reason: string): Proposal {
  commit(db, [update('proposals', { id: existing.id }, { status, status_reason: reason }, { updated_at: existing.updatedAt }), statusHistoryEntry(existing.id, existing.status, status, reason)]);
  const proposal = getProposal(db, existing.id);
  if (!proposal) throw new Error('proposal vanished after update');
  return proposal;
}

function statusHistoryEntry(proposalId: string, from: ProposalStatus | null, to: ProposalStatus, reason: string): Change {
  return insert('proposal_status_history', { id: newId(), proposal_id: proposalId, from_status: from, to_status: to, reason, changed_at: stampNow() });
}

export function statusHistory(db: Db, proposalId: string): StatusHistoryEntry[] {
  const rows = db
    .prepare('SELECT from_status, to_status, reason, changed_at FROM proposal_status_history WHERE proposal_id = ? AND deleted = 0 ORDER BY changed_at, rowid')
    .all(proposalId) as { from_status: ProposalStatus | null; to_status: ProposalStatus; reason: string; changed_at: string }[];
  return rows.map((r) => ({ from: r.from_status, to: r.to_status, reason: r.reason, at: r.changed_at }));
}

/** Tombstones a proposal; false when there was no live proposal. */
export function removeProposal(db: Db, id: string): boolean {
  return transact(db, () => getProposal(db, id) !== null && (commit(db, [remove('proposals', { id })])[0]?.changed ?? false));
}

type SummaryRow = ProposalRow & { engagement_title: string; customer_name: string; version_count: number };

export function listProposals(db: Db, filter: { engagementId?: string | undefined; status?: ProposalStatus | undefined }): ProposalSummary[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.engagement_id, p.title, p.lang, p.status, p.pricing, p.updated_at, e.title AS engagement_title, c.name AS customer_name,
         (SELECT count(*) FROM proposal_versions v WHERE v.proposal_id = p.id AND v.deleted = 0) AS version_count
       FROM proposals p JOIN engagements e ON e.id = p.engagement_id JOIN customers c ON c.id = e.customer_id
       WHERE p.deleted = 0 AND (@engagement IS NULL OR p.engagement_id = @engagement) AND (@status IS NULL OR p.status = @status)
       ORDER BY p.updated_at DESC, p.id`,
    )
    .all({ engagement: filter.engagementId ?? null, status: filter.status ?? null }) as SummaryRow[];
  return rows.map((r) => {
    const pricing = JSON.parse(r.pricing) as Pricing;
    return {
      id: r.id,
      title: r.title,
      engagementId: r.engagement_id,
      engagementTitle: r.engagement_title,
      customerName: r.customer_name,
      status: r.status,
      lang: r.lang,
      total: pricingTotals(pricing).total,
      currency: pricing.currency,
      updatedAt: r.updated_at,
      versionCount: r.version_count,
    };
  });
}

export function snapshotOf(p: Proposal): ProposalSnapshot {
  return {
    title: p.title,
    lang: p.lang,
    status: p.status,
    statusReason: p.statusReason,
    sections: p.sections,
    successCriteria: p.successCriteria,
    pricing: p.pricing,
    timeline: p.timeline,
    templateId: p.templateId,
    templateVersion: p.templateVersion,
  };
}

type VersionRow = { id: string; proposal_id: string; name: string; automatic: number; created_at: string };

function toVersionSummary(r: VersionRow): ProposalVersionSummary {
  return { id: r.id, proposalId: r.proposal_id, name: r.name, automatic: r.automatic === 1, createdAt: r.created_at };
}

export function insertVersion(db: Db, proposal: Proposal, name: string, automatic: boolean): ProposalVersionSummary {
  const id = newId();
  // The funnel's stamps never repeat, so versions of one proposal sort by creation.
  commit(db, [insert('proposal_versions', { id, proposal_id: proposal.id, name, snapshot: JSON.stringify(snapshotOf(proposal)), automatic: automatic ? 1 : 0 })]);
  const created = db.prepare('SELECT created_at FROM proposal_versions WHERE id = ?').pluck().get(id) as string;
  return { id, proposalId: proposal.id, name, automatic, createdAt: created };
}

export function listVersions(db: Db, proposalId: string): ProposalVersionSummary[] {
  const rows = db
    .prepare('SELECT id, proposal_id, name, automatic, created_at FROM proposal_versions WHERE proposal_id = ? AND deleted = 0 ORDER BY created_at DESC, rowid DESC')
    .all(proposalId) as VersionRow[];
  return rows.map(toVersionSummary);
}

export function getVersion(db: Db, versionId: string): ProposalVersion | null {
  const row = db
    .prepare(
      `SELECT v.id, v.proposal_id, v.name, v.automatic, v.created_at, v.snapshot FROM proposal_versions v
       JOIN proposals p ON p.id = v.proposal_id WHERE v.id = ? AND v.deleted = 0 AND p.deleted = 0`,
    )
    .get(versionId) as (VersionRow & { snapshot: string }) | undefined;
  if (!row) return null;
  return { ...toVersionSummary(row), snapshot: JSON.parse(row.snapshot) as ProposalSnapshot };
}

export function engagementScenarioNames(db: Db, ids: readonly string[]): { id: string; name: { en: string; zh: string } }[] {
  if (ids.length === 0) return [];
  const rows = db
    .prepare(`SELECT id, name_en, name_zh FROM scenarios WHERE id IN (${ids.map(() => '?').join(', ')})`)
    .all(...ids) as { id: string; name_en: string; name_zh: string }[];
  return rows.map((r) => ({ id: r.id, name: { en: r.name_en, zh: r.name_zh } }));
}
