import type {
  Contact,
  Customer,
  CustomerKind,
  CustomerRef,
  CustomerSummary,
  Engagement,
  EngagementStage,
  EngagementSummary,
  TeamMember,
} from '../../../core/engagements/types';
import type { Db } from '../db/connection';
import { stringArray } from './json';
import { commit, insert, remove, transact, update, type Change } from '../db/changes';
import { newId } from './ids';

/** Customers, their contacts and engagements. Deleting is a tombstone (deleted = 1) everywhere. */

type CustomerRow = {
  id: string;
  name: string;
  kind: CustomerKind;
  industry: string;
  region: string;
  notes: string;
  created_at: string;
  updated_at: string;
};

type ContactRow = { id: string; name: string; role: string; email: string; phone: string };

type EngagementRow = {
  id: string;
  customer_id: string;
  title: string;
  stage: EngagementStage;
  scenarios: string;
  team: string;
  start_date: string | null;
  end_date: string | null;
  time_zone: string | null;
  created_at: string;
  updated_at: string;
};

export type ContactInput = { id?: string; name: string; role?: string; email?: string; phone?: string };

export type CustomerInput = {
  name: string;
  kind: CustomerKind;
  industry?: string;
  region?: string;
  notes?: string;
  contacts?: ContactInput[];
};

export type CustomerPatch = Partial<CustomerInput>;

export type EngagementInput = {
  customerId: string;
  title: string;
  scenarios: string[];
  stage: EngagementStage;
  startDate?: string | null;
  endDate?: string | null;
  timeZone?: string | null;
  team?: { name: string; role?: string }[];
};

export type EngagementPatch = Partial<Omit<EngagementInput, 'customerId'>>;

/** Case-insensitive containment that also works for Chinese (SQLite's lower() folds ASCII only). */
function contains(haystacks: string[], query: string): boolean {
  const needle = query.trim().toLocaleLowerCase();
  return needle === '' || haystacks.some((h) => h.toLocaleLowerCase().includes(needle));
}

function teamFromJson(text: string): TeamMember[] {
  const value: unknown = JSON.parse(text);
  if (!Array.isArray(value)) return [];
  return value.flatMap((v: unknown) => {
    if (typeof v !== 'object' || v === null) return [];
    const { name, role } = v as Record<string, unknown>;
    return typeof name === 'string' ? [{ name, role: typeof role === 'string' ? role : '' }] : [];
  });
}

function toRef(row: Pick<CustomerRow, 'id' | 'name' | 'kind' | 'industry' | 'region'>): CustomerRef {
  return { id: row.id, name: row.name, kind: row.kind, industry: row.industry, region: row.region };
}

// Customers -----------------------------------------------------------------------------------

export function getCustomer(db: Db, id: string): Customer | null {
  const row = db.prepare('SELECT * FROM customers WHERE id = ? AND deleted = 0').get(id) as CustomerRow | undefined;
  if (!row) return null;
  const contacts = db
    .prepare('SELECT id, name, role, email, phone FROM customer_contacts WHERE customer_id = ? AND deleted = 0 ORDER BY created_at, rowid')
    .all(id) as ContactRow[];
  return { ...toRef(row), notes: row.notes, contacts: contacts.map((c): Contact => ({ ...c })), createdAt: row.created_at, updatedAt: row.updated_at };
}

export function listCustomers(db: Db, query = ''): CustomerSummary[] {
  const rows = db
    .prepare(
      `SELECT c.id, c.name, c.kind, c.industry, c.region, c.updated_at,
         (SELECT count(*) FROM engagements e WHERE e.customer_id = c.id AND e.deleted = 0) AS engagement_count
       FROM customers c WHERE c.deleted = 0 ORDER BY c.name COLLATE NOCASE, c.id`,
    )
    .all() as (CustomerRow & { engagement_count: number })[];
  return rows
    .filter((r) => contains([r.name, r.industry, r.region], query))
    .map((r) => ({ ...toRef(r), engagementCount: r.engagement_count, updatedAt: r.updated_at }));
}

/** Contact ids that belong to the customer and are not deleted. */
export function contactIds(db: Db, customerId: string): Set<string> {
  const ids = db.prepare('SELECT id FROM customer_contacts WHERE customer_id = ? AND deleted = 0').pluck().all(customerId) as string[];
  return new Set(ids);
}

export function insertCustomer(db: Db, input: CustomerInput): Customer {
  const id = newId();
  commit(db, [
    insert('customers', { id, name: input.name, kind: input.kind, industry: input.industry ?? '', region: input.region ?? '', notes: input.notes ?? '' }),
    ...(input.contacts ?? []).map((contact) => newContact(id, contact)),
  ]);
  const customer = getCustomer(db, id);
  if (!customer) throw new Error('customer vanished after insert');
  return customer;
}

function newContact(customerId: string, contact: ContactInput): Change {
  return insert('customer_contacts', {
    id: newId(),
    customer_id: customerId,
    name: contact.name,
    role: contact.role ?? '',
    email: contact.email ?? '',
    phone: contact.phone ?? '',
  });
}

/**
 * Applies the fields given and keeps the others. A given contact list replaces the stored one:
 * contacts with an id are updated (fields not given are kept), new ones added, missing ones
 * tombstoned. The caller checks that every given contact id belongs to this customer.
 */
export function updateCustomer(db: Db, existing: Customer, patch: CustomerPatch): Customer {
  commit(db, [
    update('customers', { id: existing.id }, { name: patch.name, kind: patch.kind, industry: patch.industry, region: patch.region, notes: patch.notes }),
    ...(patch.contacts ? contactChanges(existing, patch.contacts) : []),
  ]);
  const customer = getCustomer(db, existing.id);
  if (!customer) throw new Error('customer vanished after update');
  return customer;
}

