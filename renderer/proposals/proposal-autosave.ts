import type { Proposal } from '../../core/proposals/types';
import { mutate } from '../data/query-client';
import type { AutosaveOptions, CopyStore } from '../data/autosave';

/** What the proposal editor changes in place; status and versions have their own calls. */
export type ProposalDraft = Pick<Proposal, 'title' | 'sections' | 'successCriteria' | 'pricing' | 'timeline'>;

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Unsaved proposal edits kept on this device; the backend checks them again when they are sent. */
export const PROPOSAL_COPIES: CopyStore<ProposalDraft> = {
  prefix: 'fieldbench.proposal-copy.',
  read: (value) =>
    typeof value.title === 'string' && Array.isArray(value.sections) && Array.isArray(value.successCriteria) && isObject(value.pricing) && isObject(value.timeline)
      ? (value as unknown as ProposalDraft)
      : null,
};

export function draftOf(proposal: Proposal): ProposalDraft {
  return { title: proposal.title, sections: proposal.sections, successCriteria: proposal.successCriteria, pricing: proposal.pricing, timeline: proposal.timeline };
}

/** How a proposal autosaves (renderer/data/autosave.ts), keyed by its id: only the parts changed since the last acknowledged save are sent. */
export function proposalAutosave(proposal: Proposal): AutosaveOptions<ProposalDraft> {
  return {
    opened: { [proposal.id]: { draft: draftOf(proposal), version: proposal.updatedAt } },
    copies: PROPOSAL_COPIES,
    save: async (id, draft, changed, version) => {
      const result = await mutate('proposals.save', {
        id,
        ...(version !== null && { baseUpdatedAt: version }),
        ...(changed.has('title') ? { title: draft.title } : {}),
        ...(changed.has('sections') ? { sections: draft.sections } : {}),
        ...(changed.has('successCriteria') ? { successCriteria: draft.successCriteria } : {}),
        ...(changed.has('pricing') ? { pricing: draft.pricing } : {}),
        ...(changed.has('timeline') ? { timeline: draft.timeline } : {}),
      });
      return result.ok ? { ok: true, value: { savedAt: result.value.updatedAt, version: result.value.updatedAt } } : result;
    },
  };
}
