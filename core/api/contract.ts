import type { z } from 'zod';
import { appCalls } from './calls/app';
import { kbCalls } from './calls/kb';
import { attachmentCalls } from './calls/attachments';
import { riskCalls } from './calls/risks';
import { engagementCalls } from './calls/engagements';
import { assessmentCalls } from './calls/assessments';
import { templateCalls } from './calls/templates';
import { reportCalls } from './calls/reports';
import { noteCalls } from './calls/notes';
import { proposalCalls } from './calls/proposals';
import { proposalExportCalls } from './calls/proposal-export';

export * from './types';

/**
 * The one contract between renderer and backend. Each entry: a runtime schema for the arguments
 * (the renderer is not trusted: the backend validates every call) and the result type.
 * Both transports (Electron's MessagePort and the browser host's HTTP) carry exactly these calls.
 */

export const calls = {
  ...appCalls,
  ...kbCalls,
  ...attachmentCalls,
  ...riskCalls,
  ...engagementCalls,
  ...assessmentCalls,
  ...templateCalls,
  ...reportCalls,
  ...noteCalls,
  ...proposalCalls,
  ...proposalExportCalls,
} as const;


export type Calls = typeof calls;
export type CallName = keyof Calls;
/** What the renderer passes (defaults not yet applied). */
export type CallArgs<N extends CallName> = z.input<Calls[N]['args']>;
/** What a handler receives: validated, defaults applied. */
export type ParsedArgs<N extends CallName> = z.output<Calls[N]['args']>;
export type CallResult<N extends CallName> = Calls[N]['result'];

export * from './events';

export function isCallName(name: unknown): name is CallName {
  return typeof name === 'string' && Object.prototype.hasOwnProperty.call(calls, name);
}
