import { ACTIVE_RISK_STATUSES, type RiskStatus } from './types';

/** Pure rules of the risk register, shared by backend, renderer and tests. */

/** Overdue: due before today (a local day, `localDay` in core/dates.ts) and still open or mitigating. */
export function isOverdue(item: { dueDate: string | null; status: RiskStatus }, today: string): boolean {
  return item.dueDate !== null && item.dueDate < today && ACTIVE_RISK_STATUSES.includes(item.status);
}

export function riskScore(likelihood: number, impact: number): number {
  return likelihood * impact;
}

/** Splits an assessment recommendation ref `checklist-id#item-id`; null for any other ref. */
export function parseRiskRef(ref: string): { checklistId: string; itemId: string } | null {
  const [checklistId, itemId, ...rest] = ref.split('#');
  if (!checklistId || !itemId || rest.length > 0) return null;
  return { checklistId, itemId };
}
