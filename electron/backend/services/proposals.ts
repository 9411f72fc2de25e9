import { formatApiMessage, msg, type ApiMessage } from '../../../core/api/message';
import { ApiFailure, fieldFailure, issue, type ApiIssue } from '../../../core/api/result';
import { VERSION_NAME_MAX } from '../../../core/api/limits';
import { PROPOSAL_LABELS } from '../../../core/proposals/labels';
import type { ParsedArgs } from '../../../core/api/contract';
import { evaluateAssessment } from '../../../core/assessment/engine';
import { localDay } from '../../../core/dates';
import { checkProposalDocument, proposalText } from '../../../core/proposals/document';
import { diffProposals } from '../../../core/proposals/diff';
import { generateProposal, type ArticleSource, type AssessmentSource } from '../../../core/proposals/generate';
import { checkPricing, canonicalPricing } from '../../../core/proposals/money';
import { articleIdsIn, staleBlocks, type ArticleReview } from '../../../core/proposals/stale';
import { checkTimeline } from '../../../core/proposals/timeline';
import {
  isLockedProposal,
  PROPOSAL_STATUS_MOVES,
  STATUSES_NEEDING_REASON,
  type CompareSide,
  type GenerationProblem,
  type Proposal,
  type ProposalComparison,
  type ProposalDetail,
  type ProposalSection,
  type ProposalSnapshot,
  type ProposalStatus,
  type ProposalVersion,
  type ProposalVersionSummary,
} from '../../../core/proposals/types';
import type { TemplateFile } from '../../../core/content/schemas';
import type { Lang, Localized } from '../../../core/i18n';
import { getAnswers, getSession, listSessions } from '../repos/assessment-repo';
import { getEngagement } from '../repos/engagement-repo';
import { getArticle, getArticleSummaries } from '../repos/kb-repo';
import {
  engagementScenarioNames,
  getProposal,
  getVersion,
  insertProposal,
  insertVersion,
  removeProposal,
  snapshotOf,
  statusHistory,
  updateProposalContent,
  updateProposalStatus,
  type ProposalContent,
} from '../repos/proposal-repo';
import { listRisks } from '../repos/risk-repo';
import { getTemplate } from '../repos/template-repo';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import { answerValues } from './assessments';
import type { ServiceContext } from './context';
import { notFound } from './found';

/** A status's name in both languages, for messages. */
function statusLabel(status: ProposalStatus): Localized {
  return { en: PROPOSAL_LABELS.en.statuses[status], zh: PROPOSAL_LABELS.zh.statuses[status] };
}

function refuse(issues: ApiIssue[]): never {
  const [first] = issues;
  const problem: ApiMessage = first ? { key: first.key, params: first.params } : msg('issue.invalid');
  throw new ApiFailure('bad_request', issues.length > 1 ? msg('error.proposalRefusedMore', { problem, more: issues.length - 1 }) : msg('error.proposalRefused', { problem }), issues);
}

/** Article ids a template reads: its fromArticle sections and the kb: links in its bodies. */
function templateArticleIds(template: TemplateFile): string[] {
  const ids = new Set<string>();
  for (const section of template.sections) {
    if (section.fromArticle !== undefined) ids.add(section.fromArticle);
    for (const body of [section.body?.en ?? '', section.body?.zh ?? '']) {
      for (const match of body.matchAll(/\(kb:([a-z0-9]+(?:-[a-z0-9]+)*)\)/g)) if (match[1]) ids.add(match[1]);
    }
  }
  return [...ids];
}

/**
 * Checks every section body; returns them as stored (cleaned JSON) with the plain text of all.
 * Edits are refused on any problem. Generated sections are cleaned instead (`lenient`): an article
 * written elsewhere may hold, say, an http: link that proposals do not keep; its words stay.
 */
