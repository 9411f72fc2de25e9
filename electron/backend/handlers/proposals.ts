import type { proposalCalls } from '../../../core/api/calls/proposals';
import { listProposals, listVersions } from '../repos/proposal-repo';
import {
  compareProposal,
  deleteProposal,
  generate,
  proposalDetail,
  proposalOrFail,
  restoreVersion,
  saveProposal,
  reviseProposal, saveProposalVersion,
  setProposalStatus,
  versionOrFail,
} from '../services/proposals';
import { exportChecks, exportDocx, exportDocxSize, exportMarkdown, exportMissingFiles, exportPdf } from '../services/proposal-exports';
import type { HandlerContext, HandlersFor } from './context';

export function proposalHandlers(ctx: HandlerContext): HandlersFor<typeof proposalCalls> {
  const { db } = ctx;
  return {
    'proposals.generate': (args) => generate(ctx, args),
    'proposals.list': (filter) => listProposals(db, filter),
    'proposals.get': ({ id }) => proposalDetail(db, proposalOrFail(db, id)),
    'proposals.save': (args) => saveProposal(db, args),
    'proposals.setStatus': (args) => setProposalStatus(db, args),
    'proposals.saveVersion': ({ id, name }) => saveProposalVersion(db, id, name),
    'proposals.revise': ({ id }) => reviseProposal(db, id),
    'proposals.versions': ({ id }) => listVersions(db, proposalOrFail(db, id).id),
    'proposals.version': ({ versionId }) => versionOrFail(db, versionId),
    'proposals.compare': (args) => compareProposal(db, args),
    'proposals.restore': ({ versionId }) => restoreVersion(db, versionId),
    'proposals.remove': ({ id }) => deleteProposal(db, id),
    'proposals.exportMissingFiles': ({ id, versionId }) => exportMissingFiles(ctx, id, versionId),
    'proposals.exportChecks': ({ id, versionId, copy }) => exportChecks(ctx, id, versionId, copy ?? 'customer'),
    'proposals.exportDocxSize': ({ id, versionId, copy }) => exportDocxSize(ctx, id, versionId, copy ?? 'customer'),
    'proposals.exportDocx': ({ id, versionId, copy }) => exportDocx(ctx, id, versionId, copy ?? 'customer'),
    'proposals.exportPdf': ({ id, copy }) => exportPdf(ctx, id, copy ?? 'customer'),
    'proposals.exportMarkdown': ({ id, copy }) => exportMarkdown(ctx, id, copy ?? 'customer'),
  };
}