function contactChanges(existing: Customer, contacts: ContactInput[]): Change[] {
  const stored = new Map(existing.contacts.map((c) => [c.id, c]));
  const kept = new Set<string>();
  const changes: Change[] = [];
  for (const contact of contacts) {
    const old = contact.id === undefined ? undefined : stored.get(contact.id);
    if (!old) {
      changes.push(newContact(existing.id, contact));
      continue;
    }
    kept.add(old.id);
    changes.push(update('customer_contacts', { id: old.id }, { name: contact.name, role: contact.role, email: contact.email, phone: contact.phone }));
  }
  for (const id of stored.keys()) if (!kept.has(id)) changes.push(remove('customer_contacts', { id }));
  return changes;
}

export function countEngagements(db: Db, customerId: string): number {
  return db.prepare('SELECT count(*) FROM engagements WHERE customer_id = ? AND deleted = 0').pluck().get(customerId) as number;
}

/** Tombstones the customer and its contacts; false when there was nothing to delete. */
export function removeCustomer(db: Db, id: string): boolean {
  return transact(db, () => {
    if (!getCustomer(db, id)) return false;
    const contacts = db.prepare('SELECT id FROM customer_contacts WHERE customer_id = ? AND deleted = 0').pluck().all(id) as string[];
    commit(db, [remove('customers', { id }), ...contacts.map((contactId) => remove('customer_contacts', { id: contactId }))]);
    return true;
  });
}

// Engagements ---------------------------------------------------------------------------------

/** The ids among `ids` that are not live scenarios. */
export function unknownScenarios(db: Db, ids: string[]): string[] {
  const known = new Set(db.prepare('SELECT id FROM scenarios WHERE deleted = 0').pluck().all() as string[]);
  return ids.filter((id) => !known.has(id));
}

export function getEngagement(db: Db, id: string): Engagement | null {
  const row = db.prepare('SELECT * FROM engagements WHERE id = ? AND deleted = 0').get(id) as EngagementRow | undefined;
  if (!row) return null;
  // The customer row may be a tombstone only if it was deleted elsewhere (sync); still show its name.
  const customer = db.prepare('SELECT id, name, kind, industry, region FROM customers WHERE id = ?').get(row.customer_id) as CustomerRow | undefined;
  if (!customer) return null;
  return {
    id: row.id,
    title: row.title,
    customer: toRef(customer),
    stage: row.stage,
    scenarios: stringArray(row.scenarios),
    startDate: row.start_date,
    endDate: row.end_date,
    timeZone: row.time_zone,
    team: teamFromJson(row.team),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export function listEngagements(db: Db, filter: { customerId?: string; stage?: EngagementStage; query?: string }): EngagementSummary[] {
  const where = ['e.deleted = 0'];
  const params: string[] = [];
  if (filter.customerId !== undefined) {
    where.push('e.customer_id = ?');
    params.push(filter.customerId);
  }
  if (filter.stage !== undefined) {
    where.push('e.stage = ?');
    params.push(filter.stage);
  }
  const rows = db
    .prepare(
      `SELECT e.*, c.name AS customer_name FROM engagements e JOIN customers c ON c.id = e.customer_id
       WHERE ${where.join(' AND ')} ORDER BY e.updated_at DESC, e.rowid DESC`,
    )
    .all(...params) as (EngagementRow & { customer_name: string })[];
  return rows
    .filter((r) => contains([r.title, r.customer_name], filter.query ?? ''))
    .map((r) => ({
      id: r.id,
      title: r.title,
      customerId: r.customer_id,
      customerName: r.customer_name,
      stage: r.stage,
      scenarios: stringArray(r.scenarios),
      startDate: r.start_date,
      endDate: r.end_date,
      updatedAt: r.updated_at,
    }));
}

function teamToJson(team: { name: string; role?: string }[]): string {
  return JSON.stringify(team.map((m) => ({ name: m.name, role: m.role ?? '' })));
}

export function insertEngagement(db: Db, input: EngagementInput): Engagement {
  const id = newId();
  commit(db, [
    insert('engagements', {
      id,
      customer_id: input.customerId,
      title: input.title,
      stage: input.stage,
      scenarios: JSON.stringify(input.scenarios),
      team: teamToJson(input.team ?? []),
      start_date: input.startDate ?? null,
      end_date: input.endDate ?? null,
      time_zone: input.timeZone ?? null,
    }),
  ]);
  const engagement = getEngagement(db, id);
  if (!engagement) throw new Error('engagement vanished after insert');
  return engagement;
}

/** Applies the fields given and keeps the others; a date given as null is cleared. */
export function updateEngagement(db: Db, existing: Engagement, patch: EngagementPatch): Engagement {
  commit(db, [
    update(
      'engagements',
      { id: existing.id },
      {
        title: patch.title,
        stage: patch.stage,
        scenarios: patch.scenarios === undefined ? undefined : JSON.stringify(patch.scenarios),
        team: patch.team === undefined ? undefined : teamToJson(patch.team),
        start_date: patch.startDate,
        end_date: patch.endDate,
        time_zone: patch.timeZone,
      },
    ),
  ]);
  const engagement = getEngagement(db, existing.id);
  if (!engagement) throw new Error('engagement vanished after update');
  return engagement;
}

export function removeEngagement(db: Db, id: string): boolean {
  return transact(db, () => getEngagement(db, id) !== null && (commit(db, [remove('engagements', { id })])[0]?.changed ?? false));
}
