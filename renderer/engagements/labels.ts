import type { CustomerKind, EngagementStage } from '../../core/engagements/types';
import type { Translate } from '../i18n/i18n';

export function stageLabel(stage: EngagementStage, t: Translate): string {
  return t(`engagements.stage.${stage}`);
}

export function kindLabel(kind: CustomerKind, t: Translate): string {
  return t(`engagements.customers.kind.${kind}`);
}

/** The date part of a stored timestamp (YYYY-MM-DD), for dense tables. */
export function shortDate(iso: string): string {
  return iso.slice(0, 10);
}
