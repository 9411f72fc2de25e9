import { ACTIVE_RISK_STATUSES, type RiskStatus } from './types';

/** Pure rules of the risk register, shared by backend, renderer and tests. */

/** A day as the consultant sees it (local time), written YYYY-MM-DD: due dates are local days. */
export function localDay(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** Overdue: due before today and still open or mitigating. */
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
