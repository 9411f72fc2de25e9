import type { Customer, CustomerKind, Engagement, EngagementStage } from '../../core/engagements/types';
import type { CallArgs } from '../../core/api/contract';
import { msg } from '../../core/api/message';
import { issue, type ApiIssue } from '../../core/api/result';

/**
 * What the forms edit, and how a draft becomes call arguments. Pure functions, so the rules
 * (empty rows dropped, only changed fields sent, '' dates cleared) are unit-tested.
 */

/** `key` identifies a row in the form; `id` is the stored contact's id (absent for new rows). */
export type ContactDraft = { key: string; id?: string; name: string; role: string; email: string; phone: string };
export type CustomerDraft = { name: string; kind: CustomerKind; industry: string; region: string; notes: string; contacts: ContactDraft[] };

export type MemberDraft = { key: string; name: string; role: string };
export type EngagementDraft = {
  title: string;
  scenarios: string[];
  stage: EngagementStage;
  /** '' when not set (what a date input holds). */
  startDate: string;
  endDate: string;
  /** '' for the device's time zone. */
  timeZone: string;
  team: MemberDraft[];
};

let nextKey = 0;
/** A key for a new form row (React list keys; never stored). */
export function rowKey(): string {
  nextKey += 1;
  return `row-${nextKey}`;
}

export function customerDraft(customer: Customer | null): CustomerDraft {
  if (!customer) return { name: '', kind: 'enterprise', industry: '', region: '', notes: '', contacts: [] };
  return {
    name: customer.name,
    kind: customer.kind,
    industry: customer.industry,
    region: customer.region,
    notes: customer.notes,
    contacts: customer.contacts.map((c) => ({ key: c.id, id: c.id, name: c.name, role: c.role, email: c.email, phone: c.phone })),
  };
}

function isBlankContact(c: ContactDraft): boolean {
  return c.id === undefined && [c.name, c.role, c.email, c.phone].every((v) => v.trim() === '');
}

/** Rows the user added and left completely empty are not sent (they would only fail validation). */
function contactArgs(contacts: ContactDraft[]) {
  return contacts.filter((c) => !isBlankContact(c)).map(({ id, name, role, email, phone }) => ({ ...(id !== undefined && { id }), name, role, email, phone }));
}

export function customerCreateArgs(draft: CustomerDraft): CallArgs<'customers.create'> {
  return { name: draft.name, kind: draft.kind, industry: draft.industry, region: draft.region, notes: draft.notes, contacts: contactArgs(draft.contacts) };
}

export function customerUpdateArgs(id: string, draft: CustomerDraft): CallArgs<'customers.update'> {
  return { id, ...customerCreateArgs(draft) };
}

/**
 * Where a contact's error should show: the backend numbers the rows it was sent, which skip the
 * blank rows; this maps those numbers back to the form's rows.
 */
export function sentContactRows(contacts: ContactDraft[]): ContactDraft[] {
  return contacts.filter((c) => !isBlankContact(c));
}

export function engagementDraft(engagement: Engagement | null, stage: EngagementStage = 'discovery'): EngagementDraft {
  if (!engagement) return { title: '', scenarios: [], stage, startDate: '', endDate: '', timeZone: '', team: [] };
  return {
    title: engagement.title,
    scenarios: engagement.scenarios,
    stage: engagement.stage,
    startDate: engagement.startDate ?? '',
    endDate: engagement.endDate ?? '',
    timeZone: engagement.timeZone ?? '',
    team: engagement.team.map((m) => ({ key: rowKey(), name: m.name, role: m.role })),
  };
}

function isBlankMember(m: MemberDraft): boolean {
  return m.name.trim() === '' && m.role.trim() === '';
}

function teamArgs(team: MemberDraft[]): { name: string; role: string }[] {
  return team.filter((m) => !isBlankMember(m)).map(({ name, role }) => ({ name, role }));
}

export function sentMemberRows(team: MemberDraft[]): MemberDraft[] {
  return team.filter((m) => !isBlankMember(m));
}

export function engagementCreateArgs(customerId: string, draft: EngagementDraft): CallArgs<'engagements.create'> {
  return {
    customerId,
    title: draft.title,
    scenarios: draft.scenarios,
    stage: draft.stage,
    ...(draft.startDate !== '' && { startDate: draft.startDate }),
    ...(draft.endDate !== '' && { endDate: draft.endDate }),
    ...(draft.timeZone !== '' && { timeZone: draft.timeZone }),
    team: teamArgs(draft.team),
  };
}

/** Only the fields that differ from what was loaded, so a save never overwrites a change made elsewhere (e.g. the stage). */
export function engagementUpdateArgs(id: string, before: EngagementDraft, draft: EngagementDraft): CallArgs<'engagements.update'> {
  const sameList = (a: unknown[], b: unknown[]) => JSON.stringify(a) === JSON.stringify(b);
  return {
    id,
    ...(draft.title !== before.title && { title: draft.title }),
    ...(!sameList(draft.scenarios, before.scenarios) && { scenarios: draft.scenarios }),
    ...(draft.stage !== before.stage && { stage: draft.stage }),
    ...(draft.startDate !== before.startDate && { startDate: draft.startDate === '' ? null : draft.startDate }),
    ...(draft.endDate !== before.endDate && { endDate: draft.endDate === '' ? null : draft.endDate }),
    ...(draft.timeZone !== before.timeZone && { timeZone: draft.timeZone === '' ? null : draft.timeZone }),
    ...(!sameList(teamArgs(draft.team), teamArgs(before.team)) && { team: teamArgs(draft.team) }),
  };
}

/** True when the draft differs from what was loaded (row keys do not count). */
export function isDirty<T>(before: T, draft: T): boolean {
  return JSON.stringify(before, omitKeys) !== JSON.stringify(draft, omitKeys);
}

function omitKeys(key: string, value: unknown): unknown {
  return key === 'key' ? undefined : value;
}

/**
 * Re-keys row errors from the backend's numbering ("contacts.2.email", counting the rows sent) to
 * the form's row keys ("contacts.<key>.email"), so they stay on their row when rows move.
 */
export function keyRowErrors(errors: Readonly<Record<string, string>>, field: string, sentRows: { key: string }[]): Record<string, string> {
  const keyed: Record<string, string> = {};
  const pattern = new RegExp(`^${field}\\.(\\d+)(\\..+)?$`);
  for (const [path, message] of Object.entries(errors)) {
    const match = pattern.exec(path);
    const row = match ? sentRows[Number(match[1])] : undefined;
    keyed[row ? `${field}.${row.key}${match?.[2] ?? ''}` : path] = message;
  }
  return keyed;
}

/**
 * The engagement checks that need no stored data, in the backend's words. Used before creating a
 * customer inline, so every problem shows at once and no customer is created for a form that
 * cannot be saved; the backend still checks everything.
 */
export function engagementDraftIssues(draft: EngagementDraft): ApiIssue[] {
  const issues: ApiIssue[] = [];
  if (draft.title.trim() === '') issues.push(issue('title', msg('issue.required')));
  if (draft.scenarios.length === 0) issues.push(issue('scenarios', msg('issue.noScenario')));
  if (draft.startDate !== '' && draft.endDate !== '' && draft.endDate < draft.startDate) issues.push(issue('endDate', msg('issue.endBeforeStart')));
  return issues;
}