function checkedSections(sections: readonly ProposalSection[], lenient = false): { sections: ProposalSection[]; text: string } {
  const issues: ApiIssue[] = [];
  const ids = new Set<string>();
  const texts: { title: string; text: string }[] = [];
  const out = sections.map((section, index) => {
    if (ids.has(section.id)) issues.push(issue(`sections.${index}.id`, msg('proposal.sectionIdTwice', { section: section.title, id: section.id })));
    ids.add(section.id);
    const checked = checkProposalDocument(section.bodyJson);
    const inSection = (problem: ApiMessage) => msg('proposal.sectionProblem', { section: section.title, problem });
    if (checked.json === null) issues.push(issue(`sections.${index}.bodyJson`, inSection(checked.problems[0]?.message ?? msg('rich.notEditorState'))));
    else if (!lenient) issues.push(...checked.problems.map((p) => issue(`sections.${index}.bodyJson.${p.path}`, inSection(p.message))));
    texts.push({ title: section.title, text: checked.text });
    return { ...section, bodyJson: checked.json ?? section.bodyJson };
  });
  if (issues.length > 0) refuse(issues);
  return { sections: out, text: proposalText(texts) };
}

function checkFigures(content: Pick<ProposalContent, 'pricing' | 'timeline'>): void {
  const issues: ApiIssue[] = [
    ...checkPricing(content.pricing).map((p) => issue(p.line === null ? `pricing.${p.field}` : `pricing.lines.${p.line}.${p.field}`, p.message)),
    ...checkTimeline(content.timeline).map((p) => issue(p.phase === null ? `timeline.${p.field}` : `timeline.phases.${p.phase}.${p.field}`, p.message)),
  ];
  if (issues.length > 0) refuse(issues);
}

/** POC proposals: generation from a template and an assessment, edits, statuses, versions. */

export function proposalOrFail(db: Db, id: string): Proposal {
  const proposal = getProposal(db, id);
  if (!proposal) throw notFound('record.proposal', id);
  return proposal;
}

/** The proposal with what the editor shows beside it: stale article blocks, template title, status history. */
export function proposalDetail(db: Db, proposal: Proposal): ProposalDetail {
  const ids = articleIdsIn(proposal.sections);
  const articles = new Map<string, ArticleReview>(getArticleSummaries(db, ids).map((a) => [a.id, { title: a.title, reviewDate: a.reviewDate }]));
  const articleReviewDates: Record<string, string> = {};
  for (const [id, a] of articles) if (a.reviewDate !== null) articleReviewDates[id] = a.reviewDate;
  const template = getTemplate(db, proposal.templateId, proposal.templateVersion) ?? getTemplate(db, proposal.templateId);
  return {
    ...proposal,
    stale: staleBlocks(proposal.sections, articles, localDay(), proposal.lang),
    templateTitle: template?.template.title ?? null,
    articleReviewDates,
    history: statusHistory(db, proposal.id),
  };
}

/** The assessment to generate from: the one asked for, or the engagement's latest completed one for a template scenario. */
function assessmentFor(ctx: ServiceContext, engagementId: string, sessionId: string | undefined, template: TemplateFile): AssessmentSource | null {
  const { db } = ctx;
  let id = sessionId;
  if (id === undefined) {
    const completed = listSessions(db, { engagementId, status: 'completed' });
    const fitting = completed.find((s) => {
      const def = ctx.definitions.find(s.session.definitionId, s.session.definitionVersion);
      return def !== null && template.scenarios.includes(def.scenarioId);
    });
    id = fitting?.session.id;
    if (id === undefined) return null;
  }
  const session = getSession(db, id);
  if (!session || session.engagementId !== engagementId) {
    throw fieldFailure('sessionId', msg('issue.notSessionOfEngagement'));
  }
  const { definition } = ctx.definitions.get(session.definitionId, session.definitionVersion);
  const answers = answerValues(getAnswers(db, session.id));
  return { sessionId: session.id, definition, answers, result: evaluateAssessment(definition, answers) };
}

