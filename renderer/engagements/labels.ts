import { localDay } from '../../core/dates';
import type { CustomerKind, EngagementStage } from '../../core/engagements/types';
import type { Translate } from '../i18n/i18n';

export function stageLabel(stage: EngagementStage, t: Translate): string {
  return t(`engagements.stage.${stage}`);
}

export function kindLabel(kind: CustomerKind, t: Translate): string {
  return t(`engagements.customers.kind.${kind}`);
}

/** The local day (YYYY-MM-DD) of a stored UTC timestamp, for dense tables. */
export function shortDate(iso: string): string {
  return localDay(new Date(iso));
}
