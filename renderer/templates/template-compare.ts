import type { TemplateField } from '../../core/templates/diff';
import type { MessageKey } from '../i18n/en';

/** The UI message that names each kind of changed template field (core/templates/diff.ts); a new kind fails to compile until it has one. */
export const FIELD_LABELS: { readonly [F in TemplateField]: MessageKey } = {
  title: 'templates.field.title',
  description: 'templates.field.description',
  durationWeeks: 'templates.field.durationWeeks',
  scenarios: 'templates.field.scenarios',
  sectionOrder: 'templates.field.sectionOrder',
  sectionRule: 'templates.field.sectionRule',
  sectionRepeat: 'templates.field.sectionRepeat',
  sectionArticle: 'templates.field.sectionArticle',
  criterion: 'templates.field.criterion',
  criterionMetric: 'templates.field.criterionMetric',
  criterionTarget: 'templates.field.criterionTarget',
  criterionMeasurement: 'templates.field.criterionMeasurement',
  currency: 'templates.field.currency',
  taxRate: 'templates.field.taxRate',
  line: 'templates.field.line',
  lineItem: 'templates.field.lineItem',
  lineUnit: 'templates.field.lineUnit',
  lineQuantity: 'templates.field.lineQuantity',
  lineUnitPrice: 'templates.field.lineUnitPrice',
  phase: 'templates.field.phase',
  phaseName: 'templates.field.phaseName',
  phaseWeeks: 'templates.field.phaseWeeks',
  phaseDeliverables: 'templates.field.phaseDeliverables',
};
