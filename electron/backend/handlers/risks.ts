import type { riskCalls } from '../../../core/api/calls/risks';
import { localDay } from '../../../core/dates';
import { listRisks } from '../repos/risk-repo';
import { addRisksFromChecklist, changeRisk, createRisk, deleteRisk } from '../services/risks';
import type { HandlerContext, HandlersFor } from './context';

export function riskHandlers({ db }: HandlerContext): HandlersFor<typeof riskCalls> {
  return {
    'risks.list': (filter) => listRisks(db, filter, localDay()),
    'risks.addFromChecklist': (args) => addRisksFromChecklist(db, args),
    'risks.create': (args) => createRisk(db, args),
    'risks.update': (args) => changeRisk(db, args),
    'risks.remove': ({ id }) => deleteRisk(db, id),
  };
}
