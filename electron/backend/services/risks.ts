import { msg } from '../../../core/api/message';
import { fieldFailure } from '../../../core/api/result';
import type { ParsedArgs } from '../../../core/api/contract';
import { pick } from '../../../core/i18n';
import { localDay } from '../../../core/dates';
import type { AddFromChecklistResult, Checklist, RiskItem } from '../../../core/risks/types';
import { transact } from '../db/changes';
import type { Db } from '../db/connection';
import {
  engagementExists,
  getChecklist,
  getRisk,
  hasChecklistItem,
  insertRisks,
  removeRisk,
  sessionBelongsTo,
  unknownArticles,
  updateRisk,
  type NewRisk,
} from '../repos/risk-repo';
import { notFound } from './found';

/** The risk register: risks copied from checklists (in one language) or written by hand. */

function requireEngagement(db: Db, engagementId: string): void {
  if (!engagementExists(db, engagementId)) throw notFound('record.engagement', engagementId);
}

function requireKnownArticles(db: Db, articles: readonly string[] | undefined): void {
  if (!articles) return;
  const unknown = unknownArticles(db, articles);
  if (unknown.length > 0) throw fieldFailure('articles', msg('issue.unknownArticle', { ids: unknown.map((a) => `"${a}"`).join(', ') }));
}

/** Reads back a risk just written; it must be there. */
function mustGet(db: Db, id: string): RiskItem {
  const risk = getRisk(db, id, localDay());
  if (!risk) throw new Error(`risk ${id} vanished after it was written`);
  return risk;
}

export function checklistOrFail(db: Db, id: string): Checklist {
  const checklist = getChecklist(db, id);
  if (!checklist) throw notFound('record.checklist', id);
  return checklist;
}

/** Copies checklist items into the register; unknown, repeated and already registered items are skipped with the reason. */
export function addRisksFromChecklist(db: Db, { engagementId, items, source, sessionId, lang }: ParsedArgs<'risks.addFromChecklist'>): AddFromChecklistResult {
  const ids = transact(db, () => {
    requireEngagement(db, engagementId);
    if (sessionId !== undefined && !sessionBelongsTo(db, sessionId, engagementId)) {
      throw fieldFailure('sessionId', msg('issue.notSessionOfEngagement'));
    }
    const checklists = new Map<string, Checklist | null>();
    const seen = new Set<string>();
    const toAdd: NewRisk[] = [];
    const skipped: AddFromChecklistResult['skipped'] = [];
    for (const { checklistId, itemId, reason } of items) {
      const ref = `${checklistId}#${itemId}`;
      if (!checklists.has(checklistId)) checklists.set(checklistId, getChecklist(db, checklistId));
      const checklist = checklists.get(checklistId) ?? null;
      const item = checklist?.items.find((i) => i.id === itemId);
      if (!checklist) {
        skipped.push({ checklistId, itemId, reason: 'unknown-checklist', message: msg('notice.unknownChecklist', { checklist: checklistId }) });
      } else if (!item) {
        skipped.push({ checklistId, itemId, reason: 'unknown-item', message: msg('notice.unknownChecklistItem', { checklist: checklistId, item: itemId }) });
      } else if (seen.has(ref)) {
        // Named by title, as the register shows it: the ids mean nothing to the consultant.
        skipped.push({ checklistId, itemId, reason: 'listed-twice', message: msg('notice.listedTwice', { title: item.title }) });
      } else if (hasChecklistItem(db, engagementId, checklistId, itemId)) {
        skipped.push({ checklistId, itemId, reason: 'already-in-register', message: msg('notice.alreadyInRegister', { title: item.title }) });
      } else {
        // The texts are copied in one language so a later pack upgrade never changes the consultant's record.
        toAdd.push({
          engagementId,
          checklistId,
          checklistItemId: itemId,
          source,
          sessionId: sessionId ?? null,
          recommendationReason: reason ?? '',
          lang,
          title: pick(item.title, lang),
          description: pick(item.description, lang),
          category: item.category,
          likelihood: item.likelihood,
          impact: item.impact,
          owner: '',
          dueDate: null,
          status: 'open',
          mitigation: pick(item.mitigation, lang),
          articles: item.articles,
        });
      }
      seen.add(ref);
    }
    return { added: toAdd.length > 0 ? insertRisks(db, toAdd) : [], skipped };
  });
  return { added: ids.added.map((id) => mustGet(db, id)), skipped: ids.skipped };
}

export function createRisk(db: Db, args: ParsedArgs<'risks.create'>): RiskItem {
  const id = transact(db, () => {
    requireEngagement(db, args.engagementId);
    requireKnownArticles(db, args.articles);
    const [riskId] = insertRisks(db, [
      {
        engagementId: args.engagementId,
        checklistId: null,
        checklistItemId: null,
        source: 'manual',
        sessionId: null,
        recommendationReason: '',
        lang: null,
        title: args.title,
        description: args.description ?? '',
        category: args.category,
        likelihood: args.likelihood,
        impact: args.impact,
        owner: args.owner?.trim() ?? '',
        dueDate: args.dueDate ?? null,
        status: args.status ?? 'open',
        mitigation: args.mitigation ?? '',
        articles: args.articles ?? [],
      },
    ]);
    if (riskId === undefined) throw new Error('insertRisks returned no id');
    return riskId;
  });
  return mustGet(db, id);
}

export function changeRisk(db: Db, { id, ...changes }: ParsedArgs<'risks.update'>): RiskItem {
  transact(db, () => {
    requireKnownArticles(db, changes.articles);
    if (!getRisk(db, id, localDay())) throw notFound('record.risk', id);
    updateRisk(db, id, { ...changes, owner: changes.owner?.trim() });
  });
  return mustGet(db, id);
}

export function deleteRisk(db: Db, id: string): { removed: boolean } {
  return { removed: removeRisk(db, id) };
}