/** Assembles a draft from the template, the engagement, its assessment, risks and articles, and stores it. */
export function generate(ctx: ServiceContext, args: ParsedArgs<'proposals.generate'>): { proposal: ProposalDetail; problems: GenerationProblem[] } {
  const { db } = ctx;
  const engagement = getEngagement(db, args.engagementId);
  if (!engagement) throw notFound('record.engagement', args.engagementId);
  const stored = getTemplate(db, args.templateId, args.templateVersion);
  if (!stored) {
    const { templateId: id, templateVersion: version } = args;
    throw new ApiFailure('not_found', version === undefined ? msg('error.noTemplate', { id }) : msg('error.noTemplateVersion', { id, version }));
  }
  const template = stored.template;
  const articles: ArticleSource[] = templateArticleIds(template).flatMap((id) => {
    const article = getArticle(db, id);
    return article ? [article] : [];
  });
  const generated = generateProposal({
    template,
    lang: args.lang,
    engagement,
    scenarios: engagementScenarioNames(db, engagement.scenarios),
    assessment: assessmentFor(ctx, engagement.id, args.sessionId, template),
    risks: listRisks(db, { engagementId: engagement.id }, localDay()),
    articles,
    today: localDay(),
    ...(args.title !== undefined ? { title: args.title } : {}),
  });
  const g = generated.proposal;
  // A template stored before these checks existed could hold a price such as "1.0000001".
  checkFigures(g);
  const { sections, text } = checkedSections(g.sections, true);
  const proposal = insertProposal(
    db,
    { engagementId: g.engagementId, sessionId: g.sessionId, templateId: g.templateId, templateVersion: g.templateVersion, lang: g.lang },
    { title: g.title, sections, successCriteria: g.successCriteria, pricing: g.pricing, timeline: g.timeline, text, articleIds: articleIdsIn(sections) },
  );
  return { proposal: proposalDetail(db, proposal), problems: generated.problems };
}

function contentOf(snapshot: Pick<ProposalSnapshot, 'title' | 'sections' | 'successCriteria' | 'pricing' | 'timeline'>): ProposalContent {
  const { sections, text } = checkedSections(snapshot.sections);
  const content: ProposalContent = {
    title: snapshot.title,
    sections,
    successCriteria: snapshot.successCriteria,
    pricing: snapshot.pricing,
    timeline: snapshot.timeline,
    text,
    articleIds: articleIdsIn(sections),
  };
  checkFigures(content);
  return content;
}

/** Saves edits (all checked; nothing changes on any problem); a conflict when the copy edited is not the stored one. */
export function saveProposal(db: Db, { id, baseUpdatedAt, ...patch }: ParsedArgs<'proposals.save'>): ProposalDetail {
  const saved = transact(db, () => {
    const existing = proposalOrFail(db, id);
    refuseIfLocked(existing);
    if (baseUpdatedAt !== undefined && baseUpdatedAt !== existing.updatedAt) {
      throw new ApiFailure('conflict', msg('error.proposalChanged', { at: existing.updatedAt, base: baseUpdatedAt }));
    }
    const content = contentOf({
      title: patch.title ?? existing.title,
      sections: patch.sections ?? existing.sections,
      successCriteria: patch.successCriteria ?? existing.successCriteria,
      // Figures as plain digits, however they were typed ("1,200", "１２００").
      pricing: patch.pricing ? canonicalPricing(patch.pricing) : existing.pricing,
      timeline: patch.timeline ?? existing.timeline,
    });
    return updateProposalContent(db, existing, content);
  });
  return proposalDetail(db, saved);
}

/** Moves a proposal along draft → internal review → sent → won | lost; won and lost keep their reason. */
export function setProposalStatus(db: Db, { id, status, reason }: ParsedArgs<'proposals.setStatus'>): ProposalDetail {
  const moved = transact(db, () => {
    const existing = proposalOrFail(db, id);
    const allowed = PROPOSAL_STATUS_MOVES[existing.status];
    if (!allowed.includes(status)) {
      const [from, to] = [statusLabel(existing.status), statusLabel(status)];
      const options = { en: allowed.map((s) => statusLabel(s).en).join(' or '), zh: allowed.map((s) => `“${statusLabel(s).zh}”`).join('或') };
      throw new ApiFailure('conflict', allowed.length === 0 ? msg('error.statusFinal', { from, to }) : msg('error.statusMove', { from, to, options }));
    }
    const why = (reason ?? '').trim();
    if (STATUSES_NEEDING_REASON.includes(status) && why === '') {
      const label = statusLabel(status);
      throw new ApiFailure('bad_request', msg('error.reasonNeeded', { status: label }), [issue('reason', msg('issue.reasonNeeded', { status: label }))]);
    }
    const next = updateProposalStatus(db, existing, status, why);
    // Every move keeps the content it refers to (what was sent, what was won) as a version.
    insertVersion(db, next, versionName(msg('version.atStatus', { status: statusLabel(status) }), next.lang), true);
    return next;
  });
  return proposalDetail(db, moved);
}

