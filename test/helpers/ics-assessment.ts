import fs from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { assessmentFile, type AssessmentFile } from '../../core/content/schemas';
import type { AnswerValue } from '../../core/assessment/logic';

/**
 * The bundled intelligent-customer-service assessment and one realistic, complete set of answers
 * for it (a voice-heavy contact centre with an IVR, weak knowledge base, no recording notice):
 * used by the report's unit, integration, end-to-end tests and the benchmark.
 */

// From the working directory: vitest, Playwright and the benchmark runner (a CJS bundle elsewhere) all run at the repository root.
const CONTENT = path.resolve(process.cwd(), 'resources', 'content');

export function icsDefinition(): AssessmentFile {
  return assessmentFile.parse(parse(fs.readFileSync(path.join(CONTENT, 'assessments', 'ics-readiness.yaml'), 'utf8')));
}

/** In the order the runner asks them, so skip logic sees earlier answers first. */
export const ICS_ANSWERS: [questionId: string, value: AnswerValue, note?: string][] = [
  ['channels', ['voice', 'wechat']],
  ['monthly-contacts', 250000, 'Peak in January after billing runs.'],
  ['agents', 180],
  ['top-intent-share', 4],
  ['primary-goal', 'reduce-cost'],
  ['pain-points', 'Callers wait eleven minutes at peak and repeat themselves to every agent.'],
  ['has-ivr', true],
  ['ivr-menu-depth', 4],
  ['ivr-containment', 12],
  ['ivr-routing', 'vendor-change', '供应商需要变更开发，预计两周。'],
  ['ivr-contract-end', '2026-09-30'],
  ['chatbot-today', false],
  ['call-recordings', 'over-6-months'],
  ['disposition-codes', true],
  ['knowledge-base-quality', 2],
  ['crm-integration', 'api'],
  ['telephony-platform', 'on-prem-cti'],
  ['ticketing-system', true],
  ['data-location', 'domestic-cloud'],
  ['recording-consent', false],
  ['data-classification', true],
  ['ai-disclosure', true],
  ['sponsor', true],
  ['agents-involved', 3],
  ['target-go-live', '2026-12-01'],
];

export function icsAnswerValues(): Record<string, AnswerValue> {
  return Object.fromEntries(ICS_ANSWERS.map(([id, value]) => [id, value]));
}
