import { useCallback } from 'react';
import type { Proposal } from '../../core/proposals/types';
import { mutate } from '../data/query-client';
import { useAutosave, type CopyStore } from '../lib/autosave';

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

/** Autosave of a proposal: only the parts changed since the last acknowledged save are sent. */
export function useProposalAutosave(proposal: Proposal) {
  const id = proposal.id;
  const save = useCallback(
    (draft: ProposalDraft, changed: ReadonlySet<keyof ProposalDraft>, baseUpdatedAt: string) =>
      mutate('proposals.save', {
        id,
        baseUpdatedAt,
        ...(changed.has('title') ? { title: draft.title } : {}),
        ...(changed.has('sections') ? { sections: draft.sections } : {}),
        ...(changed.has('successCriteria') ? { successCriteria: draft.successCriteria } : {}),
        ...(changed.has('pricing') ? { pricing: draft.pricing } : {}),
        ...(changed.has('timeline') ? { timeline: draft.timeline } : {}),
      }),
    [id],
  );
  return useAutosave<ProposalDraft>({ id, store: PROPOSAL_COPIES, initial: draftOf(proposal), baseUpdatedAt: proposal.updatedAt, save });
}