/** A sent, won or lost proposal is what the customer received: nothing changes it. */
function refuseIfLocked(proposal: Proposal): void {
  if (isLockedProposal(proposal.status)) throw new ApiFailure('conflict', msg('error.proposalLocked', { status: statusLabel(proposal.status) }));
}

function versionName(message: ApiMessage, lang: Lang): string {
  return formatApiMessage(message, lang).slice(0, VERSION_NAME_MAX);
}

/** A new draft with the proposal's content, to change and send again; the original stays as it is. */
export function reviseProposal(db: Db, id: string): ProposalDetail {
  const copy = transact(db, () => {
    const original = proposalOrFail(db, id);
    const revision = insertProposal(
      db,
      { engagementId: original.engagementId, sessionId: original.sessionId, templateId: original.templateId, templateVersion: original.templateVersion, lang: original.lang },
      contentOf(snapshotOf(original)),
    );
    insertVersion(db, revision, versionName(msg('version.revisionOf', { status: statusLabel(original.status) }), revision.lang), true);
    return revision;
  });
  return proposalDetail(db, copy);
}

export function saveProposalVersion(db: Db, id: string, name: string): ProposalVersionSummary {
  return transact(db, () => insertVersion(db, proposalOrFail(db, id), name.trim(), false));
}

export function versionOrFail(db: Db, versionId: string): ProposalVersion {
  const version = getVersion(db, versionId);
  if (!version) throw notFound('record.proposalVersion', versionId);
  return version;
}

function compareSide(db: Db, proposal: Proposal, which: string): { side: CompareSide; snapshot: ProposalSnapshot } {
  if (which === 'current') return { side: { kind: 'current', savedAt: proposal.updatedAt }, snapshot: snapshotOf(proposal) };
  const version = getVersion(db, which);
  if (!version || version.proposalId !== proposal.id) throw new ApiFailure('not_found', msg('error.noVersionOfProposal', { id: which }));
  return { side: { kind: 'version', versionId: version.id, name: version.name, savedAt: version.createdAt }, snapshot: version.snapshot };
}

export function compareProposal(db: Db, { proposalId, from, to }: ParsedArgs<'proposals.compare'>): ProposalComparison {
  const proposal = proposalOrFail(db, proposalId);
  const a = compareSide(db, proposal, from);
  const b = compareSide(db, proposal, to);
  return { from: a.side, to: b.side, diff: diffProposals(a.snapshot, b.snapshot) };
}

/** Restores a version after keeping the current state as the version "Before restoring <name>". */
export function restoreVersion(db: Db, versionId: string): ProposalDetail {
  const restored = transact(db, () => {
    const version = versionOrFail(db, versionId);
    const existing = proposalOrFail(db, version.proposalId);
    refuseIfLocked(existing);
    // Checked before anything is written: a version that no longer passes the checks restores nothing.
    const content = contentOf(version.snapshot);
    // Named in the proposal's language: the versions list belongs to the document.
    insertVersion(db, existing, formatApiMessage(msg('version.beforeRestoring', { name: version.name }), existing.lang).slice(0, VERSION_NAME_MAX), true);
    return updateProposalContent(db, existing, content);
  });
  return proposalDetail(db, restored);
}

export function deleteProposal(db: Db, id: string): { removed: boolean } {
  return { removed: removeProposal(db, id) };
}
