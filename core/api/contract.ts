import type { z } from 'zod';
import { appCalls } from './calls/app';
import { settingsCalls } from './calls/settings';
import { organisationCalls } from './calls/organisation';
import { contentCalls } from './calls/content';
import { scenarioCalls } from './calls/scenarios';
import { kbCalls } from './calls/kb';
import { attachmentCalls } from './calls/attachments';
import { checklistCalls } from './calls/checklists';
import { riskCalls } from './calls/risks';
import { customerCalls } from './calls/customers';
import { engagementCalls } from './calls/engagements';
import { assessmentCalls } from './calls/assessments';
import { templateCalls } from './calls/templates';
import { reportCalls } from './calls/reports';
import { noteCalls } from './calls/notes';
import { lessonCalls } from './calls/lessons';
import { proposalCalls } from './calls/proposals';
import { backupCalls } from './calls/backups';
import { syncCalls } from './calls/sync';
import { reviewCalls } from './calls/review';
import { joinMaps } from './join';

export * from './types';
export * from './events';

/**
 * The one contract between renderer and backend: one call map per call prefix
 * (`calls/<prefix>.ts`, e.g. every `risks.*` call in calls/risks.ts), joined here. Each entry: a
 * runtime schema for the arguments (the renderer is not trusted: the backend validates every
 * call) and the result type. Both transports (Electron's MessagePort and the browser host's HTTP) carry
 * exactly these calls. A name declared twice fails to compile and fails at start-up.
 */
export const calls = joinMaps([
  appCalls,
  settingsCalls,
  organisationCalls,
  contentCalls,
  scenarioCalls,
  kbCalls,
  attachmentCalls,
  checklistCalls,
  riskCalls,
  customerCalls,
  engagementCalls,
  assessmentCalls,
  templateCalls,
  reportCalls,
  noteCalls,
  lessonCalls,
  proposalCalls,
  backupCalls,
  syncCalls,
  reviewCalls,
]);

export type Calls = typeof calls;
export type CallName = keyof Calls & string;
/** What the renderer passes (defaults not yet applied). */
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
/** What a handler receives: validated, defaults applied. */
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> = Calls[N]['result'];

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
